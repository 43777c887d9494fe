import { describe, expect, it } from 'vitest';
import type { InputName } from '../../../src/config/contract.js';
import { ALL_EVENTS, parseFilters } from '../../../src/model/events.js';
import { parseMethod, parseTarget, parseWebhookUrl } from '../../../src/model/values.js';
import { modeIfValid } from '../../../src/config/settings.js';
import type { DesiredSource, ParsedSettings } from '../../../src/config/settings.js';
import type { DesiredConfig } from '../../../src/model/fields.js';
import {
  ACCOUNT,
  expectInputError,
  inputs,
  KEY,
  parse,
  POST_URL,
  SECRET,
  SERVICE,
  settings,
  TOKEN,
  thrown,
} from '../fixtures.js';
import type { Overrides } from '../fixtures.js';

const hex32 = (digit: string) => digit.repeat(32);
const SID_PREFIX = { 'account-sid': 'AC', 'service-sid': 'IS', 'api-key': 'SK' } as const;
type SidInput = keyof typeof SID_PREFIX;
const expectedSid = (input: SidInput) =>
  `${SID_PREFIX[input]} followed by 32 lower-case hex digits (34 characters)`;
/** The inputs around a SID that make it the one to fail. */
const AROUND_SID: Readonly<Record<SidInput, Overrides>> = {
  'account-sid': {},
  'service-sid': {},
  'api-key': { 'auth-token': '', 'api-secret': SECRET },
};
/** Inputs that manage nothing through the resource inputs, for a desired-state file. */
const NO_RESOURCE: Overrides = { 'post-webhook-url': '' };

/** What the inputs say the run manages; fails the test when they name a file instead. */
function source(overrides: Overrides): Extract<DesiredSource, { kind: 'inputs' }> {
  const parsed = settings(overrides).source;
  if (parsed.kind !== 'inputs') throw new Error(`expected inputs, got ${JSON.stringify(parsed)}`);
  return parsed;
}
const desired = (overrides: Overrides): DesiredConfig => source(overrides).desired;

describe('parseSettings: valid settings', () => {
  it('reads an account-wide configuration with the action.yml defaults', () => {
    expect(parse()).toEqual({
      settings: {
        accountSid: ACCOUNT,
        credentials: { username: ACCOUNT, password: TOKEN },
        mode: 'apply',
        source: {
          kind: 'inputs',
          resource: { kind: 'account' },
          desired: { post_webhook_url: POST_URL },
        },
        failOnDrift: true,
        unmanagedServices: 'warn',
        unmanagedAddresses: 'warn',
        gitHub: null,
        deploy: {
          probe: true,
          probeTimeoutMs: 60_000,
          probeUrl: undefined,
          onlyIfLive: undefined,
          rollback: true,
          allowTargetChange: false,
        },
        endpoint: { baseUrl: 'https://conversations.twilio.com', madeBy: undefined },
        timeoutMs: 10_000,
        maxRetries: 3,
        maxConcurrency: 4,
      },
      warnings: [],
    } satisfies ParsedSettings);
  });

  it('reads a per-service configuration with an API key and secret', () => {
    const { settings: parsed, warnings } = parse({
      'service-sid': SERVICE,
      'auth-token': '',
      'api-key': KEY,
      'api-secret': SECRET,
    });
    expect(parsed.source).toMatchObject({ resource: { kind: 'service', serviceSid: SERVICE } });
    expect(parsed.credentials).toEqual({ username: KEY, password: SECRET });
    expect(parsed.accountSid).toBe(ACCOUNT);
    expect(warnings).toEqual([]);
  });

  it('manages every field when all are set', () => {
    expect(
      desired({
        filters: 'onMessageAdd, onMessageAdded',
        method: 'get',
        'pre-webhook-url': 'https://hooks.example.com/pre',
        'post-webhook-url': 'none',
        target: 'flex',
      }),
    ).toEqual({
      filters: ['onMessageAdd', 'onMessageAdded'],
      method: 'GET',
      pre_webhook_url: 'https://hooks.example.com/pre',
      post_webhook_url: null,
      target: 'flex',
    });
  });

  it('manages only the fields that are set: an empty input is neither compared nor sent', () => {
    const managed = desired({ method: 'POST', 'post-webhook-url': '' });
    expect(managed).toEqual({ method: 'POST' });
    expect('post_webhook_url' in managed).toBe(false);
    expect('filters' in managed).toBe(false);
  });

  it('refuses a run that manages nothing, naming every field input and config-file', () => {
    expectInputError(
      NO_RESOURCE,
      'filters',
      'method, pre-webhook-url, post-webhook-url and target are all empty: nothing to manage.',
      'Set at least one of them, or config-file.',
    );
  });

  it('collects the warnings of every part: GitHub’s, the deploy’s and the endpoint’s', () => {
    expect(
      parse({
        'drift-issue': 'true',
        'github-token': 'ghs_abc',
        'pr-comment': 'true',
        probe: 'off',
        'probe-url': 'https://app.example.com/health',
        'api-base-url': 'https://proxy.example.com',
        edge: 'dublin',
      }).warnings,
    ).toEqual([
      'pr-comment is true but mode is apply: the plan comment is kept in check mode only.',
      'probe-url is set but probe is off: nothing is probed.',
      'api-base-url is set, so region and edge are ignored.',
    ]);
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
      [`is required: ${expectedSid('api-key')}.`],
    ],
    [
      'a malformed API key',
      { 'auth-token': '', 'api-key': 'SK123', 'api-secret': SECRET },
      'api-key',
      [`is a 5-character value starting with "SK": expected ${expectedSid('api-key')}.`],
    ],
    [
      'an account SID given as API key',
      { 'auth-token': '', 'api-key': ACCOUNT, 'api-secret': SECRET },
      'api-key',
      [`is a 34-character value starting with "AC": expected ${expectedSid('api-key')}.`],
    ],
    [
      'an API key with a non-hex digit',
      { 'auth-token': '', 'api-key': `SK${hex32('z')}`, 'api-secret': SECRET },
      'api-key',
      [expectedSid('api-key')],
    ],
  ])('refuses %s, never quoting the secret', (_case, overrides, input, fragments) => {
    const error = expectInputError(overrides, input, ...fragments);
    expect(error.message).not.toContain(TOKEN);
    expect(error.message).not.toContain(SECRET);
  });

  it.each([TOKEN, SECRET, `SK${TOKEN}`, 'ghs_16C7e42F292c6912E7710c838347Ae178B4a'])(
    'quotes only the first 2 characters of the credential %j pasted into api-key',
    (pasted) => {
      const error = expectInputError(
        { 'auth-token': '', 'api-key': pasted, 'api-secret': SECRET },
        'api-key',
      );
      expect(error.message).toBe(
        `Input 'api-key' is a ${pasted.length}-character value starting with ${JSON.stringify(pasted.slice(0, 2))}: expected ${expectedSid('api-key')}.`,
      );
      expect(error.message).not.toContain(pasted.slice(0, 3));
    },
  );
});

