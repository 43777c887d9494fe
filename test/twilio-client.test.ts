import { connect } from 'node:net';
import { Agent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { TransportError, TwilioApiError } from '../src/errors.js';
import { parseSettings } from '../src/settings.js';
import { TwilioClient } from '../src/twilio-client.js';
import type { Clock } from '../src/twilio-client.js';
import type { Resource } from '../src/webhook-config.js';
import { DEFAULT_CREDENTIALS as CREDS, DEFAULT_SERVICE_SID } from './emulator/twilio-emulator.js';
import { useTwilioEmulator } from './support/twilio-emulator-hooks.js';
import { validInputs } from './support/inputs.js';

const ACCOUNT: Resource = { kind: 'account' };
const SERVICE: Resource = { kind: 'service', serviceSid: DEFAULT_SERVICE_SID };

/** Records the backoff it is asked for instead of waiting. */
function recordingClock(): Clock & { sleeps: number[] } {
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => Date.now(),
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    random: () => 0.5,
  };
}

const emulator = useTwilioEmulator();
const clients: TwilioClient[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
});

function client(
  overrides: Partial<ConstructorParameters<typeof TwilioClient>[0]> = {},
): TwilioClient & { backoff: ReturnType<typeof recordingClock> } {
  const clock = recordingClock();
  const made = new TwilioClient({
    baseUrl: emulator().url,
    credentials: { username: CREDS.accountSid, password: CREDS.authToken },
    resource: ACCOUNT,
    timeoutMs: 2_000,
    maxRetries: 3,
    userAgent: 'test-agent/1',
    clock,
    ...overrides,
  });
  clients.push(made);
  return Object.assign(made, { backoff: clock });
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to fail');
}

