// Before the action points a webhook at a new URL (a preview, say), it sends that URL a probe: a
// request that looks like Twilio's to the endpoint, but is no Conversations event, so that no
// handler acts on it. Previews come up late, so the probe tries again, with backoff, until its
// time (probe-timeout-seconds) is up.
//
// What the endpoint receives, on every attempt:
// - The hook's method (POST unless the configuration says GET), sent to the configured URL without
//   its fragment (HTTP never sends one). The URL's query parameters are kept, and signed: a
//   deployment-protection bypass token in the configured URL reaches the endpoint, from the probe
//   as from Twilio.
// - Four parameters: EventType=onWebhookProbe, which is not a Conversations event (src/model/events.ts
//   ALL_EVENTS lists them all, and none is this); AccountSid=<the account's SID>;
//   Source=twilio-conversations-webhooks-action; ProbeId=<a random UUID, the same on every attempt
//   of one probe>. No ConversationSid, ChatServiceSid or anything else a handler could act on. A
//   POST sends them as its body, `Content-Type: application/x-www-form-urlencoded`; a GET sends no
//   body and appends them to the URL's query, after the URL's own parameters.
// - `X-Twilio-Signature` when the action has the Auth Token, computed as Twilio does
//   (src/twilio/signature.ts) over the URL as sent (so with a GET's parameters, and without the
//   fragment: a secondary Twilio source says a fragment is not signed, which Twilio's reference
//   does not confirm) and a POST's parameters. An API key's secret cannot sign (Twilio signs with
//   the Auth Token only), so with an API key there is no signature header at all.
// - `User-Agent: TwilioProxy/1.1 (webhook probe; <options.userAgent>)`: it starts as Twilio's
//   does, for endpoints that look for it, then says what the request really is.
// - `Authorization: Basic …` when the URL has user info (https://user:password@host/…), at once.
//   Twilio's blog ("HTTP Authentication for Twilio", 2009, for TwiML URLs) says it logs in with
//   such user info, by Basic or Digest authentication; answers on the web add that it first sends
//   no credentials and waits for a 401 challenge. Neither is documented for Conversations; an
//   endpoint that insists on Digest fails the probe with 401.
// Nothing else Twilio sends (no I-Twilio-Idempotency-Token and the like).
//
// How a handler can answer it: any 2xx. Or ignore it as an event it does not know, with 400 or 405
// (or another 4xx but those below): that too shows the endpoint is up and running the handler. It
// does not show how the handler answers real events (a pre-event hook that answers a real event
// with any 4xx or 5xx makes Conversations reject the action: reference, "What a hook's answer
// does"); the probe does not send one.
//
// An attempt passes or fails on its answer:
// | answer                                      | pre / post hook | health (probe-url) |
// |---------------------------------------------|-----------------|--------------------|
// | 2xx within answerWithinMs                   | pass            | pass               |
// | 400, 405, any 4xx not listed below          | pass            | fail               |
// | 3xx (not followed: Twilio is not documented | fail            | fail               |
// |   to follow redirects for these webhooks)   |                 |                    |
// | 401, 403 (deployment protection, or the     | fail            | fail               |
// |   endpoint refused the signature)           |                 |                    |
// | 404, 407, 408, 429, 5xx                     | fail            | fail               |
// | no answer within answerWithinMs; DNS, TLS   | fail            | fail               |
// |   or connection errors                      |                 |                    |
// 408 fails too: it says the request did not arrive in time.
// answerWithinMs defaults to 5 s, Twilio's limit for a pre-event hook (it then publishes the action
// unchanged, 5 s late). An answer counts once its status and up to MAX_PROBE_BODY_BYTES of its
// body have arrived; the probe never reads more of a body than that.
import { randomUUID } from 'node:crypto';
import { retryDelayMs } from '../http/backoff.js';
import { isAborted, unlessAborted } from '../http/cancellation.js';
import type { Clock } from '../core/clock.js';
import { oneLine } from '../core/text.js';
import type { ProbeResult } from '../model/result.js';
import { showUrl, showUrlsIn } from '../core/urls.js';
import { htmlTitle } from './errors.js';
import { twilioSignature } from './signature.js';
import { request } from '../http/undici.js';
import type { Dispatcher } from '../http/undici.js';

export interface ProbeTarget {
  readonly url: string;
  /** 'pre' or 'post' hook, or 'health' for probe-url */
  readonly kind: 'pre' | 'post' | 'health';
  readonly method: 'GET' | 'POST';
}

