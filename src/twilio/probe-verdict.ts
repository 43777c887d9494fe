// How one probe attempt is judged, and what the log says of it: which answers show an endpoint
// that can take Twilio's webhooks (docs/probe.md has the table), and why the others do not.
import { HttpFailure } from '../http/failure.js';
import { oneLine } from '../core/text.js';
import { showUrl, showUrlsIn } from '../core/urls.js';
import { htmlTitle } from './errors.js';
import type { ProbeRequest } from './probe-request.js';

export type ProbeKind = 'pre' | 'post' | 'health';

/** An HTTP answer to a probe. */
export interface ProbeAnswer {
  readonly status: number;
  readonly location: string | undefined;
  readonly retryAfter: string | undefined;
  /** The start of the body. */
  readonly head: string;
  readonly sent: ProbeRequest;
}

type Verdict =
  | { readonly problem: undefined; readonly summary: string }
  | { readonly problem: string; readonly summary: '' };

/** The problem of an attempt the run's cancellation cut off. */
export const CUT_OFF = 'Cut off: the run was cancelled.';
/** Answers that say the endpoint is not (yet) what Twilio needs, even for a hook's unknown event. */
const FAILING_4XX: ReadonlySet<number> = new Set([401, 403, 404, 407, 408, 429]);

export function judge(answer: ProbeAnswer, kind: ProbeKind): Verdict {
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

/** No HTTP answer: a timeout after `limitMs`, the run's cancellation, or a network error. */
export function noAnswer(error: unknown, limitMs: number, kind: ProbeKind): string {
  const failure = error instanceof HttpFailure ? error : undefined;
  const code = String(failure?.code);
  switch (failure?.kind) {
    case 'timeout':
      return `No complete answer within ${seconds(limitMs)} s.${kind === 'pre' ? ' Twilio waits 5 s for a pre-event hook, then publishes the action unchanged, 5 s late.' : ''}`;
    case 'cancelled':
      return CUT_OFF;
    case 'dns':
      return `The host name does not resolve (${code}): the deployment may not exist yet, or the URL names the wrong host.`;
    case 'refused':
      return `The connection was refused (${code}): nothing listens there (yet).`;
    case 'tls':
      return `The TLS handshake failed (${code}): the certificate is not trusted, or the server does not speak https.`;
    default: {
      const detail = error instanceof Error ? error.message : String(error);
      return `The connection failed: ${oneLine(showUrlsIn(detail), 200)}.`;
    }
  }
}

/** Milliseconds as seconds, to two decimals at most: 375 is "0.38". */
export function seconds(ms: number): string {
  return String(Math.round(ms / 10) / 100);
}

function failureReason(answer: ProbeAnswer): string {
  const { status, sent } = answer;
  if (status >= 300 && status < 400) {
    const to =
      answer.location === undefined ? '' : ` to ${redirectTarget(answer.location, sent.url)}`;
    return `a redirect${to}; the probe does not follow redirects, and Twilio is not documented to follow them for Conversations webhooks: configure the URL the redirect leads to.`;
  }
  if (status === 401 || status === 403) return refusal(sent);
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

function refusal(sent: ProbeRequest): string {
  const checks = [
    sent.signed
      ? 'its X-Twilio-Signature, made with the Auth Token given over the exact URL (is that the account’s primary Auth Token?)'
      : 'a probe without X-Twilio-Signature, which the probe could not make: only the Auth Token signs, and none was given',
  ];
  if (sent.withCredentials) checks.push('the credentials in the URL’s user info');
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
