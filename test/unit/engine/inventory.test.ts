import { describe, expect, it } from 'vitest';
import { takeInventory } from '../../../src/engine/inventory.js';
import type { LiveAddress } from '../../../src/model/addresses.js';
import type { TwilioApi } from '../../../src/twilio/client.js';
import type { DesiredSet } from '../../../src/model/desired.js';
import type { UnmanagedPolicy } from '../../../src/config/settings.js';
import { TransportError, TwilioApiError } from '../../../src/twilio/errors.js';
import type { Resource, ServiceSummary, LiveConfig } from '../../../src/model/webhook-config.js';
import { resourcePath } from '../../../src/model/webhook-config.js';
import {
  ACCOUNT,
  ACCOUNT_CONFIG,
  ACCOUNT_WIDE,
  BLANK_CONFIG,
  OTHER_ACCOUNT,
  OTHER_SERVICE,
  PER_SERVICE,
  SERVICE,
} from '../fixtures.js';

const THIRD = 'IS0000000000000000000000000000000a';
const SERVICES: ServiceSummary[] = [
  { sid: SERVICE, friendlyName: 'Support' },
  { sid: OTHER_SERVICE, friendlyName: 'Sales' },
  { sid: THIRD, friendlyName: 'Quiet' },
];
const OWN_HOOKS: LiveConfig = {
  ...BLANK_CONFIG,
  account_sid: ACCOUNT,
  post_webhook_url: 'https://sales.example.com/post',
};
/** An Address Configuration of the account that auto-creates conversations in Sales. */
const ADDRESSES: LiveAddress[] = [
  {
    sid: 'IG0123456789abcdef0123456789abcdef',
    address: '+15005550006',
    type: 'sms',
    config: {
      account_sid: ACCOUNT,
      'auto_creation.enabled': 'true',
      'auto_creation.type': 'default',
      'auto_creation.conversation_service_sid': OTHER_SERVICE,
    },
  },
];
const serviceConfig = (sid: string): LiveConfig =>
  sid === OTHER_SERVICE
    ? { ...OWN_HOOKS, chat_service_sid: sid }
    : { ...BLANK_CONFIG, account_sid: ACCOUNT, chat_service_sid: sid };

/**
 * Twilio in memory: the account-wide configuration and one per service, the services list (or
 * the error listing them raises), the Address Configurations, each call recorded, and how many
 * fetches ran at once at most.
 */
function fakeTwilio(options: { list?: ServiceSummary[] | Error; account?: LiveConfig } = {}) {
  const calls: string[] = [];
  let inFlight = 0;
  let most = 0;
  const reader: TwilioApi = {
    async fetchConfig(resource: Resource) {
      calls.push(`GET ${resourcePath(resource)}`);
      inFlight++;
      most = Math.max(most, inFlight);
      for (let i = 0; i < 3; i++) await Promise.resolve();
      inFlight--;
      if (resource.kind === 'address') throw new Error('no address is declared here');
      return resource.kind === 'account'
        ? (options.account ?? ACCOUNT_CONFIG)
        : serviceConfig(resource.serviceSid);
    },
    listServices() {
      calls.push('GET /v1/Services');
      const list = options.list ?? SERVICES;
      return list instanceof Error ? Promise.reject(list) : Promise.resolve(list);
    },
    listAddresses() {
      calls.push('GET /v1/Configuration/Addresses');
      return Promise.resolve(ADDRESSES);
    },
    updateConfig: () => Promise.reject(new Error('taking the inventory sends no update')),
    createAddress: () => Promise.reject(new Error('taking the inventory creates nothing')),
    close: () => Promise.resolve(),
  };
  return { reader, calls, most: () => most };
}

const fromInputs = (resource: Resource): DesiredSet => ({
  kind: 'inputs',
  wanted: { resource, name: undefined, desired: { post_webhook_url: null } },
});

/** A desired-state file: the account-wide configuration if `account`, and the services given. */
const fromFile = (
  account: boolean,
  ...refs: ({ sid: string } | { name: string })[]
): DesiredSet => ({
  kind: 'file',
  state: {
    file: 'twilio/webhooks.yml',
    account: account ? { method: 'POST' } : undefined,
    services: refs.map((ref, index) => ({ ref, desired: { filters: [] }, line: 3 + index })),
    addresses: [],
    variables: [],
  },
});

