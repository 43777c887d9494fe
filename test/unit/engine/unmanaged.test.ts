import { describe, expect, it } from 'vitest';
import {
  addressWarnings,
  autoCreating,
  overriding,
  unmanagedAddressFailures,
  unmanagedFailures,
  unmanagedWarnings,
  whereTo,
} from '../../../src/engine/unmanaged.js';
import type { AddressesReport, AddressLevel } from '../../../src/model/result.js';
import { BLANK_CONFIG, listed, OTHER_SERVICE, SERVICE, service } from '../fixtures.js';

const FILE = 'twilio/webhooks.yml';

describe('overriding and unmanagedFailures', () => {
  const report = listed(
    service(),
    service({ sid: 'IS1', managed: true }),
    service({ sid: 'IS2', fires: 'account' }),
  );

  it('finds the services nobody declared whose own hooks fire, and only them', () => {
    expect(overriding(report).map((s) => s.sid)).toEqual([OTHER_SERVICE]);
    expect(overriding({ listed: false, problem: 'a 403' })).toEqual([]);
    expect(overriding(undefined)).toEqual([]);
  });

  it('fails the run for them under "fail" only', () => {
    expect(unmanagedFailures(report, 'fail')).toEqual([
      `1 service not declared overrides the account-wide configuration (unmanaged-services: fail): ${OTHER_SERVICE}.`,
    ]);
    expect(unmanagedFailures(report, 'warn')).toEqual([]);
    expect(unmanagedFailures(listed(service({ managed: true })), 'fail')).toEqual([]);
  });
});

describe('unmanagedWarnings', () => {
  const OVERRIDES =
    'has its own webhook configuration (pre-webhook-url https://sales.example.com/pre, post-webhook-url https://sales.example.com/post): it overrides the account-wide configuration, so for its conversations only its own hooks fire.';

  it('warns of each undeclared service whose own hooks fire', () => {
    const report = listed(
      service(),
      service({ sid: SERVICE, name: '', config: { ...BLANK_CONFIG, post_webhook_url: 'x' } }),
      service({ sid: 'IS1', managed: true }),
      service({ sid: 'IS2', fires: 'account' }),
    );
    expect(unmanagedWarnings(report, undefined)).toEqual([
      `Service ${OTHER_SERVICE} (Sales) is not declared and ${OVERRIDES}`,
      `Service ${SERVICE} is not declared and has its own webhook configuration (post-webhook-url x): it overrides the account-wide configuration, so for its conversations only its own hooks fire.`,
    ]);
  });

  it('names the file the service is not declared in', () => {
    expect(unmanagedWarnings(listed(service()), FILE)).toEqual([
      `Service ${OTHER_SERVICE} (Sales) is not declared in ${FILE} and ${OVERRIDES}`,
    ]);
  });

  it('says so when the services could not be listed', () => {
    expect(unmanagedWarnings({ listed: false, problem: 'a 403 from Twilio' }, undefined)).toEqual([
      'Could not check for services that override the account-wide configuration: a 403 from Twilio. Give the credential permission to list Conversations services, or set unmanaged-services: ignore.',
    ]);
  });

  it('has nothing to say when the services were not looked at', () => {
    expect(unmanagedWarnings(undefined, undefined)).toEqual([]);
  });
});

// --- Address Configurations: unmanaged-addresses, and addresses whose service does not exist ---

const DESK = 'IS00000000000000000000000000000a01';
const GONE = 'IS0000000000000000000000000000dead';
const LINE_SID = 'IG00000000000000000000000000000001';
const SECRET_HOOK = `https://hooks:pw-&'"<>LEAKCHECK@api.example.com/twilio/auto?token=bypass`;
const SHOWN_HOOK = 'https://***@api.example.com/twilio/auto?token=***';

/** An address as the report has it: not declared, enabled, into the default service. */
function address(overrides: Partial<AddressLevel> = {}): AddressLevel {
  return {
    address: '+15005550006',
    sid: LINE_SID,
    managed: false,
    enabled: true,
    autoCreationType: 'default',
    serviceSid: null,
    serviceName: undefined,
    dangling: false,
    webhookUrl: null,
    ...overrides,
  };
}

const addresses = (...levels: AddressLevel[]): AddressesReport => ({
  listed: true,
  addresses: levels,
  servicesProblem: undefined,
});

describe('whereTo: where a message to an address goes', () => {
  it.each<[string, Partial<AddressLevel>, string]>([
    ['the default service', {}, "in the account's default service"],
    [
      'a named service, with its webhook, the URL shown without its secrets',
      {
        serviceSid: DESK,
        serviceName: 'Support desk',
        autoCreationType: 'webhook',
        webhookUrl: SECRET_HOOK,
      },
      `in service ${DESK} (Support desk), with webhook ${SHOWN_HOOK}`,
    ],
    [
      'a service without a friendly name',
      { serviceSid: DESK, serviceName: '' },
      `in service ${DESK}`,
    ],
    [
      'a service whose name is unknown',
      { serviceSid: DESK, serviceName: undefined },
      `in service ${DESK}`,
    ],
    [
      'a webhook type without a URL',
      { autoCreationType: 'webhook' },
      "in the account's default service",
    ],
    [
      'a URL kept from a type no longer set',
      { autoCreationType: 'default', webhookUrl: SECRET_HOOK },
      "in the account's default service",
    ],
    [
      'a Studio Flow',
      { autoCreationType: 'studio', serviceSid: DESK, serviceName: 'Support desk' },
      `in service ${DESK} (Support desk), handed to a Studio Flow`,
    ],
    [
      'a service that does not exist',
      { serviceSid: GONE, dangling: true },
      `in service ${GONE}, which is not a Conversations service of this account`,
    ],
  ])('%s', (_, overrides, words) => {
    expect(whereTo(address(overrides))).toBe(words);
  });
});

