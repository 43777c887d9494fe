import { describe, expect, it } from 'vitest';
import { parseDesiredState } from '../../../src/config/desired-state.js';
import { DesiredStateError, MAX_LISTED_PROBLEMS } from '../../../src/model/desired.js';
import { resolveServices } from '../../../src/engine/resolve.js';
import type { DesiredState, DesiredStateProblem } from '../../../src/model/desired.js';
import { InputError } from '../../../src/config/input-parsers.js';
import { parseSettings } from '../../../src/config/settings.js';
import { inputs } from '../fixtures.js';

const FILE = 'twilio-webhooks.yml';
const SID_A = 'IS0123456789abcdef0123456789abcdef';
const SID_B = 'ISfedcba9876543210fedcba9876543210';
const SID_C = 'IS00000000000000000000000000000000';
const URL = 'https://hooks.example.com/post';

/** A file from its lines, so that a test reads which line each problem is on. */
const lines = (...text: string[]) => `${text.join('\n')}\n`;

const read = (text: string, env: NodeJS.ProcessEnv = {}) => parseDesiredState(text, FILE, env);

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

function expectProblems(
  problems: readonly DesiredStateProblem[],
  expected: readonly Expected[],
): void {
  expect(problems.map(({ line, key, message }) => ({ line, key, message }))).toEqual(
    expected.map(([line, key, fragment]) => ({
      line,
      key,
      message: expect.stringContaining(fragment) as unknown,
    })),
  );
  for (const { key, message } of problems) {
    expect(message.startsWith(key === '' ? 'the file ' : `${key} `)).toBe(true);
  }
}

const EXAMPLE = lines(
  'account:                     # /v1/Configuration/Webhooks',
  '  filters: [onMessageAdded, onConversationUpdated]',
  '  method: POST',
  '  pre-webhook-url: none',
  '  post-webhook-url: https://api.example.com/twilio/events',
  '  target: webhook',
  'services:                    # /v1/Services/{IS…}/Configuration/Webhooks',
  `  - sid: ${SID_A}`,
  '    filters: onMessageAdded',
  '    post-webhook-url: ${PREVIEW_URL}/twilio/events',
  "  - name: Support desk       # the service's friendly_name",
  '    post-webhook-url: https://support.example.com/twilio',
);

const EXAMPLE_STATE: DesiredState = {
  file: FILE,
  account: {
    filters: ['onMessageAdded', 'onConversationUpdated'],
    method: 'POST',
    pre_webhook_url: null,
    post_webhook_url: 'https://api.example.com/twilio/events',
    target: 'webhook',
  },
  services: [
    {
      ref: { sid: SID_A },
      desired: {
        filters: ['onMessageAdded'],
        post_webhook_url: 'https://pr-12.preview.example.com/twilio/events',
      },
      line: 8,
    },
    {
      ref: { name: 'Support desk' },
      desired: { post_webhook_url: 'https://support.example.com/twilio' },
      line: 11,
    },
  ],
  addresses: [],
  variables: [{ name: 'PREVIEW_URL', value: 'https://pr-12.preview.example.com' }],
};

