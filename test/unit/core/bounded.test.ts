import { describe, expect, it } from 'vitest';
import { mapBounded } from '../../../src/core/bounded.js';

/** Lets every pending promise callback run: the work in flight reaches its next await. */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

/** Work that finishes only when the test says so, recording how much of it runs at once. */
function controlledWork<T>() {
  const pending = new Map<T, { resolve: (value: string) => void; reject: (e: Error) => void }>();
  const started: T[] = [];
  let inFlight = 0;
  let most = 0;
  const work = (item: T, index: number) =>
    new Promise<string>((resolve, reject) => {
      started.push(item);
      inFlight++;
      most = Math.max(most, inFlight);
      const done = () => {
        inFlight--;
        pending.delete(item);
      };
      pending.set(item, {
        resolve: (value) => {
          done();
          resolve(`${value}@${index}`);
        },
        reject: (error) => {
          done();
          reject(error);
        },
      });
    });
  const finish = async (item: T, value = String(item)) => {
    const entry = pending.get(item);
    if (entry === undefined) throw new Error(`${String(item)} is not in flight`);
    entry.resolve(value);
    await settle();
  };
  const fail = async (item: T, error: Error) => {
    pending.get(item)?.reject(error);
    await settle();
  };
  return {
    work,
    finish,
    fail,
    started,
    inFlight: () => [...pending.keys()],
    most: () => most,
  };
}

describe('mapBounded', () => {
  it('starts at most `limit` at a time, and the next as soon as one finishes', async () => {
    const work = controlledWork<string>();
    const run = mapBounded(['a', 'b', 'c', 'd', 'e'], 2, work.work);
    await settle();
    expect(work.inFlight()).toEqual(['a', 'b']);
    await work.finish('b');
    expect(work.inFlight()).toEqual(['a', 'c']);
    await work.finish('a');
    await work.finish('c');
    expect(work.inFlight()).toEqual(['d', 'e']);
    await work.finish('e');
    await work.finish('d');
    expect(work.most()).toBe(2);
    expect(work.started).toEqual(['a', 'b', 'c', 'd', 'e']);
    await expect(run).resolves.toEqual(['a@0', 'b@1', 'c@2', 'd@3', 'e@4']);
  });

  it('gives the results in the items’ order, whatever order they finish in', async () => {
    const work = controlledWork<number>();
    const run = mapBounded([0, 1, 2, 3, 4, 5], 3, work.work);
    await settle();
    for (const [item, next] of [
      [2, [0, 1, 3]],
      [0, [1, 3, 4]],
      [1, [3, 4, 5]],
      [5, [3, 4]],
      [4, [3]],
      [3, []],
    ] as const) {
      await work.finish(item, `v${item}`);
      expect(work.inFlight()).toEqual(next);
    }
    await expect(run).resolves.toEqual(['v0@0', 'v1@1', 'v2@2', 'v3@3', 'v4@4', 'v5@5']);
    expect(work.most()).toBe(3);
  });

  it('works one at a time with a limit of 1', async () => {
    const work = controlledWork<string>();
    const run = mapBounded(['x', 'y', 'z'], 1, work.work);
    for (const item of ['x', 'y', 'z']) {
      await settle();
      expect(work.inFlight()).toEqual([item]);
      await work.finish(item);
    }
    await expect(run).resolves.toEqual(['x@0', 'y@1', 'z@2']);
    expect(work.most()).toBe(1);
  });

  it('starts everything at once when the limit is above the number of items', async () => {
    const work = controlledWork<string>();
    const run = mapBounded(['a', 'b'], 16, work.work);
    await settle();
    expect(work.inFlight()).toEqual(['a', 'b']);
    await work.finish('a');
    await work.finish('b');
    await expect(run).resolves.toEqual(['a@0', 'b@1']);
  });

  it('calls nothing for no items', async () => {
    const work = controlledWork<string>();
    await expect(mapBounded([], 4, work.work)).resolves.toEqual([]);
    expect(work.started).toEqual([]);
  });

  it('rejects with the first error', async () => {
    const work = controlledWork<string>();
    const outcome = mapBounded(['a', 'b', 'c'], 2, work.work).then(
      () => 'resolved',
      (error: unknown) => error,
    );
    await settle();
    const broken = new Error('Twilio said no');
    await work.fail('a', broken);
    expect(await outcome).toBe(broken);
  });
});
