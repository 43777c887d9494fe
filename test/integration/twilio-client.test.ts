// The Twilio client alone, over real HTTP against the emulator (and a proxy, a TLS server and
// closed ports on loopback): the wire format, one bounded pool, and typed errors that name no input.
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CANCEL_GRACE_MS, CancelledRequest } from '../../src/http/cancellation.js';
import type { Clock } from '../../src/core/clock.js';
import { RetriesExhausted } from '../../src/http/retry.js';
import { TwilioClient } from '../../src/twilio/client.js';
import type { TwilioClientOptions } from '../../src/twilio/client.js';
import { TransportError, TwilioApiError, UnexpectedAnswerError } from '../../src/twilio/errors.js';
import type { Resource } from '../../src/model/webhook-config.js';
import { startProxy } from '../emulator/proxy.js';
import {
  DEFAULT_CREDENTIALS as CREDS,
  DEFAULT_SERVICE_SID,
  startTwilioEmulator,
} from '../emulator/twilio-emulator.js';
import { recordingClock } from '../support/clock.js';
import { ownServer } from '../support/servers.js';
import { requestLines, useTwilioEmulator } from '../support/twilio-emulator-hooks.js';

const ACCOUNT: Resource = { kind: 'account' };
const SERVICE: Resource = { kind: 'service', serviceSid: DEFAULT_SERVICE_SID };

const emulator = useTwilioEmulator();
const closing: { close(): Promise<void> }[] = [];

afterEach(async () => {
  await Promise.all(closing.splice(0).map((item) => item.close()));
});

