// How one request reaches Twilio: on the client's pool (src/http/transport.ts), retried while what
// failed is transient, held while an overload pauses the pool (src/twilio/overload.ts), ended at
// once by a cancelled run, or after its grace for an update (src/http/cancellation.ts).
import { retryDelayMs } from '../http/backoff.js';
import { CANCEL_GRACE_MS, CancelledRequest, graceAfter, isAborted } from '../http/cancellation.js';
import { HttpFailure } from '../http/failure.js';
import { withRetries } from '../http/retry.js';
import { createPool, exchange, header } from '../http/transport.js';
import type { HttpAnswer } from '../http/transport.js';
import type { Dispatcher } from '../http/undici.js';
import type { Clock } from '../core/clock.js';
import { systemClock } from '../core/clock.js';
import { oneLine } from '../core/text.js';
import { showUrlsIn, showUrlsInBody } from '../core/urls.js';
import { describeErrorBody, TransportError, TwilioApiError } from './errors.js';
import { isOverload, PoolPause } from './overload.js';

/** Twilio's answers here are a few hundred bytes; anything this big is not one of them. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

export interface Credentials {
  readonly username: string;
  readonly password: string;
}

export interface SenderOptions {
  readonly baseUrl: string;
  readonly credentials: Credentials;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  /** Connections the pool may open to Twilio, and so requests in flight at once. */
  readonly maxConnections: number;
  readonly userAgent: string;
  /** The proxy to reach Twilio through, if any (see proxyFor). */
  readonly proxyUrl?: string | undefined;
  /** The caller keeps ownership of a dispatcher it passes in; otherwise the client makes and closes its own. */
  readonly dispatcher?: Dispatcher | undefined;
  readonly clock?: Clock | undefined;
  /** Where progress goes: retries at info level, each request and answer at debug level. */
  readonly log?: ((level: 'info' | 'debug', message: string) => void) | undefined;
  /**
   * Cancels the run: reads end at once, no update is sent and nothing is retried; an update in
   * flight, and a fetch that learns its outcome, may finish within CANCEL_GRACE_MS (on the
   * clock), then are cut off.
   */
  readonly signal?: AbortSignal | undefined;
}

/** A 2xx answer. */
export interface TwilioAnswer {
  /** "GET /v1/Configuration/Webhooks" */
  readonly request: string;
  readonly status: number;
  readonly text: string;
  readonly ms: number;
}

export class TwilioSender {
  private readonly options: SenderOptions;
  private readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;
  private readonly clock: Clock;
  private readonly authorization: string;
  private readonly pause: PoolPause;
  /** When a cancelled run cuts off what its grace let finish. */
  private readonly deadline: AbortSignal | undefined;
  private updatesSent = 0;

  constructor(options: SenderOptions) {
    this.options = options;
    this.ownsDispatcher = options.dispatcher === undefined;
    this.dispatcher =
      options.dispatcher ??
      createPool({
        connections: options.maxConnections,
        connectTimeoutMs: options.timeoutMs,
        proxyUrl: options.proxyUrl,
      });
    this.clock = options.clock ?? systemClock;
    const { username, password } = options.credentials;
    this.authorization = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
    this.pause = new PoolPause(this.clock);
    this.deadline =
      options.signal === undefined
        ? undefined
        : graceAfter(options.signal, CANCEL_GRACE_MS, this.clock);
  }

  /**
   * `graced`: an update or what learns its outcome, which a cancelled run lets finish. `once`: a
   * request that must not be repeated once Twilio may have acted on it (a create: a second one
   * would be refused as a duplicate, or make one), retried only when it surely did not arrive.
   */
  async send(
    method: 'GET' | 'POST',
    path: string,
    body?: string,
    { graced = false, once = false }: { graced?: boolean; once?: boolean } = {},
  ): Promise<TwilioAnswer> {
    const where = `${method} ${path}`;
    const cancel = this.options.signal;
    try {
      return await withRetries(
        (attempt) => this.attempt(method, path, body, attempt, graced),
        {
          attempts: this.options.maxRetries + 1,
          isTransient: (error) =>
            (error instanceof TwilioApiError || error instanceof TransportError) &&
            error.transient &&
            (!once || surelyNotActedOn(error)),
          // An overload has paused the whole pool (see attempt): the retry waits for that pause.
          delayMs: (error, attempt) =>
            isOverload(error)
              ? 0
              : retryDelayMs(attempt, retryAfterOf(error), this.clock.now(), this.clock.random()),
          signal: cancel,
        },
        this.clock,
        (error, attempt, delay) => {
          this.log(
            'info',
            `${where} failed (attempt ${attempt} of ${this.options.maxRetries + 1}): ${error instanceof Error ? error.message : String(error)} ${isOverload(error) ? 'Retrying once the pause is over.' : `Retrying in ${(delay / 1000).toFixed(1)} s.`}`,
          );
        },
      );
    } catch (error) {
      // A read the cancellation stopped between attempts says so, not what failed before it.
      if (!graced && isAborted(cancel) && !(error instanceof CancelledRequest)) {
        throw this.cancelled(where, false, false);
      }
      throw error;
    }
  }

