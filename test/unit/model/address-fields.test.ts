// An Address Configuration's fields: the registry's parsers of their values (model/values.ts), what
// the registry says of each field, an answer read into the flat `auto_creation.*` fields (a boolean
// or an integer as its text), and a create or an update encoded as Twilio's form. The facts from
// Twilio's spec (twilio-oai-conversations-addresses.json) are written out here, not read back.
import { describe, expect, it } from 'vitest';
import { InvalidValue } from '../../../src/core/errors.js';
import {
  FIELDS,
  fieldSpec,
  fieldsOf,
  HOOK_FIELDS,
  INPUT_FIELDS,
} from '../../../src/model/fields.js';
import type { DesiredConfig, Field, FieldValue } from '../../../src/model/fields.js';
import { outputValue, shownValue } from '../../../src/model/show.js';
import {
  parseAutoCreationType,
  parseBoolean,
  parseFriendlyName,
  parseMethod,
  parseRetryCount,
  parseServiceRef,
  parseStudioFlowSid,
} from '../../../src/model/values.js';
import {
  describeResource,
  encodeCreate,
  encodeUpdate,
  isMissing,
  readConfig,
  resourceKey,
  resourceSid,
  resourcePath,
} from '../../../src/model/webhook-config.js';
import type { Resource } from '../../../src/model/webhook-config.js';

const ACCOUNT = 'AC0e1d2c3b4a59687766554433221100ff';
const SERVICE = 'IS0123456789abcdef0123456789abcdef';
const FLOW = 'FW0123456789abcdef0123456789abcdef';
const SID = 'IG0123456789abcdef0123456789abcdef';
const HOOK = 'https://api.example.com/twilio/auto';

const EXISTING: Extract<Resource, { kind: 'address' }> = {
  kind: 'address',
  address: '+15005550006',
  addressType: 'sms',
  sid: SID,
};
const NOT_CREATED: Extract<Resource, { kind: 'address' }> = { ...EXISTING, sid: undefined };

/** The form body as the ordered list of its name/value pairs, decoded. */
const pairs = (body: string) => [...new URLSearchParams(body)];

function refusal(parse: () => unknown): string {
  try {
    parse();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidValue);
    return (error as InvalidValue).message;
  }
  throw new Error('expected an InvalidValue, but the value was taken');
}

