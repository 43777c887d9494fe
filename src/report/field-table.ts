// A resource's managed fields as an HTML table (live or before, desired, after), every value
// escaped and every URL shown as showUrl shows it. Shared by the summary, the drift issue and the
// plan comment.
import { escapeHtml } from '../core/text.js';
import { FIELDS } from '../model/fields.js';
import type { Field, FieldValue } from '../model/fields.js';
import type { ResourceResult, RunResult } from '../model/result.js';
import { shownValue } from '../model/show.js';
import type { LiveConfig } from '../model/webhook-config.js';

/** A row per managed field; differing rows are marked. Shared with the drift issue and the plan. */
export function renderFieldTable(result: ResourceResult, mode: RunResult['mode']): string {
  const showAfter = mode === 'apply';
  const differing = new Set<Field>(result.diff.map((d) => d.field));
  const managed = FIELDS.filter(({ field }) => field in result.desired).map(({ field }) => field);
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

function fieldValue(config: LiveConfig, field: Field): FieldValue {
  return (config as Partial<Record<Field, FieldValue>>)[field] ?? null;
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
