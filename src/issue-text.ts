// The drift issue's words: title, body and comments, rendered from a result (already redacted)
// and the time of the check, which the caller passes in.
import { runUrl } from './github-context.js';
import type { GitHubRun } from './github-context.js';
import { describeDiff } from './plan.js';
import { renderFieldTable, verdictLine } from './render.js';
import type { RunResult } from './result.js';
import { escapeHtml } from './text.js';
import { describeResource } from './webhook-config.js';
import type { Resource } from './webhook-config.js';

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

export function issueBody(result: RunResult, run: GitHubRun, checkedAt: Date): string {
  return [
    issueMarker(result.accountSid, result.resource),
    `The live Twilio Conversations webhook configuration (${describeResource(result.resource)} of account \`${result.accountSid}\`) no longer matches what the repository says.`,
    '',
    `**${escapeHtml(verdictLine(result))}**`,
    '',
    renderFieldTable(result),
    '',
    `Last checked by [${escapeHtml(run.workflow)} run ${run.runId}](${runUrl(run)}) at ${checkedAt.toISOString()}.`,
    '',
    '### How to fix it',
    '',
    '- If the repository is right, run the workflow in `apply` mode (for example the deploy workflow, or this one with `mode: apply` through workflow_dispatch): it sets exactly the desired values and verifies them.',
    '- If the change in Twilio was intended, change the desired values in the workflow so that they match.',
    '',
    'This issue is updated while the drift lasts and closed by the next check that finds the configuration back in sync.',
  ].join('\n');
}

export function backInSyncComment(run: GitHubRun): string {
  return `Back in sync: ${runUrl(run)} found the live configuration matching the desired one. Closing.`;
}

export function driftIsBackComment(result: RunResult, run: GitHubRun): string {
  return `Drift is back: ${runUrl(run)} found the live ${escapeHtml(describeDiff(result.diff))}.`;
}
