import { join } from 'node:path';

/** A path the user gave relative to the workspace the runner checked the repository out to. */
export function workspacePath(relative: string, env: NodeJS.ProcessEnv): string {
  return join(env.GITHUB_WORKSPACE ?? process.cwd(), relative);
}
