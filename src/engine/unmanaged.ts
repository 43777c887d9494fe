// The unmanaged-services policy (`unmanaged-services: warn | fail | ignore`) in one place: which
// services nobody declared override the account-wide hooks (for their conversations only their
// own hooks fire), and what the run says of them. The inventory lists them unless the policy is
// ignore; the report, the plan comment and the verdict read them from here.
import { count } from '../core/text.js';
import { showUrl } from '../core/urls.js';
import { HOOK_FIELDS } from '../model/fields.js';
import type { ServiceLevel, ServicesReport } from '../model/result.js';
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
