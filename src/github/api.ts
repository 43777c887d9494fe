// Talking to GitHub: the drift issue (open exactly while something drifts) and the pull-request
// comment with the plan, each found again by a hidden marker among what the token's own identity
// wrote. The words come from issue-text; this module only talks to GitHub, and shows whatever it
// sends through `show` (secrets as ***), measuring bodies as shown.
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck/light.js';
import { Agent, fetch, ProxyAgent } from 'undici';
import { describeGitHubError, RefusedRequest } from './errors.js';
import type { GitHubRun } from './context.js';
import {
  backInSyncComment,
  driftChangedComment,
  driftFingerprint,
  driftIsBackComment,
  driftKey,
  failedPlanComment,
  fingerprintIn,
  issueBody,
  issueMarker,
  issueTitle,
  planComment,
  planMarker,
  scopeOf,
  stillDrifts,
} from './issue-text.js';
import type { Scope } from './issue-text.js';
import type { GitHubAction, GitHubOutcome, RunResult } from '../model/result.js';
import { showUrl } from '../core/urls.js';

interface GitHubOptions {
  readonly token: string;
  readonly run: GitHubRun;
  readonly proxyUrl: string | undefined;
  /** The same discipline as Twilio's: a time limit per attempt, and retries of what is transient. */
  readonly timeoutMs: number;
  readonly maxRetries: number;
  /** The unit of the plugins' waits, in ms: one second, unless a test says less. */
  readonly retryUnitMs: number;
  /** What every title and body goes through: secrets as ***, values from `${NAME}` as written. */
  readonly show: (text: string) => string;
  readonly warn: (message: string) => void;
  /** A cancelled run sends nothing more, and cuts what is in flight: its summary comes first. */
  readonly signal?: AbortSignal | undefined;
}

/** A rate limit that resets later than this is not waited for: the run reports it instead. */
const MAX_RATE_LIMIT_WAIT_SECONDS = 60;

interface Authored {
  readonly body?: string | null | undefined;
  readonly user?: { readonly login?: string } | null | undefined;
}

interface IssueRef extends Authored {
  readonly number: number;
  readonly state: string;
  readonly html_url: string;
  readonly pull_request?: unknown;
}