describe('autoCreating and unmanagedAddressFailures', () => {
  const report = addresses(
    address(),
    address({ address: 'whatsapp:+15005550006', sid: undefined }),
    address({ address: 'declared@example.com', managed: true }),
    address({ address: 'off@example.com', enabled: false }),
  );

  it('finds the addresses nobody declared that auto-create conversations, and only them', () => {
    expect(autoCreating(report).map((a) => a.address)).toEqual([
      '+15005550006',
      'whatsapp:+15005550006',
    ]);
    expect(autoCreating({ listed: false, problem: 'a 403' })).toEqual([]);
    expect(autoCreating(undefined)).toEqual([]);
  });

  it.each<[string, AddressesReport | undefined, 'warn' | 'fail' | 'ignore', string[]]>([
    [
      'two, under fail',
      report,
      'fail',
      [
        '2 Address Configurations not declared auto-create conversations (unmanaged-addresses: fail): +15005550006, whatsapp:+15005550006.',
      ],
    ],
    [
      'one, under fail',
      addresses(address()),
      'fail',
      [
        '1 Address Configuration not declared auto-creates conversations (unmanaged-addresses: fail): +15005550006.',
      ],
    ],
    ['two, under warn', report, 'warn', []],
    ['two, under ignore', report, 'ignore', []],
    ['none that auto-creates, under fail', addresses(address({ enabled: false })), 'fail', []],
    ['a list that could not be read, under fail', { listed: false, problem: 'a 403' }, 'fail', []],
  ])('fails the run for %s: %j', (_, given, policy, failures) => {
    expect(unmanagedAddressFailures(given, policy)).toEqual(failures);
  });
});

describe('addressWarnings', () => {
  const UNDECLARED = (where: string, file = ` in ${FILE}`) =>
    `Address Configuration +15005550006 (${LINE_SID}) is not declared${file} and auto-creates conversations ${where}.`;

  it('warns of each undeclared address that auto-creates, with where its messages go', () => {
    expect(
      addressWarnings(
        addresses(
          address({
            serviceSid: DESK,
            serviceName: 'Support desk',
            autoCreationType: 'webhook',
            webhookUrl: SECRET_HOOK,
          }),
          address({ address: 'declared@example.com', managed: true }),
          address({ address: 'off@example.com', enabled: false }),
        ),
        FILE,
        'warn',
      ),
    ).toEqual([UNDECLARED(`in service ${DESK} (Support desk), with webhook ${SHOWN_HOOK}`)]);
  });

  it('says the same under fail, and leaves out the file and a SID it does not know', () => {
    expect(
      addressWarnings(
        addresses(address(), address({ address: 'whatsapp:+15005550006', sid: undefined })),
        undefined,
        'fail',
      ),
    ).toEqual([
      UNDECLARED("in the account's default service", ''),
      "Address Configuration whatsapp:+15005550006 is not declared and auto-creates conversations in the account's default service.",
    ]);
  });

  it.each<[string, Partial<AddressLevel>, string]>([
    [
      'a declared address that auto-creates',
      { managed: true },
      ': point it at a service of the account.',
    ],
    [
      'a declared address that is off',
      { managed: true, enabled: false },
      ' (auto-creation is off): point it at a service of the account.',
    ],
    [
      'an undeclared address that is off',
      { enabled: false },
      ' (auto-creation is off): point it at a service of the account.',
    ],
  ])('warns of %s whose service does not exist, naming it', (_, overrides, consequence) => {
    expect(
      addressWarnings(
        addresses(address({ serviceSid: GONE, dangling: true, ...overrides })),
        FILE,
        'warn',
      ),
    ).toEqual([
      `Address Configuration +15005550006 auto-creates into service ${GONE}, which is not a Conversations service of this account${consequence}`,
    ]);
  });

  it('warns once of an undeclared address that auto-creates into a service that does not exist', () => {
    const dangling = addresses(address({ serviceSid: GONE, dangling: true }));
    expect(addressWarnings(dangling, FILE, 'warn')).toEqual([
      UNDECLARED(`in service ${GONE}, which is not a Conversations service of this account`),
    ]);
    // Under ignore, nobody asked about undeclared addresses; the missing service is still said.
    expect(addressWarnings(dangling, FILE, 'ignore')).toEqual([
      `Address Configuration +15005550006 auto-creates into service ${GONE}, which is not a Conversations service of this account: point it at a service of the account.`,
    ]);
  });

  it('says nothing of undeclared addresses under ignore', () => {
    expect(
      addressWarnings(addresses(address(), address({ address: 'x@example.com' })), FILE, 'ignore'),
    ).toEqual([]);
  });

  it('says so when the addresses could not be listed, and nothing when they were not looked at', () => {
    expect(
      addressWarnings(
        { listed: false, problem: 'the credential may not list Address Configurations (a 403)' },
        FILE,
        'warn',
      ),
    ).toEqual([
      'Could not check the Address Configurations: the credential may not list Address Configurations (a 403). Give the credential permission to list them, or set unmanaged-addresses: ignore.',
    ]);
    expect(addressWarnings(undefined, FILE, 'fail')).toEqual([]);
  });
});
