// A local Twilio Conversations emulator: real HTTP on loopback, following Twilio's OpenAPI
// description of the two webhook configuration resources (twilio/twilio-oai,
// spec/json/twilio_conversations_v1.json, Apache-2.0) and the error bodies Twilio sends.
// It is stricter than Twilio on purpose (unknown parameters are refused) so that client bugs show.
// Self-contained, with erasable TypeScript only, so that Node runs it directly (scripts, CI).
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export const DEFAULT_CREDENTIALS = {
  accountSid: 'AC0e1d2c3b4a59687766554433221100ff',
  authToken: 'emulator-auth-token-5f1c9a7e2b8d4c60',
  apiKeySid: 'SK9a8b7c6d5e4f30211203f4e5d6c7b8a9',
  apiKeySecret: 'emulator-api-secret-3c7e9b1d5a2f8e46',
} as const;

export const DEFAULT_SERVICE_SID = 'IS1234567890abcdef1234567890abcdef';

// Event names accepted by the `Filters` parameter (from the OpenAPI description's field docs).
const ACCOUNT_EVENTS = new Set([
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
const USER_EVENTS = new Set(['onUserAdded', 'onUserUpdate', 'onUserUpdated']);
const SERVICE_EVENTS = new Set([...ACCOUNT_EVENTS].filter((name) => !USER_EVENTS.has(name)));

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
  form: Record<string, string[]> | null;
  at: number;
}

export interface AccountWebhookConfig {
  account_sid: string | null;
  method: 'GET' | 'POST' | null;
  filters: string[] | null;
  pre_webhook_url: string | null;
  post_webhook_url: string | null;
  target: 'webhook' | 'flex' | null;
  url: string | null;
}

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
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  | { kind: 'html'; status: number }
  | { kind: 'reset' }
  | { kind: 'stall'; ms?: number }
  | { kind: 'truncate' }
  | { kind: 'malformed-json' }
  | { kind: 'missing-fields' }
  | { kind: 'ignore-update'; fields?: string[] };

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

type Stored = Record<string, unknown>;

interface Route {
  kind: 'account' | 'service';
  path: string;
  serviceSid?: string;
}

class HttpError extends Error {
  status: number;
  code: number;

  constructor(status: number, code: number, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

const ACCOUNT_PATH = '/v1/Configuration/Webhooks';
const SERVICE_PATH = /^\/v1\/Services\/([^/]+)\/Configuration\/Webhooks$/;
const SERVICE_SID = /^IS[0-9a-fA-F]{32}$/;
const FORM_FIELDS: Record<string, string> = {
  Filters: 'filters',
  Method: 'method',
  PreWebhookUrl: 'pre_webhook_url',
  PostWebhookUrl: 'post_webhook_url',
  Target: 'target',
};

export async function startTwilioEmulator(options: EmulatorOptions = {}): Promise<TwilioEmulator> {
  const accountSid = options.accountSid ?? DEFAULT_CREDENTIALS.accountSid;
  const secrets = new Map<string, string>([
    [accountSid, options.authToken ?? DEFAULT_CREDENTIALS.authToken],
  ]);
  for (const key of options.apiKeys ?? [
    { sid: DEFAULT_CREDENTIALS.apiKeySid, secret: DEFAULT_CREDENTIALS.apiKeySecret },
  ]) {
    secrets.set(key.sid, key.secret);
  }
  const requests: RecordedRequest[] = [];
  let faults: FaultRule[] = [];
  const sockets = new Set<Socket>();
  let base = '';

  const blank = { method: null, filters: null, pre_webhook_url: null, post_webhook_url: null };
  const account: Stored = { account_sid: accountSid, ...blank, target: 'webhook' };
  const services = new Map<string, Stored>();
  const addService = (sid: string): void => {
    if (!services.has(sid))
      services.set(sid, { account_sid: accountSid, chat_service_sid: sid, ...blank });
  };
  const initialServices = options.services ?? [DEFAULT_SERVICE_SID];
  for (const sid of initialServices) addService(sid);

  const view = (route: Route): Stored => {
    const stored = route.kind === 'account' ? account : services.get(route.serviceSid ?? '');
    if (stored === undefined) throw new HttpError(404, 20404, notFound(route.path));
    const copy = structuredClone(stored);
    return route.kind === 'account'
      ? {
          account_sid: copy.account_sid,
          method: copy.method,
          filters: copy.filters,
          pre_webhook_url: copy.pre_webhook_url,
          post_webhook_url: copy.post_webhook_url,
          target: copy.target,
          url: `${base}${route.path}`,
        }
      : { ...copy, url: `${base}${route.path}` };
  };

  const takeFault = (method: string, path: string): Fault | undefined => {
    const index = faults.findIndex(
      (rule) =>
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
    const match = /^Basic ([A-Za-z0-9+/=]+)$/.exec(header ?? '');
    const decoded = match ? Buffer.from(match[1] ?? '', 'base64').toString('utf8') : '';
    const colon = decoded.indexOf(':');
    const user = decoded.slice(0, colon);
    if (colon < 0 || secrets.get(user) !== decoded.slice(colon + 1)) {
      throw new HttpError(401, 20003, 'Authenticate');
    }
  };

  const route = (path: string): Route => {
    if (path === ACCOUNT_PATH) return { kind: 'account', path };
    const match = SERVICE_PATH.exec(path);
    const sid = match?.[1];
    if (sid !== undefined && SERVICE_SID.test(sid) && services.has(sid)) {
      return { kind: 'service', path, serviceSid: sid };
    }
    throw new HttpError(404, 20404, notFound(path));
  };

  const update = (
    target: Route,
    form: Record<string, string[]>,
    ignored: Set<string> | null,
  ): void => {
    const changes: Stored = {};
    for (const [name, values] of Object.entries(form)) {
      const field = FORM_FIELDS[name];
      if (field === undefined || (name === 'Target' && target.kind === 'service')) {
        throw new HttpError(400, 20001, `Invalid parameter: ${name}`);
      }
      changes[field] = validate(name, values, target.kind);
    }
    const stored = target.kind === 'account' ? account : services.get(target.serviceSid ?? '');
    if (stored === undefined) throw new HttpError(404, 20404, notFound(target.path));
    for (const [field, value] of Object.entries(changes)) {
      if (ignored === null || !ignored.has(field)) stored[field] = value;
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, body: string): Promise<void> => {
    const [path = '', query = ''] = (req.url ?? '').split('?');
    const method = req.method ?? '';
    const contentType = req.headers['content-type'] ?? '';
    const form =
      method === 'POST' && contentType.startsWith('application/x-www-form-urlencoded')
        ? parseForm(body)
        : null;
    requests.push({ method, path, query, headers: flatHeaders(req), body, form, at: Date.now() });

    const fault = takeFault(method, path);
    if (fault?.kind === 'stall') {
      if (fault.ms === undefined) return;
      await new Promise((resolve) => setTimeout(resolve, fault.ms));
    } else if (fault !== undefined && fault.kind !== 'ignore-update') {
      sendFault(res, fault);
      return;
    }

    try {
      authenticate(req.headers.authorization);
      const target = route(path);
      if (method === 'GET') {
        if (fault?.kind === 'ignore-update') throw new Error('ignore-update applies to POST only');
        sendJson(res, 200, view(target));
        return;
      }
      if (method !== 'POST') throw new HttpError(405, 20004, 'Method not allowed');
      if (form === null)
        throw new HttpError(400, 20001, 'Content-Type must be application/x-www-form-urlencoded');
      const ignored =
        fault?.kind === 'ignore-update'
          ? new Set(fault.fields ?? Object.values(FORM_FIELDS))
          : null;
      update(target, form, ignored);
      sendJson(res, 200, view(target));
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      sendJson(res, error.status, twilioError(error.status, error.code, error.message));
    }
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      handle(req, res, Buffer.concat(chunks).toString('utf8')).catch((error: unknown) => {
        sendJson(
          res,
          500,
          twilioError(500, 20500, error instanceof Error ? error.message : 'Internal error'),
        );
      });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const address = server.address();
  if (address === null || typeof address === 'string')
    throw new Error('emulator has no TCP address');
  base = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${String(address.port)}`;

  return {
    url: base,
    requests,
    clearRequests: () => {
      requests.length = 0;
    },
    inject: (rule) => {
      faults.push(rule);
    },
    reset: () => {
      requests.length = 0;
      faults = [];
      Object.assign(account, blank, { target: 'webhook' });
      services.clear();
      for (const sid of initialServices) addService(sid);
    },
    clearFaults: () => {
      faults = [];
    },
    accountConfig: () =>
      view({ kind: 'account', path: ACCOUNT_PATH }) as unknown as AccountWebhookConfig,
    serviceConfig: (sid) => {
      if (!services.has(sid)) throw new Error(`unknown service ${sid}`);
      return view({
        kind: 'service',
        path: servicePath(sid),
        serviceSid: sid,
      }) as unknown as ServiceWebhookConfig;
    },
    setAccountConfig: (patch) => {
      Object.assign(account, structuredClone(patch));
    },
    setServiceConfig: (sid, patch) => {
      addService(sid);
      Object.assign(services.get(sid) ?? {}, structuredClone(patch));
    },
    addService,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}

function servicePath(sid: string): string {
  return `/v1/Services/${sid}/Configuration/Webhooks`;
}

function notFound(path: string): string {
  return `The requested resource ${path} was not found`;
}

function validate(name: string, values: string[], kind: 'account' | 'service'): unknown {
  const single = values.length === 1 ? (values[0] ?? '') : undefined;
  switch (name) {
    case 'Filters': {
      if (values.length === 1 && values[0] === '') return [];
      const accepted = kind === 'account' ? ACCOUNT_EVENTS : SERVICE_EVENTS;
      const bad = values.find((value) => !accepted.has(value));
      if (bad !== undefined) throw new HttpError(400, 20001, `Invalid Filters value: ${bad}`);
      return [...new Set(values)];
    }
    case 'Method': {
      const upper = single?.toUpperCase();
      if (upper !== 'GET' && upper !== 'POST')
        throw new HttpError(400, 50055, 'Invalid webhook method');
      return upper;
    }
    case 'PreWebhookUrl':
    case 'PostWebhookUrl': {
      const code = name === 'PreWebhookUrl' ? 50077 : 50078;
      const label = name === 'PreWebhookUrl' ? 'pre-webhook' : 'post-webhook';
      if (single === undefined) throw new HttpError(400, code, `Invalid ${label} URL`);
      if (single === '') return null;
      if (!isHttpUrl(single)) throw new HttpError(400, code, `Invalid ${label} URL`);
      return single;
    }
    default: {
      if (single !== 'webhook' && single !== 'flex')
        throw new HttpError(400, 20001, 'Invalid Target value');
      return single;
    }
  }
}

function isHttpUrl(value: string): boolean {
  if (/\s/.test(value) || !URL.canParse(value)) return false;
  const protocol = new URL(value).protocol;
  return protocol === 'http:' || protocol === 'https:';
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

function twilioError(status: number, code: number, message: string): Record<string, unknown> {
  return { code, message, more_info: `https://www.twilio.com/docs/errors/${String(code)}`, status };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function sendFault(
  res: ServerResponse,
  fault: Exclude<Fault, { kind: 'stall' } | { kind: 'ignore-update' }>,
): void {
  switch (fault.kind) {
    case 'status': {
      const body =
        fault.body ??
        twilioError(fault.status, fault.status === 429 ? 20429 : 20500, 'Emulated failure');
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      res.writeHead(fault.status, {
        'content-type': typeof body === 'string' ? 'text/plain' : 'application/json; charset=utf-8',
        ...fault.headers,
      });
      res.end(text);
      return;
    }
    case 'html':
      res.writeHead(fault.status, { 'content-type': 'text/html' });
      res.end(
        `<html><head><title>${String(fault.status)} Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>`,
      );
      return;
    case 'reset':
      res.socket?.destroy();
      return;
    case 'truncate': {
      const text = JSON.stringify({
        account_sid: DEFAULT_CREDENTIALS.accountSid,
        method: 'POST',
        filters: [],
        pre_webhook_url: null,
      });
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(text),
      });
      res.write(text.slice(0, text.length / 2));
      setTimeout(() => res.socket?.destroy(), 20);
      return;
    }
    case 'malformed-json':
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"account_sid": "AC');
      return;
    case 'missing-fields':
      sendJson(res, 200, { account_sid: DEFAULT_CREDENTIALS.accountSid });
      return;
  }
}
