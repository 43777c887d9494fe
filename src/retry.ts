// A small generic retry loop, in the manner of actions/checkout's retry-helper: the caller says
// which errors are worth another attempt; the backoff policy says how long to wait.
import { retryDelayMs } from './backoff.js';
import type { Clock } from './clock.js';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly attempts: number;
  readonly isTransient: (error: unknown) => boolean;
  /** The server's `Retry-After`, when the error carries one. */
  readonly retryAfter: (error: unknown) => string | undefined;
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
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation(attempt);
    } catch (error) {
      if (!policy.isTransient(error)) throw error;
      if (attempt >= policy.attempts) {
        throw attempt === 1 ? error : new RetriesExhausted(attempt, error);
      }
      const delay = retryDelayMs(attempt, policy.retryAfter(error), clock.now(), clock.random());
      onRetry(error, attempt, delay);
      await clock.sleep(delay);
    }
  }
}
