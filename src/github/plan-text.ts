// The plan comment's words: what merging applies, for which commit, what it removes or reroutes,
// the services that override the account-wide hooks, and a plan that failed; within GitHub's limit.
import { characters, fitWithin, MAX_BODY_CHARACTERS } from '../core/budget.js';
import { commitUrl } from './context.js';
import type { GitHubRun } from './context.js';
import type { FieldDiff } from '../model/result.js';
import { renderFieldTable } from '../report/field-table.js';
import type { ResourceResult, RunResult, ServiceLevel } from '../model/result.js';
import { count, inert } from '../core/text.js';
import { showUrl, showUrlsIn } from '../core/urls.js';
import { overriding } from '../engine/unmanaged.js';
import { addressNotes } from './address-notes.js';
import { hasWork, isMissing } from '../model/webhook-config.js';
import { fieldSpec } from '../model/fields.js';
import { driftKey, planMarker, scopeOf } from './markers.js';
import type { Scope } from './markers.js';
import {
  MAX_FAILURE_CHARACTERS,
  MAX_NAME_CHARACTERS,
  MAX_URL_CHARACTERS,
  code,
  cut,
  heading,
  listed,
  runLink,
  said,
} from './markdown.js';
import type { Size } from './markdown.js';

/**
 * What merging would do, per resource: the plan a reviewer reads on the pull request, for the
 * commit it was made for. What removes or reroutes webhooks comes first, and the services whose
 * own hooks fire instead of the account-wide ones are named.
 */
export function planComment(result: RunResult, run: GitHubRun, size: Size = characters): string {
  const changing = result.resources.filter((r) => hasWork(r.resource, r.diff));
  const changes = changing.reduce((sum, r) => sum + r.diff.length, 0);
  const creates = changing.filter((r) => isMissing(r.resource)).length;
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
        : `**Merging applies ${count(changes, 'change')} to ${count(changing.length, 'resource')}**${creates === 0 ? '' : ` (creating ${count(creates, 'Address Configuration')})`}${inSync === 0 ? '' : `; ${inSync} already in sync`}.`,
      '',
      ...removals(changing),
    ].join('\n'),
    sections: changing.map((resource) =>
      [
        `### ${heading(resource)}`,
        '',
        ...(isMissing(resource.resource) ? ['Does not exist yet: merging creates it.', ''] : []),
        renderFieldTable(resource, 'check'),
        '',
      ].join('\n'),
    ),
    more: (omitted) =>
      `…and ${count(omitted, 'more resource')} that merging changes, left out to stay within GitHub's limit on a comment: the summary of ${runLink(run)} lists every one.\n`,
    foot: [
      ...overrides(result),
      ...addressNotes(result),
      'Updated on every push to this pull request.',
    ].join('\n'),
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

/** Clearing a URL or the filters, or changing target: what a reviewer must not miss. */
function removals(changing: readonly ResourceResult[]): string[] {
  // A creation is said in the headline: its every field is new, none taken away.
  const items = changing
    .filter((r) => !isMissing(r.resource))
    .flatMap((r) =>
      r.diff
        .filter(removesOrReroutes)
        .map((d) =>
          fieldSpec(d.field).reroutes
            ? `<code>${d.field}</code> of the ${heading(r)} changes from ${shown(d.actual)} to ${shown(d.desired)}`
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
  const spec = fieldSpec(field);
  return spec.reroutes || spec.clears(desired);
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
  const services = overriding(report);
  if (services.length === 0) return [];
  const one = services.length === 1;
  return [
    `**${count(services.length, 'service')} not in ${result.file === undefined ? 'the inputs' : code(result.file)} ${one ? 'overrides' : 'override'} the account-wide webhooks:** for ${one ? 'its' : 'their'} conversations only ${one ? 'its' : 'their'} own hooks fire, whatever merging does to the account-wide configuration.`,
    '',
    ...listed(services.map(overrideItem)),
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