describe('the parsers of an address’s values', () => {
  it.each<[string, (text: string) => unknown, string, unknown]>([
    ['parseBoolean', parseBoolean, 'true', 'true'],
    ['parseBoolean', parseBoolean, 'FALSE', 'false'],
    ['parseBoolean', parseBoolean, ' True\n', 'true'],
    ['parseFriendlyName', parseFriendlyName, 'Support line', 'Support line'],
    ['parseFriendlyName', parseFriendlyName, '', ''],
    ['parseFriendlyName', parseFriendlyName, ' spaced <&> "kept" ', ' spaced <&> "kept" '],
    ['parseFriendlyName', parseFriendlyName, 'x'.repeat(256), 'x'.repeat(256)],
    ['parseFriendlyName', parseFriendlyName, '\u{1f4de}'.repeat(256), '\u{1f4de}'.repeat(256)],
    ['parseAutoCreationType', parseAutoCreationType, 'webhook', 'webhook'],
    ['parseAutoCreationType', parseAutoCreationType, 'Studio', 'studio'],
    ['parseAutoCreationType', parseAutoCreationType, 'DEFAULT', 'default'],
    ['parseServiceRef', parseServiceRef, SERVICE, SERVICE],
    ['parseServiceRef', parseServiceRef, ' Support desk ', ' Support desk '],
    ['parseStudioFlowSid', parseStudioFlowSid, FLOW, FLOW],
    ['parseStudioFlowSid', parseStudioFlowSid, FLOW.toUpperCase(), FLOW.toUpperCase()],
    ['parseRetryCount', parseRetryCount, '0', '0'],
    ['parseRetryCount', parseRetryCount, '3', '3'],
    ['parseRetryCount', parseRetryCount, ' 0012 ', '12'],
    ['parseRetryCount', parseRetryCount, '999999999', '999999999'],
    ['parseMethod', parseMethod, 'get', 'GET'],
    ['parseMethod', parseMethod, 'Post', 'POST'],
  ])('%s takes %j as %j', (_, parse, text, value) => {
    expect(parse(text)).toBe(value);
  });

  it.each<[string, (text: string) => unknown, string, string]>([
    ['parseBoolean', parseBoolean, 'yes', 'is "yes": must be true or false.'],
    ['parseBoolean', parseBoolean, '1', 'is "1": must be true or false.'],
    ['parseBoolean', parseBoolean, '', 'is "": must be true or false.'],
    [
      'parseFriendlyName',
      parseFriendlyName,
      'x'.repeat(257),
      'is 257 characters long: Twilio takes at most 256.',
    ],
    [
      'parseFriendlyName',
      parseFriendlyName,
      '\u{1f4de}'.repeat(300),
      'is 300 characters long: Twilio takes at most 256.',
    ],
    [
      'parseAutoCreationType',
      parseAutoCreationType,
      'flex',
      'is "flex": must be webhook (a webhook of the conversation\'s own), studio (a Studio Flow) or default (nothing more).',
    ],
    [
      'parseServiceRef',
      parseServiceRef,
      ' ',
      'is " ", which is blank: give the service\'s SID (IS…) or its friendly name.',
    ],
    [
      'parseStudioFlowSid',
      parseStudioFlowSid,
      FLOW.slice(0, -1),
      `is "${FLOW.slice(0, -1)}": expected a Studio Flow SID, FW followed by 32 hex digits (34 characters).`,
    ],
    [
      'parseStudioFlowSid',
      parseStudioFlowSid,
      FLOW.toLowerCase(),
      `is "${FLOW.toLowerCase()}": expected a Studio Flow SID`,
    ],
    ['parseStudioFlowSid', parseStudioFlowSid, `FW${'g'.repeat(32)}`, 'expected a Studio Flow SID'],
    [
      'parseRetryCount',
      parseRetryCount,
      '-1',
      'is "-1": expected a whole number of retries, 0 or more.',
    ],
    ['parseRetryCount', parseRetryCount, '1.5', 'is "1.5": expected a whole number of retries'],
    ['parseRetryCount', parseRetryCount, '1e3', 'is "1e3": expected a whole number of retries'],
    ['parseRetryCount', parseRetryCount, '', 'is "": expected a whole number of retries'],
    [
      'parseRetryCount',
      parseRetryCount,
      '1234567890',
      'is "1234567890": expected a whole number of retries',
    ],
    ['parseMethod', parseMethod, 'PUT', 'is "PUT": must be GET or POST.'],
  ])('%s refuses %j', (_, parse, text, message) => {
    expect(refusal(() => parse(text))).toContain(message);
  });
});

