// The words GitHub gets: the drift issue's title, body and comments, and the pull-request
// comment with the plan, rendered from a result (already redacted) and the time of the check.
import { runUrl } from './github-context.js';
import type { GitHubRun } from './github-context.js';
import { describeDiff } from './plan.js';
import { describeResult, renderFieldTable, resourceHeading } from './render.js';
import type { RunResult } from './result.js';
import { count, escapeHtml } from './text.js';

/**
 * What the drift issue and the plan comment belong to: the file, or the one resource the inputs
 * describe (keys that runs before desired-state files made stay valid).
 */
export function driftKey(result: RunResult): string {
  if (result.file !== undefined) return `file:${result.file} account:${result.accountSid}`;
  const [only] = result.resources;
  return only?.resource.kind === 'service'
    ? `service:${only.resource.serviceSid}`
    : `account:${result.accountSid}`;
}

/** A hidden line that finds the issue again, whatever a person renames it to. */
export function issueMarker(key: string): string {
  return `<!-- twilio-webhook-drift ${key} -->`;
}

export function planMarker(key: string): string {
  return `<!-- twilio-webhook-plan ${key} -->`;
}

export function issueTitle(result: RunResult): string {
  if (result.file !== undefined) {
    return `Twilio webhook drift: ${result.file} (account ${result.accountSid})`;
  }
  const [only] = result.resources;
  return only?.resource.kind === 'service'
    ? `Twilio webhook drift: Conversations service ${only.resource.serviceSid}`
    : `Twilio webhook drift: account-wide configuration of ${result.accountSid}`;
}

export function issueBody(result: RunResult, run: GitHubRun, checkedAt: Date): string {
  const drifted = result.resources.filter((r) => r.diff.length > 0);
  return [
    issueMarker(driftKey(result)),
    `The live Twilio Conversations webhook configuration of account \`${result.accountSid}\` no longer matches what ${result.file === undefined ? 'the repository' : `\`${escapeHtml(result.file)}\``} says: ${count(drifted.length, 'resource')} drifted.`,
    '',
    ...drifted.flatMap((resource) => [
      `### ${escapeHtml(resourceHeading(resource))}`,
      '',
      `**${escapeHtml(describeResult(resource, result.mode))}**`,
      '',
      renderFieldTable(resource, result.mode),
      '',
    ]),
    `Last checked by [${escapeHtml(run.workflow)} run ${run.runId}](${runUrl(run)}) at ${checkedAt.toISOString()}.`,
    '',
    '### How to fix it',
    '',
    '- If the repository is right, run the workflow in `apply` mode (for example the deploy workflow, or this one with `mode: apply` through workflow_dispatch): it sets exactly the desired values and verifies them.',
    '- If the change in Twilio was intended, change the desired values in the repository so that they match.',
    '',
    'This issue is updated while the drift lasts and closed by the next check that finds the configuration back in sync.',
  ].join('\n');
}

export function backInSyncComment(run: GitHubRun): string {
  return `Back in sync: ${runUrl(run)} found the live configuration matching the desired one. Closing.`;
}

export function driftIsBackComment(result: RunResult, run: GitHubRun): string {
  const drifted = result.resources.filter((r) => r.diff.length > 0);
  return `Drift is back: ${runUrl(run)} found ${drifted
    .map(
      (r) => `the ${escapeHtml(resourceHeading(r))}: its live ${escapeHtml(describeDiff(r.diff))}`,
    )
    .join('; ')}.`;
}

/** What an apply would change, per resource: the plan a reviewer reads on the pull request. */
export function planComment(result: RunResult, run: GitHubRun): string {
  const changing = result.resources.filter((r) => r.diff.length > 0);
  return [
    planMarker(driftKey(result)),
    `## Twilio webhooks plan${result.file === undefined ? '' : ` for \`${escapeHtml(result.file)}\``}`,
    '',
    changing.length === 0
      ? '**No changes**: the live configuration of every resource matches the desired one.'
      : `**An apply would change ${count(changing.length, 'resource')}** of ${result.resources.length}:`,
    '',
    ...changing.flatMap((resource) => [
      `### ${escapeHtml(resourceHeading(resource))}`,
      '',
      renderFieldTable(resource, 'check'),
      '',
    ]),
    `Planned by [${escapeHtml(run.workflow)} run ${run.runId}](${runUrl(run)}); updated on every push.`,
  ].join('\n');
}
