// The HTTP client for Twilio's Conversations API: one keep-alive connection pool for every request
// of a run, a time limit and a size limit on every answer, and retries of what is transient. An
// overload pauses the whole pool (src/twilio/overload.ts); a cancelled run ends its reads at once and
// gives its updates a grace (src/http/cancellation.ts).
import { setImmediate } from 'node:timers/promises';
import { retryDelayMs } from '../http/backoff.js';
import { CANCEL_GRACE_MS, CancelledRequest, graceAfter, isAborted } from '../http/cancellation.js';
import type { Clock } from '../core/clock.js';
import { systemClock } from '../core/clock.js';
import { isOverload, PoolPause } from './overload.js';
import { withRetries } from '../http/retry.js';
import { oneLine } from '../core/text.js';
import { showUrlsIn, showUrlsInBody } from '../core/urls.js';
import {
  describeErrorBody,
  TransportError,
  TwilioApiError,
  UnexpectedAnswerError,
} from './errors.js';
import type { TransportFailure } from './errors.js';
import { Agent, errors as undiciErrors, ProxyAgent, request } from '../http/undici.js';
import type { Dispatcher } from '../http/undici.js';
import {
  encodeUpdate,
  readConfig,
  readServicesPage,
  resourcePath,
  SERVICES_PAGE_SIZE,
  SERVICES_PATH,
  uniqueServices,
} from '../model/webhook-config.js';
import type {
  DesiredConfig,
  Resource,
  ServiceSummary,
  WebhookConfig,
} from '../model/webhook-config.js';

/** Twilio's answers here are a few hundred bytes; anything this big is not one of them. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;
/** 100 pages of 100: far more services than an account has, and a bound on a list that never ends. */
const MAX_SERVICE_PAGES = 100;

export interface Credentials {
  readonly username: string;
  readonly password: string;
}

export interface TwilioClientOptions {
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
  /** Sees every configuration Twilio sends before anything about it is logged (to mask its URLs' credentials). */
  readonly onConfig?: ((config: WebhookConfig) => void) | undefined;
  /**
   * Cancels the run: reads end at once, no update is sent and nothing is retried; an update in
   * flight, and a fetch that learns its outcome, may finish within CANCEL_GRACE_MS (on the
   * clock), then are cut off.
   */
  readonly signal?: AbortSignal | undefined;
}

type HttpMethod = 'GET' | 'POST';

/**
 * Why a configuration is fetched: 'outcome' learns what an update did (its answer was lost), and
 * so gets the grace of a cancelled run, as the update does.
 */
export type FetchPurpose = 'read' | 'outcome';

export class TwilioClient {
  private readonly options: TwilioClientOptions;
  private readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;
  private readonly clock: Clock;
  private readonly authorization: string;
  private readonly pause: PoolPause;
  /** When a cancelled run cuts off what its grace let finish. */
  private readonly deadline: AbortSignal | undefined;
  private updatesSent = 0;

  constructor(options: TwilioClientOptions) {
    this.options = options;
    this.ownsDispatcher = options.dispatcher === undefined;
    this.dispatcher = options.dispatcher ?? createPool(options);
    this.clock = options.clock ?? systemClock;
    const { username, password } = options.credentials;
    this.authorization = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
    this.pause = new PoolPause(this.clock);
    this.deadline =
      options.signal === undefined
        ? undefined
        : graceAfter(options.signal, CANCEL_GRACE_MS, this.clock);
  }

  async fetchConfig(resource: Resource, purpose: FetchPurpose = 'read'): Promise<WebhookConfig> {
    return this.config(
      resource,
      await this.send('GET', resourcePath(resource), undefined, purpose === 'outcome'),
    );
  }

  /** An update in flight is never cut off at once when the run is cancelled: it gets the grace. */
  async updateConfig(resource: Resource, update: DesiredConfig): Promise<WebhookConfig> {
    return this.config(
      resource,
      await this.send('POST', resourcePath(resource), encodeUpdate(update), true),
    );
  }