describe('parseSettings: SIDs', () => {
  it.each<[SidInput, string, string]>([
    ['account-sid', `SK${hex32('0')}`, 'wrong prefix'],
    ['account-sid', `AC${'0'.repeat(31)}`, 'one digit short'],
    ['account-sid', `AC${'0'.repeat(33)}`, 'one digit long'],
    ['account-sid', `AC${'0'.repeat(31)}g`, 'a non-hex digit'],
    ['account-sid', ` AC${hex32('0')}`, 'a leading space'],
    ['account-sid', `AC${hex32('0')}\n`, 'a trailing new line'],
    ['account-sid', `AC${'0'.repeat(200)}`, 'a very long value'],
    ['account-sid', TOKEN, 'an Auth Token in the wrong input'],
    ['service-sid', `AC${hex32('0')}`, 'wrong prefix'],
    ['service-sid', `IS${'0'.repeat(31)}`, 'one digit short'],
    ['service-sid', `IS${'0'.repeat(33)}`, 'one digit long'],
    ['service-sid', `IS${'x'.repeat(32)}`, 'non-hex digits'],
    ['service-sid', 'IS', 'the prefix alone'],
    ['api-key', `SK${'0'.repeat(31)}`, 'one digit short'],
    ['api-key', `sk${hex32('0')}x`, 'a lower-case prefix and a digit too many'],
    // A lower-case prefix is not blamed on upper-case hex digits, which it has not.
    ['account-sid', `ac${hex32('0')}`, 'a lower-case prefix'],
    ['service-sid', `is${hex32('a')}`, 'a lower-case prefix'],
    ['api-key', `sk${hex32('a')}`, 'a lower-case prefix'],
    ['account-sid', `ac${hex32('F')}`, 'a lower-case prefix and upper-case digits'],
  ])('refuses %s %j (%s), quoting only its first 2 characters', (input, value) => {
    const error = expectInputError({ ...AROUND_SID[input], [input]: value }, input);
    expect(error.message).toBe(
      `Input '${input}' is a ${value.length}-character value starting with ${JSON.stringify(value.slice(0, 2))}: expected ${expectedSid(input)}.`,
    );
  });

  it.each<[SidInput, string]>([
    ['account-sid', hex32('F')],
    ['account-sid', `${'0'.repeat(31)}A`],
    ['service-sid', 'aB'.repeat(16)],
    ['api-key', '9A8B7C6D5E4F30211203F4E5D6C7B8A9'],
  ])(
    'accepts %s with upper-case hex digits (%s), as Twilio’s pattern does, keeping it as written',
    (input, digits) => {
      const sid = `${SID_PREFIX[input]}${digits}`;
      const parsed = settings({ ...AROUND_SID[input], [input]: sid });
      expect({
        'account-sid': parsed.accountSid,
        'api-key': parsed.credentials.username,
        'service-sid': parsed.source.kind === 'inputs' ? parsed.source.resource : undefined,
      }).toMatchObject({
        [input]: input === 'service-sid' ? { kind: 'service', serviceSid: sid } : sid,
      });
    },
  );

  it.each<SidInput>(['account-sid', 'api-key'])('requires %s', (input) => {
    expectInputError(
      { ...AROUND_SID[input], [input]: '' },
      input,
      `is required: ${expectedSid(input)}.`,
    );
  });

  it('keeps a canonical SID exactly as written', () => {
    const parsed = settings({ 'service-sid': SERVICE });
    expect(parsed.accountSid).toBe(ACCOUNT);
    expect(parsed.source).toMatchObject({ resource: { kind: 'service', serviceSid: SERVICE } });
  });
});

