// Address Configurations from a desired-state file, through run() in-process against the Twilio
// emulator over loopback: what is sent to update or create one (only what differs), what a check
// says of one that does not exist, the service each auto-creates into (by name, or one that does
// not exist), the addresses nobody declared (unmanaged-addresses), a change of auto-creation type,
// export and a check of it, the probe of a new webhook URL, a rollback, and a key that may not
// list them. Outputs, annotations, the requests Twilio received and what it holds after.
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { twilioErrorBody } from '../emulator/twilio-emulator.js';
import type { AddressSeed, RecordedRequest } from '../emulator/twilio-emulator.js';
import { annotationsOf, errorLine, runInProcess } from '../support/action.js';
import type { ActionRun, Inputs } from '../support/action.js';
import { recordingClock } from '../support/clock.js';
import { expectNoSecrets, SECRETS, urlWithPassword } from '../support/secrets.js';
import { usePreviewServer } from '../support/servers.js';
import { requestLines, useTwilioEmulator } from '../support/twilio-emulator-hooks.js';
import { useWorkspace } from '../support/workspace.js';

const SUPPORT = 'IS00000000000000000000000000000001';
const SALES = 'IS00000000000000000000000000000002';
const GONE = 'IS0000000000000000000000000000dead';
const FLOW = 'FW0123456789abcdef0123456789abcdef';
const LINE = '+15005550006';
const LINE_SID = 'IG00000000000000000000000000000001';
const OLD_HOOK = 'https://old.example.com/auto';
const NEW_HOOK = 'https://api.example.com/twilio/auto';
/** A webhook URL with a password of every awkward character, given to the file as ${AUTO_HOOK}. */
const SECRET_HOOK = urlWithPassword(SECRETS.urlPassword, 'api.example.com');
const SECRET_HOOK_OUT = 'https://***@api.example.com/twilio/post';
const FILE = 'webhooks.yml';
const ADDRESSES = '/v1/Configuration/Addresses';
const LINE_PATH = `${ADDRESSES}/${LINE_SID}`;
const WARNING_TITLE = 'Twilio Address Configuration';

/** The line every test starts with: a webhook into Sales, with a Studio Flow stored but not in use. */
const LINE_SEED: AddressSeed = {
  sid: LINE_SID,
  type: 'sms',
  address: LINE,
  friendly_name: 'Support line',
  auto_creation: {
    enabled: true,
    type: 'webhook',
    conversation_service_sid: SALES,
    webhook_url: OLD_HOOK,
    webhook_method: 'POST',
    webhook_filters: ['onMessageAdded'],
    studio_flow_sid: FLOW,
    studio_retry_count: 2,
  },
};

const twilio = useTwilioEmulator({
  accountSid: SECRETS.accountSid,
  authToken: SECRETS.authToken,
  // A restricted key without the permission to list services.
  apiKeys: [{ sid: SECRETS.apiKeySid, secret: SECRETS.apiSecret, canListServices: false }],
  services: [
    { sid: SUPPORT, friendlyName: 'Support desk' },
    { sid: SALES, friendlyName: 'Sales' },
  ],
  addresses: [LINE_SEED],
});
const workspace = useWorkspace();
const preview = usePreviewServer();

/** A desired-state file from its lines. */
const lines = (...text: string[]) => `${text.join('\n')}\n`;

/** The line as the emulator starts with it, declared in full: in sync. */
const LINE_IN_SYNC = [
  `  - address: "${LINE}"`,
  '    friendly-name: Support line',
  '    auto-creation:',
  '      enabled: true',
  '      type: webhook',
  `      conversation-service: ${SALES}`,
  `      webhook-url: ${OLD_HOOK}`,
  '      webhook-method: POST',
  '      webhook-filters: [onMessageAdded]',
];

async function runFile(text: string, inputs: Inputs = {}): Promise<ActionRun> {
  await workspace.write(FILE, text);
  return runInProcess(
    {
      'account-sid': SECRETS.accountSid,
      'auth-token': SECRETS.authToken,
      'api-base-url': twilio().url,
      probe: 'off',
      'unmanaged-services': 'ignore',
      'config-file': FILE,
      ...inputs,
    },
    {
      env: { GITHUB_WORKSPACE: workspace.dir(), AUTO_HOOK: SECRET_HOOK },
      clock: recordingClock(),
    },
  );
}

interface ResourceOutput {
  readonly kind: string;
  readonly resource: string;
  readonly sid: string | null;
  readonly name?: string | null;
  readonly status: string;
  readonly diff: readonly { field: string; actual: unknown; desired: unknown }[];
  readonly reason: string | null;
}

const resourcesOf = (run: ActionRun) => JSON.parse(run.outputs.resources ?? '') as ResourceOutput[];

/** The resources output entry of one address. */
function resourceOf(run: ActionRun, address: string): ResourceOutput {
  const found = resourcesOf(run).find((r) => r.kind === 'address' && r.resource === address);
  if (found === undefined) throw new Error(`no resource ${address} in ${run.outputs.resources}`);
  return found;
}

/** Every POST Twilio received, as its path and form, in the order they came. */
const posts = () =>
  twilio()
    .requests.filter((r: RecordedRequest) => r.method === 'POST')
    .map(({ path, form }) => ({ path, form }));

