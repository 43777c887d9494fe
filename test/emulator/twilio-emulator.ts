// A local Twilio Conversations emulator: real HTTP on loopback, serving the two webhook
// configuration resources as Twilio's OpenAPI description has them (twilio/twilio-oai,
// spec/json/twilio_conversations_v1.json, Apache-2.0: paths, form fields, response fields and
// their order, enums) with the error bodies Twilio sends (code, message, more_info, status).
// It is stricter than Twilio on purpose (unknown parameters, `Target` on a service, bad event
// names are refused) so that client bugs show, and it can be told to misbehave (see `Fault`).
// Self-contained (node: built-ins only) and erasable TypeScript only, so that Node runs it directly.
import { STATUS_CODES, createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** Credentials the emulator accepts unless told otherwise. Fake values, recognisable in logs. */
export const DEFAULT_CREDENTIALS = {
  accountSid: 'AC0e1d2c3b4a59687766554433221100ff',
  authToken: 'emuAuthToken0f3c9a7e2b8d4c6051ab',
  apiKeySid: 'SK9a8b7c6d5e4f30211203f4e5d6c7b8a9',
  apiKeySecret: 'emuApiSecret7d1b4e9c2a6f8305e4cd',
} as const;

/** A Conversation Service the emulator knows unless `services` says otherwise. */
export const DEFAULT_SERVICE_SID = 'IS1234567890abcdef1234567890abcdef';

// The `Filters` event names, from the `Filters` field description of UpdateConfigurationWebhook
// in twilio/twilio-oai spec/json/twilio_conversations_v1.json (23 names). The per-service
// resource (UpdateServiceWebhookConfiguration) lists the same minus the three user events.
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

export interface EmulatorOptions {
  accountSid?: string;
  authToken?: string;
  apiKeys?: { sid: string; secret: string }[];
  services?: string[];
  host?: string;
  port?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  body: string;
  /** Parsed form of a POST sent as application/x-www-form-urlencoded; null otherwise. */
  form: Record<string, string[]> | null;
  at: number;
}

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

export type Fault =
  /** That status; body: object → JSON, string → as is; default: Twilio's error JSON for it. */
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  /** A proxy's HTML error page. */
  | { kind: 'html'; status: number }
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
  | { kind: 'ignore-update'; fields?: string[] };

/** A fault for the first `times` (default 1) requests that match `method` and `pathIncludes`. */
export type FaultRule = Fault & { method?: string; pathIncludes?: string; times?: number };

export interface TwilioEmulator {
  readonly url: string;
  readonly requests: RecordedRequest[];
  clearRequests(): void;
  inject(rule: FaultRule): void;
  clearFaults(): void;
  /** Back to a fresh start: never-configured resources, the initial services, no requests or faults. */
  reset(): void;
  accountConfig(): AccountWebhookConfig;
  serviceConfig(sid: string): ServiceWebhookConfig;
  setAccountConfig(patch: Partial<AccountWebhookConfig>): void;
  setServiceConfig(sid: string, patch: Partial<ServiceWebhookConfig>): void;
  addService(sid: string): void;
  close(): Promise<void>;
}

type AccountState = Omit<AccountWebhookConfig, 'url'>;
type ServiceState = Omit<ServiceWebhookConfig, 'url'>;
type Field = 'method' | 'filters' | 'pre_webhook_url' | 'post_webhook_url' | 'target';
type Changes = Partial<Pick<AccountWebhookConfig, Field>>;

type Route = { kind: 'account'; path: string } | { kind: 'service'; path: string; sid: string };

class HttpError extends Error {
  readonly status: number;
  readonly code: number;

  constructor(status: number, code: number, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

const ACCOUNT_PATH = '/v1/Configuration/Webhooks';
const SERVICE_PATH = /^\/v1\/Services\/([^/]+)\/Configuration\/Webhooks$/;
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

export async function startTwilioEmulator(options: EmulatorOptions = {}): Promise<TwilioEmulator> {
  const accountSid = options.accountSid ?? DEFAULT_CREDENTIALS.accountSid;
  const secrets = new Map<string, string>();
  for (const key of options.apiKeys ?? [
    { sid: DEFAULT_CREDENTIALS.apiKeySid, secret: DEFAULT_CREDENTIALS.apiKeySecret },
  ]) {
    secrets.set(key.sid, key.secret);
  }
  secrets.set(accountSid, options.authToken ?? DEFAULT_CREDENTIALS.authToken);
  const initialServices = [...(options.services ?? [DEFAULT_SERVICE_SID])];

  const requests: RecordedRequest[] = [];
  let faults: FaultRule[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let base = '';

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
  const services = new Map<string, ServiceState>();
  const addService = (sid: string): void => {
    if (!services.has(sid)) services.set(sid, freshService(sid));
  };
  for (const sid of initialServices) addService(sid);

  const accountView = (): AccountWebhookConfig => ({
    account_sid: account.account_sid,
    method: account.method,
    filters: account.filters === null ? null : [...account.filters],
    pre_webhook_url: account.pre_webhook_url,
    post_webhook_url: account.post_webhook_url,
    target: account.target,
    url: `${base}${ACCOUNT_PATH}`,
  });
  const serviceView = (sid: string): ServiceWebhookConfig => {
    const stored = services.get(sid);
    if (stored === undefined) throw new HttpError(404, 20404, notFound(servicePath(sid)));
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
  const view = (target: Route): AccountWebhookConfig | ServiceWebhookConfig =>
    target.kind === 'account' ? accountView() : serviceView(target.sid);

  const takeFault = (method: string, path: string): Fault | undefined => {
    const index = faults.findIndex(
      (rule) =>
        (rule.kind !== 'ignore-update' || method === 'POST') &&
        (rule.method === undefined || rule.method.toUpperCase() === method) &&
        (rule.pathIncludes === undefined || path.includes(rule.pathIncludes)),
    );
    const rule = faults[index];
    if (rule === undefined) return undefined;
    const times = (rule.times ?? 1) - 1;
    if (times <= 0) faults.splice(index, 1);
    else faults[index] = { ...rule, times };
    return rule;
  };

  const authenticate = (header: string | undefined): void => {
    const match = /^Basic ([A-Za-z0-9+/]+={0,2})$/i.exec(header ?? '');
    const decoded = match ? Buffer.from(match[1] ?? '', 'base64').toString('utf8') : '';
    const colon = decoded.indexOf(':');
    const secret = colon < 0 ? undefined : secrets.get(decoded.slice(0, colon));
    if (secret === undefined || secret !== decoded.slice(colon + 1)) {
      throw new HttpError(401, 20003, 'Authenticate');
    }
  };

  const route = (path: string): Route => {
    if (path === ACCOUNT_PATH) return { kind: 'account', path };
    const sid = SERVICE_PATH.exec(path)?.[1];
    if (sid !== undefined && SERVICE_SID.test(sid) && services.has(sid)) {
      return { kind: 'service', path, sid };
    }
    throw new HttpError(404, 20404, notFound(path));
  };

  const update = (
    target: Route,
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
      const stored = services.get(target.sid);
      if (stored === undefined) throw new HttpError(404, 20404, notFound(target.path));
      const next = { ...stored, ...kept };
      delete next.target; // refused above; never part of a service
      services.set(target.sid, next);
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, body: string): Promise<void> => {
    const raw = req.url ?? '';
    const mark = raw.indexOf('?');
    const path = mark < 0 ? raw : raw.slice(0, mark);
    const query = mark < 0 ? '' : raw.slice(mark + 1);
    const method = req.method ?? '';
    const isForm = /^application\/x-www-form-urlencoded\s*(;|$)/i.test(
      req.headers['content-type'] ?? '',
    );
    const form = method === 'POST' && isForm ? parseForm(body) : null;
    requests.push({ method, path, query, headers: flatHeaders(req), body, form, at: Date.now() });

    const fault = takeFault(method, path);
    if (fault?.kind === 'stall') {
      if (fault.ms === undefined) return; // never answered; close() destroys the socket
      const ms = fault.ms;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          timers.delete(timer);
          resolve();
        }, ms);
        timers.add(timer);
      });
      if (res.destroyed) return;
    } else if (fault !== undefined && fault.kind !== 'ignore-update') {
      sendFault(res, fault, () => {
        try {
          return view(route(path));
        } catch {
          return accountView();
        }
      });
      return;
    }

    try {
      authenticate(req.headers.authorization);
      const target = route(path);
      if (method === 'GET') {
        sendJson(res, 200, view(target));
        return;
      }
      if (method !== 'POST') {
        throw new HttpError(405, 20004, `Method not allowed: ${method} ${path} (use GET or POST)`);
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
      sendJson(res, 200, view(target));
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      sendJson(
        res,
        error.status,
        twilioError(error.status, error.code, error.message),
        error.status === 405 ? { allow: 'GET, POST' } : {},
      );
    }
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      handle(req, res, Buffer.concat(chunks).toString('utf8')).catch((error: unknown) => {
        if (res.headersSent || res.destroyed) {
          res.destroy();
          return;
        }
        const message = error instanceof Error ? error.message : 'Internal error';
        sendJson(res, 500, twilioError(500, 20500, message));
      });
    });
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') {
    server.close();
    throw new Error('the Twilio emulator has no TCP address');
  }
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  base = `http://${host}:${String(address.port)}`;

  return {
    url: base,
    requests,
    clearRequests: () => {
      requests.length = 0;
    },
    inject: (rule) => {
      faults.push({ ...rule });
    },
    clearFaults: () => {
      faults = [];
    },
    reset: () => {
      requests.length = 0;
      faults = [];
      account = freshAccount();
      services.clear();
      for (const sid of initialServices) addService(sid);
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
      const next = { ...(services.get(sid) ?? freshService(sid)), ...structuredClone(patch) };
      delete next.url; // always the emulator's own
      services.set(sid, next);
    },
    addService,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      }),
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

