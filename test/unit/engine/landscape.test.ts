// The account around what a run manages, after the run: every Address Configuration and where a
// message to it goes (addressesReport), and every service with the addresses that auto-create
// conversations in it (servicesReport's addresses column).
import { describe, expect, it } from 'vitest';
import type { Inventory } from '../../../src/engine/inventory.js';
import { addressesReport, servicesReport } from '../../../src/engine/landscape.js';
import type { After } from '../../../src/engine/landscape.js';
import type { LiveAddress } from '../../../src/model/addresses.js';
import type { AddressesReport, AddressLevel } from '../../../src/model/result.js';
import type { LiveConfig, ServiceSummary } from '../../../src/model/webhook-config.js';
import {
  ACCOUNT_CONFIG,
  addressConfig,
  ACCOUNT_WIDE,
  BLANK_CONFIG,
  OTHER_SERVICE,
  PER_SERVICE,
  SERVICE,
} from '../fixtures.js';

const SUPPORT = 'IS00000000000000000000000000000a01';
const SALES = 'IS00000000000000000000000000000a02';
const GONE = 'IS0000000000000000000000000000dead';
const LINE_SID = 'IG00000000000000000000000000000001';
const CREATED_SID = 'IG00000000000000000000000000000002';
const OTHER_SID = 'IG00000000000000000000000000000003';
const OFF_SID = 'IG00000000000000000000000000000004';
const HOOK = 'https://hooks:pw@api.example.com/twilio/auto';

const SERVICES: readonly ServiceSummary[] = [
  { sid: SUPPORT, friendlyName: 'Support desk' },
  { sid: SALES, friendlyName: '' },
];

function inventory(overrides: Partial<Inventory> = {}): Inventory {
  return {
    managed: [],
    others: [],
    services: SERVICES,
    listProblem: undefined,
    overridesWanted: true,
    otherAddresses: [],
    addressProblem: undefined,
    ...overrides,
  };
}

const other = (sid: string, address: string, fields: Record<string, string | null>) =>
  ({ sid, address, type: 'sms', config: addressConfig(fields) }) satisfies LiveAddress;

/** A managed address after the run, as run-result.ts hands it over. */
const managed = (
  address: string,
  sid: string | undefined,
  current: LiveConfig | undefined,
): After => ({
  resource: { kind: 'address', address, addressType: 'sms', sid },
  name: undefined,
  config: current,
});

/** What addressesReport says of one address, over the defaults of a disabled, default one. */
const level = (fields: Partial<AddressLevel> & Pick<AddressLevel, 'address'>): AddressLevel => ({
  sid: undefined,
  managed: false,
  enabled: false,
  autoCreationType: null,
  serviceSid: null,
  serviceName: undefined,
  dangling: false,
  webhookUrl: null,
  ...fields,
});

