// The account around what the run manages, after the run: every service and the level whose hooks
// fire for its conversations, and every Address Configuration and where a message to it goes (the
// service it auto-creates into, and the webhook that hears it). The reports, the plan comment and
// the unmanaged policies read it.
import type { LiveAddress } from '../model/addresses.js';
import type {
  AddressLevel,
  AddressesReport,
  ServiceLevel,
  ServicesReport,
} from '../model/result.js';
import { sidKey } from '../model/values.js';
import type { LiveConfig, Resource } from '../model/webhook-config.js';
import type { Inventory } from './inventory.js';

/** A managed resource after the run. */
export interface After {
  readonly resource: Resource;
  readonly name: string | undefined;
  readonly config: LiveConfig | undefined;
}

/** A service's own configuration is set when it has a URL: then only its hooks fire. */
function overridesAccount(config: LiveConfig | undefined): boolean {
  return Boolean(config?.pre_webhook_url) || Boolean(config?.post_webhook_url);
}

/** Every Address Configuration of the account and where a message to it goes, after the run. */
export function addressesReport(
  inventory: Inventory,
  managedAfter: readonly After[],
): AddressesReport | undefined {
  if (inventory.addressProblem !== undefined) {
    return { listed: false, problem: inventory.addressProblem };
  }
  if (inventory.otherAddresses === undefined) return undefined;
  const level = (
    address: string,
    sid: string | undefined,
    config: LiveConfig | undefined,
    managed: boolean,
  ): AddressLevel => {
    const serviceSid = config?.['auto_creation.conversation_service_sid'] ?? null;
    const service =
      serviceSid === null
        ? undefined
        : inventory.services?.find((s) => sidKey(s.sid) === sidKey(serviceSid));
    return {
      address,
      sid,
      managed,
      enabled: config?.['auto_creation.enabled'] === 'true',
      autoCreationType: config?.['auto_creation.type'] ?? null,
      serviceSid,
      serviceName: service?.friendlyName,
      // Only a list that was read can tell that a service is not in it.
      dangling: serviceSid !== null && inventory.services !== undefined && service === undefined,
      webhookUrl: config?.['auto_creation.webhook_url'] ?? null,
    };
  };
  return {
    listed: true,
    servicesProblem: inventory.listProblem,
    addresses: [
      ...managedAfter.flatMap(({ resource, config }) =>
        resource.kind === 'address'
          ? [level(resource.address, config?.sid ?? resource.sid, config, true)]
          : [],
      ),
      ...inventory.otherAddresses.map(({ address, sid, config }: LiveAddress) =>
        level(address, sid, config, false),
      ),
    ],
  };
}

/** Every service of the account and the level whose hooks fire for it, after the run. */
export function servicesReport(
  inventory: Inventory,
  managedAfter: readonly After[],
  addresses: AddressesReport | undefined,
): ServicesReport | undefined {
  if (!inventory.overridesWanted) return undefined;
  if (inventory.listProblem !== undefined) return { listed: false, problem: inventory.listProblem };
  if (inventory.others === undefined) return undefined;
  const into = (sid: string): string[] =>
    addresses?.listed === true
      ? addresses.addresses
          .filter((a) => a.enabled && a.serviceSid !== null && sidKey(a.serviceSid) === sidKey(sid))
          .map((a) => a.address)
      : [];
  const level = (
    sid: string,
    name: string,
    config: LiveConfig | undefined,
    managed: boolean,
  ): ServiceLevel => ({
    sid,
    name,
    managed,
    fires: overridesAccount(config) ? 'service' : 'account',
    config,
    addresses: into(sid),
  });
  return {
    listed: true,
    services: [
      ...managedAfter.flatMap((m) =>
        m.resource.kind === 'service'
          ? [level(m.resource.serviceSid, m.name ?? '', m.config, true)]
          : [],
      ),
      ...inventory.others.map(({ service, config }) =>
        level(service.sid, service.friendlyName, config, false),
      ),
    ],
  };
}
