// The words GitHub gets: the drift issue's title, body and comments, and the pull-request
// comment with the plan, rendered from a result (already redacted) and the time of the check.
// Safe by construction: text from Twilio is inert (no mention, link, image or HTML), URLs are
// shown as showUrl shows them, and every body fits GitHub's limit however many resources drift,
// measured as `size` says: the sender passes how long a text is once it is shown (after the
// secrets and `${NAME}` values are replaced), as that is what GitHub counts.
import { createHash } from 'node:crypto';
import { characters, fitWithin, MAX_BODY_CHARACTERS } from '../core/budget.js';
import { commitUrl, runUrl } from './context.js';
import type { GitHubRun } from './context.js';
import { describeDiff } from '../engine/plan.js';
import type { FieldDiff } from '../model/result.js';
import { describeResult, renderFieldTable, resourceHeading } from '../report/render.js';
import type { ResourceResult, RunResult, ServiceLevel } from '../model/result.js';
import { count, escapeHtml, inert } from '../core/text.js';
import { showUrl, showUrlsIn } from '../core/urls.js';
import type { Resource } from '../model/webhook-config.js';

/** What the drift issue and the plan comment belong to: a file, or the one resource of the inputs. */
export interface Scope {
  readonly accountSid: string;
  readonly file: string | undefined;
  /** Without a file, the resource the inputs describe. */
  readonly resource: Resource | undefined;
}

export function scopeOf(result: RunResult): Scope {
  return {
    accountSid: result.accountSid,
    file: result.file,
    resource: result.resources[0]?.resource,
  };
}

/** The key in the markers (keys that runs before desired-state files made stay valid). */
export function driftKey({ accountSid, file, resource }: Scope): string {
  if (file !== undefined) return `file:${file} account:${accountSid}`;
  return resource?.kind === 'service' ? `service:${resource.serviceSid}` : `account:${accountSid}`;
}

/** A hidden line that finds the issue again, whatever a person renames it to. */
export function issueMarker(key: string): string {
  return `<!-- twilio-webhook-drift ${hidden(key)} -->`;
}

export function planMarker(key: string): string {
  return `<!-- twilio-webhook-plan ${hidden(key)} -->`;
}

