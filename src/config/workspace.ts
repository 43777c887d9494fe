import { join } from 'node:path';

/** The directory the runner checked the repository out to. */
export function workspaceRoot(env: NodeJS.ProcessEnv): string {
  const dir = env.GITHUB_WORKSPACE;
  return dir === undefined || dir === '' ? process.cwd() : dir;
}

/** A path the user gave relative to the workspace the runner checked the repository out to. */
export function workspacePath(relative: string, env: NodeJS.ProcessEnv): string {
  return join(workspaceRoot(env), relative);
}
