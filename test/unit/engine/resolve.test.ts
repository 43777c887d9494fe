// resolveAddresses: each address of a desired-state file found among the account's Address
// Configurations by its exact address, with the type to create it with, and the service it
// auto-creates into resolved to one of the account's (by SID in either case, or by a friendly name
// exactly one service has). Every problem at once, with its line and key path.
import { describe, expect, it } from 'vitest';
import { parseDesiredState } from '../../../src/config/desired-state.js';
import { resolveAddresses } from '../../../src/engine/resolve.js';
import type { ResolvedAddress } from '../../../src/engine/resolve.js';
import type { LiveAddress } from '../../../src/model/addresses.js';
import { DesiredStateError } from '../../../src/model/desired.js';
import type { ServiceSummary } from '../../../src/model/webhook-config.js';
import { addressConfig } from '../fixtures.js';

const FILE = 'twilio/webhooks.yml';
const SUPPORT = 'IS00000000000000000000000000000a01';
const SALES = 'IS00000000000000000000000000000a02';
const TWIN_A = 'IS00000000000000000000000000000b01';
const TWIN_B = 'IS00000000000000000000000000000b02';
const GONE = 'IS0000000000000000000000000000dead';
const LINE_SID = 'IG00000000000000000000000000000001';
const MAIL_SID = 'IG00000000000000000000000000000002';

const SERVICES: readonly ServiceSummary[] = [
  { sid: SUPPORT, friendlyName: 'Support desk' },
  { sid: SALES, friendlyName: 'Sales' },
  { sid: TWIN_A, friendlyName: 'Pilot' },
  { sid: TWIN_B, friendlyName: 'Pilot' },
];

const LINE: LiveAddress = {
  sid: LINE_SID,
  address: '+15005550006',
  type: 'sms',
  config: addressConfig({
    friendly_name: 'Support line (live)',
    'auto_creation.enabled': 'true',
    'auto_creation.type': 'default',
    'auto_creation.conversation_service_sid': SALES,
  }),
};
// Twilio answers a type in the case it was created with.
const MAIL: LiveAddress = {
  sid: MAIL_SID,
  address: 'support@example.com',
  type: 'EMAIL',
  config: addressConfig({ 'auto_creation.enabled': 'false', 'auto_creation.type': 'default' }),
};
const LIVE = [LINE, MAIL];

const lines = (...text: string[]) => `${text.join('\n')}\n`;
const stateOf = (...text: string[]) => parseDesiredState(lines('addresses:', ...text), FILE, {});

function resolve(
  text: readonly string[],
  live: readonly LiveAddress[] = LIVE,
  services: readonly ServiceSummary[] | undefined = SERVICES,
): ResolvedAddress[] {
  return resolveAddresses(stateOf(...text), live, services);
}

function problems(
  text: readonly string[],
  live: readonly LiveAddress[] = LIVE,
  services: readonly ServiceSummary[] | undefined = SERVICES,
) {
  try {
    resolve(text, live, services);
  } catch (error) {
    expect(error).toBeInstanceOf(DesiredStateError);
    const { file, problems: found } = error as DesiredStateError;
    expect(file).toBe(FILE);
    return found.map(({ line, key, message }) => ({ line, key, message }));
  }
  throw new Error('expected a DesiredStateError, but the addresses resolved');
}

