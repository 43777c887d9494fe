// Pure rendering of a run's result: the outputs, the verdict, and the job summary's Markdown.
// Callers pass data that is already redacted; everything here escapes what it embeds.
import type { Outputs } from './contract.js';
import type { FieldValue } from './plan.js';
import { describeDiff } from './plan.js';
import type { AbortedRun, DriftIssueOutcome, RunResult, Verdict } from './result.js';
import { count, escapeHtml } from './text.js';
import { describeResource, FIELDS } from './webhook-config.js';
import type { Field, WebhookConfig } from './webhook-config.js';

/** Every output of action.yml. Per-field outputs describe the state after the run. */
export function outputsFor(result: RunResult, issue?: DriftIssueOutcome): Outputs {
  const current = result.current;
  return {
    changed: String(result.changed),
    drifted: String(result.diff.length > 0),
    diff: JSON.stringify(result.diff),
    previous: JSON.stringify(result.previous),
    config: current === undefined ? '' : JSON.stringify(current),
    'account-sid': current?.account_sid ?? '',
    'chat-service-sid': current?.chat_service_sid ?? '',
    filters: (current?.filters ?? []).join(','),
    method: current?.method ?? '',
    'pre-webhook-url': current?.pre_webhook_url ?? '',
    'post-webhook-url': current?.post_webhook_url ?? '',
    target: current?.target ?? '',
    url: current?.url ?? '',
    'drift-issue-url': issue !== undefined && 'url' in issue ? issue.url : '',
  };
}

/** A run that stopped early changed nothing and knows nothing of the live state. */
export function outputsForAborted(): Outputs {
  return {
    changed: 'false',
    drifted: '',
    diff: '',
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
  };
}

const HEADLINES: Readonly<Record<Verdict, string>> = {
  'in-sync': '✅ In sync',
  drifted: '⚠️ Drifted',
  updated: '✏️ Updated',
  failed: '❌ Failed',
};

/** One line a person reads first: what state the resource is in and what the run did. */
export function verdictLine(result: RunResult): string {
  const fields = count(result.diff.length, 'field');
  switch (result.verdict) {
    case 'in-sync':
      return 'The live configuration matches the desired one; nothing was sent.';
    case 'drifted':
      return result.mode === 'check'
        ? `The live configuration differs from the desired one in ${fields}; check mode changes nothing.`
        : `The live configuration differs in ${fields}.`;
    case 'updated':
      return `Updated ${fields}; Twilio's answer matches the desired configuration.`;
    case 'failed':
      return result.failure ?? 'The run failed.';
  }
}

/** The drift warning annotation of a check that found drift but does not fail on it. */
export function driftWarning(result: RunResult): string | undefined {
  if (result.mode !== 'check' || result.verdict !== 'drifted' || result.failure !== undefined) {
    return undefined;
  }
  return `${verdictLine(result)} ${describeDiff(result.diff)}.`;
}

/** The job summary, as Markdown with an HTML table whose every value is escaped. */
export function renderSummary(result: RunResult, issue?: DriftIssueOutcome): string {
  return [
    `## Twilio Conversations webhooks: ${HEADLINES[result.verdict]}`,
    '',
    `**${escapeHtml(verdictLine(result))}**`,
    '',
    ...(result.notes ?? []).flatMap((note) => [escapeHtml(note), '']),
    `Resource: ${escapeHtml(describeResource(result.resource))} of account <code>${escapeHtml(result.accountSid)}</code> · mode: ${result.mode}`,
    '',
    renderFieldTable(result),
    '',
    ...(issue === undefined ? [] : [driftIssueLine(issue), '']),
  ].join('\n');
}

export function renderAbortedSummary(run: AbortedRun): string {
  return [
    `## Twilio Conversations webhooks: ${HEADLINES.failed}`,
    '',
    `**${escapeHtml(run.failure)}**`,
    '',
    `Nothing was changed${run.mode === undefined ? '' : ` · mode: ${run.mode}`}.`,
    '',
  ].join('\n');
}

function driftIssueLine(issue: DriftIssueOutcome): string {
  if (issue.action === 'failed') return `Drift issue: ❌ ${escapeHtml(issue.error)}`;
  if (issue.action === 'none') return 'Drift issue: none open, none needed.';
  return `Drift issue: ${issue.action} <a href="${escapeHtml(issue.url)}">${escapeHtml(issue.url)}</a>`;
}

/** Why the step fails, if it does: the run's own failure first, then the drift issue's. */
export function failureOf(result: RunResult, issue?: DriftIssueOutcome): string | undefined {
  const reasons = [result.failure, issue?.action === 'failed' ? issue.error : undefined];
  const text = reasons.filter((reason) => reason !== undefined).join(' ');
  return text === '' ? undefined : text;
}

/** A row per managed field; differing rows are marked. Shared with the drift issue's body. */
export function renderFieldTable(result: RunResult): string {
  const showAfter = result.mode === 'apply';
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
      renderValue(fieldValue(result.previous, field)),
      renderValue(result.desired[field] ?? null),
      ...(showAfter
        ? [
            result.current === undefined
              ? '<em>unknown</em>'
              : renderValue(fieldValue(result.current, field)),
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
