// The emulator's services list (`GET /v1/Services`, ListService in twilio/twilio-oai
// spec/json/twilio_conversations_v1.json) and one service (`GET /v1/Services/{Sid}`): the schema's
// fields, Twilio's paging (`meta`, absolute URLs, a PageToken to follow), restricted API keys, and
// faults aimed at the list alone.
import { describe, expect, it } from 'vitest';
import {
  AUTH,
  KEY_AUTH,
  OTHER_SERVICE,
  SERVICE,
  basic,
  caller,
  json,
  sidOf,
  twilioError,
} from '../support/emulator-tests.ts';
import { ownServer, useServer } from '../support/servers.ts';
import {
  DEFAULT_CREDENTIALS as CREDS,
  DEFAULT_SERVICE_NAME,
  DEFAULT_SERVICE_SID,
  startTwilioEmulator,
} from './twilio-emulator.ts';
import type { ServicePage } from './twilio-emulator.ts';

const LIST = '/v1/Services';
const RESTRICTED = { sid: `SK${'7'.repeat(32)}`, secret: 'restricted-secret' };
const MANY = Array.from({ length: 120 }, (_, index) => sidOf(index + 1));

const emulator = useServer(() =>
  startTwilioEmulator({
    services: [DEFAULT_SERVICE_SID, { sid: OTHER_SERVICE, friendlyName: 'Support' }],
    apiKeys: [
      { sid: CREDS.apiKeySid, secret: CREDS.apiKeySecret },
      { ...RESTRICTED, canListServices: false },
    ],
  }),
);
const call = caller(emulator);

async function page(url: string, auth = AUTH): Promise<ServicePage> {
  const response = await fetch(url, { headers: { authorization: auth } });
  expect(response.status).toBe(200);
  return (await response.json()) as ServicePage;
}

/** Every page from the first, following next_page_url as a client must. */
async function allPages(from: string): Promise<ServicePage[]> {
  const pages: ServicePage[] = [];
  for (
    let url: string | null = from;
    url !== null;
    url = pages.at(-1)?.meta.next_page_url ?? null
  ) {
    pages.push(await page(url));
  }
  return pages;
}

