import { describe, expect, it } from 'vitest';
import type { Clock } from '../../../src/core/clock.js';
import { isOverload, PoolPause, spentOnOverload } from '../../../src/twilio/overload.js';
import { RetriesExhausted } from '../../../src/http/retry.js';
import { TransportError, TwilioApiError } from '../../../src/twilio/errors.js';

const POST = 'POST /v1/Configuration/Webhooks';
const answered = (status: number, retryAfter?: string) =>
  new TwilioApiError(
    POST,
    status,
    { code: undefined, description: `status ${status}` },
    retryAfter,
  );

/** A clock whose sleeps end only when the test ends them, so that a pause can be seen pending. */
function heldClock() {
  const sleeps: { ms: number; end: () => void }[] = [];
  const clock: Clock = {
    now: () => 0,
    random: () => 0.5,
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        sleeps.push({ ms, end: resolve });
      }),
  };
  return { clock, sleeps };
}

/** Whether `promise` has settled, once everything already queued has run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  for (let i = 0; i < 10; i++) await Promise.resolve();
  return done;
}

describe('isOverload and spentOnOverload', () => {
  it.each([
    ['a 429', answered(429), true],
    ['a 503 with Retry-After', answered(503, '2'), true],
    ['a 503 without Retry-After', answered(503), false],
    ['a 500', answered(500), false],
    ['a timeout', new TransportError(POST, 'timeout', 'timeout'), false],
  ])('%s is an overload: %s', (_case, error, overload) => {
    expect(isOverload(error)).toBe(overload);
    expect(spentOnOverload(error) === error).toBe(overload);
  });

  it('sees the overload behind retries spent on it, and only then', () => {
    const last = answered(429);
    expect(spentOnOverload(new RetriesExhausted(3, last))).toBe(last);
    expect(spentOnOverload(new RetriesExhausted(3, answered(500)))).toBeUndefined();
  });
});

describe('PoolPause', () => {
  it('lets every attempt through while no pause is pending', async () => {
    const { clock, sleeps } = heldClock();
    expect(await settled(new PoolPause(clock).over(undefined))).toBe(true);
    expect(sleeps).toEqual([]);
  });

  it('holds every attempt until the pause is over', async () => {
    const { clock, sleeps } = heldClock();
    const pause = new PoolPause(clock);
    expect(pause.begin(pause.generation, 1_000)).toBe(true);
    const waiting = [pause.over(undefined), pause.over(undefined)];
    expect(await settled(Promise.race(waiting))).toBe(false);
    sleeps[0]?.end();
    expect(await settled(Promise.all(waiting))).toBe(true);
  });

  it('takes one pause for answers to attempts sent before it began, and another after', () => {
    const { clock, sleeps } = heldClock();
    const pause = new PoolPause(clock);
    const before = pause.generation;
    expect([pause.begin(before, 1_000), pause.begin(before, 1_000)]).toEqual([true, false]);
    expect(sleeps.map((s) => s.ms)).toEqual([1_000]);
    const after = pause.generation;
    expect(pause.begin(after, 2_000)).toBe(true);
    expect(sleeps.map((s) => s.ms)).toEqual([1_000, 2_000]);
  });

  it('holds attempts until the last pause is over, whichever ends first', async () => {
    const { clock, sleeps } = heldClock();
    const pause = new PoolPause(clock);
    pause.begin(pause.generation, 1_000);
    const waiting = pause.over(undefined);
    pause.begin(pause.generation, 2_000);
    sleeps[0]?.end();
    expect(await settled(waiting)).toBe(false);
    sleeps[1]?.end();
    expect(await settled(waiting)).toBe(true);
  });

  it('lets an attempt go when its signal aborts', async () => {
    const { clock } = heldClock();
    const pause = new PoolPause(clock);
    pause.begin(pause.generation, 30_000);
    const stop = new AbortController();
    const waiting = pause.over(stop.signal);
    expect(await settled(waiting)).toBe(false);
    stop.abort();
    expect(await settled(waiting)).toBe(true);
  });
});