/** The two lists, read at once in either order, then `after` in order. */
function expectRequests(...after: string[]): void {
  const sent = requestLines(twilio());
  expect(new Set(sent.slice(0, 2))).toEqual(new Set(['GET /v1/Services', `GET ${ADDRESSES}`]));
  expect(sent.slice(2)).toEqual(after);
}

const warnings = (run: ActionRun) =>
  run.annotations.filter((a) => a.level === 'warning' && a.title === WARNING_TITLE);

describe('an address the account has', () => {
  const FILE_TEXT = lines(
    'addresses:',
    `  - address: "${LINE}"`,
    '    friendly-name: Support line',
    '    auto-creation:',
    '      enabled: true',
    '      type: webhook',
    '      conversation-service: Support desk',
    '      webhook-url: ${AUTO_HOOK}',
    '      webhook-method: post',
    '      webhook-filters: [onMessageAdded, onParticipantAdded]',
  );

  it('is updated with only the fields that differ, verified, and then left alone', async () => {
    const run = await runFile(FILE_TEXT);
    expect(run.exitCode).toBe(0);
    expectRequests(`POST ${LINE_PATH}`);
    // Not FriendlyName, Enabled, Type or WebhookMethod: Twilio already has them (POST is post).
    expect(posts()).toEqual([
      {
        path: LINE_PATH,
        form: {
          'AutoCreation.ConversationServiceSid': [SUPPORT],
          'AutoCreation.WebhookUrl': [SECRET_HOOK],
          'AutoCreation.WebhookFilters': ['onMessageAdded', 'onParticipantAdded'],
        },
      },
    ]);
    expect(twilio().address(LINE).auto_creation).toEqual({
      ...LINE_SEED.auto_creation,
      conversation_service_sid: SUPPORT,
      webhook_url: SECRET_HOOK,
      webhook_filters: ['onMessageAdded', 'onParticipantAdded'],
    });
    const diff = [
      { field: 'auto_creation.conversation_service_sid', actual: SALES, desired: SUPPORT },
      { field: 'auto_creation.webhook_url', actual: OLD_HOOK, desired: SECRET_HOOK_OUT },
      {
        field: 'auto_creation.webhook_filters',
        actual: ['onMessageAdded'],
        desired: ['onMessageAdded', 'onParticipantAdded'],
      },
    ];
    expect(resourcesOf(run)).toEqual([
      {
        kind: 'address',
        resource: LINE,
        sid: LINE_SID,
        name: 'Support line',
        status: 'updated',
        diff,
        reason: null,
      },
    ]);
    expect(JSON.parse(run.outputs.diff ?? '')).toEqual(diff.map((d) => ({ resource: LINE, ...d })));
    expect(run.outputs).toMatchObject({ changed: 'true', drifted: 'true', config: '' });
    expect(warnings(run)).toEqual([]);
    expectNoSecrets(run);

    twilio().clearRequests();
    const again = await runFile(FILE_TEXT);
    expect(again.exitCode).toBe(0);
    expect(posts()).toEqual([]);
    expect(resourceOf(again, LINE)).toMatchObject({ status: 'in-sync', diff: [], reason: null });
    expect(again.outputs).toMatchObject({ changed: 'false', drifted: 'false' });
    // The summary, last: its wording is the report's to change.
    expect(run.summary).toContain('Address Configuration of +15005550006 (Support line)');
  });

  it.each([
    ['its friendly name', 'Support desk'],
    ['its SID', SUPPORT],
    ['its SID with the hex digits in upper case', SUPPORT.toUpperCase()],
  ])(
    'auto-creates into a service given by %s, sent as the SID the account lists',
    async (_, ref) => {
      const run = await runFile(
        lines(
          'addresses:',
          `  - address: "${LINE}"`,
          '    auto-creation:',
          `      conversation-service: ${ref}`,
        ),
      );
      expect(run.exitCode).toBe(0);
      expect(posts()).toEqual([
        { path: LINE_PATH, form: { 'AutoCreation.ConversationServiceSid': [SUPPORT] } },
      ]);
      expect(twilio().address(LINE_SID).auto_creation.conversation_service_sid).toBe(SUPPORT);
    },
  );

  it.each([
    [
      'from webhook to studio: the Studio fields come with the type',
      ['      type: studio', `      studio-flow-sid: ${FLOW}`, '      studio-retry-count: 2'],
      {
        'AutoCreation.Type': ['studio'],
        'AutoCreation.StudioFlowSid': [FLOW],
        'AutoCreation.StudioRetryCount': ['2'],
      },
      { type: 'studio', studio_flow_sid: FLOW, studio_retry_count: 2 },
    ],
    [
      'from webhook to default: the type alone',
      ['      type: Default'],
      { 'AutoCreation.Type': ['default'] },
      { type: 'default' },
    ],
  ])('changes the auto-creation type %s', async (_, keys, form, stored) => {
    const text = lines(
      'addresses:',
      `  - address: "${LINE}"`,
      '    auto-creation:',
      '      enabled: true',
      ...keys,
    );
    const run = await runFile(text);
    expect(run.exitCode).toBe(0);
    expect(posts()).toEqual([{ path: LINE_PATH, form }]);
    expect(twilio().address(LINE).auto_creation).toMatchObject(stored);
    expect(resourceOf(run, LINE).status).toBe('updated');

    twilio().clearRequests();
    const again = await runFile(text);
    expect(again.exitCode).toBe(0);
    expect(posts()).toEqual([]);
    expect(resourceOf(again, LINE).status).toBe('in-sync');
  });

  it('changes the type from studio to webhook, sending the webhook fields Twilio kept but did not show', async () => {
    const seeded = twilio().addAddress({
      type: 'whatsapp',
      address: 'whatsapp:+15005550030',
      auto_creation: {
        enabled: true,
        type: 'studio',
        studio_flow_sid: FLOW,
        studio_retry_count: 1,
        webhook_url: NEW_HOOK,
        webhook_method: 'POST',
      },
    });
    const run = await runFile(
      lines(
        'addresses:',
        ...LINE_IN_SYNC,
        '  - address: "whatsapp:+15005550030"',
        '    auto-creation:',
        '      type: webhook',
        `      webhook-url: ${NEW_HOOK}`,
        '      webhook-method: POST',
      ),
    );
    expect(run.exitCode).toBe(0);
    expect(posts()).toEqual([
      {
        path: `${ADDRESSES}/${seeded.sid}`,
        form: {
          'AutoCreation.Type': ['webhook'],
          'AutoCreation.WebhookUrl': [NEW_HOOK],
          'AutoCreation.WebhookMethod': ['post'],
        },
      },
    ]);
    expect(twilio().address(seeded.sid).auto_creation).toMatchObject({
      type: 'webhook',
      webhook_url: NEW_HOOK,
      webhook_method: 'POST',
    });
  });
  it('refuses a field of another type than the live one when the file sets no type, before any update', async () => {
    const run = await runFile(
      lines(
        'addresses:',
        `  - address: "${LINE}"`,
        '    friendly-name: Renamed',
        '    auto-creation:',
        '      studio-retry-count: 2',
      ),
    );
    expect(run.exitCode).toBe(1);
    expect(posts()).toEqual([]);
    expect(run.annotations.filter((a) => a.level === 'error')).toEqual([
      {
        level: 'error',
        title: 'Desired-state file',
        file: FILE,
        line: 2,
        message:
          'addresses[0].auto-creation.studio-retry-count belongs to type studio, but the live type is webhook and the entry does not set one: add type: studio to auto-creation.',
      },
    ]);
  });
});

