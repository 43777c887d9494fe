import { describe, expect, it } from 'vitest';
import {
  describeResource,
  encodeUpdate,
  readConfig,
  readServicesPage,
  resourcePath,
  uniqueBySid,
} from '../../../src/model/webhook-config.js';
import type { Resource } from '../../../src/model/webhook-config.js';
import { ACCOUNT, OTHER_SERVICE, SERVICE } from '../fixtures.js';

/** The form body as the ordered list of its name/value pairs, decoded. */
const pairs = (body: string) => [...new URLSearchParams(body)];

const ACCOUNT_WIDE: Resource = { kind: 'account' };
const PER_SERVICE: Resource = { kind: 'service', serviceSid: SERVICE };

describe('encodeUpdate', () => {
  it('sends nothing for an empty update', () => {
    expect(encodeUpdate({})).toBe('');
  });

  it.each([
    [['onMessageAdded', 'onParticipantAdded'], 'Filters=onMessageAdded&Filters=onParticipantAdded'],
    [
      ['onParticipantAdded', 'onMessageAdded', 'onUserAdded'],
      'Filters=onParticipantAdded&Filters=onMessageAdded&Filters=onUserAdded',
    ],
    [['onMessageAdd'], 'Filters=onMessageAdd'],
  ])('repeats Filters in the given order, as Twilio’s helpers do: %j', (filters, body) => {
    expect(encodeUpdate({ filters })).toBe(body);
  });

  it.each([
    [{ filters: [] }, 'Filters='],
    [{ pre_webhook_url: null }, 'PreWebhookUrl='],
    [{ post_webhook_url: null }, 'PostWebhookUrl='],
    [{ filters: [], pre_webhook_url: null }, 'Filters=&PreWebhookUrl='],
  ])('clears with an empty value: %j', (update, body) => {
    expect(encodeUpdate(update)).toBe(body);
  });

  it.each([
    [{ method: 'GET' } as const, 'Method=GET'],
    [{ method: 'POST' } as const, 'Method=POST'],
    [{ target: 'flex' } as const, 'Target=flex'],
    [{ target: 'webhook' } as const, 'Target=webhook'],
  ])('sends only the given field: %j', (update, body) => {
    expect(encodeUpdate(update)).toBe(body);
  });

  it('sends the fields under Twilio’s form names, in a fixed order', () => {
    const body = encodeUpdate({
      target: 'webhook',
      post_webhook_url: 'https://b.example/post',
      method: 'POST',
      pre_webhook_url: 'https://a.example/pre',
      filters: ['onMessageAdd', 'onMessageAdded'],
    });
    expect(pairs(body)).toEqual([
      ['Filters', 'onMessageAdd'],
      ['Filters', 'onMessageAdded'],
      ['Method', 'POST'],
      ['PreWebhookUrl', 'https://a.example/pre'],
      ['PostWebhookUrl', 'https://b.example/post'],
      ['Target', 'webhook'],
    ]);
  });

  it('percent-encodes special characters so that a URL stays one value', () => {
    const url = 'https://u:p@ss@a.example/p?x=1&y=ä b#frag+%2F';
    const body = encodeUpdate({ method: 'GET', post_webhook_url: url, target: 'flex' });
    expect(body).toBe(
      'Method=GET&PostWebhookUrl=https%3A%2F%2Fu%3Ap%40ss%40a.example%2Fp%3Fx%3D1%26y%3D%C3%A4+b%23frag%2B%252F&Target=flex',
    );
    expect(body.split('&')).toHaveLength(3);
    expect(pairs(body)[1]).toEqual(['PostWebhookUrl', url]);
  });

  it('round-trips every value through form decoding', () => {
    const update = {
      pre_webhook_url: 'https://a.example/pre?a=1&b=2;c=3',
      post_webhook_url: "https://a.example/post/!*'()~=&",
    };
    expect(Object.fromEntries(pairs(encodeUpdate(update)))).toEqual({
      PreWebhookUrl: update.pre_webhook_url,
      PostWebhookUrl: update.post_webhook_url,
    });
  });
});

describe('resourcePath and describeResource', () => {
  it.each<[Resource, string, string]>([
    [ACCOUNT_WIDE, '/v1/Configuration/Webhooks', 'account-wide configuration'],
    [
      PER_SERVICE,
      `/v1/Services/${SERVICE}/Configuration/Webhooks`,
      `configuration of service ${SERVICE}`,
    ],
  ])('%j is at %s and reads as %s', (resource, path, description) => {
    expect(resourcePath(resource)).toBe(path);
    expect(describeResource(resource)).toBe(description);
  });
});

