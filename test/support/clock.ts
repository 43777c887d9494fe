import type { Clock } from '../../src/core/clock.js';

/** A clock whose sleeps return at once and are recorded; time moves on by what was slept. */
export interface RecordingClock extends Clock {
  readonly sleeps: number[];
}

export function recordingClock(start = Date.now()): RecordingClock {
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => start + sleeps.reduce((sum, ms) => sum + ms, 0),
    random: () => 0.5,
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
  };
}
