// How a request to Twilio can fail, as data: the client raises these, and the layer that knows the
// action's inputs turns them into advice. Nothing here names an input.
import type { FailureKind } from '../http/failure.js';
import { parseJson } from '../http/transport.js';
import { oneLine } from '../core/text.js';
import { showUrlsIn } from '../core/urls.js';

/** Twilio, or something in front of it, answered with a status that is not a success. */
export class TwilioApiError extends Error {
  /** "GET /v1/Configuration/Webhooks" */
  readonly request: string;
  readonly status: number;
  /** Twilio's own error code, when the body is Twilio's error JSON. */
  readonly code: number | undefined;
  readonly retryAfter: string | undefined;

  constructor(request: string, status: number, body: ErrorBody, retryAfter?: string) {
    super(`Twilio answered ${status} to ${request}: ${body.description}`);
    this.name = 'TwilioApiError';
    this.request = request;
    this.status = status;
    this.code = body.code;
    this.retryAfter = retryAfter;
  }

  /** 408, 429 and 5xx: Twilio did not process the request, or may answer differently soon. */
  get transient(): boolean {
    return this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

/** A success status whose body is not the resource: too big, not JSON, or the wrong shape. */
export class UnexpectedAnswerError extends Error {
  readonly request: string;

  constructor(request: string, status: number, problem: string) {
    super(`Twilio answered ${status} to ${request} with ${problem}.`);
    this.name = 'UnexpectedAnswerError';
    this.request = request;
  }
}

/** What the transport says of a request that got no usable answer (src/http/failure.ts). */
export type TransportFailure = Exclude<FailureKind, 'cancelled'>;

/** No usable answer at all. */
export class TransportError extends Error {
  readonly request: string;
  readonly failure: TransportFailure;

  constructor(request: string, failure: TransportFailure, detail: string, cause?: unknown) {
    super(`${request} failed: ${detail}.`, { cause });
    this.name = 'TransportError';
    this.request = request;
    this.failure = failure;
  }

  get transient(): boolean {
    return (
      this.failure === 'timeout' || this.failure === 'connection' || this.failure === 'refused'
    );
  }

  /** Whether the server can have received the request: an update may then have been applied. */
  get mayHaveBeenSent(): boolean {
    return (
      this.failure === 'timeout' || this.failure === 'connection' || this.failure === 'too-large'
    );
  }
}

interface ErrorBody {
  readonly code: number | undefined;
  readonly description: string;
}

/**
 * What an error answer says. Twilio's error JSON shows all four of its fields; an HTML page (a
 * proxy's) shows its title; anything else a short escaped excerpt. Never super-linear in the body.
 */
export function describeErrorBody(text: string, contentType: string | undefined): ErrorBody {
  const json = parseJson(text);
  if (typeof json === 'object' && json !== null && ('code' in json || 'message' in json)) {
    const { code, message, more_info: moreInfo, status } = json as Record<string, unknown>;
    return {
      code: typeof code === 'number' ? code : undefined,
      description: `error ${show(code, 'without a code')}: ${show(message, '(no message)')} (status ${show(status, 'not given')}, more info: ${show(moreInfo, 'none')})`,
    };
  }
  if ((contentType?.includes('html') ?? false) || text.trimStart().startsWith('<')) {
    const title = htmlTitle(text);
    return {
      code: undefined,
      description: `an HTML page instead of Twilio's JSON, probably from a proxy${title === undefined ? '' : ` ("${oneLine(showUrlsIn(title), 100)}")`}.`,
    };
  }
  return {
    code: undefined,
    description:
      text.trim() === ''
        ? 'an empty body.'
        : `a body that is not Twilio's error JSON: "${oneLine(showUrlsIn(text.trim().slice(0, 4_096)), 120)}"`,
  };
}

/** The text of the first <title> element, found with indexOf so a crafted page cannot stall it. */
export function htmlTitle(html: string): string | undefined {
  const lower = html.slice(0, 64 * 1024).toLowerCase();
  const open = lower.indexOf('<title');
  if (open === -1) return undefined;
  const start = lower.indexOf('>', open);
  if (start === -1) return undefined;
  const end = lower.indexOf('</title>', start);
  if (end === -1) return undefined;
  const title = html.slice(start + 1, end).trim();
  return title === '' ? undefined : title;
}

function show(value: unknown, fallback: string): string {
  if (value === undefined || value === null) return fallback;
  // Twilio's message may echo what was sent: its URLs are shown as everywhere else.
  return oneLine(showUrlsIn(typeof value === 'string' ? value : JSON.stringify(value)), 300);
}
