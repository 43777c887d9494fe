import { Agent, errors as undiciErrors, request } from 'undici';
import type { Dispatcher } from 'undici';
import { retryDelayMs } from './backoff.js';
import { errorMessage, TransportError, TwilioApiError } from './errors.js';
import type { Credentials } from './settings.js';
import { resourcePath } from './webhook-config.js';
import type { DesiredConfig, Field, Resource, WebhookConfig } from './webhook-config.js';

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
  /** A number in [0, 1), for backoff jitter. */
  random(): number;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => Math.random(),
};

export interface TwilioClientOptions {
  readonly baseUrl: string;
  readonly credentials: Credentials;
  readonly resource: Resource;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly userAgent: string;
  /** The caller keeps ownership of a dispatcher it passes in; otherwise the client makes and closes its own. */
  readonly dispatcher?: Dispatcher;
  readonly clock?: Clock;
  /** Where progress goes: retries at info level, each request and answer at debug level. */
  readonly log?: (level: 'info' | 'debug', message: string) => void;
}

type HttpMethod = 'GET' | 'POST';

/** Twilio's form names for the fields this action manages. */
const FORM_NAMES: Readonly<Record<Field, string>> = {
  filters: 'Filters',
  method: 'Method',
  pre_webhook_url: 'PreWebhookUrl',
  post_webhook_url: 'PostWebhookUrl',
  target: 'Target',
};

const CONFIG_FIELDS = [
  'account_sid',
  'method',
  'filters',
  'pre_webhook_url',
  'post_webhook_url',
  'url',
];

/**
 * Encodes an update the way Twilio's own helpers do: only the fields given, a list as the same key
 * repeated. Clearing sends the field with an empty value, the only way the wire allows.
 */
export function encodeUpdate(update: DesiredConfig): string {
  const form = new URLSearchParams();
  for (const [field, name] of Object.entries(FORM_NAMES) as [Field, string][]) {
    if (!(field in update)) continue;
    const value = update[field] ?? '';
    const values = typeof value === 'string' ? [value] : value.length === 0 ? [''] : value;
    for (const item of values) form.append(name, item);
  }
  return form.toString();
}

export class TwilioClient {
  private readonly options: TwilioClientOptions;
  private readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;
  private readonly clock: Clock;
  private readonly url: string;
  private readonly authorization: string;

  constructor(options: TwilioClientOptions) {
    this.options = options;
    this.ownsDispatcher = options.dispatcher === undefined;
    this.dispatcher = options.dispatcher ?? new Agent({ connect: { timeout: options.timeoutMs } });
    this.clock = options.clock ?? systemClock;
    this.url = `${options.baseUrl}${resourcePath(options.resource)}`;
    const { username, password } = options.credentials;
    this.authorization = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
  }

  fetchConfig(): Promise<WebhookConfig> {
    return this.send('GET');
  }

  updateConfig(update: DesiredConfig): Promise<WebhookConfig> {
    return this.send('POST', encodeUpdate(update));
  }

  /** Lets the process exit: keep-alive sockets would otherwise hold the runner. */
  async close(): Promise<void> {
    if (this.ownsDispatcher) await this.dispatcher.close();
  }

  private async send(method: HttpMethod, body?: string): Promise<WebhookConfig> {
    const attempts = this.options.maxRetries + 1;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(method, body, attempt);
      } catch (error) {
        const retryable =
          error instanceof TransportError || (error instanceof TwilioApiError && error.retryable);
        if (!retryable || attempt >= attempts) {
          throw attempt === 1 ? error : withAttempts(error, attempt);
        }
        const retryAfter = error instanceof RetryableStatus ? error.retryAfter : undefined;
        const delay = retryDelayMs(attempt, retryAfter, this.clock.now(), this.clock.random());
        this.log(
          'info',
          `${method} ${this.path()} failed (attempt ${attempt} of ${attempts}): ${errorMessage(error)} Retrying in ${(delay / 1000).toFixed(1)} s.`,
        );
        await this.clock.sleep(delay);
      }
    }
  }

  private log(level: 'info' | 'debug', message: string): void {
    this.options.log?.(level, message);
  }

  private async attempt(
    method: HttpMethod,
    body: string | undefined,
    attempt: number,
  ): Promise<WebhookConfig> {
    const started = this.clock.now();
    this.log(
      'debug',
      `${method} ${this.url} (attempt ${attempt})${body === undefined ? '' : ` with body ${body}`}`,
    );
    const signal = AbortSignal.timeout(this.options.timeoutMs);
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
      const response = await request(this.url, {
        dispatcher: this.dispatcher,
        method,
        headers,
        body: body ?? null,
        signal,
      });
      status = response.statusCode;
      responseHeaders = response.headers;
      text = await response.body.text();
      this.log(
        'debug',
        `${method} ${this.path()} answered ${status} in ${this.clock.now() - started} ms: ${text}`,
      );
    } catch (error) {
      throw this.transportError(method, error, signal);
    }
    const where = `${method} ${this.path()}`;
    if (status >= 200 && status < 300) return this.parseConfig(where, status, text);
    const message = `Twilio answered ${status} to ${where}: ${describeErrorBody(text, header(responseHeaders, 'content-type'))}${hint(status, this.options.resource)}`;
    if (status === 429 || status >= 500) {
      throw new RetryableStatus(status, message, header(responseHeaders, 'retry-after'));
    }
    throw new TwilioApiError(status, message, false);
  }

  private transportError(method: HttpMethod, error: unknown, signal: AbortSignal): Error {
    const where = `${method} ${this.path()}`;
    if (signal.aborted) {
      return new TransportError(
        `${where} got no complete answer within ${this.options.timeoutMs / 1000} s (timeout-seconds).`,
        { cause: error },
      );
    }
    if (isNetworkError(error)) {
      return new TransportError(`${where} failed: ${networkErrorMessage(error)}.`, {
        cause: error,
      });
    }
    return error instanceof Error ? error : new Error(String(error));
  }

  private parseConfig(where: string, status: number, text: string): WebhookConfig {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new TwilioApiError(
        status,
        `Twilio answered ${status} to ${where} with a body that is not JSON: ${snippet(text)}`,
        false,
      );
    }
    const required =
      this.options.resource.kind === 'account'
        ? [...CONFIG_FIELDS, 'target']
        : [...CONFIG_FIELDS, 'chat_service_sid'];
    const missing =
      typeof json === 'object' && json !== null && !Array.isArray(json)
        ? required.filter((field) => !(field in json))
        : required;
    if (missing.length > 0) {
      throw new TwilioApiError(
        status,
        `Twilio answered ${status} to ${where} without the field(s) ${missing.join(', ')}: ${snippet(text)}`,
        false,
      );
    }
    const config = json as Record<string, unknown>;
    const problem = shapeProblem(config);
    if (problem !== undefined) {
      throw new TwilioApiError(
        status,
        `Twilio answered ${status} to ${where} with ${problem}.`,
        false,
      );
    }
    return config as unknown as WebhookConfig;
  }

  private path(): string {
    return resourcePath(this.options.resource);
  }
}