  /** Every Conversations service of the account, following the list's own next-page links. */
  async listServices(): Promise<ServiceSummary[]> {
    const services: ServiceSummary[] = [];
    let path: string | null = `${SERVICES_PATH}?PageSize=${SERVICES_PAGE_SIZE}`;
    for (let page = 1; path !== null; page++) {
      if (page > MAX_SERVICE_PAGES) {
        throw new UnexpectedAnswerError(
          `GET ${SERVICES_PATH}`,
          200,
          `more than ${MAX_SERVICE_PAGES} pages of services`,
        );
      }
      const answer = await this.send('GET', path);
      const read = readServicesPage(parseJson(answer.text));
      this.logAnswer(answer);
      if ('problem' in read)
        throw new UnexpectedAnswerError(answer.request, answer.status, read.problem);
      services.push(...read.services);
      path = read.next === null ? null : this.samePath(read.next, answer.request);
    }
    // A list that changes while it is read may repeat a service on a later page.
    return uniqueServices(services);
  }

  /** Lets the process exit: keep-alive sockets would otherwise hold the runner. */
  async close(): Promise<void> {
    if (this.ownsDispatcher) await this.dispatcher.close();
  }

  private config(resource: Resource, answer: Answer): WebhookConfig {
    const json = parseJson(answer.text);
    const read =
      json === undefined
        ? { problem: `a body that is not JSON: "${oneLine(answer.text, 120)}"` }
        : readConfig(json, resource);
    if ('problem' in read) {
      this.logAnswer(answer);
      throw new UnexpectedAnswerError(answer.request, answer.status, read.problem);
    }
    this.options.onConfig?.(read.config);
    this.logAnswer(answer);
    return read.config;
  }

  /** A next-page link elsewhere than Twilio's own host would take the credentials with it. */
  private samePath(link: string, request: string): string {
    const base = new URL(this.options.baseUrl);
    const url = URL.canParse(link) ? new URL(link) : undefined;
    if (url?.origin !== base.origin || !url.pathname.startsWith(base.pathname.replace(/\/$/, ''))) {
      throw new UnexpectedAnswerError(
        request,
        200,
        `a next_page_url on another host: "${oneLine(link, 120)}"`,
      );
    }
    return `${url.pathname.slice(base.pathname.replace(/\/$/, '').length)}${url.search}`;
  }

  private logAnswer(answer: Answer): void {
    // Whole: the log redacts it first and shortens it after, so no secret is cut in two. Its
    // URLs are shown as everywhere else: their user info and query values are nobody's to read.
    this.log(
      'debug',
      `${answer.request} answered ${answer.status} in ${answer.ms} ms: ${showUrlsInBody(answer.text)}`,
    );
  }

