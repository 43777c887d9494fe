// Twilio's 429 (error 20429) says the account has too many requests in flight, a limit it shares
// with the account's production traffic. Retrying worker by worker keeps the account at its limit,
// so an overload pauses every request of the client (PoolPause), and a run whose retries are spent
// on it starts no new update (src/engine/deploy.ts): a re-run converges, partial changes spread over an
// overloaded account do not.
import { isAborted, unlessAborted } from '../http/cancellation.js';
import type { Clock } from '../core/clock.js';
import { RetriesExhausted } from '../http/retry.js';
import { TwilioApiError } from './errors.js';

/** A 429, or a 503 that says when to come back: the account, not one request, must wait. */
export function isOverload(error: unknown): error is TwilioApiError {
  return (
    error instanceof TwilioApiError &&
    (error.status === 429 || (error.status === 503 && error.retryAfter !== undefined))
  );
}

/** The overload a call failed on however many times it was allowed, if that is how it failed. */
export function spentOnOverload(error: unknown): TwilioApiError | undefined {
  const last = error instanceof RetriesExhausted ? error.cause : error;
  return isOverload(last) ? last : undefined;
}

/** One wait for every request of a client: no attempt is sent while it lasts. */
export class PoolPause {
  private readonly clock: Clock;
  /** Pauses begun so far: an attempt notes the count when it is sent. */
  private begun = 0;
  private pending: Promise<void> | undefined;

  constructor(clock: Clock) {
    this.clock = clock;
  }

  /** What an attempt sent now notes, to hand to `begin` with its answer. */
  get generation(): number {
    return this.begun;
  }

  /** Resolves once no pause is pending, or as soon as `signal` aborts. */
  async over(signal: AbortSignal | undefined): Promise<void> {
    while (this.pending !== undefined && !isAborted(signal)) {
      await unlessAborted(this.pending, signal);
    }
  }

  /**
   * The overload answer to an attempt sent at `generation`: the pool pauses `ms`. Answers to
   * attempts sent before the last pause began tell nothing that pause did not heed, so they wait
   * for it rather than stack another (16 workers refused at once make one pause, not 16). True
   * when a pause begins.
   */
  begin(generation: number, ms: number): boolean {
    if (generation !== this.begun) return false;
    this.begun += 1;
    const pause: Promise<void> = this.clock.sleep(ms).then(() => {
      if (this.pending === pause) this.pending = undefined;
    });
    this.pending = pause;
    return true;
  }
}
