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
  /** The commit at the head of that pull request: the one a plan is made for. */
  readonly headSha: string | undefined;
}

export function gitHubRunFromEnv(env: NodeJS.ProcessEnv): GitHubRun {
  return {
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
    repository: env.GITHUB_REPOSITORY ?? '',
    runId: env.GITHUB_RUN_ID ?? '',
    workflow: env.GITHUB_WORKFLOW ?? 'workflow',
    ...pullRequestOf(env),
  };
}

export function runUrl(run: GitHubRun): string {
  return `${run.serverUrl}/${run.repository}/actions/runs/${run.runId}`;
}

export function commitUrl(run: GitHubRun, sha: string): string {
  return `${run.serverUrl}/${run.repository}/commit/${sha}`;
}

const NO_PULL_REQUEST = { pullRequest: undefined, headSha: undefined };

function pullRequestOf(env: NodeJS.ProcessEnv): Pick<GitHubRun, 'pullRequest' | 'headSha'> {
  const event = env.GITHUB_EVENT_NAME;
  if ((event !== 'pull_request' && event !== 'pull_request_target') || !env.GITHUB_EVENT_PATH) {
    return NO_PULL_REQUEST;
  }
  try {
    const payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as {
      pull_request?: { number?: unknown; head?: { sha?: unknown } };
    };
    const number = payload.pull_request?.number;
    if (typeof number !== 'number' || !Number.isInteger(number)) return NO_PULL_REQUEST;
    const sha = payload.pull_request?.head?.sha;
    // SHA-1, or SHA-256 in a repository that uses it: anything else is not shown as a commit.
    const valid = typeof sha === 'string' && /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(sha);
    return { pullRequest: number, headSha: valid ? sha : undefined };
  } catch {
    return NO_PULL_REQUEST;
  }
}
