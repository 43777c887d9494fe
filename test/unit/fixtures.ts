// Shared data and helpers of the unit tests: raw inputs as the runner passes them, the refusal
// they raise, and sample configurations and results. Pure: no network, no waiting (action.yml's
// defaults are read once, by test/support/dist-run.ts).
import { expect } from 'vitest';
import type { InputName, RawInputs } from '../../src/config/contract.js';
import { InvalidValue } from '../../src/core/errors.js';
import { InputError } from '../../src/config/input-parsers.js';
import type {
  AddressesReport,
  AddressLevel,
  ResourceResult,
  RunResult,
  ServiceLevel,
  ServicesReport,
} from '../../src/model/result.js';
import { parseSettings } from '../../src/config/settings.js';
import type { ParsedSettings, Settings } from '../../src/config/settings.js';
import type { Resource, LiveConfig } from '../../src/model/webhook-config.js';
import { fieldsOf } from '../../src/model/fields.js';
import { withDefaults } from '../support/dist-run.js';

export const ACCOUNT = 'AC0123456789abcdef0123456789abcdef';
export const OTHER_ACCOUNT = 'ACffffffffffffffffffffffffffffffff';
export const SERVICE = 'IS00112233445566778899aabbccddeeff';
export const OTHER_SERVICE = 'ISffeeddccbbaa99887766554433221100';
export const KEY = 'SK9a8b7c6d5e4f30211203f4e5d6c7b8a9';
export const TOKEN = 'tok-3f9a1c77e0b2d4';
export const SECRET = 'sec-8c1d5e2fa90b37';
export const POST_URL = 'https://hooks.example.com/post';

export const ACCOUNT_WIDE: Resource = { kind: 'account' };
export const PER_SERVICE: Resource = { kind: 'service', serviceSid: SERVICE };

/** Text from the network that would be runner commands if it reached the log as lines. */
export const COMMANDS = '\n::add-mask::x\n::error::y\n::stop-commands::z';

export type Overrides = Partial<Record<InputName, string>>;

/**
 * Valid raw inputs, as the runner passes them: action.yml's defaults ('' for an input without one,
 * and for github-token, whose default github.token is the runner's to evaluate: a run without a
 * token is the case to test), plus an account, an Auth Token and one managed field.
 */
export function inputs(overrides: Overrides = {}): RawInputs {
  return withDefaults({
    'account-sid': ACCOUNT,
    'auth-token': TOKEN,
    'post-webhook-url': POST_URL,
    ...overrides,
  });
}

export function parse(overrides: Overrides = {}): ParsedSettings {
  return parseSettings(inputs(overrides));
}

export function settings(overrides: Overrides = {}): Settings {
  return parse(overrides).settings;
}

/** What `run` throws; fails the test if it throws nothing. */
export function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error, but nothing was thrown');
}

