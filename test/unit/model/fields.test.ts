// The registry of managed fields: what each layer reads from it, per field, with the facts from
// Twilio's spec written out here (not read back from the registry).
import { describe, expect, it } from 'vitest';
import {
  FIELDS,
  fieldsOf,
  HOOK_FIELDS,
  INPUT_FIELDS,
  INPUT_HOOK_FIELDS,
} from '../../../src/model/fields.js';

const byField = Object.fromEntries(FIELDS.map((spec) => [spec.field, spec]));

describe('FIELDS', () => {
  it('lists the managed fields in the order a person reads them, with their input key and form name', () => {
    expect(FIELDS.map(({ field, key, form }) => [field, key, form])).toEqual([
      ['filters', 'filters', 'Filters'],
      ['method', 'method', 'Method'],
      ['pre_webhook_url', 'pre-webhook-url', 'PreWebhookUrl'],
      ['post_webhook_url', 'post-webhook-url', 'PostWebhookUrl'],
      ['target', 'target', 'Target'],
      ['friendly_name', 'friendly-name', 'FriendlyName'],
      ['auto_creation.enabled', 'auto-creation.enabled', 'AutoCreation.Enabled'],
      ['auto_creation.type', 'auto-creation.type', 'AutoCreation.Type'],
      [
        'auto_creation.conversation_service_sid',
        'auto-creation.conversation-service',
        'AutoCreation.ConversationServiceSid',
      ],
      ['auto_creation.webhook_url', 'auto-creation.webhook-url', 'AutoCreation.WebhookUrl'],
      [
        'auto_creation.webhook_method',
        'auto-creation.webhook-method',
        'AutoCreation.WebhookMethod',
      ],
      [
        'auto_creation.webhook_filters',
        'auto-creation.webhook-filters',
        'AutoCreation.WebhookFilters',
      ],
      [
        'auto_creation.studio_flow_sid',
        'auto-creation.studio-flow-sid',
        'AutoCreation.StudioFlowSid',
      ],
      [
        'auto_creation.studio_retry_count',
        'auto-creation.studio-retry-count',
        'AutoCreation.StudioRetryCount',
      ],
    ]);
  });

  it('gives the per-service resource every webhook field but target, and an address only its own', () => {
    expect(fieldsOf('account').map(({ field }) => field)).toEqual(
      INPUT_FIELDS.map(({ field }) => field),
    );
    expect(fieldsOf('account').map(({ field }) => field)).toHaveLength(5);
    expect(fieldsOf('service').map(({ field }) => field)).toEqual([
      'filters',
      'method',
      'pre_webhook_url',
      'post_webhook_url',
    ]);
    expect(fieldsOf('address').map(({ field }) => field)).toEqual([
      'friendly_name',
      'auto_creation.enabled',
      'auto_creation.type',
      'auto_creation.conversation_service_sid',
      'auto_creation.webhook_url',
      'auto_creation.webhook_method',
      'auto_creation.webhook_filters',
      'auto_creation.studio_flow_sid',
      'auto_creation.studio_retry_count',
    ]);
  });

  it('knows the three webhook URLs and which hook each is; the inputs set the first two', () => {
    expect(HOOK_FIELDS.map(({ field, hook }) => [field, hook])).toEqual([
      ['pre_webhook_url', 'pre'],
      ['post_webhook_url', 'post'],
      ['auto_creation.webhook_url', 'post'],
    ]);
    expect(INPUT_HOOK_FIELDS.map(({ field }) => field)).toEqual([
      'pre_webhook_url',
      'post_webhook_url',
    ]);
  });

  it.each([
    [
      'filters',
      ['onMessageAdded', 'onMessageUpdated'],
      ['onMessageUpdated', 'onMessageAdded'],
      true,
    ],
    ['filters', [], null, true],
    [
      'filters',
      ['onMessageAdded'],
      ['onMessageAdded', 'onMessageAdded', 'onMessageUpdated'],
      false,
    ],
    ['method', 'POST', 'post', true],
    ['method', 'GET', 'POST', false],
    ['pre_webhook_url', null, '', true],
    ['pre_webhook_url', 'https://a.example/x', 'https://a.example/x/', false],
    ['post_webhook_url', 'https://a.example/X', 'https://a.example/x', false],
    ['target', 'flex', 'webhook', false],
    ['target', 'webhook', null, false],
  ] as const)(
    'compares %s: desired %j and live %j are the same: %s',
    (field, desired, live, same) => {
      expect(byField[field]?.same(desired, live)).toBe(same);
    },
  );

  it.each([
    ['filters', null, []],
    ['filters', ['onMessageAdded'], ['onMessageAdded']],
    ['method', null, undefined],
    ['method', 'GET', 'GET'],
    ['pre_webhook_url', null, null],
    ['target', null, undefined],
  ] as const)(
    'puts %s back from %j as %j (undefined: it cannot be unset)',
    (field, before, restored) => {
      expect(byField[field]?.restore(before)).toEqual(restored);
    },
  );

  it.each([
    ['filters', [], 'none'],
    ['filters', null, 'none'],
    ['method', null, undefined],
    ['method', 'POST', 'POST'],
    ['post_webhook_url', '', 'none'],
    ['post_webhook_url', 'https://a.example/x', 'https://a.example/x'],
    ['target', null, undefined],
  ] as const)('exports a live %s of %j as %j', (field, live, written) => {
    expect(byField[field]?.exported(live)).toEqual(written);
  });

  it.each([
    ['filters', [], true],
    ['filters', ['onMessageAdded'], false],
    ['pre_webhook_url', null, true],
    ['pre_webhook_url', 'https://a.example', false],
    ['method', 'GET', false],
  ] as const)(
    'says whether a desired %s of %j takes something away: %s',
    (field, desired, clears) => {
      expect(byField[field]?.clears(desired)).toBe(clears);
    },
  );
});
