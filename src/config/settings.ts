// The action's inputs, checked and turned into what a run needs, before any request is sent.
import { isAbsolute, normalize } from 'node:path';
import type { InputName, RawInputs } from './contract.js';
import { parseDeploySettings } from './deploy-settings.js';
import type { DeploySettings } from './deploy-settings.js';
import { parseEndpoint } from './endpoint.js';
import type { Endpoint } from './endpoint.js';
import {
  asInput,
  InputError,
  parseBoolean,
  parseChoice,
  parseSecondsAsMs,
  parseWholeNumber,
} from './input-parsers.js';
import { quote } from '../core/text.js';
import type { Credentials } from '../twilio/client.js';
import { INPUT_FIELDS } from '../model/fields.js';
import type { DesiredConfig, FieldValue, ResourceKind } from '../model/fields.js';
import type { Resource } from '../model/webhook-config.js';

export type Mode = 'apply' | 'check' | 'export';
export type UnmanagedPolicy = 'warn' | 'fail' | 'ignore';

/** What the run manages: one resource described by the inputs, or a desired-state file. */
export type DesiredSource =
  | { readonly kind: 'inputs'; readonly resource: Resource; readonly desired: DesiredConfig }
  | { readonly kind: 'file'; readonly path: string };

export interface GitHubSettings {
  readonly token: string;
  /** Labels of the drift issue, when one is kept; the first finds it again. */
  readonly driftIssueLabels: readonly string[] | null;
  /** Whether to keep the plan comment: always, or only once an apply would change something. */
  readonly prComment: 'always' | 'on-change' | null;
}

/** Everything a run needs, validated. */
export interface Settings {
  readonly accountSid: string;
  readonly credentials: Credentials;
  readonly mode: Mode;
  readonly source: DesiredSource;
  readonly failOnDrift: boolean;
  readonly unmanagedServices: UnmanagedPolicy;
  readonly unmanagedAddresses: UnmanagedPolicy;
  readonly gitHub: GitHubSettings | null;
  readonly deploy: DeploySettings;
  readonly endpoint: Endpoint;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly maxConcurrency: number;
}

export interface ParsedSettings {
  readonly settings: Settings;
  readonly warnings: readonly string[];
}

/** Twilio writes a SID as its two-letter prefix and 32 lower-case hex digits. */
const SID_PREFIXES = { 'account-sid': 'AC', 'api-key': 'SK', 'service-sid': 'IS' } as const;
/** The inputs that describe one resource; a desired-state file describes them instead. */
const RESOURCE_INPUTS: readonly InputName[] = [
  'service-sid',
  ...INPUT_FIELDS.map(({ key }) => key),
];

