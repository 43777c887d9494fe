// What a probe sends: a request that looks like Twilio's to the endpoint (signed, with Twilio's
// user agent and the URL's user info as Basic credentials) but is no Conversations event, so that
// no handler acts on it. docs/probe.md lists it field by field.
import { randomUUID } from 'node:crypto';
import { percentDecoded } from '../core/secrets.js';
import { oneLine } from '../core/text.js';
import { showUrl } from '../core/urls.js';
import { twilioSignature } from './signature.js';

/** The probe's EventType: no Conversations event has this name. */
export const PROBE_EVENT_TYPE = 'onWebhookProbe';
export const PROBE_SOURCE = 'twilio-conversations-webhooks-action';

export interface ProbeRequest {
  /** Without the fragment; a GET's with the probe's parameters. */
  readonly url: string;
  readonly method: 'GET' | 'POST';
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | null;
  readonly signed: boolean;
  readonly withCredentials: boolean;
}

/** Built once, so that every attempt of a probe sends the same request. */
export function probeRequest(
  target: { readonly url: string; readonly method: 'GET' | 'POST' },
  /** Signs with authToken when given; userAgent is who probes (USER_AGENT). */
  who: {
    readonly accountSid: string;
    readonly authToken: string | undefined;
    readonly userAgent: string;
  },
): ProbeRequest {
  if (!/^https?:\/\//i.test(target.url) || !URL.canParse(target.url)) {
    throw new RangeError(
      `A probe needs an absolute http(s) URL, not ${oneLine(showUrl(target.url), 200)}.`,
    );
  }
  const base = target.url.split('#', 1)[0] ?? target.url;
  const params: Record<string, string> = {
    EventType: PROBE_EVENT_TYPE,
    AccountSid: who.accountSid,
    Source: PROBE_SOURCE,
    ProbeId: randomUUID(),
  };
  const form = new URLSearchParams(params).toString();
  const post = target.method === 'POST';
  const url = post ? base : withQuery(base, form);
  const headers: Record<string, string> = {
    'user-agent': `TwilioProxy/1.1 (webhook probe; ${who.userAgent})`,
  };
  if (post) headers['content-type'] = 'application/x-www-form-urlencoded';
  const token = who.authToken;
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