function parseForm(body: string): Record<string, string[]> {
  const form: Record<string, string[]> = {};
  for (const [key, value] of new URLSearchParams(body)) (form[key] ??= []).push(value);
  return form;
}

function flatHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
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
  return twilioError(status, code, message);
}

function twilioError(status: number, code: number, message: string): Record<string, unknown> {
  return { code, message, more_info: `https://www.twilio.com/docs/errors/${String(code)}`, status };
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

function sendFault(
  res: ServerResponse,
  fault: Exclude<Fault, { kind: 'stall' } | { kind: 'ignore-update' }>,
  resource: () => unknown,
): void {
  switch (fault.kind) {
    case 'status': {
      const body = fault.body ?? defaultError(fault.status);
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      const headers: Record<string, string> = {
        'content-type': typeof body === 'string' ? 'text/plain; charset=utf-8' : JSON_TYPE,
        'content-length': String(Buffer.byteLength(text)),
      };
      for (const [name, value] of Object.entries(fault.headers ?? {})) {
        headers[name.toLowerCase()] = value;
      }
      res.writeHead(fault.status, headers);
      res.end(text);
      return;
    }
    case 'html': {
      const title = `${String(fault.status)} ${STATUS_CODES[fault.status] ?? 'Error'}`;
      const page = `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
      res.writeHead(fault.status, {
        'content-type': 'text/html',
        'content-length': String(Buffer.byteLength(page)),
      });
      res.end(page);
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
    case 'malformed-json': {
      const text = '{"account_sid": "AC';
      res.writeHead(200, { 'content-type': JSON_TYPE, 'content-length': String(text.length) });
      res.end(text);
      return;
    }
    case 'missing-fields': {
      const full = resource();
      const accountSid =
        typeof full === 'object' && full !== null && 'account_sid' in full
          ? full.account_sid
          : null;
      sendJson(res, 200, { account_sid: accountSid });
      return;
    }
  }
}