describe('resolveAddresses: each address among the account’s', () => {
  it('finds an existing one by its address: its sid, its live type and name, and what Twilio has', () => {
    expect(
      resolve([
        '  - address: "+15005550006"',
        '    friendly-name: Support line',
        '    auto-creation:',
        '      conversation-service: Support desk',
      ]),
    ).toEqual([
      {
        resource: { kind: 'address', address: '+15005550006', addressType: 'sms', sid: LINE_SID },
        name: 'Support line (live)',
        desired: {
          friendly_name: 'Support line',
          'auto_creation.conversation_service_sid': SUPPORT,
        },
        live: LINE,
      },
    ]);
  });

  it('keeps the type as Twilio answers it, whatever case the file gives it in', () => {
    const [mail] = resolve([
      '  - address: support@example.com',
      '    type: email',
      '    friendly-name: Mailbox',
    ]);
    expect(mail?.resource).toEqual({
      kind: 'address',
      address: 'support@example.com',
      addressType: 'EMAIL',
      sid: MAIL_SID,
    });
    // The live answer has no friendly name: the file's stands in for it.
    expect(mail?.name).toBe('Mailbox');
  });

  it('takes one not created yet with the type the file gives or the address implies', () => {
    expect(
      resolve([
        '  - address: "whatsapp:+15005550006"',
        '    friendly-name: WhatsApp line',
        '  - address: new@example.com',
        '    type: Email',
        '    auto-creation: {enabled: true}',
      ]),
    ).toEqual([
      {
        resource: {
          kind: 'address',
          address: 'whatsapp:+15005550006',
          addressType: 'whatsapp',
          sid: undefined,
        },
        name: 'WhatsApp line',
        desired: { friendly_name: 'WhatsApp line' },
        live: undefined,
      },
      {
        resource: {
          kind: 'address',
          address: 'new@example.com',
          addressType: 'email',
          sid: undefined,
        },
        name: undefined,
        desired: { 'auto_creation.enabled': 'true' },
        live: undefined,
      },
    ]);
  });

  it.each([
    ['the same number on another channel', 'whatsapp:+15005550006', 'whatsapp'],
    ['an email address in another case', 'Support@example.com', 'email'],
    ['a number with a space', '+1 5005550006', 'sms'],
  ])('matches addresses exactly as written: %s is another address', (_, address, type) => {
    const [found] = resolve([
      `  - address: ${JSON.stringify(address)}`,
      `    type: ${type}`,
      '    friendly-name: x',
    ]);
    expect(found?.resource).toEqual({
      kind: 'address',
      address,
      addressType: type,
      sid: undefined,
    });
    expect(found?.live).toBeUndefined();
  });

  it.each([
    ['by its SID', SALES, SALES],
    ['by its SID with the hex digits in the other case', SALES.toUpperCase(), SALES],
    ['by its friendly name', 'Sales', SALES],
  ])('resolves the service %s to the SID the account lists', (_, written, sid) => {
    const [line] = resolve([
      '  - address: "+15005550006"',
      '    auto-creation:',
      `      conversation-service: ${written}`,
    ]);
    expect(line?.desired).toEqual({ 'auto_creation.conversation_service_sid': sid });
  });

  it('takes a SID on trust when the services could not be listed', () => {
    const state = stateOf(
      '  - address: "+15005550006"',
      '    auto-creation:',
      `      conversation-service: ${GONE}`,
    );
    const [line] = resolveAddresses(state, LIVE, undefined);
    expect(line?.desired).toEqual({ 'auto_creation.conversation_service_sid': GONE });
  });

  it('leaves a desired state without a service as it is, and keeps the file’s order', () => {
    const resolved = resolve([
      '  - address: support@example.com',
      '    friendly-name: Mailbox',
      '  - address: "+15005550006"',
      '    auto-creation: {enabled: false, type: default}',
    ]);
    expect(resolved.map(({ resource, desired }) => [resource.address, desired])).toEqual([
      ['support@example.com', { friendly_name: 'Mailbox' }],
      ['+15005550006', { 'auto_creation.enabled': 'false', 'auto_creation.type': 'default' }],
    ]);
  });

  it('resolves nothing for a file without addresses', () => {
    expect(
      resolveAddresses(parseDesiredState('account:\n  method: GET\n', FILE, {}), LIVE, SERVICES),
    ).toEqual([]);
  });
});

