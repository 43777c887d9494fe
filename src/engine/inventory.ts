// What the run manages, resolved and fetched: the services list when it is needed (to resolve
// names, or to find the services that override a managed account-wide configuration), every
// managed resource's live configuration, and the own configuration of every other service.
// Everything here happens before any update is sent, with at most max-concurrency requests at once.
import { mapBounded } from '../core/bounded.js';
import { resolveServices } from './resolve.js';
import type { DesiredSet, Wanted } from '../model/desired.js';
import { accountMismatch } from '../model/account-check.js';
import type { ServiceLevel, ServicesReport } from '../model/result.js';
import type { UnmanagedPolicy } from '../config/settings.js';
import type { TwilioApi } from '../twilio/client.js';
import { TwilioApiError } from '../twilio/errors.js';
import { sidKey } from '../model/webhook-config.js';
import type { Resource, ServiceSummary, WebhookConfig } from '../model/webhook-config.js';

export interface Managed extends Wanted {
  readonly live: WebhookConfig;
}

export interface Inventory {
  readonly managed: readonly Managed[];
  /** The other services and their own configurations; undefined when not looked at. */
  readonly others:
    readonly { readonly service: ServiceSummary; readonly config: WebhookConfig }[] | undefined;
  /** Why the services could not be listed, when they could not. */
  readonly listProblem: string | undefined;
}

interface InventoryOptions {
  readonly accountSid: string;
  readonly unmanagedServices: UnmanagedPolicy;
  readonly maxConcurrency: number;
}

export async function takeInventory(
  twilio: TwilioApi,
  desired: DesiredSet,
  options: InventoryOptions,
): Promise<Inventory> {
  const accountManaged =
    desired.kind === 'inputs'
      ? desired.wanted.resource.kind === 'account'
      : desired.state.account !== undefined;
  const byName = desired.kind === 'file' && desired.state.services.some((s) => 'name' in s.ref);
  const lookAtOthers = accountManaged && options.unmanagedServices !== 'ignore';

  let services: ServiceSummary[] | undefined;
  let listProblem: string | undefined;
  if (byName || lookAtOthers) {
    try {
      services = await twilio.listServices();
    } catch (error) {
      // A restricted key may not list services: that weakens the check, it does not fail the run,
      // unless names must be resolved from the list.
      if (
        byName ||
        !(error instanceof TwilioApiError) ||
        (error.status !== 401 && error.status !== 403)
      ) {
        throw error;
      }
      listProblem = `the credential may not list services (${error.message})`;
    }
  }

  const wanted = wantedOf(desired, services);
  const managed = await mapBounded(wanted, options.maxConcurrency, async (item) => {
    const live = await twilio.fetchConfig(item.resource);
    const wrongAccount = accountMismatch(live, options.accountSid);
    if (wrongAccount !== undefined) throw new Error(wrongAccount);
    return { ...item, live };
  });

  // A service declared by its SID with the hex digits in the other case is still declared.
  const declared = new Set(
    managed.flatMap((m) => (m.resource.kind === 'service' ? [sidKey(m.resource.serviceSid)] : [])),
  );
  const others =
    lookAtOthers && services !== undefined
      ? await mapBounded(
          services.filter((service) => !declared.has(sidKey(service.sid))),
          options.maxConcurrency,
          async (service) => ({
            service,
            config: await twilio.fetchConfig({ kind: 'service', serviceSid: service.sid }),
          }),
        )
      : undefined;
  return { managed, others, listProblem };
}

function wantedOf(desired: DesiredSet, services: readonly ServiceSummary[] | undefined): Wanted[] {
  if (desired.kind === 'inputs') return [desired.wanted];
  const { state } = desired;
  const account: Wanted[] =
    state.account === undefined
      ? []
      : [{ resource: { kind: 'account' }, name: undefined, desired: state.account }];
  const resolved =
    services === undefined
      ? state.services.map((entry) => ({
          sid: 'sid' in entry.ref ? entry.ref.sid : '',
          name: undefined,
          desired: entry.desired,
        }))
      : resolveServices(state, services);
  return [
    ...account,
    ...resolved.map((entry) => ({
      resource: { kind: 'service' as const, serviceSid: entry.sid },
      name: entry.name ?? services?.find((s) => sidKey(s.sid) === sidKey(entry.sid))?.friendlyName,
      desired: entry.desired,
    })),
  ];
}

/** A service's own configuration is set when it has a URL: then only its hooks fire. */
function overridesAccount(config: WebhookConfig): boolean {
  return Boolean(config.pre_webhook_url) || Boolean(config.post_webhook_url);
}

/** Every service of the account and the level whose hooks fire for it, after the run. */
export function servicesReport(
  inventory: Inventory,
  managedAfter: readonly {
    readonly resource: Resource;
    readonly name: string | undefined;
    readonly config: WebhookConfig | undefined;
  }[],
): ServicesReport | undefined {
  if (inventory.listProblem !== undefined) return { listed: false, problem: inventory.listProblem };
  if (inventory.others === undefined) return undefined;
  const levels: ServiceLevel[] = [
    ...managedAfter.flatMap((m) =>
      m.resource.kind === 'service'
        ? [
            {
              sid: m.resource.serviceSid,
              name: m.name ?? '',
              managed: true,
              fires:
                m.config !== undefined && overridesAccount(m.config)
                  ? ('service' as const)
                  : ('account' as const),
              config: m.config,
            },
          ]
        : [],
    ),
    ...inventory.others.map(({ service, config }) => ({
      sid: service.sid,
      name: service.friendlyName,
      managed: false,
      fires: overridesAccount(config) ? ('service' as const) : ('account' as const),
      config,
    })),
  ];
  return { listed: true, services: levels };
}
