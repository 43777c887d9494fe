// Talking to GitHub: the drift issue (open exactly while something drifts) and the pull-request
// comment with the plan, each found again by a hidden marker among what the token's own identity
// wrote. The words come from issue-text; this module only talks to GitHub, and shows whatever it
// sends through `show` (secrets as ***), measuring bodies as shown.
import { describeGitHubError } from './errors.js';
import { connect } from './octokit.js';
import type { GitHubOptions } from './octokit.js';
import {
  backInSyncComment,
  driftChangedComment,
  driftIsBackComment,
  issueBody,
  issueTitle,
} from './issue-text.js';
import {
  driftFingerprint,
  driftKey,
  fingerprintIn,
  issueMarker,
  planMarker,
  scopeOf,
  stillDrifts,
} from './markers.js';
import { failedPlanComment, planComment } from './plan-text.js';
import type { Scope } from './markers.js';
import type { GitHubAction, GitHubOutcome, RunResult } from '../model/result.js';
import { hasWork } from '../model/webhook-config.js';

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
  const { octokit, close } = connect(options);
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
      const changes = result.resources.some((r) => hasWork(r.resource, r.diff));
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
    close,
  };
}

const NONE = { action: 'none', url: '' } as const;
