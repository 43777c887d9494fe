// The job summary's Markdown, with HTML tables whose every value is escaped, within GitHub's
// 1 MiB for a step. Pure: a result in, Markdown out.
import { fitWithin, MAX_SUMMARY_BYTES, utf8Bytes } from '../core/budget.js';
import { count, escapeHtml, inert } from '../core/text.js';
import { showUrl } from '../core/urls.js';
import { verdictOf } from '../model/result.js';
import type {
  AbortedRun,
  ExportedRun,
  GitHubOutcome,
  GitHubOutcomes,
  ProbeResult,
  ResourceResult,
  RunResult,
  ServiceLevel,
  AddressLevel,
} from '../model/result.js';
import { renderFieldTable } from './field-table.js';
import { describeResult, HEADLINES, resourceHeading, verdictLine } from './verdict.js';

/**
 * The job summary, as Markdown with HTML tables whose every value is escaped, within GitHub's
 * 1 MiB for a step: the resources that need a look first, those in sync folded into one line, and
 * what does not fit counted (the outputs list every resource).
 */
export function renderSummary(result: RunResult, gitHub: GitHubOutcomes): string {
  const verdict = verdictOf(result);
  const many = result.resources.length > 1;
  const head = [
    `## Twilio Conversations webhooks: ${HEADLINES[verdict]}`,
    '',
    `**${inert(verdictLine(result))}**`,
    '',
    `Account <code>${escapeHtml(result.accountSid)}</code> · mode: ${result.mode}${result.file === undefined ? '' : ` · desired state: <code>${escapeHtml(result.file)}</code>`}`,
    '',
  ].join('\n');
  const inSync = many ? result.resources.filter((r) => r.status === 'in-sync') : [];
  const sections = [
    ...result.resources
      .filter((r) => !inSync.includes(r))
      .map((r) => (many ? renderSection(r, result.mode) : renderSingle(r, result.mode)).join('\n')),
    ...(inSync.length === 0 ? [] : [renderInSync(inSync)]),
  ];
  const foot = [
    ...renderProbes(result.probed),
    ...renderServices(result),
    ...renderAddresses(result),
    ...[
      gitHubLine('Drift issue', gitHub.driftIssue),
      gitHubLine('Pull-request comment', gitHub.prComment),
    ].flatMap((line) => (line === undefined ? [] : [line, ''])),
  ].join('\n');
  return fitWithin(MAX_SUMMARY_BYTES - SUMMARY_MARGIN_BYTES, utf8Bytes, {
    head,
    sections,
    foot,
    more: (omitted) =>
      `…and ${count(omitted, 'more section')}, left out to keep the summary within GitHub's 1 MiB: the outputs \`resources\` and \`diff\` list every resource.\n`,
  });
}

/**
 * Room for what redaction may add after rendering (a value shown as the `${NAME}` it came from);
 * the runner also cuts a summary that would still be too long.
 */
const SUMMARY_MARGIN_BYTES = 64 * 1024;

function renderInSync(inSync: readonly ResourceResult[]): string {
  return [
    `<details><summary>✅ In sync: ${count(inSync.length, 'resource')}</summary>`,
    '',
    inSync.map((r) => inert(resourceHeading(r))).join('<br>'),
    '',
    '</details>',
    '',
  ].join('\n');
}

function renderSingle(result: ResourceResult, mode: RunResult['mode']): string[] {
  return [
    `Resource: ${inert(resourceHeading(result))}`,
    '',
    ...(result.notes ?? []).flatMap((note) => [inert(note), '']),
    renderFieldTable(result, mode),
    '',
  ];
}

/** A resource that needs a look: drifted, updated, skipped or failed. */
function renderSection(result: ResourceResult, mode: RunResult['mode']): string[] {
  return [
    `<details open><summary>${HEADLINES[result.status]}: ${inert(resourceHeading(result))}</summary>`,
    '',
    inert(describeResult(result, mode)),
    '',
    // A skipped resource's first note is what describeResult just said.
    ...(result.notes ?? [])
      .slice(result.status === 'skipped' ? 1 : 0)
      .flatMap((note) => [inert(note), '']),
    renderFieldTable(result, mode),
    '',
    '</details>',
    '',
  ];
}

function renderProbes(probed: readonly ProbeResult[]): string[] {
  return probed.flatMap((p) => [
    `Probe: ${p.passed ? '✅' : '❌'} <code>${escapeHtml(showUrl(p.url))}</code> ${p.passed ? 'answered' : 'did not pass'} after ${count(p.attempts, 'attempt')} (last answer: ${p.lastStatus === null ? inert(p.lastProblem ?? 'none') : p.lastStatus}, ${(p.elapsedMs / 1000).toFixed(1)} s)`,
    '',
  ]);
}

