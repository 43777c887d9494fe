// Before the action points a webhook at a new URL (a preview, say), it probes that URL: previews
// come up late, and a hook that points nowhere loses Twilio's events. The probe tries again, with
// backoff, until its time is up. What it sends and how answers are judged: docs/probe.md.
import { retryDelayMs } from '../http/backoff.js';
import { isAborted, unlessAborted } from '../http/cancellation.js';
import { exchange, header } from '../http/transport.js';
import type { Dispatcher } from '../http/undici.js';
import type { Clock } from '../core/clock.js';
import { oneLine } from '../core/text.js';
import { showUrl } from '../core/urls.js';
import type { ProbeResult } from '../model/result.js';
import { probeRequest } from './probe-request.js';
import type { ProbeRequest } from './probe-request.js';
import { CUT_OFF, judge, noAnswer, seconds } from './probe-verdict.js';
import type { ProbeAnswer, ProbeKind } from './probe-verdict.js';

export { PROBE_EVENT_TYPE, PROBE_SOURCE } from './probe-request.js';

export interface ProbeTarget {
  readonly url: string;
  /** 'pre' or 'post' hook, or 'health' for probe-url */
  readonly kind: ProbeKind;
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
/** How much of an answer's body the probe reads, for the message: an error page's gist. */
export const MAX_PROBE_BODY_BYTES = 4 * 1024;
/** Backoff waits are at least this long, so that a probe always moves towards its deadline. */
const MIN_WAIT_MS = 100;
/** A wait is cut short to leave the last attempt at least this long. */
const LAST_ATTEMPT_MS = 250;

export async function probe(target: ProbeTarget, options: ProbeOptions): Promise<ProbeResult> {
  const { clock, log } = options;
  const answerWithinMs = options.answerWithinMs ?? DEFAULT_ANSWER_WITHIN_MS;
  if (!(options.timeoutMs >= 0) || !(answerWithinMs > 0)) {
    throw new RangeError('A probe needs a timeoutMs of 0 or more and a positive answerWithinMs.');
  }
  const sent = probeRequest(target, options);
  const what = `Probe of the ${KIND_NAMES[target.kind]} at ${oneLine(showUrl(target.url), 200)}`;
  const started = clock.now();
  const deadline = started + options.timeoutMs;
  for (let attempt = 1; ; attempt++) {
    const left = deadline - clock.now();
    const limitMs =
      options.timeoutMs === 0 ? answerWithinMs : Math.max(1, Math.min(answerWithinMs, left));
    const outcome = await attemptOnce(sent, options, limitMs, target.kind);
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

const KIND_NAMES: Readonly<Record<ProbeKind, string>> = {
  pre: 'pre-event hook',
  post: 'post-event hook',
  health: 'health check',
};

/** No HTTP answer: a network error or a timeout. */
interface NoAnswer {
  readonly status: null;
  readonly problem: string;
  readonly summary: '';
  readonly retryAfter: undefined;
}

async function attemptOnce(
  sent: ProbeRequest,
  { dispatcher, signal }: ProbeOptions,
  limitMs: number,
  kind: ProbeKind,
): Promise<ProbeAnswer | NoAnswer> {
  try {
    const answer = await exchange(dispatcher, {
      url: sent.url,
      method: sent.method,
      headers: sent.headers,
      body: sent.body,
      timeoutMs: limitMs,
      signal,
      maxBodyBytes: MAX_PROBE_BODY_BYTES,
      whenLonger: 'truncate',
    });
    return {
      status: answer.status,
      location: header(answer.headers, 'location'),
      retryAfter: header(answer.headers, 'retry-after'),
      head: answer.text,
      sent,
    };
  } catch (error) {
    return {
      status: null,
      problem: noAnswer(error, limitMs, kind),
      summary: '',
      retryAfter: undefined,
    };
  }
}
