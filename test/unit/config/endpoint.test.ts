import { describe, expect, it } from 'vitest';
import type { InputName } from '../../../src/config/contract.js';
import { DEFAULT_API_BASE_URL, parseEndpoint } from '../../../src/config/endpoint.js';
import type { Endpoint } from '../../../src/config/endpoint.js';
import { InputError } from '../../../src/config/input-parsers.js';
import { expectInputError, inputs, settings, thrown } from '../fixtures.js';
import type { Overrides } from '../fixtures.js';

/** The endpoint and the warnings these inputs make. */
function endpoint(overrides: Overrides): { endpoint: Endpoint; warnings: string[] } {
  const warnings: string[] = [];
  return { endpoint: parseEndpoint(inputs(overrides), warnings), warnings };
}

const GIVE_HTTPS = 'Give an https URL such as https://conversations.twilio.com.';

describe('parseEndpoint: region and edge', () => {
  it('defaults to the global host, made by no input', () => {
    expect(endpoint({})).toEqual({
      endpoint: { baseUrl: DEFAULT_API_BASE_URL, madeBy: undefined },
      warnings: [],
    });
    expect(DEFAULT_API_BASE_URL).toBe('https://conversations.twilio.com');
  });

  it.each<[Overrides, Endpoint]>([
    [
      { edge: 'sydney' },
      {
        baseUrl: 'https://conversations.sydney.us1.twilio.com',
        madeBy: 'edge sydney (with region us1)',
      },
    ],
    [
      { region: 'ie1', edge: 'dublin' },
      {
        baseUrl: 'https://conversations.dublin.ie1.twilio.com',
        madeBy: 'region ie1 and edge dublin',
      },
    ],
    [
      { region: 'IE1', edge: 'Dublin' },
      {
        baseUrl: 'https://conversations.dublin.ie1.twilio.com',
        madeBy: 'region ie1 and edge dublin',
      },
    ],
    [
      { region: 'au1', edge: 'sydney' },
      {
        baseUrl: 'https://conversations.sydney.au1.twilio.com',
        madeBy: 'region au1 and edge sydney',
      },
    ],
  ])('builds the regional host from %j', (overrides, expected) => {
    expect(endpoint(overrides)).toEqual({ endpoint: expected, warnings: [] });
  });

  it('refuses a region without its edge, naming edge', () => {
    expectInputError(
      { region: 'ie1' },
      'edge',
      'is empty while region is "ie1"',
      'Twilio needs both',
      'region ie1 with edge dublin',
    );
  });

  it.each<[InputName, string, string]>([
    ['region', 'ie1.evil.com', 'expected a region such as ie1 or au1.'],
    ['region', 'ie_1', 'expected a region such as ie1 or au1.'],
    ['region', '-ie1', 'expected a region such as ie1 or au1.'],
    ['edge', 'dub lin', 'expected an edge such as dublin or sydney.'],
    ['edge', 'evil.com/x', 'expected an edge such as dublin or sydney.'],
    ['edge', 'dublin-', 'expected an edge such as dublin or sydney.'],
  ])('refuses %s %j', (input, value, expected) => {
    const other = input === 'region' ? { edge: 'dublin' } : { region: 'ie1' };
    expectInputError({ [input]: value, ...other }, input, JSON.stringify(value), expected);
  });
});

