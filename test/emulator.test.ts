// The emulator is the tests' stand-in for Twilio: these tests hold it to the reference facts
// (Twilio's OpenAPI description of both resources and its error bodies).
import { describe, expect, it } from 'vitest';
import { DEFAULT_CREDENTIALS as CREDS, DEFAULT_SERVICE_SID } from './emulator/twilio-emulator.js';
import { useTwilioEmulator } from './support/twilio-emulator-hooks.js';

const SERVICE_PATH = `/v1/Services/${DEFAULT_SERVICE_SID}/Configuration/Webhooks`;
const AUTH = `Basic ${Buffer.from(`${CREDS.accountSid}:${CREDS.authToken}`).toString('base64')}`;

const emulator = useTwilioEmulator();

function call(path: string, body?: string, auth = AUTH) {
  return fetch(`${emulator().url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: auth,
      ...(body === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
    },
    ...(body === undefined ? {} : { body }),
  });
}

describe('Twilio emulator', () => {
  it('answers a never-configured resource with nulls, fields in the schema’s order', async () => {
    const response = await call('/v1/Configuration/Webhooks');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual([
      'account_sid',
      'method',
      'filters',
      'pre_webhook_url',
      'post_webhook_url',
      'target',
      'url',
    ]);
    expect(body).toMatchObject({ method: null, filters: null, target: 'webhook' });
    const service = (await (await call(SERVICE_PATH)).json()) as Record<string, unknown>;
    expect(service).toMatchObject({ chat_service_sid: DEFAULT_SERVICE_SID, filters: null });
    expect(service).not.toHaveProperty('target');
  });

  it('accepts an API key and refuses bad credentials with Twilio’s 20003 body', async () => {
    const key = `Basic ${Buffer.from(`${CREDS.apiKeySid}:${CREDS.apiKeySecret}`).toString('base64')}`;
    expect((await call('/v1/Configuration/Webhooks', undefined, key)).status).toBe(200);
    const refused = await call('/v1/Configuration/Webhooks', undefined, 'Basic AAAA');
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({
      code: 20003,
      message: 'Authenticate',
      more_info: 'https://www.twilio.com/docs/errors/20003',
      status: 401,
    });
  });

  it('answers 404 with 20404 for an unknown service', async () => {
    const response = await call(`/v1/Services/IS${'0'.repeat(32)}/Configuration/Webhooks`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 20404, status: 404 });
  });

  it('stores only the fields sent, upper-cases the method and keeps repeated filters', async () => {
    emulator().setAccountConfig({ pre_webhook_url: 'https://keep.example/pre' });
    const response = await call(
      '/v1/Configuration/Webhooks',
      'Method=post&Filters=onMessageAdded&Filters=onUserAdded&Filters=onMessageAdded',
    );
    expect(response.status).toBe(200);
    expect(emulator().accountConfig()).toMatchObject({
      method: 'POST',
      filters: ['onMessageAdded', 'onUserAdded'],
      pre_webhook_url: 'https://keep.example/pre',
    });
  });

  it('clears with empty values', async () => {
    emulator().setAccountConfig({
      filters: ['onMessageAdded'],
      post_webhook_url: 'https://x.example',
    });
    await call('/v1/Configuration/Webhooks', 'Filters=&PostWebhookUrl=');
    expect(emulator().accountConfig()).toMatchObject({ filters: [], post_webhook_url: null });
  });

  it.each([
    ['Method=PUT', 50055],
    ['PreWebhookUrl=ftp%3A%2F%2Fx', 50077],
    ['PostWebhookUrl=not-a-url', 50078],
    ['Filters=onNothing', 20001],
    ['Target=studio', 20001],
    ['Unknown=1', 20001],
  ])('refuses %s with code %i and stores nothing', async (body, code) => {
    const response = await call('/v1/Configuration/Webhooks', `Method=GET&${body}`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code, status: 400 });
    expect(emulator().accountConfig().method).toBeNull();
  });

  it('refuses Target and user events on a service', async () => {
    expect((await call(SERVICE_PATH, 'Target=webhook')).status).toBe(400);
    expect((await call(SERVICE_PATH, 'Filters=onUserUpdated')).status).toBe(400);
  });

  it('applies injected faults to matching requests only, as many times as asked', async () => {
    emulator().inject({ kind: 'status', status: 503, method: 'POST', times: 2 });
    expect((await call('/v1/Configuration/Webhooks')).status).toBe(200);
    expect((await call('/v1/Configuration/Webhooks', 'Method=GET')).status).toBe(503);
    expect((await call('/v1/Configuration/Webhooks', 'Method=GET')).status).toBe(503);
    expect((await call('/v1/Configuration/Webhooks', 'Method=GET')).status).toBe(200);
    expect(emulator().requests).toHaveLength(4);
  });

  it('can accept an update without storing some fields', async () => {
    emulator().inject({ kind: 'ignore-update', fields: ['method'] });
    const response = await call('/v1/Configuration/Webhooks', 'Method=POST&Target=flex');
    expect(await response.json()).toMatchObject({ method: null, target: 'flex' });
  });

  it('serves a proxy’s HTML page and drops connections on request', async () => {
    emulator().inject({ kind: 'html', status: 502 });
    const page = await call('/v1/Configuration/Webhooks');
    expect(page.headers.get('content-type')).toBe('text/html');
    expect(await page.text()).toContain('<title>502');
    emulator().inject({ kind: 'reset' });
    await expect(call('/v1/Configuration/Webhooks')).rejects.toThrow();
  });
});
