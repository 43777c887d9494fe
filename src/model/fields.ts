// The one registry of the fields a user manages. Everything that differs per field lives here, and
// every layer reads it: the inputs and the desired-state file (key, parse), the wire (form), the
// plan (same), the probe and the secrets (hook: a URL), a rollback (restore), export (exported),
// the plan comment (clears) and every report (the order). A new field is one entry and its tests.
// Facts from Twilio's OpenAPI description (twilio/twilio-oai, spec/json/twilio_conversations_v1.json).
import { CLEAR, parseFilters } from './events.js';
import {
  parseAutoCreationType,
  parseBoolean,
  parseFriendlyName,
  parseMethod,
  parseRetryCount,
  parseServiceRef,
  parseStudioFlowSid,
  parseTarget,
  parseWebhookUrl,
  sidKey,
} from './values.js';

/**
 * The resources a user manages: the account-wide webhook configuration, a service's own, and an
 * Address Configuration (what a message to one address of the account auto-creates).
 */
export type ResourceKind = 'account' | 'service' | 'address';

export type FieldValue = string | readonly string[] | null;

interface FieldSpec<F extends string, V extends FieldValue> {
  /** The answer's property, and the name in the outputs' JSON (snake_case). */
  readonly field: F;
  /** The input's name, and the desired-state file's key. */
  readonly key: string;
  /** The parameter of an update (`Filters` is sent once per item). */
  readonly form: string;
  /** What the answer's JSON carries; a boolean or an integer is held as its text ("true", "3"). */
  readonly wire: 'string' | 'list' | 'boolean' | 'integer';
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
  /** For a webhook URL: the field whose method Twilio calls it with. */
  readonly calledWith?: string;
  /** For an Address Configuration: the auto-creation type whose answer alone carries it. */
  readonly autoCreation?: 'webhook' | 'studio';
  /** The value as the parameter spells it, when the spec's enum differs from the answers. */
  readonly sent?: (value: string) => string;
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

/** Twilio answers SIDs in either case of hex digit; the prefix has one case. */
function sameSid(desired: FieldValue, live: FieldValue): boolean {
  const key = (value: FieldValue) =>
    typeof value === 'string' && value !== '' ? sidKey(value) : null;
  return key(desired) === key(live);
}

/** GET and get are one method: answers are upper case, the address resource's enum lower case. */
function sameMethod(desired: FieldValue, live: FieldValue): boolean {
  return desired?.toString().toUpperCase() === live?.toString().toUpperCase();
}

const webhookUrl = <
  F extends string,
  K extends string,
  M extends string,
  R extends readonly ResourceKind[],
>(
  field: F,
  key: K,
  form: string,
  hook: 'pre' | 'post',
  calledWith: M,
  kinds: R,
) =>
  ({
    field,
    key,
    form,
    wire: 'string',
    kinds,
    expected: URL_EXPECTED,
    parse: parseWebhookUrl,
    same: sameUrl,
    hook,
    calledWith,
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
    same: sameMethod,
    restore: unlessUnset,
    exported: setOrLeftOut,
    clears: never,
    reroutes: false,
  },
  webhookUrl('pre_webhook_url', 'pre-webhook-url', 'PreWebhookUrl', 'pre', 'method', [
    'account',
    'service',
  ] as const),
  webhookUrl('post_webhook_url', 'post-webhook-url', 'PostWebhookUrl', 'post', 'method', [
    'account',
    'service',
  ] as const),
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
  // An Address Configuration's fields (reference: twilio-oai-conversations-addresses.json). Its
  // answer nests all but friendly_name in `auto_creation`: the field names say so, and so do the
  // file's keys, which are read from an `auto-creation:` mapping.
  {
    field: 'friendly_name',
    key: 'friendly-name',
    form: 'FriendlyName',
    wire: 'string',
    kinds: ['address'],
    expected: 'a name of at most 256 characters',
    parse: parseFriendlyName,
    same: exact,
    restore: unlessUnset,
    exported: setOrLeftOut,
    clears: never,
    reroutes: false,
  },
  {
    field: 'auto_creation.enabled',
    key: 'auto-creation.enabled',
    form: 'AutoCreation.Enabled',
    wire: 'boolean',
    kinds: ['address'],
    expected: 'true or false',
    parse: parseBoolean,
    same: exact,
    restore: unlessUnset,
    exported: setOrLeftOut,
    clears: (desired) => desired === 'false',
    // On or off decides whether a message to the address starts a conversation at all.
    reroutes: true,
  },
  {
    field: 'auto_creation.type',
    key: 'auto-creation.type',
    form: 'AutoCreation.Type',
    wire: 'string',
    kinds: ['address'],
    expected: 'webhook, studio or default',
    parse: parseAutoCreationType,
    same: exact,
    restore: unlessUnset,
    exported: setOrLeftOut,
    clears: never,
    reroutes: true,
  },
  {
    // Written as a SID or a service's friendly name; a name is resolved to the SID before planning.
    field: 'auto_creation.conversation_service_sid',
    key: 'auto-creation.conversation-service',
    form: 'AutoCreation.ConversationServiceSid',
    wire: 'string',
    kinds: ['address'],
    expected: "a service's SID (IS…) or its friendly name",
    parse: parseServiceRef,
    same: sameSid,
    restore: unlessUnset,
    exported: setOrLeftOut,
    clears: never,
    reroutes: true,
  },
  {
    ...webhookUrl(
      'auto_creation.webhook_url',
      'auto-creation.webhook-url',
      'AutoCreation.WebhookUrl',
      // A conversation-scoped webhook hears post-events only (reference README).
      'post',
      'auto_creation.webhook_method',
      ['address'] as const,
    ),
    autoCreation: 'webhook',
  },
  {
    field: 'auto_creation.webhook_method',
    key: 'auto-creation.webhook-method',
    form: 'AutoCreation.WebhookMethod',
    wire: 'string',
    kinds: ['address'],
    expected: 'GET or POST',
    parse: parseMethod,
    same: sameMethod,
    autoCreation: 'webhook',
    // The spec's enum is get/post; the answers say POST.
    sent: (value) => value.toLowerCase(),
    restore: unlessUnset,
    exported: setOrLeftOut,
    clears: never,
    reroutes: false,
  },
  {
    field: 'auto_creation.webhook_filters',
    key: 'auto-creation.webhook-filters',
    form: 'AutoCreation.WebhookFilters',
    wire: 'list',
    kinds: ['address'],
    expected: `post-event names, as a list or separated by commas or new lines, or "${CLEAR}" to clear the list`,
    parse: parseFilters,
    same: sameSet,
    autoCreation: 'webhook',
    restore: (before) => before ?? [],
    exported: (live) => (live === null || live.length === 0 ? CLEAR : live),
    clears: (desired) => Array.isArray(desired) && desired.length === 0,
    reroutes: false,
  },
  {
    field: 'auto_creation.studio_flow_sid',
    key: 'auto-creation.studio-flow-sid',
    form: 'AutoCreation.StudioFlowSid',
    wire: 'string',
    kinds: ['address'],
    expected: 'a Studio Flow SID (FW followed by 32 hex digits)',
    parse: parseStudioFlowSid,
    same: sameSid,
    autoCreation: 'studio',
    restore: unlessUnset,
    exported: setOrLeftOut,
    clears: never,
    reroutes: true,
  },
  {
    field: 'auto_creation.studio_retry_count',
    key: 'auto-creation.studio-retry-count',
    form: 'AutoCreation.StudioRetryCount',
    wire: 'integer',
    kinds: ['address'],
    expected: 'a whole number of retries, 0 or more',
    parse: parseRetryCount,
    same: exact,
    autoCreation: 'studio',
    restore: unlessUnset,
    exported: setOrLeftOut,
    clears: never,
    reroutes: false,
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
