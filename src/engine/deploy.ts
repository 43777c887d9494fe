// Apply mode: switch what differs, as safely as a careful person would by hand. Guards first
// (the Flex target, only-if-live), then a probe of every new URL, and only then the updates,
// at most max-concurrency at once, each verified (and rolled back when Twilio holds something else).
// A cancelled run, or one whose retries are spent on Twilio's concurrency limit, starts no new
// update, and says which resources were updated, which were not, and which are unknown.
import { mapBounded } from '../core/bounded.js';
import { isAborted } from '../http/cancellation.js';
import type { Clock } from '../core/clock.js';
import { heldBySomeoneElse, targetGuard, urlsToProbe } from './guards.js';
import type { Planned } from './guards.js';
import type { Managed } from './inventory.js';
import { spentOnOverload } from '../twilio/overload.js';
import { probe } from '../twilio/probe.js';
import type { ProbeTarget } from '../twilio/probe.js';
import type { ProbeResult } from '../model/result.js';
import { proxyFor } from '../http/proxy.js';
import { applyPlan, refused, skipped, withoutUpdate } from './reconcile.js';
import { createAddress } from './create-address.js';
import type { Explain, ResourceContext } from './reconcile.js';
import type { ResourceResult } from '../model/result.js';
import type { Settings } from '../config/settings.js';
import { count } from '../core/text.js';
import type { TwilioApi } from '../twilio/client.js';
import type { TwilioApiError } from '../twilio/errors.js';
import { createPool } from '../http/transport.js';
import { showUrl } from '../core/urls.js';
import { USER_AGENT } from '../core/version.js';
import { describeResource, hasWork } from '../model/webhook-config.js';
import type { DesiredConfig } from '../model/fields.js';

/** What a run did to the resources it manages, and the deploy's own findings. */
export interface Outcome {
  readonly resources: readonly ResourceResult[];
  readonly probed: readonly ProbeResult[];
  readonly skipped: string | undefined;
  readonly failures: readonly string[];
  /** Why the run stopped starting updates (cancelled, or Twilio's concurrency limit), counted. */
  readonly stopped: string | undefined;
}

interface DeployContext {
  /** The step's environment, for the proxy a probe goes through. */
  readonly env: NodeJS.ProcessEnv;
  /** Where each probe attempt is told. */
  readonly log: (message: string) => void;
  readonly clock: Clock;
  readonly explain: Explain;
  /** The values only-if-live says the live fields must have. */
  readonly onlyIfLive: DesiredConfig | undefined;
  /** Cancels the run: no update starts after it (the client lets those in flight finish). */
  readonly signal?: AbortSignal | undefined;
}

type PlannedResource = Managed & Planned;

/** Check mode: nothing is sent, each resource is reported as it is. */
export function checkOnly(planned: readonly PlannedResource[], settings: Settings): Outcome {
  return {
    resources: planned.map((p) =>
      withoutUpdate({ ...p, failOnDrift: settings.failOnDrift, rollback: false }, p.live, p.plan),
    ),
    probed: [],
    skipped: undefined,
    failures: [],
    stopped: undefined,
  };
}

export async function deploy(
  twilio: TwilioApi,
  planned: readonly PlannedResource[],
  settings: Settings,
  { env, log, clock, explain, onlyIfLive, signal }: DeployContext,
): Promise<Outcome> {
  const context = (p: PlannedResource): ResourceContext => ({
    resource: p.resource,
    name: p.name,
    desired: p.desired,
    failOnDrift: false,
    rollback: settings.deploy.rollback,
  });
  /** Nothing is sent: what differs is left as it is, for `why`. */
  const leaveAll = (why: string, how: typeof refused | typeof skipped) =>
    planned.map((p) =>
      !hasWork(p.resource, p.plan.diff)
        ? withoutUpdate(context(p), p.live, p.plan)
        : how(context(p), p.live, p.plan, why),
    );
  const none = { probed: [], skipped: undefined, failures: [], stopped: undefined };

  const guarded = targetGuard(planned, settings.deploy.allowTargetChange);
  if (guarded !== undefined) return { ...none, resources: leaveAll(guarded, refused) };

  const held =
    onlyIfLive === undefined
      ? undefined
      : planned.map((p) => heldBySomeoneElse(onlyIfLive, p)).find(Boolean);
  if (held !== undefined) {
    return {
      ...none,
      skipped: held,
      resources: planned.map((p) => skipped(context(p), p.live, p.plan, held)),
    };
  }

  const probed = settings.deploy.probe
    ? await probeNewUrls(planned, settings, { env, log }, clock, signal)
    : [];
  if (isAborted(signal)) {
    const resources = leaveAll(NOT_APPLIED.cancelled, skipped);
    return { ...none, probed, resources, stopped: stopLine({ kind: 'cancelled' }, resources) };
  }
  const failedProbes = probed.filter((p) => !p.passed);
  if (failedProbes.length > 0) {
    const why = `No update was sent: ${failedProbes.map(describeFailedProbe).join(' ')}`;
    return { ...none, probed, resources: leaveAll(why, refused) };
  }

  // Why no new update starts, once one of the two has happened; the first one stays.
  let stop: Stop | undefined;
  const stopped = (): Stop | undefined => {
    if (stop === undefined && isAborted(signal)) stop = { kind: 'cancelled' };
    return stop;
  };
  const watch = async <T>(p: PlannedResource, call: Promise<T>): Promise<T> => {
    try {
      return await call;
    } catch (error) {
      const overload = spentOnOverload(error);
      if (overload !== undefined) stop ??= { kind: 'overload', error: overload, resource: p };
      throw error;
    }
  };
  const resources = await mapBounded(planned, settings.maxConcurrency, async (p) => {
    const why = hasWork(p.resource, p.plan.diff) ? stopped() : undefined;
    if (why !== undefined) return skipped(context(p), p.live, p.plan, NOT_APPLIED[why.kind]);
    // This resource's calls, watched for retries spent on Twilio's concurrency limit.
    const watched: TwilioApi = {
      fetchConfig: (resource, purpose) => watch(p, twilio.fetchConfig(resource, purpose)),
      updateConfig: (resource, update) => watch(p, twilio.updateConfig(resource, update)),
      createAddress: (resource, fields) => watch(p, twilio.createAddress(resource, fields)),
      listServices: () => twilio.listServices(),
      listAddresses: () => watch(p, twilio.listAddresses()),
      close: () => twilio.close(),
    };
    const { resource } = p;
    return resource.kind === 'address' && resource.sid === undefined
      ? createAddress(watched, { ...context(p), resource }, p.live, p.plan, explain)
      : applyPlan(watched, context(p), p.live, p.plan, explain);
  });
  const why = stopped();
  return {
    ...none,
    probed,
    resources,
    stopped: why === undefined ? undefined : stopLine(why, resources),
  };
}

