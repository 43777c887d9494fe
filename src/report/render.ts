// Pure rendering of a run's result: the outputs, the verdict, the annotations' words and the job
// summary's Markdown. Callers pass data that is already redacted; everything here escapes what
// it embeds.
import { fitWithin, MAX_SUMMARY_BYTES, utf8Bytes } from '../core/budget.js';
import type { Outputs } from '../config/contract.js';
import { describeDiff } from '../engine/plan.js';

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
  Status,
} from '../model/result.js';
import { outputConfig, outputValue, shownValue } from '../model/show.js';
import type { FieldValue } from '../model/show.js';
import { count, escapeHtml, inert } from '../core/text.js';
import { showUrl, withoutUserInfo } from '../core/urls.js';
import { describeResource, FIELDS } from '../model/webhook-config.js';
import type { Field, WebhookConfig } from '../model/webhook-config.js';

const NO_OUTPUTS: Outputs = {
  changed: 'false',
  drifted: '',
  diff: '',
  resources: '',
  previous: '',
  config: '',
  'account-sid': '',
  'chat-service-sid': '',
  filters: '',
  method: '',
  'pre-webhook-url': '',
  'post-webhook-url': '',
  target: '',
  url: '',
  'drift-issue-url': '',
  'config-file': '',
  probed: '[]',
  skipped: 'false',
};

/**
 * Every output of action.yml. The per-field outputs describe one resource after the run: the one
 * the inputs describe, or with a desired-state file the account-wide configuration (empty when
 * the file does not manage it).
 */
export function outputsFor(result: RunResult, gitHub: GitHubOutcomes): Outputs {
  const main = primary(result);
  const current = main?.current === undefined ? undefined : outputConfig(main.current);
  const diffOf = (r: ResourceResult) =>
    r.diff.map((d) => ({
      field: d.field,
      actual: outputValue(d.field, d.actual),
      desired: outputValue(d.field, d.desired),
    }));
  return {
    ...NO_OUTPUTS,
    changed: String(result.resources.some((r) => r.changed)),
    drifted: String(result.resources.some((r) => r.diff.length > 0)),
    diff: JSON.stringify(
      result.resources.flatMap((r) => diffOf(r).map((d) => ({ resource: key(r), ...d }))),
    ),
    resources: JSON.stringify(
      result.resources.map((r) => ({
        resource: key(r),
        sid: r.resource.kind === 'service' ? r.resource.serviceSid : result.accountSid,
        ...(r.resource.kind === 'service' ? { name: r.name ?? null } : {}),
        status: r.status,
        diff: diffOf(r),
        // Why it failed or was left alone: a stopped run's "unknown" and "not applied" say so here.
        reason: r.failure ?? (r.status === 'skipped' ? (r.notes?.[0] ?? null) : null),
      })),
    ),
    previous: main === undefined ? '' : JSON.stringify(outputConfig(main.previous)),
    config: current === undefined ? '' : JSON.stringify(current),
    'account-sid': current?.account_sid ?? '',
    'chat-service-sid': current?.chat_service_sid ?? '',
    filters: (current?.filters ?? []).join(','),
    method: current?.method ?? '',
    'pre-webhook-url': current?.pre_webhook_url ?? '',
    'post-webhook-url': current?.post_webhook_url ?? '',
    target: current?.target ?? '',
    url: current?.url ?? '',
    'drift-issue-url': urlOf(gitHub.driftIssue),
    probed: JSON.stringify(
      result.probed.map((p) => ({
        url: withoutUserInfo(p.url),
        passed: p.passed,
        attempts: p.attempts,
        status: p.lastStatus,
        ms: p.elapsedMs,
      })),
    ),
    skipped: String(result.skipped !== undefined),
  };
}

/** A run that stopped early changed nothing and knows nothing of the live state. */
export function outputsForAborted(): Outputs {
  return NO_OUTPUTS;
}

export function outputsForExport(run: ExportedRun): Outputs {
  return { ...NO_OUTPUTS, 'config-file': run.file };
}

function primary(result: RunResult): ResourceResult | undefined {
  return result.file === undefined
    ? result.resources[0]
    : result.resources.find((r) => r.resource.kind === 'account');
}

/** "account", or the service's SID: the `resource` key of the diff and resources outputs. */
function key(result: ResourceResult): string {
  return result.resource.kind === 'account' ? 'account' : result.resource.serviceSid;
}

