// The one registry of the fields a user manages. Everything that differs per field lives here, and
// every layer reads it: the inputs and the desired-state file (key, parse), the wire (form), the
// plan (same), the probe and the secrets (hook: a URL), a rollback (restore), export (exported),
// the plan comment (clears) and every report (the order). A new field is one entry and its tests.
// Facts from Twilio's OpenAPI description (twilio/twilio-oai, spec/json/twilio_conversations_v1.json).
import { CLEAR, parseFilters } from './events.js';
import { parseMethod, parseTarget, parseWebhookUrl } from './values.js';

/** The two webhook configuration resources: the account-wide one, and a service's own. */
export type ResourceKind = 'account' | 'service';

export type FieldValue = string | readonly string[] | null;

interface FieldSpec<F extends string, V extends FieldValue> {
  /** The answer's property, and the name in the outputs' JSON (snake_case). */
  readonly field: F;
  /** The input's name, and the desired-state file's key. */
  readonly key: string;
  /** The parameter of an update (`Filters` is sent once per item). */
  readonly form: string;
  readonly wire: 'string' | 'list';
  /** Which resources have it. */
  readonly kinds: readonly ResourceKind[];
  /** What a valid value looks like, for "expected …". */
  readonly expected: string;
  /** The value as written (a list as its items joined by commas), or InvalidValue. */
  readonly parse: (text: string, kind: ResourceKind) => V;
  /** Whether the live value is the desired one. */
  readonly same: (desired: FieldValue, live: FieldValue) => boolean;
  /** A webhook URL: probed as this hook before a switch, its user info a secret, shown by showUrl. */
  readonly hook?: 'pre' | 'post';
  /** What puts the value from before a run back, or undefined when nothing can (an unset method). */
  readonly restore: (before: FieldValue) => FieldValue | undefined;
  /** The live value as a desired-state file writes it, or undefined to leave the key out. */
  readonly exported: (live: FieldValue) => string | readonly string[] | undefined;
  /** Whether the desired value takes something away (a URL or the filters cleared), for reviewers. */
  readonly clears: (desired: FieldValue) => boolean;
  /** Whether any change of it reroutes every conversation (target: to Flex or back). */
  readonly reroutes: boolean;
}

const URL_EXPECTED = `an absolute http(s) URL, or "${CLEAR}" to clear it`;
const never = (): boolean => false;
const exact = (desired: FieldValue, live: FieldValue): boolean => desired === live;
/** A method or target never set cannot be sent back as unset. */
const unlessUnset = (before: FieldValue): FieldValue | undefined => before ?? undefined;
const setOrLeftOut = (live: FieldValue): string | undefined =>
  typeof live === 'string' ? live : undefined;

/** Twilio signs requests with the exact URL, so any byte matters; '' and null both mean none. */
function sameUrl(desired: FieldValue, live: FieldValue): boolean {
  return (desired || null) === (live || null);
}

/** Whether the filter order is kept is not established: compared as sets. */
function sameSet(desired: FieldValue, live: FieldValue): boolean {
  const left = new Set(asList(desired));
  const right = new Set(asList(live));
  return left.size === right.size && [...left].every((item) => right.has(item));
}

function asList(value: FieldValue): readonly string[] {
  if (value === null) return [];
  return typeof value === 'string' ? [value] : value;
}

const webhookUrl = <F extends string, K extends string>(
  field: F,
  key: K,
  form: string,
  hook: 'pre' | 'post',
) =>
  ({
    field,
    key,
    form,
    wire: 'string',
    kinds: ['account', 'service'],
    expected: URL_EXPECTED,
    parse: parseWebhookUrl,
    same: sameUrl,
    hook,
    restore: (before) => before,
    exported: (live) => (typeof live === 'string' && live !== '' ? live : CLEAR),
    clears: (desired) => desired === null,
    reroutes: false,
  }) as const satisfies FieldSpec<F, string | null>;

/** In the order a person reads them. */
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
    same: (desired, live) => desired?.toString().toUpperCase() === live?.toString().toUpperCase(),
    restore: unlessUnset,
    exported: setOrLeftOut,
    clears: never,
    reroutes: false,
  },
  webhookUrl('pre_webhook_url', 'pre-webhook-url', 'PreWebhookUrl', 'pre'),
  webhookUrl('post_webhook_url', 'post-webhook-url', 'PostWebhookUrl', 'post'),
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

/** A field's value as an answer carries it. */
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
