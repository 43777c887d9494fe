// What the run manages, resolved and fetched: the services list when it is needed (to resolve
// names, to check what addresses auto-create into, or to find the services that override a
// managed account-wide configuration), the Address Configurations when the file has some or the
// account-wide configuration is managed, every managed resource's live configuration, and the own
// configuration of every other service. Everything here happens before any update is sent, with at
// most max-concurrency requests at once.
import { mapBounded } from '../core/bounded.js';
import { resolveAddresses, resolveServices } from './resolve.js';
import type { ResolvedService } from './resolve.js';
import type { LiveAddress } from '../model/addresses.js';
import { DesiredStateError } from '../model/desired.js';
import type { DesiredSet, DesiredState, DesiredStateProblem, Wanted } from '../model/desired.js';
import { accountMismatch } from '../model/account-check.js';
import { fieldsOf } from '../model/fields.js';
import type { UnmanagedPolicy } from '../config/settings.js';
import type { TwilioApi } from '../twilio/client.js';
import { TwilioApiError } from '../twilio/errors.js';
import { SERVICE_SID, sidKey } from '../model/values.js';
import { isMissing } from '../model/webhook-config.js';
import type { LiveConfig, ServiceSummary } from '../model/webhook-config.js';

export interface Managed extends Wanted {
  readonly live: LiveConfig;
}

export interface Inventory {
  readonly managed: readonly Managed[];
  /** The other services and their own configurations; undefined when not looked at. */
  readonly others:
    readonly { readonly service: ServiceSummary; readonly config: LiveConfig }[] | undefined;
  /** Every service of the account; undefined when not listed. */
  readonly services: readonly ServiceSummary[] | undefined;
  /** Why the services could not be listed, when they could not. */
  readonly listProblem: string | undefined;
  /** Whether the services that override the account-wide configuration were to be found. */
  readonly overridesWanted: boolean;
  /** The Address Configurations the file does not declare; undefined when not looked at. */
  readonly otherAddresses: readonly LiveAddress[] | undefined;
  /** Why the Address Configurations could not be listed, when they could not. */
  readonly addressProblem: string | undefined;
}

interface InventoryOptions {
  readonly accountSid: string;
  readonly unmanagedServices: UnmanagedPolicy;
  readonly unmanagedAddresses: UnmanagedPolicy;
  readonly maxConcurrency: number;
}

export async function takeInventory(
  twilio: TwilioApi,
  desired: DesiredSet,
  options: InventoryOptions,
): Promise<Inventory> {
  const state = desired.kind === 'file' ? desired.state : undefined;
  const accountManaged =
    desired.kind === 'inputs'
      ? desired.wanted.resource.kind === 'account'
      : desired.state.account !== undefined;
  const declaresAddresses = (state?.addresses.length ?? 0) > 0;
  const byName = state !== undefined && namesServices(state);
  const lookAtOthers = accountManaged && options.unmanagedServices !== 'ignore';
  const lookAtAddresses =
    declaresAddresses || (accountManaged && options.unmanagedAddresses !== 'ignore');

  // A restricted key may not list: that weakens a check, it does not fail the run, unless the
  // list is needed to know what to manage. The two lists are read at once.
  const [services, addresses] = await Promise.all([
    listOrExplain(
      byName || lookAtOthers || lookAtAddresses ? () => twilio.listServices() : undefined,
      byName,
      'services',
    ),
    listOrExplain(
      lookAtAddresses ? () => twilio.listAddresses() : undefined,
      declaresAddresses,
      'Address Configurations',
    ),
  ]);

  const wanted = wantedOf(desired, services.items, addresses.items ?? []);
  const managed = await mapBounded(wanted, options.maxConcurrency, async (item) => {
    const live = item.live ?? (await twilio.fetchConfig(item.resource));
    // One not created yet has no answer to tie to an account.
    const wrongAccount = isMissing(item.resource)
      ? undefined
      : accountMismatch(live, options.accountSid);
    if (wrongAccount !== undefined) throw new Error(wrongAccount);
    return { resource: item.resource, name: item.name, desired: item.desired, live };
  });

  // A service declared by its SID with the hex digits in the other case is still declared.
  const declared = new Set(
    managed.flatMap((m) => (m.resource.kind === 'service' ? [sidKey(m.resource.serviceSid)] : [])),
  );
  const others =
    lookAtOthers && services.items !== undefined
      ? await mapBounded(
          services.items.filter((service) => !declared.has(sidKey(service.sid))),
          options.maxConcurrency,
          async (service) => ({
            service,
            config: await twilio.fetchConfig({ kind: 'service', serviceSid: service.sid }),
          }),
        )
      : undefined;
  const declaredAddresses = new Set(
    managed.flatMap((m) => (m.resource.kind === 'address' ? [m.resource.address] : [])),
  );
  return {
    managed,
    others,
    services: services.items,
    listProblem: services.problem,
    overridesWanted: lookAtOthers,
    otherAddresses: addresses.items?.filter(({ address }) => !declaredAddresses.has(address)),
    addressProblem: addresses.problem,
  };
}

