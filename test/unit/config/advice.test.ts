import { describe, expect, it } from 'vitest';
import { explainError } from '../../../src/config/advice.js';
import { RetriesExhausted } from '../../../src/http/retry.js';
import { TransportError, TwilioApiError } from '../../../src/twilio/errors.js';
import type { TransportFailure } from '../../../src/twilio/errors.js';
import { SERVICE, settings } from '../fixtures.js';
import type { Overrides } from '../fixtures.js';

const GET = 'GET /v1/Configuration/Webhooks';
const GET_SERVICE = `GET /v1/Services/${SERVICE}/Configuration/Webhooks`;
const status = (code: number, request = GET, description = 'said no') =>
  new TwilioApiError(request, code, { code: undefined, description });
const transport = (failure: TransportFailure) => new TransportError(GET, failure, 'broke');

const explain = (error: unknown, overrides: Overrides = {}) =>
  explainError(error, settings(overrides));
const FROM_FILE: Overrides = { 'config-file': 'twilio/webhooks.yml', 'post-webhook-url': '' };
const NOT_A_SERVICE = `${SERVICE} is not a Conversations service of this account.`;

describe('explainError: Twilio’s refusals', () => {
  it.each([401, 403])('points a %d at the credentials', (code) => {
    expect(explain(status(code))).toBe(
      `Twilio answered ${code} to ${GET}: said no. Check account-sid with auth-token, or api-key with api-secret.`,
    );
  });

  it('names a service whose SID has upper-case hex digits, as Twilio’s pattern allows', () => {
    const upper = 'IS0123456789ABCDEF0123456789ABCDEF';
    expect(
      explain(status(404, `GET /v1/Services/${upper}/Configuration/Webhooks`), FROM_FILE),
    ).toContain(
      `Check twilio/webhooks.yml: ${upper} is not a Conversations service of this account.`,
    );
  });

  it.each<[string, Overrides, string]>([
    ['service-sid', { 'service-sid': SERVICE }, 'service-sid'],
    ['the account-wide inputs', {}, 'service-sid'],
    ['a desired-state file', FROM_FILE, 'twilio/webhooks.yml'],
  ])('points a 404 of a service at where it came from (%s)', (_case, overrides, where) => {
    expect(explain(status(404, GET_SERVICE), overrides)).toBe(
      `Twilio answered 404 to ${GET_SERVICE}: said no. Check ${where}: ${NOT_A_SERVICE}`,
    );
  });

  it('ends the message with one full stop before the advice', () => {
    expect(explain(status(401, GET, 'said no.'))).toBe(
      `Twilio answered 401 to ${GET}: said no. Check account-sid with auth-token, or api-key with api-secret.`,
    );
    expect(explain(status(404, GET_SERVICE, 'gone?'), FROM_FILE)).toBe(
      `Twilio answered 404 to ${GET_SERVICE}: gone? Check twilio/webhooks.yml: ${NOT_A_SERVICE}`,
    );
  });

  it.each<[number, string, Overrides]>([
    [404, GET, { 'service-sid': SERVICE }],
    [400, GET_SERVICE, {}],
    [500, GET_SERVICE, { 'service-sid': SERVICE }],
    [429, GET, {}],
  ])('adds nothing to a %d of %s (%j)', (code, request, overrides) => {
    expect(explain(status(code, request), overrides)).toBe(
      `Twilio answered ${code} to ${request}: said no`,
    );
  });
});

describe('explainError: transport failures', () => {
  it('names timeout-seconds, with its value, for a timeout', () => {
    expect(explain(transport('timeout'), { 'timeout-seconds': '16.1' })).toBe(
      `${GET} failed: broke. The limit is timeout-seconds (16.1 s): raise it if Twilio is slow to answer from this runner.`,
    );
  });

  it.each<[Overrides, string]>([
    [{}, ' The host name does not resolve: check the runner’s DNS and network.'],
    [{ edge: 'sydney' }, ' The host name does not resolve: check edge sydney (with region us1).'],
    [
      { region: 'ie1', edge: 'dublin' },
      ' The host name does not resolve: check region ie1 and edge dublin.',
    ],
    [
      { 'api-base-url': 'https://proxy.example.com' },
      ' The host name does not resolve: check api-base-url.',
    ],
  ])('names what made the host name that does not resolve (%j)', (overrides, advice) => {
    expect(explain(transport('dns'), overrides)).toBe(`${GET} failed: broke.${advice}`);
  });

  it.each<[Overrides, string]>([
    [
      {},
      ' The TLS connection to https://conversations.twilio.com failed: its certificate is not trusted, or it does not speak https. This is not retried.',
    ],
    [
      { 'api-base-url': 'https://proxy.example.com/twilio/' },
      ' The TLS connection to https://proxy.example.com/twilio failed: its certificate is not trusted, or it does not speak https. Check api-base-url. This is not retried.',
    ],
  ])('explains a failed TLS handshake (%j)', (overrides, advice) => {
    expect(explain(transport('tls'), overrides)).toBe(`${GET} failed: broke.${advice}`);
  });

  it.each<TransportFailure>(['refused', 'connection', 'too-large'])(
    'adds nothing to %s',
    (failure) => {
      expect(explain(transport(failure))).toBe(`${GET} failed: broke.`);
    },
  );
});

describe('explainError: other errors', () => {
  it('counts the attempts of exhausted retries, naming max-retries, and explains the last error', () => {
    expect(explain(new RetriesExhausted(4, transport('timeout')), { 'timeout-seconds': '2' })).toBe(
      `Gave up after 4 attempts (3 retries, max-retries). Last error: ${GET} failed: broke. The limit is timeout-seconds (2 s): raise it if Twilio is slow to answer from this runner.`,
    );
  });

  it.each([
    [new Error('something else'), 'something else'],
    ['plain string', 'plain string'],
    [42, '42'],
  ])('gives %j as it is', (error, text) => {
    expect(explain(error)).toBe(text);
  });
});