describe('parseSettings: the managed fields', () => {
  it('reads the filters for the resource the inputs name', () => {
    expect(desired({ filters: 'onMessageAdded\nonUserAdded' }).filters).toEqual([
      'onMessageAdded',
      'onUserAdded',
    ]);
    expect(desired({ filters: 'none' }).filters).toEqual([]);
    expect(desired({ filters: ALL_EVENTS.join(',') }).filters).toEqual(ALL_EVENTS);
  });

  it('reads method, target and the URLs as written, or cleared', () => {
    expect(
      desired({
        method: 'pOsT',
        target: 'WEBHOOK',
        'pre-webhook-url': 'NONE',
        'post-webhook-url': 'HTTPS://Hooks.example.com/%7E',
      }),
    ).toEqual({
      method: 'POST',
      target: 'webhook',
      pre_webhook_url: null,
      post_webhook_url: 'HTTPS://Hooks.example.com/%7E',
    });
  });

  it.each<[InputName, string, () => unknown, Overrides]>([
    ['filters', 'onMesageAdded', () => parseFilters('onMesageAdded', 'account'), {}],
    ['filters', ' , ', () => parseFilters(' , ', 'account'), {}],
    ['filters', 'none,onMessageAdded', () => parseFilters('none,onMessageAdded', 'account'), {}],
    [
      'filters',
      'onUserAdded',
      () => parseFilters('onUserAdded', 'service'),
      { 'service-sid': SERVICE },
    ],
    ['method', 'PUT', () => parseMethod('PUT'), {}],
    ['target', 'studio', () => parseTarget('studio'), {}],
    ['pre-webhook-url', 'https:/example.com', () => parseWebhookUrl('https:/example.com'), {}],
    ['post-webhook-url', 'http:example.com', () => parseWebhookUrl('http:example.com'), {}],
  ])('names %s when it refuses %j, with the parser’s words', (input, value, parser, around) => {
    const problem = thrown(parser) as Error;
    expect(expectInputError({ ...around, [input]: value }, input).message).toBe(
      `Input '${input}' ${problem.message}`,
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

  it('refuses a raw "@" in the password, never quoting the password', () => {
    const error = expectInputError(
      { 'post-webhook-url': 'https://hooks:p@ss-w0rd@example.com/post' },
      'post-webhook-url',
      '"https://***@example.com/post"',
      '%40',
    );
    expect(error.message).not.toMatch(/p@ss|ss-w0rd|hooks:/);
  });
});

describe('parseSettings: config-file', () => {
  it.each([
    ['twilio/webhooks.yml', 'twilio/webhooks.yml'],
    ['./twilio//webhooks.yml', 'twilio/webhooks.yml'],
    ['twilio/../webhooks.json', 'webhooks.json'],
  ])('reads %j as the file %j inside the workspace', (value, path) => {
    expect(settings({ ...NO_RESOURCE, 'config-file': value }).source).toEqual({
      kind: 'file',
      path,
    });
  });

  it.each(['/etc/webhooks.yml', '../webhooks.yml', 'twilio/../../webhooks.yml', '..'])(
    'refuses %j, outside the workspace',
    (value) => {
      expectInputError(
        { ...NO_RESOURCE, 'config-file': value },
        'config-file',
        `is ${JSON.stringify(value)}: give a path relative to the workspace, inside it (such as twilio/webhooks.yml).`,
      );
    },
  );

  it('accepts a name that starts with two dots inside the workspace', () => {
    expect(settings({ ...NO_RESOURCE, 'config-file': '..webhooks.yml' }).source).toEqual({
      kind: 'file',
      path: '..webhooks.yml',
    });
  });

  it.each<[InputName, string]>([
    ['service-sid', SERVICE],
    ['filters', 'none'],
    ['method', 'GET'],
    ['pre-webhook-url', POST_URL],
    ['post-webhook-url', POST_URL],
    ['target', 'flex'],
  ])('refuses %s together with config-file', (input, value) => {
    expectInputError(
      { ...NO_RESOURCE, 'config-file': 'webhooks.yml', [input]: value },
      input,
      'is set together with config-file: the file describes every resource, so leave service-sid, filters, method, pre-webhook-url, post-webhook-url, target empty.',
    );
  });

  it('needs a file in export mode', () => {
    expectInputError(
      { mode: 'export' },
      'config-file',
      'is empty while mode is export: give the file to write.',
    );
    expect(settings({ ...NO_RESOURCE, mode: 'export', 'config-file': 'out.yml' })).toMatchObject({
      mode: 'export',
      source: { kind: 'file', path: 'out.yml' },
    });
  });
});

describe('parseSettings: numbers and choices', () => {
  it.each<[InputName, string, 'timeoutMs' | 'maxRetries' | 'maxConcurrency', number]>([
    ['timeout-seconds', '0.1', 'timeoutMs', 100],
    ['timeout-seconds', '16.1', 'timeoutMs', 16_100],
    ['timeout-seconds', '300', 'timeoutMs', 300_000],
    ['max-retries', '0', 'maxRetries', 0],
    ['max-retries', '10', 'maxRetries', 10],
    ['max-concurrency', '1', 'maxConcurrency', 1],
    ['max-concurrency', '16', 'maxConcurrency', 16],
  ])('reads %s %j', (input, value, setting, expected) => {
    expect(settings({ [input]: value })[setting]).toBe(expected);
  });

  it.each<[InputName, string, string]>([
    ['timeout-seconds', '0.05', 'a number of seconds from 0.1 to 300, with at most three decimals'],
    ['timeout-seconds', '301', 'a number of seconds from 0.1 to 300, with at most three decimals'],
    ['max-retries', '11', 'a whole number from 0 to 10'],
    ['max-retries', '-1', 'a whole number from 0 to 10'],
    ['max-concurrency', '0', 'a whole number from 1 to 16'],
    ['max-concurrency', '17', 'a whole number from 1 to 16'],
    ['unmanaged-services', 'error', 'warn, fail or ignore'],
    ['unmanaged-addresses', 'error', 'warn, fail or ignore'],
    ['mode', 'plan', 'apply, check or export'],
    ['mode', '', 'apply, check or export'],
    ['fail-on-drift', 'yes', 'true or false'],
    ['drift-issue', '0', 'true or false'],
    ['pr-comment', '', 'true, false or on-change'],
  ])('refuses %s %j, saying what it must be', (input, value, valid) => {
    expectInputError({ [input]: value }, input, `is ${JSON.stringify(value)}: must be ${valid}.`);
  });

  describe.each([
    ['unmanaged-services', 'unmanagedServices'],
    ['unmanaged-addresses', 'unmanagedAddresses'],
  ] as const)('%s', (input, setting) => {
    it.each([
      ['warn', 'warn'],
      ['FAIL', 'fail'],
      ['Ignore', 'ignore'],
    ])('reads %j as %s', (value, policy) => {
      expect(settings({ [input]: value })[setting]).toBe(policy);
    });
  });

  it.each([
    ['true', true],
    ['False', false],
  ])('reads fail-on-drift %j as %s', (value, expected) => {
    expect(settings({ 'fail-on-drift': value }).failOnDrift).toBe(expected);
  });
});

describe('parseSettings: mode', () => {
  it.each([
    ['apply', 'apply', {}],
    ['CHECK', 'check', {}],
    ['Export', 'export', { ...NO_RESOURCE, 'config-file': 'out.yml' }],
  ])('reads mode %j as %s', (value, mode, around) => {
    expect(settings({ ...around, mode: value }).mode).toBe(mode);
    expect(modeIfValid(inputs({ mode: value }))).toBe(mode);
  });

  it.each(['plan', 'dry-run', '', 'apply '])('knows no mode %j', (value) => {
    expect(modeIfValid(inputs({ mode: value }))).toBeUndefined();
  });

  it('knows the mode even when another input is bad, for the report of a refused run', () => {
    const bad = { mode: 'check', 'account-sid': 'nope' };
    expectInputError(bad, 'account-sid');
    expect(modeIfValid(inputs(bad))).toBe('check');
  });
});

describe('parseSettings: drift issue and pull-request comment', () => {
  const CHECK = { mode: 'check', 'github-token': 'ghs_abc' } as const;

  type Kept = { driftIssueLabels: string[] | null; prComment: 'always' | 'on-change' | null };
  it.each<[Overrides, Kept]>([
    [{ 'drift-issue': 'true' }, { driftIssueLabels: ['twilio-webhook-drift'], prComment: null }],
    [{ 'pr-comment': 'TRUE' }, { driftIssueLabels: null, prComment: 'always' }],
    [{ 'pr-comment': 'On-Change' }, { driftIssueLabels: null, prComment: 'on-change' }],
    [
      {
        'drift-issue': 'true',
        'pr-comment': 'true',
        'drift-issue-labels': ' drift , twilio,, ops ',
      },
      { driftIssueLabels: ['drift', 'twilio', 'ops'], prComment: 'always' },
    ],
  ])('keeps them in check mode with the token (%j)', (overrides, expected) => {
    const parsed = parse({ ...CHECK, ...overrides });
    expect(parsed.settings.gitHub).toEqual({ token: 'ghs_abc', ...expected });
    expect(parsed.warnings).toEqual([]);
  });

  it('keeps the drift issue in apply mode too, where an apply that fixes the drift closes it', () => {
    const parsed = parse({ 'drift-issue': 'true', 'github-token': 'ghs_abc' });
    expect(parsed.settings.gitHub).toEqual({
      token: 'ghs_abc',
      driftIssueLabels: ['twilio-webhook-drift'],
      prComment: null,
    });
    expect(parsed.warnings).toEqual([]);
  });

  it('keeps neither when both are false, token or not', () => {
    expect(settings({ mode: 'check' }).gitHub).toBeNull();
    expect(settings(CHECK).gitHub).toBeNull();
  });

  it.each<[Overrides, string[]]>([
    [
      { 'pr-comment': 'true' },
      ['pr-comment is true but mode is apply: the plan comment is kept in check mode only.'],
    ],
    [
      { 'pr-comment': 'on-change' },
      ['pr-comment is on-change but mode is apply: the plan comment is kept in check mode only.'],
    ],
    [
      {
        ...NO_RESOURCE,
        'pr-comment': 'true',
        'drift-issue': 'true',
        mode: 'export',
        'config-file': 'out.yml',
      },
      [
        'drift-issue is true but mode is export: the drift issue is kept in check and apply mode.',
        'pr-comment is true but mode is export: the plan comment is kept in check mode only.',
      ],
    ],
  ])('warns and keeps what the mode does not use, even without a token (%j)', (overrides, why) => {
    const parsed = parse(overrides);
    expect(parsed.settings.gitHub).toBeNull();
    expect(parsed.warnings).toEqual(why);
  });

  it.each<[Overrides, string]>([
    [{ 'drift-issue': 'true' }, 'is empty while drift-issue is true: give a token with issues'],
    [
      { 'pr-comment': 'true' },
      'is empty while pr-comment is true: give a token with pull-requests',
    ],
  ])('requires a token in check mode (%j)', (overrides, problem) => {
    expectInputError(
      { mode: 'check', 'github-token': '', ...overrides },
      'github-token',
      `${problem} write permission (the default is github.token).`,
    );
  });

  it('requires a label for a drift issue in check mode, never quoting the token', () => {
    const error = expectInputError(
      {
        mode: 'check',
        'drift-issue': 'true',
        'github-token': 'ghs_secret',
        'drift-issue-labels': ' , ',
      },
      'drift-issue-labels',
      'is empty while drift-issue is true',
      'at least one label',
    );
    expect(error.message).not.toContain('ghs_secret');
  });

  it('needs no label for a pull-request comment alone', () => {
    expect(
      settings({ ...CHECK, 'pr-comment': 'true', 'drift-issue-labels': '' }).gitHub,
    ).toMatchObject({ driftIssueLabels: null, prComment: 'always' });
  });
});
