import type { RawInputs } from './contract.js';
import { InputError } from './errors.js';
import { ACCOUNT_ONLY_EVENTS, ALL_EVENTS } from './events.js';
import { closestMatch } from './suggest.js';
import type { DesiredConfig, Method, Resource, Target } from './webhook-config.js';

export type Mode = 'apply' | 'check';

export interface Credentials {
  readonly username: string;
  readonly password: string;
}

export interface DriftIssueSettings {
  readonly token: string;
  readonly labels: readonly string[];
}

/** Everything a run needs, validated. Built from the raw inputs before any request is sent. */
export interface Settings {
  readonly accountSid: string;
  readonly credentials: Credentials;
  readonly resource: Resource;
  readonly desired: DesiredConfig;
  readonly mode: Mode;
  readonly failOnDrift: boolean;
  readonly driftIssue: DriftIssueSettings | null;
  readonly apiBaseUrl: string;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly warnings: readonly string[];
}

export const DEFAULT_API_BASE_URL = 'https://conversations.twilio.com';
const MAX_TIMEOUT_SECONDS = 300;
const MAX_RETRIES = 10;
const CLEAR = 'none';

const ACCOUNT_SID = /^AC[0-9a-fA-F]{32}$/;
const API_KEY_SID = /^SK[0-9a-fA-F]{32}$/;
const SERVICE_SID = /^IS[0-9a-fA-F]{32}$/;
const HOST_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const LOOPBACK_HOSTS = new Set(['localhost', '[::1]']);

export function parseSettings(inputs: RawInputs): Settings {
  const warnings: string[] = [];
  const accountSid = parseSid(inputs, 'account-sid', ACCOUNT_SID, 'AC');
  const resource = parseResource(inputs);
  const desired = parseDesired(inputs, resource);
  const mode = parseMode(inputs);
  return {
    accountSid,
    credentials: parseCredentials(inputs, accountSid),
    resource,
    desired,
    mode,
    failOnDrift: parseBoolean(inputs, 'fail-on-drift'),
    driftIssue: parseDriftIssue(inputs, mode, warnings),
    apiBaseUrl: parseApiBaseUrl(inputs, warnings),
    timeoutMs:
      parseNumber(inputs, 'timeout-seconds', { min: 0.1, max: MAX_TIMEOUT_SECONDS }) * 1000,
    maxRetries: parseNumber(inputs, 'max-retries', { min: 0, max: MAX_RETRIES, integer: true }),
    warnings,
  };
}

/** How a bad value is quoted in an error: escaped, and short enough to read. */
function quote(value: string): string {
  const shown = value.length > 60 ? `${value.slice(0, 60)}…` : value;
  return JSON.stringify(shown);
}

function parseSid(
  inputs: RawInputs,
  name: 'account-sid' | 'api-key' | 'service-sid',
  pattern: RegExp,
  prefix: string,
): string {
  const value = inputs[name];
  if (value === '') throw new InputError(name, `is required: ${prefix} followed by 32 hex digits.`);
  if (!pattern.test(value)) {
    throw new InputError(
      name,
      `is ${quote(value)}: expected ${prefix} followed by 32 hex digits (34 characters).`,
    );
  }
  return value;
}

function parseResource(inputs: RawInputs): Resource {
  if (inputs['service-sid'] === '') return { kind: 'account' };
  return { kind: 'service', serviceSid: parseSid(inputs, 'service-sid', SERVICE_SID, 'IS') };
}

function parseCredentials(inputs: RawInputs, accountSid: string): Credentials {
  const token = inputs['auth-token'];
  const apiKey = inputs['api-key'];
  const apiSecret = inputs['api-secret'];
  if (token !== '' && (apiKey !== '' || apiSecret !== '')) {
    throw new InputError(
      'auth-token',
      'is set together with api-key/api-secret: give either auth-token, or api-key with api-secret.',
    );
  }
  if (token !== '') return { username: accountSid, password: token };
  if (apiKey === '' && apiSecret === '') {
    throw new InputError(
      'auth-token',
      'is empty and so are api-key and api-secret: give either auth-token, or api-key with api-secret.',
    );
  }
  const username = parseSid(inputs, 'api-key', API_KEY_SID, 'SK');
  if (apiSecret === '') {
    throw new InputError('api-secret', 'is required when api-key is set.');
  }
  return { username, password: apiSecret };
}