describe('TwilioClient against the emulator', () => {
  it('fetches the account-wide configuration with an Auth Token', async () => {
    emulator().setAccountConfig({ method: 'POST', filters: ['onMessageAdded'] });
    const config = await client().fetchConfig();
    expect(config).toMatchObject({
      account_sid: CREDS.accountSid,
      method: 'POST',
      filters: ['onMessageAdded'],
      target: 'webhook',
    });
    const [request] = emulator().requests;
    expect(request?.method).toBe('GET');
    expect(request?.path).toBe('/v1/Configuration/Webhooks');
    expect(request?.headers.accept).toBe('application/json');
    expect(request?.headers['user-agent']).toBe('test-agent/1');
    const basic = Buffer.from(`${CREDS.accountSid}:${CREDS.authToken}`).toString('base64');
    expect(request?.headers.authorization).toBe(`Basic ${basic}`);
  });

  it('authenticates with an API key and secret', async () => {
    const config = await client({
      credentials: { username: CREDS.apiKeySid, password: CREDS.apiKeySecret },
    }).fetchConfig();
    expect(config.account_sid).toBe(CREDS.accountSid);
  });

  it('updates only the given fields, with Filters repeated, and returns the whole resource', async () => {
    emulator().setAccountConfig({ pre_webhook_url: 'https://keep.example/pre' });
    const config = await client().updateConfig({
      filters: ['onMessageAdded', 'onParticipantAdded'],
      post_webhook_url: 'https://example.com/post?x=1&y=2',
    });
    expect(config.pre_webhook_url).toBe('https://keep.example/pre');
    expect(config.post_webhook_url).toBe('https://example.com/post?x=1&y=2');
    const [request] = emulator().requests;
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request?.form).toEqual({
      Filters: ['onMessageAdded', 'onParticipantAdded'],
      PostWebhookUrl: ['https://example.com/post?x=1&y=2'],
    });
  });

  it('clears a URL and the filters by sending them empty', async () => {
    emulator().setAccountConfig({
      filters: ['onMessageAdded'],
      post_webhook_url: 'https://x.example',
    });
    const config = await client().updateConfig({ filters: [], post_webhook_url: null });
    expect(emulator().requests[0]?.body).toBe('Filters=&PostWebhookUrl=');
    expect(config.filters ?? []).toEqual([]);
    expect(config.post_webhook_url).toBeNull();
  });

  it('reads and writes a service’s own configuration', async () => {
    const service = client({ resource: SERVICE });
    const updated = await service.updateConfig({ method: 'GET', filters: ['onMessageAdd'] });
    expect(updated).toMatchObject({ chat_service_sid: DEFAULT_SERVICE_SID, method: 'GET' });
    expect(await service.fetchConfig()).toEqual(updated);
    expect(emulator().requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST /v1/Services/${DEFAULT_SERVICE_SID}/Configuration/Webhooks`,
      `GET /v1/Services/${DEFAULT_SERVICE_SID}/Configuration/Webhooks`,
    ]);
  });

  it('sends region and edge requests to the regional hostname', async () => {
    const settings = parseSettings(
      validInputs({ region: 'ie1', edge: 'dublin', 'api-base-url': '' }),
    );
    expect(settings.apiBaseUrl).toBe('https://conversations.dublin.ie1.twilio.com');
    // A connector that takes every connection to the emulator: the request keeps its real
    // hostname (Host header) while nothing leaves the machine.
    const { port } = new URL(emulator().url);
    const dispatcher = new Agent({
      connect: (_options, callback) => {
        const socket = connect(Number(port), '127.0.0.1', () => {
          callback(null, socket);
        });
        socket.on('error', (error) => {
          callback(error, null);
        });
      },
    });
    try {
      await client({ baseUrl: settings.apiBaseUrl, dispatcher }).fetchConfig();
    } finally {
      await dispatcher.close();
    }
    expect(emulator().requests[0]?.headers.host).toBe('conversations.dublin.ie1.twilio.com');
  });
});

describe('TwilioClient errors', () => {
  it('shows all four fields of Twilio’s error body for a rejected credential, without retrying', async () => {
    const error = await failure(
      client({ credentials: { username: CREDS.accountSid, password: 'wrong' } }).fetchConfig(),
    );
    expect(error).toBeInstanceOf(TwilioApiError);
    expect(error.message).toContain('401');
    expect(error.message).toContain('20003');
    expect(error.message).toContain('Authenticate');
    expect(error.message).toContain('https://www.twilio.com/docs/errors/20003');
    expect(error.message).toContain('auth-token');
    expect(emulator().requests).toHaveLength(1);
  });

  it('names service-sid when the service does not exist', async () => {
    const unknown = `IS${'f'.repeat(32)}`;
    const error = await failure(
      client({ resource: { kind: 'service', serviceSid: unknown } }).fetchConfig(),
    );
    expect(error.message).toContain('404');
    expect(error.message).toContain('20404');
    expect(error.message).toContain(`service-sid: ${unknown}`);
    expect(emulator().requests).toHaveLength(1);
  });

  it('does not retry a 400 with Twilio’s validation code', async () => {
    const error = await failure(client().updateConfig({ pre_webhook_url: 'not a url' }));
    expect(error.message).toContain('400');
    expect(error.message).toContain('50077');
    expect(emulator().requests).toHaveLength(1);
  });

  it('retries a 429, honouring Retry-After, then succeeds', async () => {
    emulator().inject({ kind: 'status', status: 429, headers: { 'Retry-After': '2' } });
    const made = client();
    await made.fetchConfig();
    expect(emulator().requests).toHaveLength(2);
    expect(made.backoff.sleeps).toEqual([2000]);
  });

  it('backs off exponentially on 5xx and gives up after max-retries, saying so', async () => {
    emulator().inject({ kind: 'status', status: 503, times: 10 });
    const made = client({ maxRetries: 2 });
    const error = await failure(made.fetchConfig());
    expect(emulator().requests).toHaveLength(3);
    expect(made.backoff.sleeps).toEqual([375, 750]);
    expect(error.message).toMatch(/Gave up after 3 attempts \(2 retries/);
    expect(error.message).toContain('503');
  });

  it('describes a proxy’s HTML page instead of dumping it', async () => {
    emulator().inject({ kind: 'html', status: 502, times: 10 });
    const error = await failure(client({ maxRetries: 0 }).fetchConfig());
    expect(error.message).toContain('502');
    expect(error.message).toContain('HTML page');
    expect(error.message).not.toContain('<html');
  });

  it('retries a dropped connection', async () => {
    emulator().inject({ kind: 'reset' });
    const made = client();
    expect((await made.fetchConfig()).account_sid).toBe(CREDS.accountSid);
    expect(emulator().requests).toHaveLength(2);
  });

  it('times out a stalled answer and says which limit was hit', async () => {
    emulator().inject({ kind: 'stall', times: 10 });
    const error = await failure(client({ timeoutMs: 200, maxRetries: 1 }).fetchConfig());
    expect(error).toBeInstanceOf(TransportError);
    expect(error.message).toContain('timeout-seconds');
    expect(emulator().requests).toHaveLength(2);
  });

  it('retries a body cut off half way', async () => {
    emulator().inject({ kind: 'truncate' });
    const made = client();
    expect((await made.fetchConfig()).account_sid).toBe(CREDS.accountSid);
    expect(emulator().requests).toHaveLength(2);
  });

  it('refuses a 200 whose body is not JSON, or lacks the resource’s fields', async () => {
    emulator().inject({ kind: 'malformed-json' });
    expect((await failure(client().fetchConfig())).message).toContain('not JSON');
    emulator().inject({ kind: 'missing-fields' });
    expect((await failure(client().fetchConfig())).message).toMatch(
      /without the field\(s\) .*method/,
    );
  });
});
