// The `addresses:` list of a desired-state file, through parseDesiredState: what each entry means
// (the address, its type given or inferred, its own fields and those of its `auto-creation:`
// mapping), and every problem with its line and key path, all of them in one DesiredStateError.
import { describe, expect, it } from 'vitest';
import { parseDesiredState } from '../../../src/config/desired-state.js';
import { DesiredStateError } from '../../../src/model/desired.js';
import type { DesiredAddress, DesiredStateProblem } from '../../../src/model/desired.js';

const FILE = 'twilio/webhooks.yml';
const SERVICE = 'IS0123456789abcdef0123456789abcdef';
const FLOW = 'FW0123456789abcdef0123456789abcdef';
const HOOK = 'https://api.example.com/twilio/auto';

/** A file from its lines, so that a test reads which line each problem is on. */
const lines = (...text: string[]) => `${text.join('\n')}\n`;

const read = (text: string, env: NodeJS.ProcessEnv = {}) => parseDesiredState(text, FILE, env);

/** One address entry (line 2 on) under `addresses:`, each given line indented under the dash. */
const entry = (first: string, ...rest: string[]) =>
  lines('addresses:', `  - ${first}`, ...rest.map((line) => `    ${line}`));

/** One entry for the address +15005550006 with an auto-creation mapping of the given keys (line 4 on). */
const auto = (...keys: string[]) =>
  entry("address: '+15005550006'", 'auto-creation:', ...keys.map((key) => `  ${key}`));

function refusal(run: () => unknown): DesiredStateError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DesiredStateError);
    return error as DesiredStateError;
  }
  throw new Error('expected a DesiredStateError, but nothing was thrown');
}

type Expected = readonly [line: number, key: string, fragment: string];

function expectProblems(text: string, expected: readonly Expected[], env = {}): void {
  const error = refusal(() => read(text, env));
  expect(error.file).toBe(FILE);
  const problems: readonly DesiredStateProblem[] = error.problems;
  expect(problems.map(({ line, key, message }) => ({ line, key, message }))).toEqual(
    expected.map(([line, key, fragment]) => ({
      line,
      key,
      message: expect.stringContaining(fragment) as unknown,
    })),
  );
  // Each message names its key path as its subject, and the error's message names the file and line.
  for (const { line, key, message } of problems) {
    expect(message.startsWith(key === '' ? 'the file ' : `${key} `)).toBe(true);
    expect(error.message).toContain(`${FILE}:${line}: ${message}`);
  }
}

const desiredOf = (text: string, env: NodeJS.ProcessEnv = {}) =>
  read(text, env).addresses.map(({ desired }) => desired);

