// The one registry of the fields a user manages. Everything that differs per field lives here, and
// every layer reads it: the inputs and the desired-state file (key, parse), the wire (form), the
// plan (same), the probe and the secrets (hook: a URL), a rollback (restore), export (exported),
// the plan comment (clears) and every report (the order). A new field is one entry and its tests.
// Facts from Twilio's OpenAPI description (twilio/twilio-oai, spec/json/twilio_conversations_v1.json).
import { ADDRESS_FIELDS } from './address-fields.js';
import { CLEAR, parseFilters } from './events.js';
import {
  exact,
  never,
  sameMethod,
  sameSet,
  setOrLeftOut,
  unlessUnset,
  webhookUrl,
} from './field-spec.js';
import type { FieldSpec, FieldValue, ResourceKind } from './field-spec.js';
import { parseMethod, parseTarget } from './values.js';

export type { FieldValue, ResourceKind } from './field-spec.js';

/** In the order a person reads them: the webhook resources' fields, then an address's. */
export const FIELDS = [
  {
    field: 'filters',
    key: 'filters',
    form: 'Filters',
    wire: 'list',
    kinds: ['account', 'service'],
    expected: `event names, as a list or separated by commas or new lines, or "${CLEAR}" to clear the list`,
    parse: parseFilters,
    same: sameSet,
    restore: (before) => before ?? [],
    exported: (live) => (live === null || live.length === 0 ? CLEAR : live),
    clears: (desired) => Array.isArray(desired) && desired.length === 0,
    reroutes: false,
  },
  {
    field: 'method',
    key: 'method',
    form: 'Method',
    wire: 'string',
    kinds: ['account', 'service'],
    expected: 'GET or POST',
    parse: parseMethod,
    // Twilio answers upper case, and is sent upper case; a lower-case live value is the same.
    same: sameMethod,
    restore: unlessUnset,
    exported: setOrLeftOut,
    clears: never,
    reroutes: false,
  },
  webhookUrl('pre_webhook_url', 'pre-webhook-url', 'PreWebhookUrl', 'pre', {
    calledWith: 'method',
    hears: 'filters',
    kinds: ['account', 'service'],
  }),
  webhookUrl('post_webhook_url', 'post-webhook-url', 'PostWebhookUrl', 'post', {
    calledWith: 'method',
    hears: 'filters',
    kinds: ['account', 'service'],
  }),
  {
    // Only the account-wide configuration routes: the per-service resource has no target.
    field: 'target',
    key: 'target',
    form: 'Target',
    wire: 'string',
    kinds: ['account'],
    expected: 'webhook or flex',
    parse: parseTarget,
    same: exact,
    restore: unlessUnset,
    exported: setOrLeftOut,
    clears: never,
    reroutes: true,
  },
  ...ADDRESS_FIELDS,
] as const satisfies readonly FieldSpec<string, FieldValue>[];

export type Spec = (typeof FIELDS)[number];
export type Field = Spec['field'];

/**
 * The fields a user manages. A field left out is not managed: it is neither compared nor sent.
 * `null` URLs and an empty filter list mean "clear it".
 */
export type DesiredConfig = {
  readonly [S in Spec as S['field']]?: ReturnType<S['parse']>;
};

/** A field's value as an answer carries it (a boolean or an integer as its text). */
export type WireValue<S extends Spec> = S['wire'] extends 'list'
  ? readonly string[] | null
  : string | null;

export function fieldSpec(field: Field): Spec {
  const spec = FIELDS.find((candidate) => candidate.field === field);
  if (spec === undefined) throw new Error(`No field ${field}.`);
  return spec;
}

/** The fields a resource of this kind has. */
export function fieldsOf(kind: ResourceKind): readonly Spec[] {
  return FIELDS.filter((spec) => (spec.kinds as readonly ResourceKind[]).includes(kind));
}

/** The fields that are webhook URLs. */
export const HOOK_FIELDS = FIELDS.filter(
  (spec): spec is Extract<Spec, { hook: 'pre' | 'post' }> => 'hook' in spec,
);

/** The fields an input sets (and the per-field outputs describe): the webhook resources'. */
export type InputSpec = Extract<Spec, { readonly kinds: readonly ['account', ...unknown[]] }>;
export const INPUT_FIELDS = FIELDS.filter((spec): spec is InputSpec =>
  (spec.kinds as readonly ResourceKind[]).includes('account'),
);
/** The webhook URLs an input sets. */
export const INPUT_HOOK_FIELDS = HOOK_FIELDS.filter(
  (spec): spec is Extract<InputSpec, { hook: 'pre' | 'post' }> =>
    (spec.kinds as readonly ResourceKind[]).includes('account'),
);
