// Pure checks a deploy makes before it writes anything: the Flex guard, only-if-live, and which
// new URLs must be probed first.
import { compare, describeDiff } from './plan.js';
import type { Plan } from './plan.js';
import { describeResource } from '../model/webhook-config.js';
import { fieldsOf, HOOK_FIELDS } from '../model/fields.js';
import type { DesiredConfig } from '../model/fields.js';
import type { Resource, LiveConfig } from '../model/webhook-config.js';

export interface Planned {
  readonly resource: Resource;
  readonly live: LiveConfig;
  readonly plan: Plan;
}

/**
 * Changing target between webhook and flex reroutes every conversation of the account, so it
 * needs allow-target-change. The reason nothing may be written, or undefined.
 */
export function targetGuard(planned: readonly Planned[], allowed: boolean): string | undefined {
  if (allowed) return undefined;
  // An account that never set a target routes to webhooks: setting it to webhook changes nothing.
  const routedTo = (p: Planned) => p.live.target ?? 'webhook';
  const change = planned.find(
    (p) => p.plan.update.target !== undefined && p.plan.update.target !== routedTo(p),
  );
  if (change === undefined) return undefined;
  return `The plan changes target from ${routedTo(change)} to ${change.plan.update.target ?? ''}, which reroutes every conversation of the account. Nothing was sent: set allow-target-change: true to make this change on purpose.`;
}

/**
 * Who holds the fields now, when the live values are not the ones only-if-live expects. Only a
 * resource that has every expected field is held to them: an address has no pre-webhook-url.
 */
export function heldBySomeoneElse(
  expected: DesiredConfig,
  { resource, live }: Pick<Planned, 'resource' | 'live'>,
): string | undefined {
  const fields: readonly string[] = fieldsOf(resource.kind).map(({ field }) => field);
  if (!Object.keys(expected).every((field) => fields.includes(field))) return undefined;
  const different = compare(expected, live);
  if (different.length === 0) return undefined;
  return `only-if-live: the live ${describeDiff(different).replace(/\(desired /g, '(expected ')}. Someone else holds it now, so nothing was sent.`;
}

interface UrlToProbe {
  readonly url: string;
  readonly kind: 'pre' | 'post';
  readonly method: 'GET' | 'POST';
  readonly resource: string;
}

/**
 * Every URL a plan switches a hook to (clearing one needs no probe), once for each method Twilio
 * will call it with: an endpoint may answer a GET and refuse a POST.
 */
export function urlsToProbe(planned: readonly Planned[]): UrlToProbe[] {
  const urls = new Map<string, UrlToProbe>();
  for (const { resource, plan, live } of planned) {
    for (const { field, hook: kind, calledWith } of HOOK_FIELDS) {
      const url = plan.update[field];
      // The method Twilio will call the hook with once the update is in.
      const method =
        (plan.update[calledWith] ?? live[calledWith] ?? 'POST').toUpperCase() === 'GET'
          ? 'GET'
          : 'POST';
      if (typeof url !== 'string' || url === '' || urls.has(`${method} ${url}`)) continue;
      urls.set(`${method} ${url}`, { url, kind, method, resource: describeResource(resource) });
    }
  }
  return [...urls.values()];
}
