import { describe, expect, it } from 'vitest';
import { HttpFailure } from '../../../src/http/failure.js';
import { CUT_OFF, judge, noAnswer, seconds } from '../../../src/twilio/probe-verdict.js';
import type { ProbeAnswer, ProbeKind } from '../../../src/twilio/probe-verdict.js';

function answer(status: number, overrides: Partial<ProbeAnswer> = {}): ProbeAnswer {
  return {
    status,
    location: undefined,
    retryAfter: undefined,
    head: '',
    sent: {
      url: 'https://preview.example/hook',
      method: 'POST',
      headers: {},
      body: '',
      signed: true,
      withCredentials: false,
    },
    ...overrides,
  };
}

describe('judge', () => {
  it.each<[number, ProbeKind, boolean]>([
    [204, 'pre', true],
    [204, 'health', true],
    [400, 'post', true],
    [405, 'pre', true],
    [400, 'health', false],
    [301, 'pre', false],
    ...[401, 403, 404, 407, 408, 429, 500, 503].map((status): [number, ProbeKind, boolean] => [
      status,
      'post',
      false,
    ]),
  ])('%i for a %s check: passes %s', (status, kind, passes) => {
    expect(judge(answer(status), kind).problem === undefined).toBe(passes);
  });

  it('names where a redirect leads, without its secrets', () => {
    const { problem } = judge(
      answer(302, { location: 'https://user:pass@other.example/x?token=abc' }),
      'pre',
    );
    expect(problem).toContain('a redirect to https://***@other.example/x?token=***;');
  });
});

describe('noAnswer', () => {
  const failure = (kind: HttpFailure['kind'], code?: string): HttpFailure =>
    new HttpFailure(kind, `failed${code === undefined ? '' : ` (${code})`}`, undefined, code);

  it.each<[HttpFailure | Error, string]>([
    [failure('timeout'), 'No complete answer within 0.38 s.'],
    [failure('cancelled'), CUT_OFF],
    [failure('dns', 'ENOTFOUND'), 'The host name does not resolve (ENOTFOUND): '],
    [failure('refused', 'ECONNREFUSED'), 'The connection was refused (ECONNREFUSED): '],
    [failure('tls', 'ERR_SSL_WRONG_VERSION_NUMBER'), 'The TLS handshake failed (ERR_SSL_'],
    [failure('connection', 'EAI_AGAIN'), 'The connection failed: failed (EAI_AGAIN).'],
    [new TypeError('a bug'), 'The connection failed: a bug.'],
  ])('words %o', (error, words) => {
    expect(noAnswer(error, 375, 'post')).toContain(words);
  });

  it('reminds that Twilio waits 5 s for a pre-event hook', () => {
    expect(noAnswer(failure('timeout'), 5_000, 'pre')).toBe(
      'No complete answer within 5 s. Twilio waits 5 s for a pre-event hook, then publishes the action unchanged, 5 s late.',
    );
  });
});

describe('seconds', () => {
  it('keeps two decimals at most', () => {
    expect([seconds(375), seconds(5_000), seconds(150)]).toEqual(['0.38', '5', '0.15']);
  });
});
