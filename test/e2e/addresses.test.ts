// Address Configurations through dist/index.js as the runner starts it (INPUT_* variables,
// GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, stdout commands, the exit code), against the
// Twilio emulator over loopback. A few runs, for what only the runner's view shows: every other
// behaviour is proven in-process (test/integration/addresses.test.ts). Run `npm run bundle`
// first when src/ has changed since dist/ was built.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AddressSeed } from '../emulator/twilio-emulator.js';
import { errorLine, runDist } from '../support/action.js';
import type { ActionRun, Inputs } from '../support/action.js';
import { expectNoSecrets, SECRETS, urlWithPassword } from '../support/secrets.js';
import { QUIET, requestLines, useTwilioEmulator } from '../support/twilio-emulator-hooks.js';

const SUPPORT = 'IS00000000000000000000000000000001';
const SALES = 'IS00000000000000000000000000000002';
const FLOW = 'FW0123456789abcdef0123456789abcdef';
const LINE = '+15005550006';
const LINE_SID = 'IG00000000000000000000000000000001';
const ADDRESSES = '/v1/Configuration/Addresses';
const FILE = 'twilio/webhooks.yml';
const HOOK = urlWithPassword(SECRETS.urlPassword, 'api.example.com');

const LINE_SEED: AddressSeed = {
  sid: LINE_SID,
  type: 'sms',
  address: LINE,
  friendly_name: 'Support line',
  auto_creation: {
    enabled: true,
    type: 'webhook',
    conversation_service_sid: SALES,
    webhook_url: 'https://old.example.com/auto',
    webhook_method: 'POST',
    webhook_filters: ['onMessageAdded'],
  },
};

const emulator = useTwilioEmulator({
  accountSid: SECRETS.accountSid,
  authToken: SECRETS.authToken,
  services: [
    { sid: SUPPORT, friendlyName: 'Support desk' },
    { sid: SALES, friendlyName: 'Sales' },
  ],
  addresses: [LINE_SEED],
});

let workspace = '';
beforeEach(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'workspace-'));
});
afterEach(async () => {
  await rm(workspace, { recursive: true, force: true });
});

const FILE_TEXT = [
  'addresses:',
  `  - address: "${LINE}"`,
  '    auto-creation:',
  '      conversation-service: Support desk',
  '      webhook-url: ${AUTO_HOOK}',
  '  - address: "whatsapp:+15005550009"',
  '    friendly-name: New line',
  '    auto-creation:',
  '      enabled: true',
  '      type: studio',
  `      studio-flow-sid: ${FLOW}`,
  '      studio-retry-count: 3',
  '',
].join('\n');

async function dist(inputs: Inputs = {}, text = FILE_TEXT): Promise<ActionRun> {
  await mkdir(join(workspace, 'twilio'), { recursive: true });
  await writeFile(join(workspace, FILE), text);
  return runDist(
    {
      'account-sid': SECRETS.accountSid,
      'auth-token': SECRETS.authToken,
      'api-base-url': emulator().url,
      'config-file': FILE,
      ...QUIET,
      ...inputs,
    },
    { env: { GITHUB_WORKSPACE: workspace, AUTO_HOOK: HOOK } },
  );
}