function parseDesired(inputs: RawInputs, resource: Resource): DesiredConfig {
  const desired: {
    -readonly [K in keyof DesiredConfig]: DesiredConfig[K];
  } = {};
  if (inputs.filters !== '') desired.filters = parseFilters(inputs.filters, resource);
  if (inputs.method !== '') desired.method = parseMethod(inputs.method);
  if (inputs['pre-webhook-url'] !== '') {
    desired.pre_webhook_url = parseWebhookUrl(inputs, 'pre-webhook-url');
  }
  if (inputs['post-webhook-url'] !== '') {
    desired.post_webhook_url = parseWebhookUrl(inputs, 'post-webhook-url');
  }
  if (inputs.target !== '') desired.target = parseTarget(inputs.target, resource);
  if (Object.keys(desired).length === 0) {
    throw new InputError(
      'filters',
      'and method, pre-webhook-url, post-webhook-url and target are all empty: nothing to manage. Set at least one of them.',
    );
  }
  return desired;
}

export function parseFilters(value: string, resource: Resource): readonly string[] {
  const names = [
    ...new Set(
      value
        .split(/[,\n\r]/)
        .map((name) => name.trim())
        .filter((name) => name !== ''),
    ),
  ];
  if (names.length === 0) {
    throw new InputError(
      'filters',
      `is ${quote(value)}, which holds no event name: list event names separated by commas or new lines, or "${CLEAR}" to clear the list.`,
    );
  }
  if (names.some((name) => name.toLowerCase() === CLEAR)) {
    if (names.length > 1) {
      throw new InputError(
        'filters',
        `mixes "${CLEAR}" with event names: "${CLEAR}" clears the list and must stand alone.`,
      );
    }
    return [];
  }
  const accepted = resource.kind === 'account' ? ALL_EVENTS : serviceEvents();
  for (const name of names) {
    if (accepted.includes(name)) continue;
    if (ALL_EVENTS.includes(name)) {
      throw new InputError(
        'filters',
        `has ${quote(name)}, which the per-service configuration does not accept (user events belong to the account-wide one). Valid here: ${accepted.join(', ')}.`,
      );
    }
    const suggestion = closestMatch(name, accepted);
    const hint = suggestion === undefined ? '' : ` Did you mean ${suggestion}?`;
    throw new InputError(
      'filters',
      `has ${quote(name)}, which is not a Conversations event.${hint} Valid: ${accepted.join(', ')}.`,
    );
  }
  return names;
}

function serviceEvents(): readonly string[] {
  return ALL_EVENTS.filter((name) => !ACCOUNT_ONLY_EVENTS.has(name));
}

function parseMethod(value: string): Method {
  const upper = value.toUpperCase();
  if (upper === 'GET' || upper === 'POST') return upper;
  throw new InputError('method', `is ${quote(value)}: must be GET or POST.`);
}

function parseTarget(value: string, resource: Resource): Target {
  if (resource.kind === 'service') {
    throw new InputError(
      'target',
      'is set together with service-sid: only the account-wide configuration has a target. Leave target empty.',
    );
  }
  const lower = value.toLowerCase();
  if (lower === 'webhook' || lower === 'flex') return lower;
  throw new InputError('target', `is ${quote(value)}: must be webhook or flex.`);
}

function parseWebhookUrl(
  inputs: RawInputs,
  name: 'pre-webhook-url' | 'post-webhook-url',
): string | null {
  const value = inputs[name];
  if (value.toLowerCase() === CLEAR) return null;
  const problem = urlProblem(value);
  if (problem !== undefined) {
    throw new InputError(
      name,
      `is ${quote(value)}: ${problem}. Give an absolute http(s) URL, or "${CLEAR}" to clear it.`,
    );
  }
  // Kept exactly as written: Twilio signs each webhook request with the configured URL, byte for byte.
  return value;
}

function urlProblem(value: string): string | undefined {
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  if (/[\s\u0000-\u001f\u007f]/.test(value)) return 'it contains whitespace or control characters';
  if (!URL.canParse(value)) return 'it is not an absolute URL';
  const url = new URL(value);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return `its scheme is ${url.protocol.slice(0, -1)}, not http or https`;
  }
  if (url.hostname === '') return 'it has no host';
  return undefined;
}