describe('an address the account does not have yet', () => {
  const NEW_FILE = lines(
    'addresses:',
    ...LINE_IN_SYNC,
    '  - address: "+15005550009"',
    '    friendly-name: New line',
    '    auto-creation:',
    '      enabled: true',
    '      type: studio',
    '      conversation-service: Sales',
    `      studio-flow-sid: ${FLOW}`,
    '      studio-retry-count: 3',
    '  - address: "whatsapp:+15005550009"',
    '    auto-creation:',
    '      enabled: true',
    '      type: webhook',
    '      webhook-url: ${AUTO_HOOK}',
    '      webhook-method: GET',
    '      webhook-filters: onMessageAdded',
  );

  it('is created in apply mode with its type, its address and every field, and then left alone', async () => {
    const run = await runFile(NEW_FILE);
    expect(run.exitCode).toBe(0);
    const created = posts().sort((a, b) =>
      String(a.form?.Address).localeCompare(String(b.form?.Address)),
    );
    expect(created).toEqual([
      {
        path: ADDRESSES,
        form: {
          Type: ['sms'],
          Address: ['+15005550009'],
          FriendlyName: ['New line'],
          'AutoCreation.Enabled': ['true'],
          'AutoCreation.Type': ['studio'],
          'AutoCreation.ConversationServiceSid': [SALES],
          'AutoCreation.StudioFlowSid': [FLOW],
          'AutoCreation.StudioRetryCount': ['3'],
        },
      },
      {
        path: ADDRESSES,
        form: {
          Type: ['whatsapp'],
          Address: ['whatsapp:+15005550009'],
          'AutoCreation.Enabled': ['true'],
          'AutoCreation.Type': ['webhook'],
          'AutoCreation.WebhookUrl': [SECRET_HOOK],
          // The spec's enum is lower case.
          'AutoCreation.WebhookMethod': ['get'],
          'AutoCreation.WebhookFilters': ['onMessageAdded'],
        },
      },
    ]);
    const sms = twilio().address('+15005550009');
    const whatsapp = twilio().address('whatsapp:+15005550009');
    expect(sms).toMatchObject({
      type: 'sms',
      friendly_name: 'New line',
      auto_creation: {
        enabled: true,
        type: 'studio',
        conversation_service_sid: SALES,
        studio_flow_sid: FLOW,
        studio_retry_count: 3,
      },
    });
    expect(whatsapp.auto_creation).toMatchObject({
      webhook_url: SECRET_HOOK,
      webhook_method: 'GET',
      webhook_filters: ['onMessageAdded'],
    });
    expect(
      resourcesOf(run).map(({ resource, sid, name, status, reason }) => ({
        resource,
        sid,
        name,
        status,
        reason,
      })),
    ).toEqual([
      { resource: LINE, sid: LINE_SID, name: 'Support line', status: 'in-sync', reason: null },
      { resource: '+15005550009', sid: sms.sid, name: 'New line', status: 'updated', reason: null },
      {
        resource: 'whatsapp:+15005550009',
        sid: whatsapp.sid,
        name: null,
        status: 'updated',
        reason: null,
      },
    ]);
    expect(resourceOf(run, '+15005550009').diff).toEqual([
      { field: 'friendly_name', actual: null, desired: 'New line' },
      { field: 'auto_creation.enabled', actual: null, desired: 'true' },
      { field: 'auto_creation.type', actual: null, desired: 'studio' },
      { field: 'auto_creation.conversation_service_sid', actual: null, desired: SALES },
      { field: 'auto_creation.studio_flow_sid', actual: null, desired: FLOW },
      { field: 'auto_creation.studio_retry_count', actual: null, desired: '3' },
    ]);
    expect(run.outputs.changed).toBe('true');
    expectNoSecrets(run);

    twilio().clearRequests();
    const checked = await runFile(NEW_FILE, { mode: 'check' });
    expect(checked.exitCode).toBe(0);
    expect(posts()).toEqual([]);
    expect(resourcesOf(checked).map((r) => r.status)).toEqual(['in-sync', 'in-sync', 'in-sync']);
    expect(checked.outputs.drifted).toBe('false');
    // The summary, last: its wording is the report's to change.
    expect(run.summary).toContain(`Created as ${sms.sid}`);
    expect(run.summary).toContain('Address Configurations, and where a message to each goes');
  });

  const MISSING =
    'The Address Configuration of +15005550009 does not exist. Run in apply mode to create it, or take it out of the desired state.';

  it.each([
    ['true', 1, MISSING],
    ['false', 0, null],
  ])(
    'is drift in check mode (fail-on-drift %s), and nothing is created',
    async (failOnDrift, exitCode, reason) => {
      const run = await runFile(NEW_FILE, { mode: 'check', 'fail-on-drift': failOnDrift });
      expect(run.exitCode).toBe(exitCode);
      expect(posts()).toEqual([]);
      expectRequests();
      expect(
        twilio()
          .addresses()
          .map((a) => a.address),
      ).toEqual([LINE]);
      expect(resourceOf(run, '+15005550009')).toEqual({
        kind: 'address',
        resource: '+15005550009',
        sid: null,
        name: 'New line',
        status: 'drifted',
        diff: expect.arrayContaining([
          { field: 'auto_creation.type', actual: null, desired: 'studio' },
        ]) as unknown,
        reason,
      });
      expect(resourceOf(run, 'whatsapp:+15005550009')).toMatchObject({
        sid: null,
        status: 'drifted',
      });
      expect(run.outputs).toMatchObject({ changed: 'false', drifted: 'true' });
      if (reason !== null) expect(errorLine(run)).toContain('+15005550009 does not exist');
    },
  );
});

