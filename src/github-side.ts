// The GitHub side of a run: the drift issue and the pull-request comment. The client is loaded
// on demand, so that runs that keep neither never pay for it.
import type { Clock } from './clock.js';
import { gitHubRunFromEnv } from './github-context.js';
import { proxyFor } from './proxy.js';
import type { GitHubOutcomes, RunResult } from './result.js';
import type { Runner } from './runner.js';
import type { Secrets } from './secrets.js';
import type { Settings } from './settings.js';

interface GitHubSideContext {
  readonly runner: Runner;
  readonly secrets: Secrets;
  readonly clock: Clock;
  readonly retryUnitMs: number;
}

export async function keepGitHubInformed(
  result: RunResult,
  settings: Settings,
  { runner, secrets, clock, retryUnitMs }: GitHubSideContext,
): Promise<GitHubOutcomes> {
  const wanted = settings.gitHub;
  if (wanted === null) return { driftIssue: undefined, prComment: undefined };
  const run = gitHubRunFromEnv(runner.env);
  if (!/^[^/]+\/[^/]+$/.test(run.repository)) {
    const failed = {
      action: 'failed' as const,
      error: 'GITHUB_REPOSITORY is not set, so there is no repository to write to.',
    };
    return {
      driftIssue: wanted.driftIssueLabels === null ? undefined : failed,
      prComment: wanted.prComment ? failed : undefined,
    };
  }
  const api = await import('./github-api.js');
  const gitHub = api.gitHubClient({
    token: wanted.token,
    run,
    proxyUrl: proxyFor(run.apiUrl, runner.env),
    timeoutMs: settings.timeoutMs,
    maxRetries: settings.maxRetries,
    retryUnitMs,
    redact: (text) => secrets.redact(text),
    warn: (message) => {
      runner.annotate('warning', message);
    },
  });
  try {
    const now = new Date(clock.now());
    return {
      driftIssue:
        wanted.driftIssueLabels === null
          ? undefined
          : await gitHub.keepDriftIssue(result, wanted.driftIssueLabels, now),
      prComment: wanted.prComment ? await gitHub.keepPlanComment(result) : undefined,
    };
  } finally {
    await gitHub.close();
  }
}
