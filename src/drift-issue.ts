// The GitHub side: one issue per checked resource, open while it drifts. Loaded only when a drift
// issue is wanted, so runs without one never pay for the GitHub client. The words come from
// issue-text; this module only talks to GitHub, and redacts whatever it sends.
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck/light.js';
import { Agent, fetch, ProxyAgent } from 'undici';
import type { Dispatcher } from 'undici';
import { errorMessage } from './errors.js';
import type { GitHubRun } from './github-context.js';
import {
  backInSyncComment,
  driftIsBackComment,
  issueBody,
  issueMarker,
  issueTitle,
} from './issue-text.js';
import type { DriftIssueAction, DriftIssueOutcome, RunResult } from './result.js';
import type { DriftIssueSettings } from './settings.js';

export interface DriftIssueContext {
  readonly run: GitHubRun;
  readonly now: Date;
  readonly redact: (text: string) => string;
  /** The same discipline as Twilio's: a time limit per request, and retries of what is transient. */
  readonly timeoutMs: number;
  readonly proxyUrl: string | undefined;
  readonly maxRetries: number;
  /** The unit of the plugins' waits between retries, in ms: one second, unless a test says less. */
  readonly retryUnitMs: number;
  readonly warn: (message: string) => void;
}

/** A rate limit that resets later than this is not waited for: the run reports it instead. */
const MAX_RATE_LIMIT_WAIT_SECONDS = 60;

/** Like syncDriftIssue, but a GitHub failure becomes part of the outcome: it must not hide the verdict. */
export async function keepDriftIssue(
  result: RunResult,
  settings: DriftIssueSettings,
  context: DriftIssueContext,
): Promise<DriftIssueOutcome> {
  if (!/^[^/]+\/[^/]+$/.test(context.run.repository)) {
    return {
      action: 'failed',
      error: 'GITHUB_REPOSITORY is not set, so there is no repository for the drift issue.',
    };
  }
  try {
    return await syncDriftIssue(result, settings, context);
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    const hint =
      status === 403 || status === 401
        ? ' The token needs "issues: write" permission (add it under permissions: in the workflow).'
        : '';
    return {
      action: 'failed',
      error: `GitHub API error while keeping the drift issue: ${errorMessage(error)}.${hint}`,
    };
  }
}

interface IssueRef {
  readonly number: number;
  readonly state: string;
  readonly html_url: string;
  readonly body?: string | null;
  readonly pull_request?: unknown;
}

/**
 * Opens, updates, reopens or closes the resource's drift issue so that it is open exactly while the
 * resource drifts. Returns what it did; GitHub API errors propagate for the caller to report.
 */
async function syncDriftIssue(
  result: RunResult,
  settings: DriftIssueSettings,
  context: DriftIssueContext,
): Promise<{ action: DriftIssueAction; url: string }> {
  const dispatcher =
    context.proxyUrl === undefined ? new Agent() : new ProxyAgent(context.proxyUrl);
  try {
    return await talkToGitHub(
      result,
      settings,
      context,
      connect(settings.token, context, dispatcher),
    );
  } finally {
    await dispatcher.close();
  }
}

async function talkToGitHub(
  result: RunResult,
  settings: DriftIssueSettings,
  { run, now, redact }: DriftIssueContext,
  octokit: ReturnType<typeof connect>,
): Promise<{ action: DriftIssueAction; url: string }> {
  const [owner = '', repo = ''] = run.repository.split('/');
  const marker = issueMarker(result.accountSid, result.resource);
  const comment = (issueNumber: number, body: string) =>
    octokit.rest.issues.createComment({
      owner,
      repo,
      issue_number: issueNumber,
      body: redact(body),
    });

  const candidates = await octokit.paginate(octokit.rest.issues.listForRepo, {
    owner,
    repo,
    labels: settings.labels[0] ?? '',
    state: 'all',
    sort: 'updated',
    direction: 'desc',
    per_page: 100,
  });
  const mine = (candidates as IssueRef[]).filter(
    (issue) => issue.pull_request === undefined && (issue.body ?? '').includes(marker),
  );
  const existing = mine.find((issue) => issue.state === 'open') ?? mine[0];

  if (result.diff.length === 0) {
    if (existing?.state !== 'open') return { action: 'none', url: '' };
    await comment(existing.number, backInSyncComment(run));
    await octokit.rest.issues.update({
      owner,
      repo,
      issue_number: existing.number,
      state: 'closed',
      state_reason: 'completed',
    });
    return { action: 'closed', url: existing.html_url };
  }

  const body = redact(issueBody(result, run, now));
  if (existing === undefined) {
    const created = await octokit.rest.issues.create({
      owner,
      repo,
      title: redact(issueTitle(result.accountSid, result.resource)),
      body,
      labels: [...settings.labels],
    });
    return { action: 'opened', url: created.data.html_url };
  }
  const reopening = existing.state !== 'open';
  await octokit.rest.issues.update({
    owner,
    repo,
    issue_number: existing.number,
    body,
    ...(reopening ? { state: 'open' as const } : {}),
  });
  if (reopening) await comment(existing.number, driftIsBackComment(result, run));
  return { action: reopening ? 'reopened' : 'updated', url: existing.html_url };
}

/**
 * Octokit with a time limit on every attempt, retries of 5xx (plugin-retry) and of rate limits
 * that reset soon (plugin-throttling, which also paces writes as GitHub asks), through the proxy
 * the environment names.
 */
function connect(token: string, context: DriftIssueContext, dispatcher: Dispatcher) {
  const { maxRetries, retryUnitMs, timeoutMs } = context;
  const rateLimited =
    (kind: string) =>
    (retryAfter: number, _options: unknown, _octokit: unknown, retryCount: number): boolean => {
      const retrying = retryCount < maxRetries && retryAfter <= MAX_RATE_LIMIT_WAIT_SECONDS;
      context.warn(
        `GitHub ${kind} (retry after ${retryAfter} s): ${retrying ? 'waiting, then retrying' : 'not waiting that long'}.`,
      );
      return retrying;
    };
  return getOctokit(
    token,
    {
      baseUrl: context.run.apiUrl,
      request: {
        // Called once per attempt, so each attempt has its own time limit.
        fetch: (url: string, init: RequestInit) =>
          fetch(url, { ...(init as object), dispatcher, signal: AbortSignal.timeout(timeoutMs) }),
      },
      retry: { retries: maxRetries, retryAfterBaseValue: retryUnitMs },
      throttle: {
        retryAfterBaseValue: retryUnitMs,
        // GitHub asks for a second between writes, and three between those that notify people
        // (issues, comments): the plugin's pacing, in the same unit.
        write: new Bottleneck.Group({ maxConcurrent: 1, minTime: retryUnitMs }),
        notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: 3 * retryUnitMs }),
        onRateLimit: rateLimited('rate limit'),
        onSecondaryRateLimit: rateLimited('secondary rate limit'),
      },
    },
    retry,
    throttling,
  );
}
