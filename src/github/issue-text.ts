// The drift issue's words: its title, its body and its comments, within GitHub's limit however many
// resources drift (`size` measures a text as it is sent: after secrets and `${NAME}` values are
// replaced, which is what GitHub counts). Text from Twilio is inert, URLs shown by showUrl.
import { characters, fitWithin, MAX_BODY_CHARACTERS } from '../core/budget.js';
import type { GitHubRun } from './context.js';
import { describeDiff } from '../engine/plan.js';
import { renderFieldTable } from '../report/field-table.js';
import { describeResult } from '../report/verdict.js';
import type { RunResult } from '../model/result.js';
import { count } from '../core/text.js';
import { driftFingerprint, driftKey, issueMarker, scopeOf, stillDrifts } from './markers.js';
import { addressNotes } from './address-notes.js';
import { code, heading, runLink, said } from './markdown.js';
import type { Size } from './markdown.js';

export function issueTitle(result: RunResult): string {
  const { accountSid, file, resource } = scopeOf(result);
  if (file !== undefined) return titleText(`Twilio webhook drift: ${file} (account ${accountSid})`);
  return titleText(
    resource?.kind === 'service'
      ? `Twilio webhook drift: Conversations service ${resource.serviceSid}`
      : `Twilio webhook drift: account-wide configuration of ${accountSid}`,
  );
}

/** GitHub refuses a longer title. */
const MAX_TITLE_CHARACTERS = 256;

/**
 * A title is shown as text, so nothing is escaped for HTML; but "@" and "#" would still mention
 * and link, so a zero-width space follows each. One line, within GitHub's limit.
 */
function titleText(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this replaces
  const line = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/[@#]/g, '$&\u200b');
  return line.length <= MAX_TITLE_CHARACTERS ? line : `${line.slice(0, MAX_TITLE_CHARACTERS - 1)}…`;
}

export function issueBody(
  result: RunResult,
  run: GitHubRun,
  checkedAt: Date,
  size: Size = characters,
): string {
  const drifting = result.resources.filter(stillDrifts);
  const inSync = result.resources.length - drifting.length;
  const verb =
    result.mode === 'check' ? 'drifted' : drifting.length === 1 ? 'still differs' : 'still differ';
  const tally = `${count(drifting.length, 'resource')} ${verb}${inSync === 0 ? '' : `, ${inSync} in sync`}`;
  const source = result.file === undefined ? 'the repository' : code(result.file);
  const account = `account ${code(result.accountSid)}`;
  return fitWithin(MAX_BODY_CHARACTERS, size, {
    head: [
      issueMarker(driftKey(scopeOf(result))),
      `<!-- twilio-webhook-drift-fields ${driftFingerprint(result)} -->`,
      result.mode === 'check'
        ? `The live Twilio Conversations webhook configuration of ${account} no longer matches what ${source} says: ${tally}.`
        : `An apply left the live Twilio Conversations webhook configuration of ${account} different from what ${source} says: ${tally}.`,
      '',
    ].join('\n'),
    sections: drifting.map((resource) =>
      [
        `### ${heading(resource)}`,
        '',
        `**${said(describeResult(resource, result.mode))}**`,
        '',
        renderFieldTable(resource, result.mode),
        '',
      ].join('\n'),
    ),
    more: (omitted) =>
      `…and ${count(omitted, 'more resource')}, left out to stay within GitHub's limit on an issue: the summary of ${runLink(run)} lists every one.\n`,
    foot: [
      `Last checked by ${runLink(run)} at ${checkedAt.toISOString()}.`,
      '',
      ...addressNotes(result),
      '### How to fix it',
      '',
      '- If the repository is right, run the workflow in `apply` mode (for example the deploy workflow, or this one with `mode: apply` through workflow_dispatch): it sets exactly the desired values and verifies them.',
      '- If the change in Twilio was intended, change the desired values in the repository so that they match.',
      '',
      'This issue is updated while the drift lasts, with a comment when the drifted fields change, and closed by the next check (or apply) that finds the configuration back in sync.',
    ].join('\n'),
  });
}

export function backInSyncComment(result: RunResult, run: GitHubRun): string {
  return result.mode === 'apply'
    ? `Fixed by ${runLink(run)}: after the apply, every resource has its desired configuration. Closing.`
    : `Back in sync: ${runLink(run)} found the live configuration matching the desired one. Closing.`;
}

export function driftIsBackComment(
  result: RunResult,
  run: GitHubRun,
  size: Size = characters,
): string {
  const drifting = result.resources.filter(stillDrifts);
  return listComment(
    `Drift is back: ${runLink(run)} found ${count(drifting.length, 'resource')} differing from the desired configuration:`,
    drifting.map((r) => `- the ${heading(r)}: its live ${said(describeDiff(r.diff))}.`),
    run,
    size,
  );
}

/** For an open issue whose drifted fields are no longer those its body last listed. */
export function driftChangedComment(
  result: RunResult,
  run: GitHubRun,
  size: Size = characters,
): string {
  const drifting = result.resources.filter(stillDrifts);
  return listComment(
    `The drift changed: ${runLink(run)} ${result.mode === 'check' ? 'found' : 'left'} these fields differing (the issue's body has the values):`,
    drifting.map(
      (r) => `- the ${heading(r)}: ${r.diff.map((d) => `<code>${d.field}</code>`).join(', ')}`,
    ),
    run,
    size,
  );
}

function listComment(head: string, items: readonly string[], run: GitHubRun, size: Size): string {
  return fitWithin(MAX_BODY_CHARACTERS, size, {
    head: `${head}\n`,
    sections: items,
    more: (omitted) =>
      `- …and ${count(omitted, 'more resource')}: ${runLink(run)} lists every one.`,
    foot: '',
  });
}
