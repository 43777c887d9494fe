import * as core from '@actions/core';
import type { Outputs } from './contract.js';
import type { DriftIssueOutcome } from './drift-issue.js';
import type { FieldValue } from './plan.js';
import { describeDiff } from './reconcile.js';
import type { RunResult, Verdict } from './reconcile.js';
import { describeResource, FIELDS } from './webhook-config.js';
import type { Field, WebhookConfig } from './webhook-config.js';

/** Every output of action.yml, from a run's result. Per-field outputs describe the state after the run. */
export function outputsFor(result: RunResult, issue?: DriftIssueOutcome): Outputs {
  const current = result.current;
  return {
    changed: String(result.changed),
    drifted: String(result.diff.length > 0),
    diff: JSON.stringify(result.diff),
    previous: JSON.stringify(result.previous),
    config: JSON.stringify(current),
    'account-sid': current.account_sid ?? '',
    'chat-service-sid': current.chat_service_sid ?? '',
    filters: (current.filters ?? []).join(','),
    method: current.method ?? '',
    'pre-webhook-url': current.pre_webhook_url ?? '',
    'post-webhook-url': current.post_webhook_url ?? '',
    target: current.target ?? '',
    url: current.url ?? '',
    'drift-issue-url': issue !== undefined && 'url' in issue ? issue.url : '',
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
  const count = result.diff.length;
  const fields = `${count} field${count === 1 ? '' : 's'}`;
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

/** The job summary, as Markdown with an HTML table whose every value is escaped. */
export function renderSummary(result: RunResult, issue?: DriftIssueOutcome): string {
  const resource = describeResource(result.resource);
  const issueLine = issue === undefined ? [] : [driftIssueLine(issue), ''];
  return [
    `## Twilio Conversations webhooks: ${HEADLINES[result.verdict]}`,
    '',
    `**${escapeHtml(verdictLine(result))}**`,
    '',
    `Resource: ${escapeHtml(resource)} of account <code>${escapeHtml(result.accountSid)}</code> · mode: ${result.mode}`,
    '',
    renderFieldTable(result),
    '',
    ...issueLine,
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
      showValue(value(result.previous, field)),
      showValue(result.desired[field] ?? null),
      ...(showAfter ? [showValue(value(result.current, field))] : []),
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

function value(config: WebhookConfig, field: Field): FieldValue {
  return config[field] ?? null;
}

function showValue(value: FieldValue): string {
  if (value === null || value === '') return '<em>not set</em>';
  if (typeof value !== 'string') {
    return value.length === 0
      ? '<em>none</em>'
      : value.map((item) => `<code>${escapeHtml(item)}</code>`).join(', ');
  }
  return `<code>${escapeHtml(value)}</code>`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'|`\\[\]]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Sets every output and writes the job summary, with secrets redacted from both. */
export async function publishResult(
  result: RunResult,
  issue: DriftIssueOutcome | undefined,
  redact: (text: string) => string,
): Promise<void> {
  for (const [name, value] of Object.entries(outputsFor(result, issue))) {
    core.setOutput(name, redact(value));
  }
  if (result.mode === 'check' && result.verdict === 'drifted' && result.failure === undefined) {
    core.warning(redact(`${verdictLine(result)} ${describeDiff(result.diff)}.`), {
      title: 'Twilio webhook drift',
    });
  }
  await core.summary.addRaw(redact(renderSummary(result, issue))).write();
}
