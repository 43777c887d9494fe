import { describe, expect, it } from 'vitest';
import { graceAfter, unlessAborted } from '../../../src/http/cancellation.js';
import { recordingClock } from '../../support/clock.js';

describe('graceAfter', () => {
  it('aborts the grace on the clock, after the signal and not before', async () => {
    const clock = recordingClock();
    const cancel = new AbortController();
    const deadline = graceAfter(cancel.signal, 4_000, clock);
    await Promise.resolve();
    expect([deadline.aborted, clock.sleeps]).toEqual([false, []]);
    cancel.abort('SIGINT');
    await Promise.resolve();
    expect(clock.sleeps).toEqual([4_000]);
    await Promise.resolve();
    expect(deadline.aborted).toBe(true);
    expect(deadline.reason).toBe('SIGINT');
  });

  it('counts the grace from now for a signal already aborted', async () => {
    const clock = recordingClock();
    const deadline = graceAfter(AbortSignal.abort(), 4_000, clock);
    await Promise.resolve();
    await Promise.resolve();
    expect([deadline.aborted, clock.sleeps]).toEqual([true, [4_000]]);
  });
});

describe('unlessAborted', () => {
  it('ends with the promise, or with the signal, whichever comes first', async () => {
    const never = new Promise<void>(() => undefined);
    const stop = new AbortController();
    const waiting = unlessAborted(never, stop.signal);
    stop.abort();
    await expect(waiting).resolves.toBeUndefined();
    await expect(unlessAborted(Promise.resolve(), undefined)).resolves.toBeUndefined();
    await expect(unlessAborted(never, AbortSignal.abort())).resolves.toBeUndefined();
  });
});
