// Each service a desired-state file names, found among the account's services: by its SID (in
// either case of hex digit) or by a friendly name exactly one service has. Each address, found
// among the account's Address Configurations, with the service it auto-creates into resolved the
// same way: a reference to a service that does not exist is refused before anything is sent.
import { closestMatch } from '../core/suggest.js';
import { quote } from '../core/text.js';
import type { LiveAddress } from '../model/addresses.js';
import { DesiredStateError } from '../model/desired.js';
import type { DesiredState, DesiredStateProblem, ServiceRef } from '../model/desired.js';
import { fieldsOf } from '../model/fields.js';
import type { DesiredConfig } from '../model/fields.js';
import { SERVICE_SID, sidKey } from '../model/values.js';
import type { Resource, ServiceSummary } from '../model/webhook-config.js';

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

export interface ResolvedAddress {
  readonly resource: Extract<Resource, { kind: 'address' }>;
  /** Its live friendly name, or the one the file gives it. */
  readonly name: string | undefined;
  /** With the conversation service as its SID. */
  readonly desired: DesiredConfig;
  /** What Twilio has now; undefined when the address has no configuration yet. */
  readonly live: LiveAddress | undefined;
}

const SERVICE_FIELD = 'auto_creation.conversation_service_sid';

/**
 * Each address among the account's: one that does not exist yet needs a type to be created with,
 * one that exists keeps its type, and the service it auto-creates into must be one of the
 * account's (`services` undefined: they could not be listed, and a SID is taken on trust). Throws
 * one DesiredStateError.
 */
export function resolveAddresses(
  state: DesiredState,
  live: readonly LiveAddress[],
  services: readonly ServiceSummary[] | undefined,
): ResolvedAddress[] {
  const problems: DesiredStateProblem[] = [];
  const resolved = state.addresses.flatMap(
    ({ address, type, desired, line, serviceLine }, index) => {
      const path = `addresses[${index}]`;
      const report = (key: string, predicate: string, at = line) => {
        problems.push({ line: at, key, message: `${key} ${predicate}` });
      };
      const found = live.find((candidate) => candidate.address === address);
      if (found !== undefined && type !== undefined && found.type.toLowerCase() !== type) {
        report(
          `${path}.type`,
          `is ${type}, but ${quote(address)} exists as type ${found.type.toLowerCase()} (${found.sid}), and an address's type cannot change: write type: ${found.type.toLowerCase()}.`,
        );
      }
      const addressType = found?.type ?? type;
      if (addressType === undefined) {
        report(
          path,
          `is ${quote(address)}, which has no Address Configuration in this account yet, and its type is unknown: give type to create it.`,
        );
      }
      typeMismatches(desired, found?.config['auto_creation.type'] ?? undefined).forEach(
        ({ key, type: own, liveType }) => {
          report(
            `${path}.auto-creation.${key}`,
            `belongs to type ${own}, but ${liveType === undefined ? `${quote(address)} is not created yet` : `the live type is ${liveType}`} and the entry does not set one: add type: ${own} to auto-creation.`,
          );
        },
      );
      const ref = desired[SERVICE_FIELD];
      const service =
        typeof ref !== 'string' || services === undefined
          ? undefined
          : find(SERVICE_SID.test(ref) ? { sid: ref } : { name: ref }, services, (_, predicate) => {
              report(`${path}.auto-creation.conversation-service`, predicate, serviceLine);
            });
      if (
        addressType === undefined ||
        (typeof ref === 'string' && services !== undefined && service === undefined)
      ) {
        return [];
      }
      return [
        {
          resource: { kind: 'address' as const, address, addressType, sid: found?.sid },
          name: found?.config.friendly_name ?? desired.friendly_name ?? undefined,
          desired: service === undefined ? desired : { ...desired, [SERVICE_FIELD]: service.sid },
          live: found,
        },
      ];
    },
  );
  if (problems.length > 0) throw new DesiredStateError(state.file, problems);
  return resolved;
}

/**
 * The fields of one auto-creation type an entry manages without setting the type, while the
 * address has another: Twilio would keep them and answer without them, so they could never
 * verify.
 */
function typeMismatches(
  desired: DesiredConfig,
  liveType: string | undefined,
): { key: string; type: string; liveType: string | undefined }[] {
  if (desired['auto_creation.type'] !== undefined) return [];
  return fieldsOf('address').flatMap((spec) =>
    'autoCreation' in spec && spec.field in desired && spec.autoCreation !== liveType
      ? [{ key: spec.key.slice(spec.key.indexOf('.') + 1), type: spec.autoCreation, liveType }]
      : [],
  );
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