describe('a service that does not exist', () => {
  it.each([
    [
      'a SID',
      GONE,
      `addresses[0].auto-creation.conversation-service is ${GONE}, which is not a Conversations service of this account.`,
    ],
    [
      'a name',
      'Suport desk',
      'addresses[0].auto-creation.conversation-service is "Suport desk", which is the friendly name of no Conversations service of this account. Did you mean "Support desk"?',
    ],
  ])(
    'given by %s in the file, is refused before any update, on the line of conversation-service',
    async (_, ref, message) => {
      const run = await runFile(
        lines(
          '# Support line',
          'addresses:',
          `  - address: "${LINE}"`,
          '    friendly-name: Renamed',
          '    auto-creation:',
          `      conversation-service: ${ref}`,
        ),
      );
      expect(run.exitCode).toBe(1);
      expect(posts()).toEqual([]);
      expect(twilio().address(LINE).friendly_name).toBe('Support line');
      expect(run.annotations.filter((a) => a.level === 'error')).toEqual([
        { level: 'error', title: 'Desired-state file', file: FILE, line: 6, message },
      ]);
    },
  );

  it.each([
    [
      'an address nobody declared, auto-creation off',
      { type: 'sms', address: '+15005550010', auto_creation: { enabled: false } },
      [...LINE_IN_SYNC],
      ' (auto-creation is off): point it at a service of the account.',
      [],
    ],
    [
      'a declared address whose service the file does not manage',
      { type: 'sms', address: '+15005550010', auto_creation: { enabled: true } },
      [...LINE_IN_SYNC, '  - address: "+15005550010"', '    friendly-name: Kept line'],
      ': point it at a service of the account.',
      [{ FriendlyName: ['Kept line'] }],
    ],
  ])(
    'in what %s auto-creates into is a warning naming the address and the SID',
    async (_, seed, entries, consequence, forms) => {
      twilio().addAddress({
        ...seed,
        auto_creation: { ...seed.auto_creation, conversation_service_sid: GONE },
      });
      const run = await runFile(lines('addresses:', ...entries));
      expect(run.exitCode).toBe(0);
      expect(warnings(run).map((w) => w.message)).toEqual([
        `Address Configuration +15005550010 auto-creates into service ${GONE}, which is not a Conversations service of this account${consequence}`,
      ]);
      expect(posts().map((p) => p.form)).toEqual(forms);
      expect(twilio().address('+15005550010').auto_creation.conversation_service_sid).toBe(GONE);
    },
  );
});

