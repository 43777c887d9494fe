// The committed dist/index.js, run as a subprocess the way the runner runs it, against the emulator.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CREDENTIALS as CREDS, DEFAULT_SERVICE_SID } from './emulator/twilio-emulator.js';
import { useTwilioEmulator } from './support/twilio-emulator-hooks.js';
import { runAction } from './support/run-action.js';
import type { ActionRun } from './support/run-action.js';

const emulator = useTwilioEmulator();

const POST_URL = 'https://app.example.com/twilio/post';

function apply(inputs: Record<string, string> = {}): Promise<ActionRun> {
  return runAction({
    'account-sid': CREDS.accountSid,
    'auth-token': CREDS.authToken,
    'api-base-url': emulator().url,
    filters: 'onMessageAdded, onConversationUpdated\nonParticipantAdded',
    method: 'post',
    'post-webhook-url': POST_URL,
    ...inputs,
  });
}

function sent(): string[] {
  return emulator().requests.map((r) => `${r.method} ${r.path}`);
}

const ACCOUNT_PATH = '/v1/Configuration/Webhooks';
const SERVICE_PATH = `/v1/Services/${DEFAULT_SERVICE_SID}/Configuration/Webhooks`;

/** The ::error:: line of a failed run. */
function errorLine(run: ActionRun): string {
  return run.stdout.split('\n').find((line) => line.startsWith('::error::')) ?? '';
}

describe('dist/index.js applies a desired configuration', () => {
  it('first apply: sends every differing field once, verifies, and reports it', async () => {
    const run = await apply();
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(sent()).toEqual([`GET ${ACCOUNT_PATH}`, `POST ${ACCOUNT_PATH}`]);
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
        field: 'filters',
        actual: null,
        desired: ['onMessageAdded', 'onConversationUpdated', 'onParticipantAdded'],
      },
      { field: 'method', actual: null, desired: 'POST' },
      { field: 'post_webhook_url', actual: null, desired: POST_URL },
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
    expect(run.stdout).not.toContain('::warning');
  });

  it('a second identical run sends no update', async () => {
    await apply();
    emulator().clearRequests();
    const run = await apply();
    expect(run.exitCode).toBe(0);
    expect(sent()).toEqual([`GET ${ACCOUNT_PATH}`]);
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
      { field: 'method', actual: 'POST', desired: 'GET' },
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
    expect(sent()).toEqual([`GET ${SERVICE_PATH}`, `POST ${SERVICE_PATH}`]);
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

  it('fails clearly on a rejected credential, after one request', async () => {
    const run = await apply({ 'auth-token': 'not-the-token-0123456789abcdef' });
    expect(run.exitCode).toBe(1);
    expect(sent()).toEqual([`GET ${ACCOUNT_PATH}`]);
    expect(errorLine(run)).toContain('401');
    expect(errorLine(run)).toContain('20003');
    expect(errorLine(run)).toContain('Authenticate');
    expect(run.outputs).toEqual({});
  });

  it('fails when Twilio’s answer does not match, naming the field and both values', async () => {
    emulator().inject({ kind: 'ignore-update', fields: ['post_webhook_url'], method: 'POST' });
    const run = await apply();
    expect(run.exitCode).toBe(1);
    expect(errorLine(run)).toContain(`post_webhook_url is null (desired "${POST_URL}")`);
    expect(run.outputs.changed).toBe('false');
    expect(run.outputs.drifted).toBe('true');
    expect(run.summary).toContain('❌ Failed');
  });

  it('reports an update Twilio refuses without claiming a change', async () => {
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
    expect(errorLine(run)).toContain('50078');
    expect(run.outputs.changed).toBe('false');
    expect(run.outputs.config).toBe(run.outputs.previous);
  });

  it('warns when pre-event filters have no pre-webhook URL', async () => {
    const run = await apply({ filters: 'onMessageAdd, onMessageAdded' });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/::warning::Pre-event filters \(onMessageAdd\)/);
  });
});

describe('dist/index.js refuses bad input before any request', () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    [
      'a malformed account SID',
      { 'account-sid': 'AC123' },
      /Input 'account-sid' is "AC123": expected AC followed by 32 hex digits/,
    ],
    [
      'a method outside its values',
      { method: 'PUT' },
      /Input 'method' is "PUT": must be GET or POST/,
    ],
    [
      'a URL that is not http(s)',
      { 'post-webhook-url': 'ftp://example.com/x' },
      /Input 'post-webhook-url'.*scheme is ftp/,
    ],
    [
      'target with service-sid',
      { 'service-sid': DEFAULT_SERVICE_SID, target: 'flex' },
      /Input 'target' is set together with service-sid/,
    ],
    [
      'no credentials',
      { 'auth-token': '' },
      /Input 'auth-token' is empty and so are api-key and api-secret/,
    ],
    [
      'an unknown event',
      { filters: 'onMessageAddded' },
      /Input 'filters' has "onMessageAddded".*Did you mean onMessageAdded\?/,
    ],
    [
      'a user event for a service',
      { 'service-sid': DEFAULT_SERVICE_SID, filters: 'onUserAdded' },
      /Input 'filters' has "onUserAdded", which the per-service configuration does not accept/,
    ],
    ['nothing to manage', { filters: '', method: '', 'post-webhook-url': '' }, /nothing to manage/],
    [
      'plain http to a remote host',
      { 'api-base-url': 'http://conversations.twilio.com' },
      /Input 'api-base-url'.*loopback/,
    ],
  ];

  it.each(cases)('%s', async (_name, inputs, message) => {
    const run = await apply(inputs);
    expect(run.exitCode).toBe(1);
    expect(errorLine(run)).toMatch(message);
    expect(emulator().requests).toEqual([]);
    expect(run.outputs).toEqual({});
    expect(run.summary).toBe('');
  });
});

describe('dist/index.js keeps secrets', () => {
  it('prints no secret anywhere except in the runner’s mask commands', async () => {
    const urlPassword = 'url-pass-word-7f3a9c';
    const runs = [
      await apply({ 'post-webhook-url': `https://hook:${urlPassword}@app.example.com/post` }),
      await apply({ 'auth-token': `${CREDS.authToken}-wrong` }),
      await apply({ method: 'PATCH' }),
    ];
    const secrets = [
      CREDS.authToken,
      urlPassword,
      Buffer.from(`${CREDS.accountSid}:${CREDS.authToken}`).toString('base64'),
    ];
    for (const run of runs) {
      const printed = run.everything
        .split('\n')
        .filter((line) => !line.startsWith('::add-mask::'))
        .join('\n');
      for (const secret of secrets) expect(printed).not.toContain(secret);
      expect(run.stdout).toContain(`::add-mask::${CREDS.authToken}`);
    }
    expect(runs[0]?.outputs['post-webhook-url']).toBe('https://hook:***@app.example.com/post');
  });
});
