import { describe, expect, it } from 'vitest';
import { verdictOf } from '../../../src/model/result.js';
import type { RunResult, Status } from '../../../src/model/result.js';
import { resourceResult, runResult } from '../fixtures.js';

const run = (statuses: Status[], overrides: Partial<RunResult> = {}) =>
  runResult({ resources: statuses.map((status) => resourceResult({ status })), ...overrides });

describe('verdictOf', () => {
  it.each<[Status[], Status]>([
    [['in-sync'], 'in-sync'],
    [['in-sync', 'in-sync'], 'in-sync'],
    [['skipped', 'in-sync'], 'skipped'],
    [['drifted', 'skipped', 'in-sync'], 'drifted'],
    [['in-sync', 'updated', 'drifted'], 'updated'],
    [['updated', 'failed', 'skipped'], 'failed'],
  ])('gives the worst of %j: %s', (statuses, verdict) => {
    expect(verdictOf(run(statuses))).toBe(verdict);
  });

  it('is in sync for a run of no resources', () => {
    expect(verdictOf(run([]))).toBe('in-sync');
  });

  it('fails a run that failed as a whole, whatever its resources', () => {
    expect(verdictOf(run(['updated'], { failures: ['A probe failed.'] }))).toBe('failed');
  });

  it('is skipped when only-if-live skipped the run, unless something worse happened', () => {
    expect(verdictOf(run(['in-sync'], { skipped: 'Held.' }))).toBe('skipped');
    expect(verdictOf(run(['drifted'], { skipped: 'Held.' }))).toBe('drifted');
  });
});
