import { describe, expect, it } from 'vitest';
import type { Clock } from '../../../src/core/clock.js';
import { RetriesExhausted, withRetries } from '../../../src/http/retry.js';
import type { RetryPolicy } from '../../../src/http/retry.js';

const START = Date.parse('2026-11-24T12:00:00Z');

class Transient extends Error {
  /** The wait this error asks for, when it asks for one. */
  readonly waitMs: number | undefined;

  constructor(attempt: number, waitMs?: number) {
    super(`transient failure of attempt ${attempt}`);
    this.waitMs = waitMs;
  }
}

class Permanent extends Error {}

/** A clock that records each wait and moves time on by it, instead of waiting. */
class FakeClock implements Clock {
  time = START;
  readonly events: string[];
  /** Sleeps that end only when the test says so, if held. */
  readonly held: (() => void)[] = [];
  hold = false;

  constructor(events: string[]) {
    this.events = events;
  }

  now(): number {
    return this.time;
  }

  sleep(ms: number): Promise<void> {
    this.events.push(`sleep ${ms}`);
    this.time += ms;
    if (!this.hold) return Promise.resolve();
    return new Promise((resolve) => this.held.push(resolve));
  }

  random(): number {
    return 0;
  }
}

/** 250 ms doubling, unless the error asks for its own wait. */
const POLICY: RetryPolicy = {
  attempts: 4,
  isTransient: (error) => error instanceof Transient,
  delayMs: (error, attempt) =>
    error instanceof Transient && error.waitMs !== undefined
      ? error.waitMs
      : 250 * 2 ** (attempt - 1),
};

/**
 * Runs withRetries over an operation whose attempts go as scripted ('ok', or an error to throw),
 * and returns the outcome with everything that happened, in order.
 */
async function script(
  outcomes: readonly (string | Error)[],
  options: { policy?: Partial<RetryPolicy>; clock?: FakeClock; events?: string[] } = {},
) {
  const events = options.events ?? [];
  const clock = options.clock ?? new FakeClock(events);
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

  it('waits as long as the policy says for each error', async () => {
    const run = await script([new Transient(1, 2_000), new Transient(2, 30_000), 'ok']);
    expect(run.events.filter((event) => event.startsWith('sleep'))).toEqual([
      'sleep 2000',
      'sleep 30000',
    ]);
  });

  it('leaves a wait of 0 to the caller: it announces the retry, and does not sleep', async () => {
    const run = await script([new Transient(1, 0), 'ok']);
    expect(run.events).toEqual(['attempt 1', 'retry after 1: 0 ms', 'attempt 2']);
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

describe('withRetries with a signal', () => {
  it('makes the first attempt whatever the signal, and no retry once it is aborted', async () => {
    const first = new Transient(1);
    const run = await script([first, 'ok'], { policy: { signal: AbortSignal.abort() } });
    expect(run.events).toEqual(['attempt 1']);
    expect(run.outcome).toEqual({ error: first });
  });

  it('ends a wait when the signal aborts, and throws the last error as it is', async () => {
    const events: string[] = [];
    const clock = new FakeClock(events);
    clock.hold = true;
    const stop = new AbortController();
    const first = new Transient(1, 8_000);
    const running = script([first, 'ok'], { policy: { signal: stop.signal }, clock, events });
    await Promise.resolve();
    await Promise.resolve();
    expect(events).toEqual(['attempt 1', 'retry after 1: 8000 ms', 'sleep 8000']);
    stop.abort();
    const run = await running;
    expect(run.outcome).toEqual({ error: first });
    expect(run.events.filter((event) => event.startsWith('attempt'))).toEqual(['attempt 1']);
    expect(clock.held).toHaveLength(1);
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
