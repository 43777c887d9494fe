// A local Twilio Conversations emulator: real HTTP on loopback, serving the two webhook
// configuration resources as Twilio's OpenAPI description has them (twilio/twilio-oai,
// spec/json/twilio_conversations_v1.json, Apache-2.0: paths, form fields, response fields and
// their order, enums) with the error bodies Twilio sends (code, message, more_info, status).
// It also lists the Conversations services (`GET /v1/Services`, paged: the same spec's
// `ListService` operation and `conversations.v1.service` schema) and fetches one
// (`GET /v1/Services/{Sid}`, `FetchService`).
// And it serves the Address Configurations (`/v1/Configuration/Addresses`): a block of their own at
// the end of this file.
// It is stricter than Twilio on purpose (unknown parameters, `Target` on a service, bad event
// names, a computed `Page` without the `PageToken` Twilio handed out are refused) so that client
// bugs show, and it can be told to misbehave (see `Fault`), to answer slowly (`latencyMs`,
// `setLatency`) and to speak https with a throwaway self-signed certificate (`tls`). It counts the
// TCP connections it accepts and the most requests it had in flight at once, exactly, so that
// tests can hold a client to one keep-alive connection and to a bound on its concurrency.
// Self-contained (node: built-ins only) and erasable TypeScript only, so that Node runs it directly.
import { STATUS_CODES, createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { Readable, pipeline } from 'node:stream';
import { recordOf, serve, withBody } from './loopback.ts';
import type { RecordedRequest } from './loopback.ts';
import { selfSignedCertificate } from './tls.ts';
import type { TestCertificate } from './tls.ts';

/** Credentials the emulator accepts unless told otherwise. Fake values, recognisable in logs. */
export const DEFAULT_CREDENTIALS = {
  accountSid: 'AC0e1d2c3b4a59687766554433221100ff',
  authToken: 'emuAuthToken0f3c9a7e2b8d4c6051ab',
  apiKeySid: 'SK9a8b7c6d5e4f30211203f4e5d6c7b8a9',
  apiKeySecret: 'emuApiSecret7d1b4e9c2a6f8305e4cd',
} as const;

/** A Conversation Service the emulator knows unless `services` says otherwise. */
export const DEFAULT_SERVICE_SID = 'IS1234567890abcdef1234567890abcdef';

/**
 * The friendly name of a service given none. Every such service has the same one: Twilio does not
 * promise that friendly names are unique (reference README, "Listing services").
 */
export const DEFAULT_SERVICE_NAME = 'Default Conversations Service';

// The `Filters` event names, from the `Filters` field description of UpdateConfigurationWebhook
// in twilio/twilio-oai spec/json/twilio_conversations_v1.json (23 names). The per-service
// resource (UpdateServiceWebhookConfiguration) lists the same minus the three user events.
// Kept here on purpose rather than imported from src/model/events.ts: an independent copy, which the
// emulator's tests compare with src/model/events.ts.
const ACCOUNT_EVENTS: ReadonlySet<string> = new Set([
  // pre-event (present tense)
  'onMessageAdd',
  'onMessageUpdate',
  'onMessageRemove',
  'onConversationAdd',
  'onConversationUpdate',
  'onConversationRemove',
  'onParticipantAdd',
  'onParticipantUpdate',
  'onParticipantRemove',
  'onUserUpdate',
  // post-event (past tense)
  'onMessageAdded',
  'onMessageUpdated',
  'onMessageRemoved',
  'onConversationAdded',
  'onConversationUpdated',
  'onConversationRemoved',
  'onConversationStateUpdated',
  'onParticipantAdded',
  'onParticipantUpdated',
  'onParticipantRemoved',
  'onDeliveryUpdated',
  'onUserAdded',
  'onUserUpdated',
]);
const USER_EVENTS: ReadonlySet<string> = new Set(['onUserAdded', 'onUserUpdate', 'onUserUpdated']);
const SERVICE_EVENTS: ReadonlySet<string> = new Set(
  [...ACCOUNT_EVENTS].filter((name) => !USER_EVENTS.has(name)),
);

/** The `Filters` values each resource accepts (the emulator's own copy, see above). */
export const EMULATED_EVENTS: {
  readonly account: ReadonlySet<string>;
  readonly service: ReadonlySet<string>;
} = { account: ACCOUNT_EVENTS, service: SERVICE_EVENTS };

export interface EmulatedApiKey {
  sid: string;
  secret: string;
  /**
   * false: a restricted key without the permission to list services. `GET /v1/Services` then
   * answers 403 with Twilio's 70051 "Authorization Failed" body (twilio.com/docs/api/errors/70051:
   * "If using a Restricted API Key - the key may be missing a permission to access the resource";
   * twilio.com/docs/api/errors/403 names a Restricted key without the permission as a cause of 403).
   * Every other route still accepts it. Default true.
   */
  canListServices?: boolean;
}

/** A service the emulator starts with: a sid, or a sid with a friendly name. */
export type ServiceSeed = string | { sid: string; friendlyName?: string };

export interface EmulatorOptions {
  accountSid?: string;
  authToken?: string;
  apiKeys?: EmulatedApiKey[];
  services?: ServiceSeed[];
  host?: string;
  port?: number;
  /** Every request is answered this many ms after its body arrived (default 0); see setLatency. */
  latencyMs?: number;
  /**
   * Serve https instead of http: true for the throwaway self-signed certificate of ./tls.ts (for
   * 127.0.0.1, ::1 and localhost), or a key and certificate of your own. Clients that do not trust
   * it (`certificate` is its PEM, to pass as `ca`) fail with DEPTH_ZERO_SELF_SIGNED_CERT.
   */
  tls?: boolean | TestCertificate;
  /**
   * Properties that the answers of the two webhook configuration resources (to a GET or a POST)
   * leave out, as Twilio's spec allows (it makes none of them required). What is stored, and
   * accountConfig() and serviceConfig(), still have them. Default none.
   */
  omitFields?: (keyof AccountWebhookConfig | keyof ServiceWebhookConfig)[];
  /**
   * How many times each page of the services list comes again, behind a next_page_url of its own,
   * before the list goes on: a list that repeats services across pages, as one that changes while
   * it is paged through can. Default 0.
   */
  repeatServicePages?: number;
  // --- Address Configurations (see the block of their own at the end of this file) ---
  /**
   * The Address Configurations the emulator starts with, and goes back to on reset() (same sids).
   * Stored as given: a `conversation_service_sid` may name a service the emulator does not know.
   * Default none.
   */
  addresses?: AddressSeed[];
}

/** A request as received; `form` only for a POST (null for any other method). */
export type { RecordedRequest } from './loopback.ts';

/** Fields in the order of `conversations.v1.configuration.configuration_webhook`. */
export interface AccountWebhookConfig {
  account_sid: string | null;
  method: 'GET' | 'POST' | null;
  filters: string[] | null;
  pre_webhook_url: string | null;
  post_webhook_url: string | null;
  target: 'webhook' | 'flex' | null;
  url: string | null;
}

/** Fields in the order of `conversations.v1.service.service_configuration.service_webhook_configuration`. */
export interface ServiceWebhookConfig {
  account_sid: string | null;
  chat_service_sid: string | null;
  pre_webhook_url: string | null;
  post_webhook_url: string | null;
  filters: string[] | null;
  method: 'GET' | 'POST' | null;
  url: string | null;
}

/**
 * Fields in the order of the `conversations.v1.service` schema's properties (Twilio's example
 * `readFull` puts `sid` first; JSON key order is nobody's contract). Dates as Twilio writes them,
 * to the second with a `Z`; `links` as in that example, absolute.
 */
export interface ServiceResource {
  account_sid: string;
  sid: string;
  friendly_name: string;
  date_created: string;
  date_updated: string;
  url: string;
  links: Record<string, string>;
}

/** The answer of `GET /v1/Services`: `ListServiceResponse`, `meta` in the example's order. */
export interface ServicePage {
  services: ServiceResource[];
  meta: {
    page: number;
    page_size: number;
    first_page_url: string;
    previous_page_url: string | null;
    url: string;
    next_page_url: string | null;
    key: 'services';
  };
}

export type Fault =
  /**
   * That status; body: object → JSON, string → as is (text/plain); default: Twilio's error JSON
   * for it. Hostile bodies need no kind of their own: `body: twilioErrorBody(400, 20001,
   * '\n::add-mask::x\n::error::pwned\n::stop-commands::tok')` sends a Twilio-shaped error whose
   * message carries newlines and workflow commands, byte for byte; `headers` may add Retry-After.
   */
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  /**
   * A proxy's HTML error page (nginx's) with that status, text/html; or `body` as is instead,
   * for a crafted page (a 2 MB `'<title'.repeat(…)`, say) with a content-length.
   */
  | { kind: 'html'; status: number; body?: string }
  /** The socket is destroyed without any response. */
  | { kind: 'reset' }
  /** Waits `ms`, then answers normally (the request takes effect); without `ms`, never answers. */
  | { kind: 'stall'; ms?: number }
  /** 200 with the content-length of the full JSON, half of it sent, then the socket destroyed. */
  | { kind: 'truncate' }
  /** 200, application/json, a body that is not JSON. */
  | { kind: 'malformed-json' }
  /** 200, a JSON object without the resource's fields (account_sid only). */
  | { kind: 'missing-fields' }
  /** POST only: answered 200 with the stored state, but the listed fields (default all) not stored. */
  | { kind: 'ignore-update'; fields?: string[] }
  /**
   * A body of exactly `bytes` bytes, streamed in 64 KiB chunks as the client reads them, with
   * `status` (default 200) and `contentType` (default application/json; charset=utf-8): the JSON
   * object `{"padding":"xxx…"}` (when `bytes` >= 14; shorter, just `x`s). With a content-length
   * unless `contentLength: false` (then chunked, so a client cannot refuse it up front).
   */
  | {
      kind: 'huge-body';
      bytes: number;
      status?: number;
      contentLength?: boolean;
      contentType?: string;
    }
  /**
   * POST only: the update is validated and stored as normal, then its answer is lost: 'reset'
   * destroys the socket, 'stall' never answers (close() ends it), 'malformed' answers 200 with a
   * body that is not JSON. Only a re-fetch tells the client what happened. An update refused
   * (401, 400, 404) is answered as usual: nothing was stored, there is nothing to lose.
   */
  | { kind: 'lose-answer'; how: 'reset' | 'stall' | 'malformed' };

/**
 * A fault for the first `times` (default 1) requests that match `method`, `pathIncludes` (a
 * substring of the path) and `pathEquals` (the whole path, no query: '/v1/Services' is the list
 * route alone). Unset matchers match everything. The first `after` (default 0) matching requests
 * are left to the rules after this one: a storm of 429s that begins mid-run, say.
 */
export type FaultRule = Fault & {
  method?: string;
  pathIncludes?: string;
  pathEquals?: string;
  times?: number;
  after?: number;
};

export interface TwilioEmulator {
  /** http://127.0.0.1:port, or https://… with `tls`. */
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** TCP connections accepted since start or reset(); a keep-alive connection counts once. */
  readonly connections: number;
  /** Requests received and not yet answered (or given up) right now. */
  readonly inFlight: number;
  /** The most requests in flight at once since start or reset(). */
  readonly maxInFlight: number;
  /** With `tls`: the certificate's PEM, to pass as `ca`; null over plain http. */
  readonly certificate: string | null;
  clearRequests(): void;
  inject(rule: FaultRule): void;
  clearFaults(): void;
  /** From now on, answer every request `ms` after its body arrived (0: at once). */
  setLatency(ms: number): void;
  /**
   * Resolves once `count` requests (of `method`, when given) have been received since start or
   * reset(): the moment to act on a run in flight (to send it a signal, say).
   */
  received(count: number, method?: string): Promise<void>;
  /**
   * Back to a fresh start: never-configured resources, the initial services, no requests or
   * faults, the initial latency, `connections` 0 and `maxInFlight` what is in flight now.
   */
  reset(): void;
  accountConfig(): AccountWebhookConfig;
  serviceConfig(sid: string): ServiceWebhookConfig;
  setAccountConfig(patch: Partial<AccountWebhookConfig>): void;
  setServiceConfig(sid: string, patch: Partial<ServiceWebhookConfig>): void;
  /** Adds a service (default name DEFAULT_SERVICE_NAME); for a known one, renames it if a name is given. */
  addService(sid: string, friendlyName?: string): void;
  // --- Address Configurations (see the block of their own at the end of this file) ---
  /**
   * Stores an Address Configuration as given, unchecked (a dangling `conversation_service_sid`
   * included), and returns it as stored, with its sid. Throws for a sid or an address it has.
   * reset() drops it: only the `addresses` option's come back.
   */
  addAddress(seed: AddressSeed): AddressConfiguration;
  /** Copies of the Address Configurations, in list order, with every `auto_creation` key. */
  addresses(): AddressConfiguration[];
  /** A copy of one Address Configuration, by sid or address; throws for an unknown one. */
  address(sidOrAddress: string): AddressConfiguration;
  close(): Promise<void>;
}

/** Twilio's error body: `{code, message, more_info, status}` (reference README, "Errors"). */
export function twilioErrorBody(
  status: number,
  code: number,
  message: string,
): { code: number; message: string; more_info: string; status: number } {
  return { code, message, more_info: `https://www.twilio.com/docs/errors/${String(code)}`, status };
}

type AccountState = Omit<AccountWebhookConfig, 'url'>;
type ServiceState = Omit<ServiceWebhookConfig, 'url'>;
interface StoredService {
  config: ServiceState;
  friendlyName: string;
  created: string;
}
type Field = 'method' | 'filters' | 'pre_webhook_url' | 'post_webhook_url' | 'target';
type Changes = Partial<Pick<AccountWebhookConfig, Field>>;

type Route =
  | { kind: 'account'; path: string }
  | { kind: 'service'; path: string; sid: string }
  | { kind: 'list'; path: string }
  | { kind: 'instance'; path: string; sid: string };
type ConfigRoute = Extract<Route, { kind: 'account' | 'service' }>;

class HttpError extends Error {
  readonly status: number;
  readonly code: number;
  readonly headers: Record<string, string>;

  constructor(status: number, code: number, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}

const ACCOUNT_PATH = '/v1/Configuration/Webhooks';
const LIST_PATH = '/v1/Services';
const SERVICE_PATH = /^\/v1\/Services\/([^/]+)\/Configuration\/Webhooks$/;
const INSTANCE_PATH = /^\/v1\/Services\/([^/]+)$/;
const SERVICE_SID = /^IS[0-9a-fA-F]{32}$/;
const FORM_FIELDS: Readonly<Record<string, Field>> = {
  Method: 'method',
  Filters: 'filters',
  PreWebhookUrl: 'pre_webhook_url',
  PostWebhookUrl: 'post_webhook_url',
  Target: 'target',
};
const ALL_FIELDS: readonly string[] = Object.values(FORM_FIELDS);
const JSON_TYPE = 'application/json; charset=utf-8';
type UpdateFault = Extract<Fault, { kind: 'ignore-update' | 'lose-answer' }>;
/** Faults that wait for a POST and act on its update rather than instead of it. */
function isUpdateFault(fault: Fault): fault is UpdateFault {
  return fault.kind === 'ignore-update' || fault.kind === 'lose-answer';
}
/** `links` of a service, in the order of the `readFull` example of ListService. */
const SERVICE_LINKS: readonly (readonly [string, string])[] = [
  ['conversations', 'Conversations'],
  ['users', 'Users'],
  ['roles', 'Roles'],
  ['bindings', 'Bindings'],
  ['configuration', 'Configuration'],
  ['participant_conversations', 'ParticipantConversations'],
  ['conversation_with_participants', 'ConversationWithParticipants'],
];
// ListService's `PageSize`: "The default is 50, and the maximum is 100" (minimum 1).
const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 100;
// This emulator's page tokens: PA + the sid a page starts after, PB + the sid it ends before.
// Opaque to clients, which follow `next_page_url` (reference README, "Listing services").
const PAGE_TOKEN = /^(PA|PB)(IS[0-9a-fA-F]{32})$/;
// With repeatServicePages: PR + which repetition + "." + the token of the page repeated.
const REPEAT_TOKEN = /^PR(\d+)\.(.*)$/;

export async function startTwilioEmulator(options: EmulatorOptions = {}): Promise<TwilioEmulator> {
  const accountSid = options.accountSid ?? DEFAULT_CREDENTIALS.accountSid;
  const keys = new Map<string, { secret: string; canListServices: boolean }>();
  for (const key of options.apiKeys ?? [
    { sid: DEFAULT_CREDENTIALS.apiKeySid, secret: DEFAULT_CREDENTIALS.apiKeySecret },
  ]) {
    keys.set(key.sid, { secret: key.secret, canListServices: key.canListServices ?? true });
  }
  keys.set(accountSid, {
    secret: options.authToken ?? DEFAULT_CREDENTIALS.authToken,
    canListServices: true,
  });
  const initialServices = (options.services ?? [DEFAULT_SERVICE_SID]).map((seed) =>
    typeof seed === 'string' ? { sid: seed } : seed,
  );
  const initialLatency = options.latencyMs ?? 0;
  const omitted: ReadonlySet<string> = new Set(options.omitFields ?? []);
  const pageRepeats = options.repeatServicePages ?? 0;
  const tls = options.tls === true ? selfSignedCertificate() : options.tls || null;

  const requests: RecordedRequest[] = [];
  const waiters = new Set<{ count: number; method: string | undefined; resolve: () => void }>();
  const receivedCount = (method: string | undefined): number =>
    requests.filter((r) => method === undefined || r.method === method).length;
  let faults: FaultRule[] = [];
  let latency = initialLatency;
  let connections = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  let base = '';
  let pause: (ms: number) => Promise<void> = () => Promise.resolve();

  const freshAccount = (): AccountState => ({
    account_sid: accountSid,
    method: null,
    filters: null,
    pre_webhook_url: null,
    post_webhook_url: null,
    target: 'webhook',
  });
  const freshService = (sid: string): ServiceState => ({
    account_sid: accountSid,
    chat_service_sid: sid,
    pre_webhook_url: null,
    post_webhook_url: null,
    filters: null,
    method: null,
  });
  let account = freshAccount();
  const services = new Map<string, StoredService>();
  const addService = (sid: string, friendlyName?: string): StoredService => {
    const known = services.get(sid);
    if (known !== undefined) {
      if (friendlyName !== undefined) known.friendlyName = friendlyName;
      return known;
    }
    const created = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    const stored = {
      config: freshService(sid),
      friendlyName: friendlyName ?? DEFAULT_SERVICE_NAME,
      created,
    };
    services.set(sid, stored);
    return stored;
  };
  const addInitialServices = (): void => {
    for (const seed of initialServices) addService(seed.sid, seed.friendlyName);
  };
  addInitialServices();
  // Address Configurations: state and routes in addressConfigurations(), at the end of this file.
  const addressBook = addressConfigurations({
    accountSid,
    base: () => base,
    knowsService: (sid) => services.has(sid),
    seeds: options.addresses ?? [],
  });

  const accountView = (): AccountWebhookConfig => ({
    account_sid: account.account_sid,
    method: account.method,
    filters: account.filters === null ? null : [...account.filters],
    pre_webhook_url: account.pre_webhook_url,
    post_webhook_url: account.post_webhook_url,
    target: account.target,
    url: `${base}${ACCOUNT_PATH}`,
  });
  const knownService = (sid: string, path: string): StoredService => {
    const stored = services.get(sid);
    if (stored === undefined) throw new HttpError(404, 20404, notFound(path));
    return stored;
  };
  const serviceView = (sid: string): ServiceWebhookConfig => {
    const stored = knownService(sid, servicePath(sid)).config;
    return {
      account_sid: stored.account_sid,
      chat_service_sid: stored.chat_service_sid,
      pre_webhook_url: stored.pre_webhook_url,
      post_webhook_url: stored.post_webhook_url,
      filters: stored.filters === null ? null : [...stored.filters],
      method: stored.method,
      url: `${base}${servicePath(sid)}`,
    };
  };
  const serviceResource = (sid: string): ServiceResource => {
    const stored = knownService(sid, `${LIST_PATH}/${sid}`);
    const url = `${base}${LIST_PATH}/${sid}`;
    return {
      account_sid: accountSid,
      sid,
      friendly_name: stored.friendlyName,
      date_created: stored.created,
      date_updated: stored.created,
      url,
      links: Object.fromEntries(SERVICE_LINKS.map(([name, tail]) => [name, `${url}/${tail}`])),
    };
  };

  const servicePage = (query: string): ServicePage => {
    const params = new URLSearchParams(query);
    const sizeParam = params.get('PageSize');
    const pageParam = params.get('Page');
    const token = params.get('PageToken');
    const size = sizeParam === null ? DEFAULT_PAGE_SIZE : Number(sizeParam);
    if (!/^\d+$/.test(sizeParam ?? '1') || size < 1 || size > MAX_PAGE_SIZE) {
      throw new HttpError(
        400,
        20001,
        `Invalid parameter: PageSize must be an integer from 1 to ${String(MAX_PAGE_SIZE)}, not ${JSON.stringify(sizeParam)}`,
      );
    }
    if (!/^\d+$/.test(pageParam ?? '0')) {
      throw new HttpError(400, 20001, `Invalid parameter: Page ${JSON.stringify(pageParam)}`);
    }
    const page = Number(pageParam ?? '0');
    const sids = [...services.keys()];
    const repeat = REPEAT_TOKEN.exec(token ?? '');
    const copy = repeat === null ? 0 : Number(repeat[1]);
    const pageToken = repeat === null ? token : repeat[2] || null;
    let start = 0;
    let end = Math.min(size, sids.length);
    if (pageToken !== null) {
      const [, direction, sid = ''] = PAGE_TOKEN.exec(pageToken) ?? [];
      const at = sids.indexOf(sid);
      if (direction === undefined || at < 0) {
        throw new HttpError(400, 20001, `Invalid parameter: PageToken ${JSON.stringify(token)}`);
      }
      [start, end] =
        direction === 'PA'
          ? [at + 1, Math.min(at + 1 + size, sids.length)]
          : [Math.max(0, at - size), at];
    } else if (page > 0 && repeat === null) {
      // Stricter than Twilio, which documents Page as "simply for client state": a client that
      // computes Page instead of following next_page_url is a client bug worth showing.
      throw new HttpError(400, 20001, 'Invalid parameter: Page without its PageToken');
    }
    const slice = sids.slice(start, end);
    const pageUrl = (number: number, pageToken?: string): string =>
      `${base}${LIST_PATH}?PageSize=${String(size)}&Page=${String(number)}${
        pageToken === undefined ? '' : `&PageToken=${pageToken}`
      }`;
    const first = slice[0];
    const last = slice.at(-1);
    return {
      services: slice.map(serviceResource),
      meta: {
        page,
        page_size: size,
        first_page_url: pageUrl(0),
        previous_page_url:
          start > 0 && first !== undefined ? pageUrl(Math.max(0, page - 1), `PB${first}`) : null,
        url: pageUrl(page, token ?? undefined),
        next_page_url:
          copy < pageRepeats
            ? pageUrl(page + 1, `PR${String(copy + 1)}.${pageToken ?? ''}`)
            : end < sids.length && last !== undefined
              ? pageUrl(page + 1, `PA${last}`)
              : null,
        key: 'services',
      },
    };
  };

  const view = (target: ConfigRoute): AccountWebhookConfig | ServiceWebhookConfig =>
    target.kind === 'account' ? accountView() : serviceView(target.sid);
  /** The resource as a GET or POST answers it: without the omitted properties. */
  const answerOf = (target: ConfigRoute): Record<string, unknown> =>
    Object.fromEntries(Object.entries(view(target)).filter(([name]) => !omitted.has(name)));

  /** What a GET of `path` answers, whatever the credentials; for faults that mangle it. */
  const resource = (path: string, query: string): unknown => {
    try {
      if (addressBook.serves(path)) return addressBook.resource(path, query);
      const target = route(path);
      if (target.kind === 'list') return servicePage(query);
      if (target.kind === 'instance') return serviceResource(target.sid);
      return view(target);
    } catch {
      return accountView();
    }
  };

  const takeFault = (method: string, path: string): Fault | undefined => {
    const matches = (rule: FaultRule): boolean =>
      (!isUpdateFault(rule) || method === 'POST') &&
      (rule.method === undefined || rule.method.toUpperCase() === method) &&
      (rule.pathIncludes === undefined || path.includes(rule.pathIncludes)) &&
      (rule.pathEquals === undefined || path === rule.pathEquals);
    let index = faults.findIndex(matches);
    for (let rule = faults[index]; rule?.after !== undefined && rule.after > 0;) {
      faults[index] = { ...rule, after: rule.after - 1 };
      const next = faults.slice(index + 1).findIndex(matches);
      index = next < 0 ? -1 : index + 1 + next;
      rule = faults[index];
    }
    const rule = faults[index];
    if (rule === undefined) return undefined;
    const times = (rule.times ?? 1) - 1;
    if (times <= 0) faults.splice(index, 1);
    else faults[index] = { ...rule, times };
    return rule;
  };

  /** The key (or account) the request authenticates as; throws 401 otherwise. */
  const authenticate = (header: string | undefined): { canListServices: boolean } => {
    const match = /^Basic ([A-Za-z0-9+/]+={0,2})$/i.exec(header ?? '');
    const decoded = match ? Buffer.from(match[1] ?? '', 'base64').toString('utf8') : '';
    const colon = decoded.indexOf(':');
    const key = colon < 0 ? undefined : keys.get(decoded.slice(0, colon));
    if (key === undefined || key.secret !== decoded.slice(colon + 1)) {
      throw new HttpError(401, 20003, 'Authenticate');
    }
    return key;
  };

  const route = (path: string): Route => {
    if (path === ACCOUNT_PATH) return { kind: 'account', path };
    if (path === LIST_PATH) return { kind: 'list', path };
    const sid = (SERVICE_PATH.exec(path) ?? INSTANCE_PATH.exec(path))?.[1];
    if (sid !== undefined && SERVICE_SID.test(sid) && services.has(sid)) {
      return SERVICE_PATH.test(path)
        ? { kind: 'service', path, sid }
        : { kind: 'instance', path, sid };
    }
    throw new HttpError(404, 20404, notFound(path));
  };

  const update = (
    target: ConfigRoute,
    form: Record<string, string[]>,
    ignored: ReadonlySet<string>,
  ): void => {
    // Everything is validated before anything is stored: a rejected update stores nothing.
    const changes: Changes = {};
    for (const [name, values] of Object.entries(form)) {
      const field = FORM_FIELDS[name];
      if (field === undefined || (field === 'target' && target.kind === 'service')) {
        throw new HttpError(400, 20001, `Invalid parameter: ${name}`);
      }
      validate(changes, field, values, target.kind === 'account' ? ACCOUNT_EVENTS : SERVICE_EVENTS);
    }
    const kept = Object.fromEntries(
      Object.entries(changes).filter(([field]) => !ignored.has(field)),
    ) as Changes;
    if (target.kind === 'account') {
      account = { ...account, ...kept };
    } else {
      const stored = knownService(target.sid, target.path);
      const next = { ...stored.config, ...kept };
      delete next.target; // refused above; never part of a service
      stored.config = next;
    }
  };

  /** Answers a request that passed the faults: the emulated Twilio proper. */
  const answer = (
    req: IncomingMessage,
    res: ServerResponse,
    request: RecordedRequest,
    fault: Fault | undefined,
  ): void => {
    const { method, path, query, form } = request;
    const key = authenticate(req.headers.authorization);
    if (addressBook.serves(path)) {
      addressBook.answer(res, request, fault); // Address Configurations, their own block
      return;
    }
    const target = route(path);
    if (target.kind === 'list' || target.kind === 'instance') {
      if (method !== 'GET') {
        throw new HttpError(405, 20004, `Method not allowed: ${method} ${path} (use GET)`, {
          allow: 'GET',
        });
      }
      if (target.kind === 'instance') {
        sendJson(res, 200, serviceResource(target.sid));
        return;
      }
      if (!key.canListServices) throw new HttpError(403, 70051, 'Authorization Failed');
      sendJson(res, 200, servicePage(query));
      return;
    }
    if (method === 'GET') {
      sendJson(res, 200, answerOf(target));
      return;
    }
    if (method !== 'POST') {
      throw new HttpError(405, 20004, `Method not allowed: ${method} ${path} (use GET or POST)`, {
        allow: 'GET, POST',
      });
    }
    if (form === null) {
      throw new HttpError(
        400,
        20001,
        'Invalid Content-Type: expected application/x-www-form-urlencoded',
      );
    }
    const ignored = new Set(fault?.kind === 'ignore-update' ? (fault.fields ?? ALL_FIELDS) : []);
    update(target, form, ignored);
    if (fault?.kind !== 'lose-answer') {
      sendJson(res, 200, answerOf(target));
    } else if (fault.how === 'reset') {
      res.socket?.destroy();
    } else if (fault.how === 'malformed') {
      sendFault(res, { kind: 'malformed-json' }, () => null);
    } // 'stall': never answered; close() destroys the socket
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, body: string): Promise<void> => {
    const request = recordOf(req, body, req.method === 'POST');
    const { method, path, query } = request;
    requests.push(request);
    for (const waiter of [...waiters]) {
      if (receivedCount(waiter.method) < waiter.count) continue;
      waiters.delete(waiter);
      waiter.resolve();
    }

    if (latency > 0) {
      await pause(latency);
      if (res.destroyed) return;
    }
    const fault = takeFault(method, path);
    if (fault?.kind === 'stall') {
      if (fault.ms === undefined) return; // never answered; close() destroys the socket
      await pause(fault.ms);
      if (res.destroyed) return;
    } else if (fault !== undefined && !isUpdateFault(fault)) {
      sendFault(res, fault, () => resource(path, query));
      return;
    }

    try {
      answer(req, res, request, fault);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      sendJson(
        res,
        error.status,
        twilioErrorBody(error.status, error.code, error.message),
        error.headers,
      );
    }
  };

  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.once('close', () => {
      inFlight -= 1;
    });
    withBody(req, (body) => {
      handle(req, res, body).catch((error: unknown) => {
        if (res.headersSent || res.destroyed) {
          res.destroy();
          return;
        }
        const message = error instanceof Error ? error.message : 'Internal error';
        sendJson(res, 500, twilioErrorBody(500, 20500, message));
      });
    });
  };
  const server =
    tls === null
      ? createServer(listener)
      : createTlsServer({ key: tls.key, cert: tls.cert }, listener);
  // Raw TCP connections, also under TLS (a handshake that fails still counts).
  server.on('connection', () => {
    connections += 1;
  });
  const served = await serve(server, options);
  pause = served.pause;
  base = `${tls === null ? 'http' : 'https'}://${served.host}:${String(served.port)}`;

  return {
    url: base,
    requests,
    get connections() {
      return connections;
    },
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    certificate: tls?.cert ?? null,
    clearRequests: () => {
      requests.length = 0;
    },
    inject: (rule) => {
      faults.push({ ...rule });
    },
    clearFaults: () => {
      faults = [];
    },
    setLatency: (ms) => {
      latency = ms;
    },
    received: (count, method) => {
      if (receivedCount(method) >= count) return Promise.resolve();
      return new Promise<void>((resolve) => {
        waiters.add({ count, method, resolve });
      });
    },
    reset: () => {
      requests.length = 0;
      faults = [];
      latency = initialLatency;
      connections = 0;
      maxInFlight = inFlight;
      account = freshAccount();
      services.clear();
      addInitialServices();
      addressBook.reset();
    },
    accountConfig: accountView,
    serviceConfig: (sid) => {
      if (!services.has(sid)) throw new Error(`The Twilio emulator does not know service ${sid}`);
      return serviceView(sid);
    },
    setAccountConfig: (patch) => {
      const next = { ...account, ...structuredClone(patch) };
      delete next.url; // always the emulator's own
      account = next;
    },
    setServiceConfig: (sid, patch) => {
      const stored = addService(sid);
      const next = { ...stored.config, ...structuredClone(patch) };
      delete next.url; // always the emulator's own
      stored.config = next;
    },
    addService: (sid, friendlyName) => {
      addService(sid, friendlyName);
    },
    // Address Configurations
    addAddress: (seed) => addressBook.add(seed),
    addresses: () => addressBook.list(),
    address: (sidOrAddress) => addressBook.get(sidOrAddress),
    close: served.close,
  };
}

function servicePath(sid: string): string {
  return `/v1/Services/${sid}/Configuration/Webhooks`;
}

function notFound(path: string): string {
  return `The requested resource ${path} was not found`;
}

/** Validates one form field and puts its stored value in `changes`; throws an HttpError if bad. */
function validate(
  changes: Changes,
  field: Field,
  values: string[],
  events: ReadonlySet<string>,
): void {
  const single = values.length === 1 ? values[0] : undefined;
  switch (field) {
    case 'filters': {
      if (single === '') {
        changes.filters = [];
        return;
      }
      const bad = values.find((value) => !events.has(value));
      if (bad !== undefined) {
        throw new HttpError(400, 20001, `Invalid parameter: Filters value ${JSON.stringify(bad)}`);
      }
      changes.filters = [...new Set(values)];
      return;
    }
    case 'method': {
      const upper = single?.toUpperCase();
      if (upper !== 'GET' && upper !== 'POST') {
        throw new HttpError(400, 50055, 'Invalid webhook method');
      }
      changes.method = upper;
      return;
    }
    case 'pre_webhook_url':
    case 'post_webhook_url': {
      if (single === '') {
        changes[field] = null;
        return;
      }
      if (single === undefined || !isHttpUrl(single)) {
        throw field === 'pre_webhook_url'
          ? new HttpError(400, 50077, 'Invalid pre-webhook URL')
          : new HttpError(400, 50078, 'Invalid post-webhook URL');
      }
      changes[field] = single;
      return;
    }
    case 'target': {
      if (single !== 'webhook' && single !== 'flex') {
        throw new HttpError(
          400,
          20001,
          `Invalid parameter: Target value ${JSON.stringify(values.join(','))}`,
        );
      }
      changes.target = single;
      return;
    }
  }
}

/** An absolute http: or https: URL with a host, written out in full. */
function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\/[^/?#\s]/i.test(value) || /\s/.test(value)) return false;
  const parsed = URL.parse(value);
  return parsed !== null && parsed.hostname !== '';
}

const DEFAULT_ERRORS: Readonly<Record<number, readonly [number, string]>> = {
  400: [20001, 'Invalid parameter'],
  401: [20003, 'Authenticate'],
  403: [20403, 'Forbidden'],
  404: [20404, 'The requested resource was not found'],
  405: [20004, 'Method not allowed'],
  429: [20429, 'Too Many Requests'],
  500: [20500, 'Internal Server Error'],
  503: [20503, 'Service Unavailable'],
};

function defaultError(status: number): Record<string, unknown> {
  const [code, message] = DEFAULT_ERRORS[status] ?? [
    status >= 500 ? 20500 : 20001,
    STATUS_CODES[status] ?? 'Error',
  ];
  return twilioErrorBody(status, code, message);
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': JSON_TYPE,
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

/** Sends `text` with that status and content type, and a content-length. */
function sendText(
  res: ServerResponse,
  status: number,
  contentType: string,
  text: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': contentType,
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

const PADDING = Buffer.alloc(64 * 1024, 'x');

/** `bytes` bytes: `{"padding":"xx…"}` when there is room for it, else just `x`s. */
function* hugeBody(bytes: number): Generator<Buffer> {
  const head = Buffer.from('{"padding":"');
  const tail = Buffer.from('"}');
  const framed = bytes >= head.length + tail.length;
  if (framed) yield head;
  for (let left = bytes - (framed ? head.length + tail.length : 0); left > 0;) {
    const size = Math.min(PADDING.length, left);
    yield PADDING.subarray(0, size);
    left -= size;
  }
  if (framed) yield tail;
}

function sendFault(
  res: ServerResponse,
  fault: Exclude<Fault, UpdateFault | { kind: 'stall' }>,
  resource: () => unknown,
): void {
  switch (fault.kind) {
    case 'status': {
      const body = fault.body ?? defaultError(fault.status);
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(fault.headers ?? {})) {
        headers[name.toLowerCase()] = value;
      }
      const type = typeof body === 'string' ? 'text/plain; charset=utf-8' : JSON_TYPE;
      sendText(res, fault.status, type, text, headers);
      return;
    }
    case 'html': {
      const title = `${String(fault.status)} ${STATUS_CODES[fault.status] ?? 'Error'}`;
      const page =
        fault.body ??
        `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
      sendText(res, fault.status, 'text/html', page);
      return;
    }
    case 'reset':
      res.socket?.destroy();
      return;
    case 'truncate': {
      const full = Buffer.from(JSON.stringify(resource()));
      res.writeHead(200, { 'content-type': JSON_TYPE, 'content-length': String(full.length) });
      res.write(full.subarray(0, Math.floor(full.length / 2)), () => {
        res.socket?.destroy();
      });
      return;
    }
    case 'malformed-json':
      sendText(res, 200, JSON_TYPE, '{"account_sid": "AC');
      return;
    case 'missing-fields': {
      const full = resource();
      const accountSid =
        typeof full === 'object' && full !== null && 'account_sid' in full
          ? full.account_sid
          : null;
      sendJson(res, 200, { account_sid: accountSid });
      return;
    }
    case 'huge-body': {
      res.writeHead(fault.status ?? 200, {
        'content-type': fault.contentType ?? JSON_TYPE,
        ...(fault.contentLength === false ? {} : { 'content-length': String(fault.bytes) }),
      });
      // pipeline() stops reading the generator, and frees it, when the client goes away.
      pipeline(Readable.from(hugeBody(fault.bytes), { objectMode: false }), res, () => undefined);
      return;
    }
  }
}

// ================================================================================================
// Address Configurations (`IG…`, `/v1/Configuration/Addresses`): what Twilio does with a message
// to one address of the account (auto-creation of conversations). From twilio/twilio-oai
// spec/json/twilio_conversations_v1.json (Apache-2.0): ListConfigurationAddress,
// CreateConfigurationAddress, FetchConfigurationAddress, UpdateConfigurationAddress and
// DeleteConfigurationAddress, the `conversations.v1.configuration_address` schema, the enums
// `configuration_address_enum_type`, `configuration_address_enum_auto_creation_type` and
// `configuration_address_enum_method`, and the operations' examples. What the spec leaves open and
// this emulator chose is marked "Not established". Kept in this block of its own; startTwilioEmulator
// only hands it requests (after the faults and authentication, like every other route).
// Faults: `ignore-update` and `lose-answer` act on a create as on an update (a create whose answer
// is lost is stored, so that a retry meets 409); `ignore-update`'s `fields` name the resource's
// keys (`friendly_name`, `address_country`, and those of `auto_creation`: `enabled`, `type`,
// `webhook_url`, …); without `fields`, nothing is stored, not even a created configuration.
// ================================================================================================

/** `configuration_address_enum_type`. Twilio accepts it in any case (example createWhatsappCaseInsensitive). */
export const ADDRESS_TYPES = [
  'sms',
  'whatsapp',
  'messenger',
  'gbm',
  'email',
  'rcs',
  'apple',
  'chat',
] as const;
export type AddressType = (typeof ADDRESS_TYPES)[number];

/** `configuration_address_enum_auto_creation_type`. */
export const AUTO_CREATION_TYPES = ['webhook', 'studio', 'default'] as const;
export type AutoCreationType = (typeof AUTO_CREATION_TYPES)[number];

/**
 * The `AutoCreation.WebhookFilters` values: the field's description in the spec (post-event names
 * only: a conversation-scoped webhook is post-event only).
 */
export const ADDRESS_WEBHOOK_EVENTS: ReadonlySet<string> = new Set([
  'onMessageAdded',
  'onMessageUpdated',
  'onMessageRemoved',
  'onConversationUpdated',
  'onConversationStateUpdated',
  'onConversationRemoved',
  'onParticipantAdded',
  'onParticipantUpdated',
  'onParticipantRemoved',
  'onDeliveryUpdated',
]);

/**
 * What the emulator stores of `auto_creation`: every key of every type. An answer carries only
 * `enabled`, `type`, `conversation_service_sid` (when one is set) and the keys of its type, in
 * this order (the spec's examples). A key of another type keeps its value: an update that changes
 * `AutoCreation.Type` without the new type's fields answers what was stored before for them.
 */
export interface AutoCreation {
  enabled: boolean;
  type: AutoCreationType;
  conversation_service_sid: string | null;
  webhook_url: string | null;
  webhook_method: 'GET' | 'POST' | null;
  webhook_filters: string[] | null;
  studio_flow_sid: string | null;
  studio_retry_count: number | null;
}

/**
 * An Address Configuration as stored, fields in the order of the schema's properties. `type` as
 * it was sent (Twilio's example createWhatsappCaseInsensitive answers `whAtsAPP`); dates to the
 * second with a `Z`; `url` absolute.
 */
export interface AddressConfiguration {
  sid: string;
  account_sid: string;
  type: string;
  address: string;
  friendly_name: string | null;
  auto_creation: AutoCreation;
  date_created: string;
  date_updated: string;
  url: string;
  address_country: string | null;
}

/** An Address Configuration as answered: `auto_creation` with the keys of its type only. */
export type AddressConfigurationAnswer = Omit<AddressConfiguration, 'auto_creation'> & {
  auto_creation: Pick<AutoCreation, 'enabled' | 'type'> & Partial<AutoCreation>;
};

/** The answer of `GET /v1/Configuration/Addresses` (ListConfigurationAddressResponse). */
export interface AddressPage {
  address_configurations: AddressConfigurationAnswer[];
  meta: {
    page: number;
    page_size: number;
    first_page_url: string;
    previous_page_url: string | null;
    url: string;
    next_page_url: string | null;
    key: 'address_configurations';
  };
}

/**
 * An Address Configuration to start with (`addresses` option) or to add (`addAddress`). A seed is
 * stored as given, unchecked: its `conversation_service_sid` may name a service the emulator does
 * not know (Twilio keeps a configuration whose service was deleted later: reference README,
 * IHARC/STEVI#29). Without `sid`, one is made (and kept across reset() for an initial seed).
 */
export interface AddressSeed {
  sid?: string;
  type: string;
  address: string;
  friendly_name?: string | null;
  address_country?: string | null;
  /** Over the defaults: disabled, type `default`, every other key null. */
  auto_creation?: Partial<AutoCreation>;
}

const ADDRESSES_PATH = '/v1/Configuration/Addresses';
const ADDRESS_INSTANCE_PATH = /^\/v1\/Configuration\/Addresses\/([^/]+)$/;
const ADDRESS_SID = /^IG[0-9a-fA-F]{32}$/;
const STUDIO_FLOW_SID = /^FW[0-9a-fA-F]{32}$/;
// ListConfigurationAddress's `PageSize`: "The default is 50, and the maximum is 50" (minimum 1).
const ADDRESS_PAGE_SIZE = 50;
// Page tokens as for services: PA + the sid a page starts after, PB + the sid it ends before.
// Resolved by creation order, so a token still leads on when its configuration was deleted since.
const ADDRESS_PAGE_TOKEN = /^(PA|PB)(IG[0-9a-fA-F]{32})$/;
// FriendlyName: "limited to 256 characters".
const FRIENDLY_NAME_MAX = 256;
// The spec's UpdateConfigurationAddressRequest has no Type, Address or AddressCountry: an update
// that sends them is answered as if it had not (ignored, not refused).
const CREATE_ONLY_PARAMS: ReadonlySet<string> = new Set(['Type', 'Address', 'AddressCountry']);
/** The keys of `auto_creation` each type answers besides enabled, type, conversation_service_sid. */
const AUTO_CREATION_TYPE_KEYS: Readonly<Record<AutoCreationType, readonly (keyof AutoCreation)[]>> =
  {
    webhook: ['webhook_url', 'webhook_method', 'webhook_filters'],
    studio: ['studio_flow_sid', 'studio_retry_count'],
    default: [],
  };
const AUTO_CREATION_PARAMS: Readonly<Record<string, keyof AutoCreation>> = {
  'AutoCreation.Enabled': 'enabled',
  'AutoCreation.Type': 'type',
  'AutoCreation.ConversationServiceSid': 'conversation_service_sid',
  'AutoCreation.WebhookUrl': 'webhook_url',
  'AutoCreation.WebhookMethod': 'webhook_method',
  'AutoCreation.WebhookFilters': 'webhook_filters',
  'AutoCreation.StudioFlowSid': 'studio_flow_sid',
  'AutoCreation.StudioRetryCount': 'studio_retry_count',
};
/** The fields `ignore-update` leaves unstored when it lists none. */
const ADDRESS_FIELDS: readonly string[] = [
  'friendly_name',
  'address_country',
  ...Object.values(AUTO_CREATION_PARAMS),
];

type StoredAddress = Omit<AddressConfiguration, 'url'>;
interface AddressChanges {
  type?: string;
  address?: string;
  friendly_name?: string;
  address_country?: string | null;
  auto_creation: Partial<AutoCreation>;
}

interface AddressBook {
  /** Whether `path` is one of the Address Configuration routes. */
  serves(path: string): boolean;
  /** Answers an authenticated request to one of them (throws HttpError to refuse it). */
  answer(res: ServerResponse, request: RecordedRequest, fault: Fault | undefined): void;
  /** What a GET of `path` answers, for faults that mangle it; throws if there is none. */
  resource(path: string, query: string): unknown;
  reset(): void;
  add(seed: AddressSeed): AddressConfiguration;
  list(): AddressConfiguration[];
  get(sidOrAddress: string): AddressConfiguration;
}

function isAddressType(value: string): boolean {
  return (ADDRESS_TYPES as readonly string[]).includes(value.toLowerCase());
}

function isAutoCreationType(value: string): value is AutoCreationType {
  return (AUTO_CREATION_TYPES as readonly string[]).includes(value);
}

function newAddressSid(): string {
  return `IG${crypto.randomUUID().replaceAll('-', '')}`;
}

function secondsStamp(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function freshAutoCreation(): AutoCreation {
  // Not established: what Twilio stores when a create sends no AutoCreation.* at all.
  return {
    enabled: false,
    type: 'default',
    conversation_service_sid: null,
    webhook_url: null,
    webhook_method: null,
    webhook_filters: null,
    studio_flow_sid: null,
    studio_retry_count: null,
  };
}

function addressAnswer(stored: StoredAddress, url: string): AddressConfigurationAnswer {
  const full = stored.auto_creation;
  const auto: AddressConfigurationAnswer['auto_creation'] = {
    enabled: full.enabled,
    type: full.type,
  };
  // Not established: the spec's `default` examples (createEmail, readAll) have no
  // conversation_service_sid, and createEmail sent none; its webhook and studio examples, which
  // all set one, have it. So it is answered when set, for any type, and left out when not.
  if (full.conversation_service_sid !== null) {
    auto.conversation_service_sid = full.conversation_service_sid;
  }
  const copy = structuredClone(full);
  for (const key of AUTO_CREATION_TYPE_KEYS[full.type]) {
    Object.assign(auto, { [key]: copy[key] });
  }
  return {
    sid: stored.sid,
    account_sid: stored.account_sid,
    type: stored.type,
    address: stored.address,
    friendly_name: stored.friendly_name,
    auto_creation: auto,
    date_created: stored.date_created,
    date_updated: stored.date_updated,
    url,
    address_country: stored.address_country,
  };
}

/** The one value of a parameter that takes one; 400 if it came more than once. */
function singleParam(name: string, values: string[]): string {
  const [value] = values;
  if (value === undefined || values.length !== 1) {
    throw new HttpError(
      400,
      20001,
      `Invalid parameter: ${name} given ${String(values.length)} times`,
    );
  }
  return value;
}

/**
 * Validates a create's (`creating`) or an update's form; throws an HttpError (400, 20001) if
 * anything is wrong, so that a refused request stores nothing. Not established: the codes Twilio
 * gives each refusal here (20001 throughout, the generic "Invalid parameter").
 */
function addressChanges(
  form: Record<string, string[]>,
  creating: boolean,
  knowsService: (sid: string) => boolean,
): AddressChanges {
  const changes: AddressChanges = { auto_creation: {} };
  const auto = changes.auto_creation;
  const invalid = (name: string, value: string): HttpError =>
    new HttpError(400, 20001, `Invalid parameter: ${name} ${JSON.stringify(value)}`);
  for (const [name, values] of Object.entries(form)) {
    if (!creating && CREATE_ONLY_PARAMS.has(name)) continue;
    if (name === 'AutoCreation.WebhookFilters') {
      if (values.length === 1 && values[0] === '') {
        auto.webhook_filters = [];
        continue;
      }
      const bad = values.find((value) => !ADDRESS_WEBHOOK_EVENTS.has(value));
      if (bad !== undefined) throw invalid(name, bad);
      auto.webhook_filters = [...new Set(values)];
      continue;
    }
    const value = singleParam(name, values);
    switch (name) {
      case 'Type':
        if (!isAddressType(value)) throw invalid(name, value);
        changes.type = value;
        break;
      case 'Address':
        // Not established: what else Twilio refuses as an address (per type). Empty is refused.
        if (value.trim() === '') throw invalid(name, value);
        changes.address = value;
        break;
      case 'FriendlyName':
        if (Array.from(value).length > FRIENDLY_NAME_MAX) {
          throw new HttpError(
            400,
            20001,
            `Invalid parameter: FriendlyName longer than ${String(FRIENDLY_NAME_MAX)} characters`,
          );
        }
        changes.friendly_name = value;
        break;
      case 'AddressCountry':
        changes.address_country = value === '' ? null : value;
        break;
      case 'AutoCreation.Enabled': {
        const lower = value.toLowerCase();
        if (lower !== 'true' && lower !== 'false') throw invalid(name, value);
        auto.enabled = lower === 'true';
        break;
      }
      case 'AutoCreation.Type':
        if (!isAutoCreationType(value)) throw invalid(name, value);
        auto.type = value;
        break;
      case 'AutoCreation.ConversationServiceSid':
        // Empty: no service of its own, so Twilio's default service ("If not set, the conversation
        // is created in the default service"). Not established: that Twilio clears it so.
        if (value === '') {
          auto.conversation_service_sid = null;
        } else if (!SERVICE_SID.test(value)) {
          throw invalid(name, value);
        } else if (!knowsService(value)) {
          // Not established: the code Twilio refuses a service that does not exist with (a
          // Conversations code such as 50350 may be it); the generic 20001 here.
          throw new HttpError(
            400,
            20001,
            `Invalid parameter: ${name}: no Conversation Service ${value}`,
          );
        } else {
          auto.conversation_service_sid = value;
        }
        break;
      case 'AutoCreation.WebhookUrl':
        if (value !== '' && !isHttpUrl(value)) throw invalid(name, value);
        auto.webhook_url = value === '' ? null : value;
        break;
      case 'AutoCreation.WebhookMethod': {
        // The spec's enum is `get`/`post`; its answers show `POST`. Any case, stored upper case.
        const upper = value.toUpperCase();
        if (upper !== 'GET' && upper !== 'POST') throw invalid(name, value);
        auto.webhook_method = upper;
        break;
      }
      case 'AutoCreation.StudioFlowSid':
        if (value !== '' && !STUDIO_FLOW_SID.test(value)) throw invalid(name, value);
        auto.studio_flow_sid = value === '' ? null : value;
        break;
      case 'AutoCreation.StudioRetryCount':
        // An integer (the spec); not established: Twilio's bounds. Here 0 and up; empty clears it.
        if (value !== '' && (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value)))) {
          throw invalid(name, value);
        }
        auto.studio_retry_count = value === '' ? null : Number(value);
        break;
      default:
        // Stricter than Twilio on purpose, as for the webhook resources: a misspelt parameter
        // is a client bug worth showing.
        throw new HttpError(400, 20001, `Invalid parameter: ${name}`);
    }
  }
  return changes;
}

/** `changes` without the fields `ignored` names (see `ignore-update`). */
function keptChanges(changes: AddressChanges, ignored: ReadonlySet<string>): AddressChanges {
  const kept: AddressChanges = {
    auto_creation: Object.fromEntries(
      Object.entries(changes.auto_creation).filter(([key]) => !ignored.has(key)),
    ),
  };
  if (changes.friendly_name !== undefined && !ignored.has('friendly_name')) {
    kept.friendly_name = changes.friendly_name;
  }
  if (changes.address_country !== undefined && !ignored.has('address_country')) {
    kept.address_country = changes.address_country;
  }
  return kept;
}

function addressConfigurations(context: {
  accountSid: string;
  base: () => string;
  knowsService: (sid: string) => boolean;
  seeds: readonly AddressSeed[];
}): AddressBook {
  const { accountSid, base, knowsService } = context;
  const store = new Map<string, StoredAddress>();
  // Every sid handed out since start or reset(), deleted ones too, with its place in the list.
  const order = new Map<string, number>();
  // The initial seeds' sids are made once, so that reset() brings back the same configurations.
  const initial = context.seeds.map((seed) => ({ ...seed, sid: seed.sid ?? newAddressSid() }));

  const urlOf = (sid: string): string => `${base()}${ADDRESSES_PATH}/${sid}`;
  const viewOf = (stored: StoredAddress): AddressConfiguration => ({
    ...structuredClone(stored),
    url: urlOf(stored.sid),
  });
  const byAddress = (address: string): StoredAddress | undefined =>
    [...store.values()].find((stored) => stored.address === address);
  const put = (stored: StoredAddress): void => {
    store.set(stored.sid, stored);
    order.set(stored.sid, order.size);
  };

  const add = (seed: AddressSeed): AddressConfiguration => {
    const sid = seed.sid ?? newAddressSid();
    if (!ADDRESS_SID.test(sid)) throw new Error(`Not an Address Configuration sid: ${sid}`);
    if (order.has(sid))
      throw new Error(`The Twilio emulator already had address configuration ${sid}`);
    if (byAddress(seed.address) !== undefined) {
      throw new Error(`The Twilio emulator already has a configuration of ${seed.address}`);
    }
    const now = secondsStamp();
    const stored: StoredAddress = {
      sid,
      account_sid: accountSid,
      type: seed.type,
      address: seed.address,
      friendly_name: seed.friendly_name ?? null,
      auto_creation: { ...freshAutoCreation(), ...structuredClone(seed.auto_creation ?? {}) },
      date_created: now,
      date_updated: now,
      address_country: seed.address_country ?? null,
    };
    put(stored);
    return viewOf(stored);
  };

  const reset = (): void => {
    store.clear();
    order.clear();
    for (const seed of initial) add(seed);
  };
  reset();

  /** The configuration at the `{Sid}` of a path: its sid, or its address (the spec's `Sid`). */
  const found = (path: string, segment: string): StoredAddress => {
    let key: string;
    try {
      key = decodeURIComponent(segment);
    } catch {
      throw new HttpError(404, 20404, notFound(path));
    }
    const stored = ADDRESS_SID.test(key) ? store.get(key) : byAddress(key);
    if (stored === undefined) throw new HttpError(404, 20404, notFound(path));
    return stored;
  };

  const page = (query: string): AddressPage => {
    const params = new URLSearchParams(query);
    const sizeParam = params.get('PageSize');
    const pageParam = params.get('Page');
    const token = params.get('PageToken');
    const type = params.get('Type');
    const size = sizeParam === null ? ADDRESS_PAGE_SIZE : Number(sizeParam);
    if (!/^\d+$/.test(sizeParam ?? '1') || size < 1 || size > ADDRESS_PAGE_SIZE) {
      throw new HttpError(
        400,
        20001,
        `Invalid parameter: PageSize must be an integer from 1 to ${String(ADDRESS_PAGE_SIZE)}, not ${JSON.stringify(sizeParam)}`,
      );
    }
    // Not established: what Twilio does with a Type outside the enum; refused here.
    if (type !== null && !isAddressType(type)) {
      throw new HttpError(400, 20001, `Invalid parameter: Type ${JSON.stringify(type)}`);
    }
    if (!/^\d+$/.test(pageParam ?? '0')) {
      throw new HttpError(400, 20001, `Invalid parameter: Page ${JSON.stringify(pageParam)}`);
    }
    const number = Number(pageParam ?? '0');
    const listed = [...store.values()].filter(
      (stored) => type === null || stored.type.toLowerCase() === type.toLowerCase(),
    );
    const place = (stored: StoredAddress): number => order.get(stored.sid) ?? -1;
    let start = 0;
    let end = Math.min(size, listed.length);
    if (token !== null) {
      const [, direction, sid = ''] = ADDRESS_PAGE_TOKEN.exec(token) ?? [];
      const at = order.get(sid);
      if (direction === undefined || at === undefined) {
        throw new HttpError(400, 20001, `Invalid parameter: PageToken ${JSON.stringify(token)}`);
      }
      if (direction === 'PA') {
        const after = listed.findIndex((stored) => place(stored) > at);
        start = after < 0 ? listed.length : after;
        end = Math.min(start + size, listed.length);
      } else {
        const before = listed.findIndex((stored) => place(stored) >= at);
        end = before < 0 ? listed.length : before;
        start = Math.max(0, end - size);
      }
    } else if (number > 0) {
      // As for services: a computed Page without the PageToken Twilio handed out is refused.
      throw new HttpError(400, 20001, 'Invalid parameter: Page without its PageToken');
    }
    const slice = listed.slice(start, end);
    // The spec's readByAddressType example puts Type first.
    const pageUrl = (at: number, pageToken?: string): string =>
      `${base()}${ADDRESSES_PATH}?${type === null ? '' : `Type=${encodeURIComponent(type)}&`}PageSize=${String(size)}&Page=${String(at)}${
        pageToken === undefined ? '' : `&PageToken=${pageToken}`
      }`;
    const first = slice[0];
    const last = slice.at(-1);
    return {
      address_configurations: slice.map((stored) => addressAnswer(stored, urlOf(stored.sid))),
      meta: {
        page: number,
        page_size: size,
        first_page_url: pageUrl(0),
        previous_page_url:
          start > 0 && first !== undefined
            ? pageUrl(Math.max(0, number - 1), `PB${first.sid}`)
            : null,
        url: pageUrl(number, token ?? undefined),
        next_page_url:
          end < listed.length && last !== undefined ? pageUrl(number + 1, `PA${last.sid}`) : null,
        key: 'address_configurations',
      },
    };
  };

  /** Answers a create or an update, unless a `lose-answer` fault loses it. */
  const send = (res: ServerResponse, status: number, body: unknown, fault?: Fault): void => {
    if (fault?.kind !== 'lose-answer') {
      sendJson(res, status, body);
    } else if (fault.how === 'reset') {
      res.socket?.destroy();
    } else if (fault.how === 'malformed') {
      sendFault(res, { kind: 'malformed-json' }, () => null);
    } // 'stall': never answered; close() destroys the socket
  };

  const notAllowed = (method: string, path: string, allow: string): HttpError =>
    new HttpError(405, 20004, `Method not allowed: ${method} ${path} (use ${allow})`, {
      allow: allow.replaceAll(' or ', ', '),
    });

  const formOrRefuse = (form: Record<string, string[]> | null): Record<string, string[]> => {
    if (form === null) {
      throw new HttpError(
        400,
        20001,
        'Invalid Content-Type: expected application/x-www-form-urlencoded',
      );
    }
    return form;
  };

  const answer = (res: ServerResponse, request: RecordedRequest, fault?: Fault): void => {
    const { method, path, query } = request;
    const ignoreAll = fault?.kind === 'ignore-update' && fault.fields === undefined;
    const ignored: ReadonlySet<string> = new Set(
      fault?.kind === 'ignore-update' ? (fault.fields ?? ADDRESS_FIELDS) : [],
    );
    const segment = ADDRESS_INSTANCE_PATH.exec(path)?.[1];
    if (segment === undefined) {
      if (method === 'GET') {
        sendJson(res, 200, page(query));
        return;
      }
      if (method !== 'POST') throw notAllowed(method, path, 'GET or POST');
      const changes = addressChanges(formOrRefuse(request.form), true, knowsService);
      const { type, address } = changes;
      // Twilio's own words for a required parameter left out.
      if (type === undefined) {
        throw new HttpError(400, 20001, 'Missing required parameter Type in the post body');
      }
      if (address === undefined) {
        throw new HttpError(400, 20001, 'Missing required parameter Address in the post body');
      }
      if (byAddress(address) !== undefined) {
        // Not established: the status and code Twilio refuses a second configuration of one
        // address with (the spec lists 201 alone). 409 with 20409, this emulator's own code in
        // the pattern of its other defaults (20404, 20429, …). One address, one configuration,
        // whatever the type: the spec lets `{Sid}` be the address itself.
        throw new HttpError(
          409,
          20409,
          `An Address Configuration already exists for address ${address}`,
        );
      }
      const kept = keptChanges(changes, ignored);
      const now = secondsStamp();
      const created: StoredAddress = {
        sid: newAddressSid(),
        account_sid: accountSid,
        type,
        address,
        friendly_name: kept.friendly_name ?? null,
        auto_creation: { ...freshAutoCreation(), ...kept.auto_creation },
        date_created: now,
        date_updated: now,
        address_country: kept.address_country ?? null,
      };
      if (!ignoreAll) put(created);
      send(res, 201, addressAnswer(created, urlOf(created.sid)), fault);
      return;
    }
    const stored = found(path, segment);
    if (method === 'GET') {
      sendJson(res, 200, addressAnswer(stored, urlOf(stored.sid)));
      return;
    }
    if (method === 'DELETE') {
      store.delete(stored.sid);
      res.writeHead(204);
      res.end();
      return;
    }
    if (method !== 'POST') throw notAllowed(method, path, 'GET, POST or DELETE');
    const changes = addressChanges(formOrRefuse(request.form), false, knowsService);
    if (!ignoreAll) {
      const kept = keptChanges(changes, ignored);
      if (kept.friendly_name !== undefined) stored.friendly_name = kept.friendly_name;
      stored.auto_creation = { ...stored.auto_creation, ...kept.auto_creation };
      stored.date_updated = secondsStamp();
    }
    send(res, 200, addressAnswer(stored, urlOf(stored.sid)), fault);
  };

  return {
    serves: (path) => path === ADDRESSES_PATH || ADDRESS_INSTANCE_PATH.test(path),
    answer,
    resource: (path, query) => {
      const segment = ADDRESS_INSTANCE_PATH.exec(path)?.[1];
      if (segment === undefined) return page(query);
      const stored = found(path, segment);
      return addressAnswer(stored, urlOf(stored.sid));
    },
    reset,
    add,
    list: () => [...store.values()].map(viewOf),
    get: (sidOrAddress) => {
      const stored = store.get(sidOrAddress) ?? byAddress(sidOrAddress);
      if (stored === undefined) {
        throw new Error(`The Twilio emulator has no address configuration ${sidOrAddress}`);
      }
      return viewOf(stored);
    },
  };
}
