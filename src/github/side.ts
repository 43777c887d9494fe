// The GitHub side of a run: the drift issue and the pull-request comment. The client is loaded
// on demand, so that runs that keep neither never pay for it.
import type { Clock } from '../core/clock.js';
import { gitHubRunFromEnv } from './context.js';
import { proxyFor } from '../http/proxy.js';
import type { GitHubOutcomes, RunResult } from '../model/result.js';
import type { Runner } from '../action/runner.js';
import type { Secrets } from '../core/secrets.js';
import type { GitHubSettings, Settings } from '../config/settings.js';

interface GitHubSideContext {
  readonly runner: Runner;
  readonly secrets: Secrets;
  readonly clock: Clock;
  readonly retryUnitMs: number;
  readonly signal?: AbortSignal | undefined;
}

const NOTHING: GitHubOutcomes = { driftIssue: undefined, prComment: undefined };

export async function keepGitHubInformed(
  result: RunResult,
  settings: Settings,
  context: GitHubSideContext,
): Promise<GitHubOutcomes> {
  const wanted = settings.gitHub;
  if (wanted === null) return NOTHING;
  const now = new Date(context.clock.now());
  return withClient(
    settings,
    wanted,
    context,
    { driftIssue: wanted.driftIssueLabels !== null, prComment: wanted.prComment !== null },
    async (gitHub) => ({
      driftIssue:
        wanted.driftIssueLabels === null
          ? undefined
          : await gitHub.keepDriftIssue(result, wanted.driftIssueLabels, now),
      prComment:
        wanted.prComment === null
          ? undefined
          : await gitHub.keepPlanComment(result, wanted.prComment),
    }),
  );
}

/**
 * For a check that failed before it had a plan (a bad desired-state file, Twilio down), called from
 * both of run()'s catch paths once the inputs are valid: the plan comment says so, for the commit
 * and why, rather than keep the previous push's plan. What drifts is not known: no drift issue.
 */
export async function reportFailedRun(
  failure: string,
  settings: Settings,
  context: GitHubSideContext,
): Promise<GitHubOutcomes> {
  const wanted = settings.gitHub;
  if (wanted === null || wanted.prComment === null || settings.mode !== 'check') return NOTHING;
  const { source } = settings;
  const scope = {
    accountSid: settings.accountSid,
    file: source.kind === 'file' ? source.path : undefined,
    resource: source.kind === 'inputs' ? source.resource : undefined,
  };
  return withClient(
    settings,
    wanted,
    context,
    { driftIssue: false, prComment: true },
    async (gitHub) => ({
      driftIssue: undefined,
      prComment: await gitHub.reportFailedPlan(scope, failure),
    }),
  );
}

type GitHubClient = ReturnType<typeof import('./api.js').gitHubClient>;

async function withClient(
  settings: Settings,
  wanted: GitHubSettings,
  { runner, secrets, retryUnitMs, signal }: GitHubSideContext,
  kept: { readonly driftIssue: boolean; readonly prComment: boolean },
  work: (gitHub: GitHubClient) => Promise<GitHubOutcomes>,
): Promise<GitHubOutcomes> {
  const run = gitHubRunFromEnv(runner.env);
  if (!/^[^/]+\/[^/]+$/.test(run.repository)) {
    const failed = {
      action: 'failed' as const,
      error: 'GITHUB_REPOSITORY is not set, so there is no repository to write to.',
    };
    return {
      driftIssue: kept.driftIssue ? failed : undefined,
      prComment: kept.prComment ? failed : undefined,
    };
  }
  const api = await import('./api.js');
  const gitHub = api.gitHubClient({
    token: wanted.token,
    run,
    proxyUrl: proxyFor(run.apiUrl, runner.env),
    timeoutMs: settings.timeoutMs,
    maxRetries: settings.maxRetries,
    retryUnitMs,
    show: (text) => secrets.show(text),
    signal,
    warn: (message) => {
      runner.annotate('warning', message);
    },
  });
  try {
    return await work(gitHub);
  } finally {
    await gitHub.close();
  }
}