describe('the addresses nobody declared: unmanaged-addresses', () => {
  const FORGOTTEN = '+15005550020';
  const LIVE_HOOK = urlWithPassword(SECRETS.livePassword, 'hooks.example.com');
  const RENAME = lines(
    'addresses:',
    ...LINE_IN_SYNC.map((line) => line.replace('Support line', 'Support line 2')),
  );

  it.each([
    ['warn', 0, true],
    ['fail', 1, true],
    ['ignore', 0, false],
  ])('%s: the update is sent, and exit %i', async (policy, exitCode, warned) => {
    const forgotten = twilio().addAddress({
      type: 'sms',
      address: FORGOTTEN,
      auto_creation: {
        enabled: true,
        type: 'webhook',
        conversation_service_sid: SALES,
        webhook_url: LIVE_HOOK,
      },
    });
    // Off: a message to it creates nothing, so nobody needs to hear of it.
    twilio().addAddress({
      type: 'email',
      address: 'off@example.com',
      auto_creation: { enabled: false },
    });
    const run = await runFile(RENAME, { 'unmanaged-addresses': policy });
    expect(run.exitCode).toBe(exitCode);
    expect(posts()).toEqual([{ path: LINE_PATH, form: { FriendlyName: ['Support line 2'] } }]);
    expect(resourceOf(run, LINE).status).toBe('updated');
    expect(warnings(run).map((w) => w.message)).toEqual(
      warned
        ? [
            `Address Configuration ${FORGOTTEN} (${forgotten.sid}) is not declared in ${FILE} and auto-creates conversations in service ${SALES} (Sales), with webhook https://***@hooks.example.com/twilio/post.`,
          ]
        : [],
    );
    if (policy === 'fail') {
      expect(errorLine(run)).toContain(
        `1 Address Configuration not declared auto-creates conversations (unmanaged-addresses: fail): ${FORGOTTEN}.`,
      );
    } else {
      expect(annotationsOf(run, 'error')).toEqual([]);
    }
    expectNoSecrets(run);
  });

  it.each([
    ['warn', [`GET ${ADDRESSES}`], 1],
    ['ignore', [], 0],
  ])(
    '%s, with only the account-wide configuration in the file: listed %j',
    async (policy, listed, count) => {
      const run = await runFile(lines('account:', `  post-webhook-url: ${NEW_HOOK}`), {
        'unmanaged-addresses': policy,
        mode: 'check',
        'fail-on-drift': 'false',
      });
      expect(run.exitCode).toBe(0);
      expect(requestLines(twilio()).filter((line) => line.startsWith(`GET ${ADDRESSES}`))).toEqual(
        listed,
      );
      expect(warnings(run).map((w) => w.message)).toEqual(
        count === 0
          ? []
          : [
              `Address Configuration ${LINE} (${LINE_SID}) is not declared in ${FILE} and auto-creates conversations in service ${SALES} (Sales), with webhook ${OLD_HOOK}.`,
            ],
      );
    },
  );

  it('says when an undeclared address auto-creates into the account’s default service', async () => {
    const bare = twilio().addAddress({
      type: 'whatsapp',
      address: 'whatsapp:+15005550021',
      auto_creation: { enabled: true, type: 'default' },
    });
    const run = await runFile(lines('addresses:', ...LINE_IN_SYNC));
    expect(run.exitCode).toBe(0);
    expect(warnings(run).map((w) => w.message)).toEqual([
      `Address Configuration whatsapp:+15005550021 (${bare.sid}) is not declared in ${FILE} and auto-creates conversations in the account's default service.`,
    ]);
  });
});

describe('export, then check', () => {
  it('writes every address with its type’s keys, sends no update, and a check of the file is in sync', async () => {
    const studio = {
      type: 'whatsapp',
      address: 'whatsapp:+15005550040',
      friendly_name: 'Flow line',
      auto_creation: {
        enabled: false,
        type: 'studio' as const,
        conversation_service_sid: SUPPORT,
        studio_flow_sid: FLOW,
        studio_retry_count: 0,
      },
    };
    twilio().addAddress(studio);
    twilio().addAddress({
      type: 'EMAIL',
      address: 'support+${team}@example.com',
      friendly_name: 'Mailbox: "support" & <sales>',
    });
    const exported = await runFile('', { mode: 'export' });
    expect(exported.exitCode).toBe(0);
    expect(exported.outputs['config-file']).toBe(FILE);
    expect(posts()).toEqual([]);
    const text = await workspace.read(FILE);
    const written = parse(text) as { addresses: unknown };
    expect(written.addresses).toEqual([
      {
        address: LINE,
        type: 'sms',
        'friendly-name': 'Support line',
        // The type's own keys only: the Studio Flow Twilio keeps for the line is not its own now.
        'auto-creation': {
          enabled: true,
          type: 'webhook',
          'conversation-service': SALES,
          'webhook-url': OLD_HOOK,
          'webhook-method': 'POST',
          'webhook-filters': ['onMessageAdded'],
        },
      },
      {
        address: studio.address,
        type: 'whatsapp',
        'friendly-name': 'Flow line',
        'auto-creation': {
          enabled: false,
          type: 'studio',
          'conversation-service': SUPPORT,
          'studio-flow-sid': FLOW,
          'studio-retry-count': 0,
        },
      },
      {
        // ${ is written $${, which the reader takes for a literal ${.
        address: 'support+$${team}@example.com',
        type: 'email',
        'friendly-name': 'Mailbox: "support" & <sales>',
        'auto-creation': { enabled: false, type: 'default' },
      },
    ]);

    twilio().clearRequests();
    const checked = await runFile(text, { mode: 'check' });
    expect(checked.exitCode).toBe(0);
    expect(posts()).toEqual([]);
    expect(checked.outputs.drifted).toBe('false');
    expect(
      resourcesOf(checked)
        .filter((r) => r.kind === 'address')
        .map((r) => [r.resource, r.sid, r.status]),
    ).toEqual([
      [LINE, LINE_SID, 'in-sync'],
      [studio.address, twilio().address(studio.address).sid, 'in-sync'],
      [
        'support+${team}@example.com',
        twilio().address('support+${team}@example.com').sid,
        'in-sync',
      ],
    ]);
    expect(warnings(checked)).toEqual([]);
  });

  it('exports an address whose service no longer exists so that a check of the file still runs', async () => {
    twilio().addAddress({
      type: 'sms',
      address: '+15005550041',
      auto_creation: { enabled: false, type: 'default', conversation_service_sid: GONE },
    });
    const exported = await runFile('', { mode: 'export' });
    expect(exported.exitCode).toBe(0);
    const text = await workspace.read(FILE);
    // The file says why it leaves the service out, above the address.
    expect(text).toContain(
      `# auto-creation.conversation-service is ${GONE}, which is not a Conversations service of this account: left out, so this file does not manage it. Point it at one of the account's services.\n    address: "+15005550041"`,
    );

    twilio().clearRequests();
    const checked = await runFile(text, { mode: 'check' });
    expect(errorLine(checked)).toBe('');
    expect(checked.exitCode).toBe(0);
    expect(posts()).toEqual([]);
    expect(warnings(checked).map((w) => w.message)).toEqual([
      `Address Configuration +15005550041 auto-creates into service ${GONE}, which is not a Conversations service of this account (auto-creation is off): point it at a service of the account.`,
    ]);
  });
});