describe('resolveAddresses: problems, each with its line and key path', () => {
  it.each([
    [
      'a service SID the account does not have',
      GONE,
      `addresses[0].auto-creation.conversation-service is ${GONE}, which is not a Conversations service of this account.`,
    ],
    [
      'a friendly name of no service, with the closest one',
      'Support dsek',
      'addresses[0].auto-creation.conversation-service is "Support dsek", which is the friendly name of no Conversations service of this account. Did you mean "Support desk"?',
    ],
    [
      'a friendly name two services have',
      'Pilot',
      `addresses[0].auto-creation.conversation-service is "Pilot", which 2 services have: ${TWIN_A}, ${TWIN_B}. Give the sid of the one meant instead.`,
    ],
  ])('refuses %s, on the line of conversation-service', (_, service, message) => {
    expect(
      problems([
        '  - address: "+15005550006"',
        '    auto-creation:',
        `      conversation-service: ${service}`,
      ]),
    ).toEqual([{ line: 4, key: 'addresses[0].auto-creation.conversation-service', message }]);
  });

  it('says so when the account has no service at all', () => {
    expect(
      problems(
        ['  - address: "+15005550006"', '    auto-creation:', '      conversation-service: Desk'],
        LIVE,
        [],
      ),
    ).toEqual([
      {
        line: 4,
        key: 'addresses[0].auto-creation.conversation-service',
        message:
          'addresses[0].auto-creation.conversation-service is "Desk", which is the friendly name of no Conversations service of this account. The account has no Conversations services.',
      },
    ]);
  });

  it('refuses an address that does not exist and whose type nobody says', () => {
    expect(problems(['  - address: new@example.com', '    friendly-name: New'])).toEqual([
      {
        line: 2,
        key: 'addresses[0]',
        message:
          'addresses[0] is "new@example.com", which has no Address Configuration in this account yet, and its type is unknown: give type to create it.',
      },
    ]);
  });

  it('refuses a type other than the one the address exists as', () => {
    expect(
      problems(['  - address: support@example.com', '    type: chat', '    friendly-name: x']),
    ).toEqual([
      {
        line: 2,
        key: 'addresses[0].type',
        message: `addresses[0].type is chat, but "support@example.com" exists as type email (${MAIL_SID}), and an address's type cannot change: write type: email.`,
      },
    ]);
  });

  it.each([
    [
      'an address of another type',
      [
        '  - address: support@example.com',
        '    auto-creation:',
        '      webhook-url: https://a.example.com/x',
      ],
      'addresses[0].auto-creation.webhook-url',
      'addresses[0].auto-creation.webhook-url belongs to type webhook, but the live type is default and the entry does not set one: add type: webhook to auto-creation.',
    ],
    [
      'an address not created yet',
      [
        '  - address: "+15005550009"',
        '    auto-creation:',
        `      studio-flow-sid: FW${'0'.repeat(32)}`,
      ],
      'addresses[0].auto-creation.studio-flow-sid',
      'addresses[0].auto-creation.studio-flow-sid belongs to type studio, but "+15005550009" is not created yet and the entry does not set one: add type: studio to auto-creation.',
    ],
  ])(
    'refuses a field of one auto-creation type, without the type, for %s',
    (_, text, key, message) => {
      expect(problems(text)).toEqual([{ line: 2, key, message }]);
    },
  );

  it('takes the fields of the live type without the type, and any fields with it', () => {
    const live = {
      ...LINE,
      config: { ...LINE.config, 'auto_creation.type': 'webhook' },
    } satisfies LiveAddress;
    const resolved = resolve(
      [
        '  - address: "+15005550006"',
        '    auto-creation:',
        '      webhook-method: GET',
        '  - address: support@example.com',
        '    auto-creation:',
        '      type: studio',
        '      studio-retry-count: 1',
      ],
      [live, MAIL],
    );
    expect(resolved.map(({ desired }) => desired)).toEqual([
      { 'auto_creation.webhook_method': 'GET' },
      { 'auto_creation.type': 'studio', 'auto_creation.studio_retry_count': '1' },
    ]);
  });

  it('lists every problem of every address at once', () => {
    expect(
      problems([
        '  - address: support@example.com',
        '    type: chat',
        '    auto-creation:',
        `      conversation-service: ${GONE}`,
        '  - address: "+15005550006"',
        '    friendly-name: fine',
        '  - address: unknown@example.com',
        '    auto-creation:',
        '      conversation-service: Nobody',
      ]).map(({ line, key }) => [line, key]),
    ).toEqual([
      [2, 'addresses[0].type'],
      [5, 'addresses[0].auto-creation.conversation-service'],
      [8, 'addresses[2]'],
      [10, 'addresses[2].auto-creation.conversation-service'],
    ]);
  });
});
