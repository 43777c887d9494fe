// Where the workflow runs, from the runner's GITHUB_* variables and event file.
import { readFileSync } from 'node:fs';

export interface GitHubRun {
  readonly apiUrl: string;
  readonly serverUrl: string;
  readonly repository: string;
  readonly runId: string;
  readonly workflow: string;
  /** The pull request the run is for, on pull_request events. */
  readonly pullRequest: number | undefined;
}

export function gitHubRunFromEnv(env: NodeJS.ProcessEnv): GitHubRun {
  return {
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
    repository: env.GITHUB_REPOSITORY ?? '',
    runId: env.GITHUB_RUN_ID ?? '',
    workflow: env.GITHUB_WORKFLOW ?? 'workflow',
    pullRequest: pullRequestOf(env),
  };
}

export function runUrl(run: GitHubRun): string {
  return `${run.serverUrl}/${run.repository}/actions/runs/${run.runId}`;
}

function pullRequestOf(env: NodeJS.ProcessEnv): number | undefined {
  const event = env.GITHUB_EVENT_NAME;
  if ((event !== 'pull_request' && event !== 'pull_request_target') || !env.GITHUB_EVENT_PATH) {
    return undefined;
  }
  try {
    const payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as {
      pull_request?: { number?: unknown };
    };
    const number = payload.pull_request?.number;
    return typeof number === 'number' && Number.isInteger(number) ? number : undefined;
  } catch {
    return undefined;
  }
}