/** Whether the file names a service by its friendly name: then the list must be read. */
function namesServices(state: DesiredState): boolean {
  return (
    state.services.some((s) => 'name' in s.ref) ||
    state.addresses.some(({ desired }) => {
      const ref = desired['auto_creation.conversation_service_sid'];
      return typeof ref === 'string' && !SERVICE_SID.test(ref);
    })
  );
}

async function listOrExplain<T>(
  list: (() => Promise<T[]>) | undefined,
  needed: boolean,
  what: string,
): Promise<{ items: T[] | undefined; problem: string | undefined }> {
  if (list === undefined) return { items: undefined, problem: undefined };
  try {
    return { items: await list(), problem: undefined };
  } catch (error) {
    if (
      needed ||
      !(error instanceof TwilioApiError) ||
      (error.status !== 401 && error.status !== 403)
    ) {
      throw error;
    }
    return { items: undefined, problem: `the credential may not list ${what} (${error.message})` };
  }
}

/** One resource to manage, with its live configuration when the lists already hold it. */
type WantedLive = Wanted & { readonly live: LiveConfig | undefined };

function wantedOf(
  desired: DesiredSet,
  services: readonly ServiceSummary[] | undefined,
  addresses: readonly LiveAddress[],
): WantedLive[] {
  if (desired.kind === 'inputs') return [{ ...desired.wanted, live: undefined }];
  const { state } = desired;
  const account: WantedLive[] =
    state.account === undefined
      ? []
      : [
          {
            resource: { kind: 'account' },
            name: undefined,
            desired: state.account,
            live: undefined,
          },
        ];
  // Every problem of the file at once: a service and an address may both be wrong.
  const problems: DesiredStateProblem[] = [];
  const collect = <T>(resolve: () => T[]): T[] => {
    try {
      return resolve();
    } catch (error) {
      if (!(error instanceof DesiredStateError)) throw error;
      problems.push(...error.problems);
      return [];
    }
  };
  const resolved = collect<Pick<ResolvedService, 'sid' | 'name' | 'desired'>>(() =>
    services === undefined
      ? state.services.map((entry) => ({
          sid: 'sid' in entry.ref ? entry.ref.sid : '',
          name: undefined,
          desired: entry.desired,
        }))
      : resolveServices(state, services),
  );
  const resolvedAddresses = collect(() => resolveAddresses(state, addresses, services));
  if (problems.length > 0) throw new DesiredStateError(state.file, problems);
  return [
    ...account,
    ...resolved.map((entry) => ({
      resource: { kind: 'service' as const, serviceSid: entry.sid },
      name: entry.name ?? services?.find((s) => sidKey(s.sid) === sidKey(entry.sid))?.friendlyName,
      desired: entry.desired,
      live: undefined,
    })),
    ...resolvedAddresses.map(({ resource, name, desired, live }) => ({
      resource,
      name,
      desired,
      // One not created yet has none of its fields set.
      live: live?.config ?? NOTHING_SET,
    })),
  ];
}

const NOTHING_SET: LiveConfig = Object.fromEntries(
  fieldsOf('address').map(({ field }) => [field, null]),
);