function parseMode(inputs: RawInputs): Mode {
  const value = inputs.mode.toLowerCase();
  if (value === 'apply') return 'apply';
  if (value === 'check') return 'check';
  throw new InputError('mode', `is ${quote(inputs.mode)}: must be apply or check.`);
}

function parseBoolean(inputs: RawInputs, name: 'fail-on-drift' | 'drift-issue'): boolean {
  const value = inputs[name].toLowerCase();
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new InputError(name, `is ${quote(inputs[name])}: must be true or false.`);
}

function parseDriftIssue(
  inputs: RawInputs,
  mode: Mode,
  warnings: string[],
): DriftIssueSettings | null {
  if (!parseBoolean(inputs, 'drift-issue')) return null;
  if (mode !== 'check') {
    warnings.push(
      'drift-issue is true but mode is apply: drift issues are kept in check mode only.',
    );
    return null;
  }
  if (inputs['github-token'] === '') {
    throw new InputError(
      'github-token',
      'is empty while drift-issue is true: give a token with issues write permission (the default is github.token).',
    );
  }
  const labels = inputs['drift-issue-labels']
    .split(',')
    .map((label) => label.trim())
    .filter((label) => label !== '');
  if (labels.length === 0) {
    throw new InputError(
      'drift-issue-labels',
      'is empty while drift-issue is true: give at least one label; the first finds the open drift issue again.',
    );
  }
  return { token: inputs['github-token'], labels };
}

function parseApiBaseUrl(inputs: RawInputs, warnings: string[]): string {
  const explicit = inputs['api-base-url'];
  const region = inputs.region.toLowerCase();
  const edge = inputs.edge.toLowerCase();
  if (explicit !== '') {
    if (region !== '' || edge !== '') {
      warnings.push('api-base-url is set, so region and edge are ignored.');
    }
    return parseExplicitBaseUrl(explicit);
  }
  if (region !== '' && !HOST_LABEL.test(region)) {
    throw new InputError(
      'region',
      `is ${quote(inputs.region)}: expected a region such as ie1 or au1.`,
    );
  }
  if (edge !== '' && !HOST_LABEL.test(edge)) {
    throw new InputError(
      'edge',
      `is ${quote(inputs.edge)}: expected an edge such as dublin or sydney.`,
    );
  }
  if (region !== '' && edge === '') {
    throw new InputError(
      'edge',
      `is empty while region is ${quote(region)}: Twilio needs both, for example region ie1 with edge dublin.`,
    );
  }
  if (edge === '') return DEFAULT_API_BASE_URL;
  return `https://conversations.${edge}.${region === '' ? 'us1' : region}.twilio.com`;
}

function parseExplicitBaseUrl(value: string): string {
  const invalid = (problem: string): InputError =>
    new InputError(
      'api-base-url',
      `is ${quote(withoutUserInfo(value))}: ${problem}. Give an https URL such as ${DEFAULT_API_BASE_URL}.`,
    );
  if (!URL.canParse(value)) throw invalid('it is not an absolute URL');
  const url = new URL(value);
  if (url.username !== '' || url.password !== '') throw invalid('it must not carry credentials');
  if (url.search !== '' || url.hash !== '') throw invalid('it must not have a query or fragment');
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    throw invalid(
      'plain http would send the credentials in the clear; it is allowed only to a loopback host',
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw invalid('its scheme must be https');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** A base URL is no place for credentials; if one carries them anyway, they are not quoted back. */
function withoutUserInfo(value: string): string {
  return value.replace(/^([^:/?#]+:\/\/)[^/?#]*@/, '$1***@');
}

function isLoopback(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127(?:\.\d{1,3}){3}$/.test(hostname);
}

function parseNumber(
  inputs: RawInputs,
  name: 'timeout-seconds' | 'max-retries',
  range: { min: number; max: number; integer?: boolean },
): number {
  const value = inputs[name];
  const number = /^\d+(?:\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
  const valid =
    Number.isFinite(number) &&
    number >= range.min &&
    number <= range.max &&
    (range.integer !== true || Number.isInteger(number));
  if (!valid) {
    const kind = range.integer === true ? 'a whole number' : 'a number';
    throw new InputError(
      name,
      `is ${quote(value)}: must be ${kind} from ${range.min} to ${range.max}.`,
    );
  }
  return number;
}
