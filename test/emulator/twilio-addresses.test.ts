// The emulator's Address Configurations (`/v1/Configuration/Addresses`, `IG…`), over real HTTP,
// held to Twilio's OpenAPI description (twilio/twilio-oai spec/json/twilio_conversations_v1.json:
// ListConfigurationAddress, CreateConfigurationAddress, Fetch/Update/DeleteConfigurationAddress,
// the `conversations.v1.configuration_address` schema and the operations' examples) and to what the
// emulator chose where the spec is silent (409 for a second configuration of one address, 400 for
// an unknown service, keys kept across a type change), and to the contract every route shares:
// authentication, recording, faults, latency.
import { describe, expect, it } from 'vitest';
import {
  AUTH,
  FORM,
  KEY_AUTH,
  OTHER_SERVICE,
  basic,
  caller,
  json,
  twilioError,
} from '../support/emulator-tests.ts';
import { ownServer, useServer } from '../support/servers.ts';
import {
  DEFAULT_CREDENTIALS as CREDS,
  DEFAULT_SERVICE_SID,
  startTwilioEmulator,
} from './twilio-emulator.ts';
import type { AddressConfigurationAnswer, AddressPage, AddressSeed } from './twilio-emulator.ts';

const LIST = '/v1/Configuration/Addresses';
const FLOW = `FW${'a'.repeat(32)}`;
/** A service nobody created: what a deleted service looks like from a configuration. */
const GONE_SERVICE = `IS${'dead'.repeat(8)}`;
const DATE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;
const SID = /^IG[0-9a-f]{32}$/;

/** Address Configuration sids made of one hex digit pattern: igOf(7). */
const igOf = (index: number): string => `IG${index.toString(16).padStart(32, '0')}`;

// The schema's properties, in order.
const RESOURCE_KEYS = [
  'sid',
  'account_sid',
  'type',
  'address',
  'friendly_name',
  'auto_creation',
  'date_created',
  'date_updated',
  'url',
  'address_country',
];

const emulator = useServer(
  () => startTwilioEmulator({ services: [DEFAULT_SERVICE_SID, OTHER_SERVICE] }),
  (server) => {
    server.reset();
  },
);
const call = caller(emulator);

/** A form body: repeated names for arrays. */
function form(fields: Record<string, string | string[]>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const one of Array.isArray(value) ? value : [value]) params.append(name, one);
  }
  return params.toString();
}

const WEBHOOK_FORM = {
  Type: 'sms',
  Address: '+37256123457',
  FriendlyName: 'My Test Configuration',
  'AutoCreation.Enabled': 'true',
  'AutoCreation.Type': 'webhook',
  'AutoCreation.ConversationServiceSid': DEFAULT_SERVICE_SID,
  'AutoCreation.WebhookUrl': 'https://example.com',
  'AutoCreation.WebhookMethod': 'post',
  'AutoCreation.WebhookFilters': ['onParticipantAdded', 'onMessageAdded'],
  AddressCountry: 'CA',
};

async function create(
  fields: Record<string, string | string[]>,
): Promise<AddressConfigurationAnswer> {
  const response = await call(LIST, { body: form(fields) });
  expect(response.status).toBe(201);
  return (await response.json()) as AddressConfigurationAnswer;
}

async function page(url: string, auth = AUTH): Promise<AddressPage> {
  const response = await fetch(url, { headers: { authorization: auth } });
  expect(response.status).toBe(200);
  return (await response.json()) as AddressPage;
}

/** Every page from the first, following next_page_url as a client must. */
async function allPages(from: string): Promise<AddressPage[]> {
  const pages: AddressPage[] = [];
  for (
    let url: string | null = from;
    url !== null;
    url = pages.at(-1)?.meta.next_page_url ?? null
  ) {
    pages.push(await page(url));
  }
  return pages;
}

function seeds(count: number, type = (index: number) => (index % 3 === 0 ? 'whatsapp' : 'sms')) {
  return Array.from({ length: count }, (_, index): AddressSeed => ({
    sid: igOf(index + 1),
    type: type(index + 1),
    address: `+1555000${String(index + 1).padStart(4, '0')}`,
  }));
}