function urlOf(outcome: GitHubOutcome | undefined): string {
  return outcome !== undefined && 'url' in outcome ? outcome.url : '';
}

const HEADLINES: Readonly<Record<Status, string>> = {
  'in-sync': '✅ In sync',
  drifted: '⚠️ Drifted',
  updated: '✏️ Updated',
  skipped: '⏭️ Skipped',
  failed: '❌ Failed',
};

/** What one resource's state is and what the run did to it, in a line. */
export function describeResult(result: ResourceResult, mode: RunResult['mode']): string {
  const fields = count(result.diff.length, 'field');
  switch (result.status) {
    case 'in-sync':
      return 'The live configuration matches the desired one; nothing was sent.';
    case 'drifted':
      return mode === 'check'
        ? `The live configuration differs from the desired one in ${fields}; check mode changes nothing.`
        : `The live configuration differs in ${fields}.`;
    case 'updated':
      return `Updated ${fields}; Twilio's answer matches the desired configuration.`;
    case 'skipped':
      return result.notes?.[0] ?? 'Left as it is.';
    case 'failed':
      return result.failure ?? 'The run failed.';
  }
}

/** The line a person reads first: the state of everything the run manages, and what it did. */
export function verdictLine(result: RunResult): string {
  const [only] = result.resources;
  const failures = result.failures.join(' ');
  // A stopped run's own line counts what became of every resource.
  if (result.stopped !== undefined) return [result.stopped, ...result.failures].join(' ');
  if (result.resources.length === 1 && only !== undefined) {
    const line = result.skipped ?? describeResult(only, result.mode);
    return failures === '' ? line : `${line} ${failures}`;
  }
  const total = result.resources.length;
  const by = (status: Status) => result.resources.filter((r) => r.status === status).length;
  const lines: Record<Status, string> = {
    'in-sync': `All ${count(total, 'resource')} match the desired state; nothing was sent.`,
    drifted:
      result.mode === 'check'
        ? `${by('drifted')} of ${count(total, 'resource')} differ from the desired state; check mode changes nothing.`
        : `${by('drifted')} of ${count(total, 'resource')} differ from the desired state.`,
    updated: `Updated ${by('updated')} of ${count(total, 'resource')}; every answer matches the desired configuration.`,
    skipped: result.skipped ?? 'Nothing was sent.',
    failed:
      by('failed') === 0
        ? failures
        : `${by('failed')} of ${count(total, 'resource')} failed${by('updated') > 0 ? `, ${by('updated')} updated` : ''}.${failures === '' ? '' : ` ${failures}`}`,
  };
  return lines[verdictOf(result)];
}

/** At most this many distinct reasons in the error annotation; the summary has them all. */
const MAX_REASONS = 10;

/**
 * Why the step fails, if it does: the resources' failures, the run's, then GitHub's. A reason
 * shared by several resources (a probe of one URL, an outage) is said once, with how many.
 */
export function failureOf(result: RunResult, gitHub: GitHubOutcomes): string | undefined {
  const many = result.resources.length > 1;
  // The same failure of several services differs only in their SIDs (in a request's path, say).
  const byReason = new Map<string, { failure: string; headings: string[] }[]>();
  for (const r of result.resources) {
    if (r.failure === undefined) continue;
    const cause = r.failure.replace(/\bIS[0-9a-fA-F]{32}\b/g, 'IS…');
    byReason.set(cause, [
      ...(byReason.get(cause) ?? []),
      { failure: r.failure, headings: [resourceHeading(r)] },
    ]);
  }
  const reasons = [
    ...[...byReason].map(([cause, group]) => {
      const [only] = group;
      if (only !== undefined && group.length === 1) {
        return many ? `${only.headings.join('')}: ${only.failure}` : only.failure;
      }
      const headings = group.flatMap((g) => g.headings);
      return `${count(headings.length, 'resource')} (${listed(headings)}): ${cause}`;
    }),
    ...(result.stopped === undefined ? [] : [result.stopped]),
    ...result.failures,
    ...[gitHub.driftIssue, gitHub.prComment].flatMap((o) =>
      o?.action === 'failed' ? [o.error] : [],
    ),
  ];
  if (reasons.length === 0) return undefined;
  const shown = reasons.slice(0, MAX_REASONS);
  const more = reasons.length - shown.length;
  return [...shown, ...(more > 0 ? [`…and ${more} more reasons: see the job summary.`] : [])].join(
    ' ',
  );
}

