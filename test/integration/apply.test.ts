// Apply mode through run(), in-process, against the Twilio emulator over loopback.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CREDENTIALS as CREDS, DEFAULT_SERVICE_SID } from '../emulator/twilio-emulator.js';
import { startProxy } from '../emulator/proxy.js';
import { recordingClock } from '../support/clock.js';
import { annotationsOf, errorLine, runInProcess } from '../support/action.js';
import type { Inputs } from '../support/action.js';
import { ownServer } from '../support/servers.js';
import {
  emulatorInputs,
  QUIET,
  requestLines,
  useTwilioEmulator,
} from '../support/twilio-emulator-hooks.js';

const emulator = useTwilioEmulator();

const POST_URL = 'https://app.example.com/twilio/post';
const ACCOUNT_PATH = '/v1/Configuration/Webhooks';
const SERVICE_PATH = `/v1/Services/${DEFAULT_SERVICE_SID}/Configuration/Webhooks`;

function apply(inputs: Inputs = {}) {
  return runInProcess({
    ...emulatorInputs(emulator()),
    filters: 'onMessageAdded, onConversationUpdated\nonParticipantAdded',
    method: 'post',
    'post-webhook-url': POST_URL,
    ...inputs,
  });
}

describe('apply', () => {
  it('first apply: sends every differing field once, verifies, and reports it', async () => {
    const run = await apply();
    expect(run.exitCode).toBe(0);
    expect(requestLines(emulator())).toEqual([`GET ${ACCOUNT_PATH}`, `POST ${ACCOUNT_PATH}`]);
    expect(emulator().requests[1]?.form).toEqual({
      Filters: ['onMessageAdded', 'onConversationUpdated', 'onParticipantAdded'],
      Method: ['POST'],
      PostWebhookUrl: [POST_URL],
    });

    const { outputs } = run;
    expect(outputs.changed).toBe('true');
    expect(outputs.drifted).toBe('true');
    expect(JSON.parse(outputs.diff ?? '')).toEqual([
      {
        resource: 'account',
        field: 'filters',
        actual: null,
        desired: ['onMessageAdded', 'onConversationUpdated', 'onParticipantAdded'],
      },
      { resource: 'account', field: 'method', actual: null, desired: 'POST' },
      { resource: 'account', field: 'post_webhook_url', actual: null, desired: POST_URL },
    ]);
    expect(JSON.parse(outputs.previous ?? '')).toMatchObject({ method: null, filters: null });
    expect(JSON.parse(outputs.config ?? '')).toEqual(emulator().accountConfig());
    expect(outputs['account-sid']).toBe(CREDS.accountSid);
    expect(outputs['chat-service-sid']).toBe('');
    expect(outputs.filters).toBe('onMessageAdded,onConversationUpdated,onParticipantAdded');
    expect(outputs.method).toBe('POST');
    expect(outputs['pre-webhook-url']).toBe('');
    expect(outputs['post-webhook-url']).toBe(POST_URL);
    expect(outputs.target).toBe('webhook');
    expect(outputs.url).toBe(`${emulator().url}${ACCOUNT_PATH}`);

    expect(run.summary).toContain('✏️ Updated');
    expect(run.summary).toContain('Updated 3 fields');
    expect(run.summary).toContain('account-wide configuration');
    expect(run.summary).toMatch(
      /<td>✏️<\/td><td><code>post_webhook_url<\/code><\/td><td><em>not set<\/em><\/td>/,
    );
    // The warning that pre-event filters have no URL does not apply: these are all post-event.
    expect(annotationsOf(run, 'warning')).toEqual([]);
  });

  it('a second identical run sends no update', async () => {
    await apply();
    emulator().clearRequests();
    const run = await apply();
    expect(run.exitCode).toBe(0);
    expect(requestLines(emulator())).toEqual([`GET ${ACCOUNT_PATH}`]);
    expect(run.outputs.changed).toBe('false');
    expect(run.outputs.drifted).toBe('false');
    expect(run.outputs.diff).toBe('[]');
    expect(run.summary).toContain('✅ In sync');
  });

  it('a change of one field sends only that field, and filters compare as a set', async () => {
    await apply();
    emulator().clearRequests();
    const run = await apply({
      filters: 'onParticipantAdded,onMessageAdded,onConversationUpdated,onMessageAdded',
      method: 'GET',
    });
    expect(run.exitCode).toBe(0);
    expect(emulator().requests[1]?.form).toEqual({ Method: ['GET'] });
    expect(JSON.parse(run.outputs.diff ?? '')).toEqual([
      { resource: 'account', field: 'method', actual: 'POST', desired: 'GET' },
    ]);
    expect(run.outputs.changed).toBe('true');
  });

  it('clears a URL with "none"', async () => {
    emulator().setAccountConfig({ pre_webhook_url: 'https://old.example.com/pre' });
    const run = await apply({
      filters: '',
      method: '',
      'post-webhook-url': '',
      'pre-webhook-url': 'NONE',
    });
    expect(run.exitCode).toBe(0);
    expect(emulator().requests[1]?.form).toEqual({ PreWebhookUrl: [''] });
    expect(run.outputs['pre-webhook-url']).toBe('');
    expect(emulator().accountConfig().pre_webhook_url).toBeNull();
    expect(run.outputs.changed).toBe('true');
  });

  it('manages one service’s own configuration', async () => {
    const run = await apply({
      'service-sid': DEFAULT_SERVICE_SID,
      filters: 'onMessageAdd',
      'pre-webhook-url': 'https://app.example.com/pre',
    });
    expect(run.exitCode).toBe(0);
    expect(requestLines(emulator())).toEqual([`GET ${SERVICE_PATH}`, `POST ${SERVICE_PATH}`]);
    expect(emulator().requests[1]?.form).not.toHaveProperty('Target');
    expect(run.outputs['chat-service-sid']).toBe(DEFAULT_SERVICE_SID);
    expect(run.outputs.target).toBe('');
    expect(run.summary).toContain(`service ${DEFAULT_SERVICE_SID}`);
    expect(emulator().serviceConfig(DEFAULT_SERVICE_SID).filters).toEqual(['onMessageAdd']);
  });

  it('authenticates with an API key and secret', async () => {
    const run = await apply({
      'auth-token': '',
      'api-key': CREDS.apiKeySid,
      'api-secret': CREDS.apiKeySecret,
    });
    expect(run.exitCode).toBe(0);
    const basic = Buffer.from(`${CREDS.apiKeySid}:${CREDS.apiKeySecret}`).toString('base64');
    expect(emulator().requests.map((r) => r.headers.authorization)).toEqual([
      `Basic ${basic}`,
      `Basic ${basic}`,
    ]);
  });

  it('warns when pre-event filters have no pre-webhook URL', async () => {
    const run = await apply({ filters: 'onMessageAdd, onMessageAdded' });
    expect(run.exitCode).toBe(0);
    expect(annotationsOf(run, 'warning')).toEqual([
      expect.stringMatching(/^Pre-event filters \(onMessageAdd\)/),
    ]);
  });

  it('shares one keep-alive connection between the fetch, the update and every retry', async () => {
    emulator().inject({ kind: 'status', status: 503, method: 'POST' });
    const clock = recordingClock();
    const run = await runInProcess(
      { ...emulatorInputs(emulator()), 'post-webhook-url': POST_URL, 'max-retries': '2' },
      { clock },
    );
    expect(run.exitCode).toBe(0);
    expect(clock.sleeps).toHaveLength(1);
    expect(requestLines(emulator())).toEqual([
      `GET ${ACCOUNT_PATH}`,
      `POST ${ACCOUNT_PATH}`,
      `POST ${ACCOUNT_PATH}`,
    ]);
    expect(emulator().connections).toBe(1);
    expect(emulator().maxInFlight).toBe(1);
  });
});