describe('creating', () => {
  it('answers 201 with the schema’s fields in order and the webhook keys of auto_creation', async () => {
    const before = Date.now();
    const response = await call(LIST, { body: form(WEBHOOK_FORM) });
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = (await response.json()) as AddressConfigurationAnswer;
    expect(Object.keys(body)).toEqual(RESOURCE_KEYS);
    expect(body.sid).toMatch(SID);
    // The spec's `create` example, but for the emulator's own sids, URL and dates.
    expect(body).toEqual({
      sid: body.sid,
      account_sid: CREDS.accountSid,
      type: 'sms',
      address: '+37256123457',
      friendly_name: 'My Test Configuration',
      auto_creation: {
        enabled: true,
        type: 'webhook',
        conversation_service_sid: DEFAULT_SERVICE_SID,
        webhook_url: 'https://example.com',
        webhook_method: 'POST',
        webhook_filters: ['onParticipantAdded', 'onMessageAdded'],
      },
      date_created: expect.stringMatching(DATE) as unknown,
      date_updated: body.date_created,
      url: `${emulator().url}${LIST}/${body.sid}`,
      address_country: 'CA',
    });
    expect(Object.keys(body.auto_creation)).toEqual([
      'enabled',
      'type',
      'conversation_service_sid',
      'webhook_url',
      'webhook_method',
      'webhook_filters',
    ]);
    expect(Date.parse(body.date_created)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
  });

  it('answers the studio keys for a studio configuration, the retry count as a number', async () => {
    const body = await create({
      Type: 'whatsapp',
      Address: 'whatsapp:+37256123458',
      'AutoCreation.Enabled': 'false',
      'AutoCreation.Type': 'studio',
      'AutoCreation.ConversationServiceSid': OTHER_SERVICE,
      'AutoCreation.StudioFlowSid': FLOW,
      'AutoCreation.StudioRetryCount': '3',
    });
    expect(body.auto_creation).toEqual({
      enabled: false,
      type: 'studio',
      conversation_service_sid: OTHER_SERVICE,
      studio_flow_sid: FLOW,
      studio_retry_count: 3,
    });
    expect(Object.keys(body.auto_creation)).toEqual([
      'enabled',
      'type',
      'conversation_service_sid',
      'studio_flow_sid',
      'studio_retry_count',
    ]);
    expect(body.friendly_name).toBeNull();
    expect(body.address_country).toBeNull();
  });

  it('answers enabled and type alone for a default configuration without a service (createEmail)', async () => {
    const body = await create({
      Address: 'example@example.com',
      Type: 'email',
      FriendlyName: 'My Email Configuration',
      'AutoCreation.Enabled': 'true',
      'AutoCreation.Type': 'default',
    });
    expect(body.auto_creation).toEqual({ enabled: true, type: 'default' });
    expect(body.address_country).toBeNull();
    const withService = await create({
      Type: 'chat',
      Address: 'chat-address',
      'AutoCreation.Type': 'default',
      'AutoCreation.ConversationServiceSid': OTHER_SERVICE,
      // Keys of other types are stored, not answered.
      'AutoCreation.WebhookUrl': 'https://example.com/hook',
    });
    expect(withService.auto_creation).toEqual({
      enabled: false,
      type: 'default',
      conversation_service_sid: OTHER_SERVICE,
    });
    expect(emulator().address(withService.sid).auto_creation.webhook_url).toBe(
      'https://example.com/hook',
    );
  });

  it('takes every type of the spec’s enum, in any case, and answers the type as sent', async () => {
    const types = ['sms', 'whatsapp', 'messenger', 'gbm', 'email', 'rcs', 'apple', 'chat'];
    for (const [index, type] of types.entries()) {
      const body = await create({ Type: type, Address: `address-${String(index)}` });
      expect(body.type).toBe(type);
      expect(body.auto_creation).toEqual({ enabled: false, type: 'default' });
    }
    // The spec's example createWhatsappCaseInsensitive.
    expect(
      (await create({ Type: 'whAtsAPP', Address: 'urn:mbid:AQAAYyUbut6E4B3T9FLv5EbG' })).type,
    ).toBe('whAtsAPP');
    expect(emulator().addresses()).toHaveLength(types.length + 1);
  });

  it('takes the webhook method in any case, stores duplicate filters once, clears with empty values', async () => {
    const body = await create({
      Type: 'sms',
      Address: '+15550001',
      'AutoCreation.Type': 'webhook',
      'AutoCreation.WebhookMethod': 'gEt',
      'AutoCreation.WebhookFilters': ['onMessageAdded', 'onDeliveryUpdated', 'onMessageAdded'],
    });
    expect(body.auto_creation).toEqual({
      enabled: false,
      type: 'webhook',
      webhook_url: null,
      webhook_method: 'GET',
      webhook_filters: ['onMessageAdded', 'onDeliveryUpdated'],
    });
    const cleared = await call(`${LIST}/${body.sid}`, {
      body: form({ 'AutoCreation.WebhookFilters': '' }),
    });
    expect(
      ((await cleared.json()) as AddressConfigurationAnswer).auto_creation.webhook_filters,
    ).toEqual([]);
  });

  it.each([
    [{ Address: '+15550001' }, 'Missing required parameter Type in the post body'],
    [{ Type: 'sms' }, 'Missing required parameter Address in the post body'],
    [{}, 'Missing required parameter Type in the post body'],
    [{ Type: 'sms', Address: '' }, 'Address'],
    [{ Type: 'fax', Address: '+15550001' }, 'Type'],
    [{ Type: ['sms', 'whatsapp'], Address: '+15550001' }, 'Type given 2 times'],
    [{ Type: 'sms', Address: '+15550001', 'AutoCreation.Enabled': 'yes' }, 'AutoCreation.Enabled'],
    [{ Type: 'sms', Address: '+15550001', 'AutoCreation.Type': 'flex' }, 'AutoCreation.Type'],
    [
      { Type: 'sms', Address: '+15550001', 'AutoCreation.ConversationServiceSid': 'IS123' },
      'AutoCreation.ConversationServiceSid',
    ],
    [
      { Type: 'sms', Address: '+15550001', 'AutoCreation.WebhookUrl': 'not a url' },
      'AutoCreation.WebhookUrl',
    ],
    [
      { Type: 'sms', Address: '+15550001', 'AutoCreation.WebhookMethod': 'PUT' },
      'AutoCreation.WebhookMethod',
    ],
    // A pre-event name: a conversation-scoped webhook takes post-event names only.
    [
      { Type: 'sms', Address: '+15550001', 'AutoCreation.WebhookFilters': 'onMessageAdd' },
      'AutoCreation.WebhookFilters',
    ],
    [
      { Type: 'sms', Address: '+15550001', 'AutoCreation.StudioFlowSid': 'FW1' },
      'AutoCreation.StudioFlowSid',
    ],
    [
      { Type: 'sms', Address: '+15550001', 'AutoCreation.StudioRetryCount': '-1' },
      'AutoCreation.StudioRetryCount',
    ],
    [{ Type: 'sms', Address: '+15550001', FriendlyName: 'x'.repeat(257) }, 'FriendlyName'],
    [{ Type: 'sms', Address: '+15550001', WebhookUrl: 'https://example.com' }, 'WebhookUrl'],
  ])('refuses %j with 400 and Twilio’s 20001 body, storing nothing', async (fields, message) => {
    const response = await call(LIST, { body: form(fields) });
    expect(response.status).toBe(400);
    const body = await json(response);
    expect(body).toMatchObject({
      code: 20001,
      status: 400,
      more_info: 'https://www.twilio.com/docs/errors/20001',
    });
    expect(body.message).toContain(message);
    expect(emulator().addresses()).toEqual([]);
  });

  it('refuses a Conversation Service the emulator does not know with 400 (code not established: 20001)', async () => {
    const response = await call(LIST, {
      body: form({ ...WEBHOOK_FORM, 'AutoCreation.ConversationServiceSid': GONE_SERVICE }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(
      twilioError(
        400,
        20001,
        `Invalid parameter: AutoCreation.ConversationServiceSid: no Conversation Service ${GONE_SERVICE}`,
      ),
    );
    expect(emulator().addresses()).toEqual([]);
    emulator().addService(GONE_SERVICE);
    expect(
      (
        await call(LIST, {
          body: form({ ...WEBHOOK_FORM, 'AutoCreation.ConversationServiceSid': GONE_SERVICE }),
        })
      ).status,
    ).toBe(201);
  });

  it('answers a second configuration of one address, of any type, with 409 and Twilio’s error body', async () => {
    const first = await create(WEBHOOK_FORM);
    for (const type of ['sms', 'whatsapp']) {
      const response = await call(LIST, {
        body: form({ Type: type, Address: WEBHOOK_FORM.Address }),
      });
      expect(response.status).toBe(409);
      expect(await response.json()).toEqual(
        twilioError(
          409,
          20409,
          `An Address Configuration already exists for address ${WEBHOOK_FORM.Address}`,
        ),
      );
    }
    expect(
      emulator()
        .addresses()
        .map((a) => a.sid),
    ).toEqual([first.sid]);
  });

  it('refuses a body that is not a form', async () => {
    const response = await call(LIST, {
      body: JSON.stringify({ Type: 'sms', Address: '+15550001' }),
      contentType: 'application/json',
    });
    expect(response.status).toBe(400);
    expect(await json(response)).toMatchObject({ code: 20001 });
  });
});

describe('fetching', () => {
  it('answers a configuration at its url as its creation did, and by its address (the spec’s Sid)', async () => {
    const created = await create(WEBHOOK_FORM);
    const response = await fetch(created.url, { headers: { authorization: AUTH } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(created);
    const byAddress = await call(`${LIST}/${encodeURIComponent(WEBHOOK_FORM.Address)}`);
    expect(await byAddress.json()).toEqual(created);
  });

  it.each(['GET', 'POST', 'DELETE'])(
    'answers %s of an unknown configuration with 404 and Twilio’s 20404 body',
    async (method) => {
      await create(WEBHOOK_FORM);
      const path = `${LIST}/${igOf(42)}`;
      const response = await call(path, {
        method,
        ...(method === 'POST' ? { body: form({ FriendlyName: 'x' }) } : {}),
      });
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual(
        twilioError(404, 20404, `The requested resource ${path} was not found`),
      );
    },
  );

  it('answers other methods with 405 and what is allowed', async () => {
    const created = await create(WEBHOOK_FORM);
    const onList = await call(LIST, { method: 'PUT' });
    expect(onList.status).toBe(405);
    expect(onList.headers.get('allow')).toBe('GET, POST');
    expect(await json(onList)).toMatchObject({ code: 20004 });
    const onOne = await call(`${LIST}/${created.sid}`, { method: 'PATCH' });
    expect(onOne.status).toBe(405);
    expect(onOne.headers.get('allow')).toBe('GET, POST, DELETE');
  });
});

describe('updating', () => {
  it('changes what is sent, keeps the rest, and moves date_updated alone', async () => {
    const created = await create(WEBHOOK_FORM);
    await new Promise((resolve) => setTimeout(resolve, 1_050)); // dates are to the second
    const response = await call(`${LIST}/${created.sid}`, {
      body: form({
        FriendlyName: 'Renamed',
        'AutoCreation.WebhookUrl': 'https://example.com/other',
        'AutoCreation.WebhookMethod': 'GET',
      }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as AddressConfigurationAnswer;
    expect(body).toEqual({
      ...created,
      friendly_name: 'Renamed',
      auto_creation: {
        ...created.auto_creation,
        webhook_url: 'https://example.com/other',
        webhook_method: 'GET',
      },
      date_updated: body.date_updated,
    });
    expect(body.date_updated > created.date_updated).toBe(true);
    expect(await json(await call(`${LIST}/${created.sid}`))).toEqual(body);
  });

  it('ignores Type, Address and AddressCountry, which the spec’s update does not take', async () => {
    const created = await create(WEBHOOK_FORM);
    const response = await call(`${LIST}/${created.sid}`, {
      // Not even validated: `fax` is no type.
      body: form({ Type: 'fax', Address: '+19999999999', AddressCountry: 'US' }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      type: 'sms',
      address: WEBHOOK_FORM.Address,
      address_country: 'CA',
    });
  });

  it('changes type as the spec’s update example does, and keeps the other type’s keys for a change back', async () => {
    const created = await create(WEBHOOK_FORM);
    const studio = await call(`${LIST}/${created.sid}`, {
      body: form({
        FriendlyName: 'My Test Configuration Updated',
        'AutoCreation.Enabled': 'false',
        'AutoCreation.Type': 'studio',
        'AutoCreation.StudioFlowSid': FLOW,
        'AutoCreation.StudioRetryCount': '3',
      }),
    });
    expect(((await studio.json()) as AddressConfigurationAnswer).auto_creation).toEqual({
      enabled: false,
      type: 'studio',
      conversation_service_sid: DEFAULT_SERVICE_SID,
      studio_flow_sid: FLOW,
      studio_retry_count: 3,
    });
    // Stored: every key of every type.
    expect(emulator().address(created.sid).auto_creation).toEqual({
      enabled: false,
      type: 'studio',
      conversation_service_sid: DEFAULT_SERVICE_SID,
      webhook_url: 'https://example.com',
      webhook_method: 'POST',
      webhook_filters: ['onParticipantAdded', 'onMessageAdded'],
      studio_flow_sid: FLOW,
      studio_retry_count: 3,
    });
    // Back to webhook without its fields: what was stored before (not established for Twilio).
    const back = await call(`${LIST}/${created.sid}`, {
      body: form({ 'AutoCreation.Type': 'webhook' }),
    });
    expect(((await back.json()) as AddressConfigurationAnswer).auto_creation).toEqual({
      ...created.auto_creation,
      enabled: false,
    });
    const toDefault = await call(`${LIST}/${created.sid}`, {
      body: form({ 'AutoCreation.Type': 'default', 'AutoCreation.ConversationServiceSid': '' }),
    });
    expect(((await toDefault.json()) as AddressConfigurationAnswer).auto_creation).toEqual({
      enabled: false,
      type: 'default',
    });
  });

  it('refuses an unknown service, or a bad field, and stores nothing of the update', async () => {
    const created = await create(WEBHOOK_FORM);
    for (const fields of [
      { FriendlyName: 'x', 'AutoCreation.ConversationServiceSid': GONE_SERVICE },
      { FriendlyName: 'x', 'AutoCreation.WebhookMethod': 'PUT' },
      { FriendlyName: 'x', Unknown: '1' },
    ]) {
      const response = await call(`${LIST}/${created.sid}`, { body: form(fields) });
      expect(response.status).toBe(400);
      expect(await json(response)).toMatchObject({ code: 20001, status: 400 });
    }
    expect(await json(await call(`${LIST}/${created.sid}`))).toEqual(created);
  });
});

describe('deleting', () => {
  it('answers 204 with no body, after which the configuration is gone', async () => {
    const kept = await create({ Type: 'sms', Address: '+15550001' });
    const gone = await create(WEBHOOK_FORM);
    const response = await call(`${LIST}/${gone.sid}`, { method: 'DELETE' });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    expect((await call(`${LIST}/${gone.sid}`)).status).toBe(404);
    expect((await call(`${LIST}/${gone.sid}`, { method: 'DELETE' })).status).toBe(404);
    const listed = await page(`${emulator().url}${LIST}`);
    expect(listed.address_configurations.map((a) => a.sid)).toEqual([kept.sid]);
    // The address is free again.
    expect((await call(LIST, { body: form(WEBHOOK_FORM) })).status).toBe(201);
  });

  it('deletes by address too', async () => {
    await create(WEBHOOK_FORM);
    const response = await call(`${LIST}/${encodeURIComponent(WEBHOOK_FORM.Address)}`, {
      method: 'DELETE',
    });
    expect(response.status).toBe(204);
    expect(emulator().addresses()).toEqual([]);
  });
});

describe('listing', () => {
  it('answers an empty list with Twilio’s meta (the spec’s readBlank)', async () => {
    const base = emulator().url;
    const response = await call(LIST);
    expect(response.status).toBe(200);
    const body = (await response.json()) as AddressPage;
    expect(Object.keys(body)).toEqual(['address_configurations', 'meta']);
    expect(Object.keys(body.meta)).toEqual([
      'page',
      'page_size',
      'first_page_url',
      'previous_page_url',
      'url',
      'next_page_url',
      'key',
    ]);
    expect(body).toEqual({
      address_configurations: [],
      meta: {
        page: 0,
        page_size: 50,
        first_page_url: `${base}${LIST}?PageSize=50&Page=0`,
        previous_page_url: null,
        url: `${base}${LIST}?PageSize=50&Page=0`,
        next_page_url: null,
        key: 'address_configurations',
      },
    });
  });

  it('lists configurations as they are fetched, in the order they were created', async () => {
    const first = await create(WEBHOOK_FORM);
    const second = await create({ Type: 'email', Address: 'a@example.com' });
    const listed = await page(`${emulator().url}${LIST}`);
    expect(listed.address_configurations).toEqual([first, second]);
  });

  it('pages by PageSize, and next_page_url (with a PageToken) reaches every configuration once', async () => {
    const many = await ownServer(startTwilioEmulator({ addresses: seeds(120) }));
    const pages = await allPages(`${many.url}${LIST}`);
    expect(pages.map((p) => p.address_configurations.length)).toEqual([50, 50, 20]);
    expect(pages.map((p) => p.meta.page)).toEqual([0, 1, 2]);
    expect(pages.flatMap((p) => p.address_configurations.map((a) => a.sid))).toEqual(
      seeds(120).map((s) => s.sid),
    );
    const [first, second, third] = pages.map((p) => p.meta);
    expect(first?.next_page_url).toMatch(
      new RegExp(`^${many.url}${LIST}\\?PageSize=50&Page=1&PageToken=\\w+$`),
    );
    expect(second?.url).toBe(first?.next_page_url);
    expect(third?.next_page_url).toBeNull();
    const back = await page(second?.previous_page_url ?? '');
    expect(back.address_configurations).toEqual(pages[0]?.address_configurations);
    expect(back.meta.page).toBe(0);
  });

  it('takes PageSize from 1 to 50, 50 by default', async () => {
    const many = await ownServer(startTwilioEmulator({ addresses: seeds(60) }));
    expect((await page(`${many.url}${LIST}`)).address_configurations).toHaveLength(50);
    expect((await page(`${many.url}${LIST}?PageSize=1`)).address_configurations).toHaveLength(1);
    const pages = await allPages(`${many.url}${LIST}?PageSize=7`);
    expect(pages).toHaveLength(9);
    expect(pages.every((p) => p.meta.page_size === 7)).toBe(true);
  });

  it('filters by Type (in any case), keeping Type in every page URL', async () => {
    const many = await ownServer(startTwilioEmulator({ addresses: seeds(30) }));
    const whatsapp = seeds(30).filter((s) => s.type === 'whatsapp');
    const pages = await allPages(`${many.url}${LIST}?Type=WhatsApp&PageSize=4`);
    expect(pages.flatMap((p) => p.address_configurations.map((a) => a.sid))).toEqual(
      whatsapp.map((s) => s.sid),
    );
    expect(pages.flatMap((p) => p.address_configurations.map((a) => a.type))).toEqual(
      whatsapp.map(() => 'whatsapp'),
    );
    expect(pages[0]?.meta.first_page_url).toBe(
      `${many.url}${LIST}?Type=WhatsApp&PageSize=4&Page=0`,
    );
    for (const { meta } of pages.slice(0, -1)) {
      expect(meta.next_page_url).toMatch(/\?Type=WhatsApp&PageSize=4&Page=\d+&PageToken=\w+$/);
    }
    const email = await page(`${many.url}${LIST}?Type=email`);
    expect(email.address_configurations).toEqual([]);
  });

  it('goes on from a PageToken whose configuration was deleted since', async () => {
    const many = await ownServer(startTwilioEmulator({ addresses: seeds(10) }));
    const first = await page(`${many.url}${LIST}?PageSize=4`);
    const last = first.address_configurations.at(-1);
    await fetch(last?.url ?? '', { method: 'DELETE', headers: { authorization: AUTH } });
    const rest = await allPages(first.meta.next_page_url ?? '');
    expect(rest.flatMap((p) => p.address_configurations.map((a) => a.sid))).toEqual(
      seeds(10)
        .slice(4)
        .map((s) => s.sid),
    );
  });

  it.each([
    ['PageSize=0', 'PageSize'],
    ['PageSize=51', 'PageSize'],
    ['PageSize=ten', 'PageSize'],
    ['Page=-1', 'Page'],
    ['PageSize=1&Page=1', 'Page without its PageToken'],
    ['PageToken=nonsense', 'PageToken'],
    [`PageToken=PA${igOf(99)}`, 'PageToken'],
    ['Type=fax', 'Type'],
  ])('refuses %s with 400 and Twilio’s 20001 body', async (query, message) => {
    const response = await call(`${LIST}?${query}`);
    expect(response.status).toBe(400);
    const body = await json(response);
    expect(body).toMatchObject({ code: 20001, status: 400 });
    expect(body.message).toContain(message);
  });
});

describe('seeding and direct access', () => {
  const DANGLING: AddressSeed = {
    sid: igOf(1),
    type: 'sms',
    address: '+15550009',
    friendly_name: 'Points at a deleted service',
    auto_creation: {
      enabled: true,
      type: 'webhook',
      conversation_service_sid: GONE_SERVICE,
      webhook_url: 'https://example.com/hook',
      webhook_method: 'POST',
      webhook_filters: ['onMessageAdded'],
    },
  };

  it('starts with the addresses option, a dangling service included, and serves them', async () => {
    const own = await ownServer(startTwilioEmulator({ addresses: [DANGLING] }));
    const response = await fetch(`${own.url}${LIST}/${igOf(1)}`, {
      headers: { authorization: AUTH },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      sid: igOf(1),
      account_sid: CREDS.accountSid,
      type: 'sms',
      address: '+15550009',
      friendly_name: 'Points at a deleted service',
      auto_creation: {
        enabled: true,
        type: 'webhook',
        conversation_service_sid: GONE_SERVICE,
        webhook_url: 'https://example.com/hook',
        webhook_method: 'POST',
        webhook_filters: ['onMessageAdded'],
      },
      date_created: expect.stringMatching(DATE) as unknown,
      date_updated: expect.stringMatching(DATE) as unknown,
      url: `${own.url}${LIST}/${igOf(1)}`,
      address_country: null,
    });
    // An update that does not name the service leaves the dangling reference as it is.
    const update = await fetch(`${own.url}${LIST}/${igOf(1)}`, {
      method: 'POST',
      headers: { authorization: AUTH, 'content-type': FORM },
      body: form({ FriendlyName: 'Still dangling' }),
    });
    expect(update.status).toBe(200);
    expect(own.address(igOf(1)).auto_creation.conversation_service_sid).toBe(GONE_SERVICE);
  });

  it('adds a dangling configuration with addAddress, with a sid of its own when given none', async () => {
    const added = emulator().addAddress({
      type: 'whatsapp',
      address: 'whatsapp:+15550010',
      auto_creation: { type: 'default', conversation_service_sid: GONE_SERVICE },
    });
    expect(added.sid).toMatch(SID);
    expect(added).toEqual({
      sid: added.sid,
      account_sid: CREDS.accountSid,
      type: 'whatsapp',
      address: 'whatsapp:+15550010',
      friendly_name: null,
      auto_creation: {
        enabled: false,
        type: 'default',
        conversation_service_sid: GONE_SERVICE,
        webhook_url: null,
        webhook_method: null,
        webhook_filters: null,
        studio_flow_sid: null,
        studio_retry_count: null,
      },
      date_created: expect.stringMatching(DATE) as unknown,
      date_updated: added.date_created,
      url: `${emulator().url}${LIST}/${added.sid}`,
      address_country: null,
    });
    const fetched = await json(await call(`${LIST}/${added.sid}`));
    expect(fetched.auto_creation).toEqual({
      enabled: false,
      type: 'default',
      conversation_service_sid: GONE_SERVICE,
    });
    expect(emulator().address('whatsapp:+15550010')).toEqual(added);
  });

  it('throws for a sid or an address it has, a malformed sid, and an unknown configuration', () => {
    emulator().addAddress(DANGLING);
    expect(() => emulator().addAddress({ ...DANGLING, address: '+15550099' })).toThrow(igOf(1));
    expect(() => emulator().addAddress({ ...DANGLING, sid: igOf(2) })).toThrow('+15550009');
    expect(() => emulator().addAddress({ ...DANGLING, sid: 'IG1', address: 'x' })).toThrow('IG1');
    expect(() => emulator().address(igOf(3))).toThrow(igOf(3));
  });

  it('hands out copies', () => {
    emulator().addAddress(DANGLING);
    const copy = emulator().address(igOf(1));
    copy.auto_creation.webhook_filters?.push('onMessageRemoved');
    copy.friendly_name = 'changed';
    expect(emulator().address(igOf(1)).auto_creation.webhook_filters).toEqual(['onMessageAdded']);
    expect(emulator().addresses()[0]?.friendly_name).toBe('Points at a deleted service');
  });

  it('goes back to the addresses option on reset(), with the same sids', async () => {
    const own = await ownServer(
      startTwilioEmulator({ addresses: [{ type: 'sms', address: '+15550001' }, DANGLING] }),
    );
    const initial = own.addresses().map((a) => a.sid);
    expect(initial[0]).toMatch(SID);
    own.addAddress({ type: 'email', address: 'a@example.com' });
    await fetch(`${own.url}${LIST}/${igOf(1)}`, {
      method: 'DELETE',
      headers: { authorization: AUTH },
    });
    expect(own.addresses().map((a) => a.address)).toEqual(['+15550001', 'a@example.com']);
    own.reset();
    expect(own.addresses().map((a) => a.sid)).toEqual(initial);
    expect(own.addresses().map((a) => a.address)).toEqual(['+15550001', '+15550009']);
  });

  it('starts with none', () => {
    expect(emulator().addresses()).toEqual([]);
  });
});

describe('what every route shares', () => {
  it('checks credentials first, and takes an API key', async () => {
    emulator().addAddress({ sid: igOf(1), type: 'sms', address: '+15550001' });
    for (const [path, method] of [
      [LIST, 'GET'],
      [LIST, 'POST'],
      [`${LIST}/${igOf(1)}`, 'GET'],
      [`${LIST}/${igOf(2)}`, 'DELETE'],
    ] as const) {
      const refused = await call(path, {
        method,
        auth: basic(CREDS.accountSid, 'wrong'),
        ...(method === 'POST' ? { body: form(WEBHOOK_FORM) } : {}),
      });
      expect(refused.status).toBe(401);
      expect(await refused.json()).toEqual(twilioError(401, 20003, 'Authenticate'));
      expect((await call(path, { method, auth: null })).status).toBe(401);
    }
    expect(emulator().addresses()).toHaveLength(1);
    expect((await call(LIST, { auth: KEY_AUTH })).status).toBe(200);
    expect((await call(LIST, { auth: KEY_AUTH, body: form(WEBHOOK_FORM) })).status).toBe(201);
  });

  it('records the requests, with the form of a POST', async () => {
    const created = await create(WEBHOOK_FORM);
    await call(`${LIST}?Type=sms&PageSize=5`);
    await call(`${LIST}/${created.sid}`, { method: 'DELETE' });
    expect(emulator().requests.map((r) => [r.method, r.path, r.query])).toEqual([
      ['POST', LIST, ''],
      ['GET', LIST, 'Type=sms&PageSize=5'],
      ['DELETE', `${LIST}/${created.sid}`, ''],
    ]);
    expect(emulator().requests[0]?.form).toMatchObject({
      Type: ['sms'],
      'AutoCreation.WebhookFilters': ['onParticipantAdded', 'onMessageAdded'],
    });
  });

  it('applies injected faults to these routes, a faulted create storing nothing', async () => {
    emulator().inject({ kind: 'status', status: 503, pathIncludes: LIST, times: 2 });
    expect((await call('/v1/Configuration/Webhooks')).status).toBe(200);
    expect((await call(LIST, { body: form(WEBHOOK_FORM) })).status).toBe(503);
    expect((await call(LIST)).status).toBe(503);
    expect(emulator().addresses()).toEqual([]);
    expect((await call(LIST)).status).toBe(200);
  });

  it('cuts a fetched configuration off half way', async () => {
    const created = await create(WEBHOOK_FORM);
    emulator().inject({ kind: 'truncate', method: 'GET', pathIncludes: LIST });
    const response = await call(`${LIST}/${created.sid}`);
    expect(Number(response.headers.get('content-length'))).toBe(
      Buffer.byteLength(JSON.stringify(created)),
    );
    await expect(response.text()).rejects.toThrow();
  });

  it('stores a create whose answer is lost, so that a retry meets 409', async () => {
    emulator().inject({ kind: 'lose-answer', how: 'malformed', pathEquals: LIST });
    const lost = await call(LIST, { body: form(WEBHOOK_FORM) });
    expect(lost.status).toBe(200);
    await expect(lost.json()).rejects.toThrow();
    expect(
      emulator()
        .addresses()
        .map((a) => a.address),
    ).toEqual([WEBHOOK_FORM.Address]);
    expect((await call(LIST, { body: form(WEBHOOK_FORM) })).status).toBe(409);
  });

  it('answers an ignored update with what is stored, and an ignored create without storing it', async () => {
    const created = await create(WEBHOOK_FORM);
    emulator().inject({ kind: 'ignore-update', fields: ['webhook_url'] });
    const partly = await call(`${LIST}/${created.sid}`, {
      body: form({ FriendlyName: 'Renamed', 'AutoCreation.WebhookUrl': 'https://example.com/x' }),
    });
    expect(await partly.json()).toMatchObject({
      friendly_name: 'Renamed',
      auto_creation: { webhook_url: 'https://example.com' },
    });
    emulator().inject({ kind: 'ignore-update' });
    const ignored = await call(LIST, { body: form({ Type: 'sms', Address: '+15550002' }) });
    expect(ignored.status).toBe(201);
    expect(
      emulator()
        .addresses()
        .map((a) => a.sid),
    ).toEqual([created.sid]);
  });

  it('answers after the latency, counting the requests in flight', async () => {
    emulator().setLatency(60);
    const started = Date.now();
    const answers = await Promise.all([call(LIST), call(LIST, { body: form(WEBHOOK_FORM) })]);
    expect(answers.map((r) => r.status)).toEqual([200, 201]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
    expect(emulator().maxInFlight).toBe(2);
    expect(emulator().connections).toBeGreaterThanOrEqual(1);
  });
});
