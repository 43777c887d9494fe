// The Twilio emulator is the tests' stand-in for Twilio: these tests hold it to the reference
// facts (Twilio's OpenAPI description of both webhook resources, its error bodies, the event names
// of src/model/events.ts) and to its own contract (faults, recording, direct access, clean shutdown).
// The services list, connection accounting, latency, TLS and the hostile-upstream faults have
// files of their own beside this one.
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ACCOUNT_ONLY_EVENTS, ALL_EVENTS } from '../../src/model/events.ts';
import {
  ACCOUNT,
  AUTH,
  FORM,
  OTHER_SERVICE,
  SERVICE,
  basic,
  caller,
  collect,
  exited,
  json,
  twilioError,
} from '../support/emulator-tests.ts';
import { ownServer, useServer } from '../support/servers.ts';
import {
  DEFAULT_CREDENTIALS as CREDS,
  DEFAULT_SERVICE_SID,
  EMULATED_EVENTS,
  startTwilioEmulator,
} from './twilio-emulator.ts';

// The event names come from src/model/events.ts: the emulator keeps its own copy on purpose, and these
// tests hold that copy to the project's.
const ACCOUNT_EVENTS = [...ALL_EVENTS];
const SERVICE_EVENTS = ALL_EVENTS.filter((name) => !ACCOUNT_ONLY_EVENTS.has(name));
const USER_EVENTS = [...ACCOUNT_ONLY_EVENTS];

const emulator = useServer(() => startTwilioEmulator());
const call = caller(emulator);

describe('defaults', () => {
  it('has well-formed fake credentials and listens on loopback', () => {
    expect(CREDS.accountSid).toMatch(/^AC[0-9a-f]{32}$/);
    expect(CREDS.apiKeySid).toMatch(/^SK[0-9a-f]{32}$/);
    expect(CREDS.authToken).toHaveLength(32);
    expect(CREDS.apiKeySecret).toHaveLength(32);
    expect(DEFAULT_SERVICE_SID).toMatch(/^IS[0-9a-f]{32}$/);
    expect(emulator().url).toMatch(/^http:\/\/127\.0\.0\.1:[1-9]\d*$/);
  });
});

describe('fetching', () => {
  it('answers the never-configured account resource with nulls, in the schema’s field order', async () => {
    const response = await call(ACCOUNT);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = await json(response);
    expect(Object.keys(body)).toEqual([
      'account_sid',
      'method',
      'filters',
      'pre_webhook_url',
      'post_webhook_url',
      'target',
      'url',
    ]);
    expect(body).toEqual({
      account_sid: CREDS.accountSid,
      method: null,
      filters: null,
      pre_webhook_url: null,
      post_webhook_url: null,
      target: 'webhook',
      url: `${emulator().url}${ACCOUNT}`,
    });
  });

  it('answers the never-configured service resource with nulls, in the schema’s field order', async () => {
    const body = await json(await call(SERVICE));
    expect(Object.keys(body)).toEqual([
      'account_sid',
      'chat_service_sid',
      'pre_webhook_url',
      'post_webhook_url',
      'filters',
      'method',
      'url',
    ]);
    expect(body).toEqual({
      account_sid: CREDS.accountSid,
      chat_service_sid: DEFAULT_SERVICE_SID,
      pre_webhook_url: null,
      post_webhook_url: null,
      filters: null,
      method: null,
      url: `${emulator().url}${SERVICE}`,
    });
  });

  it('ignores the query string for routing', async () => {
    const response = await call(`${ACCOUNT}?PageSize=5`);
    expect(response.status).toBe(200);
    expect((await json(response)).url).toBe(`${emulator().url}${ACCOUNT}`);
  });
});