describe('a new webhook URL is probed first', () => {
  it('a probe that fails: no update and no create is sent, and every resource with a diff fails', async () => {
    preview().script([{ status: 404, body: 'no such deployment' }]);
    const hook = `${preview().url}/twilio/auto?token=bypass`;
    const run = await runFile(
      lines(
        'addresses:',
        `  - address: "${LINE}"`,
        '    auto-creation:',
        `      webhook-url: ${hook}`,
        '      webhook-method: GET',
        '  - address: "+15005550009"',
        '    friendly-name: New line',
        '  - address: support@example.com',
        '    type: email',
        '    friendly-name: Never created',
      ),
      { probe: 'auto', 'probe-timeout-seconds': '0' },
    );
    expect(run.exitCode).toBe(1);
    expect(posts()).toEqual([]);
    // The address's webhook hears post-events, with the method it is to be called with.
    const probes = preview().requests.map((r) => {
      const query = new URLSearchParams(r.query);
      return [r.method, r.path, query.get('token'), query.get('EventType')];
    });
    expect(probes).toEqual([['GET', '/twilio/auto', 'bypass', 'onWebhookProbe']]);
    expect(run.stdout.join('\n')).toContain(
      `Probe of the post-event hook at ${preview().url}/twilio/auto?token=***, attempt 1: Answered 404`,
    );
    const why = `No update was sent: the probe of ${preview().url}/twilio/auto?token=*** did not pass after 1 attempt (Answered 404`;
    expect(
      resourcesOf(run).map(({ resource, sid, status, reason }) => [resource, sid, status, reason]),
    ).toEqual([
      [LINE, LINE_SID, 'failed', expect.stringContaining(why)],
      ['+15005550009', null, 'failed', expect.stringContaining(why)],
      ['support@example.com', null, 'failed', expect.stringContaining(why)],
    ]);
    expect(JSON.parse(run.outputs.probed ?? '')).toEqual([
      { url: hook, passed: false, attempts: 1, status: 404, ms: expect.any(Number) as number },
    ]);
    expect(
      twilio()
        .addresses()
        .map((a) => a.address),
    ).toEqual([LINE]);
    expect(twilio().address(LINE).auto_creation.webhook_url).toBe(OLD_HOOK);
  });

  it('a probe that passes: then the update, with the URL probed', async () => {
    const hook = `${preview().url}/twilio/auto`;
    const run = await runFile(
      lines(
        'addresses:',
        `  - address: "${LINE}"`,
        '    auto-creation:',
        `      webhook-url: ${hook}`,
      ),
      { probe: 'auto' },
    );
    expect(run.exitCode).toBe(0);
    expect(preview().requests.map((r) => [r.method, r.form?.EventType])).toEqual([
      ['POST', ['onWebhookProbe']],
    ]);
    const [probeRequest] = preview().requests;
    const [update] = twilio().requests.filter((r) => r.method === 'POST');
    expect(probeRequest?.at).toBeLessThanOrEqual(update?.at ?? 0);
    expect(posts()).toEqual([{ path: LINE_PATH, form: { 'AutoCreation.WebhookUrl': [hook] } }]);
  });
});