/** A key inside an HTML comment: without "<" or ">", a file name cannot end the comment early. */
function hidden(key: string): string {
  return key.replace(/[<>]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * After a check, a resource that drifted; after an apply, one the apply did not bring in sync
 * (failed, skipped, refused): the resources the drift issue is about.
 */
export function stillDrifts(result: ResourceResult): boolean {
  return result.diff.length > 0 && result.status !== 'updated';
}

/**
 * Which fields of which resources drift, as a short hash: the issue's body keeps it in a hidden
 * line, so that the next run can tell whether the drift changed without keeping the whole list.
 */
export function driftFingerprint(result: RunResult): string {
  const fields = result.resources
    .filter(stillDrifts)
    .flatMap((r) => r.diff.map((d) => `${resourceKey(r)} ${d.field}`))
    .sort();
  return createHash('sha256').update(fields.join('\n')).digest('hex').slice(0, 16);
}

const FINGERPRINT = /<!-- twilio-webhook-drift-fields ([0-9a-f]{16}) -->/;

/** The fingerprint an issue's body keeps; undefined for bodies written before there was one. */
export function fingerprintIn(body: string): string | undefined {
  return FINGERPRINT.exec(body)?.[1];
}

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

/** How long a text is, as GitHub will count it. */
export type Size = (text: string) => number;

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

/**
 * What merging would do, per resource: the plan a reviewer reads on the pull request, for the
 * commit it was made for. What removes or reroutes webhooks comes first, and the services whose
 * own hooks fire instead of the account-wide ones are named.
 */
export function planComment(result: RunResult, run: GitHubRun, size: Size = characters): string {
  const changing = result.resources.filter((r) => r.diff.length > 0);
  const changes = changing.reduce((sum, r) => sum + r.diff.length, 0);
  const inSync = result.resources.length - changing.length;
  return fitWithin(MAX_BODY_CHARACTERS, size, {
    head: [
      planMarker(driftKey(scopeOf(result))),
      planHeading(result.file),
      '',
      `Planned ${forCommit(run)}by ${runLink(run)}.`,
      '',
      changing.length === 0
        ? '**No changes**: the live configuration of every resource matches the desired one, so merging changes nothing in Twilio.'
        : `**Merging applies ${count(changes, 'change')} to ${count(changing.length, 'resource')}**${inSync === 0 ? '' : `; ${inSync} already in sync`}.`,
      '',
      ...removals(changing),
    ].join('\n'),
    sections: changing.map((resource) =>
      [`### ${heading(resource)}`, '', renderFieldTable(resource, 'check'), ''].join('\n'),
    ),
    more: (omitted) =>
      `…and ${count(omitted, 'more resource')} that merging changes, left out to stay within GitHub's limit on a comment: the summary of ${runLink(run)} lists every one.\n`,
    foot: [...overrides(result), 'Updated on every push to this pull request.'].join('\n'),
  });
}

/** The plan comment of a run that could not plan: the previous plan must not stand. */
export function failedPlanComment(scope: Scope, run: GitHubRun, failure: string): string {
  return [
    planMarker(driftKey(scope)),
    planHeading(scope.file),
    '',
    `❌ **The plan failed** ${forCommit(run)}in ${runLink(run)}: ${inert(cut(showUrlsIn(failure), MAX_FAILURE_CHARACTERS))}`,
    '',
    'What merging would change is not known: an earlier plan on this pull request no longer holds. Fix the cause and push again, or re-run the workflow.',
  ].join('\n');
}

function planHeading(file: string | undefined): string {
  return `## Twilio webhooks plan${file === undefined ? '' : ` for ${code(file)}`}`;
}

function forCommit(run: GitHubRun): string {
  const sha = run.headSha;
  return sha === undefined ? '' : `for commit [\`${sha.slice(0, 7)}\`](${commitUrl(run, sha)}) `;
}

/** Lists of this kind name this many items at most, so that a head or foot stays short. */
const MAX_LISTED = 10;
/** A failure, a name or a URL is cut to this once shown, before it is escaped (which lengthens it). */
const MAX_FAILURE_CHARACTERS = 2_000;
const MAX_NAME_CHARACTERS = 100;
const MAX_URL_CHARACTERS = 200;

/** Clearing a URL or the filters, or changing target: what a reviewer must not miss. */
function removals(changing: readonly ResourceResult[]): string[] {
  const items = changing.flatMap((r) =>
    r.diff
      .filter(removesOrReroutes)
      .map((d) =>
        d.field === 'target'
          ? `<code>target</code> of the ${heading(r)} changes from ${shown(d.actual)} to ${shown(d.desired)}`
          : `<code>${d.field}</code> of the ${heading(r)} is cleared`,
      ),
  );
  if (items.length === 0) return [];
  return [
    `⚠️ **${count(items.length, 'change')} ${items.length === 1 ? 'removes or reroutes' : 'remove or reroute'} webhooks:**`,
    '',
    ...listed(items),
    '',
  ];
}

function removesOrReroutes({ field, desired }: FieldDiff): boolean {
  if (field === 'target') return true;
  if (field === 'method') return false;
  return desired === null || desired === '' || (Array.isArray(desired) && desired.length === 0);
}

function shown(value: FieldDiff['actual']): string {
  return value === null || value === '' ? '<em>not set</em>' : code(String(value));
}

/** Services nobody declared whose own hooks fire for their conversations instead. */
function overrides(result: RunResult): string[] {
  const report = result.services;
  if (report === undefined) return [];
  if (!report.listed) {
    return [
      `⚠️ Could not check for services that override the account-wide webhooks: ${said(report.problem)}.`,
      '',
    ];
  }
  const overriding = report.services.filter((s) => !s.managed && s.fires === 'service');
  if (overriding.length === 0) return [];
  const one = overriding.length === 1;
  return [
    `**${count(overriding.length, 'service')} not in ${result.file === undefined ? 'the inputs' : code(result.file)} ${one ? 'overrides' : 'override'} the account-wide webhooks:** for ${one ? 'its' : 'their'} conversations only ${one ? 'its' : 'their'} own hooks fire, whatever merging does to the account-wide configuration.`,
    '',
    ...listed(overriding.map(overrideItem)),
    '',
  ];
}

function overrideItem(service: ServiceLevel): string {
  const hooks = [
    ['pre-webhook-url', service.config?.pre_webhook_url],
    ['post-webhook-url', service.config?.post_webhook_url],
  ].flatMap(([name, url]) =>
    url ? [`${name} ${code(cut(showUrl(url), MAX_URL_CHARACTERS))}`] : [],
  );
  const name = service.name === '' ? '' : ` (${inert(cut(service.name, MAX_NAME_CHARACTERS))})`;
  return `${code(service.sid)}${name}: ${hooks.join(', ')}`;
}

/** At most MAX_LISTED items as a Markdown list, and how many more there are. */
function listed(items: readonly string[]): string[] {
  const more = items.length - MAX_LISTED;
  return [
    ...items.slice(0, MAX_LISTED).map((item) => `- ${item}`),
    ...(more > 0 ? [`- …and ${more} more`] : []),
  ];
}

function resourceKey(result: ResourceResult): string {
  return result.resource.kind === 'account' ? 'account' : result.resource.serviceSid;
}

/** A resource's heading: a service's name comes from Twilio. */
function heading(result: ResourceResult): string {
  return inert(resourceHeading(result));
}

/** A sentence that may quote Twilio (an error's message, a live URL), as prose. */
function said(text: string): string {
  return inert(showUrlsIn(text));
}

function code(text: string): string {
  return `<code>${escapeHtml(text)}</code>`;
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function runLink(run: GitHubRun): string {
  return `[${inert(run.workflow)} run ${inert(run.runId)}](${runUrl(run)})`;
}
