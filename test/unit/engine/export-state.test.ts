import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDesiredState } from '../../../src/config/desired-state.js';
import { DesiredStateError } from '../../../src/model/desired.js';
import type { DesiredState } from '../../../src/model/desired.js';
import { ALL_EVENTS, SERVICE_EVENTS } from '../../../src/model/events.js';
import { renderDesiredState } from '../../../src/engine/export-state.js';
import type { ExportedService } from '../../../src/engine/export-state.js';
import { compare, planChanges } from '../../../src/engine/plan.js';
import { webhookUrlProblem } from '../../../src/core/urls.js';
import type { DesiredConfig } from '../../../src/model/fields.js';
import type { LiveConfig } from '../../../src/model/webhook-config.js';

const FILE = 'twilio-webhooks.yml';
const AT = new Date('2025-03-04T05:06:07.089Z');
const SID_A = 'IS0123456789abcdef0123456789abcdef';
const SID_B = 'ISfedcba9876543210fedcba9876543210';
/** Variables that an awkward URL names: were the reader to put them in, the URL would change. */
const ENV = { X: 'EXPANDED', x: 'EXPANDED', NAME: 'EXPANDED', PREVIEW_URL: 'EXPANDED' };

/** A configuration as Twilio answers it, nothing set unless given. */
const live = (fields: Partial<LiveConfig> = {}): LiveConfig => ({
  account_sid: 'AC0123456789abcdef0123456789abcdef',
  filters: null,
  method: null,
  pre_webhook_url: null,
  post_webhook_url: null,
  url: null,
  ...fields,
});

const roundTrip = (account: LiveConfig, services: readonly ExportedService[] = []) =>
  parseDesiredState(renderDesiredState(account, services, [], AT), FILE, ENV);

/** The file read back compares in sync with what was exported, every URL byte for byte. */
function expectInSync(
  state: DesiredState,
  account: LiveConfig,
  services: readonly ExportedService[],
): void {
  const pairs: (readonly [DesiredConfig | undefined, LiveConfig])[] = [
    [state.account, account],
    ...services.map(({ config }, i) => [state.services[i]?.desired, config] as const),
  ];
  expect(state.services.map(({ ref }) => ref)).toEqual(services.map(({ sid }) => ({ sid })));
  for (const [desired, config] of pairs) {
    expect(desired).toBeDefined();
    if (desired === undefined) continue;
    expect(compare(desired, config)).toEqual([]);
    expect([desired.pre_webhook_url, desired.post_webhook_url]).toEqual([
      config.pre_webhook_url || null,
      config.post_webhook_url || null,
    ]);
  }
}

