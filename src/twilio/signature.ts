// The X-Twilio-Signature header, computed as Twilio computes it for the webhook requests it sends.
//
// Twilio's rule (its "Webhooks security" page, as summed up in the project's reference notes):
// base64(HMAC-SHA1(key = the account's primary Auth Token, message = the full URL exactly as
// configured, query string included, followed by each POST parameter's name and value, sorted by
// name, with no separators)). For a GET the parameters are in the URL's query, so the message is
// the URL alone. An API key's secret cannot sign: only the Auth Token can.
//
// What the rule leaves open follows Twilio's helper libraries, the code webhook handlers verify
// with (twilio-node src/webhooks/webhooks.ts getExpectedTwilioSignature and toFormUrlEncodedParam;
// twilio-python RequestValidator.compute_signature, which does the same):
// - a repeated parameter contributes its name and value once per distinct value, the values sorted
//   (twilio-node: `Array.from(new Set(values)).sort()`, python: `sorted(set(values))`);
// - names are sorted by UTF-16 code units, as JavaScript's default sort does (twilio-python sorts
//   by code point: the two differ only for names with characters beyond U+FFFF);
// - the message is encoded as UTF-8 before it is hashed.
// The URL is used exactly as given. twilio-node first passes it through WHATWG `new URL()`, which
// changes a URL that is not in normal form (an upper-case host, `{`, `'` in the query…); Twilio's
// page says the configured URL, byte for byte, so that is what is signed here.
import { createHmac } from 'node:crypto';

export type SignedParams = Readonly<Record<string, string | readonly string[]>>;

/** The X-Twilio-Signature of a request to `url` with these POST parameters (none for a GET). */
export function twilioSignature(authToken: string, url: string, params: SignedParams = {}): string {
  let message = url;
  for (const name of Object.keys(params).sort()) {
    const value = params[name];
    if (value === undefined) continue;
    const values = typeof value === 'string' ? [value] : [...new Set(value)].sort();
    for (const item of values) message += name + item;
  }
  return createHmac('sha1', authToken).update(message, 'utf8').digest('base64');
}
