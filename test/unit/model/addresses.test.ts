// Address Configurations as Twilio lists them: the type an address says it is by its own prefix,
// and one page of `GET /v1/Configuration/Addresses` read into the model (each configuration as a
// fetch of it is read), or what is wrong with it.
import { describe, expect, it } from 'vitest';
import {
  ADDRESS_TYPES,
  ADDRESSES_PAGE_SIZE,
  impliedType,
  readAddressesPage,
} from '../../../src/model/addresses.js';

const ACCOUNT = 'AC0e1d2c3b4a59687766554433221100ff';
const SERVICE = 'IS0123456789abcdef0123456789abcdef';
const SMS_SID = 'IG0123456789abcdef0123456789abcdef';
const WHATSAPP_SID = 'IGfedcba9876543210FEDCBA9876543210';
const BASE = 'https://conversations.twilio.com/v1/Configuration/Addresses';

describe('impliedType', () => {
  it.each([
    ['+15005550006', 'sms'],
    ['+4930123456', 'sms'],
    ['+1', 'sms'],
    ['whatsapp:+15005550006', 'whatsapp'],
    ['WhatsApp:+15005550006', 'whatsapp'],
    ['WHATSAPP:anything', 'whatsapp'],
    ['messenger:1234567890', 'messenger'],
    ['Messenger:1234567890', 'messenger'],
  ])('%s names itself %s', (address, type) => {
    expect(impliedType(address)).toBe(type);
  });

  it.each([
    ['a number without its +', '15005550006'],
    ['a number with spaces', '+1 500 555 0006'],
    ['a number with dashes', '+1-500-555-0006'],
    ['a + alone', '+'],
    ['a number and a new line', '+15005550006\n'],
    ['digits of another script', '+\u0661\u0662\u0663'],
    ['an email address', 'support@example.com'],
    ['a prefix Twilio does not infer from', 'sms:+15005550006'],
    ['a prefix after a space', ' whatsapp:+15005550006'],
    ['a prefix without its colon', 'whatsapp+15005550006'],
    ['nothing', ''],
  ])('leaves the type to the file for %s', (_, address) => {
    expect(impliedType(address)).toBeUndefined();
  });

  it('only ever implies a type Twilio has', () => {
    for (const address of ['+1', 'whatsapp:+1', 'messenger:1']) {
      expect(ADDRESS_TYPES).toContain(impliedType(address));
    }
  });
});

/** An answer of the list as Twilio's spec has it (its readAll example's shape). */
function configuration(
  sid: string,
  type: string,
  address: string,
  autoCreation: unknown,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    sid,
    account_sid: ACCOUNT,
    type,
    address,
    friendly_name: null,
    auto_creation: autoCreation,
    date_created: '2026-01-02T03:04:05Z',
    date_updated: '2026-01-02T03:04:05Z',
    url: `${BASE}/${sid}`,
    address_country: null,
    ...extra,
  };
}

function page(items: unknown[], next: unknown = null): unknown {
  return {
    address_configurations: items,
    meta: {
      page: 0,
      page_size: ADDRESSES_PAGE_SIZE,
      first_page_url: `${BASE}?PageSize=50&Page=0`,
      previous_page_url: null,
      url: `${BASE}?PageSize=50&Page=0`,
      next_page_url: next,
      key: 'address_configurations',
    },
  };
}

const SMS = configuration(
  SMS_SID,
  'sms',
  '+15005550006',
  {
    enabled: true,
    type: 'webhook',
    conversation_service_sid: SERVICE,
    webhook_url: 'https://api.example.com/twilio/auto',
    webhook_method: 'POST',
    webhook_filters: ['onMessageAdded', 'onParticipantAdded'],
  },
  { friendly_name: 'Support line' },
);
// Twilio answers the type in the case it was created with (its createWhatsappCaseInsensitive example).
const WHATSAPP = configuration(WHATSAPP_SID, 'whAtsAPP', 'whatsapp:+15005550006', {
  enabled: false,
  type: 'studio',
  studio_flow_sid: 'FW0123456789abcdef0123456789abcdef',
  studio_retry_count: 3,
});