describe('listing services', () => {
  it('answers the schema’s fields in its order, with absolute URLs and Twilio’s meta', async () => {
    const base = emulator().url;
    const response = await call(LIST);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = (await response.json()) as ServicePage;
    expect(Object.keys(body)).toEqual(['services', 'meta']);
    const [first, second] = body.services;
    expect(Object.keys(first ?? {})).toEqual([
      'account_sid',
      'sid',
      'friendly_name',
      'date_created',
      'date_updated',
      'url',
      'links',
    ]);
    const url = `${base}/v1/Services/${DEFAULT_SERVICE_SID}`;
    expect(first).toEqual({
      account_sid: CREDS.accountSid,
      sid: DEFAULT_SERVICE_SID,
      friendly_name: DEFAULT_SERVICE_NAME,
      date_created: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/) as unknown,
      date_updated: first?.date_created,
      url,
      links: {
        conversations: `${url}/Conversations`,
        users: `${url}/Users`,
        roles: `${url}/Roles`,
        bindings: `${url}/Bindings`,
        configuration: `${url}/Configuration`,
        participant_conversations: `${url}/ParticipantConversations`,
        conversation_with_participants: `${url}/ConversationWithParticipants`,
      },
    });
    expect(second).toMatchObject({ sid: OTHER_SERVICE, friendly_name: 'Support' });
    expect(Object.keys(body.meta)).toEqual([
      'page',
      'page_size',
      'first_page_url',
      'previous_page_url',
      'url',
      'next_page_url',
      'key',
    ]);
    expect(body.meta).toEqual({
      page: 0,
      page_size: 50,
      first_page_url: `${base}/v1/Services?PageSize=50&Page=0`,
      previous_page_url: null,
      url: `${base}/v1/Services?PageSize=50&Page=0`,
      next_page_url: null,
      key: 'services',
    });
  });

  it('serves one service at its url, as the list shows it', async () => {
    const listed = (await page(`${emulator().url}${LIST}`)).services[1];
    const response = await fetch(listed?.url ?? '', { headers: { authorization: AUTH } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(listed);
    expect((await call(`${LIST}/${sidOf(9)}`)).status).toBe(404);
  });

  it('pages by PageSize, and next_page_url (with a PageToken) reaches every service once', async () => {
    const many = await ownServer(startTwilioEmulator({ services: MANY }));
    const pages = await allPages(`${many.url}${LIST}?PageSize=50`);
    expect(pages.map((p) => p.services.length)).toEqual([50, 50, 20]);
    expect(pages.map((p) => p.meta.page)).toEqual([0, 1, 2]);
    expect(pages.flatMap((p) => p.services.map((s) => s.sid))).toEqual(MANY);
    const [first, second, third] = pages.map((p) => p.meta);
    expect(first?.next_page_url).toMatch(
      new RegExp(`^${many.url}/v1/Services\\?PageSize=50&Page=1&PageToken=\\w+$`),
    );
    expect(second?.url).toBe(first?.next_page_url);
    expect(third?.next_page_url).toBeNull();
    expect(second?.first_page_url).toBe(`${many.url}/v1/Services?PageSize=50&Page=0`);
    const back = await page(second?.previous_page_url ?? '');
    expect(back.services).toEqual(pages[0]?.services);
    expect(back.meta.page).toBe(0);
  });

  it('takes PageSize from 1 to 100, 50 by default', async () => {
    const many = await ownServer(startTwilioEmulator({ services: MANY }));
    expect((await page(`${many.url}${LIST}`)).services).toHaveLength(50);
    expect((await page(`${many.url}${LIST}?PageSize=1`)).services).toHaveLength(1);
    const largest = await page(`${many.url}${LIST}?PageSize=100`);
    expect(largest.services).toHaveLength(100);
    expect(largest.meta.page_size).toBe(100);
  });

  it.each([
    ['PageSize=0', 'PageSize'],
    ['PageSize=101', 'PageSize'],
    ['PageSize=-1', 'PageSize'],
    ['PageSize=ten', 'PageSize'],
    ['PageSize=1.5', 'PageSize'],
    ['PageSize=', 'PageSize'],
    ['Page=-1', 'Page'],
    ['PageSize=1&Page=1', 'Page without its PageToken'],
    ['PageToken=nonsense', 'PageToken'],
    [`PageToken=PA${'IS'.padEnd(34, 'f')}`, 'PageToken'],
  ])('refuses %s with 400 and Twilio’s 20001 body', async (query, message) => {
    const response = await call(`${LIST}?${query}`);
    expect(response.status).toBe(400);
    const body = await json(response);
    expect(body).toMatchObject({ code: 20001, status: 400 });
    expect(body.message).toContain(message);
  });

  it('checks credentials as the other routes do', async () => {
    const refused = await call(LIST, { auth: basic(CREDS.accountSid, 'wrong') });
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual(twilioError(401, 20003, 'Authenticate'));
    expect((await call(LIST, { auth: KEY_AUTH })).status).toBe(200);
  });

  it('answers 403 70051 to a restricted key, which still reads and writes webhooks', async () => {
    const restricted = basic(RESTRICTED.sid, RESTRICTED.secret);
    const response = await call(LIST, { auth: restricted });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual(twilioError(403, 70051, 'Authorization Failed'));
    expect((await call(SERVICE, { auth: restricted })).status).toBe(200);
    expect((await call(SERVICE, { auth: restricted, body: 'Method=GET' })).status).toBe(200);
    expect((await call(`${LIST}/${OTHER_SERVICE}`, { auth: restricted })).status).toBe(200);
  });

  it.each(['POST', 'DELETE'])('answers %s with 405, allowing GET', async (method) => {
    const response = await call(LIST, { method });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
  });
});

describe('friendly names', () => {
  it('lists services added later with their names, and renames a known one', async () => {
    emulator().addService(sidOf(1), 'Sales');
    emulator().addService(sidOf(2));
    emulator().addService(OTHER_SERVICE, 'Help desk');
    emulator().setServiceConfig(sidOf(3), { method: 'GET' });
    const names = (await page(`${emulator().url}${LIST}`)).services.map((s) => [
      s.sid,
      s.friendly_name,
    ]);
    expect(names).toEqual([
      [DEFAULT_SERVICE_SID, DEFAULT_SERVICE_NAME],
      [OTHER_SERVICE, 'Help desk'],
      [sidOf(1), 'Sales'],
      [sidOf(2), DEFAULT_SERVICE_NAME],
      [sidOf(3), DEFAULT_SERVICE_NAME],
    ]);
  });

  it('goes back to the initial services and names on reset()', async () => {
    emulator().addService(OTHER_SERVICE, 'Renamed');
    emulator().addService(sidOf(1));
    emulator().reset();
    const services = (await page(`${emulator().url}${LIST}`)).services;
    expect(services.map((s) => s.friendly_name)).toEqual([DEFAULT_SERVICE_NAME, 'Support']);
  });
});

describe('faults on the list route', () => {
  it('targets the list alone with pathEquals, where pathIncludes would take every service route', async () => {
    emulator().inject({ kind: 'status', status: 503, pathEquals: LIST, times: 2 });
    expect((await call(SERVICE)).status).toBe(200);
    expect((await call(`${LIST}/${DEFAULT_SERVICE_SID}`)).status).toBe(200);
    expect((await call(`${LIST}?PageSize=5`)).status).toBe(503);
    expect((await call(LIST)).status).toBe(503);
    expect((await call(LIST)).status).toBe(200);
    emulator().inject({ kind: 'status', status: 503, pathIncludes: LIST });
    expect((await call(SERVICE)).status).toBe(503);
  });

  it('cuts a page off half way', async () => {
    emulator().inject({ kind: 'truncate', pathEquals: LIST });
    const response = await call(LIST);
    const full = Buffer.byteLength(JSON.stringify(await page(`${emulator().url}${LIST}`)));
    expect(Number(response.headers.get('content-length'))).toBe(full);
    await expect(response.text()).rejects.toThrow();
  });
});