/** The InputError these inputs raise; fails the test if they raise nothing or something else. */
function inputError(overrides: Overrides): InputError {
  const error = thrown(() => parse(overrides));
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

/**
 * Asserts the InputError names `input` (as its property and at the start of its message), and that
 * the message holds each fragment: the bad value and what would be valid.
 */
export function expectInputError(
  overrides: Overrides,
  input: InputName,
  ...fragments: string[]
): InputError {
  const error = inputError(overrides);
  expect(error.input).toBe(input);
  expect(error.name).toBe('InputError');
  expect(error.message.startsWith(`Input '${input}' `)).toBe(true);
  for (const fragment of fragments) expect(error.message).toContain(fragment);
  return error;
}

/** The InvalidValue `parse` throws for `value`: a problem that names no input. */
export function invalidValue(parse: (value: string) => unknown, value: string): InvalidValue {
  const error = thrown(() => parse(value));
  expect(error).toBeInstanceOf(InvalidValue);
  expect((error as Error).message).not.toMatch(/^Input '/);
  return error as InvalidValue;
}

/** The account-wide configuration as Twilio describes it (every field it has, as its own type). */
export const ACCOUNT_CONFIG = {
  account_sid: ACCOUNT,
  method: 'GET',
  filters: ['onMessageAdded'],
  pre_webhook_url: null,
  post_webhook_url: 'https://old.example.com/post',
  target: 'webhook',
  url: 'https://conversations.twilio.com/v1/Configuration/Webhooks',
} satisfies LiveConfig;

/** The same resource after an update of method, filters and post_webhook_url. */
export const UPDATED_CONFIG = {
  ...ACCOUNT_CONFIG,
  method: 'POST',
  filters: ['onMessageAdded', 'onParticipantAdded'],
  post_webhook_url: 'https://new.example.com/post',
} satisfies LiveConfig;

/** A never-configured resource: every field null. */
export const BLANK_CONFIG: LiveConfig = {
  account_sid: null,
  chat_service_sid: null,
  method: null,
  filters: null,
  pre_webhook_url: null,
  post_webhook_url: null,
  target: null,
  url: null,
};

/** An Address Configuration as read from an answer: every field null unless given. */
export function addressConfig(
  fields: Partial<Record<string, string | readonly string[] | null>> = {},
): LiveConfig {
  return {
    ...Object.fromEntries(fieldsOf('address').map(({ field }) => [field, null])),
    ...fields,
  };
}

/** The account-wide resource, updated in method and post_webhook_url, with target in sync. */
export function resourceResult(overrides: Partial<ResourceResult> = {}): ResourceResult {
  return {
    resource: ACCOUNT_WIDE,
    name: undefined,
    desired: {
      method: 'POST',
      post_webhook_url: 'https://new.example.com/post',
      target: 'webhook',
    },
    previous: ACCOUNT_CONFIG,
    diff: [
      { field: 'method', actual: 'GET', desired: 'POST' },
      {
        field: 'post_webhook_url',
        actual: 'https://old.example.com/post',
        desired: 'https://new.example.com/post',
      },
    ],
    current: UPDATED_CONFIG,
    status: 'updated',
    changed: true,
    ...overrides,
  };
}

/** The same resource, found drifted by a check. */
export function driftedResource(overrides: Partial<ResourceResult> = {}): ResourceResult {
  return resourceResult({
    status: 'drifted',
    changed: false,
    current: ACCOUNT_CONFIG,
    ...overrides,
  });
}

/** The same resource, in sync. */
export function inSyncResource(overrides: Partial<ResourceResult> = {}): ResourceResult {
  return resourceResult({
    diff: [],
    status: 'in-sync',
    changed: false,
    previous: UPDATED_CONFIG,
    ...overrides,
  });
}

/** A service's own configuration, in sync, named. */
export function serviceResource(
  serviceSid: string,
  overrides: Partial<ResourceResult> = {},
): ResourceResult {
  const config: LiveConfig = {
    ...UPDATED_CONFIG,
    chat_service_sid: serviceSid,
    url: `https://conversations.twilio.com/v1/Services/${serviceSid}/Configuration/Webhooks`,
  };
  return inSyncResource({
    resource: { kind: 'service', serviceSid },
    name: 'Support',
    desired: { post_webhook_url: 'https://new.example.com/post' },
    previous: config,
    current: config,
    ...overrides,
  });
}

/** A run of the resources given (by default the one updated account-wide resource). */
export function runResult(overrides: Partial<RunResult> = {}): RunResult {
  return {
    mode: 'apply',
    accountSid: ACCOUNT,
    file: undefined,
    resources: [resourceResult()],
    services: undefined,
    addresses: undefined,
    stopped: undefined,
    probed: [],
    skipped: undefined,
    failures: [],
    warnings: [],
    ...overrides,
  };
}

/** An apply run of one resource. */
export function single(
  resource: Partial<ResourceResult> = {},
  run: Partial<RunResult> = {},
): RunResult {
  return runResult({ resources: [resourceResult(resource)], ...run });
}

/** A check run that found the account-wide resource's two fields drifted. */
export function driftedCheck(
  resource: Partial<ResourceResult> = {},
  run: Partial<RunResult> = {},
): RunResult {
  return runResult({ mode: 'check', resources: [driftedResource(resource)], ...run });
}

/** The rows of an HTML table's body, each as its list of cell contents. */
export function tableRows(table: string): string[][] {
  const body = /<tbody>(.*)<\/tbody>/s.exec(table)?.[1] ?? '';
  return [...body.matchAll(/<tr>(.*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<td>(.*?)<\/td>/g)].map((cell) => cell[1] ?? ''),
  );
}

export function tableHeaders(table: string): string[] {
  return [...table.matchAll(/<th>(.*?)<\/th>/g)].map((h) => h[1] ?? '');
}

/** A service of the account as the report describes it: by default one nobody declared that overrides the account-wide hooks. */
export function service(overrides: Partial<ServiceLevel> = {}): ServiceLevel {
  return {
    sid: OTHER_SERVICE,
    name: 'Sales',
    managed: false,
    fires: 'service',
    config: {
      ...BLANK_CONFIG,
      pre_webhook_url: 'https://sales.example.com/pre',
      post_webhook_url: 'https://sales.example.com/post',
    },
    addresses: [],
    ...overrides,
  };
}
export const listed = (...services: ServiceLevel[]): ServicesReport => ({ listed: true, services });

/** An Address Configuration as the report describes it: by default one nobody declared, auto-creating into Sales. */
export function addressLevel(overrides: Partial<AddressLevel> = {}): AddressLevel {
  return {
    address: '+15005550006',
    sid: 'IG0123456789abcdef0123456789abcdef',
    managed: false,
    enabled: true,
    autoCreationType: 'webhook',
    serviceSid: OTHER_SERVICE,
    serviceName: 'Sales',
    dangling: false,
    webhookUrl: 'https://user:pass@hooks.example.com/auto?token=abc',
    ...overrides,
  };
}

export const listedAddresses = (...addresses: AddressLevel[]): AddressesReport => ({
  listed: true,
  addresses,
  servicesProblem: undefined,
});

/** An Address Configuration the file declares and Twilio does not have yet, drifted in a check. */
export function missingAddress(address = '+15005550010'): ResourceResult {
  const resource: Resource = { kind: 'address', address, addressType: 'sms', sid: undefined };
  const desired = { 'auto_creation.enabled': 'true' as const };
  return {
    resource,
    name: undefined,
    desired,
    previous: addressConfig(),
    diff: [{ field: 'auto_creation.enabled', actual: null, desired: 'true' }],
    current: addressConfig(),
    status: 'drifted',
    changed: false,
  };
}