describe('parseDesiredState: what a valid file means', () => {
  it('reads the account-wide configuration and every service, by sid or by name', () => {
    expect(read(EXAMPLE, { PREVIEW_URL: 'https://pr-12.preview.example.com' })).toEqual(
      EXAMPLE_STATE,
    );
  });

  it('reads JSON, which is YAML too', () => {
    const json = JSON.stringify(
      {
        account: {
          filters: ['onMessageAdded', 'onConversationUpdated'],
          method: 'POST',
          'pre-webhook-url': 'none',
          'post-webhook-url': 'https://api.example.com/twilio/events',
          target: 'webhook',
        },
        services: [
          {
            sid: SID_A,
            filters: 'onMessageAdded',
            'post-webhook-url': '${PREVIEW_URL}/twilio/events',
          },
          { name: 'Support desk', 'post-webhook-url': 'https://support.example.com/twilio' },
        ],
      },
      null,
      2,
    );
    const state = read(json, { PREVIEW_URL: 'https://pr-12.preview.example.com' });
    expect(state.account).toEqual(EXAMPLE_STATE.account);
    expect(state.services.map(({ ref, desired }) => ({ ref, desired }))).toEqual(
      EXAMPLE_STATE.services.map(({ ref, desired }) => ({ ref, desired })),
    );
    expect(state.services.map(({ line }) => line)).toEqual([13, 18]);
    expect(refusal(() => read('{"account": {"method": 1}}')).problems).toEqual([
      {
        line: 1,
        key: 'account.method',
        message: 'account.method is the number 1: expected GET or POST.',
      },
    ]);
  });

  it.each([
    ['a flow list', '[onMessageAdded, onParticipantAdd]'],
    ['a comma-separated string', 'onMessageAdded, onParticipantAdd'],
    ['a quoted string', '"onMessageAdded,onParticipantAdd"'],
    ['a list with a repeat', '[onMessageAdded, onParticipantAdd, onMessageAdded]'],
    ['a block list', '\n    - onMessageAdded\n    - onParticipantAdd'],
    ['a block string, a name a line', '|\n    onMessageAdded\n    onParticipantAdd'],
  ])('reads filters given as %s', (_, filters) => {
    expect(read(`account:\n  filters: ${filters}\n`).account).toEqual({
      filters: ['onMessageAdded', 'onParticipantAdd'],
    });
  });

  it.each(['none', 'NONE', '[none]', '"none"', '\n    - None'])(
    'clears the filters with %s',
    (filters) => {
      expect(read(`account:\n  filters: ${filters}\n`).account).toEqual({ filters: [] });
    },
  );

  it.each([
    ['method: post', { method: 'POST' }],
    ['method: Get', { method: 'GET' }],
    ['target: Flex', { target: 'flex' }],
    ['target: WEBHOOK', { target: 'webhook' }],
    ['pre-webhook-url: None', { pre_webhook_url: null }],
    ['post-webhook-url: none', { post_webhook_url: null }],
  ])('reads %s as the input of the same name would', (field, desired) => {
    expect(read(`account:\n  ${field}\n`).account).toEqual(desired);
  });

  it.each([
    'https://hooks.example.com/a#frag',
    'https://user:p%40ss@hooks.example.com/post?x=1&y=%2F',
    'https://Hooks.Example.com:8443/A/b/?q=a:b',
    "https://hooks.example.com/it's",
    'https://hooks.example.com/caf\u00e9/\u{1f600}',
  ])('keeps %s byte for byte', (url) => {
    expect(read(`account:\n  post-webhook-url: ${JSON.stringify(url)}\n`).account).toEqual({
      post_webhook_url: url,
    });
  });

  it('manages only the keys given: no account is an unmanaged account-wide configuration', () => {
    expect(read(lines('services:', `  - sid: ${SID_A}`, '    method: GET'))).toEqual({
      file: FILE,
      account: undefined,
      services: [{ ref: { sid: SID_A }, desired: { method: 'GET' }, line: 2 }],
      addresses: [],
      variables: [],
    });
  });

  it('reads YAML 1.2: on, yes and off are strings, not booleans', () => {
    expectProblems(
      refusal(() => read(lines('account:', '  method: on', '  target: yes'))).problems,
      [
        [2, 'account.method', 'account.method is "on": must be GET or POST.'],
        [3, 'account.target', 'account.target is "yes": must be webhook or flex.'],
      ],
    );
  });

  it('follows aliases, so that services can share a list', () => {
    const state = read(
      lines(
        'services:',
        `  - sid: ${SID_A}`,
        '    filters: &shared [onMessageAdded, onMessageUpdated]',
        `  - sid: ${SID_B}`,
        '    filters: *shared',
      ),
    );
    expect(state.services.map(({ desired }) => desired)).toEqual([
      { filters: ['onMessageAdded', 'onMessageUpdated'] },
      { filters: ['onMessageAdded', 'onMessageUpdated'] },
    ]);
  });
});

