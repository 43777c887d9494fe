// docs/reliability.md reports what the tests try; this keeps the report and the tests equal.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INPUTS } from '../src/config/contract.js';
import { FAULT_CASES, FAULT_TABLE_HEADER, faultTableRows } from './support/fault-cases.js';
import { ROOT } from './support/action.js';

const doc = await readFile(join(ROOT, 'docs', 'reliability.md'), 'utf8');

/** The cells of each row of the Markdown table whose header row starts with `first`. */
function table(first: string): string[][] {
  const lines = doc.split('\n');
  const start = lines.findIndex((line) => new RegExp(`^\\|\\s*${first}\\s*\\|`).test(line));
  expect(start, `a table headed "${first}"`).toBeGreaterThan(-1);
  const rows: string[][] = [];
  for (const line of lines.slice(start)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    );
  }
  return rows.filter((_, index) => index !== 1);
}

describe('docs/reliability.md', () => {
  it('shows exactly the fault cases the suite runs, with their outcomes and bounds', () => {
    expect(table('fault')).toEqual([FAULT_TABLE_HEADER, ...faultTableRows(FAULT_CASES)]);
  });

  it('covers every validated input in its bad-input table', () => {
    const listed = table('input')
      .slice(1)
      .flatMap(([inputs = '']) => [...inputs.matchAll(/`([a-z-]+)`/g)].map((m) => m[1]));
    // Every input but the secrets (never quoted back, only required) and the free-text labels.
    const unvalidated = ['auth-token', 'api-secret', 'github-token', 'drift-issue-labels'];
    expect(listed.sort()).toEqual(INPUTS.filter((name) => !unvalidated.includes(name)).sort());
  });

  it('names only test and source files that exist', () => {
    const named = [
      ...new Set([...doc.matchAll(/`((?:test|src)\/[\w./-]+\.ts)`/g)].map((m) => m[1] ?? '')),
    ];
    expect(named.length).toBeGreaterThan(10);
    expect(named.filter((path) => !existsSync(join(ROOT, path)))).toEqual([]);
  });

  it('is linked from README.md', async () => {
    const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('(docs/reliability.md)');
  });
});
