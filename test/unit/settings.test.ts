import { describe, expect, it } from 'vitest';
import { INPUTS } from '../../src/contract.js';
import type { InputName, RawInputs } from '../../src/contract.js';
import { InputError } from '../../src/errors.js';
import { ALL_EVENTS, ACCOUNT_ONLY_EVENTS } from '../../src/events.js';
import { DEFAULT_API_BASE_URL, parseSettings } from '../../src/settings.js';
import type { Settings } from '../../src/settings.js';

const ACCOUNT = 'AC0123456789abcdef0123456789abcdef';
const SERVICE = 'IS00112233445566778899aabbccddeeff';
const KEY = 'SK9a8b7c6d5e4f30211203f4e5d6c7b8a9';
const TOKEN = 'tok-3f9a1c77e0b2d4';
const SECRET = 'sec-8c1d5e2fa90b37';
const POST_URL = 'https://hooks.example.com/post';

type Overrides = Partial<Record<InputName, string>>;

/** What the runner passes when a workflow sets nothing: action.yml's defaults, '' for the rest. */
const ACTION_DEFAULTS: RawInputs = {
  ...(Object.fromEntries(INPUTS.map((name) => [name, ''])) as Record<InputName, string>),
  'timeout-seconds': '10',
  'max-retries': '3',
  mode: 'apply',
  'fail-on-drift': 'true',
  'drift-issue': 'false',
  'drift-issue-labels': 'twilio-webhook-drift',
  'github-token': '',
};

/** Valid raw inputs: the defaults plus an account, an Auth Token and one managed field. */
function inputs(overrides: Overrides = {}): RawInputs {
  return {
    ...ACTION_DEFAULTS,
    'account-sid': ACCOUNT,
    'auth-token': TOKEN,
    'post-webhook-url': POST_URL,
    ...overrides,
  };
}

function parse(overrides: Overrides = {}): Settings {
  return parseSettings(inputs(overrides));
}