type Stop =
  | { readonly kind: 'cancelled' }
  | {
      readonly kind: 'overload';
      readonly error: TwilioApiError;
      readonly resource: PlannedResource;
    };

/** The note of a resource whose update was not sent because the run stopped. */
const NOT_APPLIED: Readonly<Record<Stop['kind'], string>> = {
  cancelled: 'Not applied: the run was cancelled before its update was sent.',
  overload:
    'Not applied: the run stopped on Twilio’s concurrency limit before its update was sent. Run again once the account is less busy.',
};

/** The run's failure when it stopped: what became of each resource, counted. */
function stopLine(stop: Stop, resources: readonly ResourceResult[]): string {
  const by = (test: (r: ResourceResult) => boolean) => resources.filter(test).length;
  const updated = by((r) => r.status === 'updated');
  const notApplied = by((r) => r.status === 'skipped');
  // A resource whose outcome Twilio could not be asked about has no configuration after the run.
  const unknown = by((r) => r.status === 'failed' && r.current === undefined);
  const failed = by((r) => r.status === 'failed' && r.current !== undefined);
  const tally = [
    `${updated} updated`,
    `${notApplied} not applied`,
    ...(unknown > 0 ? [`${unknown} unknown`] : []),
    ...(failed > 0 ? [`${failed} failed`] : []),
  ].join(', ');
  if (stop.kind === 'overload') {
    const { error, resource } = stop;
    return `Stopped on Twilio’s concurrency limit: the update of the ${describeResource(resource.resource)} was answered ${error.status} until its retries were spent (max-retries), so no new update was started (a re-run converges; changes spread over an overloaded account do not): ${tally}. Run again once the account is less busy.`;
  }
  const anySent = resources.some((r) => hasWork(r.resource, r.diff) && r.status !== 'skipped');
  return anySent
    ? `Cancelled: ${tally}.`
    : `Cancelled before anything was changed: ${count(notApplied, 'resource')} not applied.`;
}

/**
 * Every URL the plans switch a hook to, with the method it will be called with, or the health
 * endpoint instead: at most max-concurrency probes at once, as for Twilio.
 */
async function probeNewUrls(
  planned: readonly PlannedResource[],
  settings: Settings,
  { env, log }: Pick<DeployContext, 'env' | 'log'>,
  clock: Clock,
  signal: AbortSignal | undefined,
): Promise<ProbeResult[]> {
  const urls = urlsToProbe(planned.filter((p) => hasWork(p.resource, p.plan.diff)));
  if (urls.length === 0) return [];
  const targets: ProbeTarget[] =
    settings.deploy.probeUrl === undefined
      ? urls.map(({ url, kind, method }) => ({ url, kind, method }))
      : [{ url: settings.deploy.probeUrl, kind: 'health', method: 'GET' }];
  const { username, password } = settings.credentials;
  return mapBounded(targets, settings.maxConcurrency, async (target) => {
    const proxy = proxyFor(target.url, env);
    const dispatcher = createPool({ proxyUrl: proxy });
    try {
      return await probe(target, {
        dispatcher,
        clock,
        timeoutMs: settings.deploy.probeTimeoutMs,
        // Only the Auth Token signs as Twilio does; an API key's secret cannot.
        authToken: username.startsWith('AC') ? password : undefined,
        accountSid: settings.accountSid,
        userAgent: USER_AGENT,
        log,
        signal,
      });
    } finally {
      await dispatcher.close();
    }
  });
}

function describeFailedProbe(result: ProbeResult): string {
  return `the probe of ${showUrl(result.url)} did not pass after ${result.attempts} attempt${result.attempts === 1 ? '' : 's'} (${result.lastProblem ?? `last answer ${String(result.lastStatus)}`}).`;
}
