// What a field of the registry (src/model/fields.ts) is, and the comparisons, restorations and
// shapes its entries share: the webhook resources' fields and an Address Configuration's are
// written with the same parts.
import { CLEAR } from './events.js';
import { parseWebhookUrl, sidKey } from './values.js';

/**
 * The resources a user manages: the account-wide webhook configuration, a service's own, and an
 * Address Configuration (what a message to one address of the account auto-creates).
 */
export type ResourceKind = 'account' | 'service' | 'address';

export type FieldValue = string | readonly string[] | null;

export interface FieldSpec<F extends string, V extends FieldValue> {
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
  /** For a webhook URL: the field whose events it hears. */
  readonly hears?: string;
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
export const never = (): boolean => false;
export const exact = (desired: FieldValue, live: FieldValue): boolean => desired === live;
/** A method or target never set cannot be sent back as unset. */
export const unlessUnset = (before: FieldValue): FieldValue | undefined => before ?? undefined;
export const setOrLeftOut = (live: FieldValue): string | undefined =>
  typeof live === 'string' ? live : undefined;

/** Twilio signs requests with the exact URL, so any byte matters; '' and null both mean none. */
export function sameUrl(desired: FieldValue, live: FieldValue): boolean {
  return (desired || null) === (live || null);
}

/** Whether the filter order is kept is not established: compared as sets. */
export function sameSet(desired: FieldValue, live: FieldValue): boolean {
  const left = new Set(asList(desired));
  const right = new Set(asList(live));
  return left.size === right.size && [...left].every((item) => right.has(item));
}

function asList(value: FieldValue): readonly string[] {
  if (value === null) return [];
  return typeof value === 'string' ? [value] : value;
}

/** Twilio answers SIDs in either case of hex digit; the prefix has one case. */
export function sameSid(desired: FieldValue, live: FieldValue): boolean {
  const key = (value: FieldValue) =>
    typeof value === 'string' && value !== '' ? sidKey(value) : null;
  return key(desired) === key(live);
}

/** GET and get are one method: answers are upper case, the address resource's enum lower case. */
export function sameMethod(desired: FieldValue, live: FieldValue): boolean {
  return desired?.toString().toUpperCase() === live?.toString().toUpperCase();
}

export const webhookUrl = <
  F extends string,
  K extends string,
  const M extends string,
  const H extends string,
  const R extends readonly ResourceKind[],
>(
  field: F,
  key: K,
  form: string,
  hook: 'pre' | 'post',
  { calledWith, hears, kinds }: { calledWith: M; hears: H; kinds: R },
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
    hears,
    restore: (before) => before,
    exported: (live) => (typeof live === 'string' && live !== '' ? live : CLEAR),
    clears: (desired) => desired === null,
    reroutes: false,
  }) as const satisfies FieldSpec<F, string | null>;