/** An answer as Twilio gives it for the account-wide resource, with its links and dates. */
const ACCOUNT_ANSWER = {
  account_sid: ACCOUNT,
  method: 'POST',
  filters: ['onMessageAdded'],
  pre_webhook_url: null,
  post_webhook_url: 'https://app.example.com/post',
  target: 'webhook',
  url: 'https://conversations.twilio.com/v1/Configuration/Webhooks',
};
const SERVICE_ANSWER = {
  account_sid: ACCOUNT,
  chat_service_sid: SERVICE,
  method: 'POST',
  filters: ['onMessageAdded'],
  pre_webhook_url: null,
  post_webhook_url: 'https://app.example.com/post',
  url: `https://conversations.twilio.com/v1/Services/${SERVICE}/Configuration/Webhooks`,
};

/** `answer` without the named properties. */
const without = (answer: Record<string, unknown>, ...names: string[]) =>
  Object.fromEntries(Object.entries(answer).filter(([name]) => !names.includes(name)));
/** `answer` with every property null. */
const nulls = (answer: Record<string, unknown>) =>
  Object.fromEntries(Object.keys(answer).map((name) => [name, null]));

describe('readConfig', () => {
  it.each<[string, Resource, Record<string, unknown>]>([
    ['account-wide', ACCOUNT_WIDE, ACCOUNT_ANSWER],
    ['per-service', PER_SERVICE, SERVICE_ANSWER],
  ])('reads a %s answer as it is', (_scope, resource, answer) => {
    expect(readConfig(answer, resource)).toEqual({ config: answer });
  });

  it.each<[string, Resource, Record<string, unknown>, string]>([
    ['account-wide', ACCOUNT_WIDE, ACCOUNT_ANSWER, 'chat_service_sid'],
    ['per-service', PER_SERVICE, SERVICE_ANSWER, 'target'],
  ])(
    'keeps only the fields of the %s resource, dropping unknown ones and %s',
    (_scope, resource, answer, otherScope) => {
      const noisy = {
        ...answer,
        [otherScope]: 'from the other resource',
        links: { self: 'https://conversations.twilio.com/x' },
        date_created: '2026-11-24T12:00:00Z',
        injected: '<script>',
      };
      const read = readConfig(noisy, resource);
      expect(read).toEqual({ config: answer });
      expect(Object.keys('config' in read ? read.config : {}).sort()).toEqual(
        Object.keys(answer).sort(),
      );
    },
  );

  it('accepts null for every field: a resource Twilio has never configured', () => {
    const blank = Object.fromEntries(Object.keys(SERVICE_ANSWER).map((name) => [name, null]));
    expect(readConfig(blank, PER_SERVICE)).toEqual({ config: blank });
  });

  it.each([null, [], [ACCOUNT_ANSWER], 'text', 42, true])('refuses %j: not an object', (json) => {
    expect(readConfig(json, ACCOUNT_WIDE)).toEqual({ problem: 'JSON that is not an object' });
  });

  // Twilio's spec makes every property nullable and none required: one left out reads as null,
  // and the account check and the comparison of the managed fields deal with a null they need.
  it.each<[string, Resource, Record<string, unknown>, Record<string, unknown>]>([
    ['everything, account-wide', ACCOUNT_WIDE, {}, nulls(ACCOUNT_ANSWER)],
    ['everything, per service', PER_SERVICE, {}, nulls(SERVICE_ANSWER)],
    [
      'the target of the account-wide resource',
      ACCOUNT_WIDE,
      SERVICE_ANSWER,
      { ...without(SERVICE_ANSWER, 'chat_service_sid'), target: null },
    ],
    [
      'the service SID of a per-service resource',
      PER_SERVICE,
      ACCOUNT_ANSWER,
      { ...without(ACCOUNT_ANSWER, 'target'), chat_service_sid: null },
    ],
    [
      'url and target',
      ACCOUNT_WIDE,
      without(ACCOUNT_ANSWER, 'url', 'target'),
      { ...ACCOUNT_ANSWER, url: null, target: null },
    ],
    [
      'account_sid',
      PER_SERVICE,
      without(SERVICE_ANSWER, 'account_sid'),
      { ...SERVICE_ANSWER, account_sid: null },
    ],
    [
      'filters',
      ACCOUNT_WIDE,
      without(ACCOUNT_ANSWER, 'filters'),
      { ...ACCOUNT_ANSWER, filters: null },
    ],
  ])('reads a missing property as null: %s', (_case, resource, answer, config) => {
    expect(readConfig(answer, resource)).toEqual({ config });
  });

  it.each<[string, unknown, string]>([
    ['filters', 'onMessageAdded', 'list of strings'],
    ['filters', ['onMessageAdded', 7], 'list of strings'],
    ['filters', [null], 'list of strings'],
    ['filters', { 0: 'onMessageAdded' }, 'list of strings'],
    ['method', 5, 'string'],
    ['post_webhook_url', ['https://a.example'], 'string'],
    ['pre_webhook_url', { href: 'https://a.example' }, 'string'],
    ['account_sid', false, 'string'],
    ['target', 1, 'string'],
    ['url', 0, 'string'],
  ])('refuses a %s of the wrong type (%j)', (field, value, type) => {
    expect(readConfig({ ...ACCOUNT_ANSWER, [field]: value }, ACCOUNT_WIDE)).toEqual({
      problem: `the field ${field} that is not a ${type}`,
    });
  });

  it('does not check fields of the other resource, which it drops', () => {
    expect(readConfig({ ...ACCOUNT_ANSWER, chat_service_sid: 42 }, ACCOUNT_WIDE)).toEqual({
      config: ACCOUNT_ANSWER,
    });
  });
});