describe('readAddressesPage', () => {
  it('reads each configuration with its fields flattened, booleans and integers as text', () => {
    expect(readAddressesPage(page([SMS, WHATSAPP]))).toEqual({
      items: [
        {
          sid: SMS_SID,
          address: '+15005550006',
          type: 'sms',
          config: {
            friendly_name: 'Support line',
            'auto_creation.enabled': 'true',
            'auto_creation.type': 'webhook',
            'auto_creation.conversation_service_sid': SERVICE,
            'auto_creation.webhook_url': 'https://api.example.com/twilio/auto',
            'auto_creation.webhook_method': 'POST',
            'auto_creation.webhook_filters': ['onMessageAdded', 'onParticipantAdded'],
            'auto_creation.studio_flow_sid': null,
            'auto_creation.studio_retry_count': null,
            account_sid: ACCOUNT,
            sid: SMS_SID,
            type: 'sms',
            address: '+15005550006',
            url: `${BASE}/${SMS_SID}`,
          },
        },
        {
          sid: WHATSAPP_SID,
          address: 'whatsapp:+15005550006',
          type: 'whAtsAPP',
          config: {
            friendly_name: null,
            'auto_creation.enabled': 'false',
            'auto_creation.type': 'studio',
            'auto_creation.conversation_service_sid': null,
            'auto_creation.webhook_url': null,
            'auto_creation.webhook_method': null,
            'auto_creation.webhook_filters': null,
            'auto_creation.studio_flow_sid': 'FW0123456789abcdef0123456789abcdef',
            'auto_creation.studio_retry_count': '3',
            account_sid: ACCOUNT,
            sid: WHATSAPP_SID,
            type: 'whAtsAPP',
            address: 'whatsapp:+15005550006',
            url: `${BASE}/${WHATSAPP_SID}`,
          },
        },
      ],
      next: null,
    });
  });

  it('passes on the next page’s link as Twilio wrote it', () => {
    const next = `${BASE}?PageSize=50&Page=1&PageToken=PA${SMS_SID}`;
    expect(readAddressesPage(page([SMS], next))).toEqual({
      items: [expect.objectContaining({ sid: SMS_SID })],
      next,
    });
  });

  it.each([
    ['an empty page', page([]), { items: [], next: null }],
    ['a page without meta', { address_configurations: [] }, { items: [], next: null }],
    [
      'a meta without a next link',
      { address_configurations: [], meta: {} },
      { items: [], next: null },
    ],
  ])('reads %s as the last page', (_, json, expected) => {
    expect(readAddressesPage(json)).toEqual(expected);
  });

  it('reads a configuration without auto_creation, or with it null, as having none of its fields', () => {
    const bare = (autoCreation: unknown) =>
      readAddressesPage(
        page([configuration(SMS_SID, 'email', 'support@example.com', autoCreation)]),
      );
    for (const read of [bare(undefined), bare(null)]) {
      expect(read).toEqual({
        items: [
          expect.objectContaining({
            config: expect.objectContaining({
              'auto_creation.enabled': null,
              'auto_creation.type': null,
              'auto_creation.conversation_service_sid': null,
              'auto_creation.studio_retry_count': null,
            }) as unknown,
          }),
        ],
        next: null,
      });
    }
  });

  it.each<[string, unknown, string]>([
    ['null', null, 'JSON that is not an object'],
    ['a string', 'address_configurations', 'JSON that is not an object'],
    ['a list', [SMS], 'no list of address_configurations'],
    ['the services list’s shape', { services: [] }, 'no list of address_configurations'],
    [
      'a list that is an object',
      { address_configurations: { 0: SMS } },
      'no list of address_configurations',
    ],
    ['an item that is null', page([null]), 'an Address Configuration without a valid sid'],
    [
      'an item without a sid',
      page([{ ...SMS, sid: undefined }]),
      'an Address Configuration without a valid sid',
    ],
    [
      'a service’s sid',
      page([{ ...SMS, sid: SERVICE }]),
      'an Address Configuration without a valid sid',
    ],
    [
      'a sid one digit short',
      page([{ ...SMS, sid: SMS_SID.slice(0, -1) }]),
      'an Address Configuration without a valid sid',
    ],
    [
      'a sid in lower case',
      page([{ ...SMS, sid: SMS_SID.toLowerCase() }]),
      'an Address Configuration without a valid sid',
    ],
    [
      'an item without its address',
      page([{ ...SMS, address: undefined }]),
      `Address Configuration ${SMS_SID} without its address and type`,
    ],
    [
      'an item whose type is not a string',
      page([{ ...SMS, type: 1 }]),
      `Address Configuration ${SMS_SID} without its address and type`,
    ],
    [
      'enabled as text',
      page([configuration(SMS_SID, 'sms', '+1', { enabled: 'true', type: 'default' })]),
      `Address Configuration ${SMS_SID} with the field auto_creation.enabled that is not true or false`,
    ],
    [
      'a retry count that is not whole',
      page([configuration(SMS_SID, 'sms', '+1', { type: 'studio', studio_retry_count: 2.5 })]),
      `Address Configuration ${SMS_SID} with the field auto_creation.studio_retry_count that is not a whole number`,
    ],
    [
      'a retry count as text',
      page([configuration(SMS_SID, 'sms', '+1', { type: 'studio', studio_retry_count: '3' })]),
      `Address Configuration ${SMS_SID} with the field auto_creation.studio_retry_count that is not a whole number`,
    ],
    [
      'filters that are not a list',
      page([
        configuration(SMS_SID, 'sms', '+1', { type: 'webhook', webhook_filters: 'onMessageAdded' }),
      ]),
      `Address Configuration ${SMS_SID} with the field auto_creation.webhook_filters that is not a list of strings`,
    ],
    [
      'a friendly name that is a number',
      page([{ ...SMS, friendly_name: 7 }]),
      `Address Configuration ${SMS_SID} with the field friendly_name that is not a string`,
    ],
    [
      'an account sid that is not a string',
      page([{ ...SMS, account_sid: 1 }]),
      `Address Configuration ${SMS_SID} with the field account_sid that is not a string`,
    ],
    ['a next link that is a number', page([SMS], 2), 'a next_page_url that is not a string'],
  ])('refuses %s', (_, json, problem) => {
    expect(readAddressesPage(json)).toEqual({ problem });
  });

  it('refuses the whole page for one bad item after good ones', () => {
    expect(readAddressesPage(page([SMS, WHATSAPP, { ...SMS, sid: 'IG' }]))).toEqual({
      problem: 'an Address Configuration without a valid sid',
    });
  });
});
