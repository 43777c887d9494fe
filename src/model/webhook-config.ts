// Twilio's wire format for the resources a user manages (the two webhook configurations and an
// Address Configuration), from its OpenAPI description (twilio/twilio-oai,
// spec/json/twilio_conversations_v1.json): where each resource is, what its answer holds, and how
// an update or a create is encoded. The managed fields come from the registry (src/model/fields.ts);
// the answer also carries a few properties nobody manages.
import { FIELDS, fieldsOf } from './fields.js';
import { SERVICE_SID, sidKey } from './values.js';
import type { DesiredConfig, FieldValue, ResourceKind, Spec, WireValue } from './fields.js';

/** Which configuration resource is meant. */
export type Resource =
  | { readonly kind: 'account' }
  | { readonly kind: 'service'; readonly serviceSid: string }
  | {
      readonly kind: 'address';
      /** As Twilio writes it: `+15005550006`, `whatsapp:+1…`, an email address… */
      readonly address: string;
      /** Its type (sms, whatsapp…), as Twilio answers it or the file gives it. */
      readonly addressType: string;
      /** The Address Configuration's SID; undefined until it is created. */
      readonly sid: string | undefined;
    };

/** The properties an answer has that nobody manages, and which resources answer with them. */
const ANSWER_ONLY = [
  { field: 'account_sid', kinds: ['account', 'service', 'address'] },
  { field: 'chat_service_sid', kinds: ['service'] },
  { field: 'sid', kinds: ['address'] },
  { field: 'type', kinds: ['address'] },
  { field: 'address', kinds: ['address'] },
  { field: 'url', kinds: ['account', 'service', 'address'] },
] as const;

/**
 * A live configuration, with the API's own snake_case fields (an address's `auto_creation` keys
 * flattened as `auto_creation.*`) and nothing else. Each field its resource has is present,
 * null when the answer leaves it out; fields of the other kinds are absent.
 */
export type LiveConfig = {
  readonly [S in Spec as S['field']]?: WireValue<S>;
} & { readonly [A in (typeof ANSWER_ONLY)[number] as A['field']]?: string | null };

export const ADDRESSES_PATH = '/v1/Configuration/Addresses';

interface KindSpec<R extends Resource> {
  /** Where it lives. */
  readonly path: (resource: R) => string;
  /** How a person calls it. */
  readonly describe: (resource: R) => string;
  /** What names it in the outputs and the GitHub markers. */
  readonly key: (resource: R) => string;
  /** Its SID in the outputs; null for an Address Configuration until it is created. */
  readonly sid: (resource: R, accountSid: string) => string | null;
}

/** What each kind of resource is. */
const RESOURCE_KINDS: { readonly [K in ResourceKind]: KindSpec<Extract<Resource, { kind: K }>> } = {
  account: {
    path: () => '/v1/Configuration/Webhooks',
    describe: () => 'account-wide configuration',
    key: () => 'account',
    sid: (_, accountSid) => accountSid,
  },
  service: {
    path: ({ serviceSid }) => `/v1/Services/${serviceSid}/Configuration/Webhooks`,
    describe: ({ serviceSid }) => `configuration of service ${serviceSid}`,
    key: ({ serviceSid }) => serviceSid,
    sid: ({ serviceSid }) => serviceSid,
  },
  address: {
    // One not created yet is created where they are listed.
    path: ({ sid }) => (sid === undefined ? ADDRESSES_PATH : `${ADDRESSES_PATH}/${sid}`),
    describe: ({ address }) => `Address Configuration of ${address}`,
    key: ({ address }) => address,
    sid: ({ sid }) => sid ?? null,
  },
};

/** The entry of a resource's kind, taking any resource (each entry reads only its own kind). */
function kindOf(resource: Resource): KindSpec<Resource> {
  return RESOURCE_KINDS[resource.kind] as KindSpec<Resource>;
}

export function resourcePath(resource: Resource): string {
  return kindOf(resource).path(resource);
}

export function describeResource(resource: Resource): string {
  return kindOf(resource).describe(resource);
}

/** "account", a service's SID or an address. */
export function resourceKey(resource: Resource): string {
  return kindOf(resource).key(resource);
}

export function resourceSid(resource: Resource, accountSid: string): string | null {
  return kindOf(resource).sid(resource, accountSid);
}

/** An Address Configuration the file declares that Twilio does not have yet. */
export function isMissing(resource: Resource): boolean {
  return resource.kind === 'address' && resource.sid === undefined;
}

/** Whether applying it sends anything: a field differs, or the resource is still to be created. */
export function hasWork(resource: Resource, diff: readonly unknown[]): boolean {
  return diff.length > 0 || isMissing(resource);
}

/**
 * Encodes an update the way Twilio's own helpers do: only the fields given, a list as the same key
 * repeated. Clearing sends the field with an empty value, the only way the wire allows.
 */
export function encodeUpdate(update: DesiredConfig): string {
  return encodeForm(new URLSearchParams(), update);
}

