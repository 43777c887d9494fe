// The action's inputs, checked and turned into what a run needs, before any request is sent.
import type { InputName, RawInputs } from './contract.js';
import { parseEndpoint } from './endpoint.js';
import type { Endpoint } from './endpoint.js';
import { InputError, InvalidValue } from './errors.js';
import { CLEAR, parseFilters } from './events.js';
import { quote } from './text.js';
import type { Credentials } from './twilio-client.js';
import { webhookUrlProblem } from './urls.js';
import type { DesiredConfig, Method, Resource, Target } from './webhook-config.js';

export type Mode = 'apply' | 'check';

export interface DriftIssueSettings {
  readonly token: string;
  readonly labels: readonly string[];
}

/** Everything a run needs, validated. */
export interface Settings {
  readonly accountSid: string;
  readonly credentials: Credentials;
  readonly resource: Resource;
  readonly desired: DesiredConfig;
  readonly mode: Mode;
  readonly failOnDrift: boolean;
  readonly driftIssue: DriftIssueSettings | null;
  readonly endpoint: Endpoint;
  readonly timeoutMs: number;
  readonly maxRetries: number;
}

export interface ParsedSettings {
  readonly settings: Settings;
  readonly warnings: readonly string[];
}

const MAX_TIMEOUT_SECONDS = 300;
const MAX_RETRIES = 10;

/** Twilio writes a SID as its two-letter prefix and 32 lower-case hex digits. */
const SID_PREFIXES = { 'account-sid': 'AC', 'api-key': 'SK', 'service-sid': 'IS' } as const;

export function parseSettings(inputs: RawInputs): ParsedSettings {
  const warnings: string[] = [];
  const accountSid = parseSid(inputs, 'account-sid');
  const resource = parseResource(inputs);
  const mode = parseMode(inputs);
  const settings: Settings = {
    accountSid,
    credentials: parseCredentials(inputs, accountSid),
    resource,
    desired: parseDesired(inputs, resource),
    mode,
    failOnDrift: parseBoolean(inputs, 'fail-on-drift'),
    driftIssue: parseDriftIssue(inputs, mode, warnings),
    endpoint: parseEndpoint(inputs, warnings),
    timeoutMs: parseTimeoutMs(inputs),
    maxRetries: parseWholeNumber(inputs, 'max-retries', MAX_RETRIES),
  };
  return { settings, warnings };
}

/** The mode, when the input is valid, for reporting a run that failed before its settings. */
export function modeIfValid(inputs: RawInputs): Mode | undefined {
  try {
    return parseMode(inputs);
  } catch {
    return undefined;
  }
}

function parseSid(inputs: RawInputs, name: keyof typeof SID_PREFIXES): string {
  const prefix = SID_PREFIXES[name];
  const value = inputs[name];
  const expected = `${prefix} followed by 32 lower-case hex digits (34 characters)`;
  if (value === '') throw new InputError(name, `is required: ${expected}.`);
  if (new RegExp(`^${prefix}[0-9a-f]{32}$`).test(value)) return value;
  if (new RegExp(`^${prefix}[0-9a-f]{32}$`, 'i').test(value)) {
    throw new InputError(
      name,
      `has upper-case hex digits: Twilio writes SIDs as ${expected}, and compares them exactly. Use ${prefix}${value.slice(2).toLowerCase()}.`,
    );
  }
  // A credential pasted into the wrong input must not be quoted back: show only its start.
  throw new InputError(
    name,
    `is a ${value.length}-character value starting with ${quote(value.slice(0, 2))}: expected ${expected}.`,
  );
}

function parseResource(inputs: RawInputs): Resource {
  if (inputs['service-sid'] === '') return { kind: 'account' };
  return { kind: 'service', serviceSid: parseSid(inputs, 'service-sid') };
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
  const username = parseSid(inputs, 'api-key');
  if (apiSecret === '') {
    throw new InputError('api-secret', 'is required when api-key is set.');
  }
  return { username, password: apiSecret };
}

function parseDesired(inputs: RawInputs, resource: Resource): DesiredConfig {
  const desired: { -readonly [K in keyof DesiredConfig]: DesiredConfig[K] } = {};
  if (inputs.filters !== '') {
    desired.filters = asInput('filters', () => parseFilters(inputs.filters, resource.kind));
  }
  if (inputs.method !== '') desired.method = parseMethod(inputs.method);
  for (const [name, field] of [
    ['pre-webhook-url', 'pre_webhook_url'],
    ['post-webhook-url', 'post_webhook_url'],
  ] as const) {
    if (inputs[name] !== '') desired[field] = asInput(name, () => parseWebhookUrl(inputs[name]));
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

/** A webhook URL kept exactly as written (Twilio signs each request with it), or null to clear. */
export function parseWebhookUrl(value: string): string | null {
  if (value.toLowerCase() === CLEAR) return null;
  const problem = webhookUrlProblem(value);
  if (problem !== undefined) {
    throw new InvalidValue(
      `is ${quote(value)}: ${problem}. Give an absolute http(s) URL such as https://example.com/twilio, or "${CLEAR}" to clear it.`,
    );
  }
  return value;
}

function asInput<T>(name: InputName, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof InvalidValue) throw new InputError(name, error.message);
    throw error;
  }
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

function parseMode(inputs: RawInputs): Mode {
  const value = inputs.mode.toLowerCase();
  if (value === 'apply' || value === 'check') return value;
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

/**
 * Seconds with up to three decimals, converted once to whole milliseconds: every timer gets an
 * integer, whatever decimal the user wrote (16.1 × 1000 is not 16100 in floating point).
 */
function parseTimeoutMs(inputs: RawInputs): number {
  const value = inputs['timeout-seconds'];
  const match = /^(\d{1,3})(?:\.(\d{1,3}))?$/.exec(value);
  const ms =
    match === null ? Number.NaN : Number(match[1]) * 1000 + Number((match[2] ?? '').padEnd(3, '0'));
  if (!(ms >= 100 && ms <= MAX_TIMEOUT_SECONDS * 1000)) {
    throw new InputError(
      'timeout-seconds',
      `is ${quote(value)}: must be a number of seconds from 0.1 to ${MAX_TIMEOUT_SECONDS}, with at most three decimals.`,
    );
  }
  return ms;
}

function parseWholeNumber(inputs: RawInputs, name: 'max-retries', max: number): number {
  const value = inputs[name];
  if (/^\d{1,3}$/.test(value) && Number(value) <= max) return Number(value);
  throw new InputError(name, `is ${quote(value)}: must be a whole number from 0 to ${max}.`);
}