describe('renderDesiredState', () => {
  it('writes the live configurations as a desired-state file, services by sid', () => {
    const services = [
      {
        sid: SID_A,
        friendlyName: 'Support desk',
        config: live({
          chat_service_sid: SID_A,
          filters: ['onMessageAdded'],
          method: 'GET',
          pre_webhook_url: 'https://pre.example.com/${x}',
          post_webhook_url: 'https://user:pa:ss@post.example.com/',
        }),
      },
      { sid: SID_B, friendlyName: 'Never configured', config: live({ filters: [] }) },
    ];
    const account = live({
      filters: ['onMessageAdded', 'onConversationUpdated'],
      method: 'POST',
      post_webhook_url: 'https://api.example.com/twilio/events?key=a#b',
      target: 'webhook',
    });
    const text = renderDesiredState(account, services, [], AT);
    expect(text).toBe(
      [
        '# yaml-language-server: $schema=https://raw.githubusercontent.com/your-org/twilio-conversations-webhooks-action/main/schema/desired-state.schema.json',
        '# Twilio Conversations webhook configuration, exported from the live account at 2025-03-04T05:06:07.089Z.',
        "# Point the action's config-file input at this file, and mode apply or check keeps the live",
        '# configuration as it says.',
        '# A key left out is not managed; "none" clears a URL or the filters. ${NAME} is the value of',
        '# the environment variable NAME, and $${ is a literal ${. Each service is given by its sid, with',
        '# its friendly name alongside, and each Address Configuration by its address and type.',
        '',
        'account:',
        '  filters:',
        '    - onMessageAdded',
        '    - onConversationUpdated',
        '  method: POST',
        '  pre-webhook-url: none',
        '  post-webhook-url: https://api.example.com/twilio/events?key=a#b',
        '  target: webhook',
        'services:',
        `  - sid: ${SID_A} # "Support desk"`,
        '    filters:',
        '      - onMessageAdded',
        '    method: GET',
        '    pre-webhook-url: https://pre.example.com/$${x}',
        '    # This URL holds a credential: before checking the file in, keep the URL in a secret, pass it in the env of the step and write ${NAME} here.',
        '    post-webhook-url: https://user:pa:ss@post.example.com/',
        `  - sid: ${SID_B} # "Never configured"`,
        '    filters: none',
        '    pre-webhook-url: none',
        '    post-webhook-url: none',
        '',
      ].join('\n'),
    );
    expectInSync(parseDesiredState(text, FILE, ENV), account, services);
  });

  it('leaves services and addresses out when the account has none, and a method or target that is not set', () => {
    const text = renderDesiredState(live({ filters: null, post_webhook_url: '' }), [], [], AT);
    expect(text.slice(text.indexOf('account:'))).toBe(
      'account:\n  filters: none\n  pre-webhook-url: none\n  post-webhook-url: none\n',
    );
    expect(parseDesiredState(text, FILE, {})).toEqual({
      file: FILE,
      account: { filters: [], pre_webhook_url: null, post_webhook_url: null },
      services: [],
      addresses: [],
      variables: [],
    });
  });

  it.each([
    'https://hooks.example.com/${PREVIEW_URL}/x',
    'https://hooks.example.com/$${X}',
    'https://hooks.example.com/$$${X}$',
    'https://hooks.example.com/a#b:c&d=#e',
    'https://hooks.example.com/a:',
    'https://u:p\'%40"@hooks.example.com/?q=\'x\'&r="y"',
    'https://hooks.example.com/*&!%@|>`[]{},',
    'https://hooks.example.com/caf\u00e9/\u65e5\u672c/\u{1f600}?\u200b',
  ])('writes %j so that it reads back byte for byte', (url) => {
    const account = live({ post_webhook_url: url });
    expectInSync(roundTrip(account), account, []);
  });

  it('says in the file which live values the action refuses, and the file then fails', () => {
    const account = live({ method: 'PUT', filters: ['onMessageAdded', 'onMesageRemoved'] });
    const services = [
      { sid: SID_A, friendlyName: 'A', config: live({ filters: ['onUserAdded'] }) },
    ];
    const text = renderDesiredState(account, services, [], AT);
    expect(text).toContain(
      '  # The action refuses this live value: method is "PUT": must be GET or POST.\n  method: PUT\n',
    );
    let error: unknown;
    try {
      parseDesiredState(text, FILE, {});
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(DesiredStateError);
    expect((error as DesiredStateError).problems.map(({ key }) => key)).toEqual([
      'account.filters[1]',
      'account.method',
      'services[0].filters[0]',
    ]);
  });

  it('writes an event this action does not know without a note, and reads it back in sync', () => {
    // onMessageSend is the example of Twilio's spec: an event newer than the action's list.
    const account = live({
      filters: ['onMessageAdded', 'onMessageSend'],
      method: 'POST',
      post_webhook_url: 'https://hooks.example.com/post',
      target: 'webhook',
    });
    const services = [
      {
        sid: SID_A,
        friendlyName: 'Support',
        config: live({
          chat_service_sid: SID_A,
          filters: ['onMessageSend'],
          post_webhook_url: 'https://hooks.example.com/support',
        }),
      },
    ];
    const text = renderDesiredState(account, services, [], AT);
    expect(text).not.toContain('The action refuses');
    expect(text).toContain('    - onMessageSend\n');
    const state = parseDesiredState(text, FILE, {});
    expectInSync(state, account, services);
    const plans = [
      planChanges(state.account ?? {}, account),
      planChanges(state.services[0]?.desired ?? {}, services[0]?.config ?? live()),
    ];
    expect(plans.map(({ diff, update }) => ({ diff, update }))).toEqual([
      { diff: [], update: {} },
      { diff: [], update: {} },
    ]);
    for (const plan of plans) {
      expect(plan.warnings).toEqual([expect.stringContaining('The filters have onMessageSend')]);
    }
  });

  it('still notes a user event on a service, which the per-service configuration refuses', () => {
    const services = [
      {
        sid: SID_A,
        friendlyName: 'A',
        config: live({ filters: ['onMessageSend', 'onUserAdded'] }),
      },
    ];
    const text = renderDesiredState(live(), services, [], AT);
    expect(text).toContain(
      '    # The action refuses this live value: filters has "onUserAdded", which the per-service configuration does not accept',
    );
  });

  it('writes a service SID with upper-case hex digits as it is, and reads it back in sync', () => {
    const upper = `IS${SID_B.slice(2).toUpperCase()}`;
    const services = [
      { sid: upper, friendlyName: 'Upper', config: live({ filters: ['onMessageAdded'] }) },
    ];
    const text = renderDesiredState(live(), services, [], AT);
    expect(text).toContain(`  - sid: ${upper} # "Upper"\n`);
    expectInSync(parseDesiredState(text, FILE, {}), live(), services);
  });

  it('keeps a friendly name on its comment line, whatever it holds', () => {
    const names = [
      'a\nservices: []',
      '# x',
      '"q" \'s\'',
      'a\u2028b\u0085c',
      '',
      'x ${NAME}',
      '\u{1f600}',
    ];
    const services = names.map((friendlyName, i) => ({
      sid: `IS${String(i).padStart(32, '0')}`,
      friendlyName,
      config: live(),
    }));
    const text = renderDesiredState(live(), services, [], AT);
    const comments = text
      .split('\n')
      .filter((line) => line.startsWith('  - sid: '))
      .map((line) => JSON.parse(line.slice(line.indexOf('#') + 2)) as string);
    expect(comments).toEqual(names.map((name) => name.replaceAll('${', () => '$${')));
    expectInSync(parseDesiredState(text, FILE, {}), live(), services);
  });
});

describe('renderDesiredState then parseDesiredState', () => {
  /** An event newer than the action's list (the example of Twilio's spec). */
  const NEW_EVENT = 'onMessageSend';
  const pick = (...parts: string[]) => fc.constantFrom(...parts);
  const awkward = pick(
    "'",
    '"',
    '#',
    ':',
    '${',
    '${X}',
    '$${',
    '$',
    '{',
    '}',
    '*',
    '&',
    '!',
    '%',
    '%40',
    '@',
    '?',
    '=',
    '[',
    ']',
    ',',
    '|',
    '>',
    '`',
    '~',
    '-',
    '\u00e9',
    '\u65e5\u672c',
    '\u{1f600}',
    '\u200b',
    'none',
    'null',
    'true',
    '1e3',
  );
  const word = fc.stringMatching(/^[A-Za-z0-9._~-]{1,6}$/);
  const segment = fc
    .array(fc.oneof(awkward, word), { maxLength: 5 })
    .map((parts) => parts.join(''));
  const userPart = fc
    .array(
      pick('a', 'Z', '0', '%40', '$', '{', '}', '${', '!', '*', "'", '.', '_', '~', '\u00e9'),
      {
        minLength: 1,
        maxLength: 6,
      },
    )
    .map((parts) => parts.join(''));
  const userInfo = fc.option(
    fc
      .tuple(userPart, fc.option(fc.array(fc.oneof(userPart, pick(':')), { minLength: 1 })))
      .map(([user, password]) => `${user}${password === null ? '' : `:${password.join('')}`}@`),
    { nil: '' },
  );
  const host = fc.oneof(
    fc.domain(),
    pick('127.0.0.1', '[::1]', 'xn--bcher-kva.example', 'b\u00fccher.example'),
  );
  const url = fc
    .tuple(
      pick('https', 'http', 'HTTPS', 'hTTp'),
      userInfo,
      host,
      fc.option(
        fc.integer({ min: 1, max: 65535 }).map((port) => `:${port}`),
        { nil: '' },
      ),
      fc.array(segment, { maxLength: 4 }).map((segments) => segments.map((s) => `/${s}`).join('')),
      fc.option(
        fc
          .array(fc.tuple(segment, segment), { minLength: 1, maxLength: 3 })
          .map((params) => `?${params.map(([k, v]) => `${k}=${v}`).join('&')}`),
        { nil: '' },
      ),
      fc.option(
        segment.map((fragment) => `#${fragment}`),
        { nil: '' },
      ),
    )
    .map(
      ([scheme, user, hostName, port, path, query, fragment]) =>
        `${scheme}://${user}${hostName}${port}${path}${query}${fragment}`,
    )
    .filter((candidate) => webhookUrlProblem(candidate) === undefined);
  const liveUrl = fc.oneof(url, url, fc.constantFrom<string | null>('', null));
  const config = (events: readonly string[], withTarget: boolean) =>
    fc
      .record({
        filters: fc.oneof(fc.constant(null), fc.shuffledSubarray([...events])),
        method: fc.constantFrom(null, 'GET', 'POST'),
        pre_webhook_url: liveUrl,
        post_webhook_url: liveUrl,
        target: withTarget ? fc.constantFrom(null, 'webhook', 'flex') : fc.constant(undefined),
      })
      .map(({ target, ...fields }) => live(target === undefined ? fields : { ...fields, target }));
  const name = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.string({ unit: pick('\n', '#', ': ', ' ', '"', '\u2028', '${', 'a', '- '), maxLength: 8 }),
  );
  const services = fc.uniqueArray(
    fc.record({
      sid: fc.stringMatching(/^[0-9a-fA-F]{32}$/).map((hex) => `IS${hex}`),
      friendlyName: name,
      config: config([...SERVICE_EVENTS, NEW_EVENT], false),
    }),
    { selector: ({ sid }) => sid, maxLength: 4 },
  );

  it('is in sync with what was exported, every URL byte for byte', () => {
    fc.assert(
      fc.property(config([...ALL_EVENTS, NEW_EVENT], true), services, (account, exported) => {
        expectInSync(roundTrip(account, exported), account, exported);
      }),
      { numRuns: 400 },
    );
  });
});