export interface ProbeOptions {
  readonly dispatcher: Dispatcher;
  readonly clock: Clock;
  /**
   * All the probe may take, every attempt and wait included (probe-timeout-seconds). 0 makes one
   * attempt, limited by answerWithinMs alone, and no retry.
   */
  readonly timeoutMs: number;
  /** How long one attempt waits for its answer: default 5000, Twilio's pre-event limit. */
  readonly answerWithinMs?: number;
  /** Signs the probe when given. An API key's secret cannot sign: pass undefined then. */
  readonly authToken: string | undefined;
  readonly accountSid: string;
  /** Who probes (USER_AGENT): sent as `TwilioProxy/1.1 (webhook probe; <this>)`. */
  readonly userAgent: string;
  /** One line per attempt. No line holds the URL's query or user info. */
  readonly log: (message: string) => void;
  /** Cancels the probe: the attempt in flight and any wait end at once, and the probe fails. */
  readonly signal?: AbortSignal | undefined;
}

/** Twilio's limit for a pre-event hook's answer (reference, "What a hook's answer does"). */
const DEFAULT_ANSWER_WITHIN_MS = 5_000;
/** The probe's EventType: no Conversations event has this name. */
export const PROBE_EVENT_TYPE = 'onWebhookProbe';
export const PROBE_SOURCE = 'twilio-conversations-webhooks-action';
/** How much of an answer's body the probe reads, for the message: an error page's gist. */
export const MAX_PROBE_BODY_BYTES = 4 * 1024;
/** Backoff waits are at least this long, so that a probe always moves towards its deadline. */
const MIN_WAIT_MS = 100;
/** A wait is cut short to leave the last attempt at least this long. */
const LAST_ATTEMPT_MS = 250;
/** The problem of an attempt the run's cancellation cut off. */
const CUT_OFF = 'Cut off: the run was cancelled.';
/** Answers that say the endpoint is not (yet) what Twilio needs, even for a hook's unknown event. */
const FAILING_4XX: ReadonlySet<number> = new Set([401, 403, 404, 407, 408, 429]);

export async function probe(target: ProbeTarget, options: ProbeOptions): Promise<ProbeResult> {
  const { clock, log } = options;
  const answerWithinMs = options.answerWithinMs ?? DEFAULT_ANSWER_WITHIN_MS;
  if (!(options.timeoutMs >= 0) || !(answerWithinMs > 0)) {
    throw new RangeError('A probe needs a timeoutMs of 0 or more and a positive answerWithinMs.');
  }
  const outgoing = probeRequest(target, options);
  const what = `Probe of the ${KIND_NAMES[target.kind]} at ${oneLine(showUrl(target.url), 200)}`;
  const started = clock.now();
  const deadline = started + options.timeoutMs;
  for (let attempt = 1; ; attempt++) {
    const left = deadline - clock.now();
    const limitMs =
      options.timeoutMs === 0 ? answerWithinMs : Math.max(1, Math.min(answerWithinMs, left));
    const outcome = await attemptOnce(outgoing, options, limitMs, target.kind);
    const verdict = outcome.status === null ? outcome : judge(outcome, target.kind);
    const result = (passed: boolean): ProbeResult => ({
      url: target.url,
      passed,
      attempts: attempt,
      lastStatus: outcome.status,
      lastProblem: verdict.problem,
      elapsedMs: clock.now() - started,
    });
    if (verdict.problem === undefined) {
      log(`${what}, attempt ${attempt}: ${verdict.summary}`);
      return result(true);
    }
    const cancelled = `${what}, attempt ${attempt}: ${verdict.problem}${verdict.problem === CUT_OFF ? '' : ' Not tried again: the run was cancelled.'}`;
    if (isAborted(options.signal)) {
      log(cancelled);
      return result(false);
    }
    const room = deadline - clock.now() - LAST_ATTEMPT_MS;
    const backoff = retryDelayMs(attempt, outcome.retryAfter, clock.now(), clock.random());
    const wait = Math.min(Math.max(MIN_WAIT_MS, backoff), room);
    if (wait < MIN_WAIT_MS) {
      const why =
        options.timeoutMs === 0
          ? 'No retry: the probe’s time is 0 s.'
          : `Giving up: the probe’s ${seconds(options.timeoutMs)} s leave no time for another attempt.`;
      log(`${what}, attempt ${attempt}: ${verdict.problem} ${why}`);
      return result(false);
    }
    log(`${what}, attempt ${attempt}: ${verdict.problem} Trying again in ${seconds(wait)} s.`);
    await unlessAborted(clock.sleep(wait), options.signal);
    if (isAborted(options.signal)) {
      log(cancelled);
      return result(false);
    }
  }
}

const KIND_NAMES: Readonly<Record<ProbeTarget['kind'], string>> = {
  pre: 'pre-event hook',
  post: 'post-event hook',
  health: 'health check',
};

