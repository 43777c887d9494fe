// The GitHub side: one issue per checked resource, open while it drifts. Loaded only when a drift
// issue is wanted, so runs without one never pay for the GitHub client.
import { getOctokit } from '@actions/github';
import { errorMessage } from './errors.js';
import type { DriftIssueSettings } from './settings.js';
import type { RunResult } from './reconcile.js';
import { describeDiff } from './reconcile.js';
import { renderFieldTable, verdictLine } from './report.js';
import type { Resource } from './webhook-config.js';
import { describeResource } from './webhook-config.js';

/** Where the workflow runs, from the runner's GITHUB_* variables. */
export interface GitHubRun {
  readonly apiUrl: string;
  readonly serverUrl: string;
  readonly repository: string;
  readonly runId: string;
  readonly workflow: string;
}

export type DriftIssueAction = 'opened' | 'updated' | 'reopened' | 'closed' | 'none';

export type DriftIssueOutcome =
  | { readonly action: DriftIssueAction; readonly url: string }
  | { readonly action: 'failed'; readonly error: string };

export function gitHubRunFromEnv(env: NodeJS.ProcessEnv): GitHubRun {
  return {
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
    repository: env.GITHUB_REPOSITORY ?? '',
    runId: env.GITHUB_RUN_ID ?? '',
    workflow: env.GITHUB_WORKFLOW ?? 'workflow',
  };
}

/** Like syncDriftIssue, but a GitHub failure becomes part of the outcome: it must not hide the verdict. */
export async function keepDriftIssue(
  result: RunResult,
  settings: DriftIssueSettings,
  run: GitHubRun,
): Promise<DriftIssueOutcome> {
  if (!/^[^/]+\/[^/]+$/.test(run.repository)) {
    return {
      action: 'failed',
      error: 'GITHUB_REPOSITORY is not set, so there is no repository for the drift issue.',
    };
  }
  try {
    return await syncDriftIssue(result, settings, run);
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

/** A hidden line in the issue body that finds the issue again, whatever a person renames it to. */
export function issueMarker(accountSid: string, resource: Resource): string {
  const key =
    resource.kind === 'account' ? `account:${accountSid}` : `service:${resource.serviceSid}`;
  return `<!-- twilio-webhook-drift ${key} -->`;
}

export function issueTitle(accountSid: string, resource: Resource): string {
  return resource.kind === 'account'
    ? `Twilio webhook drift: account-wide configuration of ${accountSid}`
    : `Twilio webhook drift: Conversations service ${resource.serviceSid}`;
}

export function runUrl(run: GitHubRun): string {
  return `${run.serverUrl}/${run.repository}/actions/runs/${run.runId}`;
}

export function issueBody(result: RunResult, run: GitHubRun): string {
  return [
    issueMarker(result.accountSid, result.resource),
    `The live Twilio Conversations webhook configuration (${describeResource(result.resource)} of account \`${result.accountSid}\`) no longer matches what the repository says.`,
    '',
    `**${verdictLine(result)}**`,
    '',
    renderFieldTable(result),
    '',
    `Last checked by [${run.workflow} run ${run.runId}](${runUrl(run)}) at ${new Date().toISOString()}.`,
    '',
    '### How to fix it',
    '',
    '- If the repository is right, run the workflow in `apply` mode (for example the deploy workflow, or this one with `mode: apply` through workflow_dispatch): it sets exactly the desired values and verifies them.',
    '- If the change in Twilio was intended, change the desired values in the workflow so that they match.',
    '',
    'This issue is updated while the drift lasts and closed by the next check that finds the configuration back in sync.',
  ].join('\n');
}

/**
 * Opens, updates, reopens or closes the resource's drift issue so that it is open exactly while the
 * resource drifts. Returns what it did; GitHub API errors propagate for the caller to report.
 */
export async function syncDriftIssue(
  result: RunResult,
  settings: DriftIssueSettings,
  run: GitHubRun,
): Promise<{ action: DriftIssueAction; url: string }> {
  const octokit = getOctokit(settings.token, { baseUrl: run.apiUrl });
  const [owner = '', repo = ''] = run.repository.split('/');
  const marker = issueMarker(result.accountSid, result.resource);
  const drifted = result.diff.length > 0;

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

  if (!drifted) {
    if (existing?.state !== 'open') return { action: 'none', url: '' };
    await octokit.rest.issues.createComment({
      owner,
      repo,
      issue_number: existing.number,
      body: `Back in sync: ${runUrl(run)} found the live configuration matching the desired one. Closing.`,
    });
    await octokit.rest.issues.update({
      owner,
      repo,
      issue_number: existing.number,
      state: 'closed',
      state_reason: 'completed',
    });
    return { action: 'closed', url: existing.html_url };
  }

  const body = issueBody(result, run);
  if (existing === undefined) {
    const created = await octokit.rest.issues.create({
      owner,
      repo,
      title: issueTitle(result.accountSid, result.resource),
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
  if (reopening) {
    await octokit.rest.issues.createComment({
      owner,
      repo,
      issue_number: existing.number,
      body: `Drift is back: ${runUrl(run)} found the live ${describeDiff(result.diff)}.`,
    });
  }
  return { action: reopening ? 'reopened' : 'updated', url: existing.html_url };
}
