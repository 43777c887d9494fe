// Answers that Twilio's OpenAPI description allows, through run() in-process against the
// emulator: service SIDs with upper-case hex digits (the pattern is ^IS[0-9a-fA-F]{32}$), a
// services list that repeats a page, and configurations with properties left out or null (the
// spec makes every property nullable and none required). Each test has an emulator of its own,
// told how to answer.
import { mkdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CREDENTIALS as CREDS, startTwilioEmulator } from '../emulator/twilio-emulator.js';
import type { EmulatorOptions, TwilioEmulator } from '../emulator/twilio-emulator.js';
import { annotationsOf, errorLine, runInProcess } from '../support/action.js';
import type { Inputs } from '../support/action.js';
import { ownServer } from '../support/servers.js';
import { emulatorInputs, requestLines } from '../support/twilio-emulator-hooks.js';
import { useWorkspace } from '../support/workspace.js';

/** Listed with upper-case hex digits, named in the file by its friendly name. */
const SUPPORT = 'IS000000000000000000000000AB0C0001';
/** Listed in lower case, given in the file in upper case. */
const SALES = 'IS000000000000000000000000ab0c0002';
/** Listed with upper-case hex digits, not declared, with hooks of its own. */
const FORGOTTEN = 'IS000000000000000000000000EF0D0003';
const FILE_NAME = 'twilio/webhooks.yml';

const FILE = `
account:
  filters: [onMessageAdded]
  post-webhook-url: https://api.example.com/twilio/events
services:
  - name: Support desk
    post-webhook-url: https://support.example.com/twilio
  - sid: ${SALES.toUpperCase()}
    post-webhook-url: https://sales.example.com/twilio
`;

const workspace = useWorkspace();
function start(options: EmulatorOptions = {}): Promise<TwilioEmulator> {
  return ownServer(startTwilioEmulator(options));
}

/** An emulator with the three services, FORGOTTEN overriding the account-wide hooks. */
async function account(options: EmulatorOptions = {}): Promise<TwilioEmulator> {
  const twilio = await start({
    services: [
      { sid: SUPPORT, friendlyName: 'Support desk' },
      { sid: SALES, friendlyName: 'Sales' },
      { sid: FORGOTTEN, friendlyName: 'Old pilot' },
    ],
    ...options,
  });
  twilio.setServiceConfig(FORGOTTEN, { post_webhook_url: 'https://old.example.com/hook' });
  return twilio;
}

async function runFile(twilio: TwilioEmulator, inputs: Inputs = {}, text = FILE) {
  await mkdir(`${workspace.dir()}/twilio`, { recursive: true });
  if (inputs.mode !== 'export') await workspace.write(FILE_NAME, text);
  return runInProcess(
    {
      ...emulatorInputs(twilio),
      'unmanaged-services': 'warn',
      'config-file': FILE_NAME,
      ...inputs,
    },
    { env: { GITHUB_WORKSPACE: workspace.dir() } },
  );
}

const updates = (twilio: TwilioEmulator) =>
  requestLines(twilio).filter((line) => line.startsWith('POST '));
const configPath = (sid: string) => `/v1/Services/${sid}/Configuration/Webhooks`;
const overrideWarnings = (run: Awaited<ReturnType<typeof runFile>>) =>
  annotationsOf(run, 'warning').filter((w) => w.includes('is not declared'));

describe('service SIDs with upper-case hex digits', () => {
  it('resolve names and SIDs in either case, and the undeclared service is found once', async () => {
    const twilio = await account();
    const run = await runFile(twilio);
    expect(errorLine(run)).toBe('');
    expect(run.exitCode).toBe(0);
    // Each service is called by the SID as Twilio lists it.
    expect(updates(twilio)).toEqual([
      'POST /v1/Configuration/Webhooks',
      `POST ${configPath(SUPPORT)}`,
      `POST ${configPath(SALES)}`,
    ]);
    expect(twilio.serviceConfig(SALES).post_webhook_url).toBe('https://sales.example.com/twilio');
    expect(overrideWarnings(run)).toEqual([expect.stringContaining(`Service ${FORGOTTEN}`)]);
  });

  it('are accepted in the service-sid input, and sent as written', async () => {
    const twilio = await account();
    const run = await runInProcess({
      ...emulatorInputs(twilio),
      'service-sid': SUPPORT,
      'post-webhook-url': 'https://support.example.com/twilio',
    });
    expect(errorLine(run)).toBe('');
    expect(updates(twilio)).toEqual([`POST ${configPath(SUPPORT)}`]);
  });
});