  logAnswer(answer: TwilioAnswer): void {
    // Whole: the log redacts it first and shortens it after, so no secret is cut in two. Its
    // URLs are shown as everywhere else: their user info and query values are nobody's to read.
    this.log(
      'debug',
      `${answer.request} answered ${answer.status} in ${answer.ms} ms: ${showUrlsInBody(answer.text)}`,
    );
  }

  async close(): Promise<void> {
    if (this.ownsDispatcher) await this.dispatcher.close();
  }

  private async attempt(
    method: 'GET' | 'POST',
    path: string,
    body: string | undefined,
    attempt: number,
    graced: boolean,
  ): Promise<TwilioAnswer> {
    const where = `${method} ${path}`;
    const url = `${this.options.baseUrl}${path}`;
    // What ends the attempt in flight: the cancellation, or its grace's end. Once cancelled, no
    // update leaves that was not sent already (one waiting at the pool's pause, a rollback).
    const cut = graced ? this.deadline : this.options.signal;
    const refuse = method === 'POST' ? this.options.signal : cut;
    await this.pause.over(refuse);
    if (isAborted(refuse)) throw this.cancelled(where, false, refuse === this.deadline);
    const generation = this.pause.generation;
    if (method === 'POST') this.updatesSent += 1;
    const started = this.clock.now();
    this.log(
      'debug',
      `${method} ${url} (attempt ${attempt})${body === undefined ? '' : ` with ${shownForm(body)}`}`,
    );
    const headers: Record<string, string> = {
      accept: 'application/json',
      authorization: this.authorization,
      'user-agent': this.options.userAgent,
    };
    if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
    let answer: HttpAnswer;
    try {
      answer = await exchange(this.dispatcher, {
        url,
        method,
        headers,
        body: body ?? null,
        timeoutMs: this.options.timeoutMs,
        signal: cut,
        maxBodyBytes: MAX_BODY_BYTES,
        whenLonger: 'refuse',
      });
    } catch (error) {
      if (!(error instanceof HttpFailure)) throw error;
      const { kind } = error;
      if (kind === 'cancelled') throw this.cancelled(where, true, graced);
      throw new TransportError(where, kind, oneLine(error.message, 300), error.cause);
    }
    const { status, headers: received, text } = answer;
    const read = { request: where, status, text, ms: this.clock.now() - started };
    if (status >= 200 && status < 300) return read;
    this.logAnswer(read);
    const error = new TwilioApiError(
      where,
      status,
      describeErrorBody(text, header(received, 'content-type')),
      header(received, 'retry-after'),
    );
    if (isOverload(error)) this.pauseThePool(error, attempt, generation);
    throw error;
  }

  /** Every request waits, for as long as the answer asks (or the backoff of this attempt). */
  private pauseThePool(error: TwilioApiError, attempt: number, generation: number): void {
    const ms = retryDelayMs(attempt, error.retryAfter, this.clock.now(), this.clock.random());
    if (this.pause.begin(generation, ms)) {
      this.log(
        'info',
        `Twilio answered ${error.status} to ${error.request}${error.status === 429 ? ' (the account is at its limit of requests in flight, which its production traffic shares)' : ''}: no request to Twilio is sent for ${(ms / 1000).toFixed(1)} s.`,
      );
    }
  }

  private cancelled(where: string, inFlight: boolean, graced: boolean): CancelledRequest {
    const why = graced
      ? `the run was cancelled, and the ${CANCEL_GRACE_MS / 1000} s it gives updates in flight ran out`
      : 'the run was cancelled';
    const what = `${where} ${inFlight ? 'was cut off in flight' : 'was not sent'}: ${why}.`;
    return new CancelledRequest(
      where,
      inFlight,
      this.updatesSent === 0 ? `Cancelled before anything was changed: ${what}` : what,
    );
  }

  private log(level: 'info' | 'debug', message: string): void {
    this.options.log?.(level, message);
  }
}

/** A form body for the log: each value as it is, but URLs as showUrl shows them. */
function shownForm(body: string): string {
  return [...new URLSearchParams(body)]
    .map(([name, value]) => `${name}=${showUrlsIn(value)}`)
    .join('&');
}

/** A 429 is refused before anything is done; a request that never left cannot have been acted on. */
function surelyNotActedOn(error: TwilioApiError | TransportError): boolean {
  return error instanceof TwilioApiError ? error.status === 429 : !error.mayHaveBeenSent;
}

function retryAfterOf(error: unknown): string | undefined {
  return error instanceof TwilioApiError ? error.retryAfter : undefined;
}