describe('the registry’s address fields', () => {
  it('lists them after the webhook fields, with their file key, form name and wire type', () => {
    expect(
      fieldsOf('address').map(({ field, key, form, wire }) => [field, key, form, wire]),
    ).toEqual([
      ['friendly_name', 'friendly-name', 'FriendlyName', 'string'],
      ['auto_creation.enabled', 'auto-creation.enabled', 'AutoCreation.Enabled', 'boolean'],
      ['auto_creation.type', 'auto-creation.type', 'AutoCreation.Type', 'string'],
      [
        'auto_creation.conversation_service_sid',
        'auto-creation.conversation-service',
        'AutoCreation.ConversationServiceSid',
        'string',
      ],
      [
        'auto_creation.webhook_url',
        'auto-creation.webhook-url',
        'AutoCreation.WebhookUrl',
        'string',
      ],
      [
        'auto_creation.webhook_method',
        'auto-creation.webhook-method',
        'AutoCreation.WebhookMethod',
        'string',
      ],
      [
        'auto_creation.webhook_filters',
        'auto-creation.webhook-filters',
        'AutoCreation.WebhookFilters',
        'list',
      ],
      [
        'auto_creation.studio_flow_sid',
        'auto-creation.studio-flow-sid',
        'AutoCreation.StudioFlowSid',
        'string',
      ],
      [
        'auto_creation.studio_retry_count',
        'auto-creation.studio-retry-count',
        'AutoCreation.StudioRetryCount',
        'integer',
      ],
    ]);
    const webhookFields = new Set(fieldsOf('account').map(({ field }) => field as string));
    expect(FIELDS.map(({ field }) => field as string)).toEqual([
      ...webhookFields,
      ...fieldsOf('address').map(({ field }) => field),
    ]);
  });

  it('keeps them apart from the webhook resources and the inputs', () => {
    const addressFields = new Set(fieldsOf('address').map(({ field }) => field));
    for (const kind of ['account', 'service'] as const) {
      expect(fieldsOf(kind).filter(({ field }) => addressFields.has(field))).toEqual([]);
    }
    expect(INPUT_FIELDS.filter(({ field }) => addressFields.has(field))).toEqual([]);
  });

  it('says which auto-creation type alone answers each type-bound field', () => {
    expect(
      fieldsOf('address').flatMap((spec) =>
        'autoCreation' in spec ? [[spec.field, spec.autoCreation]] : [],
      ),
    ).toEqual([
      ['auto_creation.webhook_url', 'webhook'],
      ['auto_creation.webhook_method', 'webhook'],
      ['auto_creation.webhook_filters', 'webhook'],
      ['auto_creation.studio_flow_sid', 'studio'],
      ['auto_creation.studio_retry_count', 'studio'],
    ]);
  });

  it('knows the address’s webhook as a post-event hook called with its own method', () => {
    expect(
      HOOK_FIELDS.filter(({ kinds }) => (kinds as readonly string[]).includes('address')).map(
        ({ field, hook, calledWith }) => [field, hook, calledWith],
      ),
    ).toEqual([['auto_creation.webhook_url', 'post', 'auto_creation.webhook_method']]);
  });

  it.each<[Field, FieldValue, FieldValue, boolean]>([
    ['friendly_name', 'Support', 'Support', true],
    ['friendly_name', 'Support', 'support', false],
    ['friendly_name', 'Support', null, false],
    ['auto_creation.enabled', 'true', 'true', true],
    ['auto_creation.enabled', 'false', null, false],
    ['auto_creation.type', 'webhook', 'studio', false],
    ['auto_creation.conversation_service_sid', SERVICE, SERVICE.toUpperCase(), true],
    ['auto_creation.conversation_service_sid', SERVICE, SERVICE.replace('IS', 'is'), false],
    ['auto_creation.conversation_service_sid', SERVICE, null, false],
    ['auto_creation.webhook_url', HOOK, `${HOOK}/`, false],
    ['auto_creation.webhook_url', null, '', true],
    ['auto_creation.webhook_method', 'GET', 'get', true],
    ['auto_creation.webhook_method', 'POST', 'GET', false],
    ['auto_creation.webhook_method', 'POST', null, false],
    [
      'auto_creation.webhook_filters',
      ['onMessageAdded', 'onDeliveryUpdated'],
      ['onDeliveryUpdated', 'onMessageAdded'],
      true,
    ],
    ['auto_creation.webhook_filters', [], null, true],
    ['auto_creation.webhook_filters', ['onMessageAdded'], [], false],
    ['auto_creation.studio_flow_sid', FLOW, FLOW.replace('abcdef', 'ABCDEF'), true],
    ['auto_creation.studio_retry_count', '3', '3', true],
    ['auto_creation.studio_retry_count', '0', null, false],
  ])('compares %s: desired %j and live %j are the same: %s', (field, desired, live, same) => {
    expect(fieldSpec(field).same(desired, live)).toBe(same);
  });

  it.each<[Field, FieldValue, FieldValue | undefined]>([
    ['friendly_name', 'Old', 'Old'],
    ['friendly_name', null, undefined],
    ['auto_creation.enabled', 'false', 'false'],
    ['auto_creation.enabled', null, undefined],
    ['auto_creation.type', 'default', 'default'],
    ['auto_creation.conversation_service_sid', SERVICE, SERVICE],
    ['auto_creation.webhook_url', null, null],
    ['auto_creation.webhook_url', HOOK, HOOK],
    ['auto_creation.webhook_method', null, undefined],
    ['auto_creation.webhook_filters', null, []],
    ['auto_creation.studio_retry_count', '2', '2'],
  ])('puts %s back from %j as %j', (field, before, restored) => {
    expect(fieldSpec(field).restore(before)).toEqual(restored);
  });

  it.each<[Field, FieldValue, string | readonly string[] | undefined]>([
    ['friendly_name', 'Support line', 'Support line'],
    ['friendly_name', null, undefined],
    ['auto_creation.enabled', 'false', 'false'],
    ['auto_creation.type', null, undefined],
    ['auto_creation.webhook_url', null, 'none'],
    ['auto_creation.webhook_url', HOOK, HOOK],
    ['auto_creation.webhook_filters', [], 'none'],
    ['auto_creation.webhook_filters', ['onMessageAdded'], ['onMessageAdded']],
    ['auto_creation.studio_retry_count', '0', '0'],
  ])('exports %s live %j as %j', (field, live, exported) => {
    expect(fieldSpec(field).exported(live)).toEqual(exported);
  });

  it('tells reviewers which desired values take something away, and which changes reroute', () => {
    const clearing = (field: Field, value: FieldValue) => fieldSpec(field).clears(value);
    expect(clearing('auto_creation.enabled', 'false')).toBe(true);
    expect(clearing('auto_creation.enabled', 'true')).toBe(false);
    expect(clearing('auto_creation.webhook_url', null)).toBe(true);
    expect(clearing('auto_creation.webhook_url', HOOK)).toBe(false);
    expect(clearing('auto_creation.webhook_filters', [])).toBe(true);
    expect(clearing('friendly_name', '')).toBe(false);
    expect(fieldsOf('address').flatMap((s) => (s.reroutes ? [s.field] : []))).toEqual([
      'auto_creation.enabled',
      'auto_creation.type',
      'auto_creation.conversation_service_sid',
      'auto_creation.studio_flow_sid',
    ]);
  });

  it('parses each value through the registry as the file does, the filters as an address’s', () => {
    expect(
      fieldSpec('auto_creation.webhook_filters').parse(
        'onMessageAdded,\nonDeliveryUpdated',
        'address',
      ),
    ).toEqual(['onMessageAdded', 'onDeliveryUpdated']);
    expect(
      refusal(() => fieldSpec('auto_creation.webhook_filters').parse('onMessageAdd', 'address')),
    ).toContain("which an address's webhook does not hear");
    expect(fieldSpec('auto_creation.webhook_url').parse('NONE', 'address')).toBeNull();
  });

  it('shows the address’s webhook URL as every other URL: no credential, to a person or in outputs', () => {
    const url = 'https://hooks:pw-&\'"<>LEAK@api.example.com/auto?token=bypass';
    expect(shownValue('auto_creation.webhook_url', url)).toBe(
      'https://***@api.example.com/auto?token=***',
    );
    expect(outputValue('auto_creation.webhook_url', url)).toBe(
      'https://***@api.example.com/auto?token=bypass',
    );
    expect(shownValue('friendly_name', 'https://u:p@x.example.com/')).toBe(
      'https://u:p@x.example.com/',
    );
  });
});