describe('an update Twilio does not hold as asked', () => {
  const CHANGE = lines(
    'addresses:',
    `  - address: "${LINE}"`,
    '    auto-creation:',
    `      webhook-url: ${NEW_HOOK}`,
    '      webhook-filters: [onMessageAdded, onDeliveryUpdated]',
  );

  it('is rolled back: the changed fields are put back as they were, verified, and the step fails', async () => {
    twilio().inject({
      kind: 'ignore-update',
      fields: ['webhook_url'],
      method: 'POST',
      pathEquals: LINE_PATH,
    });
    const run = await runFile(CHANGE);
    expect(run.exitCode).toBe(1);
    expect(posts()).toEqual([
      {
        path: LINE_PATH,
        form: {
          'AutoCreation.WebhookUrl': [NEW_HOOK],
          'AutoCreation.WebhookFilters': ['onMessageAdded', 'onDeliveryUpdated'],
        },
      },
      {
        path: LINE_PATH,
        form: {
          'AutoCreation.WebhookUrl': [OLD_HOOK],
          'AutoCreation.WebhookFilters': ['onMessageAdded'],
        },
      },
    ]);
    expect(twilio().address(LINE).auto_creation).toEqual(LINE_SEED.auto_creation);
    const { status, reason } = resourceOf(run, LINE);
    expect(status).toBe('failed');
    expect(reason).toBe(
      `Twilio accepted the update, but its answer does not match: configuration differs in 1 field: auto_creation.webhook_url is "${OLD_HOOK}" (desired "${NEW_HOOK}"). Rolled back: auto_creation.webhook_url, auto_creation.webhook_filters restored to the values from before this run, and verified.`,
    );
    expect(errorLine(run)).toContain('Rolled back');
  });

  it('is left as Twilio holds it with rollback: false, and the step fails', async () => {
    twilio().inject({
      kind: 'ignore-update',
      fields: ['webhook_url'],
      method: 'POST',
      pathEquals: LINE_PATH,
    });
    const run = await runFile(CHANGE, { rollback: 'false' });
    expect(run.exitCode).toBe(1);
    expect(posts()).toHaveLength(1);
    expect(twilio().address(LINE).auto_creation).toMatchObject({
      webhook_url: OLD_HOOK,
      webhook_filters: ['onMessageAdded', 'onDeliveryUpdated'],
    });
    expect(resourceOf(run, LINE).reason).toBe(
      `Twilio accepted the update, but its answer does not match: configuration differs in 1 field: auto_creation.webhook_url is "${OLD_HOOK}" (desired "${NEW_HOOK}").`,
    );
  });
});

describe('a create Twilio does not answer as asked', () => {
  const CREATE = lines(
    'addresses:',
    ...LINE_IN_SYNC,
    '  - address: "+15005550009"',
    '    auto-creation:',
    '      enabled: true',
    '      type: studio',
    `      studio-flow-sid: ${FLOW}`,
    '      studio-retry-count: 3',
  );

  it('is not rolled back, since nothing is ever deleted: it fails, and the next run updates it', async () => {
    twilio().inject({
      kind: 'ignore-update',
      fields: ['studio_retry_count'],
      method: 'POST',
      pathEquals: ADDRESSES,
    });
    const run = await runFile(CREATE);
    expect(run.exitCode).toBe(1);
    expect(posts().map((p) => p.path)).toEqual([ADDRESSES]);
    const created = twilio().address('+15005550009');
    expect(created.auto_creation).toMatchObject({ type: 'studio', studio_retry_count: null });
    expect(resourceOf(run, '+15005550009')).toMatchObject({
      sid: created.sid,
      status: 'failed',
      reason: `Twilio created the Address Configuration of +15005550009 (${created.sid}), but its answer does not match: configuration differs in 1 field: auto_creation.studio_retry_count is null (desired "3"). Nothing is deleted: the next run updates it.`,
    });

    twilio().clearRequests();
    const next = await runFile(CREATE);
    expect(next.exitCode).toBe(0);
    expect(posts()).toEqual([
      {
        path: `${ADDRESSES}/${created.sid}`,
        form: { 'AutoCreation.StudioRetryCount': ['3'] },
      },
    ]);
    expect(resourceOf(next, '+15005550009')).toMatchObject({ sid: created.sid, status: 'updated' });
  });

  /** A create whose answer is lost `how`: found by listing again, reported updated, with a note. */
  async function expectFoundAgain(how: 'reset' | 'malformed'): Promise<void> {
    twilio().inject({ kind: 'lose-answer', how, method: 'POST', pathEquals: ADDRESSES });
    const run = await runFile(CREATE);
    expect(errorLine(run)).toBe('');
    expect(run.exitCode).toBe(0);
    expect(posts().map((p) => p.path)).toEqual([ADDRESSES]);
    expect(requestLines(twilio()).filter((line) => line === `GET ${ADDRESSES}`)).toHaveLength(2);
    const created = twilio().address('+15005550009');
    expect(resourceOf(run, '+15005550009')).toMatchObject({ sid: created.sid, status: 'updated' });
    expect(annotationsOf(run, 'warning')).toEqual([
      expect.stringMatching(
        /^The create's answer was lost \(.+\), but the Address Configurations listed again have it\.$/,
      ),
    ]);
  }

  it('whose answer is lost in a body that is not JSON is found among the account’s addresses', async () => {
    await expectFoundAgain('malformed');
  });

  it('whose answer is lost with the connection is found among the account’s addresses', async () => {
    await expectFoundAgain('reset');
  });

  it('answered 503 is not sent again: the addresses listed again show it was not created', async () => {
    twilio().inject({
      kind: 'status',
      status: 503,
      body: twilioErrorBody(503, 20503, 'Service Unavailable'),
      method: 'POST',
      pathEquals: ADDRESSES,
    });
    const run = await runFile(CREATE);
    expect(run.exitCode).toBe(1);
    expect(posts().map((p) => p.path)).toEqual([ADDRESSES]);
    expect(requestLines(twilio()).filter((line) => line === `GET ${ADDRESSES}`)).toHaveLength(2);
    expect(resourceOf(run, '+15005550009')).toMatchObject({ sid: null, status: 'failed' });
    expect(errorLine(run)).toContain(
      'The Address Configuration of +15005550009 was not created: Twilio answered 503 to POST /v1/Configuration/Addresses',
    );
    expect(errorLine(run)).toContain("It is not among the account's.");

    twilio().clearRequests();
    const next = await runFile(CREATE);
    expect(next.exitCode).toBe(0);
    expect(resourceOf(next, '+15005550009')).toMatchObject({
      sid: twilio().address('+15005550009').sid,
      status: 'updated',
    });
  });

  it('refused as a duplicate, sent once, says the address is written otherwise than Twilio has it', async () => {
    twilio().inject({
      kind: 'status',
      status: 409,
      body: twilioErrorBody(409, 20409, 'An Address Configuration already exists'),
      method: 'POST',
      pathEquals: ADDRESSES,
    });
    const run = await runFile(CREATE);
    expect(run.exitCode).toBe(1);
    expect(posts().map((p) => p.path)).toEqual([ADDRESSES]);
    expect(resourceOf(run, '+15005550009')).toMatchObject({ sid: null, status: 'failed' });
    expect(errorLine(run)).toContain(
      'was not created: Twilio answered 409 to POST /v1/Configuration/Addresses',
    );
    expect(errorLine(run)).toContain(
      'Twilio has a configuration for this address already, written otherwise than in the file: write it exactly as the list of Address Configurations does (mode: export writes it so).',
    );
  });
});