/** Every service and the level whose hooks fire for its conversations. */
function renderServices(result: RunResult): string[] {
  const report = result.services;
  if (report === undefined) return [];
  if (!report.listed) return [`Services: ⚠️ not checked: ${inert(report.problem)}.`, ''];
  if (report.services.length === 0) return ['Services: none in this account.', ''];
  const withAddresses = result.addresses?.listed === true;
  const row = (s: ServiceLevel) =>
    `<tr><td><code>${escapeHtml(s.sid)}</code></td><td>${inert(s.name)}</td><td>${s.managed ? 'yes' : s.fires === 'service' ? '⚠️ no' : 'no'}</td><td>${s.fires === 'service' ? 'its own (overrides the account-wide)' : 'the account-wide'}</td>${withAddresses ? `<td>${addressList(s.addresses)}</td>` : ''}</tr>`;
  // Those that override the account-wide hooks first: they are what a person must see.
  const ordered = [
    ...report.services.filter((s) => s.fires === 'service'),
    ...report.services.filter((s) => s.fires !== 'service'),
  ];
  const shown = ordered.slice(0, MAX_SERVICE_ROWS);
  return [
    '**Services, and whose hooks fire for their conversations**',
    '',
    '<table>',
    `<thead><tr><th>Service</th><th>Name</th><th>Declared</th><th>Hooks that fire</th>${withAddresses ? '<th>Addresses that auto-create into it</th>' : ''}</tr></thead>`,
    `<tbody>${shown.map(row).join('')}</tbody>`,
    '</table>',
    '',
    ...(ordered.length > shown.length
      ? [
          `…and ${count(ordered.length - shown.length, 'more service')} whose conversations the account-wide hooks serve.`,
          '',
        ]
      : []),
  ];
}

/** A thousand rows is about 250 KB: room for the rest of the summary within its 1 MiB. */
const MAX_SERVICE_ROWS = 1_000;
/** The addresses named in one cell; the addresses table has every one. */
const MAX_ADDRESSES_IN_CELL = 5;

function addressList(addresses: readonly string[]): string {
  if (addresses.length === 0) return '';
  const shown = addresses
    .slice(0, MAX_ADDRESSES_IN_CELL)
    .map((a) => `<code>${escapeHtml(a)}</code>`);
  const more = addresses.length - shown.length;
  return [...shown, ...(more > 0 ? [`and ${more} more`] : [])].join(', ');
}

/**
 * Every Address Configuration and where a message to it goes: whether it starts a conversation,
 * in which service, and which webhook hears it. Those nobody declared that auto-create, and those
 * whose service does not exist, first.
 */
function renderAddresses(result: RunResult): string[] {
  const report = result.addresses;
  if (report === undefined) return [];
  if (!report.listed)
    return [`Address Configurations: ⚠️ not checked: ${inert(report.problem)}.`, ''];
  if (report.addresses.length === 0) return ['Address Configurations: none in this account.', ''];
  const needsLook = (a: AddressLevel) => a.dangling || (!a.managed && a.enabled);
  const ordered = [
    ...report.addresses.filter(needsLook),
    ...report.addresses.filter((a) => !needsLook(a)),
  ];
  const shown = ordered.slice(0, MAX_SERVICE_ROWS);
  const row = (a: AddressLevel) =>
    `<tr><td><code>${escapeHtml(a.address)}</code></td><td>${a.managed ? 'yes' : a.enabled ? '⚠️ no' : 'no'}</td><td>${autoCreation(a)}</td><td>${destination(a)}</td><td>${a.webhookUrl === null || a.autoCreationType !== 'webhook' ? '' : `<code>${escapeHtml(showUrl(a.webhookUrl))}</code>`}</td></tr>`;
  return [
    '**Address Configurations, and where a message to each goes**',
    '',
    '<table>',
    '<thead><tr><th>Address</th><th>Declared</th><th>Auto-creation</th><th>Conversations in</th><th>Webhook</th></tr></thead>',
    `<tbody>${shown.map(row).join('')}</tbody>`,
    '</table>',
    '',
    ...(ordered.length > shown.length
      ? [`…and ${count(ordered.length - shown.length, 'more Address Configuration')}.`, '']
      : []),
  ];
}

function autoCreation(a: AddressLevel): string {
  if (a.sid === undefined) return '<em>not created</em>';
  return a.enabled ? `on (${escapeHtml(a.autoCreationType ?? 'default')})` : 'off';
}

function destination(a: AddressLevel): string {
  if (a.serviceSid === null) return a.sid === undefined ? '' : "the account's default service";
  const name =
    a.serviceName === undefined || a.serviceName === '' ? '' : ` (${inert(a.serviceName)})`;
  return `<code>${escapeHtml(a.serviceSid)}</code>${name}${a.dangling ? ' ⚠️ not a service of this account' : ''}`;
}

function gitHubLine(what: string, outcome: GitHubOutcome | undefined): string | undefined {
  if (outcome === undefined) return undefined;
  if (outcome.action === 'failed') return `${what}: ❌ ${inert(outcome.error)}`;
  if (outcome.action === 'none') return `${what}: none needed.`;
  return `${what}: ${outcome.action} <a href="${escapeHtml(outcome.url)}">${escapeHtml(outcome.url)}</a>`;
}

export function renderAbortedSummary(run: AbortedRun): string {
  return [
    `## Twilio Conversations webhooks: ${HEADLINES.failed}`,
    '',
    `**${inert(run.failure)}**`,
    '',
    `Nothing was changed${run.mode === undefined ? '' : ` · mode: ${escapeHtml(run.mode)}`}.`,
    '',
    ...[gitHubLine('Pull-request comment', run.gitHub?.prComment)].flatMap((line) =>
      line === undefined ? [] : [line, ''],
    ),
  ].join('\n');
}

export function renderExportSummary(run: ExportedRun): string {
  return [
    '## Twilio Conversations webhooks: 📤 Exported',
    '',
    `**Wrote the live account-wide configuration, ${count(run.services, 'service')} and ${count(run.addresses, 'Address Configuration')} to <code>${escapeHtml(run.file)}</code>; nothing was sent to Twilio.**`,
    '',
  ].join('\n');
}
