// What the action sends, held to Twilio's own description of each request: every field of the
// registry, encoded as an update (and, for an address, as a create), must be a body the spec's
// x-www-form-urlencoded schema accepts, with no parameter the spec does not name. The schemas are
// extracted from twilio/twilio-oai (test/spec/twilio-requests.json says from where). Formats are not
// checked: the spec's `format: uri` on the per-service URLs describes a URL that is set, and the
// empty value that clears one is what Twilio's own helpers send (docs/how-it-works.md).
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { fieldsOf } from '../../../src/model/fields.js';
import type { DesiredConfig, ResourceKind } from '../../../src/model/fields.js';
import { encodeCreate, encodeUpdate } from '../../../src/model/webhook-config.js';

interface Schema {
  readonly properties: Readonly<Record<string, { readonly type?: string }>>;
  readonly required?: readonly string[];
}
const SPEC = JSON.parse(
  readFileSync(new URL('../../spec/twilio-requests.json', import.meta.url), 'utf8'),
) as { operations: Readonly<Record<string, { schema: Schema }>> };
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });

/**
 * A form body as the schema types it: a repeated parameter as a list, true/false and digits as
 * the boolean and the integer the spec declares. A parameter the schema does not name is kept, so
 * that `additionalProperties: false` catches it.
 */
function decode(body: string, schema: Schema): Record<string, unknown> {
  const form = new URLSearchParams(body);
  return Object.fromEntries(
    [...new Set(form.keys())].map((name): [string, unknown] => {
      const values = form.getAll(name);
      const type = schema.properties[name]?.type;
      if (type === 'array') return [name, values];
      const value = values.length === 1 ? values[0] : values;
      if (type === 'boolean' && (value === 'true' || value === 'false')) {
        return [name, value === 'true'];
      }
      if (type === 'integer' && typeof value === 'string' && /^\d+$/.test(value)) {
        return [name, Number(value)];
      }
      return [name, value];
    }),
  );
}

/** What the spec says is wrong with `body` as a request of `operation`; [] when nothing is. */
function problems(operation: string, body: string): string[] {
  const spec = SPEC.operations[operation];
  if (spec === undefined) throw new Error(`No operation ${operation} in the extract.`);
  const validate = ajv.compile({ ...spec.schema, additionalProperties: false });
  return validate(decode(body, spec.schema))
    ? []
    : (validate.errors ?? []).map(
        (e) => `${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
      );
}

const SERVICE = 'IS0123456789abcdef0123456789abcdef';
const FLOW = 'FW0123456789abcdef0123456789abcdef';

/** A value for every field of each kind (the first test keeps this complete). */
const EVERY_FIELD: Readonly<Record<ResourceKind, DesiredConfig>> = {
  account: {
    filters: ['onMessageAdded', 'onConversationUpdated'],
    method: 'POST',
    pre_webhook_url: 'https://hooks.example.com/pre',
    post_webhook_url: 'https://hooks.example.com/post?token=a%20b',
    target: 'webhook',
  },
  service: {
    filters: ['onMessageAdded'],
    method: 'GET',
    pre_webhook_url: 'https://hooks.example.com/pre',
    post_webhook_url: 'https://hooks.example.com/post',
  },
  address: {
    friendly_name: 'Support line',
    'auto_creation.enabled': 'true',
    'auto_creation.type': 'webhook',
    'auto_creation.conversation_service_sid': SERVICE,
    'auto_creation.webhook_url': 'https://hooks.example.com/auto',
    'auto_creation.webhook_method': 'POST',
    'auto_creation.webhook_filters': ['onMessageAdded', 'onParticipantAdded'],
    'auto_creation.studio_flow_sid': FLOW,
    'auto_creation.studio_retry_count': '3',
  },
};

/** What clears or unsets, where the registry allows it. */
const CLEARED: Readonly<Record<ResourceKind, DesiredConfig>> = {
  account: { filters: [], pre_webhook_url: null, post_webhook_url: null },
  service: { filters: [], pre_webhook_url: null, post_webhook_url: null },
  address: {
    'auto_creation.enabled': 'false',
    'auto_creation.webhook_url': null,
    'auto_creation.webhook_filters': [],
  },
};

describe('requests as Twilio’s OpenAPI description has them', () => {
  it.each<ResourceKind>(['account', 'service', 'address'])(
    'has a value here for every %s field of the registry',
    (kind) => {
      expect(Object.keys(EVERY_FIELD[kind]).sort()).toEqual(
        fieldsOf(kind)
          .map(({ field }) => field as string)
          .sort(),
      );
    },
  );

  it.each<[string, string]>([
    ['UpdateConfigurationWebhook', encodeUpdate(EVERY_FIELD.account)],
    ['UpdateConfigurationWebhook', encodeUpdate(CLEARED.account)],
    ['UpdateServiceWebhookConfiguration', encodeUpdate(EVERY_FIELD.service)],
    ['UpdateServiceWebhookConfiguration', encodeUpdate(CLEARED.service)],
    ['UpdateConfigurationAddress', encodeUpdate(EVERY_FIELD.address)],
    ['UpdateConfigurationAddress', encodeUpdate(CLEARED.address)],
    ['CreateConfigurationAddress', encodeCreate('+15005550006', 'sms', EVERY_FIELD.address)],
    ['CreateConfigurationAddress', encodeCreate('whatsapp:+15005550006', 'whatsapp', {})],
  ])('%s accepts %s', (operation, body) => {
    expect(problems(operation, body)).toEqual([]);
  });

  it.each<[string, string, string]>([
    // The spec's enum is lower case, while Twilio's answers are upper case: the registry says how it is sent.
    [
      'a method in the case of the answers',
      'UpdateConfigurationAddress',
      'AutoCreation.WebhookMethod=POST',
    ],
    [
      'Type and Address, which an update cannot change',
      'UpdateConfigurationAddress',
      'Type=sms&Address=%2B15005550006',
    ],
    ['a create without its Type', 'CreateConfigurationAddress', 'Address=%2B15005550006'],
    ['a parameter the spec does not name', 'UpdateConfigurationWebhook', 'Filter=onMessageAdded'],
    [
      'a retry count that is not a whole number',
      'UpdateConfigurationAddress',
      'AutoCreation.StudioRetryCount=three',
    ],
  ])('refuses %s, so that the check above can fail', (_, operation, body) => {
    expect(problems(operation, body)).not.toEqual([]);
  });
});
