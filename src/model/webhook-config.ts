// Twilio's wire format for the two webhook configuration resources, from its OpenAPI description
// (twilio/twilio-oai, spec/json/twilio_conversations_v1.json): where each resource is, what its
// answer holds, and how an update is encoded. The managed fields come from the registry
// (src/model/fields.ts); the answer also carries a few properties nobody manages.
import { FIELDS, fieldsOf } from './fields.js';
import type { DesiredConfig, ResourceKind, Spec, WireValue } from './fields.js';

/** Which of Twilio's two configuration resources is meant. */
export type Resource =
  { readonly kind: 'account' } | { readonly kind: 'service'; readonly serviceSid: string };

/** The properties an answer has that nobody manages, and which resources answer with them. */
const ANSWER_ONLY = [
  { field: 'account_sid', kinds: ['account', 'service'] },
  { field: 'chat_service_sid', kinds: ['service'] },
  { field: 'url', kinds: ['account', 'service'] },
] as const;

type Everywhere<K> = K extends readonly ['account', 'service'] ? true : false;

/** The live configuration, with the API's own snake_case fields and nothing else. */
export type WebhookConfig = {
  readonly [S in Spec as Everywhere<S['kinds']> extends true ? S['field'] : never]: WireValue<S>;
} & {
  readonly [S in Spec as Everywhere<S['kinds']> extends true ? never : S['field']]?: WireValue<S>;
} & {
  readonly [
    A in (typeof ANSWER_ONLY)[number] as Everywhere<A['kinds']> extends true ? A['field'] : never
  ]: string | null;
} & {
  readonly [
    A in (typeof ANSWER_ONLY)[number] as Everywhere<A['kinds']> extends true ? never : A['field']
  ]?: string | null;
};

/** What each kind of resource is: where it lives, and how a person calls it. */
const RESOURCE_KINDS: Readonly<
  Record<
    ResourceKind,
    { path: (resource: Resource) => string; describe: (resource: Resource) => string }
  >
> = {
  account: {
    path: () => '/v1/Configuration/Webhooks',
    describe: () => 'account-wide configuration',
  },
  service: {
    path: (resource) => `/v1/Services/${serviceSidOf(resource)}/Configuration/Webhooks`,
    describe: (resource) => `configuration of service ${serviceSidOf(resource)}`,
  },
};

function serviceSidOf(resource: Resource): string {
  return resource.kind === 'service' ? resource.serviceSid : '';
}

export function resourcePath(resource: Resource): string {
  return RESOURCE_KINDS[resource.kind].path(resource);
}

export function describeResource(resource: Resource): string {
  return RESOURCE_KINDS[resource.kind].describe(resource);
}

/**
 * Encodes an update the way Twilio's own helpers do: only the fields given, a list as the same key
 * repeated. Clearing sends the field with an empty value, the only way the wire allows.
 */
export function encodeUpdate(update: DesiredConfig): string {
  const form = new URLSearchParams();
  for (const { field, form: name } of FIELDS) {
    if (!(field in update)) continue;
    const value = update[field] ?? '';
    const values = typeof value === 'string' ? [value] : value.length === 0 ? [''] : value;
    for (const item of values) form.append(name, item);
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
  resource: Resource,
): { config: WebhookConfig } | { problem: string } {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { problem: 'JSON that is not an object' };
  }
  const answer = json as Record<string, unknown>;
  const properties = [
    ...fieldsOf(resource.kind),
    ...ANSWER_ONLY.filter(({ kinds }) =>
      (kinds as readonly ResourceKind[]).includes(resource.kind),
    ),
  ];
  const config: Record<string, unknown> = {};
  for (const property of properties) {
    const name = property.field;
    const list = 'wire' in property && property.wire === 'list';
    const value = answer[name] ?? null;
    const valid =
      value === null ||
      (list
        ? Array.isArray(value) && value.every((item) => typeof item === 'string')
        : typeof value === 'string');
    if (!valid) {
      return {
        problem: list
          ? `the field ${name} that is not a list of strings`
          : `the field ${name} that is not a string`,
      };
    }
    config[name] = value;
  }
  return { config: config as WebhookConfig };
}

/** A Conversations service's SID, by Twilio's pattern: either case of hex digit. */
export const SERVICE_SID = /^IS[0-9a-fA-F]{32}$/;

/**
 * What makes two SIDs the same: Twilio's pattern (`^IS[0-9a-fA-F]{32}$`) allows either case of
 * hex digit, and the digits are one number whatever their case; the prefix has one case only.
 * A SID is still sent as written.
 */
export function sidKey(sid: string): string {
  return `${sid.slice(0, 2)}${sid.slice(2).toLowerCase()}`;
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
): { services: ServiceSummary[]; next: string | null } | { problem: string } {
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
  return { services: summaries, next: next ?? null };
}

/**
 * The services of all pages, each once (the first time it is listed): a list that changes while
 * it is paged through, or a page served twice, repeats services, and each would otherwise be
 * fetched, reported and matched by name as many times.
 */
export function uniqueServices(services: readonly ServiceSummary[]): ServiceSummary[] {
  const seen = new Set<string>();
  return services.filter(({ sid }) => {
    const key = sidKey(sid);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
