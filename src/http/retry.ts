// A small generic retry loop, in the manner of actions/checkout's retry-helper: the caller says
// which errors are worth another attempt, and how long to wait before it (src/http/backoff.ts), and
// may stop the retries with a signal.
import { isAborted, unlessAborted } from './cancellation.js';
import type { Clock } from '../core/clock.js';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly attempts: number;
  readonly isTransient: (error: unknown) => boolean;
  /** The wait before the next attempt, once attempt number `attempt` failed with `error`. */
  readonly delayMs: (error: unknown, attempt: number) => number;
  /** Once aborted, no further attempt starts and a wait ends at once: the last error is thrown as it is. */
  readonly signal?: AbortSignal | undefined;
}

/** The last error of an operation that failed every attempt it was allowed. */
export class RetriesExhausted extends Error {
  readonly attempts: number;

  constructor(attempts: number, cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'RetriesExhausted';
    this.attempts = attempts;
  }
}

export async function withRetries<T>(
  operation: (attempt: number) => Promise<T>,
  policy: RetryPolicy,
  clock: Clock,
  onRetry: (error: unknown, attempt: number, delayMs: number) => void,
): Promise<T> {
  const stopped = () => isAborted(policy.signal);
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation(attempt);
    } catch (error) {
      if (!policy.isTransient(error) || stopped()) throw error;
      if (attempt >= policy.attempts) {
        throw attempt === 1 ? error : new RetriesExhausted(attempt, error);
      }
      const delay = policy.delayMs(error, attempt);
      onRetry(error, attempt, delay);
      // A wait of 0 is the caller's to take (a pause of the whole pool, say), not the loop's.
      if (delay > 0) await unlessAborted(clock.sleep(delay), policy.signal);
      if (stopped()) throw error;
    }
  }
}