describe('addressesReport', () => {
  it('says nothing when the addresses were not looked at', () => {
    expect(addressesReport(inventory({ otherAddresses: undefined }), [])).toBeUndefined();
  });

  it('says why when they could not be listed', () => {
    expect(
      addressesReport(
        inventory({ otherAddresses: undefined, addressProblem: 'the credential may not list' }),
        [],
      ),
    ).toEqual({ listed: false, problem: 'the credential may not list' });
  });

  it('lists the managed addresses after the run, then the others, with where each message goes', () => {
    const report = addressesReport(
      inventory({
        otherAddresses: [
          other(OTHER_SID, '+15005550009', {
            'auto_creation.enabled': 'true',
            'auto_creation.type': 'studio',
            'auto_creation.conversation_service_sid': SALES,
          }),
          other(OFF_SID, 'support@example.com', { 'auto_creation.enabled': 'false' }),
        ],
      }),
      [
        { resource: { kind: 'account' }, name: undefined, config: undefined },
        { resource: { kind: 'service', serviceSid: SUPPORT }, name: 'Support desk', config: {} },
        managed(
          '+15005550006',
          LINE_SID,
          addressConfig({
            sid: LINE_SID,
            'auto_creation.enabled': 'true',
            'auto_creation.type': 'webhook',
            // Twilio answers SIDs in either case of hex digit.
            'auto_creation.conversation_service_sid': SUPPORT.toUpperCase(),
            'auto_creation.webhook_url': HOOK,
          }),
        ),
        // Created by this run: its SID is only in Twilio's answer.
        managed(
          'whatsapp:+15005550006',
          undefined,
          addressConfig({ sid: CREATED_SID, 'auto_creation.enabled': 'true' }),
        ),
      ],
    );
    expect(report).toEqual({
      listed: true,
      addresses: [
        level({
          address: '+15005550006',
          sid: LINE_SID,
          managed: true,
          enabled: true,
          autoCreationType: 'webhook',
          serviceSid: SUPPORT.toUpperCase(),
          serviceName: 'Support desk',
          webhookUrl: HOOK,
        }),
        level({
          address: 'whatsapp:+15005550006',
          sid: CREATED_SID,
          managed: true,
          enabled: true,
        }),
        level({
          address: '+15005550009',
          sid: OTHER_SID,
          enabled: true,
          autoCreationType: 'studio',
          serviceSid: SALES,
          serviceName: '',
        }),
        level({ address: 'support@example.com', sid: OFF_SID }),
      ],
      servicesProblem: undefined,
    } satisfies AddressesReport);
  });

  it.each([
    ['not created in check mode', addressConfig({}), undefined],
    ['whose outcome is unknown', undefined, undefined],
  ])('reports a managed address %s without a SID, and as not enabled', (_, current, sid) => {
    expect(addressesReport(inventory(), [managed('+15005550006', undefined, current)])).toEqual({
      listed: true,
      addresses: [level({ address: '+15005550006', sid, managed: true })],
    });
  });

  it.each([
    ['a service the account lists', SUPPORT, SERVICES, false],
    ['a service the account does not list', GONE, SERVICES, true],
    ['a service when the services could not be listed', GONE, undefined, false],
  ])('calls dangling an address that auto-creates into %s: %s', (_, sid, services, dangling) => {
    const report = addressesReport(inventory({ services }), [
      managed(
        '+15005550006',
        LINE_SID,
        addressConfig({
          'auto_creation.enabled': 'false',
          'auto_creation.conversation_service_sid': sid,
        }),
      ),
    ]);
    expect(report).toEqual({
      listed: true,
      addresses: [
        level({
          address: '+15005550006',
          sid: LINE_SID,
          managed: true,
          serviceSid: sid,
          serviceName: dangling || services === undefined ? undefined : 'Support desk',
          dangling,
        }),
      ],
    });
  });

  it('never calls the default service dangling', () => {
    const report = addressesReport(inventory({ services: [] }), [
      managed('+15005550006', LINE_SID, addressConfig({ 'auto_creation.enabled': 'true' })),
    ]);
    expect(report).toEqual({
      listed: true,
      addresses: [level({ address: '+15005550006', sid: LINE_SID, managed: true, enabled: true })],
    });
  });
});

describe('servicesReport with the addresses column', () => {
  const addresses = (...levels: AddressLevel[]): AddressesReport => ({
    listed: true,
    addresses: levels,
    servicesProblem: undefined,
  });
  const withOthers = inventory({
    others: [
      { service: { sid: SALES, friendlyName: 'Sales' }, config: { post_webhook_url: 'https://x' } },
    ],
  });
  const after: After[] = [
    {
      resource: { kind: 'service', serviceSid: SUPPORT },
      name: 'Support desk',
      config: { post_webhook_url: null, pre_webhook_url: null },
    },
  ];

  it('lists in each service the enabled addresses that auto-create into it, SIDs in either case', () => {
    const report = servicesReport(
      withOthers,
      after,
      addresses(
        level({ address: '+15005550006', enabled: true, serviceSid: SUPPORT.toUpperCase() }),
        level({ address: 'whatsapp:+15005550006', enabled: true, serviceSid: SUPPORT }),
        // Off: a message to it creates nothing.
        level({ address: 'support@example.com', enabled: false, serviceSid: SUPPORT }),
        level({ address: '+15005550009', enabled: true, serviceSid: SALES }),
        // The account's default service is none of the listed ones.
        level({ address: '+15005550010', enabled: true, serviceSid: null }),
      ),
    );
    expect(report).toEqual({
      listed: true,
      services: [
        {
          sid: SUPPORT,
          name: 'Support desk',
          managed: true,
          fires: 'account',
          config: { post_webhook_url: null, pre_webhook_url: null },
          addresses: ['+15005550006', 'whatsapp:+15005550006'],
        },
        {
          sid: SALES,
          name: 'Sales',
          managed: false,
          fires: 'service',
          config: { post_webhook_url: 'https://x' },
          addresses: ['+15005550009'],
        },
      ],
    });
  });

  it.each([
    ['not looked at', undefined],
    ['not listed', { listed: false, problem: 'a 403' } as const],
  ])('leaves the column empty when the addresses were %s', (_, report) => {
    const services = servicesReport(withOthers, after, report);
    expect(services?.listed === true && services.services.map((s) => s.addresses)).toEqual([
      [],
      [],
    ]);
  });
});