describe('apply fails clearly, and still reports', () => {
  it('a rejected credential: one request, the advice, a summary and outputs', async () => {
    const run = await apply({ 'auth-token': 'not-the-token-0123456789abcdef' });
    expect(run.exitCode).toBe(1);
    expect(requestLines(emulator())).toEqual([`GET ${ACCOUNT_PATH}`]);
    expect(errorLine(run)).toMatch(/401 .*20003: Authenticate.* Check account-sid with auth-token/);
    expect(run.outputs.changed).toBe('false');
    expect(run.summary).toContain('❌ Failed');
    expect(run.summary).toContain('Nothing was changed');
  });

  it('Twilio’s answer does not match: names the field and both values', async () => {
    emulator().inject({ kind: 'ignore-update', fields: ['post_webhook_url'], method: 'POST' });
    const run = await apply();
    expect(run.exitCode).toBe(1);
    expect(errorLine(run)).toContain(`post_webhook_url is null (desired "${POST_URL}")`);
    expect(run.outputs.changed).toBe('false');
    expect(run.outputs.drifted).toBe('true');
    expect(run.summary).toContain('❌ Failed');
  });

  it('an update Twilio refuses: no change claimed, and no second look needed', async () => {
    emulator().inject({
      kind: 'status',
      status: 400,
      method: 'POST',
      body: {
        code: 50078,
        message: 'Invalid post-webhook URL',
        more_info: 'https://www.twilio.com/docs/errors/50078',
        status: 400,
      },
    });
    const run = await apply();
    expect(run.exitCode).toBe(1);
    expect(errorLine(run)).toMatch(/^The update was not applied: .*50078/);
    expect(requestLines(emulator())).toEqual([`GET ${ACCOUNT_PATH}`, `POST ${ACCOUNT_PATH}`]);
    expect(run.outputs.changed).toBe('false');
    expect(run.outputs.config).toBe(run.outputs.previous);
  });

  it('credentials of another account: nothing is sent after the fetch', async () => {
    // An API key authenticates on its own; Twilio answers for the key's account.
    const run = await apply({
      'account-sid': `AC${'ab'.repeat(16)}`,
      'auth-token': '',
      'api-key': CREDS.apiKeySid,
      'api-secret': CREDS.apiKeySecret,
    });
    expect(run.exitCode).toBe(1);
    expect(errorLine(run)).toContain('the credentials belong to another account');
    expect(requestLines(emulator())).toEqual([`GET ${ACCOUNT_PATH}`]);
    expect(run.summary).toContain('❌ Failed');
  });
});

