// Twilio's wire format for the two webhook configuration resources, from its OpenAPI description
// (twilio/twilio-oai, spec/json/twilio_conversations_v1.json): one table says which fields each
// resource answers with, their types, and the form names of those an update can set. Encoding,
// the shape check of an answer and the WebhookConfig type all come from it.

export type Method = 'GET' | 'POST';
export type Target = 'webhook' | 'flex';

/** Which of Twilio's two configuration resources is meant. */
export type Resource =
  { readonly kind: 'account' } | { readonly kind: 'service'; readonly serviceSid: string };

type Scope = 'both' | 'account' | 'service';
interface WireField {
  readonly type: 'string' | 'list';
  /** Which resource answers with it. */
  readonly scope: Scope;
  /** Its form name in an update, for the fields a user manages. */
  readonly form?: string;
}

const WIRE = {
  account_sid: { type: 'string', scope: 'both' },
  chat_service_sid: { type: 'string', scope: 'service' },
  filters: { type: 'list', scope: 'both', form: 'Filters' },
  method: { type: 'string', scope: 'both', form: 'Method' },
  pre_webhook_url: { type: 'string', scope: 'both', form: 'PreWebhookUrl' },
  post_webhook_url: { type: 'string', scope: 'both', form: 'PostWebhookUrl' },
  target: { type: 'string', scope: 'account', form: 'Target' },
  url: { type: 'string', scope: 'both' },
} as const satisfies Record<string, WireField>;

type Wire = typeof WIRE;
type WireValue<F extends WireField> = F['type'] extends 'list'
  ? readonly string[] | null
  : string | null;

/** The live configuration, with the API's own snake_case fields and nothing else. */
export type WebhookConfig = {
  readonly [K in keyof Wire as Wire[K]['scope'] extends 'both' ? K : never]: WireValue<Wire[K]>;
} & {
  readonly [K in keyof Wire as Wire[K]['scope'] extends 'both' ? never : K]?: WireValue<Wire[K]>;
};

/** A field a user manages: one an update can set. */
export type Field = { [K in keyof Wire]: Wire[K] extends { form: string } ? K : never }[keyof Wire];

/**
 * The fields a user manages. A field left out is not managed: it is neither compared nor sent.
 * `null` URLs and an empty filter list mean "clear it".
 */
export interface DesiredConfig {
  readonly filters?: readonly string[];
  readonly method?: Method;
  readonly pre_webhook_url?: string | null;
  readonly post_webhook_url?: string | null;
  readonly target?: Target;
}

/** In the order a person reads them in the summary. */
export const FIELDS: readonly Field[] = [
  'filters',
  'method',
  'pre_webhook_url',
  'post_webhook_url',
  'target',
];

export function resourcePath(resource: Resource): string {
  return resource.kind === 'account'
    ? '/v1/Configuration/Webhooks'
    : `/v1/Services/${resource.serviceSid}/Configuration/Webhooks`;
}

export function describeResource(resource: Resource): string {
  return resource.kind === 'account'
    ? 'account-wide configuration'
    : `configuration of service ${resource.serviceSid}`;
}

/**
 * Encodes an update the way Twilio's own helpers do: only the fields given, a list as the same key
 * repeated. Clearing sends the field with an empty value, the only way the wire allows.
 */
export function encodeUpdate(update: DesiredConfig): string {
  const form = new URLSearchParams();
  for (const field of FIELDS) {
    if (!(field in update)) continue;
    const value = update[field] ?? '';
    const values = typeof value === 'string' ? [value] : value.length === 0 ? [''] : value;
    for (const item of values) form.append(WIRE[field].form, item);
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
  const fields = (Object.keys(WIRE) as (keyof Wire)[]).filter((name) =>
    inScope(WIRE[name].scope, resource),
  );
  const config: Record<string, unknown> = {};
  for (const name of fields) {
    const value = answer[name] ?? null;
    const valid =
      value === null ||
      (WIRE[name].type === 'list'
        ? Array.isArray(value) && value.every((item) => typeof item === 'string')
        : typeof value === 'string');
    if (!valid) {
      return {
        problem:
          WIRE[name].type === 'list'
            ? `the field ${name} that is not a list of strings`
            : `the field ${name} that is not a string`,
      };
    }
    config[name] = value;
  }
  return { config: config as WebhookConfig };
}

function inScope(scope: Scope, resource: Resource): boolean {
  return scope === 'both' || scope === resource.kind;
}

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
    if (typeof sid !== 'string' || !/^IS[0-9a-fA-F]{32}$/.test(sid)) {
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