describe('parseDesiredState: the same meaning as the inputs', () => {
  // The file and the inputs go through the same parsers: each value means the same in both, or
  // both refuse it for the same reason.
  it.each([
    ['filters', 'onMessageAdded,\nonParticipantAdd'],
    ['filters', 'onUserAdded'],
    ['filters', 'none, onMessageAdded'],
    ['filters', 'onMesageAdded'],
    ['method', 'pOsT'],
    ['method', 'PUT'],
    ['pre-webhook-url', 'NONE'],
    ['pre-webhook-url', 'https://hooks.example.com/pre?x=1#y'],
    ['post-webhook-url', 'http:hooks.example.com'],
    ['post-webhook-url', 'https://a@b@hooks.example.com/'],
    ['target', 'FLEX'],
    ['target', 'studio'],
  ] as const)('%s: %j', (key, value) => {
    const file = `account:\n  ${key}: ${JSON.stringify(value)}\n`;
    const overrides = { 'post-webhook-url': '', [key]: value };
    let fromInputs: unknown;
    try {
      const { source } = parseSettings(inputs(overrides)).settings;
      fromInputs = source.kind === 'inputs' ? source.desired : source;
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      const tail = error.message.slice(`Input '${key}' `.length);
      expect(refusal(() => read(file)).message).toBe(
        `${FILE} has 1 problem:\n${FILE}:2: account.${key} ${tail}`,
      );
      return;
    }
    expect(read(file).account).toEqual(fromInputs);
  });
});

describe('parseDesiredState: ${NAME}', () => {
  const file = (value: string) => `account:\n  post-webhook-url: ${JSON.stringify(value)}\n`;
  const url = (value: string, env: NodeJS.ProcessEnv) =>
    read(file(value), env).account?.post_webhook_url;

  it.each([
    ['${HOST}/twilio', { HOST: 'https://a.example.com' }, 'https://a.example.com/twilio'],
    [
      'https://${HOST}${PATH_1}',
      { HOST: 'a.example.com', PATH_1: '/x' },
      'https://a.example.com/x',
    ],
    ['https://a.example.com/${_x}/${_x}', { _x: 'p' }, 'https://a.example.com/p/p'],
    ['https://a.example.com/$${HOST}', { HOST: 'no' }, 'https://a.example.com/${HOST}'],
    ['https://a.example.com/$$${HOST}', { HOST: 'x' }, 'https://a.example.com/$${HOST}'],
    ['https://a.example.com/$HOST/$/{x}', {}, 'https://a.example.com/$HOST/$/{x}'],
    ['https://a.example.com/${HOST}', { HOST: '${OTHER}' }, 'https://a.example.com/${OTHER}'],
    ['${NONE_VAR}', { NONE_VAR: 'none' }, null],
  ])('reads %j with %j as %j', (value, env, expected) => {
    expect(url(value, env)).toBe(expected);
  });

  it('puts variables in every string: sids, names and list items', () => {
    const env = { SID: SID_A, NAME: 'Support desk', EVENT: 'onMessageAdded' };
    const state = read(
      lines(
        'services:',
        '  - sid: ${SID}',
        '    filters: ["${EVENT}"]',
        '  - name: ${NAME}',
        '    filters: ${EVENT}',
      ),
      env,
    );
    expect(state.services.map(({ ref, desired }) => [ref, desired])).toEqual([
      [{ sid: SID_A }, { filters: ['onMessageAdded'] }],
      [{ name: 'Support desk' }, { filters: ['onMessageAdded'] }],
    ]);
    // Only URLs are shown as the file writes them: a SID or a name is shown as it is.
    expect(state.variables).toEqual([]);
  });

  it('remembers the variables each URL was filled in from, to show it as the file writes it', () => {
    const state = read(
      lines(
        'account:',
        '  pre-webhook-url: ${HOST}/pre?token=${TOKEN}',
        '  post-webhook-url: https://literal.example.com/post',
      ),
      { HOST: 'https://pr-7.example.com', TOKEN: 'bypass-token-1' },
    );
    expect(state.variables).toEqual([
      { name: 'HOST', value: 'https://pr-7.example.com' },
      { name: 'TOKEN', value: 'bypass-token-1' },
    ]);
  });

  it.each([
    'ACTIONS_RUNTIME_TOKEN',
    'GITHUB_TOKEN',
    'RUNNER_TEMP',
    'INPUT_AUTH-TOKEN',
    'github_token',
  ])('refuses the runner variable ${%s}, naming the key', (name) => {
    const value = `https://evil.example/?t=\${${name.replace('-', '_')}}`;
    expectProblems(
      refusal(() => read(file(value), { [name.replace('-', '_')]: 'runner-secret' })).problems,
      [
        [
          2,
          'account.post-webhook-url',
          'a variable of the runner: ACTIONS_*, GITHUB_*, RUNNER_* and INPUT_* hold the runner',
        ],
      ],
    );
  });

  it.each([
    ['${PREVIEW_URL}/twilio', {}, ['uses ${PREVIEW_URL}, which is not set in the environment']],
    ['${PREVIEW_URL}/twilio', { PREVIEW_URL: '' }, ['uses ${PREVIEW_URL}, which is set but empty']],
    [
      '${A}${B}${A}',
      { B: '' },
      ['uses ${A}, which is not set', 'uses ${B}, which is set but empty'],
    ],
    ['https://a.example.com/${1X}', {}, ['has "${" without a variable name and "}" after it']],
    ['https://a.example.com/${X', { X: 'x' }, ['has "${" without a variable name']],
    ['https://a.example.com/${}', {}, ['has "${" without a variable name']],
  ])('refuses %j with %j, never putting in an empty string', (value, env, fragments) => {
    expectProblems(
      refusal(() => read(file(value), env)).problems,
      fragments.map((fragment) => [2, 'account.post-webhook-url', fragment] as const),
    );
  });
});

