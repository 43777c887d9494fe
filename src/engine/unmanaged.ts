// The unmanaged-services and unmanaged-addresses policies (`warn | fail | ignore`) in one place:
// which services nobody declared override the account-wide hooks (for their conversations only
// their own hooks fire), which Address Configurations nobody declared auto-create conversations,
// which addresses point at a service that does not exist, and what the run says of them. The
// inventory lists them unless the policy is ignore; the report, the plan comment and the verdict
// read them from here.
import { count } from '../core/text.js';
import { showUrl } from '../core/urls.js';
import { HOOK_FIELDS } from '../model/fields.js';
import type {
  AddressLevel,
  AddressesReport,
  ServiceLevel,
  ServicesReport,
} from '../model/result.js';
import type { UnmanagedPolicy } from '../config/settings.js';

/** The services nobody declared whose own configuration overrides the account-wide one. */
export function overriding(report: ServicesReport | undefined): readonly ServiceLevel[] {
  return report?.listed === true
    ? report.services.filter((service) => !service.managed && service.fires === 'service')
    : [];
}

/** Under "fail", a service nobody declared that overrides the account-wide configuration fails the run. */
export function unmanagedFailures(
  report: ServicesReport | undefined,
  policy: UnmanagedPolicy,
): string[] {
  const services = overriding(report);
  if (policy !== 'fail' || services.length === 0) return [];
  return [
    `${count(services.length, 'service')} not declared override${services.length === 1 ? 's' : ''} the account-wide configuration (unmanaged-services: fail): ${services.map((s) => s.sid).join(', ')}.`,
  ];
}

/** One warning per service nobody declared that overrides the account-wide configuration. */
export function unmanagedWarnings(
  report: ServicesReport | undefined,
  file: string | undefined,
): string[] {
  if (report === undefined) return [];
  if (!report.listed) {
    return [
      `Could not check for services that override the account-wide configuration: ${report.problem}. Give the credential permission to list Conversations services, or set unmanaged-services: ignore.`,
    ];
  }
  return overriding(report).map(
    (s) =>
      `Service ${s.sid}${s.name === '' ? '' : ` (${s.name})`} is not declared${file === undefined ? '' : ` in ${file}`} and has its own webhook configuration (${ownHooks(s)}): it overrides the account-wide configuration, so for its conversations only its own hooks fire.`,
  );
}

/** "post-webhook-url https://***@hooks.example/x": the hooks a service set itself. */
export function ownHooks({ config }: ServiceLevel): string {
  return HOOK_FIELDS.flatMap(({ field, key }) => {
    const url = config?.[field];
    return url ? [`${key} ${showUrl(url)}`] : [];
  }).join(', ');
}

/** The Address Configurations nobody declared that auto-create conversations. */
export function autoCreating(report: AddressesReport | undefined): readonly AddressLevel[] {
  return report?.listed === true
    ? report.addresses.filter((address) => !address.managed && address.enabled)
    : [];
}

/** Under "fail", an address nobody declared that auto-creates conversations fails the run. */
export function unmanagedAddressFailures(
  report: AddressesReport | undefined,
  policy: UnmanagedPolicy,
): string[] {
  const addresses = autoCreating(report);
  if (policy !== 'fail' || addresses.length === 0) return [];
  return [
    `${count(addresses.length, 'Address Configuration')} not declared auto-create${addresses.length === 1 ? 's' : ''} conversations (unmanaged-addresses: fail): ${addresses.map((a) => a.address).join(', ')}.`,
  ];
}

/**
 * One warning per address nobody declared that auto-creates conversations (unless the policy is
 * ignore), and one per address whose service does not exist, declared or not: Twilio keeps such
 * a reference (IHARC/STEVI#29), and a message to the address then finds no service.
 */
export function addressWarnings(
  report: AddressesReport | undefined,
  file: string | undefined,
  policy: UnmanagedPolicy,
): string[] {
  if (report === undefined) return [];
  if (!report.listed) {
    return [
      `Could not check the Address Configurations: ${report.problem}. Give the credential permission to list them, or set unmanaged-addresses: ignore.`,
    ];
  }
  const unmanaged = policy === 'ignore' ? [] : autoCreating(report);
  const dangling = report.addresses
    .filter((a) => a.dangling && !unmanaged.includes(a))
    .map(
      (a) =>
        // What Twilio does with a message to it is not established: the warning says only what is known.
        `Address Configuration ${a.address} auto-creates into service ${a.serviceSid ?? ''}, which is not a Conversations service of this account${a.enabled ? '' : ' (auto-creation is off)'}: point it at a service of the account.`,
    );
  const unchecked =
    report.servicesProblem === undefined
      ? []
      : [
          `Could not check that the services the Address Configurations auto-create into exist: ${report.servicesProblem}.`,
        ];
  return [
    ...unchecked,
    ...unmanaged.map(
      (a) =>
        `Address Configuration ${a.address}${a.sid === undefined ? '' : ` (${a.sid})`} is not declared${file === undefined ? '' : ` in ${file}`} and auto-creates conversations ${whereTo(a)}.`,
    ),
    ...dangling,
  ];
}

/** "in service IS… (Support), with webhook https://***@hooks.example/x": where a message goes. */
export function whereTo(address: AddressLevel): string {
  const service =
    address.serviceSid === null
      ? "in the account's default service"
      : address.dangling
        ? `in service ${address.serviceSid}, which is not a Conversations service of this account`
        : `in service ${address.serviceSid}${address.serviceName === undefined || address.serviceName === '' ? '' : ` (${address.serviceName})`}`;
  const hook =
    address.autoCreationType === 'webhook' && address.webhookUrl !== null
      ? `, with webhook ${showUrl(address.webhookUrl)}`
      : address.autoCreationType === 'studio'
        ? ', handed to a Studio Flow'
        : '';
  return `${service}${hook}`;
}