describe('readServicesPage', () => {
  const NEXT = `https://conversations.twilio.com/v1/Services?PageSize=100&Page=1&PageToken=PT${SERVICE}`;
  const page = (services: unknown, meta: unknown = { next_page_url: null }) => ({
    services,
    meta,
  });

  it('reads each service’s SID and friendly name, and the next page', () => {
    expect(
      readServicesPage(
        page(
          [
            { sid: SERVICE, friendly_name: 'Support', links: {} },
            { sid: OTHER_SERVICE, friendly_name: 'Sales' },
          ],
          { next_page_url: NEXT, page_size: 100 },
        ),
      ),
    ).toEqual({
      items: [
        { sid: SERVICE, friendlyName: 'Support' },
        { sid: OTHER_SERVICE, friendlyName: 'Sales' },
      ],
      next: NEXT,
    });
  });

  it.each([
    ['the last page', { next_page_url: null }],
    ['no next_page_url', {}],
    ['no meta', undefined],
  ])('has no next page on %s', (_case, meta) => {
    expect(readServicesPage({ services: [], ...(meta === undefined ? {} : { meta }) })).toEqual({
      items: [],
      next: null,
    });
  });

  it('accepts a SID with upper-case hex digits, as Twilio’s pattern does, keeping it as written', () => {
    const upper = `IS${SERVICE.slice(2).toUpperCase()}`;
    expect(readServicesPage(page([{ sid: upper, friendly_name: 'Support' }]))).toEqual({
      items: [{ sid: upper, friendlyName: 'Support' }],
      next: null,
    });
  });

  it.each([null, 42, ['Support'], { en: 'Support' }])(
    'gives a service whose name is not text (%j) no name',
    (name) => {
      expect(readServicesPage(page([{ sid: SERVICE, friendly_name: name }]))).toEqual({
        items: [{ sid: SERVICE, friendlyName: '' }],
        next: null,
      });
    },
  );

  it.each<[string, unknown, string]>([
    ['null', null, 'JSON that is not an object'],
    ['text', 'services', 'JSON that is not an object'],
    ['no services', { meta: {} }, 'no list of services'],
    ['services that are not a list', { services: { sid: SERVICE } }, 'no list of services'],
    ['a list', [], 'no list of services'],
    [
      'a service without a sid',
      page([{ friendly_name: 'Support' }]),
      'a service without a valid sid',
    ],
    ['a null service', page([null]), 'a service without a valid sid'],
    [
      'a lower-case prefix',
      page([{ sid: `is${SERVICE.slice(2)}` }]),
      'a service without a valid sid',
    ],
    ['another kind of sid', page([{ sid: ACCOUNT }]), 'a service without a valid sid'],
    ['a numeric sid', page([{ sid: 7 }]), 'a service without a valid sid'],
    [
      'a next page that is not a string',
      page([], { next_page_url: 2 }),
      'a next_page_url that is not a string',
    ],
  ])('refuses %s', (_case, json, problem) => {
    expect(readServicesPage(json)).toEqual({ problem });
  });
});

describe('uniqueBySid', () => {
  const support = { sid: SERVICE, friendlyName: 'Support' };
  const sales = { sid: OTHER_SERVICE, friendlyName: 'Sales' };

  it('keeps a list without repeats as it is', () => {
    expect(uniqueBySid([support, sales])).toEqual([support, sales]);
    expect(uniqueBySid([])).toEqual([]);
  });

  it('lists a service repeated across pages once, where it first came, in the list’s order', () => {
    expect(uniqueBySid([support, sales, support, sales, support])).toEqual([support, sales]);
  });

  it('takes a SID in the other case for the same service, keeping the first spelling and name', () => {
    const again = { sid: `IS${SERVICE.slice(2).toUpperCase()}`, friendlyName: 'Support (renamed)' };
    expect(uniqueBySid([support, again, sales])).toEqual([support, sales]);
    expect(uniqueBySid([again, support])).toEqual([again]);
  });
});