/** The inventory under one policy for both unmanaged services and unmanaged addresses. */
const inventory = (
  twilio: TwilioApi,
  desired: DesiredSet,
  unmanaged: UnmanagedPolicy = 'warn',
  maxConcurrency = 4,
) =>
  takeInventory(twilio, desired, {
    accountSid: ACCOUNT,
    unmanagedServices: unmanaged,
    unmanagedAddresses: unmanaged,
    maxConcurrency,
  });

const status = (code: number) =>
  new TwilioApiError('GET /v1/Services', code, { code: 20003, description: 'not allowed' });

describe('takeInventory', () => {
  it('fetches the account-wide configuration, every service’s own to find overrides, and lists the addresses', async () => {
    const twilio = fakeTwilio();
    const found = await inventory(twilio.reader, fromInputs(ACCOUNT_WIDE));
    expect(found.managed).toEqual([
      {
        resource: ACCOUNT_WIDE,
        name: undefined,
        desired: { post_webhook_url: null },
        live: ACCOUNT_CONFIG,
      },
    ]);
    expect(found.others).toEqual(
      SERVICES.map((service) => ({ service, config: serviceConfig(service.sid) })),
    );
    expect(found.listProblem).toBeUndefined();
    expect(found.services).toEqual(SERVICES);
    expect(found.otherAddresses).toEqual(ADDRESSES);
    expect(found.addressProblem).toBeUndefined();
    expect(twilio.calls).toEqual([
      'GET /v1/Services',
      'GET /v1/Configuration/Addresses',
      'GET /v1/Configuration/Webhooks',
      ...SERVICES.map(({ sid }) => `GET /v1/Services/${sid}/Configuration/Webhooks`),
    ]);
  });

  it.each<[string, DesiredSet, UnmanagedPolicy]>([
    [
      'the account-wide configuration, when told to ignore them',
      fromInputs(ACCOUNT_WIDE),
      'ignore',
    ],
    ['a service’s configuration', fromInputs(PER_SERVICE), 'fail'],
    ['a file of services by SID', fromFile(false, { sid: SERVICE }), 'warn'],
  ])('looks at no other service or address when it manages %s', async (_case, desired, policy) => {
    const twilio = fakeTwilio();
    const found = await inventory(twilio.reader, desired, policy);
    expect(found.others).toBeUndefined();
    expect(found.otherAddresses).toBeUndefined();
    expect(twilio.calls).not.toContain('GET /v1/Services');
    expect(twilio.calls).not.toContain('GET /v1/Configuration/Addresses');
    expect(found.managed).toHaveLength(1);
  });

  it('still lists the services for the addresses under unmanaged-services: ignore, fetching no other service', async () => {
    const twilio = fakeTwilio();
    const found = await takeInventory(twilio.reader, fromInputs(ACCOUNT_WIDE), {
      accountSid: ACCOUNT,
      unmanagedServices: 'ignore',
      unmanagedAddresses: 'warn',
      maxConcurrency: 4,
    });
    expect(found.others).toBeUndefined();
    expect(found.services).toEqual(SERVICES);
    expect(found.otherAddresses).toEqual(ADDRESSES);
    expect(twilio.calls).toEqual([
      'GET /v1/Services',
      'GET /v1/Configuration/Addresses',
      'GET /v1/Configuration/Webhooks',
    ]);
  });

  it.each([401, 403])(
    'only notes that a key refused with %d may not list the services',
    async (code) => {
      const twilio = fakeTwilio({ list: status(code) });
      const found = await inventory(twilio.reader, fromInputs(ACCOUNT_WIDE));
      expect(found.listProblem).toBe(
        `the credential may not list services (Twilio answered ${code} to GET /v1/Services: not allowed)`,
      );
      expect(found.others).toBeUndefined();
      expect(found.managed.map((m) => m.live)).toEqual([ACCOUNT_CONFIG]);
    },
  );

  it.each<[string, Error, DesiredSet]>([
    ['a 500', status(500), fromInputs(ACCOUNT_WIDE)],
    [
      'a dropped connection',
      new TransportError('GET /v1/Services', 'connection', 'reset'),
      fromInputs(ACCOUNT_WIDE),
    ],
    ['a 403 when names must be resolved', status(403), fromFile(false, { name: 'Support' })],
  ])('fails on %s listing the services', async (_case, error, desired) => {
    await expect(inventory(fakeTwilio({ list: error }).reader, desired)).rejects.toBe(error);
  });

  it('resolves services named in a file, even when told to ignore the others', async () => {
    const twilio = fakeTwilio();
    const found = await inventory(twilio.reader, fromFile(false, { name: 'Sales' }), 'ignore');
    expect(found.managed).toEqual([
      {
        resource: { kind: 'service', serviceSid: OTHER_SERVICE },
        name: 'Sales',
        desired: { filters: [] },
        live: serviceConfig(OTHER_SERVICE),
      },
    ]);
    expect(found.others).toBeUndefined();
  });

  it('names the services a file gives by SID, and leaves the declared ones out of the others', async () => {
    const found = await inventory(
      fakeTwilio().reader,
      fromFile(true, { sid: SERVICE }, { name: 'Quiet' }),
    );
    expect(found.managed.map((m) => [m.resource, m.name])).toEqual([
      [ACCOUNT_WIDE, undefined],
      [PER_SERVICE, 'Support'],
      [{ kind: 'service', serviceSid: THIRD }, 'Quiet'],
    ]);
    expect(found.others?.map((o) => o.service.sid)).toEqual([OTHER_SERVICE]);
  });

  it('refuses a configuration of another account', async () => {
    const twilio = fakeTwilio({ account: { ...ACCOUNT_CONFIG, account_sid: OTHER_ACCOUNT } });
    await expect(inventory(twilio.reader, fromInputs(ACCOUNT_WIDE), 'ignore')).rejects.toThrow(
      `Twilio answered for account ${OTHER_ACCOUNT}, not account-sid ${ACCOUNT}`,
    );
  });

  it('refuses a configuration without an account_sid, which cannot be tied to the account', async () => {
    const twilio = fakeTwilio({ account: { ...ACCOUNT_CONFIG, account_sid: null } });
    await expect(inventory(twilio.reader, fromInputs(ACCOUNT_WIDE), 'ignore')).rejects.toThrow(
      `Twilio's answer has no account_sid (null or missing): it cannot be tied to the account (account-sid ${ACCOUNT})`,
    );
  });

  it('takes a SID in either case of hex digit for the same service, calling it as listed', async () => {
    const upper = (sid: string) => `IS${sid.slice(2).toUpperCase()}`;
    const listed = SERVICES.map((s) => (s.sid === OTHER_SERVICE ? { ...s, sid: upper(s.sid) } : s));
    const twilio = fakeTwilio({ list: listed });
    const found = await inventory(
      twilio.reader,
      fromFile(true, { sid: upper(SERVICE) }, { sid: OTHER_SERVICE }),
    );
    expect(found.managed.map((m) => [m.resource, m.name])).toEqual([
      [ACCOUNT_WIDE, undefined],
      [PER_SERVICE, 'Support'],
      [{ kind: 'service', serviceSid: upper(OTHER_SERVICE) }, 'Sales'],
    ]);
    // Declared in the other case is declared: only the third service is another one.
    expect(found.others?.map((o) => o.service.sid)).toEqual([THIRD]);
    expect(twilio.calls.filter((call) => call.includes('/Services/'))).toHaveLength(3);
  });

  it('calls a service by the SID as the file gives it when the services are not listed', async () => {
    const upper = `IS${SERVICE.slice(2).toUpperCase()}`;
    const twilio = fakeTwilio();
    const found = await inventory(twilio.reader, fromFile(false, { sid: upper }));
    expect(found.managed.map((m) => m.resource)).toEqual([{ kind: 'service', serviceSid: upper }]);
    expect(twilio.calls).toEqual([`GET /v1/Services/${upper}/Configuration/Webhooks`]);
  });

  it('fetches at most max-concurrency configurations at once', async () => {
    const many = Array.from({ length: 12 }, (_, i) => ({
      sid: `IS${i.toString(16).padStart(32, '0')}`,
      friendlyName: `Service ${i}`,
    }));
    const twilio = fakeTwilio({ list: many });
    const found = await inventory(twilio.reader, fromInputs(ACCOUNT_WIDE), 'warn', 3);
    expect(found.others).toHaveLength(12);
    expect(twilio.most()).toBe(3);
  });
});