describe('parseDesiredState: problems, each with its line and key', () => {
  const service = (...fields: string[]) =>
    lines('services:', `  - sid: ${SID_A}`, ...fields.map((field) => `    ${field}`));

  it.each<[string, string, readonly Expected[]]>([
    [
      'a YAML syntax error, at the line yaml gives',
      lines('account:', '  method: GET: POST', '  target: flex'),
      [[2, '', 'the file is not valid YAML at column 11: Nested mappings are not allowed']],
    ],
    [
      'a quote left open, on the last line rather than past it',
      lines('account:', '  method: GET', '  filters: "onMessageAdded'),
      [[3, '', 'the file is not valid YAML at column 26: Missing closing "quote.']],
    ],
    [
      'a second document',
      lines('account:', '  method: GET', '---', 'services: []'),
      [[3, '', 'a second document starts here: the file must be one YAML document']],
    ],
    [
      'an unresolved tag',
      lines('account:', '  method: !secret GET'),
      [[2, '', 'the file has a YAML problem at column 11: Unresolved tag: !secret.']],
    ],
    ['an empty file', '# nothing yet\n', [[1, '', 'the file is empty: expected a mapping']]],
    ['a list at the top', lines('- account'), [[1, '', 'the file is a list: expected a mapping']]],
    ['a string at the top', 'account\n', [[1, '', 'the file is the string "account"']]],
    [
      'a file that manages nothing',
      lines('services: []'),
      [
        [
          1,
          '',
          'the file manages nothing: give account, services, addresses or any of them, with at least one field to manage.',
        ],
      ],
    ],
    [
      'an unknown top-level key',
      lines('account:', '  method: GET', 'servics: []'),
      [[3, 'servics', 'servics is not a key of the top level. Did you mean services?']],
    ],
    [
      'an unknown account key in snake case',
      lines('account:', '  method: GET', `  post_webhook_url: ${URL}`),
      [[3, 'account.post_webhook_url', 'is not a key of account. Did you mean post-webhook-url?']],
    ],
    [
      'an unknown service key, with no close match',
      service('method: GET', 'friendly_name: Desk'),
      [[4, 'services[0].friendly_name', 'is not a key of a service entry. The keys of a service']],
    ],
    [
      'a key that names a property of every object',
      service('method: GET', 'constructor: x'),
      [[4, 'services[0].constructor', 'is not a key of a service entry.']],
    ],
    [
      'a key that needs quoting in a message',
      lines('account:', '  method: GET', '  "bad key\\n": x'),
      [[3, 'account."bad key\\n"', 'is not a key of account.']],
    ],
    [
      'a key that is not a string',
      lines('account:', '  method: GET', '  1: x'),
      [[3, 'account', 'account has a key that is the number 1: the keys of account are']],
    ],
    [
      'a key given twice',
      lines('account:', '  method: GET', '  method: POST'),
      [[3, 'account.method', 'account.method is given twice (lines 2 and 3): keep one.']],
    ],
    [
      'a number where a string is expected',
      lines('account:', '  method: 1'),
      [[2, 'account.method', 'account.method is the number 1: expected GET or POST.']],
    ],
    [
      'a hex number, shown as written',
      lines('services:', '  - name: 0x1F', '    method: GET'),
      [[2, 'services[0].name', 'services[0].name is the number 0x1F: expected the service']],
    ],
    [
      'a boolean where a URL is expected',
      lines('account:', '  post-webhook-url: true'),
      [[2, 'account.post-webhook-url', 'is the boolean true: expected an absolute http(s) URL']],
    ],
    [
      'a mapping where filters are expected',
      lines('account:', '  filters: {onMessageAdded: true}'),
      [[2, 'account.filters', 'is a mapping: expected event names, as a list or separated']],
    ],
    [
      'a list where a URL is expected',
      lines('account:', `  pre-webhook-url: [${URL}]`),
      [[2, 'account.pre-webhook-url', 'is a list: expected an absolute http(s) URL']],
    ],
    [
      'a field with no value',
      lines('account:', '  method:'),
      [[2, 'account.method', 'has no value: expected GET or POST. Leave the key out to not']],
    ],
    [
      'filter list items that are not event names',
      lines('account:', '  filters:', '    - onMessageAdded', '    - 7', '    - onMesageAdded'),
      [
        [4, 'account.filters[1]', 'account.filters[1] is the number 7: expected an event name.'],
        [5, 'account.filters[2]', 'has "onMesageAdded", which is not a Conversations event.'],
      ],
    ],
    [
      'an empty filter list',
      lines('account:', '  filters: []'),
      [[2, 'account.filters', 'is an empty list: list event names, or write "none"']],
    ],
    [
      '"none" among event names',
      lines('account:', '  filters: [none, onMessageAdded]'),
      [[2, 'account.filters', 'mixes "none" with event names']],
    ],
    [
      'an empty filters string',
      lines('account:', '  filters: ""'),
      [[2, 'account.filters', 'is "", which holds no event name']],
    ],
    [
      'a user event for a service',
      service('filters: [onMessageAdded, onUserUpdated]'),
      [[3, 'services[0].filters[1]', 'has "onUserUpdated", which the per-service configuration']],
    ],
    [
      'a URL that is not http(s), as the inputs would say',
      lines(
        'account:',
        '  method: GET',
        'services:',
        `  - sid: ${SID_A}`,
        '    method: GET',
        '  - name: Support desk',
        '    post-webhook-url: ftp://x',
      ),
      [
        [
          7,
          'services[1].post-webhook-url',
          'services[1].post-webhook-url is "ftp://x": its scheme is ftp, not http or https. Give',
        ],
      ],
    ],
    [
      'a method that is neither GET nor POST',
      lines('account:', '  method: PUT'),
      [[2, 'account.method', 'is "PUT": must be GET or POST.']],
    ],
    [
      'a target that is neither webhook nor flex',
      lines('account:', '  target: studio'),
      [[2, 'account.target', 'is "studio": must be webhook or flex.']],
    ],
    [
      'a target on a service',
      service('method: GET', 'target: webhook'),
      [[4, 'services[0].target', 'is set: only the account-wide configuration has a target']],
    ],
    [
      'an account that is not a mapping',
      lines('account: [method]'),
      [[1, 'account', 'account is a list: expected a mapping of the fields to manage']],
    ],
    [
      'an account with no value',
      lines('account:', 'services: []'),
      [[1, 'account', 'account has no value: expected a mapping of the fields']],
    ],
    [
      'an account that manages nothing',
      lines('account: {}'),
      [[1, 'account', 'account manages nothing: give at least one of filters, method']],
    ],
    [
      'services that are not a list',
      lines('services:', `  sid: ${SID_A}`),
      [[1, 'services', 'services is a mapping: expected a list of services']],
    ],
    [
      'services with no value',
      lines('account:', '  method: GET', 'services:'),
      [[3, 'services', 'services has no value: expected a list of services']],
    ],
    [
      'a service that is not a mapping',
      lines('services:', `  - ${SID_A}`),
      [[2, 'services[0]', 'services[0] is the string "IS0123']],
    ],
    [
      'a service that manages nothing',
      lines('services:', `  - sid: ${SID_A}`, '  - name: Desk', '    method: GET'),
      [[2, 'services[0]', 'services[0] manages nothing: give at least one of filters, method,']],
    ],
    [
      'a service with both sid and name',
      service('name: Desk', 'method: GET'),
      [[2, 'services[0]', 'services[0] has both sid and name: give one of them']],
    ],
    [
      'a service with neither sid nor name',
      lines('services:', '  - method: GET'),
      [[2, 'services[0]', 'services[0] has neither sid nor name']],
    ],
    [
      'a sid that is not one',
      lines('services:', '  - sid: IS123', '    method: GET'),
      [[2, 'services[0].sid', 'is "IS123": expected IS followed by 32 lower-case hex digits']],
    ],
    [
      'an account sid where a service sid belongs',
      lines('services:', `  - sid: AC${SID_B.slice(2).toUpperCase()}`, '    method: GET'),
      [[2, 'services[0].sid', `is "AC${SID_B.slice(2).toUpperCase()}": expected IS followed by`]],
    ],
    [
      'a sid that is a number',
      lines('services:', '  - sid: 12', '    method: GET'),
      [[2, 'services[0].sid', 'is the number 12: expected IS followed by 32']],
    ],
    [
      'an empty name',
      lines('services:', '  - name: "  "', '    method: GET'),
      [[2, 'services[0].name', 'services[0].name is "  ", which is blank']],
    ],
    [
      'a name that is a number',
      lines('services:', '  - name: 2024', '    method: GET'),
      [[2, 'services[0].name', "is the number 2024: expected the service's friendly name"]],
    ],
    [
      'the same sid twice',
      lines(
        'services:',
        `  - sid: ${SID_A}`,
        '    method: GET',
        `  - sid: ${SID_A}`,
        '    method: POST',
      ),
      [[4, 'services[1].sid', `is "${SID_A}" again: services[0] (line 2) already configures`]],
    ],
    [
      'the same name twice',
      lines('services:', '  - name: Desk', '    method: GET', '  - method: POST', '    name: Desk'),
      [[5, 'services[1].name', 'is "Desk" again: services[0] (line 2) already configures']],
    ],
  ])('%s', (_, text, expected) => {
    expectProblems(refusal(() => read(text)).problems, expected);
  });

  it('lists every problem of the file in one error, in line order', () => {
    const error = refusal(() =>
      read(
        lines(
          'account:',
          '  method: PUT',
          '  targt: flex',
          'services:',
          `  - sid: ${SID_A}`,
          '    target: flex',
          '  - name: Support desk',
          '    post-webhook-url: ${MISSING}',
        ),
      ),
    );
    expect(error.message).toBe(
      [
        `${FILE} has 5 problems:`,
        `${FILE}:2: account.method is "PUT": must be GET or POST.`,
        `${FILE}:3: account.targt is not a key of account. Did you mean target? The keys of account are filters, method, pre-webhook-url, post-webhook-url, target.`,
        `${FILE}:5: services[0] manages nothing: give at least one of filters, method, pre-webhook-url, post-webhook-url.`,
        `${FILE}:6: services[0].target is set: only the account-wide configuration has a target (the per-service resource has none). Leave it out.`,
        `${FILE}:8: services[1].post-webhook-url uses \${MISSING}, which is not set in the environment: give it a value in the step's env, or write $\${ for a literal \${.`,
      ].join('\n'),
    );
    expect(error.name).toBe('DesiredStateError');
    expect(error.file).toBe(FILE);
  });
});