/** An answer to a fetch, create or update of an Address Configuration (the spec's examples). */
function answer(autoCreation: unknown, extra: Record<string, unknown> = {}) {
  return {
    sid: SID,
    account_sid: ACCOUNT,
    type: 'sms',
    address: '+15005550006',
    friendly_name: 'Support line',
    auto_creation: autoCreation,
    date_created: '2026-01-02T03:04:05Z',
    date_updated: '2026-01-02T03:04:05Z',
    url: `https://conversations.twilio.com/v1/Configuration/Addresses/${SID}`,
    address_country: 'US',
    ...extra,
  };
}

const ANSWER_ONLY = {
  account_sid: ACCOUNT,
  sid: SID,
  type: 'sms',
  address: '+15005550006',
  url: `https://conversations.twilio.com/v1/Configuration/Addresses/${SID}`,
};

describe('readConfig of an address’s answer', () => {
  it.each([
    [
      'a webhook configuration',
      {
        enabled: true,
        type: 'webhook',
        conversation_service_sid: SERVICE,
        webhook_url: HOOK,
        webhook_method: 'POST',
        webhook_filters: ['onMessageAdded'],
      },
      {
        'auto_creation.enabled': 'true',
        'auto_creation.type': 'webhook',
        'auto_creation.conversation_service_sid': SERVICE,
        'auto_creation.webhook_url': HOOK,
        'auto_creation.webhook_method': 'POST',
        'auto_creation.webhook_filters': ['onMessageAdded'],
        'auto_creation.studio_flow_sid': null,
        'auto_creation.studio_retry_count': null,
      },
    ],
    [
      'a studio configuration, its retry count 0',
      { enabled: false, type: 'studio', studio_flow_sid: FLOW, studio_retry_count: 0 },
      {
        'auto_creation.enabled': 'false',
        'auto_creation.type': 'studio',
        'auto_creation.conversation_service_sid': null,
        'auto_creation.webhook_url': null,
        'auto_creation.webhook_method': null,
        'auto_creation.webhook_filters': null,
        'auto_creation.studio_flow_sid': FLOW,
        'auto_creation.studio_retry_count': '0',
      },
    ],
    [
      'no auto_creation at all',
      undefined,
      {
        'auto_creation.enabled': null,
        'auto_creation.type': null,
        'auto_creation.conversation_service_sid': null,
        'auto_creation.webhook_url': null,
        'auto_creation.webhook_method': null,
        'auto_creation.webhook_filters': null,
        'auto_creation.studio_flow_sid': null,
        'auto_creation.studio_retry_count': null,
      },
    ],
  ])('flattens %s, keeping the answer’s own properties and dropping the rest', (_, auto, flat) => {
    expect(readConfig(answer(auto), EXISTING)).toEqual({
      config: { friendly_name: 'Support line', ...flat, ...ANSWER_ONLY },
    });
  });

  it('reads an auto_creation that is null, or a list, as none of its fields', () => {
    for (const auto of [null, ['enabled']]) {
      const read = readConfig(answer(auto), EXISTING);
      expect(read).toEqual({
        config: expect.objectContaining({
          'auto_creation.enabled': null,
          'auto_creation.type': null,
        }) as unknown,
      });
    }
  });

  it('reads the nested fields only from auto_creation, never the top level', () => {
    const read = readConfig(
      answer(
        { type: 'default' },
        { enabled: true, webhook_url: HOOK, 'auto_creation.enabled': true },
      ),
      EXISTING,
    );
    expect(read).toEqual({
      config: expect.objectContaining({
        'auto_creation.enabled': null,
        'auto_creation.webhook_url': null,
      }) as unknown,
    });
  });

  it('reads an answer the same whether the address is created yet or not', () => {
    const json = answer({ enabled: true, type: 'default' });
    expect(readConfig(json, NOT_CREATED)).toEqual(readConfig(json, EXISTING));
  });

  it.each<[string, unknown, string]>([
    [
      'enabled as text',
      { enabled: 'true' },
      'the field auto_creation.enabled that is not true or false',
    ],
    ['enabled as 1', { enabled: 1 }, 'the field auto_creation.enabled that is not true or false'],
    [
      'a retry count as text',
      { studio_retry_count: '3' },
      'the field auto_creation.studio_retry_count that is not a whole number',
    ],
    [
      'a fraction',
      { studio_retry_count: 0.5 },
      'the field auto_creation.studio_retry_count that is not a whole number',
    ],
    [
      'a retry count past 2^53',
      { studio_retry_count: 2 ** 53 },
      'the field auto_creation.studio_retry_count that is not a whole number',
    ],
    ['a type that is a number', { type: 2 }, 'the field auto_creation.type that is not a string'],
    [
      'filters with a number',
      { webhook_filters: ['onMessageAdded', 1] },
      'the field auto_creation.webhook_filters that is not a list of strings',
    ],
  ])('refuses %s', (_, auto, problem) => {
    expect(readConfig(answer(auto), EXISTING)).toEqual({ problem });
  });

  it('refuses an answer’s own property of the wrong kind, and a body that is no object', () => {
    expect(readConfig(answer({}, { sid: 7 }), EXISTING)).toEqual({
      problem: 'the field sid that is not a string',
    });
    expect(readConfig(answer({}, { friendly_name: false }), EXISTING)).toEqual({
      problem: 'the field friendly_name that is not a string',
    });
    expect(readConfig([answer({})], EXISTING)).toEqual({ problem: 'JSON that is not an object' });
  });
});

