// twilioSignature against Twilio's published examples and against a second implementation of the
// published rule written here on its own: the parameters flattened to (name, value) pairs, sorted
// as pairs with a comparator, joined into one string, hashed with node:crypto. A repeated
// parameter counts once per distinct value, values sorted, as twilio-node (src/webhooks/webhooks.ts
// toFormUrlEncodedParam) and twilio-python (RequestValidator.compute_signature) compute it.
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { twilioSignature } from '../../../src/twilio/signature.js';

type Params = Record<string, string | string[]>;

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The published rule, built another way than the module's. */
function expected(token: string, url: string, params: Params = {}): string {
  const pairs: [string, string][] = [];
  for (const [name, value] of Object.entries(params)) {
    const distinct = new Set(Array.isArray(value) ? value : [value]);
    for (const item of distinct) pairs.push([name, item]);
  }
  pairs.sort(([n1, v1], [n2, v2]) => byCodeUnits(n1, n2) || byCodeUnits(v1, v2));
  const signed = [url, ...pairs.map(([name, value]) => `${name}${value}`)].join('');
  const hmac = createHmac('sha1', Buffer.from(token, 'utf8'));
  return hmac.update(Buffer.from(signed, 'utf8')).digest().toString('base64');
}

// Twilio's worked example: token 12345, this URL and these POST parameters. Both values below
// were checked by hand with node:crypto before being written here.
const DOC_URL = 'https://mycompany.com/myapp.php?foo=1&bar=2';
const DOC_PARAMS = { CallSid: 'CA1234567890ABCDE', Digits: '1234', To: '+18005551212' };

describe('twilioSignature', () => {
  it("gives the signature of Twilio's older published example", () => {
    // TwilioDevEd/api-snippets, security/signature_validation/signature_validation.3.x.js
    const params = { ...DOC_PARAMS, Caller: '+14158675310', From: '+14158675310' };
    expect(twilioSignature('12345', DOC_URL, params)).toBe('GvWf1cFY/Q7PnoempGyD5oXAezc=');
  });

  it("gives the signature of Twilio's newer published example", () => {
    // Twilio's current webhook-security docs, as many projects quote them: other phone numbers
    const params = { ...DOC_PARAMS, Caller: '+12349013030', From: '+12349013030' };
    expect(twilioSignature('12345', DOC_URL, params)).toBe('0/KCTR6DLpKmkAf8muzZqo1nDgQ=');
  });

  it('signs a GET over the URL alone, query included, and only over what it is given', () => {
    const url = 'https://example.com/hook?b=2&a=1';
    expect(twilioSignature('token', url)).toBe(
      createHmac('sha1', 'token').update(url).digest('base64'),
    );
    expect(twilioSignature('token', url, {})).toBe(twilioSignature('token', url));
    // The URL is signed as given: no normalisation, no reordering of its query.
    expect(twilioSignature('token', 'https://EXAMPLE.com/hook?a=1&b=2')).not.toBe(
      twilioSignature('token', 'https://example.com/hook?a=1&b=2'),
    );
  });

  it.each<[string, string, Params]>([
    ['sorted by name, not by insertion', 'https://h.example/x', { b: '2', a: '1', C: '3' }],
    ['with empty values and names', 'https://h.example/x?q=', { '': 'v', e: '' }],
    ['repeated values: once each, sorted', 'https://h.example/x', { F: ['b', 'a', 'b'], E: 'z' }],
    ['non-ASCII, as UTF-8', 'https://h.example/ünï?ç=1', { Body: 'héllo 👋', Ñ: 'ß' }],
    ['values that look like separators', 'https://h.example/x', { a: '=&b', 'a=': '' }],
  ])('matches the published rule: %s', (_, url, params) => {
    expect(twilioSignature('s3cret', url, params)).toBe(expected('s3cret', url, params));
  });

  it('counts a repeated value once and sorts the values, as the helper libraries do', () => {
    const url = 'https://h.example/x';
    expect(twilioSignature('t', url, { F: ['b', 'a', 'b'] })).toBe(
      createHmac('sha1', 't').update(`${url}FaFb`).digest('base64'),
    );
    expect(twilioSignature('t', url, { F: [] })).toBe(twilioSignature('t', url));
  });

  it('matches the published rule for any token, URL and parameters', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 12 });
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 40 }),
        fc.webUrl({ withQueryParameters: true, withFragments: false }),
        fc.dictionary(text, fc.oneof(text, fc.array(text, { maxLength: 4 })), { maxKeys: 8 }),
        (token, url, params) => {
          expect(twilioSignature(token, url, params)).toBe(expected(token, url, params));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('does not depend on the order the parameters were given in', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.string(), fc.string()), { selector: ([name]) => name }),
        (entries) => {
          const forward = Object.fromEntries(entries);
          const backward = Object.fromEntries([...entries].reverse());
          expect(twilioSignature('t', 'https://h.example/', forward)).toBe(
            twilioSignature('t', 'https://h.example/', backward),
          );
        },
      ),
    );
  });
});