describe('addresses: what a valid list means', () => {
  it('reads each entry in the file’s order: its address, type, line and managed fields', () => {
    const state = read(
      lines(
        'addresses:',
        "  - address: '+15005550006'",
        '    friendly-name: Support line',
        '    auto-creation:',
        '      enabled: true',
        '      type: webhook',
        `      conversation-service: ${SERVICE}`,
        `      webhook-url: ${HOOK}`,
        '      webhook-method: post',
        '      webhook-filters: [onMessageAdded, onParticipantAdded]',
        "  - address: 'whatsapp:+15005550006'",
        '    auto-creation:',
        '      enabled: false',
        '      type: Studio',
        '      conversation-service: Support desk',
        `      studio-flow-sid: ${FLOW}`,
        '      studio-retry-count: 3',
        '  - address: support@example.com',
        '    type: EMAIL',
        '    friendly-name: Support mailbox',
        '  - address: messenger:1234567890',
        '    auto-creation:',
        '      type: default',
      ),
    );
    expect(state).toEqual({
      file: FILE,
      account: undefined,
      services: [],
      addresses: [
        {
          address: '+15005550006',
          type: 'sms',
          desired: {
            friendly_name: 'Support line',
            'auto_creation.enabled': 'true',
            'auto_creation.type': 'webhook',
            'auto_creation.conversation_service_sid': SERVICE,
            'auto_creation.webhook_url': HOOK,
            'auto_creation.webhook_method': 'POST',
            'auto_creation.webhook_filters': ['onMessageAdded', 'onParticipantAdded'],
          },
          line: 2,
          serviceLine: 7,
        },
        {
          address: 'whatsapp:+15005550006',
          type: 'whatsapp',
          desired: {
            'auto_creation.enabled': 'false',
            'auto_creation.type': 'studio',
            // A name stays a name here: the run resolves it among the account's services.
            'auto_creation.conversation_service_sid': 'Support desk',
            'auto_creation.studio_flow_sid': FLOW,
            'auto_creation.studio_retry_count': '3',
          },
          line: 11,
          serviceLine: 15,
        },
        {
          address: 'support@example.com',
          type: 'email',
          desired: { friendly_name: 'Support mailbox' },
          line: 18,
          // Without conversation-service, a problem of the service is the entry's.
          serviceLine: 18,
        },
        {
          address: 'messenger:1234567890',
          type: 'messenger',
          desired: { 'auto_creation.type': 'default' },
          line: 21,
          serviceLine: 21,
        },
      ] satisfies DesiredAddress[],
      variables: [],
    });
  });

  it('reads JSON, which is YAML too, with the same meaning and lines of its own', () => {
    const json = JSON.stringify(
      {
        addresses: [
          {
            address: 'whatsapp:+15005550006',
            'auto-creation': { enabled: true, type: 'studio', 'studio-retry-count': 0 },
          },
        ],
      },
      null,
      2,
    );
    expect(read(json).addresses).toEqual([
      {
        address: 'whatsapp:+15005550006',
        type: 'whatsapp',
        desired: {
          'auto_creation.enabled': 'true',
          'auto_creation.type': 'studio',
          'auto_creation.studio_retry_count': '0',
        },
        line: 3,
        serviceLine: 3,
      },
    ]);
  });

  it('sits beside the account and services, each read as before', () => {
    const state = read(
      lines(
        'account:',
        '  method: POST',
        'services:',
        `  - sid: ${SERVICE}`,
        '    method: GET',
        'addresses:',
        '  - address: "+15005550006"',
        '    friendly-name: Line',
      ),
    );
    expect(state.account).toEqual({ method: 'POST' });
    expect(state.services).toEqual([
      { ref: { sid: SERVICE }, desired: { method: 'GET' }, line: 4 },
    ]);
    expect(state.addresses).toEqual([
      {
        address: '+15005550006',
        type: 'sms',
        desired: { friendly_name: 'Line' },
        line: 7,
        serviceLine: 7,
      },
    ]);
  });

  it('takes an empty list beside something managed, as no address at all', () => {
    expect(read(lines('account:', '  method: POST', 'addresses: []')).addresses).toEqual([]);
  });

  it.each([
    ['+15005550006', undefined, 'sms'],
    ['+15005550006', 'SMS', 'sms'],
    ['whatsapp:+15005550006', undefined, 'whatsapp'],
    ['WhatsApp:+15005550006', 'whatsapp', 'whatsapp'],
    ['messenger:1234567890', 'Messenger', 'messenger'],
    ['support@example.com', 'email', 'email'],
    ['support@example.com', undefined, undefined],
    ['urn:biz:1234', 'apple', 'apple'],
    ['rcs:support_agent', 'RCS', 'rcs'],
    ['gbm:agent', 'gbm', 'gbm'],
    ['client:alice', 'chat', 'chat'],
  ])('%s with type %s is type %s', (address, type, expected) => {
    const text = lines(
      'addresses:',
      `  - address: ${JSON.stringify(address)}`,
      ...(type === undefined ? [] : [`    type: ${type}`]),
      '    friendly-name: x',
    );
    expect(read(text).addresses.map((a) => a.type)).toEqual([expected]);
  });

  it.each([
    ['a YAML boolean', 'true', {}, 'true'],
    ['a YAML boolean, false', 'false', {}, 'false'],
    ['the text "true"', '"true"', {}, 'true'],
    ['the text " FALSE "', '" FALSE "', {}, 'false'],
    ['a variable', '${AUTO_ON}', { AUTO_ON: 'True' }, 'true'],
  ])('reads enabled given as %s', (_, value, env, expected) => {
    expect(desiredOf(auto(`enabled: ${value}`), env)).toEqual([
      { 'auto_creation.enabled': expected },
    ]);
  });

  it.each([
    ['a YAML integer', '3', '3'],
    ['zero', '0', '0'],
    ['text', '"12"', '12'],
    ['text with leading zeros', '"007"', '7'],
    ['text with spaces', '" 5 "', '5'],
  ])('reads studio-retry-count given as %s', (_, value, expected) => {
    expect(desiredOf(auto(`studio-retry-count: ${value}`))).toEqual([
      { 'auto_creation.studio_retry_count': expected },
    ]);
  });

  it.each([
    ['a flow list', '[onMessageAdded, onDeliveryUpdated]'],
    ['a comma-separated string', 'onMessageAdded, onDeliveryUpdated'],
    ['a list with a repeat', '[onMessageAdded, onDeliveryUpdated, onMessageAdded]'],
    ['a block list', '\n        - onMessageAdded\n        - onDeliveryUpdated'],
    ['a block string, a name a line', '|\n        onMessageAdded\n        onDeliveryUpdated'],
  ])('reads webhook-filters given as %s', (_, filters) => {
    expect(desiredOf(auto(`webhook-filters: ${filters}`))).toEqual([
      { 'auto_creation.webhook_filters': ['onMessageAdded', 'onDeliveryUpdated'] },
    ]);
  });

  it.each([
    ['webhook-filters: none', { 'auto_creation.webhook_filters': [] }],
    ['webhook-filters: [NONE]', { 'auto_creation.webhook_filters': [] }],
    ['webhook-url: None', { 'auto_creation.webhook_url': null }],
    ['webhook-method: get', { 'auto_creation.webhook_method': 'GET' }],
    ['webhook-method: Post', { 'auto_creation.webhook_method': 'POST' }],
    ['type: WEBHOOK', { 'auto_creation.type': 'webhook' }],
    ['type: Default', { 'auto_creation.type': 'default' }],
    [
      `conversation-service: ${SERVICE.toUpperCase()}`,
      { 'auto_creation.conversation_service_sid': SERVICE.toUpperCase() },
    ],
    [`studio-flow-sid: ${FLOW}`, { 'auto_creation.studio_flow_sid': FLOW }],
  ])('reads %s as the registry’s parser has it', (key, desired) => {
    expect(desiredOf(auto(key))).toEqual([desired]);
  });

  it.each([
    'https://hooks.example.com/a#frag',
    'https://user:p%40ss@hooks.example.com/auto?x=1&y=%2F',
    "https://hooks.example.com/it's",
    'https://hooks.example.com/caf\u00e9/\u{1f600}',
  ])('keeps the webhook-url %s byte for byte', (url) => {
    expect(desiredOf(auto(`webhook-url: ${JSON.stringify(url)}`))).toEqual([
      { 'auto_creation.webhook_url': url },
    ]);
  });

  it('puts variables in the address, the name and the URL, and remembers only the URL’s', () => {
    const state = read(
      lines(
        'addresses:',
        '  - address: "${LINE}"',
        '    friendly-name: ${LINE_NAME}',
        '    auto-creation:',
        '      conversation-service: ${DESK}',
        '      webhook-url: ${PREVIEW_URL}/auto',
      ),
      {
        LINE: '+15005550006',
        LINE_NAME: 'Line of PR 7',
        DESK: 'Support desk',
        PREVIEW_URL: 'https://pr-7.preview.example.com',
      },
    );
    expect(state.addresses).toEqual([
      {
        address: '+15005550006',
        type: 'sms',
        desired: {
          friendly_name: 'Line of PR 7',
          'auto_creation.conversation_service_sid': 'Support desk',
          'auto_creation.webhook_url': 'https://pr-7.preview.example.com/auto',
        },
        line: 2,
        serviceLine: 5,
      },
    ]);
    expect(state.variables).toEqual([
      { name: 'PREVIEW_URL', value: 'https://pr-7.preview.example.com' },
    ]);
  });

  it('takes a friendly name of 256 characters, counted as characters, not UTF-16 units', () => {
    const name = '\u{1f4de}'.repeat(256);
    expect(desiredOf(entry("address: '+15005550006'", `friendly-name: ${name}`))).toEqual([
      { friendly_name: name },
    ]);
  });

  it('lets a key of either type through when auto-creation.type is not given', () => {
    // The file alone cannot tell: the run checks them against the address's live type (resolve).
    expect(desiredOf(auto(`webhook-url: ${HOOK}`, 'studio-retry-count: 1'))).toEqual([
      { 'auto_creation.webhook_url': HOOK, 'auto_creation.studio_retry_count': '1' },
    ]);
  });
});