describe('authentication', () => {
  it('accepts the account sid with the auth token, and an API key with its secret', async () => {
    expect((await call(ACCOUNT)).status).toBe(200);
    const key = basic(CREDS.apiKeySid, CREDS.apiKeySecret);
    expect((await call(SERVICE, { auth: key })).status).toBe(200);
  });

  it.each([
    ['no Authorization header', null],
    ['a Bearer token', `Bearer ${CREDS.authToken}`],
    ['Basic with no colon', `Basic ${Buffer.from(CREDS.accountSid).toString('base64')}`],
    ['Basic that is not base64', 'Basic !!!'],
    ['a wrong auth token', basic(CREDS.accountSid, 'x'.repeat(32))],
    ['the auth token with the API key', basic(CREDS.apiKeySid, CREDS.authToken)],
    ['the API secret with the account sid', basic(CREDS.accountSid, CREDS.apiKeySecret)],
    ['an unknown account', basic(`AC${'0'.repeat(32)}`, CREDS.authToken)],
  ])('refuses %s with 401 and Twilio’s 20003 body', async (_name, auth) => {
    const response = await call(ACCOUNT, { auth });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await response.json()).toEqual(twilioError(401, 20003, 'Authenticate'));
  });

  it('checks credentials before telling whether a service exists', async () => {
    const unknown = `/v1/Services/${OTHER_SERVICE}/Configuration/Webhooks`;
    expect((await call(unknown, { auth: basic(CREDS.accountSid, 'wrong') })).status).toBe(401);
    expect((await call(unknown)).status).toBe(404);
  });

  it('takes credentials from the options', async () => {
    const options = {
      accountSid: `AC${'1'.repeat(32)}`,
      authToken: 'custom-token',
      apiKeys: [{ sid: `SK${'2'.repeat(32)}`, secret: 'custom-secret' }],
    };
    const custom = await ownServer(startTwilioEmulator(options));
    const get = (auth: string) =>
      fetch(`${custom.url}${ACCOUNT}`, { headers: { authorization: auth } });
    const own = await get(basic(`AC${'1'.repeat(32)}`, 'custom-token'));
    expect(own.status).toBe(200);
    expect((await json(own)).account_sid).toBe(`AC${'1'.repeat(32)}`);
    expect((await get(basic(`SK${'2'.repeat(32)}`, 'custom-secret'))).status).toBe(200);
    expect((await get(AUTH)).status).toBe(401);
    expect((await get(basic(CREDS.apiKeySid, CREDS.apiKeySecret))).status).toBe(401);
  });
});

