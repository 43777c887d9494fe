/** Where the workflow runs, from the runner's GITHUB_* variables. */
export interface GitHubRun {
  readonly apiUrl: string;
  readonly serverUrl: string;
  readonly repository: string;
  readonly runId: string;
  readonly workflow: string;
}

export function gitHubRunFromEnv(env: NodeJS.ProcessEnv): GitHubRun {
  return {
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
    repository: env.GITHUB_REPOSITORY ?? '',
    runId: env.GITHUB_RUN_ID ?? '',
    workflow: env.GITHUB_WORKFLOW ?? 'workflow',
  };
}

export function runUrl(run: GitHubRun): string {
  return `${run.serverUrl}/${run.repository}/actions/runs/${run.runId}`;
}