export function parseSettings(inputs: RawInputs): ParsedSettings {
  const warnings: string[] = [];
  const accountSid = parseSid(inputs, 'account-sid');
  const mode = parseMode(inputs);
  const source = parseSource(inputs, mode);
  const settings: Settings = {
    accountSid,
    credentials: parseCredentials(inputs, accountSid),
    mode,
    source,
    failOnDrift: parseBoolean(inputs, 'fail-on-drift'),
    unmanagedServices: parseChoice(inputs, 'unmanaged-services', ['warn', 'fail', 'ignore']),
    unmanagedAddresses: parseChoice(inputs, 'unmanaged-addresses', ['warn', 'fail', 'ignore']),
    gitHub: parseGitHub(inputs, mode, warnings),
    deploy: parseDeploySettings(inputs, source.kind, mode === 'apply', warnings),
    endpoint: parseEndpoint(inputs, warnings),
    timeoutMs: parseSecondsAsMs(inputs, 'timeout-seconds', { min: 0.1, max: 300 }),
    maxRetries: parseWholeNumber(inputs, 'max-retries', { min: 0, max: 10 }),
    maxConcurrency: parseWholeNumber(inputs, 'max-concurrency', { min: 1, max: 16 }),
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

function parseMode(inputs: RawInputs): Mode {
  return parseChoice(inputs, 'mode', ['apply', 'check', 'export']);
}

function parseSid(inputs: RawInputs, name: keyof typeof SID_PREFIXES): string {
  const prefix = SID_PREFIXES[name];
  const value = inputs[name];
  const expected = `${prefix} followed by 32 lower-case hex digits (34 characters)`;
  if (value === '') throw new InputError(name, `is required: ${expected}.`);
  // Twilio's own pattern (^AC[0-9a-fA-F]{32}$ and the like) allows either case of hex digit, and
  // a SID copied from one of its answers must not be refused: it is kept as written.
  if (new RegExp(`^${prefix}[0-9a-fA-F]{32}$`).test(value)) return value;
  // A credential pasted into the wrong input must not be quoted back: show only its start.
  throw new InputError(
    name,
    `is a ${value.length}-character value starting with ${quote(value.slice(0, 2))}: expected ${expected}.`,
  );
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

function parseSource(inputs: RawInputs, mode: Mode): DesiredSource {
  const file = inputs['config-file'];
  if (file === '') {
    if (mode === 'export') {
      throw new InputError('config-file', 'is empty while mode is export: give the file to write.');
    }
    const resource = parseResource(inputs);
    return { kind: 'inputs', resource, desired: parseDesired(inputs, resource) };
  }
  const given = RESOURCE_INPUTS.find((name) => inputs[name] !== '');
  if (given !== undefined) {
    throw new InputError(
      given,
      `is set together with config-file: the file describes every resource, so leave ${RESOURCE_INPUTS.join(', ')} empty.`,
    );
  }
  return { kind: 'file', path: parseWorkspacePath(inputs, 'config-file') };
}

/** A path inside the workspace, written relative to it. */
function parseWorkspacePath(inputs: RawInputs, name: InputName): string {
  const value = inputs[name];
  const path = normalize(value);
  if (isAbsolute(value) || path === '..' || path.startsWith('../')) {
    throw new InputError(
      name,
      `is ${quote(value)}: give a path relative to the workspace, inside it (such as twilio/webhooks.yml).`,
    );
  }
  return path;
}

function parseResource(inputs: RawInputs): Resource {
  if (inputs['service-sid'] === '') return { kind: 'account' };
  return { kind: 'service', serviceSid: parseSid(inputs, 'service-sid') };
}

function parseDesired(inputs: RawInputs, resource: Resource): DesiredConfig {
  const desired: Record<string, FieldValue> = {};
  for (const { field, key, kinds, parse } of INPUT_FIELDS) {
    if (inputs[key] === '') continue;
    if (!(kinds as readonly ResourceKind[]).includes(resource.kind)) {
      throw new InputError(
        key,
        `is set together with service-sid: only the account-wide configuration has a ${key}. Leave ${key} empty.`,
      );
    }
    desired[field] = asInput(key, () => parse(inputs[key], resource.kind));
  }
  if (Object.keys(desired).length === 0) {
    const [first, ...others] = INPUT_FIELDS.map(({ key }) => key);
    throw new InputError(
      first ?? 'filters',
      `and ${others.slice(0, -1).join(', ')} and ${others.at(-1) ?? ''} are all empty: nothing to manage. Set at least one of them, or config-file.`,
    );
  }
  return desired;
}

function parseGitHub(inputs: RawInputs, mode: Mode, warnings: string[]): GitHubSettings | null {
  let driftIssue = parseBoolean(inputs, 'drift-issue');
  let prComment = parseChoice(inputs, 'pr-comment', ['true', 'false', 'on-change']);
  // An apply may close the drift issue it fixed; only a check plans, and export does neither.
  if (driftIssue && mode === 'export') {
    warnings.push(
      'drift-issue is true but mode is export: the drift issue is kept in check and apply mode.',
    );
    driftIssue = false;
  }
  if (prComment !== 'false' && mode !== 'check') {
    warnings.push(
      `pr-comment is ${prComment} but mode is ${mode}: the plan comment is kept in check mode only.`,
    );
    prComment = 'false';
  }
  if (!driftIssue && prComment === 'false') return null;
  if (inputs['github-token'] === '') {
    throw new InputError(
      'github-token',
      `is empty while ${driftIssue ? 'drift-issue is true' : `pr-comment is ${prComment}`}: give a token with ${driftIssue ? 'issues' : 'pull-requests'} write permission (the default is github.token).`,
    );
  }
  return {
    token: inputs['github-token'],
    driftIssueLabels: driftIssue ? parseLabels(inputs) : null,
    prComment: prComment === 'false' ? null : prComment === 'true' ? 'always' : 'on-change',
  };
}

function parseLabels(inputs: RawInputs): readonly string[] {
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
  return labels;
}