describe('a services list that repeats a page', () => {
  it('lists each service once: one fetch, one warning, a name that one service has', async () => {
    const twilio = await account({ repeatServicePages: 2 });
    const run = await runFile(twilio);
    expect(errorLine(run)).toBe('');
    expect(run.exitCode).toBe(0);
    // The first page, then the same page twice more behind its next_page_url.
    expect(requestLines(twilio).filter((line) => line === 'GET /v1/Services')).toHaveLength(3);
    for (const sid of [SUPPORT, SALES, FORGOTTEN]) {
      expect(requestLines(twilio).filter((line) => line === `GET ${configPath(sid)}`)).toHaveLength(
        1,
      );
    }
    expect(overrideWarnings(run)).toHaveLength(1);
  });

  it('exports each service once, and a check of the export is in sync', async () => {
    const twilio = await account({ repeatServicePages: 2 });
    const exported = await runFile(twilio, { mode: 'export' });
    expect(errorLine(exported)).toBe('');
    const text = await workspace.read(FILE_NAME);
    for (const sid of [SUPPORT, SALES, FORGOTTEN]) {
      expect(text.split(`sid: ${sid}`)).toHaveLength(2);
    }
    const checked = await runFile(twilio, { mode: 'check' }, text);
    expect(errorLine(checked)).toBe('');
    expect(checked.outputs.drifted).toBe('false');
  });
});

describe('configurations with properties left out', () => {
  const INPUTS = {
    filters: 'onMessageAdded',
    'post-webhook-url': 'https://api.example.com/twilio/events',
  };

  it('without url and target: applied, verified, then in sync', async () => {
    const twilio = await start({ omitFields: ['url', 'target'] });
    const applied = await runInProcess({ ...emulatorInputs(twilio), ...INPUTS });
    expect(errorLine(applied)).toBe('');
    expect(applied.outputs.changed).toBe('true');
    const checked = await runInProcess({ ...emulatorInputs(twilio), ...INPUTS, mode: 'check' });
    expect(errorLine(checked)).toBe('');
    expect(checked.outputs.drifted).toBe('false');
  });

  it('without url and chat_service_sid, for a service: applied and verified', async () => {
    const twilio = await account({ omitFields: ['url', 'chat_service_sid'] });
    const run = await runFile(twilio);
    expect(errorLine(run)).toBe('');
    expect(run.exitCode).toBe(0);
    expect(updates(twilio)).toHaveLength(3);
  });

  it('without a managed field: the verification fails, naming it', async () => {
    const twilio = await start({ omitFields: ['method'] });
    const run = await runInProcess({ ...emulatorInputs(twilio), ...INPUTS, method: 'POST' });
    expect(run.exitCode).toBe(1);
    expect(errorLine(run)).toContain('method is null (desired "POST")');
    expect(twilio.accountConfig().method).toBe('POST');
  });
});

describe('a configuration that names no account', () => {
  it.each<[string, EmulatorOptions, (twilio: TwilioEmulator) => void]>([
    [
      'account_sid null',
      {},
      (twilio) => {
        twilio.setAccountConfig({ account_sid: null });
      },
    ],
    ['account_sid left out', { omitFields: ['account_sid'] }, () => undefined],
  ])('%s: fails naming account_sid, before any update', async (_case, options, arrange) => {
    const twilio = await start(options);
    arrange(twilio);
    const run = await runInProcess({
      ...emulatorInputs(twilio),
      'post-webhook-url': 'https://api.example.com/twilio/events',
    });
    expect(run.exitCode).toBe(1);
    expect(errorLine(run)).toContain(
      `Twilio's answer has no account_sid (null or missing): it cannot be tied to the account (account-sid ${CREDS.accountSid})`,
    );
    expect(updates(twilio)).toEqual([]);
  });

  it('fails an export the same way, writing no file', async () => {
    const twilio = await start();
    twilio.setAccountConfig({ account_sid: null });
    const run = await runFile(twilio, { mode: 'export' });
    expect(run.exitCode).toBe(1);
    expect(errorLine(run)).toContain("Twilio's answer has no account_sid");
    await expect(workspace.read(FILE_NAME)).rejects.toThrow();
  });
});