  /** `graced`: an update or what learns its outcome, which a cancelled run lets finish. */
  private async send(
    method: HttpMethod,
    path: string,
    body?: string,
    graced = false,
  ): Promise<Answer> {
    const where = `${method} ${path}`;
    const cancel = this.options.signal;
    try {
      return await withRetries(
        (attempt) => this.attempt(method, path, body, attempt, graced),
        {
          attempts: this.options.maxRetries + 1,
          isTransient: (error) =>
            (error instanceof TwilioApiError || error instanceof TransportError) && error.transient,
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

  private async attempt(
    method: HttpMethod,
    path: string,
    body: string | undefined,
    attempt: number,
    graced: boolean,
  ): Promise<Answer> {
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
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    const signal = cut === undefined ? timeout : AbortSignal.any([timeout, cut]);
    const headers: Record<string, string> = {
      accept: 'application/json',
      authorization: this.authorization,
      'user-agent': this.options.userAgent,
    };
    if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
    let status: number;
    let responseHeaders: Dispatcher.ResponseData['headers'];
    let text: string;
    try {
      const response = await request(url, {
        dispatcher: this.dispatcher,
        method,
        headers,
        body: body ?? null,
        signal,
      });
      status = response.statusCode;
      responseHeaders = response.headers;
      text = await readCapped(response.body, header(responseHeaders, 'content-length'));
      // undici hands the connection back to its pool a tick after the body ends; a request sent
      // before then would open a connection of its own.
      await setImmediate();
    } catch (error) {
      if (isAborted(cut) && !timeout.aborted) throw this.cancelled(where, true, graced);
      throw transportError(where, error, timeout, this.options.timeoutMs);
    }
    const answer = { request: where, status, text, ms: this.clock.now() - started };
    if (status >= 200 && status < 300) return answer;
    this.logAnswer(answer);
    const error = new TwilioApiError(
      where,
      status,
      describeErrorBody(text, header(responseHeaders, 'content-type')),
      header(responseHeaders, 'retry-after'),
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

interface Answer {
  readonly request: string;
  readonly status: number;
  readonly text: string;
  readonly ms: number;
}

/**
 * One pool for every request of a run: at most `maxConnections` connections, kept alive and
 * reused, so a fetch, its update and the verification share a connection (and its TLS handshake).
 */
function createPool(options: TwilioClientOptions): Dispatcher {
  const pool = { connections: options.maxConnections, connect: { timeout: options.timeoutMs } };
  return options.proxyUrl === undefined
    ? new Agent(pool)
    : new ProxyAgent({ ...pool, uri: options.proxyUrl });
}

/** The body as text, refused once it passes MAX_BODY_BYTES rather than buffered whole. */
async function readCapped(
  body: Dispatcher.ResponseData['body'],
  contentLength: string | undefined,
): Promise<string> {
  if (contentLength !== undefined && Number(contentLength) > MAX_BODY_BYTES) {
    discard(body);
    throw new BodyTooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      discard(body);
      throw new BodyTooLarge();
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

class BodyTooLarge extends Error {}

/** Closes a body unread; the abort it reports is expected, not an error of the run. */
function discard(body: Dispatcher.ResponseData['body']): void {
  body.on('error', () => undefined);
  body.destroy();
}

/** A form body for the log: each value as it is, but URLs as showUrl shows them. */
function shownForm(body: string): string {
  return [...new URLSearchParams(body)]
    .map(([name, value]) => `${name}=${showUrlsIn(value)}`)
    .join('&');
}

function header(headers: Dispatcher.ResponseData['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function retryAfterOf(error: unknown): string | undefined {
  return error instanceof TwilioApiError ? error.retryAfter : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const TLS_CODES = /^(?:ERR_SSL_|ERR_TLS_|EPROTO$)|CERT|^UNABLE_TO_|^SELF_SIGNED|^DEPTH_ZERO/;

function transportError(
  where: string,
  error: unknown,
  signal: AbortSignal,
  timeoutMs: number,
): Error {
  if (error instanceof BodyTooLarge) {
    return new TransportError(
      where,
      'too-large',
      `the answer is over ${MAX_BODY_BYTES / 1024 / 1024} MiB, far more than a webhook configuration; it was not read`,
    );
  }
  if (signal.aborted) {
    return new TransportError(
      where,
      'timeout',
      `no complete answer within ${timeoutMs / 1000} s`,
      error,
    );
  }
  if (!isNetworkError(error)) return error instanceof Error ? error : new Error(String(error));
  const code = errorCode(error);
  const failure: TransportFailure =
    code === 'ENOTFOUND'
      ? 'dns'
      : code === 'ECONNREFUSED'
        ? 'refused'
        : code !== undefined && TLS_CODES.test(code)
          ? 'tls'
          : 'connection';
  return new TransportError(where, failure, networkErrorMessage(error, code), error);
}

function isNetworkError(error: unknown): error is Error {
  return (
    error instanceof undiciErrors.UndiciError ||
    (error instanceof Error && errorCode(error) !== undefined)
  );
}

function errorCode(error: Error): string | undefined {
  const own = (error as { code?: unknown }).code;
  const cause = (error.cause as { code?: unknown } | undefined)?.code;
  const code =
    typeof own === 'string' && own.startsWith('UND_ERR') && typeof cause === 'string' ? cause : own;
  return typeof code === 'string' ? code : typeof cause === 'string' ? cause : undefined;
}

function networkErrorMessage(error: Error, code: string | undefined): string {
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return oneLine(`${error.message}${code === undefined ? '' : ` (${code})`}${cause}`, 300);
}