describe('servicesReport', () => {
  const QUIET = 'IS0000000000000000000000000000000a';
  const OWN_HOOKS: LiveConfig = {
    ...BLANK_CONFIG,
    post_webhook_url: 'https://sales.example.com/post',
  };
  /** The addresses were not looked at: no service is said to receive any. */
  const NO_ADDRESSES = undefined;
  const found = (overrides: Partial<Inventory> = {}): Inventory =>
    inventory({
      others: [
        { service: { sid: OTHER_SERVICE, friendlyName: 'Sales' }, config: OWN_HOOKS },
        { service: { sid: QUIET, friendlyName: 'Quiet' }, config: BLANK_CONFIG },
      ],
      ...overrides,
    });

  it('gives every service and whose hooks fire for it: declared ones first, as they are after the run', () => {
    expect(
      servicesReport(
        found(),
        [
          { resource: ACCOUNT_WIDE, name: undefined, config: ACCOUNT_CONFIG },
          {
            resource: PER_SERVICE,
            name: 'Support',
            config: { ...BLANK_CONFIG, pre_webhook_url: 'x' },
          },
          { resource: { kind: 'service', serviceSid: QUIET }, name: undefined, config: undefined },
        ],
        NO_ADDRESSES,
      ),
    ).toEqual({
      listed: true,
      services: [
        {
          sid: SERVICE,
          name: 'Support',
          managed: true,
          fires: 'service',
          config: { ...BLANK_CONFIG, pre_webhook_url: 'x' },
          addresses: [],
        },
        { sid: QUIET, name: '', managed: true, fires: 'account', config: undefined, addresses: [] },
        {
          sid: OTHER_SERVICE,
          name: 'Sales',
          managed: false,
          fires: 'service',
          config: OWN_HOOKS,
          addresses: [],
        },
        {
          sid: QUIET,
          name: 'Quiet',
          managed: false,
          fires: 'account',
          config: BLANK_CONFIG,
          addresses: [],
        },
      ],
    });
  });

  it.each<[string, LiveConfig, 'service' | 'account']>([
    ['a pre-event URL', { ...BLANK_CONFIG, pre_webhook_url: 'https://a.example' }, 'service'],
    ['a post-event URL', OWN_HOOKS, 'service'],
    [
      'filters and a method but no URL',
      { ...BLANK_CONFIG, filters: ['onMessageAdded'], method: 'POST' },
      'account',
    ],
    ['empty URLs', { ...BLANK_CONFIG, pre_webhook_url: '', post_webhook_url: '' }, 'account'],
  ])('takes a service with %s for one whose own hooks fire (%s)', (_case, config, fires) => {
    const report = servicesReport(
      found({ others: [{ service: { sid: SERVICE, friendlyName: 'Support' }, config }] }),
      [],
      NO_ADDRESSES,
    );
    expect(report).toEqual({
      listed: true,
      services: [{ sid: SERVICE, name: 'Support', managed: false, fires, config, addresses: [] }],
    });
  });

  it('says why the services are unknown when they could not be listed', () => {
    expect(
      servicesReport(found({ others: undefined, listProblem: 'not allowed' }), [], NO_ADDRESSES),
    ).toEqual({ listed: false, problem: 'not allowed' });
  });

  it.each<[string, Partial<Inventory>]>([
    ['the services were not looked at', { others: undefined }],
    [
      'only the addresses needed them (no account-wide configuration to override)',
      { overridesWanted: false, listProblem: 'not allowed' },
    ],
  ])('has no report when %s', (_case, overrides) => {
    expect(servicesReport(found(overrides), [], NO_ADDRESSES)).toBeUndefined();
  });
});