describe('dist/index.js with Address Configurations', () => {
  it('applies: updates one, creates one, and writes both to the resources output', async () => {
    const run = await dist();
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    const created = emulator().address('whatsapp:+15005550009');
    expect(requestLines(emulator()).sort()).toEqual(
      [
        'GET /v1/Services',
        `GET ${ADDRESSES}`,
        `POST ${ADDRESSES}/${LINE_SID}`,
        `POST ${ADDRESSES}`,
      ].sort(),
    );
    expect(emulator().address(LINE).auto_creation).toMatchObject({
      conversation_service_sid: SUPPORT,
      webhook_url: HOOK,
    });
    expect(created).toMatchObject({
      type: 'whatsapp',
      friendly_name: 'New line',
      auto_creation: {
        enabled: true,
        type: 'studio',
        studio_flow_sid: FLOW,
        studio_retry_count: 3,
      },
    });
    expect(JSON.parse(run.outputs.resources ?? '')).toEqual([
      {
        kind: 'address',
        resource: LINE,
        sid: LINE_SID,
        name: 'Support line',
        status: 'updated',
        diff: [
          { field: 'auto_creation.conversation_service_sid', actual: SALES, desired: SUPPORT },
          {
            field: 'auto_creation.webhook_url',
            actual: 'https://old.example.com/auto',
            desired: 'https://***@api.example.com/twilio/post',
          },
        ],
        reason: null,
      },
      {
        kind: 'address',
        resource: 'whatsapp:+15005550009',
        sid: created.sid,
        name: 'New line',
        status: 'updated',
        diff: [
          { field: 'friendly_name', actual: null, desired: 'New line' },
          { field: 'auto_creation.enabled', actual: null, desired: 'true' },
          { field: 'auto_creation.type', actual: null, desired: 'studio' },
          { field: 'auto_creation.studio_flow_sid', actual: null, desired: FLOW },
          { field: 'auto_creation.studio_retry_count', actual: null, desired: '3' },
        ],
        reason: null,
      },
    ]);
    expect(run.outputs).toMatchObject({ changed: 'true', drifted: 'true', 'config-file': '' });
    // The step's secrets are masked before anything else is printed.
    expect(
      run.stdout.some((line) => line.startsWith('::add-mask::') && line.includes('URLPASS')),
    ).toBe(true);
    expectNoSecrets(run);
  });

  it('unmanaged-addresses: fail: an undeclared address that auto-creates fails the step', async () => {
    const forgotten = emulator().addAddress({
      type: 'sms',
      address: '+15005550020',
      auto_creation: {
        enabled: true,
        type: 'webhook',
        webhook_url: urlWithPassword(SECRETS.livePassword, 'hooks.example.com'),
      },
    });
    const inSync = [
      'addresses:',
      `  - address: "${LINE}"`,
      '    friendly-name: Support line',
      '',
    ].join('\n');
    const run = await dist({ 'unmanaged-addresses': 'fail' }, inSync);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(1);
    expect(emulator().requests.filter((r) => r.method === 'POST')).toEqual([]);
    expect(run.annotations.filter((a) => a.level === 'warning')).toEqual([
      {
        level: 'warning',
        title: 'Twilio Address Configuration',
        message: `Address Configuration +15005550020 (${forgotten.sid}) is not declared in ${FILE} and auto-creates conversations in the account's default service, with webhook https://***@hooks.example.com/twilio/post.`,
      },
    ]);
    expect(errorLine(run)).toContain(
      '1 Address Configuration not declared auto-creates conversations (unmanaged-addresses: fail): +15005550020.',
    );
    expect(JSON.parse(run.outputs.resources ?? '')).toMatchObject([
      { kind: 'address', resource: LINE, sid: LINE_SID, status: 'in-sync' },
    ]);
    expectNoSecrets(run);
  });

  it('a service the account does not have: an error on the file’s line, and nothing sent', async () => {
    const text = [
      'addresses:',
      `  - address: "${LINE}"`,
      '    auto-creation:',
      '      conversation-service: Support dsk',
      '',
    ].join('\n');
    const run = await dist({}, text);
    expect(run.exitCode).toBe(1);
    expect(emulator().requests.map((r) => r.method)).toEqual(['GET', 'GET']);
    expect(run.annotations.filter((a) => a.level === 'error')).toEqual([
      {
        level: 'error',
        title: 'Desired-state file',
        file: FILE,
        line: 4,
        message:
          'addresses[0].auto-creation.conversation-service is "Support dsk", which is the friendly name of no Conversations service of this account. Did you mean "Support desk"?',
      },
    ]);
    expect(run.outputs.changed).toBe('false');
  });
});
