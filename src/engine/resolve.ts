// Each service a desired-state file names, found among the account's services: by its SID (in
// either case of hex digit) or by a friendly name exactly one service has.
import { closestMatch } from '../core/suggest.js';
import { quote } from '../core/text.js';
import { DesiredStateError } from '../model/desired.js';
import type { DesiredState, DesiredStateProblem, ServiceRef } from '../model/desired.js';
import type { DesiredConfig } from '../model/fields.js';
import { sidKey } from '../model/webhook-config.js';
import type { ServiceSummary } from '../model/webhook-config.js';

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
