// Apply mode: switch what differs, as safely as a careful person would by hand. Guards first
// (the Flex target, only-if-live), then a probe of every new URL, and only then the updates,
// at most max-concurrency at once, each verified (and rolled back when Twilio holds something else).
import { mapBounded } from './bounded.js';
import type { Clock } from './clock.js';
import { heldBySomeoneElse, targetGuard, urlsToProbe } from './guards.js';
import type { Planned } from './guards.js';
import type { Managed } from './inventory.js';
import { probe, shownUrl } from './probe.js';
import type { ProbeResult, ProbeTarget } from './probe.js';
import { proxyFor } from './proxy.js';
import { applyPlan, refused, skipped, withoutUpdate } from './reconcile.js';
import type { Explain, ResourceContext } from './reconcile.js';
import type { ResourceResult } from './result.js';
import type { Runner } from './runner.js';
import type { Settings } from './settings.js';
import type { TwilioClient } from './twilio-client.js';
import { Agent, ProxyAgent } from './undici.js';
import { USER_AGENT } from './version.js';
import type { DesiredConfig } from './webhook-config.js';

/** What a run did to the resources it manages, and the deploy's own findings. */
export interface Outcome {
  readonly resources: readonly ResourceResult[];
  readonly probed: readonly ProbeResult[];
  readonly skipped: string | undefined;
  readonly failures: readonly string[];
}

interface DeployContext {
  readonly runner: Runner;
  readonly clock: Clock;
  readonly explain: Explain;
  /** The values only-if-live says the live fields must have. */
  readonly onlyIfLive: DesiredConfig | undefined;
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
  };
}

export async function deploy(
  twilio: TwilioClient,
  planned: readonly PlannedResource[],
  settings: Settings,
  { runner, clock, explain, onlyIfLive }: DeployContext,
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
      p.plan.diff.length === 0
        ? withoutUpdate(context(p), p.live, p.plan)
        : how(context(p), p.live, p.plan, why),
    );
  const none = { probed: [], skipped: undefined, failures: [] };

  const guarded = targetGuard(planned, settings.deploy.allowTargetChange);
  if (guarded !== undefined) return { ...none, resources: leaveAll(guarded, refused) };

  const held =
    onlyIfLive === undefined
      ? undefined
      : planned.map((p) => heldBySomeoneElse(onlyIfLive, p.live)).find(Boolean);
  if (held !== undefined) {
    runner.annotate('notice', held, 'Twilio webhooks left alone');
    return {
      ...none,
      skipped: held,
      resources: planned.map((p) => skipped(context(p), p.live, p.plan, held)),
    };
  }

  const probed = settings.deploy.probe ? await probeNewUrls(planned, settings, runner, clock) : [];
  const failedProbes = probed.filter((p) => !p.passed);
  if (failedProbes.length > 0) {
    const why = `No update was sent: ${failedProbes.map(describeFailedProbe).join(' ')}`;
    return { ...none, probed, resources: leaveAll(why, refused) };
  }

  const resources = await mapBounded(planned, settings.maxConcurrency, (p) =>
    applyPlan(
      {
        fetch: () => twilio.fetchConfig(p.resource),
        update: (update) => twilio.updateConfig(p.resource, update),
      },
      context(p),
      p.live,
      p.plan,
      explain,
    ),
  );
  return { ...none, probed, resources };
}

/** Every URL the plans switch a hook to, or the health endpoint instead, probed side by side. */
async function probeNewUrls(
  planned: readonly PlannedResource[],
  settings: Settings,
  runner: Runner,
  clock: Clock,
): Promise<ProbeResult[]> {
  const urls = urlsToProbe(planned.filter((p) => p.plan.diff.length > 0));
  if (urls.length === 0) return [];
  const targets: ProbeTarget[] =
    settings.deploy.probeUrl === undefined
      ? urls.map(({ url, kind, method }) => ({ url, kind, method }))
      : [{ url: settings.deploy.probeUrl, kind: 'health', method: 'GET' }];
  const { username, password } = settings.credentials;
  return Promise.all(
    targets.map(async (target) => {
      const proxy = proxyFor(target.url, runner.env);
      const dispatcher = proxy === undefined ? new Agent() : new ProxyAgent(proxy);
      try {
        return await probe(target, {
          dispatcher,
          clock,
          timeoutMs: settings.deploy.probeTimeoutMs,
          // Only the Auth Token signs as Twilio does; an API key's secret cannot.
          authToken: username.startsWith('AC') ? password : undefined,
          accountSid: settings.accountSid,
          userAgent: USER_AGENT,
          log: (message) => {
            runner.info(message);
          },
        });
      } finally {
        await dispatcher.close();
      }
    }),
  );
}

function describeFailedProbe(result: ProbeResult): string {
  return `the probe of ${shownUrl(result.url)} did not pass after ${result.attempts} attempt${result.attempts === 1 ? '' : 's'} (${result.lastProblem ?? `last answer ${String(result.lastStatus)}`}).`;
}
