// The GitHub side: one issue per checked resource, open while it drifts. Loaded only when a drift
// issue is wanted, so runs without one never pay for the GitHub client. The words come from
// issue-text; this module only talks to GitHub, and redacts whatever it sends.
import { getOctokit } from '@actions/github';
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
}

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
  { run, now, redact }: DriftIssueContext,
): Promise<{ action: DriftIssueAction; url: string }> {
  const octokit = getOctokit(settings.token, { baseUrl: run.apiUrl });
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