describe('a key that may not list the Address Configurations', () => {
  const forbidden = () => {
    twilio().inject({
      kind: 'status',
      status: 403,
      body: twilioErrorBody(403, 70051, 'Authorization Failed'),
      method: 'GET',
      pathEquals: ADDRESSES,
      times: 10,
    });
  };

  it('weakens the check to a warning when the file has no addresses', async () => {
    forbidden();
    const run = await runFile(lines('account:', `  post-webhook-url: ${NEW_HOOK}`));
    expect(run.exitCode).toBe(0);
    expect(posts().map((p) => p.path)).toEqual(['/v1/Configuration/Webhooks']);
    expect(twilio().accountConfig().post_webhook_url).toBe(NEW_HOOK);
    expect(warnings(run).map((w) => w.message)).toEqual([
      expect.stringMatching(
        /^Could not check the Address Configurations: the credential may not list Address Configurations \(.*\)\. Give the credential permission to list them, or set unmanaged-addresses: ignore\.$/,
      ),
    ]);
    expect(annotationsOf(run, 'error')).toEqual([]);
  });

  it('fails the run before any update when the file has addresses to find', async () => {
    forbidden();
    const run = await runFile(
      lines('account:', `  post-webhook-url: ${NEW_HOOK}`, 'addresses:', ...LINE_IN_SYNC),
    );
    expect(run.exitCode).toBe(1);
    expect(posts()).toEqual([]);
    expect(errorLine(run)).toMatch(/403/);
  });
});

describe('a key that may not list the services', () => {
  const RESTRICTED = {
    'auth-token': '',
    'api-key': SECRETS.apiKeySid,
    'api-secret': SECRETS.apiSecret,
  };
  const INTO = (ref: string) =>
    lines(
      'addresses:',
      `  - address: "${LINE}"`,
      '    auto-creation:',
      `      conversation-service: ${ref}`,
    );

  it('takes a service’s SID on trust, and sends the update', async () => {
    const run = await runFile(INTO(SUPPORT), RESTRICTED);
    expect(run.exitCode).toBe(0);
    expectRequests(`POST ${LINE_PATH}`);
    expect(posts()).toEqual([
      { path: LINE_PATH, form: { 'AutoCreation.ConversationServiceSid': [SUPPORT] } },
    ]);
    expect(resourceOf(run, LINE).status).toBe('updated');
    expectNoSecrets(run);
  });

  it('says nothing of services that override the account-wide configuration, which the file does not manage', async () => {
    const run = await runFile(INTO(SUPPORT), RESTRICTED);
    expect(run.exitCode).toBe(0);
    expect(
      run.annotations.filter((a) => a.message.includes('services that override the account-wide')),
    ).toEqual([]);
    // What the key could not show is said once: the service the address points at is taken on trust.
    expect(warnings(run).map((w) => w.message)).toEqual([
      expect.stringMatching(
        /^Could not check that the services the Address Configurations auto-create into exist: the credential may not list services \(.*70051.*\)\.$/,
      ),
    ]);
  });

  it('cannot find a service by its name: the run fails before any update', async () => {
    const run = await runFile(INTO('Support desk'), RESTRICTED);
    expect(run.exitCode).toBe(1);
    expect(posts()).toEqual([]);
    expect(errorLine(run)).toContain('70051');
    expectNoSecrets(run);
  });
});