/** The first few of a list, and how many more. */
function listed(items: readonly string[], max = 3): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}

/** One warning per resource that drifts, in a check that does not fail on drift (the runner rolls up past ten). */
export function driftWarnings(result: RunResult): string[] {
  if (result.mode !== 'check') return [];
  return result.resources
    .filter((r) => r.status === 'drifted' && r.failure === undefined)
    .map((r) => `${resourceHeading(r)}: ${describeResult(r, 'check')} ${describeDiff(r.diff)}.`);
}

/** One warning per service nobody declared whose own configuration overrides the account-wide one. */
export function overrideWarnings(result: RunResult): string[] {
  const report = result.services;
  if (report === undefined) return [];
  if (!report.listed) {
    return [
      `Could not check for services that override the account-wide configuration: ${report.problem}. Give the credential permission to list Conversations services, or set unmanaged-services: ignore.`,
    ];
  }
  return report.services
    .filter((s) => !s.managed && s.fires === 'service')
    .map(
      (s) =>
        `Service ${s.sid}${s.name === '' ? '' : ` (${s.name})`} is not declared${result.file === undefined ? '' : ` in ${result.file}`} and has its own webhook configuration (${ownHooks(s.config)}): it overrides the account-wide configuration, so for its conversations only its own hooks fire.`,
    );
}

function ownHooks(config: WebhookConfig | undefined): string {
  const urls = [
    config?.pre_webhook_url ? `pre-webhook-url ${showUrl(config.pre_webhook_url)}` : '',
    config?.post_webhook_url ? `post-webhook-url ${showUrl(config.post_webhook_url)}` : '',
  ].filter((text) => text !== '');
  return urls.join(', ');
}

export function resourceHeading(result: ResourceResult): string {
  return result.resource.kind === 'account'
    ? describeResource(result.resource)
    : `${describeResource(result.resource)}${result.name === undefined || result.name === '' ? '' : ` (${result.name})`}`;
}

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
  const row = (s: ServiceLevel) =>
    `<tr><td><code>${escapeHtml(s.sid)}</code></td><td>${inert(s.name)}</td><td>${s.managed ? 'yes' : s.fires === 'service' ? '⚠️ no' : 'no'}</td><td>${s.fires === 'service' ? 'its own (overrides the account-wide)' : 'the account-wide'}</td></tr>`;
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
    '<thead><tr><th>Service</th><th>Name</th><th>Declared</th><th>Hooks that fire</th></tr></thead>',
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
    `**Wrote the live account-wide configuration and ${count(run.services, 'service')} to <code>${escapeHtml(run.file)}</code>; nothing was sent to Twilio.**`,
    '',
  ].join('\n');
}

/** A row per managed field; differing rows are marked. Shared with the drift issue and the plan. */
export function renderFieldTable(result: ResourceResult, mode: RunResult['mode']): string {
  const showAfter = mode === 'apply';
  const differing = new Set<Field>(result.diff.map((d) => d.field));
  const managed = FIELDS.filter((field) => field in result.desired);
  const head = [
    '',
    'Field',
    showAfter ? 'Before' : 'Live',
    'Desired',
    ...(showAfter ? ['After'] : []),
  ];
  const rows = managed.map((field) => {
    const cells = [
      differing.has(field) ? (showAfter ? '✏️' : '⚠️') : '✅',
      `<code>${field}</code>`,
      renderValue(shownValue(field, fieldValue(result.previous, field))),
      renderValue(shownValue(field, result.desired[field] ?? null)),
      ...(showAfter
        ? [
            result.current === undefined
              ? '<em>unknown</em>'
              : renderValue(shownValue(field, fieldValue(result.current, field))),
          ]
        : []),
    ];
    return `<tr>${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`;
  });
  return [
    '<table>',
    `<thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead>`,
    `<tbody>${rows.join('')}</tbody>`,
    '</table>',
  ].join('\n');
}

function fieldValue(config: WebhookConfig, field: Field): FieldValue {
  return config[field] ?? null;
}

function renderValue(value: FieldValue): string {
  if (value === null || value === '') return '<em>not set</em>';
  if (typeof value !== 'string') {
    return value.length === 0
      ? '<em>none</em>'
      : value.map((item) => `<code>${escapeHtml(item)}</code>`).join(', ');
  }
  return `<code>${escapeHtml(value)}</code>`;
}