function client(overrides: Partial<TwilioClientOptions> = {}) {
  const clock = recordingClock();
  const made = new TwilioClient({
    baseUrl: emulator().url,
    credentials: { username: CREDS.accountSid, password: CREDS.authToken },
    timeoutMs: 2_000,
    maxRetries: 3,
    maxConnections: 1,
    userAgent: 'test-agent/1',
    clock,
    ...overrides,
  });
  closing.push(made);
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

/** A port on loopback with nothing listening. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('the wire format', () => {
  it('fetches the account-wide configuration with an Auth Token', async () => {
    emulator().setAccountConfig({ method: 'POST', filters: ['onMessageAdded'] });
    const config = await client().fetchConfig(ACCOUNT);
    expect(config).toEqual({
      account_sid: CREDS.accountSid,
      filters: ['onMessageAdded'],
      method: 'POST',
      pre_webhook_url: null,
      post_webhook_url: null,
      target: 'webhook',
      url: `${emulator().url}/v1/Configuration/Webhooks`,
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
    const made = client({
      credentials: { username: CREDS.apiKeySid, password: CREDS.apiKeySecret },
    });
    expect((await made.fetchConfig(ACCOUNT)).account_sid).toBe(CREDS.accountSid);
  });

  it('updates only the given fields, with Filters repeated, and returns the whole resource', async () => {
    emulator().setAccountConfig({ pre_webhook_url: 'https://keep.example/pre' });
    const config = await client().updateConfig(ACCOUNT, {
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
    const config = await client().updateConfig(ACCOUNT, { filters: [], post_webhook_url: null });
    expect(emulator().requests[0]?.body).toBe('Filters=&PostWebhookUrl=');
    expect(config.filters ?? []).toEqual([]);
    expect(config.post_webhook_url).toBeNull();
  });

  it('reads and writes a service’s own configuration, with one client for both resources', async () => {
    const made = client();
    const updated = await made.updateConfig(SERVICE, { method: 'GET', filters: ['onMessageAdd'] });
    expect(updated).toMatchObject({ chat_service_sid: DEFAULT_SERVICE_SID, method: 'GET' });
    expect(await made.fetchConfig(SERVICE)).toEqual(updated);
    expect((await made.fetchConfig(ACCOUNT)).target).toBe('webhook');
    expect(requestLines(emulator())).toEqual([
      `POST /v1/Services/${DEFAULT_SERVICE_SID}/Configuration/Webhooks`,
      `GET /v1/Services/${DEFAULT_SERVICE_SID}/Configuration/Webhooks`,
      'GET /v1/Configuration/Webhooks',
    ]);
    expect(emulator().connections).toBe(1);
  });

  it('passes on only the resource’s own fields, whatever else the answer holds', async () => {
    emulator().inject({
      kind: 'status',
      status: 200,
      body: { ...emulator().accountConfig(), injected: 'x'.repeat(100), links: { a: 'b' } },
    });
    // Which fields, not in which order: the model lists them in its own order.
    expect(Object.keys(await client().fetchConfig(ACCOUNT)).sort()).toEqual([
      'account_sid',
      'filters',
      'method',
      'post_webhook_url',
      'pre_webhook_url',
      'target',
      'url',
    ]);
  });
});

describe('one bounded pool', () => {
  it('keeps requests in flight and connections within maxConnections, reusing them', async () => {
    emulator().setLatency(20);
    const made = client({ maxConnections: 2 });
    await Promise.all(Array.from({ length: 6 }, () => made.fetchConfig(ACCOUNT)));
    expect(emulator().requests).toHaveLength(6);
    expect(emulator().maxInFlight).toBe(2);
    expect(emulator().connections).toBe(2);
  });

  it('reuses one connection for requests one after another, however many it may open', async () => {
    const made = client({ maxConnections: 4 });
    await made.fetchConfig(ACCOUNT);
    await made.updateConfig(ACCOUNT, { method: 'POST' });
    await made.fetchConfig(ACCOUNT);
    expect(emulator().connections).toBe(1);
  });

  it('goes through the proxy it is given, on the same pooled tunnel', async () => {
    const proxy = await ownServer(startProxy());
    const made = client({ proxyUrl: proxy.url });
    await made.fetchConfig(ACCOUNT);
    await made.updateConfig(ACCOUNT, { method: 'POST' });
    expect(requestLines(emulator())).toEqual([
      'GET /v1/Configuration/Webhooks',
      'POST /v1/Configuration/Webhooks',
    ]);
    expect(proxy.requests.length).toBeGreaterThan(0);
    expect(proxy.requests.every((r) => r.target.includes(new URL(emulator().url).host))).toBe(true);
    expect(emulator().connections).toBe(1);
  });
});

describe('a list that never ends', () => {
  it.each<[string, string, string, number]>([
    ['services', '/v1/Services', 'services', 100],
    ['Address Configurations', '/v1/Configuration/Addresses', 'address_configurations', 200],
  ])('of %s is given up after 10,000 entries’ worth of pages', async (_, path, key, pages) => {
    // Every page says there is a next one, on Twilio's own host: only the bound ends the list.
    emulator().inject({
      kind: 'status',
      status: 200,
      body: { [key]: [], meta: { key, next_page_url: `${emulator().url}${path}?PageToken=again` } },
      method: 'GET',
      pathEquals: path,
      times: pages + 10,
    });
    const made = client();
    const list = path === '/v1/Services' ? made.listServices() : made.listAddresses();
    const error = await failure(list);
    expect(error).toBeInstanceOf(UnexpectedAnswerError);
    expect(error.message).toContain(`more than ${String(pages)} pages`);
    expect(emulator().requests).toHaveLength(pages);
  });
});

describe('typed errors, naming no input', () => {
  it('a rejected credential: all four fields of Twilio’s error body, not retried', async () => {
    const error = await failure(
      client({ credentials: { username: CREDS.accountSid, password: 'wrong' } }).fetchConfig(
        ACCOUNT,
      ),
    );
    expect(error).toBeInstanceOf(TwilioApiError);
    expect(error).toMatchObject({ status: 401, code: 20003, transient: false });
    expect(error.message).toBe(
      'Twilio answered 401 to GET /v1/Configuration/Webhooks: error 20003: Authenticate (status 401, more info: https://www.twilio.com/docs/errors/20003)',
    );
    expect(emulator().requests).toHaveLength(1);
  });

  it('a 400 with Twilio’s validation code is not retried', async () => {
    const error = await failure(client().updateConfig(ACCOUNT, { pre_webhook_url: 'not a url' }));
    expect(error).toMatchObject({ status: 400, code: 50077 });
    expect(emulator().requests).toHaveLength(1);
  });

  it('5xx: exponential backoff, then the last error with the number of attempts', async () => {
    emulator().inject({ kind: 'status', status: 503, times: 10 });
    const made = client({ maxRetries: 2 });
    const error = await failure(made.fetchConfig(ACCOUNT));
    expect(error).toBeInstanceOf(RetriesExhausted);
    expect(error).toMatchObject({ attempts: 3 });
    expect(error.cause).toBeInstanceOf(TwilioApiError);
    expect(made.backoff.sleeps).toEqual([375, 750]);
  });

  it('a stalled answer: a timeout, retried', async () => {
    emulator().inject({ kind: 'stall', times: 10 });
    const error = await failure(client({ timeoutMs: 200, maxRetries: 1 }).fetchConfig(ACCOUNT));
    expect(error.cause).toMatchObject({
      failure: 'timeout',
      transient: true,
    });
    expect(emulator().requests).toHaveLength(2);
  });

  it('a closed port: refused, retried, never sent', async () => {
    const made = client({
      baseUrl: `http://127.0.0.1:${String(await closedPort())}`,
      maxRetries: 1,
    });
    const error = await failure(made.updateConfig(ACCOUNT, { method: 'GET' }));
    expect(error.cause).toMatchObject({
      failure: 'refused',
      mayHaveBeenSent: false,
    });
  });

  it('an untrusted certificate: a TLS error, not retried', async () => {
    const tls = await ownServer(startTwilioEmulator({ tls: true }));
    const error = await failure(client({ baseUrl: tls.url }).fetchConfig(ACCOUNT));
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ failure: 'tls', transient: false, mayHaveBeenSent: false });
    expect(tls.requests).toHaveLength(0);
  });

  it('a plain http server behind an https URL: a TLS error, not retried', async () => {
    const made = client({ baseUrl: emulator().url.replace('http:', 'https:') });
    const error = await failure(made.fetchConfig(ACCOUNT));
    expect(error).toMatchObject({ failure: 'tls', transient: false });
    expect(made.backoff.sleeps).toEqual([]);
  });

  it('a host name that does not resolve: a DNS error, not retried', async () => {
    const made = client({ baseUrl: 'https://conversations.nowhere.invalid' });
    const error = await failure(made.fetchConfig(ACCOUNT));
    expect(error).toMatchObject({ failure: 'dns', transient: false });
    expect(made.backoff.sleeps).toEqual([]);
  });

  it('a body past the cap: refused without reading it whole, not retried', async () => {
    emulator().inject({ kind: 'huge-body', bytes: 20 * 1024 * 1024, status: 503 });
    const error = await failure(client().fetchConfig(ACCOUNT));
    expect(error).toMatchObject({ failure: 'too-large', transient: false });
    expect(emulator().requests).toHaveLength(1);
  });

  it('a 200 that is not the resource: an unexpected answer, not retried', async () => {
    emulator().inject({ kind: 'malformed-json' });
    expect(await failure(client().fetchConfig(ACCOUNT))).toBeInstanceOf(UnexpectedAnswerError);
  });

  it('a 200 without some of the resource’s fields: read as not set, as Twilio’s spec allows', async () => {
    emulator().inject({ kind: 'missing-fields' });
    expect(await client().fetchConfig(ACCOUNT)).toMatchObject({ filters: null, method: null });
  });
});

describe('an overload', () => {
  it('pauses every request of the client once for answers that came together, then all retry', async () => {
    emulator().setLatency(20);
    emulator().inject({ kind: 'status', status: 429, headers: { 'Retry-After': '1' }, times: 4 });
    const made = client({ maxConnections: 4 });
    const configs = await Promise.all(Array.from({ length: 4 }, () => made.fetchConfig(ACCOUNT)));
    expect(configs).toHaveLength(4);
    expect(emulator().requests).toHaveLength(8);
    // One pause of the pool for the four refusals, not one wait per request.
    expect(made.backoff.sleeps).toEqual([1_000]);
  });

  it('a 503 that says when to come back pauses the pool too; one that does not backs off alone', async () => {
    emulator().inject({ kind: 'status', status: 503, headers: { 'Retry-After': '2' } });
    emulator().inject({ kind: 'status', status: 503 });
    const made = client();
    await made.fetchConfig(ACCOUNT);
    expect(made.backoff.sleeps).toEqual([2_000, 750]);
  });
});

/**
 * A recording clock whose sleeps of `held` ms end only when the test says, so that a run can be
 * seen within the grace of a cancellation; time moves on by what was slept.
 */
function holding(held: number) {
  const sleeps: number[] = [];
  const pending: (() => void)[] = [];
  const clock: Clock = {
    now: () => sleeps.reduce((sum, ms) => sum + ms, 0),
    random: () => 0.5,
    sleep: (ms) => {
      sleeps.push(ms);
      return ms === held ? new Promise((resolve) => pending.push(resolve)) : Promise.resolve();
    },
  };
  const release = () => {
    for (const end of pending.splice(0)) end();
  };
  return { clock, sleeps, release };
}

describe('a cancelled run', () => {
  const cancelled = async (promise: Promise<unknown>): Promise<CancelledRequest> => {
    const error = await failure(promise);
    if (!(error instanceof CancelledRequest)) throw new Error(`not cancelled: ${error.message}`);
    return error;
  };

  it('ends a read at once, in flight or not sent yet, and says nothing was changed', async () => {
    emulator().inject({ kind: 'stall', times: 10 });
    const cancel = new AbortController();
    const made = client({ signal: cancel.signal });
    const reading = made.fetchConfig(ACCOUNT);
    await emulator().received(1);
    cancel.abort();
    const inFlight = await cancelled(reading);
    expect(inFlight).toMatchObject({ mayHaveBeenSent: true });
    expect(inFlight.message).toBe(
      'Cancelled before anything was changed: GET /v1/Configuration/Webhooks was cut off in flight: the run was cancelled.',
    );
    expect(await cancelled(made.listServices())).toMatchObject({ mayHaveBeenSent: false });
    expect(emulator().requests).toHaveLength(1);
  });

  it('lets an update in flight, and the fetch that learns its outcome, finish within the grace', async () => {
    emulator().inject({ kind: 'stall', ms: 50, method: 'POST' });
    const { clock, sleeps, release } = holding(CANCEL_GRACE_MS);
    const cancel = new AbortController();
    const made = client({ signal: cancel.signal, clock });
    const updating = made.updateConfig(ACCOUNT, { method: 'POST' });
    await emulator().received(1);
    cancel.abort();
    expect((await updating).method).toBe('POST');
    expect((await made.fetchConfig(ACCOUNT, 'outcome')).method).toBe('POST');
    const read = await cancelled(made.fetchConfig(ACCOUNT));
    expect(read.message).toBe(
      'GET /v1/Configuration/Webhooks was not sent: the run was cancelled.',
    );

    release();
    const late = await cancelled(made.fetchConfig(ACCOUNT, 'outcome'));
    expect(late.message).toBe(
      'GET /v1/Configuration/Webhooks was not sent: the run was cancelled, and the 4 s it gives updates in flight ran out.',
    );
    expect(sleeps).toEqual([CANCEL_GRACE_MS]);
    expect(requestLines(emulator())).toEqual([
      'POST /v1/Configuration/Webhooks',
      'GET /v1/Configuration/Webhooks',
    ]);
  });

  it('sends no update that waits at the pool’s pause when the run is cancelled', async () => {
    emulator().inject({ kind: 'status', status: 429, headers: { 'Retry-After': '1' } });
    const { clock, sleeps } = holding(1_000);
    const cancel = new AbortController();
    const made = client({ signal: cancel.signal, clock });
    const reading = made.fetchConfig(ACCOUNT);
    while (sleeps.length === 0) await new Promise((resolve) => setImmediate(resolve));
    const updating = made.updateConfig(ACCOUNT, { method: 'POST' });
    cancel.abort();
    const update = await cancelled(updating);
    expect(update).toMatchObject({ mayHaveBeenSent: false });
    expect(update.message).toBe(
      'Cancelled before anything was changed: POST /v1/Configuration/Webhooks was not sent: the run was cancelled.',
    );
    await cancelled(reading);
    expect(requestLines(emulator())).toEqual(['GET /v1/Configuration/Webhooks']);
  });

  it('cuts off an update still in flight when the grace ends: it may have been applied', async () => {
    emulator().inject({ kind: 'lose-answer', how: 'stall' });
    const cancel = new AbortController();
    const made = client({ signal: cancel.signal });
    const updating = made.updateConfig(ACCOUNT, { method: 'POST' });
    await emulator().received(1);
    cancel.abort();
    const error = await cancelled(updating);
    expect(error).toMatchObject({ mayHaveBeenSent: true });
    expect(error.message).toContain('was cut off in flight: the run was cancelled, and the 4 s');
    expect(made.backoff.sleeps).toEqual([CANCEL_GRACE_MS]);
  });

  it('retries nothing once cancelled: a wait ends, and the last error is thrown as it is', async () => {
    emulator().inject({ kind: 'status', status: 500, times: 10 });
    const { clock, sleeps } = holding(375);
    const cancel = new AbortController();
    const made = client({ signal: cancel.signal, clock });
    const updating = made.updateConfig(ACCOUNT, { method: 'POST' });
    await emulator().received(1);
    while (sleeps.length === 0) await new Promise((resolve) => setImmediate(resolve));
    cancel.abort();
    const error = await failure(updating);
    expect(error).toBeInstanceOf(TwilioApiError);
    expect(error).toMatchObject({ status: 500 });
    expect(emulator().requests).toHaveLength(1);
  });
});
