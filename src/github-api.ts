// Talking to GitHub: the drift issue (open exactly while something drifts) and the pull-request
// comment with the plan, each found again by a hidden marker. The words come from issue-text;
// this module only talks to GitHub, and redacts whatever it sends.
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck/light.js';
import { Agent, fetch, ProxyAgent } from 'undici';
import { errorMessage } from './errors.js';
import type { GitHubRun } from './github-context.js';
import {
  backInSyncComment,
  driftIsBackComment,
  driftKey,
  issueBody,
  issueMarker,
  issueTitle,
  planComment,
  planMarker,
} from './issue-text.js';
import type { GitHubAction, GitHubOutcome, RunResult } from './result.js';

interface GitHubOptions {
  readonly token: string;
  readonly run: GitHubRun;
  readonly proxyUrl: string | undefined;
  /** The same discipline as Twilio's: a time limit per attempt, and retries of what is transient. */
  readonly timeoutMs: number;
  readonly maxRetries: number;
  /** The unit of the plugins' waits, in ms: one second, unless a test says less. */
  readonly retryUnitMs: number;
  readonly redact: (text: string) => string;
  readonly warn: (message: string) => void;
}

/** A rate limit that resets later than this is not waited for: the run reports it instead. */
const MAX_RATE_LIMIT_WAIT_SECONDS = 60;

interface IssueRef {
  readonly number: number;
  readonly state: string;
  readonly html_url: string;
  readonly body?: string | null;
  readonly pull_request?: unknown;
}

export function gitHubClient(options: GitHubOptions) {
  const dispatcher =
    options.proxyUrl === undefined ? new Agent() : new ProxyAgent(options.proxyUrl);
  const octokit = octokitFor(options, dispatcher);
  const { run, redact } = options;
  const [owner = '', repo = ''] = run.repository.split('/');
  const comment = (issueNumber: number, body: string) =>
    octokit.rest.issues.createComment({
      owner,
      repo,
      issue_number: issueNumber,
      body: redact(body),
    });

  /**
   * Opens, updates, reopens or closes the drift issue so that it is open exactly while something
   * drifts. A GitHub failure becomes part of the outcome: it must not hide the verdict.
   */
  async function keepDriftIssue(
    result: RunResult,
    labels: readonly string[],
    now: Date,
  ): Promise<GitHubOutcome> {
    return reported('keeping the drift issue', 'issues', async () => {
      const marker = issueMarker(driftKey(result));
      const candidates = await octokit.paginate(octokit.rest.issues.listForRepo, {
        owner,
        repo,
        labels: labels[0] ?? '',
        state: 'all',
        sort: 'updated',
        direction: 'desc',
        per_page: 100,
      });
      const mine = (candidates as IssueRef[]).filter(
        (issue) => issue.pull_request === undefined && (issue.body ?? '').includes(marker),
      );
      const existing = mine.find((issue) => issue.state === 'open') ?? mine[0];
      const drifted = result.resources.some((r) => r.diff.length > 0);

      if (!drifted) {
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
          title: redact(issueTitle(result)),
          body,
          labels: [...labels],
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
    });
  }

  /** One comment on the pull request with the plan, created once and then kept up to date. */
  async function keepPlanComment(result: RunResult): Promise<GitHubOutcome> {
    const pullRequest = run.pullRequest;
    if (pullRequest === undefined) return { action: 'none', url: '' };
    return reported('keeping the pull-request comment', 'pull-requests', async () => {
      const marker = planMarker(driftKey(result));
      const comments = await octokit.paginate(octokit.rest.issues.listComments, {
        owner,
        repo,
        issue_number: pullRequest,
        per_page: 100,
      });
      const body = redact(planComment(result, run));
      const existing = comments.find((c) => (c.body ?? '').includes(marker));
      if (existing === undefined) {
        const created = await octokit.rest.issues.createComment({
          owner,
          repo,
          issue_number: pullRequest,
          body,
        });
        return { action: 'created', url: created.data.html_url };
      }
      const updated = await octokit.rest.issues.updateComment({
        owner,
        repo,
        comment_id: existing.id,
        body,
      });
      return { action: 'updated', url: updated.data.html_url };
    });
  }

  return {
    keepDriftIssue,
    keepPlanComment,
    close: () => dispatcher.close(),
  };
}

async function reported(
  doing: string,
  permission: string,
  work: () => Promise<{ action: GitHubAction; url: string }>,
): Promise<GitHubOutcome> {
  try {
    return await work();
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    const hint =
      status === 403 || status === 401
        ? ` The token needs "${permission}: write" permission (add it under permissions: in the workflow).`
        : '';
    return {
      action: 'failed',
      error: `GitHub API error while ${doing}: ${errorMessage(error)}.${hint}`,
    };
  }
}

/**
 * Octokit with a time limit on every attempt, retries of 5xx (plugin-retry) and of rate limits
 * that reset soon (plugin-throttling, which also paces writes as GitHub asks), through the proxy
 * the environment names.
 */
function octokitFor(options: GitHubOptions, dispatcher: Agent | ProxyAgent) {
  const { maxRetries, retryUnitMs, timeoutMs } = options;
  const rateLimited =
    (kind: string) =>
    (retryAfter: number, _options: unknown, _octokit: unknown, retryCount: number): boolean => {
      const retrying = retryCount < maxRetries && retryAfter <= MAX_RATE_LIMIT_WAIT_SECONDS;
      options.warn(
        `GitHub ${kind} (retry after ${retryAfter} s): ${retrying ? 'waiting, then retrying' : 'not waiting that long'}.`,
      );
      return retrying;
    };
  return getOctokit(
    options.token,
    {
      baseUrl: options.run.apiUrl,
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