describe('parseEndpoint: api-base-url', () => {
  it('wins over region and edge, with a warning, even over a region without its edge', () => {
    for (const around of [{ region: 'ie1', edge: 'dublin' }, { region: 'ie1' }]) {
      expect(endpoint({ 'api-base-url': 'https://proxy.example.com/twilio', ...around })).toEqual({
        endpoint: { baseUrl: 'https://proxy.example.com/twilio', madeBy: 'api-base-url' },
        warnings: ['api-base-url is set, so region and edge are ignored.'],
      });
    }
  });

  it.each([
    ['https://proxy.example.com', 'https://proxy.example.com'],
    ['https://proxy.example.com/', 'https://proxy.example.com'],
    ['https://proxy.example.com/twilio/', 'https://proxy.example.com/twilio'],
    ['https://proxy.example.com/twilio///', 'https://proxy.example.com/twilio'],
    ['https://Proxy.Example.COM:8443/Api/', 'https://proxy.example.com:8443/Api'],
    ['http://127.0.0.1:4010', 'http://127.0.0.1:4010'],
    ['http://127.0.0.1:4010/', 'http://127.0.0.1:4010'],
    ['http://127.8.9.10', 'http://127.8.9.10'],
    ['http://localhost:3000/base/', 'http://localhost:3000/base'],
    ['http://[::1]:8080', 'http://[::1]:8080'],
  ])('accepts %j as %j', (value, expected) => {
    expect(endpoint({ 'api-base-url': value })).toEqual({
      endpoint: { baseUrl: expected, madeBy: 'api-base-url' },
      warnings: [],
    });
  });

  it('is what the settings use', () => {
    expect(settings({ 'api-base-url': 'http://127.0.0.1:4010/' }).endpoint).toEqual({
      baseUrl: 'http://127.0.0.1:4010',
      madeBy: 'api-base-url',
    });
  });

  it.each([
    'http://conversations.twilio.com',
    'http://10.0.0.1:4010',
    'http://192.168.1.1',
    'http://localhost.example.com',
    'http://127.0.0.1.example.com',
    'http://[::2]',
  ])('refuses plain http to the non-loopback host %j', (value) => {
    expectInputError(
      { 'api-base-url': value },
      'api-base-url',
      'plain http would send the credentials in the clear',
      'allowed only to a loopback host',
      GIVE_HTTPS,
    );
  });

  it.each([
    ['https://user:hunter2pw@proxy.example.com', 'hunter2pw'],
    ['https://hunter2pw@proxy.example.com', 'hunter2pw'],
    ['http://user:hunter2pw@127.0.0.1:4010', 'hunter2pw'],
    ['https://user:hunter2@pw@proxy.example.com', 'hunter2@pw'],
  ])('refuses credentials in %j without quoting them', (value, secret) => {
    const error = expectInputError(
      { 'api-base-url': value },
      'api-base-url',
      'it must not carry credentials',
      '***@',
      GIVE_HTTPS,
    );
    expect(error.message).not.toContain(secret);
  });

  // No URL scanner finds user info without "://", and main.ts registers no secret of api-base-url:
  // the message itself must not quote it.
  it.each([
    'https:/user:hunter2pw@proxy.example.com',
    'https:\\\\user:hunter2pw@proxy.example.com',
    'https:user:hunter2pw@proxy.example.com',
  ])('never quotes the password of the malformed base URL %j', (value) => {
    const error = expectInputError(
      { 'api-base-url': value },
      'api-base-url',
      '***@proxy.example.com',
      GIVE_HTTPS,
    );
    expect(error.message).not.toContain('hunter2pw');
  });

  it.each(['https://proxy.example.com/?region=ie1', 'https://proxy.example.com/base#part'])(
    'refuses a query or fragment in %j',
    (value) => {
      expectInputError(
        { 'api-base-url': value },
        'api-base-url',
        'it must not have a query or fragment',
        GIVE_HTTPS,
      );
    },
  );

  it.each([
    ['a space in the path', 'https://proxy.example.com/twi lio'],
    ['a trailing space in the path', 'https://proxy.example.com/twilio '],
    ['a tab in the path', 'https://proxy.example.com/twi\tlio'],
    ['a new line in the path', 'http://127.0.0.1:4010/base\n/x'],
    ['a tab in the host', 'https://proxy.exam\tple.com'],
    ['a no-break space in the path', 'https://proxy.example.com/a\u00a0b'],
    ['a control character in the path', 'https://proxy.example.com/a\u0001b'],
  ])('refuses %s, which a URL parser would change without a word', (_case, value) => {
    const error = thrown(() => parseEndpoint(inputs({ 'api-base-url': value }), []));
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe(
      `Input 'api-base-url' is ${JSON.stringify(value)}: it has whitespace or a control character in it. ${GIVE_HTTPS}`,
    );
  });

  it.each([
    'ftp://proxy.example.com',
    'ws://127.0.0.1:4010',
    'conversations.twilio.com',
    '/v1',
    'https:/proxy.example.com',
    'https:\\\\proxy.example.com',
    'https://',
    'https://proxy.example.com:99999',
  ])('refuses %j: not an absolute http(s) URL', (value) => {
    const error = thrown(() => parseEndpoint(inputs({ 'api-base-url': value }), []));
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe(
      `Input 'api-base-url' is ${JSON.stringify(value)}: it is not an absolute http(s) URL. ${GIVE_HTTPS}`,
    );
  });
});