interface Outgoing {
  /** Without the fragment; a GET's with the probe's parameters. */
  readonly url: string;
  readonly method: 'GET' | 'POST';
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | null;
  readonly signed: boolean;
  readonly withCredentials: boolean;
}

/** Built once, so that every attempt of a probe sends the same request. */
function probeRequest(target: ProbeTarget, options: ProbeOptions): Outgoing {
  if (!/^https?:\/\//i.test(target.url) || !URL.canParse(target.url)) {
    throw new RangeError(
      `A probe needs an absolute http(s) URL, not ${oneLine(showUrl(target.url), 200)}.`,
    );
  }
  const base = target.url.split('#', 1)[0] ?? target.url;
  const params: Record<string, string> = {
    EventType: PROBE_EVENT_TYPE,
    AccountSid: options.accountSid,
    Source: PROBE_SOURCE,
    ProbeId: randomUUID(),
  };
  const form = new URLSearchParams(params).toString();
  const post = target.method === 'POST';
  const url = post ? base : withQuery(base, form);
  const headers: Record<string, string> = {
    'user-agent': `TwilioProxy/1.1 (webhook probe; ${options.userAgent})`,
  };
  if (post) headers['content-type'] = 'application/x-www-form-urlencoded';
  const token = options.authToken;
  const signed = token !== undefined && token !== '';
  if (signed) headers['x-twilio-signature'] = twilioSignature(token, url, post ? params : {});
  const credentials = basicCredentials(new URL(base));
  if (credentials !== undefined) headers.authorization = credentials;
  return {
    url,
    method: target.method,
    headers,
    body: post ? form : null,
    signed,
    withCredentials: credentials !== undefined,
  };
}

/** `query` after the URL's own query, if any. */
function withQuery(url: string, query: string): string {
  if (!url.includes('?')) return `${url}?${query}`;
  return url.endsWith('?') || url.endsWith('&') ? `${url}${query}` : `${url}&${query}`;
}

/** undici does not send a URL's user info; Twilio sends it as HTTP Basic credentials. */
function basicCredentials(url: URL): string | undefined {
  if (url.username === '' && url.password === '') return undefined;
  const pair = `${percentDecoded(url.username)}:${percentDecoded(url.password)}`;
  return `Basic ${Buffer.from(pair).toString('base64')}`;
}

function percentDecoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** An HTTP answer, judged by its status. */
interface Answer {
  readonly status: number;
  readonly location: string | undefined;
  readonly retryAfter: string | undefined;
  /** The start of the body. */
  readonly head: string;
  readonly outgoing: Outgoing;
}

/** No HTTP answer: a network error or a timeout. */
interface NoAnswer {
  readonly status: null;
  readonly problem: string;
  readonly summary: '';
  readonly retryAfter: undefined;
}

async function attemptOnce(
  outgoing: Outgoing,
  { dispatcher, signal: cancel }: ProbeOptions,
  limitMs: number,
  kind: ProbeTarget['kind'],
): Promise<Answer | NoAnswer> {
  const timeout = AbortSignal.timeout(limitMs);
  const signal = cancel === undefined ? timeout : AbortSignal.any([timeout, cancel]);
  try {
    const response = await request(outgoing.url, {
      dispatcher,
      method: outgoing.method,
      headers: outgoing.headers,
      body: outgoing.body,
      signal,
    });
    const head = await readHead(response.body);
    return {
      status: response.statusCode,
      location: firstHeader(response.headers.location),
      retryAfter: firstHeader(response.headers['retry-after']),
      head,
      outgoing,
    };
  } catch (error) {
    const problem = timeout.aborted
      ? `No complete answer within ${seconds(limitMs)} s.${kind === 'pre' ? ' Twilio waits 5 s for a pre-event hook, then publishes the action unchanged, 5 s late.' : ''}`
      : isAborted(cancel)
        ? CUT_OFF
        : networkProblem(error);
    return { status: null, problem, summary: '', retryAfter: undefined };
  }
}

/** The first MAX_PROBE_BODY_BYTES of a body, as text; the rest is never read. */
async function readHead(body: Dispatcher.ResponseData['body']): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  // Leaving a `for await` over a stream early destroys it (Node's stream docs): the rest of the
  // body is neither read nor waited for, and its connection is closed.
  for await (const chunk of body as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= MAX_PROBE_BODY_BYTES) break;
  }
  return Buffer.concat(chunks).subarray(0, MAX_PROBE_BODY_BYTES).toString('utf8');
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

type Verdict =
  | { readonly problem: undefined; readonly summary: string }
  | { readonly problem: string; readonly summary: '' };