describe('encodeCreate and encodeUpdate for an address', () => {
  const EVERYTHING: DesiredConfig = {
    'auto_creation.studio_retry_count': '3',
    'auto_creation.webhook_filters': ['onMessageAdded', 'onParticipantAdded'],
    'auto_creation.webhook_method': 'POST',
    'auto_creation.webhook_url': `${HOOK}?a=1&b=2`,
    'auto_creation.conversation_service_sid': SERVICE,
    'auto_creation.type': 'webhook',
    'auto_creation.enabled': 'true',
    friendly_name: 'Support & sales: 50% + more',
    'auto_creation.studio_flow_sid': FLOW,
  };

  it('creates with Type and Address first, then every field given, in the registry’s order', () => {
    expect(pairs(encodeCreate('+15005550006', 'sms', EVERYTHING))).toEqual([
      ['Type', 'sms'],
      ['Address', '+15005550006'],
      ['FriendlyName', 'Support & sales: 50% + more'],
      ['AutoCreation.Enabled', 'true'],
      ['AutoCreation.Type', 'webhook'],
      ['AutoCreation.ConversationServiceSid', SERVICE],
      ['AutoCreation.WebhookUrl', `${HOOK}?a=1&b=2`],
      ['AutoCreation.WebhookMethod', 'post'],
      ['AutoCreation.WebhookFilters', 'onMessageAdded'],
      ['AutoCreation.WebhookFilters', 'onParticipantAdded'],
      ['AutoCreation.StudioFlowSid', FLOW],
      ['AutoCreation.StudioRetryCount', '3'],
    ]);
  });

  it('encodes the form so that a + stays a +, and & and % stay inside their value', () => {
    const body = encodeCreate('+15005550006', 'sms', { friendly_name: 'a&b=c%d+e' });
    expect(body).toBe('Type=sms&Address=%2B15005550006&FriendlyName=a%26b%3Dc%25d%2Be');
  });

  it('creates with nothing but Type and Address when nothing else is given', () => {
    expect(encodeCreate('support@example.com', 'email', {})).toBe(
      'Type=email&Address=support%40example.com',
    );
  });

  it.each<[string, DesiredConfig, [string, string][]]>([
    [
      'the method, lower case as the spec’s enum',
      { 'auto_creation.webhook_method': 'GET' },
      [['AutoCreation.WebhookMethod', 'get']],
    ],
    [
      'a cleared URL, as an empty value',
      { 'auto_creation.webhook_url': null },
      [['AutoCreation.WebhookUrl', '']],
    ],
    [
      'cleared filters, as one empty value',
      { 'auto_creation.webhook_filters': [] },
      [['AutoCreation.WebhookFilters', '']],
    ],
    ['enabled off', { 'auto_creation.enabled': 'false' }, [['AutoCreation.Enabled', 'false']]],
    [
      'a retry count of 0',
      { 'auto_creation.studio_retry_count': '0' },
      [['AutoCreation.StudioRetryCount', '0']],
    ],
    ['an empty friendly name', { friendly_name: '' }, [['FriendlyName', '']]],
    [
      'the type with its fields',
      { 'auto_creation.studio_flow_sid': FLOW, 'auto_creation.type': 'studio' },
      [
        ['AutoCreation.Type', 'studio'],
        ['AutoCreation.StudioFlowSid', FLOW],
      ],
    ],
  ])('updates only the fields given: %s', (_, update, expected) => {
    expect(pairs(encodeUpdate(update))).toEqual(expected);
  });

  it('sends neither Type nor Address in an update: no update can change them', () => {
    const names = pairs(encodeUpdate(EVERYTHING)).map(([name]) => name);
    expect(names).not.toContain('Type');
    expect(names).not.toContain('Address');
    expect(names).toContain('AutoCreation.Type');
  });
});