export function gitHubClient(options: GitHubOptions) {
  // An http: API URL goes through the proxy as a plain proxied request, as curl and most proxies
  // expect, not through a CONNECT tunnel that proxies commonly refuse on port 80; https: is tunnelled.
  const dispatcher =
    options.proxyUrl === undefined
      ? new Agent()
      : new ProxyAgent({ uri: options.proxyUrl, proxyTunnel: false });
  const octokit = octokitFor(options, dispatcher);
  const { run, show } = options;
  const size = (text: string) => show(text).length;
  const [owner = '', repo = ''] = run.repository.split('/');
  const comment = (issueNumber: number, body: string) =>
    octokit.rest.issues.createComment({
      owner,
      repo,
      issue_number: issueNumber,
      body: show(body),
    });

  /**
   * Who the token is, asked once, and only when a marker was found. GraphQL `viewer { login }`
   * answers for every kind of token, where REST `GET /user` answers 403 to an installation token
   * such as GITHUB_TOKEN; marocchino/sticky-pull-request-comment relies on it too. That it names
   * GITHUB_TOKEN `github-actions[bot]`, as REST names its comments' author, is from published
   * reports and that action's code, not checked against github.com by this project's tests.
   */
  let viewer: Promise<string> | undefined;
  const identity = () =>
    (viewer ??= octokit
      .graphql<{ viewer: { login: string } }>('query { viewer { login } }')
      .then((data) => data.viewer.login));
  /** Of the items that carry the marker, those the token's identity wrote: never anyone else's. */
  const ownMarked = async <T extends Authored>(items: readonly T[], marker: string) => {
    const marked = items.filter((item) => (item.body ?? '').includes(marker));
    if (marked.length === 0) return [];
    const login = await identity();
    return marked.filter((item) => item.user?.login === login);
  };

  /**
   * Opens, updates, reopens or closes the drift issue so that it is open exactly while something
   * drifts, with a comment when the drifted fields change. An apply only updates or closes an
   * issue that is open: opening one is the scheduled check's job. A GitHub failure becomes part of
   * the outcome: it must not hide the verdict.
   */
  async function keepDriftIssue(
    result: RunResult,
    labels: readonly string[],
    now: Date,
  ): Promise<GitHubOutcome> {
    return reported('keeping the drift issue', 'issues', async () => {
      const marker = issueMarker(driftKey(scopeOf(result)));
      const listed = (await octokit.paginate(octokit.rest.issues.listForRepo, {
        owner,
        repo,
        labels: labels[0] ?? '',
        state: 'all',
        sort: 'updated',
        direction: 'desc',
        per_page: 100,
      })) as IssueRef[];
      const candidates = listed.filter((issue) => issue.pull_request === undefined);
      const drifting = result.resources.some(stillDrifts);
      const apply = result.mode === 'apply';
      const marked = candidates.filter((issue) => (issue.body ?? '').includes(marker));
      // Nothing to close, and nothing an apply may open: no need to know who the token is.
      if ((!drifting || apply) && !marked.some((issue) => issue.state === 'open')) {
        return NONE;
      }
      const mine = await ownMarked(candidates, marker);
      const existing = mine.find((issue) => issue.state === 'open') ?? mine[0];

      if (!drifting) {
        if (existing?.state !== 'open') return NONE;
        await comment(existing.number, backInSyncComment(result, run));
        await octokit.rest.issues.update({
          owner,
          repo,
          issue_number: existing.number,
          state: 'closed',
          state_reason: 'completed',
        });
        return { action: 'closed', url: existing.html_url };
      }

      if (apply && existing?.state !== 'open') return NONE;
      const body = show(issueBody(result, run, now, size));
      if (existing === undefined) {
        const created = await octokit.rest.issues.create({
          owner,
          repo,
          title: show(issueTitle(result)),
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
      if (reopening) {
        await comment(existing.number, driftIsBackComment(result, run, size));
      } else {
        const before = fingerprintIn(existing.body ?? '');
        if (before !== undefined && before !== driftFingerprint(result)) {
          await comment(existing.number, driftChangedComment(result, run, size));
        }
      }
      return { action: reopening ? 'reopened' : 'updated', url: existing.html_url };
    });
  }

  /**
   * One comment on the pull request with the plan, created once and then kept up to date; with
   * `on-change`, not created while merging would change nothing (tfcmt's skip-no-changes).
   */
  async function keepPlanComment(
    result: RunResult,
    when: 'always' | 'on-change',
  ): Promise<GitHubOutcome> {
    const pullRequest = run.pullRequest;
    if (pullRequest === undefined) return NONE;
    return reported('keeping the pull-request comment', 'pull-requests', async () => {
      const existing = await findPlanComment(pullRequest, scopeOf(result));
      const changes = result.resources.some((r) => r.diff.length > 0);
      if (existing === undefined && when === 'on-change' && !changes) return NONE;
      return writePlanComment(pullRequest, existing?.id, planComment(result, run, size));
    });
  }

  /** A run that could not plan says so in the plan comment: the last plan no longer holds. */
  async function reportFailedPlan(scope: Scope, failure: string): Promise<GitHubOutcome> {
    const pullRequest = run.pullRequest;
    if (pullRequest === undefined) return NONE;
    return reported('keeping the pull-request comment', 'pull-requests', async () => {
      const existing = await findPlanComment(pullRequest, scope);
      return writePlanComment(pullRequest, existing?.id, failedPlanComment(scope, run, failure));
    });
  }

  async function findPlanComment(pullRequest: number, scope: Scope) {
    const comments = await octokit.paginate(octokit.rest.issues.listComments, {
      owner,
      repo,
      issue_number: pullRequest,
      per_page: 100,
    });
    const [mine] = await ownMarked(comments, planMarker(driftKey(scope)));
    return mine;
  }

  async function writePlanComment(pullRequest: number, id: number | undefined, text: string) {
    const body = show(text);
    if (id === undefined) {
      const created = await octokit.rest.issues.createComment({
        owner,
        repo,
        issue_number: pullRequest,
        body,
      });
      return { action: 'created' as const, url: created.data.html_url };
    }
    const updated = await octokit.rest.issues.updateComment({ owner, repo, comment_id: id, body });
    return { action: 'updated' as const, url: updated.data.html_url };
  }

  async function reported(
    doing: string,
    permission: string,
    work: () => Promise<{ action: GitHubAction; url: string }>,
  ): Promise<GitHubOutcome> {
    try {
      return await work();
    } catch (error) {
      const why = describeGitHubError(error, {
        permission,
        apiUrl: run.apiUrl,
        proxyUrl: options.proxyUrl,
      });
      return { action: 'failed', error: `GitHub API error while ${doing}: ${why}` };
    }
  }

  return {
    keepDriftIssue,
    keepPlanComment,
    reportFailedPlan,
    close: () => dispatcher.close(),
  };
}

const NONE = { action: 'none', url: '' } as const;

/**
 * Octokit with a time limit on every attempt, retries of 5xx (plugin-retry) and of rate limits
 * that reset soon (plugin-throttling, which also paces writes as GitHub asks), through the proxy
 * the environment names, and only ever to the API's own origin.
 */
function octokitFor(options: GitHubOptions, dispatcher: Agent | ProxyAgent) {
  const { maxRetries, retryUnitMs, timeoutMs } = options;
  const origin = new URL(options.run.apiUrl).origin;
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
        // Every request carries the token, and a page's Link header names the next URL: only the
        // API's own origin may get it. Called once per attempt, so each has its own time limit.
        fetch: (url: string, init: RequestInit) => {
          const target = new URL(url);
          if (options.signal?.aborted === true) {
            throw new RefusedRequest('The run was cancelled, so nothing more was sent to GitHub');
          }
          if (target.origin !== origin) {
            throw new RefusedRequest(
              `GitHub's answer pointed to ${showUrl(target.href)}, which is not the API's origin ${origin}: the token goes to ${origin} only, so no request was sent there`,
            );
          }
          return fetch(target, {
            ...(init as object),
            dispatcher,
            signal:
              options.signal === undefined
                ? AbortSignal.timeout(timeoutMs)
                : AbortSignal.any([AbortSignal.timeout(timeoutMs), options.signal]),
          });
        },
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