describe('the network around Twilio', () => {
  it('goes through HTTPS_PROXY, and around it for a host in NO_PROXY', async () => {
    const proxy = await ownServer(startProxy());
    const inputs = {
      ...emulatorInputs(emulator()),
      'api-base-url': 'https://conversations.twilio.test',
      'post-webhook-url': POST_URL,
      'max-retries': '0',
    };
    const proxied = await runInProcess(inputs, { env: { HTTPS_PROXY: proxy.url } });
    // The test proxy tunnels to loopback only, so the run fails; what matters is the way it took.
    expect(proxy.requests).toEqual([
      { method: 'CONNECT', target: 'conversations.twilio.test:443', proxyAuthorization: null },
    ]);
    expect(proxied.exitCode).toBe(1);

    const bypassed = await runInProcess(inputs, {
      env: { https_proxy: proxy.url, no_proxy: 'example.com, .twilio.test' },
    });
    expect(proxy.requests).toHaveLength(1);
    expect(errorLine(bypassed)).toContain('does not resolve: check api-base-url');
  });

  it('names the inputs that made a host name that does not resolve', async () => {
    const run = await runInProcess({
      ...QUIET,
      'account-sid': CREDS.accountSid,
      'auth-token': CREDS.authToken,
      region: 'zz9',
      edge: 'nowhere',
      'post-webhook-url': POST_URL,
    });
    expect(run.exitCode).toBe(1);
    expect(errorLine(run)).toMatch(
      /conversations\.nowhere\.zz9\.twilio\.com.*does not resolve: check region zz9 and edge nowhere/,
    );
  });
});

describe('the runner’s files', () => {
  it('an outputs file that cannot be written after an update says the update happened', async () => {
    const run = await runInProcess(
      { ...emulatorInputs(emulator()), 'post-webhook-url': POST_URL },
      { outputsFail: true },
    );
    expect(run.exitCode).toBe(1);
    expect(errorLine(run)).toMatch(
      /^Could not write the step's outputs: .* Twilio was updated: Updated 1 field/,
    );
    expect(emulator().accountConfig().post_webhook_url).toBe(POST_URL);
    expect(run.summary).toContain('✏️ Updated');
  });

  it('a summary that cannot be written is a warning, and the verdict is still in the log', async () => {
    const run = await runInProcess(
      { ...emulatorInputs(emulator()), 'post-webhook-url': POST_URL },
      { summaryFails: true },
    );
    expect(run.exitCode).toBe(0);
    expect(annotationsOf(run, 'warning')).toEqual([
      expect.stringMatching(
        /^Could not write the job summary .* Twilio was updated: Updated 1 field/,
      ),
    ]);
  });
});
