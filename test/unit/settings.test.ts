import { describe, expect, it } from 'vitest';
import type { InputName } from '../../src/contract.js';
import { InputError } from '../../src/errors.js';
import { parseSettings } from '../../src/settings.js';
import { validInputs } from '../support/inputs.js';

const ACCOUNT = 'AC0e1d2c3b4a59687766554433221100ff';
const SERVICE = 'IS1234567890abcdef1234567890abcdef';
const KEY = 'SK9a8b7c6d5e4f30211203f4e5d6c7b8a9';

function parse(overrides: Partial<Record<InputName, string>>) {
  return parseSettings(validInputs(overrides));
}

/** The InputError that parsing these inputs raises. */
function inputError(overrides: Partial<Record<InputName, string>>): InputError {
  try {
    parse(overrides);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error(`expected an InputError for ${JSON.stringify(overrides)}`);
}

describe('parseSettings: resources and credentials', () => {
  it('reads an account-wide configuration with an Auth Token', () => {
    const settings = parse({ 'auth-token': 'token-1' });
    expect(settings.resource).toEqual({ kind: 'account' });
    expect(settings.credentials).toEqual({ username: ACCOUNT, password: 'token-1' });
    expect(settings.apiBaseUrl).toBe('https://conversations.twilio.com');
    expect(settings.timeoutMs).toBe(10_000);
    expect(settings.maxRetries).toBe(3);
    expect(settings.mode).toBe('apply');
    expect(settings.failOnDrift).toBe(true);
    expect(settings.driftIssue).toBeNull();
  });

  it('reads a service and an API key', () => {
    const settings = parse({
      'service-sid': SERVICE,
      'auth-token': '',
      'api-key': KEY,
      'api-secret': 'secret-1',
    });
    expect(settings.resource).toEqual({ kind: 'service', serviceSid: SERVICE });
    expect(settings.credentials).toEqual({ username: KEY, password: 'secret-1' });
  });

  it.each([
    [
      'both kinds of credential',
      { 'api-key': KEY, 'api-secret': 's' },
      'auth-token',
      /either auth-token, or api-key/,
    ],
    [
      'no credential',
      { 'auth-token': '' },
      'auth-token',
      /is empty and so are api-key and api-secret/,
    ],
    [
      'an API key without its secret',
      { 'auth-token': '', 'api-key': KEY },
      'api-secret',
      /required when api-key is set/,
    ],
    [
      'a malformed API key',
      { 'auth-token': '', 'api-key': 'SK123', 'api-secret': 's' },
      'api-key',
      /SK followed by 32 hex digits/,
    ],
    [
      'a secret without its API key',
      { 'auth-token': '', 'api-secret': 'only-secret' },
      'api-key',
      /is required: SK/,
    ],
  ] as const)('refuses %s', (_name, overrides, input, message) => {
    const error = inputError(overrides);
    expect(error.input).toBe(input);
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain('only-secret');
  });

  it.each([
    ['account-sid', 'AC123', /AC followed by 32 hex digits \(34 characters\)/],
    ['account-sid', `SK${'0'.repeat(32)}`, /AC followed/],
    ['account-sid', `AC${'g'.repeat(32)}`, /AC followed/],
    ['account-sid', '', /is required/],
    ['service-sid', `IS${'0'.repeat(31)}`, /IS followed by 32 hex digits/],
    ['service-sid', `AC${'0'.repeat(32)}`, /IS followed/],
  ] as const)('refuses %s %j', (input, value, message) => {
    const error = inputError({ [input]: value });
    expect(error.input).toBe(input);
    expect(error.message).toMatch(new RegExp(`^Input '${input}'`));
    expect(error.message).toMatch(message);
  });

  it('never quotes a secret, even a malformed one', () => {
    const error = inputError({ 'auth-token': 'tok-secret-value', 'api-key': KEY });
    expect(error.message).not.toContain('tok-secret-value');
  });
});

describe('parseSettings: desired fields', () => {
  it('splits filters on commas and new lines, trims, and drops duplicates and blanks', () => {
    const settings = parse({
      filters: ' onMessageAdded,onConversationUpdated\r\n\n onMessageAdded ,, onParticipantAdded\n',
    });
    expect(settings.desired.filters).toEqual([
      'onMessageAdded',
      'onConversationUpdated',
      'onParticipantAdded',
    ]);
  });

  it('clears the filters with "none" in any case, alone', () => {
    expect(parse({ filters: 'None' }).desired.filters).toEqual([]);
    const error = inputError({ filters: 'none, onMessageAdded' });
    expect(error.input).toBe('filters');
    expect(error.message).toMatch(/must stand alone/);
  });

  it('refuses a list of separators only', () => {
    const error = inputError({ filters: ' ,\n, ' });
    expect(error.input).toBe('filters');
    expect(error.message).toMatch(/holds no event name/);
  });

  it.each([
    ['onMesageAdded', 'onMessageAdded'],
    ['onMessageAddd', 'onMessageAdd'],
    ['onmessageadded', 'onMessageAdded'],
    ['onParticipantRemoved ', undefined],
    ['onConversationStateUpdate', 'onConversationStateUpdated'],
  ])('refuses the unknown event %j, suggesting %s', (name, suggestion) => {
    if (suggestion === undefined) {
      // Trailing whitespace is trimmed: this one is valid.
      expect(parse({ filters: name }).desired.filters).toEqual([name.trim()]);
      return;
    }
    const error = inputError({ filters: name });
    expect(error.input).toBe('filters');
    expect(error.message).toContain(`Did you mean ${suggestion}?`);
    expect(error.message).toContain('Valid:');
  });

  it('offers no suggestion for a name far from any event', () => {
    const error = inputError({ filters: 'deploymentFinished' });
    expect(error.message).not.toContain('Did you mean');
  });

  it('refuses user events for a service’s own configuration', () => {
    const error = inputError({ 'service-sid': SERVICE, filters: 'onMessageAdded, onUserUpdated' });
    expect(error.input).toBe('filters');
    expect(error.message).toMatch(
      /"onUserUpdated", which the per-service configuration does not accept/,
    );
    expect(error.message).not.toMatch(/Valid here:.*onUserAdded/);
  });

  it('upper-cases the method and refuses others', () => {
    expect(parse({ method: 'get' }).desired.method).toBe('GET');
    const error = inputError({ method: 'PATCH' });
    expect(error.message).toBe(`Input 'method' is "PATCH": must be GET or POST.`);
  });

  it('keeps URLs byte for byte, and "none" clears them', () => {
    const settings = parse({
      'pre-webhook-url': 'https://Example.com:8443/Path?a=1&b=%20',
      'post-webhook-url': 'NONE',
    });
    expect(settings.desired.pre_webhook_url).toBe('https://Example.com:8443/Path?a=1&b=%20');
    expect(settings.desired.post_webhook_url).toBeNull();
    expect(parse({ 'post-webhook-url': 'https://example.com' }).desired.post_webhook_url).toBe(
      'https://example.com',
    );
  });

  it.each([
    ['https://exa mple.com/x', /whitespace or control characters/],
    ['https://example.com/\u0007', /whitespace or control characters/],
    ['/relative/path', /not an absolute URL/],
    ['ftp://example.com/hook', /scheme is ftp/],
    ['javascript:alert(1)', /scheme is javascript/],
  ])('refuses the webhook URL %j', (value, message) => {
    const error = inputError({ 'post-webhook-url': value });
    expect(error.input).toBe('post-webhook-url');
    expect(error.message).toMatch(message);
    expect(error.message).toContain('Give an absolute http(s) URL, or "none"');
  });

  it('reads target in any case, for the account-wide configuration only', () => {
    expect(parse({ target: 'Flex' }).desired.target).toBe('flex');
    expect(inputError({ target: 'studio' }).message).toMatch(/must be webhook or flex/);
    const error = inputError({ target: 'webhook', 'service-sid': SERVICE });
    expect(error.input).toBe('target');
    expect(error.message).toMatch(/only the account-wide configuration has a target/);
  });

  it('refuses a run with nothing to manage', () => {
    const error = inputError({ 'post-webhook-url': '' });
    expect(error.message).toMatch(/nothing to manage/);
  });

  it('manages only the fields that are set', () => {
    expect(parse({ method: 'POST', 'post-webhook-url': '' }).desired).toEqual({ method: 'POST' });
  });
});

describe('parseSettings: where requests go', () => {
  it('builds the regional hostname from region and edge', () => {
    expect(parse({ region: 'IE1', edge: 'Dublin' }).apiBaseUrl).toBe(
      'https://conversations.dublin.ie1.twilio.com',
    );
    expect(parse({ edge: 'sydney' }).apiBaseUrl).toBe(
      'https://conversations.sydney.us1.twilio.com',
    );
  });

  it('refuses a region without its edge, naming edge', () => {
    const error = inputError({ region: 'ie1' });
    expect(error.input).toBe('edge');
    expect(error.message).toMatch(/needs both/);
    expect(inputError({ region: 'ie1.evil.com', edge: 'dublin' }).input).toBe('region');
    expect(inputError({ edge: 'dub lin' }).input).toBe('edge');
  });

  it('lets api-base-url win over region and edge, with a warning', () => {
    const settings = parse({ 'api-base-url': 'https://proxy.example.com/twilio/', region: 'ie1' });
    expect(settings.apiBaseUrl).toBe('https://proxy.example.com/twilio');
    expect(settings.warnings).toEqual(['api-base-url is set, so region and edge are ignored.']);
  });

  it.each([
    'http://127.0.0.1:4010',
    'http://localhost:1',
    'http://[::1]:8080',
    'http://127.8.9.10',
  ])('accepts plain http to the loopback host %s', (url) => {
    expect(parse({ 'api-base-url': url }).apiBaseUrl).toBe(url);
  });

  it.each([
    ['http://conversations.twilio.com', /in the clear/],
    ['http://10.0.0.1', /in the clear/],
    ['https://user:pw@example.com', /must not carry credentials/],
    ['https://example.com/?x=1', /query or fragment/],
    ['ftp://example.com', /scheme must be https/],
    ['not a url', /not an absolute URL/],
  ])('refuses the api-base-url %j', (url, message) => {
    const error = inputError({ 'api-base-url': url });
    expect(error.input).toBe('api-base-url');
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain('pw@');
  });
});

describe('parseSettings: run options', () => {
  it.each([
    ['timeout-seconds', '0.5', 'timeoutMs', 500],
    ['timeout-seconds', '300', 'timeoutMs', 300_000],
    ['max-retries', '0', 'maxRetries', 0],
    ['max-retries', '10', 'maxRetries', 10],
  ] as const)('reads %s %s', (input, value, key, expected) => {
    expect(parse({ [input]: value })[key]).toBe(expected);
  });

  it.each([
    ['timeout-seconds', '0'],
    ['timeout-seconds', '301'],
    ['timeout-seconds', '-1'],
    ['timeout-seconds', '1e3'],
    ['timeout-seconds', ''],
    ['max-retries', '1.5'],
    ['max-retries', '11'],
    ['max-retries', 'three'],
  ] as const)('refuses %s %j with its range', (input, value) => {
    const error = inputError({ [input]: value });
    expect(error.input).toBe(input);
    expect(error.message).toMatch(/must be a (whole )?number from/);
  });

  it('reads mode and booleans in any case, and refuses other values', () => {
    expect(parse({ mode: 'CHECK' }).mode).toBe('check');
    expect(parse({ 'fail-on-drift': 'False' }).failOnDrift).toBe(false);
    expect(inputError({ mode: 'plan' }).message).toMatch(/must be apply or check/);
    expect(inputError({ 'fail-on-drift': 'yes' }).message).toMatch(/must be true or false/);
    expect(inputError({ 'drift-issue': '1' }).input).toBe('drift-issue');
  });

  it('keeps a drift issue in check mode only', () => {
    const checked = parse({
      mode: 'check',
      'drift-issue': 'true',
      'github-token': 'ghs_x',
      'drift-issue-labels': 'drift, twilio ,',
    });
    expect(checked.driftIssue).toEqual({ token: 'ghs_x', labels: ['drift', 'twilio'] });
    const applied = parse({ 'drift-issue': 'true', 'github-token': 'ghs_x' });
    expect(applied.driftIssue).toBeNull();
    expect(applied.warnings[0]).toMatch(/drift issues are kept in check mode only/);
  });

  it('needs a token and a label for the drift issue', () => {
    expect(inputError({ mode: 'check', 'drift-issue': 'true' }).input).toBe('github-token');
    const error = inputError({
      mode: 'check',
      'drift-issue': 'true',
      'github-token': 't',
      'drift-issue-labels': ' , ',
    });
    expect(error.input).toBe('drift-issue-labels');
  });
});
