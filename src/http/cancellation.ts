// A cancelled run (the runner's SIGINT, or timeout-minutes) stops in two steps. At once: no new
// update starts (src/engine/deploy.ts) and reads end (src/twilio/client.ts). Then updates in flight, and
// the fetches that learn what became of them, get CANCEL_GRACE_MS before they are cut off, so that
// the run can still say which resources were updated, which were not, and which are unknown.
import type { Clock } from '../core/clock.js';

/**
 * What updates in flight may still take once the run is cancelled. The runner sends SIGTERM
 * 7.5 s after SIGINT, and a second signal ends the process at once: Twilio answers an update well
 * within 1 s, and 4 s for it leaves 3.5 s to write the outputs and the summary.
 */
export const CANCEL_GRACE_MS = 4_000;

/** A request the cancellation stopped: before it was sent, or in flight. */
export class CancelledRequest extends Error {
  /** "POST /v1/Configuration/Webhooks" */
  readonly request: string;
  /** Cut off in flight: Twilio may have received it, and an update may have been applied. */
  readonly mayHaveBeenSent: boolean;

  constructor(request: string, mayHaveBeenSent: boolean, message: string) {
    super(message);
    this.name = 'CancelledRequest';
    this.request = request;
    this.mayHaveBeenSent = mayHaveBeenSent;
  }
}

/**
 * A signal that aborts `graceMs` after `signal` does. The grace is a wait like a backoff, so it
 * is measured on the clock: tests prove it without waiting it out.
 */
export function graceAfter(signal: AbortSignal, graceMs: number, clock: Clock): AbortSignal {
  const deadline = new AbortController();
  const start = (): void => {
    void clock.sleep(graceMs).then(() => {
      deadline.abort(signal.reason);
    });
  };
  if (signal.aborted) start();
  else signal.addEventListener('abort', start, { once: true });
  return deadline.signal;
}

/** Read through a call, so that TypeScript does not keep a check made before an await. */
export function isAborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

/** Resolves when `promise` settles, or as soon as `signal` aborts, whichever comes first. */
export function unlessAborted(
  promise: Promise<unknown>,
  signal: AbortSignal | undefined,
): Promise<void> {
  if (signal === undefined) return promise.then(() => undefined);
  if (signal.aborted) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const done = (): void => {
      signal.removeEventListener('abort', done);
      resolve();
    };
    signal.addEventListener('abort', done, { once: true });
    promise.then(done, done);
  });
}