class RetryableStatus extends TwilioApiError {
  readonly retryAfter: string | undefined;

  constructor(status: number, message: string, retryAfter: string | undefined) {
    super(status, message, true);
    this.retryAfter = retryAfter;
  }
}

function withAttempts(error: unknown, attempts: number): Error {
  const message = `Gave up after ${attempts} attempts (${attempts - 1} retries, max-retries). Last error: ${errorMessage(error)}`;
  if (error instanceof TwilioApiError) return new TwilioApiError(error.status, message, false);
  return new TransportError(message, { cause: error });
}

function shapeProblem(config: Record<string, unknown>): string | undefined {
  for (const field of [
    'account_sid',
    'method',
    'pre_webhook_url',
    'post_webhook_url',
    'url',
    'target',
    'chat_service_sid',
  ]) {
    const value = config[field];
    if (value !== undefined && value !== null && typeof value !== 'string') {
      return `a ${field} that is not a string`;
    }
  }
  const filters = config.filters;
  if (
    filters !== null &&
    !(Array.isArray(filters) && filters.every((f) => typeof f === 'string'))
  ) {
    return 'filters that are not a list of event names';
  }
  return undefined;
}

function header(headers: Dispatcher.ResponseData['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

interface TwilioErrorBody {
  code?: unknown;
  message?: unknown;
  more_info?: unknown;
  status?: unknown;
}

/** Twilio's error body shows all four of its fields; anything else is described, not dumped. */
function describeErrorBody(text: string, contentType: string | undefined): string {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (typeof body === 'object' && body !== null && ('code' in body || 'message' in body)) {
    const { code, message, more_info: moreInfo, status } = body as TwilioErrorBody;
    return `error ${show(code, 'without a code')}: ${show(message, '(no message)')} (status ${show(status, 'not given')}, more info: ${show(moreInfo, 'none')})`;
  }
  if (contentType?.includes('html') || /^\s*</.test(text)) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1]?.trim();
    return `an HTML page instead of Twilio's JSON, probably from a proxy${title ? ` ("${title.slice(0, 100)}")` : ''}.`;
  }
  return text.trim() === ''
    ? 'an empty body.'
    : `a body that is not Twilio's error JSON: ${snippet(text)}`;
}

function show(value: unknown, fallback: string): string {
  if (value === undefined || value === null) return fallback;
  return typeof value === 'string' || typeof value === 'number'
    ? String(value)
    : JSON.stringify(value);
}

function hint(status: number, resource: Resource): string {
  if (status === 401 || status === 403) {
    return ' Check account-sid with auth-token, or api-key with api-secret.';
  }
  if (status === 404 && resource.kind === 'service') {
    return ` Check service-sid: ${resource.serviceSid} is not a Conversations service of this account.`;
  }
  return '';
}

function snippet(text: string): string {
  const compact = text.replace(/\s+/g, ' ').trim();
  return JSON.stringify(compact.length > 120 ? `${compact.slice(0, 120)}…` : compact);
}

function isNetworkError(error: unknown): error is Error & { code?: string } {
  return (
    error instanceof undiciErrors.UndiciError ||
    (error instanceof Error && typeof (error as { code?: unknown }).code === 'string') ||
    (error instanceof TypeError && error.message === 'terminated')
  );
}

function networkErrorMessage(error: Error & { code?: string }): string {
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${error.code ? ` (${error.code})` : ''}${cause}`;
}