function judge(answer: Answer, kind: ProbeTarget['kind']): Verdict {
  const { status } = answer;
  const answered = `Answered ${status}`;
  if (status >= 200 && status < 300) return { problem: undefined, summary: `${answered}: passed.` };
  const tolerated = status >= 400 && status < 500 && !FAILING_4XX.has(status);
  if (tolerated && kind !== 'health') {
    return {
      problem: undefined,
      summary: `${answered}, which passes: the endpoint is up, and refused an event it does not know.`,
    };
  }
  const why = tolerated ? 'a health check passes on 2xx only.' : failureReason(answer);
  return { problem: `${answered}: ${why}${excerpt(answer.head)}`, summary: '' };
}

function failureReason(answer: Answer): string {
  const { status, outgoing } = answer;
  if (status >= 300 && status < 400) {
    const to =
      answer.location === undefined ? '' : ` to ${redirectTarget(answer.location, outgoing.url)}`;
    return `a redirect${to}; the probe does not follow redirects, and Twilio is not documented to follow them for Conversations webhooks: configure the URL the redirect leads to.`;
  }
  if (status === 401 || status === 403) return refusal(outgoing);
  if (status === 404) {
    return 'nothing is served at this path, or not yet: check the URL, or wait for the deployment.';
  }
  if (status === 407) {
    return 'a proxy between the runner and the endpoint asks for credentials of its own.';
  }
  if (status === 408) return 'the endpoint gave up waiting for the request.';
  if (status === 429) return 'the endpoint is limiting the rate of requests.';
  if (status >= 500) return 'the endpoint failed, or is not up yet.';
  return 'not an answer a webhook endpoint gives.';
}

function refusal(outgoing: Outgoing): string {
  const checks = [
    outgoing.signed
      ? 'its X-Twilio-Signature, made with the Auth Token given over the exact URL (is that the account’s primary Auth Token?)'
      : 'a probe without X-Twilio-Signature, which the probe could not make: only the Auth Token signs, and none was given',
  ];
  if (outgoing.withCredentials) checks.push('the credentials in the URL’s user info');
  return (
    'the endpoint refused the probe. This is what deployment protection answers: preview platforms ' +
    '(Vercel, Netlify and others) answer 401 or 403 to any request without a deployment-protection ' +
    'bypass, a secret the platform gives you, usually passed as a query parameter or a header (Vercel’s ' +
    'is x-vercel-protection-bypass). Twilio sends no such header, but the configured URL’s query ' +
    'parameters are kept and signed, so a bypass token in the configured URL’s query reaches the ' +
    `endpoint. Otherwise the endpoint’s own check refused ${checks.join(', or ')}.`
  );
}

function redirectTarget(location: string, base: string): string {
  return URL.canParse(location, base)
    ? oneLine(showUrl(new URL(location, base).href), 200)
    : `"${oneLine(location, 100)}"`;
}

/** What an answer's body says, in a line: an HTML page's title, or the start of the text. */
function excerpt(head: string): string {
  const text = head.trim();
  if (text === '') return '';
  const title = htmlTitle(text);
  return title === undefined
    ? ` It said: "${oneLine(showUrlsIn(text), 120)}"`
    : ` It sent an HTML page titled "${oneLine(showUrlsIn(title), 100)}".`;
}

const TLS_CODE = /^(?:ERR_SSL_|ERR_TLS_|EPROTO$)|CERT|^UNABLE_TO_|^SELF_SIGNED|^DEPTH_ZERO/;

function networkProblem(error: unknown): string {
  const codes: string[] = [];
  let detail = error instanceof Error ? error.message : String(error);
  for (let cause = error, depth = 0; cause instanceof Error && depth < 4; depth++) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    if (cause !== error && cause.message !== '') detail += `: ${cause.message}`;
    cause = cause.cause;
  }
  // undici's own code (UND_ERR_…) says less than the system's underneath it.
  const code = codes.find((item) => !item.startsWith('UND_ERR')) ?? codes[0];
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return `The host name does not resolve (${code}): the deployment may not exist yet, or the URL names the wrong host.`;
  }
  if (code === 'ECONNREFUSED')
    return `The connection was refused (${code}): nothing listens there (yet).`;
  if (code !== undefined && TLS_CODE.test(code)) {
    return `The TLS handshake failed (${code}): the certificate is not trusted, or the server does not speak https.`;
  }
  return `The connection failed: ${oneLine(showUrlsIn(`${detail}${code === undefined ? '' : ` (${code})`}`), 200)}.`;
}

function seconds(ms: number): string {
  return String(Math.round(ms / 10) / 100);
}