describe('routing', () => {
  it.each([
    ['an unknown service', `/v1/Services/${OTHER_SERVICE}/Configuration/Webhooks`],
    ['a malformed service sid', '/v1/Services/IS123/Configuration/Webhooks'],
    ['a sid of the wrong kind', `/v1/Services/CH${'a'.repeat(32)}/Configuration/Webhooks`],
    ['an unknown path', '/v1/Configuration'],
    ['a trailing slash', `${ACCOUNT}/`],
    ['another API version', '/v2/Configuration/Webhooks'],
  ])('answers %s with 404 and Twilio’s 20404 body', async (_name, path) => {
    const response = await call(`${path}?x=1`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual(
      twilioError(404, 20404, `The requested resource ${path} was not found`),
    );
  });

  it.each(['PUT', 'DELETE', 'PATCH'])('answers %s with 405 and an error body', async (method) => {
    const response = await call(ACCOUNT, { method });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, POST');
    expect(await response.json()).toMatchObject({
      code: 20004,
      status: 405,
      more_info: 'https://www.twilio.com/docs/errors/20004',
    });
  });

  it('serves a service added later, with its own state', async () => {
    const path = `/v1/Services/${OTHER_SERVICE}/Configuration/Webhooks`;
    emulator().addService(OTHER_SERVICE);
    await call(path, { body: 'Method=GET' });
    expect((await json(await call(path))).method).toBe('GET');
    expect(emulator().serviceConfig(DEFAULT_SERVICE_SID).method).toBeNull();
    expect(emulator().accountConfig().method).toBeNull();
  });

  it('knows only the services it is given', async () => {
    const custom = await ownServer(startTwilioEmulator({ services: [OTHER_SERVICE] }));
    const get = (sid: string) =>
      fetch(`${custom.url}/v1/Services/${sid}/Configuration/Webhooks`, {
        headers: { authorization: AUTH },
      });
    expect((await get(OTHER_SERVICE)).status).toBe(200);
    expect((await get(DEFAULT_SERVICE_SID)).status).toBe(404);
  });
});

describe('updating', () => {
  it('answers 200 with the whole resource and keeps the fields not sent', async () => {
    emulator().setAccountConfig({ pre_webhook_url: 'https://keep.example/pre' });
    const response = await call(ACCOUNT, {
      body: 'Method=post&PostWebhookUrl=https%3A%2F%2Fhooks.example%2Fpost%3Fa%3D1&Target=flex',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const expected = {
      account_sid: CREDS.accountSid,
      method: 'POST',
      filters: null,
      pre_webhook_url: 'https://keep.example/pre',
      post_webhook_url: 'https://hooks.example/post?a=1',
      target: 'flex',
      url: `${emulator().url}${ACCOUNT}`,
    };
    expect(await response.json()).toEqual(expected);
    expect(await json(await call(ACCOUNT))).toEqual(expected);
    expect(emulator().accountConfig()).toEqual(expected);
  });

  it('collects repeated Filters, stores duplicates once and keeps their order', async () => {
    const body =
      'Filters=onMessageAdded&Filters=onUserAdded&Filters=onMessageAdd&Filters=onMessageAdded';
    const response = await json(await call(ACCOUNT, { body }));
    expect(response.filters).toEqual(['onMessageAdded', 'onUserAdded', 'onMessageAdd']);
  });

  it('accepts every account-wide event, and every service event', async () => {
    const form = (events: string[]) => events.map((e) => `Filters=${e}`).join('&');
    const account = await call(ACCOUNT, { body: form(ACCOUNT_EVENTS) });
    expect(account.status).toBe(200);
    expect((await json(account)).filters).toEqual(ACCOUNT_EVENTS);
    const service = await call(SERVICE, { body: form(SERVICE_EVENTS) });
    expect(service.status).toBe(200);
    expect((await json(service)).filters).toEqual(SERVICE_EVENTS);
  });

  it('updates a service without touching the account resource', async () => {
    const response = await call(SERVICE, {
      body: 'Method=GET&PreWebhookUrl=http%3A%2F%2Flocalhost%3A8080%2Fpre&Filters=onMessageAdd',
    });
    expect(await response.json()).toEqual({
      account_sid: CREDS.accountSid,
      chat_service_sid: DEFAULT_SERVICE_SID,
      pre_webhook_url: 'http://localhost:8080/pre',
      post_webhook_url: null,
      filters: ['onMessageAdd'],
      method: 'GET',
      url: `${emulator().url}${SERVICE}`,
    });
    expect(emulator().accountConfig().method).toBeNull();
  });

  it('clears the URLs and the filters with empty values', async () => {
    emulator().setAccountConfig({
      filters: ['onMessageAdded'],
      pre_webhook_url: 'https://x.example/pre',
      post_webhook_url: 'https://x.example/post',
      method: 'POST',
    });
    const response = await call(ACCOUNT, { body: 'Filters=&PreWebhookUrl=&PostWebhookUrl=' });
    expect(await response.json()).toMatchObject({
      filters: [],
      pre_webhook_url: null,
      post_webhook_url: null,
      method: 'POST',
    });
  });

  it('accepts an empty update and changes nothing', async () => {
    emulator().setAccountConfig({ method: 'GET' });
    const response = await call(ACCOUNT, { body: '' });
    expect(response.status).toBe(200);
    expect((await json(response)).method).toBe('GET');
  });

  it.each([
    ['a lower-case method', 'Method=put', 50055, 'Invalid webhook method'],
    ['an empty method', 'Method=', 50055, 'Invalid webhook method'],
    ['two methods', 'Method=GET&Method=POST', 50055, 'Invalid webhook method'],
    [
      'an ftp pre-webhook URL',
      'PreWebhookUrl=ftp%3A%2F%2Fx.example',
      50077,
      'Invalid pre-webhook URL',
    ],
    ['a relative pre-webhook URL', 'PreWebhookUrl=%2Fhooks', 50077, 'Invalid pre-webhook URL'],
    [
      'a host-less pre-webhook URL',
      'PreWebhookUrl=https%3A%2F%2F',
      50077,
      'Invalid pre-webhook URL',
    ],
    [
      'a post-webhook URL that is no URL',
      'PostWebhookUrl=not-a-url',
      50078,
      'Invalid post-webhook URL',
    ],
    [
      'a post-webhook URL with a space',
      'PostWebhookUrl=https%3A%2F%2Fx.example%2Fa%20b',
      50078,
      'Invalid post-webhook URL',
    ],
    [
      'a scheme-only post-webhook URL',
      'PostWebhookUrl=http%3Ax.example',
      50078,
      'Invalid post-webhook URL',
    ],
    ['an unknown event', 'Filters=onMessageAdded&Filters=onNothing', 20001, 'onNothing'],
    ['a badly cased event', 'Filters=onmessageadded', 20001, 'onmessageadded'],
    ['an empty event among others', 'Filters=onMessageAdded&Filters=', 20001, 'Filters'],
    ['an unknown target', 'Target=studio', 20001, 'studio'],
    ['an unknown parameter', 'FriendlyName=x', 20001, 'Invalid parameter: FriendlyName'],
    ['a parameter in the wrong case', 'method=GET', 20001, 'Invalid parameter: method'],
  ])('refuses %s with 400 and stores nothing', async (_name, body, code, message) => {
    const before = emulator().accountConfig();
    const response = await call(ACCOUNT, {
      body: `Method=GET&Target=flex&PostWebhookUrl=https%3A%2F%2Fok.example&${body}`,
    });
    expect(response.status).toBe(400);
    const error = await json(response);
    expect(error).toMatchObject({
      code,
      status: 400,
      more_info: `https://www.twilio.com/docs/errors/${String(code)}`,
    });
    expect(error.message).toContain(message);
    expect(emulator().accountConfig()).toEqual(before);
  });

  it.each([
    ['Target', 'Target=webhook', 'Invalid parameter: Target'],
    ...USER_EVENTS.map((event) => [event, `Filters=${event}`, event]),
  ])('refuses %s on a service with 400 20001', async (_name, body, message) => {
    const response = await call(SERVICE, { body: `Method=GET&${body}` });
    expect(response.status).toBe(400);
    const error = await json(response);
    expect(error).toMatchObject({ code: 20001, status: 400 });
    expect(error.message).toContain(message);
    expect(emulator().serviceConfig(DEFAULT_SERVICE_SID).method).toBeNull();
  });

  it.each([
    ['JSON', 'application/json', '{"Method":"GET"}'],
    ['multipart-like text', 'text/plain', 'Method=GET'],
  ])('refuses a %s body with 400 20001', async (_name, contentType, body) => {
    const response = await call(ACCOUNT, { body, contentType });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 20001, status: 400 });
    expect(emulator().accountConfig().method).toBeNull();
  });

  it('accepts a form content type with a charset', async () => {
    const response = await call(ACCOUNT, {
      body: 'Method=GET',
      contentType: `${FORM}; charset=utf-8`,
    });
    expect(response.status).toBe(200);
    expect(emulator().accountConfig().method).toBe('GET');
  });
});

describe('event names', () => {
  it('keeps its own copy of the names, equal to src/model/events.ts', () => {
    expect([...EMULATED_EVENTS.account].sort()).toEqual([...ALL_EVENTS].sort());
    expect([...EMULATED_EVENTS.service].sort()).toEqual([...SERVICE_EVENTS].sort());
  });

  const tenses = [
    ['Added', 'Add'],
    ['Updated', 'Update'],
    ['Removed', 'Remove'],
  ] as const;
  const flipTense = (name: string): string => {
    for (const [past, present] of tenses) {
      if (name.endsWith(past)) return `${name.slice(0, -past.length)}${present}`;
      if (name.endsWith(present)) return `${name.slice(0, -present.length)}${past}`;
    }
    return name;
  };
  const nearMisses = ALL_EVENTS.map(flipTense).filter((name) => !ALL_EVENTS.includes(name));

  it.each(nearMisses)(
    'refuses %s, one tense away from an event, on both resources',
    async (name) => {
      for (const path of [ACCOUNT, SERVICE]) {
        const response = await call(path, { body: `Filters=${name}` });
        expect(response.status).toBe(400);
        expect((await json(response)).message).toContain(name);
      }
    },
  );
});

describe('recording', () => {
  it('records every request in order, with its form', async () => {
    const before = Date.now();
    await call(`${ACCOUNT}?a=1&b=2`);
    await call(SERVICE, { body: 'Filters=onMessageAdded&Method=POST&Filters=onMessageAdd' });
    await call(ACCOUNT, { auth: null });
    const [get, post, refused] = emulator().requests;
    expect(emulator().requests).toHaveLength(3);
    expect(get).toMatchObject({
      method: 'GET',
      path: ACCOUNT,
      query: 'a=1&b=2',
      body: '',
      form: null,
    });
    expect(get?.headers.authorization).toBe(AUTH);
    expect(post).toMatchObject({
      method: 'POST',
      path: SERVICE,
      query: '',
      body: 'Filters=onMessageAdded&Method=POST&Filters=onMessageAdd',
    });
    expect(post?.headers['content-type']).toBe(FORM);
    expect(post?.form).toEqual({ Filters: ['onMessageAdded', 'onMessageAdd'], Method: ['POST'] });
    expect(Object.keys(post?.form ?? {})).toEqual(['Filters', 'Method']);
    expect(refused?.headers).not.toHaveProperty('authorization');
    expect(get?.at).toBeGreaterThanOrEqual(before);
    expect(refused?.at).toBeLessThanOrEqual(Date.now());
  });

  it('has no form for a POST that is not form-encoded', async () => {
    await call(ACCOUNT, { body: '{}', contentType: 'application/json' });
    expect(emulator().requests[0]).toMatchObject({ method: 'POST', body: '{}', form: null });
  });

  it('clears the record on request', async () => {
    await call(ACCOUNT);
    emulator().clearRequests();
    expect(emulator().requests).toEqual([]);
    await call(SERVICE);
    expect(emulator().requests.map((r) => r.path)).toEqual([SERVICE]);
  });
});

describe('faults', () => {
  it('applies a fault to matching requests only, as many times as asked, then answers normally', async () => {
    emulator().inject({
      kind: 'status',
      status: 503,
      method: 'post',
      pathIncludes: '/Services/',
      times: 2,
    });
    expect((await call(SERVICE)).status).toBe(200);
    expect((await call(ACCOUNT, { body: 'Method=GET' })).status).toBe(200);
    expect((await call(SERVICE, { body: 'Method=GET' })).status).toBe(503);
    expect((await call(SERVICE, { body: 'Method=POST' })).status).toBe(503);
    expect((await call(SERVICE, { body: 'Method=POST' })).status).toBe(200);
    expect(emulator().serviceConfig(DEFAULT_SERVICE_SID).method).toBe('POST');
    expect(emulator().requests).toHaveLength(5);
  });

  it('consumes the first matching rule first', async () => {
    emulator().inject({ kind: 'status', status: 500 });
    emulator().inject({ kind: 'status', status: 502 });
    expect((await call(ACCOUNT)).status).toBe(500);
    expect((await call(ACCOUNT)).status).toBe(502);
    expect((await call(ACCOUNT)).status).toBe(200);
  });

  it('applies faults before authentication, and a faulted update stores nothing', async () => {
    emulator().inject({ kind: 'status', status: 500, times: 2 });
    expect((await call(ACCOUNT, { auth: null })).status).toBe(500);
    expect((await call(ACCOUNT, { body: 'Method=GET' })).status).toBe(500);
    expect(emulator().accountConfig().method).toBeNull();
    expect((await call(ACCOUNT, { auth: null })).status).toBe(401);
  });

  it('drops every queued fault on clearFaults()', async () => {
    emulator().inject({ kind: 'status', status: 500, times: 5 });
    emulator().clearFaults();
    expect((await call(ACCOUNT)).status).toBe(200);
  });

  it.each([
    [429, 20429],
    [500, 20500],
    [503, 20503],
    [404, 20404],
  ])('answers a bare %i fault with Twilio’s error JSON (code %i)', async (status, code) => {
    emulator().inject({ kind: 'status', status });
    const response = await call(ACCOUNT);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await response.json()).toMatchObject({
      code,
      status,
      more_info: `https://www.twilio.com/docs/errors/${String(code)}`,
    });
  });

  it('sends a given body and headers: an object as JSON, a string as is', async () => {
    emulator().inject({
      kind: 'status',
      status: 429,
      headers: { 'Retry-After': '7' },
      body: { code: 20429, message: 'Too many', more_info: 'x', status: 429 },
    });
    emulator().inject({ kind: 'status', status: 500, body: 'plain failure' });
    const limited = await call(ACCOUNT);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(await limited.json()).toEqual({
      code: 20429,
      message: 'Too many',
      more_info: 'x',
      status: 429,
    });
    const plain = await call(ACCOUNT);
    expect(plain.status).toBe(500);
    expect(await plain.text()).toBe('plain failure');
  });

  it('serves a proxy’s HTML error page', async () => {
    emulator().inject({ kind: 'html', status: 502 });
    const page = await call(ACCOUNT);
    expect(page.status).toBe(502);
    expect(page.headers.get('content-type')).toBe('text/html');
    expect(await page.text()).toContain('<title>502 Bad Gateway</title>');
  });

  it('drops the connection without an answer', async () => {
    emulator().inject({ kind: 'reset', method: 'POST' });
    await expect(call(ACCOUNT, { body: 'Method=GET' })).rejects.toThrow();
    expect(emulator().accountConfig().method).toBeNull();
    expect(emulator().requests).toHaveLength(1);
  });

  it('stalls for the given time, then answers and applies the update', async () => {
    emulator().inject({ kind: 'stall', ms: 100 });
    const started = Date.now();
    const response = await call(ACCOUNT, { body: 'Method=GET' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    expect(response.status).toBe(200);
    expect(emulator().accountConfig().method).toBe('GET');
  });

  it('never answers a stall without a time; the client times out', async () => {
    emulator().inject({ kind: 'stall' });
    const started = Date.now();
    await expect(
      fetch(`${emulator().url}${ACCOUNT}`, {
        headers: { authorization: AUTH },
        signal: AbortSignal.timeout(100),
      }),
    ).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    expect((await call(ACCOUNT)).status).toBe(200);
  });

  it('cuts the body off half way', async () => {
    emulator().setAccountConfig({ post_webhook_url: 'https://x.example/post' });
    emulator().inject({ kind: 'truncate' });
    const response = await call(ACCOUNT);
    expect(response.status).toBe(200);
    const length = Number(response.headers.get('content-length'));
    expect(length).toBe(Buffer.byteLength(JSON.stringify(emulator().accountConfig())));
    await expect(response.text()).rejects.toThrow();
  });

  it('answers 200 with a body that is not JSON', async () => {
    emulator().inject({ kind: 'malformed-json' });
    const response = await call(ACCOUNT);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    const text = await response.text();
    expect(() => JSON.parse(text) as unknown).toThrow(SyntaxError);
  });

  it('answers 200 with JSON that lacks the resource’s fields', async () => {
    emulator().inject({ kind: 'missing-fields' });
    const body = await json(await call(SERVICE));
    expect(body).toEqual({ account_sid: CREDS.accountSid });
  });

  it('accepts an update without storing any of it', async () => {
    emulator().inject({ kind: 'ignore-update' });
    const response = await call(ACCOUNT, {
      body: 'Method=POST&Filters=onMessageAdded&Target=flex',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ method: null, filters: null, target: 'webhook' });
    expect(emulator().accountConfig()).toMatchObject({
      method: null,
      filters: null,
      target: 'webhook',
    });
  });

  it('accepts an update without storing the listed fields', async () => {
    emulator().inject({ kind: 'ignore-update', fields: ['method', 'filters'] });
    const response = await call(SERVICE, {
      body: 'Method=POST&Filters=onMessageAdded&PostWebhookUrl=https%3A%2F%2Fx.example',
    });
    expect(await response.json()).toMatchObject({
      method: null,
      filters: null,
      post_webhook_url: 'https://x.example',
    });
  });

  it('keeps an ignore-update rule for the next POST, past GETs', async () => {
    emulator().inject({ kind: 'ignore-update', fields: ['method'] });
    expect((await call(ACCOUNT)).status).toBe(200);
    await call(ACCOUNT, { body: 'Method=GET' });
    expect(emulator().accountConfig().method).toBeNull();
    await call(ACCOUNT, { body: 'Method=GET' });
    expect(emulator().accountConfig().method).toBe('GET');
  });

  it('still refuses an invalid update under ignore-update', async () => {
    emulator().inject({ kind: 'ignore-update' });
    const response = await call(ACCOUNT, { body: 'Method=PUT' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 50055 });
  });
});

describe('direct access', () => {
  it('reads and writes the account resource, with copies', () => {
    emulator().setAccountConfig({ method: 'GET', filters: ['onMessageAdded'], target: 'flex' });
    const config = emulator().accountConfig();
    expect(config).toEqual({
      account_sid: CREDS.accountSid,
      method: 'GET',
      filters: ['onMessageAdded'],
      pre_webhook_url: null,
      post_webhook_url: null,
      target: 'flex',
      url: `${emulator().url}${ACCOUNT}`,
    });
    config.filters?.push('onMessageAdd');
    expect(emulator().accountConfig().filters).toEqual(['onMessageAdded']);
  });

  it('adds an unknown service on setServiceConfig and serves it', async () => {
    emulator().setServiceConfig(OTHER_SERVICE, { method: 'POST', filters: ['onMessageAdd'] });
    const body = await json(await call(`/v1/Services/${OTHER_SERVICE}/Configuration/Webhooks`));
    expect(body).toMatchObject({
      chat_service_sid: OTHER_SERVICE,
      method: 'POST',
      filters: ['onMessageAdd'],
    });
    expect(emulator().serviceConfig(OTHER_SERVICE).method).toBe('POST');
  });

  it('throws for an unknown service on serviceConfig', () => {
    expect(() => emulator().serviceConfig(OTHER_SERVICE)).toThrow(OTHER_SERVICE);
  });

  it('keeps its own url whatever a patch says', () => {
    emulator().setAccountConfig({ url: 'https://elsewhere.example' });
    expect(emulator().accountConfig().url).toBe(`${emulator().url}${ACCOUNT}`);
  });

  it('starts afresh on reset()', async () => {
    emulator().setAccountConfig({ method: 'GET' });
    emulator().addService(OTHER_SERVICE);
    emulator().inject({ kind: 'status', status: 500 });
    await call(SERVICE);
    emulator().inject({ kind: 'status', status: 500 });
    emulator().reset();
    expect(emulator().requests).toEqual([]);
    expect(emulator().accountConfig().method).toBeNull();
    expect(() => emulator().serviceConfig(OTHER_SERVICE)).toThrow();
    expect((await call(ACCOUNT)).status).toBe(200);
  });
});

describe('closing', () => {
  it('closes with keep-alive and stalled connections open, and refuses connections after', async () => {
    const own = await ownServer(startTwilioEmulator());
    const keepAlive = await fetch(`${own.url}${ACCOUNT}`, { headers: { authorization: AUTH } });
    expect(keepAlive.status).toBe(200);
    await keepAlive.text();
    own.inject({ kind: 'stall' });
    const stalled = fetch(`${own.url}${ACCOUNT}`, { headers: { authorization: AUTH } });
    while (own.requests.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    const started = Date.now();
    await own.close();
    expect(Date.now() - started).toBeLessThan(1_000);
    await expect(stalled).rejects.toThrow();
    await expect(fetch(`${own.url}${ACCOUNT}`)).rejects.toThrow();
  });

  it('does not keep the process alive after close(), even with a timed stall pending', async () => {
    const module = fileURLToPath(new URL('./twilio-emulator.ts', import.meta.url));
    const script = `
      import { startTwilioEmulator } from ${JSON.stringify(module)};
      import { request } from 'node:http';
      const emulator = await startTwilioEmulator();
      const agent = new (await import('node:http')).Agent({ keepAlive: true });
      await new Promise((resolve) => request(emulator.url + '/v1/Configuration/Webhooks', { agent }, (res) => { res.resume(); res.on('end', resolve); }).end());
      emulator.inject({ kind: 'stall', ms: 60000 });
      request(emulator.url + '/v1/Configuration/Webhooks', { agent }).on('error', () => {}).end();
      while (emulator.requests.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
      await emulator.close();
      agent.destroy();
      console.log('closed');
    `;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output = collect(child);
    const code = await exited(child, 10_000);
    expect(output.stderr()).toBe('');
    expect(output.stdout()).toBe('closed\n');
    expect(code).toBe(0);
  });

  it('does not keep a raw keep-alive socket open past close()', async () => {
    const own = await ownServer(startTwilioEmulator());
    const { port } = new URL(own.url);
    const closed = new Promise<void>((resolve) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: ACCOUNT,
          headers: { authorization: AUTH, connection: 'keep-alive' },
        },
        (res) => {
          res.resume();
          res.on('end', () => void own.close());
          res.socket.on('close', () => {
            resolve();
          });
        },
      );
      req.end();
    });
    const timeout = new Promise<string>((resolve) =>
      setTimeout(() => {
        resolve('still open');
      }, 2_000),
    );
    expect(await Promise.race([closed.then(() => 'closed'), timeout])).toBe('closed');
  });
});