describe('DesiredStateError', () => {
  it('keeps the column of a YAML error, for the annotation on its line', () => {
    const error = refusal(() => read(lines('account:', '  method: GET: POST')));
    expect(error.problems).toEqual([expect.objectContaining({ line: 2, column: 11 }) as unknown]);
  });

  it('lists the first 50 of 100,000 problems and counts the rest, in a message of bounded size', () => {
    const problems = Array.from({ length: 100_000 }, (_, i) => ({
      line: i + 1,
      key: `services[${i}]`,
      message: `services[${i}] is wrong.`,
    }));
    const error = new DesiredStateError(FILE, problems);
    const listed = error.message.split('\n');
    expect(listed[0]).toBe(`${FILE} has 100000 problems:`);
    expect(listed).toHaveLength(1 + MAX_LISTED_PROBLEMS + 1);
    expect(listed.at(-1)).toBe('…and 99950 more problems, not listed here.');
    expect(error.problems).toHaveLength(100_000);
    expect(error.message.length).toBeLessThan(5_000);
  });
});

describe('resolveServices', () => {
  const LISTED = [
    { sid: SID_A, friendlyName: 'Support desk' },
    { sid: SID_B, friendlyName: 'Sales' },
    { sid: SID_C, friendlyName: 'Sales' },
  ];
  const state = (...entries: string[]) =>
    read(lines('services:', ...entries.flatMap((entry) => [`  - ${entry}`, '    method: GET'])));

  it('turns names into sids, in the file order', () => {
    expect(resolveServices(state('name: Support desk', `sid: ${SID_B}`), LISTED)).toEqual([
      {
        sid: SID_A,
        name: 'Support desk',
        friendlyName: 'Support desk',
        desired: { method: 'GET' },
        line: 2,
      },
      { sid: SID_B, name: undefined, friendlyName: 'Sales', desired: { method: 'GET' }, line: 4 },
    ]);
  });

  it('resolves nothing when the file names no service', () => {
    expect(resolveServices(read('account: {method: GET}\n'), LISTED)).toEqual([]);
  });

  it.each<[string, string, readonly { sid: string; friendlyName: string }[], string]>([
    [
      'a name no service has, with the closest one',
      'name: support desk',
      LISTED,
      'services[0].name is "support desk", which is the friendly name of no Conversations service of this account. Did you mean "Support desk"?',
    ],
    [
      'a name no service has, with nothing close',
      'name: Billing and invoices',
      LISTED,
      'services[0].name is "Billing and invoices", which is the friendly name of no Conversations service of this account.',
    ],
    [
      'a name when the account has no services',
      'name: Sales',
      [],
      'services[0].name is "Sales", which is the friendly name of no Conversations service of this account. The account has no Conversations services.',
    ],
    [
      'a name several services have',
      'name: Sales',
      LISTED,
      `services[0].name is "Sales", which 2 services have: ${SID_B}, ${SID_C}. Give the sid of the one meant instead.`,
    ],
    [
      'a sid that is not one of the services',
      `sid: ${SID_C.replace(/0$/, '1')}`,
      LISTED,
      `services[0].sid is ${SID_C.replace(/0$/, '1')}, which is not a Conversations service of this account.`,
    ],
  ])('refuses %s', (_, entry, listed, message) => {
    const error = refusal(() => resolveServices(state(entry), listed));
    expect(error.message).toBe(`${FILE} has 1 problem:\n${FILE}:2: ${message}`);
  });

  it('refuses two entries that come to the same service, with every other problem', () => {
    const error = refusal(() =>
      resolveServices(state(`sid: ${SID_A}`, 'name: Sales', 'name: Support desk'), LISTED),
    );
    expectProblems(error.problems, [
      [4, 'services[1].name', 'which 2 services have'],
      [
        6,
        'services[2]',
        `services[2] names service ${SID_A}, which services[0] (line 2) already configures: give each service one entry.`,
      ],
    ]);
  });
});