describe('addresses: problems, each with its line and key path', () => {
  it.each<[string, string, readonly Expected[]]>([
    [
      'addresses without a value',
      lines('account:', '  method: GET', 'addresses:'),
      [
        [
          3,
          'addresses',
          'addresses has no value: expected a list of addresses, each a mapping with address and the fields to manage. Leave addresses out to manage no Address Configuration.',
        ],
      ],
    ],
    [
      'addresses as a mapping',
      lines('addresses:', '  address: "+15005550006"'),
      [[1, 'addresses', 'addresses is a mapping: expected a list of addresses']],
    ],
    [
      'an empty list alone',
      lines('addresses: []'),
      [[1, '', 'the file manages nothing: give account, services, addresses or any of them']],
    ],
    [
      'an entry that is a string',
      lines('addresses:', '  - "+15005550006"'),
      [
        [
          2,
          'addresses[0]',
          'addresses[0] is the string "+15005550006": expected a mapping with address and the fields to manage.',
        ],
      ],
    ],
    [
      'an entry without an address',
      lines('addresses:', '  - friendly-name: Line'),
      [
        [
          2,
          'addresses[0]',
          'addresses[0] has no address: give the address as Twilio writes it (+15005550006, whatsapp:+1…, an email address…).',
        ],
      ],
    ],
    [
      'a blank address',
      entry('address: "  "', 'friendly-name: Line'),
      [
        [
          2,
          'addresses[0].address',
          'addresses[0].address is "  ", which is blank: give the address',
        ],
      ],
    ],
    [
      'a phone number left unquoted, which YAML reads as a number',
      entry('address: +15005550006', 'friendly-name: Line'),
      [
        [
          2,
          'addresses[0].address',
          'addresses[0].address is the number +15005550006: expected the address as Twilio writes it',
        ],
      ],
    ],
    [
      'an address without a value',
      entry('address:', 'friendly-name: Line'),
      [[2, 'addresses[0].address', 'addresses[0].address has no value: expected the address']],
    ],
    [
      'an unknown type, with the closest one',
      entry('address: support@example.com', 'type: emial', 'friendly-name: Mailbox'),
      [
        [
          3,
          'addresses[0].type',
          'addresses[0].type is "emial": expected one of sms, whatsapp, messenger, gbm, email, rcs, apple, chat. Did you mean email?',
        ],
      ],
    ],
    [
      'a type the address contradicts',
      entry('address: "whatsapp:+15005550006"', 'type: sms', 'friendly-name: Line'),
      [
        [
          3,
          'addresses[0].type',
          'addresses[0].type is sms, but the address "whatsapp:+15005550006" says type whatsapp: write type: whatsapp, or leave type out.',
        ],
      ],
    ],
    [
      'a phone number typed as whatsapp',
      entry('address: "+15005550006"', 'type: WhatsApp', 'friendly-name: Line'),
      [
        [
          3,
          'addresses[0].type',
          'addresses[0].type is whatsapp, but the address "+15005550006" says type sms: write type: sms, or leave type out.',
        ],
      ],
    ],
    [
      'an entry that manages nothing',
      entry('address: "+15005550006"', 'type: sms'),
      [
        [
          2,
          'addresses[0]',
          'addresses[0] manages nothing: give friendly-name, or auto-creation with at least one of enabled, type, conversation-service, webhook-url, webhook-method, webhook-filters, studio-flow-sid, studio-retry-count.',
        ],
      ],
    ],
    [
      'an empty auto-creation mapping, which manages nothing either',
      entry('address: "+15005550006"', 'auto-creation: {}'),
      [[2, 'addresses[0]', 'addresses[0] manages nothing']],
    ],
    [
      'auto-creation without a value',
      entry('address: "+15005550006"', 'friendly-name: Line', 'auto-creation:'),
      [
        [
          4,
          'addresses[0].auto-creation',
          'has no value: expected a mapping of the auto-creation fields to manage (enabled, type, conversation-service, webhook-url, webhook-method, webhook-filters, studio-flow-sid, studio-retry-count). Leave auto-creation out to not manage it.',
        ],
      ],
    ],
    [
      'auto-creation as a list',
      entry('address: "+15005550006"', 'friendly-name: Line', 'auto-creation: [enabled]'),
      [
        [
          4,
          'addresses[0].auto-creation',
          'addresses[0].auto-creation is a list: expected a mapping',
        ],
      ],
    ],
    [
      'a field of auto-creation written on the entry itself',
      entry('address: "+15005550006"', `webhook-url: ${HOOK}`),
      [
        [2, 'addresses[0]', 'addresses[0] manages nothing'],
        [
          3,
          'addresses[0].webhook-url',
          'is not a key of an address entry. The keys of an address entry are address, type, friendly-name, auto-creation.',
        ],
      ],
    ],
    [
      'a misspelt key of the entry, with the closest one',
      entry('address: "+15005550006"', 'friendly-nam: Line', 'auto-creation:', '  enabled: true'),
      [
        [
          3,
          'addresses[0].friendly-nam',
          'is not a key of an address entry. Did you mean friendly-name?',
        ],
      ],
    ],
    [
      'a snake_case key of auto-creation, with the closest one',
      auto('enabled: true', `webhook_url: ${HOOK}`),
      [
        [
          5,
          'addresses[0].auto-creation.webhook_url',
          'is not a key of addresses[0].auto-creation. Did you mean webhook-url?',
        ],
      ],
    ],
    [
      'a key given twice',
      entry('address: "+15005550006"', 'friendly-name: A', 'friendly-name: B'),
      [[4, 'addresses[0].friendly-name', 'is given twice (lines 3 and 4): keep one.']],
    ],
  ])('%s', (_, text, expected) => {
    expectProblems(text, expected);
  });

  it.each<[string, string, string]>([
    ['enabled', 'yes', 'is "yes": must be true or false.'],
    ['enabled', '1', 'is the number 1: expected true or false.'],
    ['enabled', '[true]', 'is a list: expected true or false.'],
    ['type', 'flex', 'is "flex": must be webhook (a webhook of the conversation\'s own), studio'],
    [
      'conversation-service',
      '" "',
      'is " ", which is blank: give the service\'s SID (IS…) or its friendly name.',
    ],
    ['webhook-url', 'ftp://hooks.example.com/x', 'Give an absolute http(s) URL'],
    ['webhook-url', '""', 'is "": it is not an absolute URL. Give an absolute http(s) URL'],
    ['webhook-method', 'PUT', 'is "PUT": must be GET or POST.'],
    [
      'webhook-filters',
      'onMessageAdd',
      'has "onMessageAdd", which an address\'s webhook does not hear (it hears the post-events of its conversation only). Valid here: onMessageAdded,',
    ],
    ['webhook-filters', 'onUserAdded', "which an address's webhook does not hear"],
    ['webhook-filters', 'onConversationAdded', "which an address's webhook does not hear"],
    // A well-formed name that is no known event passes elsewhere, with a warning; not here.
    [
      'webhook-filters',
      'onMessageSend',
      'has "onMessageSend", which is not a Conversations event.',
    ],
    [
      'webhook-filters',
      'onMesageAdded',
      'has "onMesageAdded", which is not a Conversations event. Did you mean onMessageAdded?',
    ],
    ['webhook-filters', 'none, onMessageAdded', 'mixes "none" with event names'],
    ['webhook-filters', '[]', 'is an empty list: list event names, or write "none"'],
    [
      'studio-flow-sid',
      'FW0123',
      'is "FW0123": expected a Studio Flow SID, FW followed by 32 hex digits (34 characters).',
    ],
    ['studio-flow-sid', SERVICE, 'expected a Studio Flow SID'],
    ['studio-retry-count', '-1', 'is "-1": expected a whole number of retries, 0 or more.'],
    ['studio-retry-count', '2.5', 'is "2.5": expected a whole number of retries, 0 or more.'],
    ['studio-retry-count', 'three', 'is "three": expected a whole number of retries'],
    ['studio-retry-count', 'true', 'is the boolean true: expected a whole number of retries'],
  ])('refuses auto-creation.%s: %s', (key, value, fragment) => {
    expectProblems(auto(`${key}: ${value}`), [[4, `addresses[0].auto-creation.${key}`, fragment]]);
  });

  it('names the item of a filter list that is wrong, on its own line', () => {
    expectProblems(
      auto('webhook-filters:', '  - onMessageAdded', '  - onParticipantAdd', '  - 7'),
      [
        [
          6,
          'addresses[0].auto-creation.webhook-filters[1]',
          "which an address's webhook does not hear",
        ],
        [
          7,
          'addresses[0].auto-creation.webhook-filters[2]',
          'is the number 7: expected an event name.',
        ],
      ],
    );
  });

  it('refuses a friendly name of 257 characters, counted as characters', () => {
    expectProblems(entry("address: '+15005550006'", `friendly-name: ${'\u{1f4de}'.repeat(257)}`), [
      [3, 'addresses[0].friendly-name', 'is 257 characters long: Twilio takes at most 256.'],
    ]);
  });

  it('refuses a variable the step does not set, naming the key', () => {
    expectProblems(auto('webhook-url: ${PREVIEW_URL}/auto'), [
      [4, 'addresses[0].auto-creation.webhook-url', 'uses ${PREVIEW_URL}, which is not set'],
    ]);
  });

  it.each<[string, readonly string[], readonly Expected[]]>([
    [
      'studio with the webhook keys',
      ['type: studio', `webhook-url: ${HOOK}`, 'webhook-method: POST'],
      [
        [
          5,
          'addresses[0].auto-creation.webhook-url',
          'addresses[0].auto-creation.webhook-url belongs to type webhook, but type is studio: leave it out, or set type: webhook.',
        ],
        [
          6,
          'addresses[0].auto-creation.webhook-method',
          'belongs to type webhook, but type is studio',
        ],
      ],
    ],
    [
      'webhook with a studio key',
      ['type: webhook', `webhook-url: ${HOOK}`, 'studio-retry-count: 2'],
      [
        [
          6,
          'addresses[0].auto-creation.studio-retry-count',
          'belongs to type studio, but type is webhook: leave it out, or set type: studio.',
        ],
      ],
    ],
    [
      'default with a key of each',
      ['type: Default', `studio-flow-sid: ${FLOW}`, 'webhook-filters: onMessageAdded'],
      [
        [
          5,
          'addresses[0].auto-creation.studio-flow-sid',
          'belongs to type studio, but type is default',
        ],
        [
          6,
          'addresses[0].auto-creation.webhook-filters',
          'belongs to type webhook, but type is default',
        ],
      ],
    ],
  ])('refuses a key of another auto-creation type: %s', (_, keys, expected) => {
    expectProblems(auto(...keys), expected);
  });

  it('refuses the same address twice, pointing at the first', () => {
    expectProblems(
      lines(
        'addresses:',
        '  - address: "+15005550006"',
        '    friendly-name: A',
        '  - address: support@example.com',
        '    type: email',
        '    friendly-name: B',
        '  - address: "+15005550006"',
        '    auto-creation: {enabled: true}',
      ),
      [
        [
          7,
          'addresses[2].address',
          'addresses[2].address is "+15005550006" again: addresses[0] (line 2) already configures it. Give each address one entry.',
        ],
      ],
    );
  });

  it('tells two spellings of one number apart: Twilio matches addresses as written', () => {
    const state = read(
      lines(
        'addresses:',
        '  - address: "+15005550006"',
        '    friendly-name: A',
        '  - address: "whatsapp:+15005550006"',
        '    friendly-name: B',
      ),
    );
    expect(state.addresses.map((a) => [a.address, a.type])).toEqual([
      ['+15005550006', 'sms'],
      ['whatsapp:+15005550006', 'whatsapp'],
    ]);
  });

  it('lists every problem of every entry at once, by line, beside the account’s', () => {
    expectProblems(
      lines(
        'account:',
        '  methd: POST',
        'addresses:',
        '  - address: "whatsapp:+15005550006"',
        '    type: sms',
        '    auto-creation:',
        '      enabled: maybe',
        '      type: studio',
        `      webhook-url: ${HOOK}`,
        '  - type: email',
        '    friendly-name: Mailbox',
        '  - address: "+15005550007"',
        '  - address: "whatsapp:+15005550006"',
        '    friendly-name: again',
      ),
      [
        [1, 'account', 'account manages nothing'],
        [2, 'account.methd', 'Did you mean method?'],
        [
          5,
          'addresses[0].type',
          'is sms, but the address "whatsapp:+15005550006" says type whatsapp',
        ],
        [7, 'addresses[0].auto-creation.enabled', 'is "maybe": must be true or false.'],
        [
          9,
          'addresses[0].auto-creation.webhook-url',
          'belongs to type webhook, but type is studio',
        ],
        [10, 'addresses[1]', 'addresses[1] has no address'],
        [12, 'addresses[2]', 'addresses[2] manages nothing'],
        [13, 'addresses[3].address', 'addresses[0] (line 4) already configures it'],
      ],
    );
  });
});