/** Creating an Address Configuration also sends its Type and Address, which no update can change. */
export function encodeCreate(address: string, addressType: string, update: DesiredConfig): string {
  return encodeForm(new URLSearchParams({ Type: addressType, Address: address }), update);
}

function encodeForm(form: URLSearchParams, update: DesiredConfig): string {
  for (const spec of FIELDS) {
    if (!(spec.field in update)) continue;
    const value = update[spec.field] ?? '';
    const values = typeof value === 'string' ? [value] : value.length === 0 ? [''] : value;
    const sent = 'sent' in spec ? spec.sent : (item: string) => item;
    for (const item of values) form.append(spec.form, item === '' ? '' : sent(item));
  }
  return form.toString();
}

/**
 * The configuration in a 2xx answer, or what is wrong with it. Only the fields the resource has
 * are kept: whatever else Twilio (or something in front of it) adds is not passed on. Twilio's
 * spec makes every field nullable and none required, and a serializer that drops nulls leaves
 * them out: a missing field reads as null, and whoever needs it (the account check, the
 * comparison of the managed fields) finds it null and says so.
 */
export function readConfig(
  json: unknown,
  { kind }: Resource,
): { config: LiveConfig } | { problem: string } {
  if (!isObject(json)) return { problem: 'JSON that is not an object' };
  // An Address Configuration nests the auto-creation fields; a missing or null object has none.
  const nested = isObject(json.auto_creation) ? json.auto_creation : {};
  const config: Record<string, unknown> = {};
  for (const spec of fieldsOf(kind)) {
    const [inner, name] = spec.field.startsWith(NESTED)
      ? [nested, spec.field.slice(NESTED.length)]
      : [json, spec.field];
    const value = readWire(inner[name] ?? null, spec.wire);
    if (value === undefined)
      return { problem: `the field ${spec.field} that is not ${WIRE_WORDS[spec.wire]}` };
    config[spec.field] = value;
  }
  for (const { field, kinds } of ANSWER_ONLY) {
    if (!(kinds as readonly ResourceKind[]).includes(kind)) continue;
    const value = readWire(json[field] ?? null, 'string');
    if (value === undefined) return { problem: `the field ${field} that is not a string` };
    config[field] = value;
  }
  return { config };
}

const NESTED = 'auto_creation.';

const WIRE_WORDS: Readonly<Record<Spec['wire'], string>> = {
  string: 'a string',
  list: 'a list of strings',
  boolean: 'true or false',
  integer: 'a whole number',
};

/** A value as the registry holds it (a boolean or an integer as its text), or undefined if it is not one. */
function readWire(value: unknown, wire: Spec['wire']): FieldValue | undefined {
  if (value === null) return null;
  switch (wire) {
    case 'string':
      return typeof value === 'string' ? value : undefined;
    case 'list':
      return Array.isArray(value) && value.every((item) => typeof item === 'string')
        ? value
        : undefined;
    case 'boolean':
      return typeof value === 'boolean' ? String(value) : undefined;
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : undefined;
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A Conversations service, as the services list (`GET /v1/Services`) describes it. */
export interface ServiceSummary {
  readonly sid: string;
  readonly friendlyName: string;
}

export const SERVICES_PATH = '/v1/Services';
/** Twilio's largest page (reference: twilio-oai-conversations-services.json, PageSize maximum). */
export const SERVICES_PAGE_SIZE = 100;

/**
 * One page of the services list: `{"services": [...], "meta": {"next_page_url": …}}`. Follow
 * `next_page_url` (absolute, with a PageToken) until it is null; pages are not computed.
 */
export function readServicesPage(
  json: unknown,
): { items: ServiceSummary[]; next: string | null } | { problem: string } {
  if (typeof json !== 'object' || json === null) return { problem: 'JSON that is not an object' };
  const { services, meta } = json as { services?: unknown; meta?: { next_page_url?: unknown } };
  if (!Array.isArray(services)) return { problem: 'no list of services' };
  const summaries: ServiceSummary[] = [];
  for (const service of services as unknown[]) {
    const { sid, friendly_name: name } = (service ?? {}) as Record<string, unknown>;
    if (typeof sid !== 'string' || !SERVICE_SID.test(sid)) {
      return { problem: 'a service without a valid sid' };
    }
    summaries.push({ sid, friendlyName: typeof name === 'string' ? name : '' });
  }
  const next = meta?.next_page_url;
  if (next !== null && next !== undefined && typeof next !== 'string') {
    return { problem: 'a next_page_url that is not a string' };
  }
  return { items: summaries, next: next ?? null };
}

/**
 * The items of all pages, each once (the first time it is listed): a list that changes while it
 * is paged through, or a page served twice, repeats items, and each would otherwise be fetched,
 * reported and matched as many times.
 */
export function uniqueBySid<T extends { readonly sid: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter(({ sid }) => {
    const key = sidKey(sid);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