describe('an address as a resource', () => {
  it.each<[string, Extract<Resource, { kind: 'address' }>, string, string | null]>([
    ['one that exists', EXISTING, `/v1/Configuration/Addresses/${SID}`, SID],
    ['one not created yet', NOT_CREATED, '/v1/Configuration/Addresses', null],
  ])(
    '%s lives at its path, is named by its address, and has its SID or none',
    (_, resource, path, sid) => {
      expect(resourcePath(resource)).toBe(path);
      expect(describeResource(resource)).toBe('Address Configuration of +15005550006');
      expect(resourceKey(resource)).toBe('+15005550006');
      expect(resourceSid(resource, ACCOUNT)).toBe(sid);
      expect(isMissing(resource)).toBe(sid === null);
    },
  );

  it.each<[Resource, string]>([
    [{ kind: 'account' }, ACCOUNT],
    [{ kind: 'service', serviceSid: SERVICE }, SERVICE],
  ])('gives a webhook resource the SID of its account or service (%j)', (resource, sid) => {
    expect(resourceSid(resource, ACCOUNT)).toBe(sid);
  });

  it('is never missing when it is a webhook resource', () => {
    expect(isMissing({ kind: 'account' })).toBe(false);
    expect(isMissing({ kind: 'service', serviceSid: SERVICE })).toBe(false);
  });
});
