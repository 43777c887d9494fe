import { describe, expect, it } from 'vitest';
import type { Clock } from '../../src/clock.js';
import { RetriesExhausted, withRetries } from '../../src/retry.js';
import type { RetryPolicy } from '../../src/retry.js';

const START = Date.parse('2026-11-24T12:00:00Z');

class Transient extends Error {
  readonly retryAfter: string | undefined;

  constructor(attempt: number, retryAfter?: string) {
    super(`transient failure of attempt ${attempt}`);
    this.retryAfter = retryAfter;
  }
}

class Permanent extends Error {}

/** A clock that records each wait and moves time on by it, instead of waiting. */
class FakeClock implements Clock {
  time = START;
  readonly events: string[];
  private readonly chance: number;

  constructor(events: string[], chance = 0) {
    this.events = events;
    this.chance = chance;
  }

  now(): number {
    return this.time;
  }

  sleep(ms: number): Promise<void> {
    this.events.push(`sleep ${ms}`);
    this.time += ms;
    return Promise.resolve();
  }

  random(): number {
    return this.chance;
  }
}

const POLICY: RetryPolicy = {
  attempts: 4,
  isTransient: (error) => error instanceof Transient,
  retryAfter: (error) => (error instanceof Transient ? error.retryAfter : undefined),
};

/**
 * Runs withRetries over an operation whose attempts go as scripted ('ok', or an error to throw),
 * and returns the outcome with everything that happened, in order.
 */
async function script(
  outcomes: readonly (string | Error)[],
  options: { policy?: Partial<RetryPolicy>; chance?: number } = {},
) {
  const events: string[] = [];
  const clock = new FakeClock(events, options.chance);
  const retried: unknown[] = [];
  let outcome: { value: string } | { error: unknown };
  try {
    const value = await withRetries(
      (attempt) => {
        events.push(`attempt ${attempt}`);
        const next = outcomes[attempt - 1] ?? new Error('not scripted');
        return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
      },
      { ...POLICY, ...options.policy },
      clock,
      (error, attempt, delayMs) => {
        retried.push(error);
        events.push(`retry after ${attempt}: ${delayMs} ms`);
      },
    );
    outcome = { value };
  } catch (error) {
    outcome = { error };
  }
  return { outcome, events, retried, elapsed: clock.time - START };
}

describe('withRetries', () => {
  it('returns the first success without waiting', async () => {
    expect(await script(['ok'])).toEqual({
      outcome: { value: 'ok' },
      events: ['attempt 1'],
      retried: [],
      elapsed: 0,
    });
  });

  it('retries what is transient, with the backoff, announcing each retry before its wait', async () => {
    const first = new Transient(1);
    const second = new Transient(2);
    const run = await script([first, second, 'ok']);
    expect(run.outcome).toEqual({ value: 'ok' });
    expect(run.events).toEqual([
      'attempt 1',
      'retry after 1: 250 ms',
      'sleep 250',
      'attempt 2',
      'retry after 2: 500 ms',
      'sleep 500',
      'attempt 3',
    ]);
    expect(run.retried).toEqual([first, second]);
    expect(run.elapsed).toBe(750);
  });

  it('draws the jitter from the clock', async () => {
    const run = await script([new Transient(1), 'ok'], { chance: 0.5 });
    expect(run.events).toContain('sleep 375');
  });

  it('waits as long as Retry-After asks, capped', async () => {
    const run = await script([
      new Transient(1, '2'),
      new Transient(2, 'Tue, 24 Nov 2026 12:00:09 GMT'),
      new Transient(3, '3600'),
      'ok',
    ]);
    expect(run.events.filter((event) => event.startsWith('sleep'))).toEqual([
      'sleep 2000',
      // The date is 9 s after the start, and 2 s of it have passed on the clock.
      'sleep 7000',
      'sleep 30000',
    ]);
  });

  it('throws what is not transient at once, as it is', async () => {
    const permanent = new Permanent('refused');
    const run = await script([permanent, 'ok']);
    expect(run.outcome).toEqual({ error: permanent });
    expect(run.events).toEqual(['attempt 1']);
  });

  it('throws a permanent error that follows transient ones as it is', async () => {
    const permanent = new Permanent('refused');
    const run = await script([new Transient(1), permanent]);
    expect(run.outcome).toEqual({ error: permanent });
    expect(run.events).toEqual(['attempt 1', 'retry after 1: 250 ms', 'sleep 250', 'attempt 2']);
  });

  it('gives up after every allowed attempt, with the count and the last error', async () => {
    const last = new Transient(4);
    const run = await script([new Transient(1), new Transient(2), new Transient(3), last, 'ok']);
    expect(run.events.filter((event) => event.startsWith('attempt'))).toHaveLength(4);
    expect(run.events.at(-1)).toBe('attempt 4');
    const error = 'error' in run.outcome ? run.outcome.error : undefined;
    expect(error).toBeInstanceOf(RetriesExhausted);
    expect(error).toMatchObject({
      name: 'RetriesExhausted',
      attempts: 4,
      cause: last,
      message: 'transient failure of attempt 4',
    });
  });

  it('throws the error itself when only one attempt is allowed', async () => {
    const only = new Transient(1);
    const run = await script([only, 'ok'], { policy: { attempts: 1 } });
    expect(run.outcome).toEqual({ error: only });
    expect(run.events).toEqual(['attempt 1']);
  });
});

describe('RetriesExhausted', () => {
  it('takes its message from the cause, an Error or not', () => {
    expect(new RetriesExhausted(3, new Error('last')).message).toBe('last');
    expect(new RetriesExhausted(2, 'plain string')).toMatchObject({
      message: 'plain string',
      attempts: 2,
      cause: 'plain string',
    });
  });
});