/** The InputError these inputs raise; fails the test if they raise nothing or something else. */
function inputError(overrides: Overrides): InputError {
  let caught: unknown;
  try {
    parse(overrides);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(InputError);
  return caught as InputError;
}

/**
 * Asserts the InputError names `input` (as its property and at the start of its message), and that the
 * message holds each fragment: the bad value and what would be valid.
 */
function expectInputError(overrides: Overrides, input: InputName, ...fragments: string[]) {
  const error = inputError(overrides);
  expect(error.input).toBe(input);
  expect(error.name).toBe('InputError');
  expect(error.message.startsWith(`Input '${input}' `)).toBe(true);
  for (const fragment of fragments) expect(error.message).toContain(fragment);
  return error;
}

const hex32 = (digit: string) => digit.repeat(32);

describe('parseSettings: valid settings', () => {
  it('reads an account-wide configuration with the action.yml defaults', () => {
    expect(parse()).toEqual({
      accountSid: ACCOUNT,
      credentials: { username: ACCOUNT, password: TOKEN },
      resource: { kind: 'account' },
      desired: { post_webhook_url: POST_URL },
      mode: 'apply',
      failOnDrift: true,
      driftIssue: null,
      apiBaseUrl: 'https://conversations.twilio.com',
      timeoutMs: 10_000,
      maxRetries: 3,
      warnings: [],
    } satisfies Settings);
    expect(DEFAULT_API_BASE_URL).toBe('https://conversations.twilio.com');
  });

  it('reads a per-service configuration with an API key and secret', () => {
    const settings = parse({
      'service-sid': SERVICE,
      'auth-token': '',
      'api-key': KEY,
      'api-secret': SECRET,
    });
    expect(settings.resource).toEqual({ kind: 'service', serviceSid: SERVICE });
    expect(settings.credentials).toEqual({ username: KEY, password: SECRET });
    expect(settings.accountSid).toBe(ACCOUNT);
    expect(settings.warnings).toEqual([]);
  });

  it('manages every field when all are set', () => {
    const settings = parse({
      filters: 'onMessageAdd, onMessageAdded',
      method: 'get',
      'pre-webhook-url': 'https://hooks.example.com/pre',
      'post-webhook-url': 'none',
      target: 'flex',
    });
    expect(settings.desired).toEqual({
      filters: ['onMessageAdd', 'onMessageAdded'],
      method: 'GET',
      pre_webhook_url: 'https://hooks.example.com/pre',
      post_webhook_url: null,
      target: 'flex',
    });
  });

  it('manages only the fields that are set: an empty input is neither compared nor sent', () => {
    const desired = parse({ method: 'POST', 'post-webhook-url': '' }).desired;
    expect(desired).toEqual({ method: 'POST' });
    expect('post_webhook_url' in desired).toBe(false);
    expect('filters' in desired).toBe(false);
  });

  it('accepts SIDs with upper-case hex digits', () => {
    const account = `AC${hex32('F')}`;
    const service = `IS${'aB'.repeat(16)}`;
    const settings = parse({ 'account-sid': account, 'service-sid': service });
    expect(settings.accountSid).toBe(account);
    expect(settings.resource).toEqual({ kind: 'service', serviceSid: service });
  });

  it('refuses a run that manages nothing, naming every field input', () => {
    expectInputError(
      { 'post-webhook-url': '' },
      'filters',
      'method, pre-webhook-url, post-webhook-url and target are all empty',
      'Set at least one of them',
    );
  });
});

describe('parseSettings: credentials', () => {
  it.each<[string, Overrides, InputName, string[]]>([
    [
      'an Auth Token together with an API key and secret',
      { 'api-key': KEY, 'api-secret': SECRET },
      'auth-token',
      ['is set together with api-key/api-secret', 'either auth-token, or api-key with api-secret'],
    ],
    [
      'an Auth Token together with an API secret only',
      { 'api-secret': SECRET },
      'auth-token',
      ['is set together with api-key/api-secret', 'either auth-token, or api-key with api-secret'],
    ],
    [
      'an Auth Token together with an API key only',
      { 'api-key': KEY },
      'auth-token',
      ['is set together with api-key/api-secret'],
    ],
    [
      'no credential at all',
      { 'auth-token': '' },
      'auth-token',
      [
        'is empty and so are api-key and api-secret',
        'either auth-token, or api-key with api-secret',
      ],
    ],
    [
      'an API key without its secret',
      { 'auth-token': '', 'api-key': KEY },
      'api-secret',
      ['is required when api-key is set'],
    ],
    [
      'an API secret without its key',
      { 'auth-token': '', 'api-secret': SECRET },
      'api-key',
      ['is required', 'SK followed by 32 hex digits'],
    ],
    [
      'a malformed API key',
      { 'auth-token': '', 'api-key': 'SK123', 'api-secret': SECRET },
      'api-key',
      ['"SK123"', 'SK followed by 32 hex digits (34 characters)'],
    ],
    [
      'an account SID given as API key',
      { 'auth-token': '', 'api-key': ACCOUNT, 'api-secret': SECRET },
      'api-key',
      ['SK followed by 32 hex digits'],
    ],
    [
      'an API key with a non-hex digit',
      { 'auth-token': '', 'api-key': `SK${'z'.repeat(32)}`, 'api-secret': SECRET },
      'api-key',
      ['SK followed by 32 hex digits'],
    ],
  ])('refuses %s, never quoting the secret', (_case, overrides, input, fragments) => {
    const error = expectInputError(overrides, input, ...fragments);
    expect(error.message).not.toContain(TOKEN);
    expect(error.message).not.toContain(SECRET);
  });
});

describe('parseSettings: SIDs', () => {
  it.each<[InputName, string, string]>([
    ['account-sid', `SK${hex32('0')}`, 'wrong prefix'],
    ['account-sid', `ac${hex32('0')}`, 'lower-case prefix'],
    ['account-sid', `AC${'0'.repeat(31)}`, 'one digit short'],
    ['account-sid', `AC${'0'.repeat(33)}`, 'one digit long'],
    ['account-sid', `AC${'0'.repeat(31)}g`, 'a non-hex digit'],
    ['account-sid', ` AC${hex32('0')}`, 'a leading space'],
    ['account-sid', `AC${hex32('0')}\n`, 'a trailing new line'],
    ['service-sid', `AC${hex32('0')}`, 'wrong prefix'],
    ['service-sid', `IS${'0'.repeat(31)}`, 'one digit short'],
    ['service-sid', `IS${'0'.repeat(33)}`, 'one digit long'],
    ['service-sid', `IS${'x'.repeat(32)}`, 'non-hex digits'],
    ['service-sid', 'IS', 'the prefix alone'],
  ])('refuses %s %j (%s)', (input, value) => {
    const prefix = input === 'account-sid' ? 'AC' : 'IS';
    const error = expectInputError(
      { [input]: value },
      input,
      `is ${JSON.stringify(value)}`,
      `expected ${prefix} followed by 32 hex digits (34 characters).`,
    );
    expect(error.message).not.toContain(TOKEN);
  });

  it('requires the account SID', () => {
    expectInputError(
      { 'account-sid': '' },
      'account-sid',
      'is required: AC followed by 32 hex digits.',
    );
  });

  it('shortens a very long bad value in the message', () => {
    const value = `AC${'0'.repeat(200)}`;
    const error = expectInputError({ 'account-sid': value }, 'account-sid', '…');
    expect(error.message).not.toContain(value);
    expect(error.message.length).toBeLessThan(200);
  });
});

describe('parseSettings: filters', () => {
  const filters = (value: string, overrides: Overrides = {}) =>
    parse({ filters: value, ...overrides }).desired.filters;

  it('splits on commas, new lines and CRLF, trims whitespace and drops duplicates in order', () => {
    expect(filters('onMessageAdded,onMessageRemoved')).toEqual([
      'onMessageAdded',
      'onMessageRemoved',
    ]);
    expect(filters('onMessageAdded\nonMessageRemoved\n')).toEqual([
      'onMessageAdded',
      'onMessageRemoved',
    ]);
    expect(filters('onMessageAdded\r\nonMessageRemoved\r\n')).toEqual([
      'onMessageAdded',
      'onMessageRemoved',
    ]);
    expect(
      filters(
        '  onMessageAdded ,\tonConversationUpdated\r\n\n onMessageAdded ,, onParticipantAdded\n',
      ),
    ).toEqual(['onMessageAdded', 'onConversationUpdated', 'onParticipantAdded']);
    expect(filters('onMessageAdded,onMessageAdded,onMessageAdded')).toEqual(['onMessageAdded']);
  });

  it('accepts every event name for the account-wide configuration', () => {
    expect(filters(ALL_EVENTS.join(','))).toEqual(ALL_EVENTS);
  });

  it.each(['none', 'NONE', 'None', '  nOnE  ', 'none\n'])('clears the list with %j', (value) => {
    expect(filters(value)).toEqual([]);
  });

  it.each(['none, onMessageAdded', 'onMessageAdded\nnone', 'NONE,onUserAdded'])(
    'refuses "none" mixed with events: %j',
    (value) => {
      expectInputError(
        { filters: value },
        'filters',
        'mixes "none" with event names',
        'must stand alone',
      );
    },
  );

  it.each([',', ' , ', '\n', '\r\n', ',\n,\r\n , '])('refuses separators only: %j', (value) => {
    expectInputError(
      { filters: value },
      'filters',
      `is ${JSON.stringify(value)}, which holds no event name`,
      'separated by commas or new lines, or "none" to clear the list',
    );
  });

  it.each([
    ['onMesageAdded', 'onMessageAdded'],
    ['onmessageadded', 'onMessageAdded'],
    ['ONPARTICIPANTREMOVED', 'onParticipantRemoved'],
    ['onConversationStateUpdate', 'onConversationStateUpdated'],
    ['onDeliveryUpdate', 'onDeliveryUpdated'],
    ['onParticpantAdd', 'onParticipantAdd'],
  ])('refuses the unknown event %j and suggests %s', (name, suggestion) => {
    const error = expectInputError(
      { filters: `onMessageAdded, ${name}` },
      'filters',
      `has ${JSON.stringify(name)}, which is not a Conversations event.`,
      ` Did you mean ${suggestion}?`,
      `Valid: ${ALL_EVENTS.join(', ')}.`,
    );
    expect(error.message).not.toContain('"onMessageAdded"');
  });

  it('suggests a name one edit away for "onMessageAddd"', () => {
    // onMessageAdd (drop a d) and onMessageAdded (d for e) are both one edit away.
    const error = expectInputError({ filters: 'onMessageAddd' }, 'filters', 'Did you mean ');
    const suggested = /Did you mean (\w+)\?/.exec(error.message)?.[1];
    expect(['onMessageAdd', 'onMessageAdded']).toContain(suggested);
  });

  it.each(['deploymentFinished', 'x', '*'])(
    'offers no suggestion for %j, far from any event',
    (name) => {
      const error = expectInputError({ filters: name }, 'filters', 'not a Conversations event');
      expect(error.message).not.toContain('Did you mean');
      expect(error.message).toContain('Valid: onMessageAdd');
    },
  );

  it.each([...ACCOUNT_ONLY_EVENTS])(
    'refuses the user event %s for the per-service configuration',
    (name) => {
      const error = expectInputError(
        { 'service-sid': SERVICE, filters: `onMessageAdded\n${name}` },
        'filters',
        `has "${name}", which the per-service configuration does not accept`,
        'Valid here: onMessageAdd,',
      );
      const valid = error.message.slice(error.message.indexOf('Valid here:'));
      for (const userEvent of ACCOUNT_ONLY_EVENTS) expect(valid).not.toContain(userEvent);
      expect(valid).toContain('onConversationStateUpdated');
      // The same name is fine for the account-wide configuration.
      expect(filters(name)).toEqual([name]);
    },
  );

  it('accepts every other event for the per-service configuration', () => {
    const serviceEvents = ALL_EVENTS.filter((name) => !ACCOUNT_ONLY_EVENTS.has(name));
    expect(filters(serviceEvents.join('\n'), { 'service-sid': SERVICE })).toEqual(serviceEvents);
  });

  it('never suggests a user event to the per-service configuration', () => {
    const error = expectInputError(
      { 'service-sid': SERVICE, filters: 'onUserAdde' },
      'filters',
      'not a Conversations event',
    );
    expect(error.message).not.toContain('Did you mean onUserAdded');
  });
});

describe('parseSettings: method', () => {
  it.each([
    ['GET', 'GET'],
    ['get', 'GET'],
    ['Get', 'GET'],
    ['POST', 'POST'],
    ['post', 'POST'],
    ['pOsT', 'POST'],
  ])('reads %j as %s', (value, method) => {
    expect(parse({ method: value }).desired.method).toBe(method);
  });

  it.each(['PUT', 'PATCH', 'GETS', 'G E T', 'POST;'])('refuses %j', (value) => {
    const error = expectInputError({ method: value }, 'method');
    expect(error.message).toBe(`Input 'method' is ${JSON.stringify(value)}: must be GET or POST.`);
  });
});

describe('parseSettings: webhook URLs', () => {
  it.each(['none', 'NONE', 'None'])('clears both URLs with %j', (value) => {
    const desired = parse({ 'pre-webhook-url': value, 'post-webhook-url': value }).desired;
    expect(desired.pre_webhook_url).toBeNull();
    expect(desired.post_webhook_url).toBeNull();
  });

  it.each([
    'https://hooks.example.com',
    'https://hooks.example.com/',
    'https://Hooks.Example.com:8443/A/b/?x=1&y=%2F&z=a+b#frag',
    'HTTPS://HOOKS.EXAMPLE.COM/Pre',
    'http://hooks.example.com/plain',
    'https://hooks.example.com/%7Euser/./x',
    'https://xn--bcher-kva.example/',
  ])('keeps %j byte for byte', (url) => {
    const desired = parse({ 'pre-webhook-url': url, 'post-webhook-url': url }).desired;
    expect(desired.pre_webhook_url).toBe(url);
    expect(desired.post_webhook_url).toBe(url);
  });

  it.each([
    [' https://hooks.example.com/x', 'whitespace or control characters'],
    ['https://hooks.example.com/x ', 'whitespace or control characters'],
    ['https://hooks.example.com/a b', 'whitespace or control characters'],
    ['https://hooks.example.com/\tx', 'whitespace or control characters'],
    ['https://hooks.example.com/x\n', 'whitespace or control characters'],
    ['https://hooks.example.com/x\r\nX-Injected: 1', 'whitespace or control characters'],
    ['https://hooks.example.com/\u0000', 'whitespace or control characters'],
    ['https://hooks.example.com/\u0007', 'whitespace or control characters'],
    ['https://hooks.example.com/\u007f', 'whitespace or control characters'],
    ['https://hooks.example.com/\u00a0', 'whitespace or control characters'],
    ['/relative/path', 'it is not an absolute URL'],
    ['hooks.example.com/post', 'it is not an absolute URL'],
    ['//hooks.example.com/post', 'it is not an absolute URL'],
    ['https://', 'it is not an absolute URL'],
    ['ftp://hooks.example.com/post', 'its scheme is ftp, not http or https'],
    ['javascript:alert(1)', 'its scheme is javascript, not http or https'],
    ['file:///etc/passwd', 'its scheme is file, not http or https'],
    ['mailto:ops@example.com', 'its scheme is mailto, not http or https'],
    ['data:text/plain,x', 'its scheme is data, not http or https'],
  ])('refuses %j: %s', (value, problem) => {
    for (const input of ['pre-webhook-url', 'post-webhook-url'] as const) {
      const error = expectInputError(
        { [input]: value },
        input,
        problem,
        'Give an absolute http(s) URL, or "none" to clear it.',
      );
      expect(error.message).toContain(`is ${JSON.stringify(value)}:`);
    }
  });
});

describe('parseSettings: target', () => {
  it.each([
    ['webhook', 'webhook'],
    ['WEBHOOK', 'webhook'],
    ['flex', 'flex'],
    ['Flex', 'flex'],
  ])('reads %j as %s', (value, target) => {
    expect(parse({ target: value }).desired.target).toBe(target);
  });

  it.each(['studio', 'webhooks', 'flex ', 'none'])('refuses %j', (value) => {
    expectInputError(
      { target: value },
      'target',
      `is ${JSON.stringify(value)}`,
      'must be webhook or flex.',
    );
  });

  it.each(['webhook', 'flex', 'studio'])('refuses target %j together with service-sid', (value) => {
    expectInputError(
      { target: value, 'service-sid': SERVICE },
      'target',
      'is set together with service-sid',
      'only the account-wide configuration has a target',
      'Leave target empty.',
    );
  });
});

describe('parseSettings: region, edge and api-base-url', () => {
  it('defaults to the global host', () => {
    expect(parse().apiBaseUrl).toBe('https://conversations.twilio.com');
  });

  it('takes region us1 for an edge alone', () => {
    expect(parse({ edge: 'sydney' }).apiBaseUrl).toBe(
      'https://conversations.sydney.us1.twilio.com',
    );
  });

  it('builds the regional host from region and edge, in any case', () => {
    expect(parse({ region: 'ie1', edge: 'dublin' }).apiBaseUrl).toBe(
      'https://conversations.dublin.ie1.twilio.com',
    );
    expect(parse({ region: 'IE1', edge: 'Dublin' }).apiBaseUrl).toBe(
      'https://conversations.dublin.ie1.twilio.com',
    );
    expect(parse({ region: 'au1', edge: 'sydney' }).warnings).toEqual([]);
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

  it('lets api-base-url win over region and edge, with a warning', () => {
    const settings = parse({
      'api-base-url': 'https://proxy.example.com/twilio',
      region: 'ie1',
      edge: 'dublin',
    });
    expect(settings.apiBaseUrl).toBe('https://proxy.example.com/twilio');
    expect(settings.warnings).toEqual(['api-base-url is set, so region and edge are ignored.']);
  });

  it('ignores even a region without its edge when api-base-url is set', () => {
    const settings = parse({ 'api-base-url': 'https://proxy.example.com', region: 'ie1' });
    expect(settings.apiBaseUrl).toBe('https://proxy.example.com');
    expect(settings.warnings).toHaveLength(1);
    expect(settings.warnings[0]).toContain('region and edge are ignored');
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
  ])('accepts api-base-url %j as %j', (value, expected) => {
    const settings = parse({ 'api-base-url': value });
    expect(settings.apiBaseUrl).toBe(expected);
    expect(settings.warnings).toEqual([]);
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
      'Give an https URL such as https://conversations.twilio.com.',
    );
  });

  it.each([
    ['https://user:hunter2pw@proxy.example.com', 'hunter2pw'],
    ['https://hunter2pw@proxy.example.com', 'hunter2pw'],
    ['http://user:hunter2pw@127.0.0.1:4010', 'hunter2pw'],
  ])('refuses credentials in %j without quoting them', (value, secret) => {
    const error = expectInputError(
      { 'api-base-url': value },
      'api-base-url',
      'it must not carry credentials',
      '***@',
      'Give an https URL such as https://conversations.twilio.com.',
    );
    expect(error.message).not.toContain(secret);
  });

  it.each(['https://proxy.example.com/?region=ie1', 'https://proxy.example.com/base#part'])(
    'refuses a query or fragment in %j',
    (value) => {
      expectInputError(
        { 'api-base-url': value },
        'api-base-url',
        'it must not have a query or fragment',
        'Give an https URL',
      );
    },
  );

  it.each([
    ['ftp://proxy.example.com', 'its scheme must be https'],
    ['ws://127.0.0.1:4010', 'its scheme must be https'],
    ['conversations.twilio.com', 'it is not an absolute URL'],
    ['/v1', 'it is not an absolute URL'],
  ])('refuses api-base-url %j: %s', (value, problem) => {
    expectInputError(
      { 'api-base-url': value },
      'api-base-url',
      problem,
      'Give an https URL such as https://conversations.twilio.com.',
    );
  });
});

describe('parseSettings: timeout-seconds and max-retries', () => {
  it.each([
    ['10', 10_000],
    ['0.1', 100],
    ['2.5', 2_500],
    ['300', 300_000],
    ['010', 10_000],
  ])('reads timeout-seconds %j as %d ms', (value, ms) => {
    expect(parse({ 'timeout-seconds': value }).timeoutMs).toBe(ms);
  });

  it.each(['0', '0.05', '300.5', '301', '-1', '1e3', '', ' 10', '10s', 'ten', 'Infinity', 'NaN'])(
    'refuses timeout-seconds %j, giving the range',
    (value) => {
      expectInputError(
        { 'timeout-seconds': value },
        'timeout-seconds',
        `is ${JSON.stringify(value)}`,
        'must be a number from 0.1 to 300.',
      );
    },
  );

  it.each([
    ['0', 0],
    ['3', 3],
    ['10', 10],
  ])('reads max-retries %j as %d', (value, retries) => {
    expect(parse({ 'max-retries': value }).maxRetries).toBe(retries);
  });

  it.each(['-1', '11', '1.5', '', 'three', '2 ', '1e1'])(
    'refuses max-retries %j, giving the range',
    (value) => {
      expectInputError(
        { 'max-retries': value },
        'max-retries',
        `is ${JSON.stringify(value)}`,
        'must be a whole number from 0 to 10.',
      );
    },
  );
});

describe('parseSettings: mode, fail-on-drift and drift-issue', () => {
  it.each([
    ['apply', 'apply'],
    ['APPLY', 'apply'],
    ['check', 'check'],
    ['Check', 'check'],
  ])('reads mode %j as %s', (value, mode) => {
    expect(parse({ mode: value }).mode).toBe(mode);
  });

  it.each(['plan', 'dry-run', '', 'apply '])('refuses mode %j', (value) => {
    expectInputError(
      { mode: value },
      'mode',
      `is ${JSON.stringify(value)}`,
      'must be apply or check.',
    );
  });

  it.each([
    ['true', true],
    ['TRUE', true],
    ['false', false],
    ['False', false],
  ])('reads fail-on-drift %j as %s', (value, expected) => {
    expect(parse({ 'fail-on-drift': value }).failOnDrift).toBe(expected);
  });

  it.each<[InputName, string]>([
    ['fail-on-drift', 'yes'],
    ['fail-on-drift', '1'],
    ['fail-on-drift', ''],
    ['drift-issue', 'no'],
    ['drift-issue', '0'],
    ['drift-issue', ''],
  ])('refuses %s %j', (input, value) => {
    expectInputError(
      { [input]: value },
      input,
      `is ${JSON.stringify(value)}`,
      'must be true or false.',
    );
  });

  it('keeps a drift issue in check mode, with the default label', () => {
    const settings = parse({ mode: 'check', 'drift-issue': 'true', 'github-token': 'ghs_abc' });
    expect(settings.driftIssue).toEqual({ token: 'ghs_abc', labels: ['twilio-webhook-drift'] });
    expect(settings.warnings).toEqual([]);
  });

  it('splits and trims the drift issue labels', () => {
    const settings = parse({
      mode: 'check',
      'drift-issue': 'TRUE',
      'github-token': 'ghs_abc',
      'drift-issue-labels': ' drift , twilio,, ops ',
    });
    expect(settings.driftIssue?.labels).toEqual(['drift', 'twilio', 'ops']);
  });

  it('has no drift issue when drift-issue is false, token or not', () => {
    expect(parse({ mode: 'check' }).driftIssue).toBeNull();
    expect(parse({ mode: 'check', 'github-token': 'ghs_abc' }).driftIssue).toBeNull();
  });

  it('warns and keeps no drift issue in apply mode, even without a token', () => {
    const settings = parse({ 'drift-issue': 'true' });
    expect(settings.driftIssue).toBeNull();
    expect(settings.warnings).toEqual([
      'drift-issue is true but mode is apply: drift issues are kept in check mode only.',
    ]);
  });

  it('requires a token for a drift issue in check mode', () => {
    expectInputError(
      { mode: 'check', 'drift-issue': 'true', 'github-token': '' },
      'github-token',
      'is empty while drift-issue is true',
      'issues write permission',
    );
  });

  it('requires a label for a drift issue in check mode', () => {
    expectInputError(
      {
        mode: 'check',
        'drift-issue': 'true',
        'github-token': 'ghs_abc',
        'drift-issue-labels': ' , ',
      },
      'drift-issue-labels',
      'is empty while drift-issue is true',
      'at least one label',
    );
  });

  it('never quotes the GitHub token in an error', () => {
    const error = expectInputError(
      {
        mode: 'check',
        'drift-issue': 'true',
        'github-token': 'ghs_secret',
        'drift-issue-labels': '',
      },
      'drift-issue-labels',
    );
    expect(error.message).not.toContain('ghs_secret');
  });
});
