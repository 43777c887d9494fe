// What a desired-state file says, as data, and the resolution of its services against the
// account's: everything about the file that needs no YAML parser, so that runs without a file
// never load one (src/config/desired-state.ts reads the file).
import { closestMatch } from '../core/suggest.js';
import { count, quote } from '../core/text.js';
import { sidKey } from './webhook-config.js';
import type { DesiredConfig, ServiceSummary } from './webhook-config.js';

export type ServiceRef = { readonly sid: string } | { readonly name: string };

export interface DesiredService {
  readonly ref: ServiceRef;
  readonly desired: DesiredConfig;
  /** The line where the entry starts. */
  readonly line: number;
}

export interface DesiredState {
  readonly file: string;
  /** Undefined when the file has no `account`: the account-wide configuration is not managed. */
  readonly account: DesiredConfig | undefined;
  /** In the file's order, so that `services[i]` in a message is the i-th of these. */
  readonly services: readonly DesiredService[];
  /** The variables webhook URLs were filled in from: each URL is shown as the file writes it. */
  readonly variables: readonly { readonly name: string; readonly value: string }[];
}

export interface DesiredStateProblem {
  /** 1-based. */
  readonly line: number;
  /** 1-based, where known. */
  readonly column?: number;
  /** The key path, such as `services[1].post-webhook-url`; '' for the file as a whole. */
  readonly key: string;
  /** A sentence whose subject is the key path (or "the file"), without the file and line. */
  readonly message: string;
}

/** A file with thousands of problems is listed this far, and counted past it. */
export const MAX_LISTED_PROBLEMS = 50;

/** Everything wrong with a desired-state file, one problem a line, found before any request. */
export class DesiredStateError extends Error {
  readonly file: string;
  /** Every problem, by line; the message lists the first MAX_LISTED_PROBLEMS. */
  readonly problems: readonly DesiredStateProblem[];

  constructor(file: string, problems: readonly DesiredStateProblem[]) {
    const sorted = [...problems].sort((a, b) => a.line - b.line);
    const more = sorted.length - MAX_LISTED_PROBLEMS;
    super(
      [
        `${file} has ${count(sorted.length, 'problem')}:`,
        ...sorted
          .slice(0, MAX_LISTED_PROBLEMS)
          .map(({ line, message }) => `${file}:${line}: ${message}`),
        ...(more > 0 ? [`…and ${count(more, 'more problem')}, not listed here.`] : []),
      ].join('\n'),
    );
    this.name = 'DesiredStateError';
    this.file = file;
    this.problems = sorted;
  }
}

export interface ResolvedService {
  readonly sid: string;
  /** The name the file gave the service by, or undefined when it gave the sid. */
  readonly name: string | undefined;
  /** The service's friendly name, as listing the services says. */
  readonly friendlyName: string;
  readonly desired: DesiredConfig;
  readonly line: number;
}

/**
 * Each entry's service among the account's: a name must be the friendly name of exactly one, a sid
 * must be one of them, and no service may be configured twice. Throws one DesiredStateError.
 */
export function resolveServices(
  state: DesiredState,
  services: readonly ServiceSummary[],
): ResolvedService[] {
  const problems: DesiredStateProblem[] = [];
  const report = (line: number, key: string, predicate: string) => {
    problems.push({ line, key, message: `${key} ${predicate}` });
  };
  const resolved: ResolvedService[] = [];
  const claimed = new Map<string, number>();
  state.services.forEach(({ ref, desired, line }, index) => {
    const path = `services[${index}]`;
    const service = find(ref, services, (key, predicate) => {
      report(line, `${path}.${key}`, predicate);
    });
    if (service === undefined) return;
    const first = claimed.get(service.sid);
    if (first !== undefined) {
      const other = state.services[first];
      report(
        line,
        path,
        `names service ${service.sid}, which services[${first}] (line ${other?.line ?? 0}) already configures: give each service one entry.`,
      );
      return;
    }
    claimed.set(service.sid, index);
    resolved.push({
      sid: service.sid,
      name: 'name' in ref ? ref.name : undefined,
      friendlyName: service.friendlyName,
      desired,
      line,
    });
  });
  if (problems.length > 0) throw new DesiredStateError(state.file, problems);
  return resolved;
}

function find(
  ref: ServiceRef,
  services: readonly ServiceSummary[],
  report: (key: 'sid' | 'name', predicate: string) => void,
): ServiceSummary | undefined {
  if ('sid' in ref) {
    // Twilio's SIDs allow either case of hex digit: a SID copied in the other case is the same service.
    const service = services.find(({ sid }) => sidKey(sid) === sidKey(ref.sid));
    if (service === undefined) {
      report('sid', `is ${ref.sid}, which is not a Conversations service of this account.`);
    }
    return service;
  }
  const matches = services.filter(({ friendlyName }) => friendlyName === ref.name);
  const [only] = matches;
  if (only !== undefined && matches.length === 1) return only;
  if (matches.length > 1) {
    report(
      'name',
      `is ${quote(ref.name)}, which ${matches.length} services have: ${matches.map(({ sid }) => sid).join(', ')}. Give the sid of the one meant instead.`,
    );
    return undefined;
  }
  const suggestion = closestMatch(
    ref.name,
    services.map(({ friendlyName }) => friendlyName),
  );
  const hint =
    suggestion !== undefined
      ? ` Did you mean ${quote(suggestion)}?`
      : services.length === 0
        ? ' The account has no Conversations services.'
        : '';
  report(
    'name',
    `is ${quote(ref.name)}, which is the friendly name of no Conversations service of this account.${hint}`,
  );
  return undefined;
}
