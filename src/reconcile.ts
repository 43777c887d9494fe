// From a plan to a result: in check mode nothing is sent; in apply mode one update with only the
// differing fields, whose answer is verified field by field. When the answer is lost, the
// resource is fetched again to learn what is true, rather than guessing.
import { compare, describeDiff } from './plan.js';
import type { Plan } from './plan.js';
import type { RunResult } from './result.js';
import type { Settings } from './settings.js';
import { TransportError, TwilioApiError } from './twilio-errors.js';
import type { DesiredConfig, WebhookConfig } from './webhook-config.js';

/** One resource, as the reconciler needs it. */
export interface ResourceAccess {
  fetch(): Promise<WebhookConfig>;
  update(update: DesiredConfig): Promise<WebhookConfig>;
}

export type RunContext = Pick<
  Settings,
  'mode' | 'resource' | 'accountSid' | 'desired' | 'failOnDrift'
>;

/** Phrases an error for a person, with the advice the action's inputs suggest. */
export type Explain = (error: unknown) => string;

/** Twilio answers for the account the credential belongs to; an API key of another account must not pass silently. */
export function accountMismatch(live: WebhookConfig, accountSid: string): string | undefined {
  if (live.account_sid === null || live.account_sid === accountSid) return undefined;
  return `Twilio answered for account ${live.account_sid}, not account-sid ${accountSid}: the credentials belong to another account. Nothing was changed.`;
}

/** Check mode, or apply mode with nothing to do: no request beyond the fetch. */
export function withoutUpdate(context: RunContext, live: WebhookConfig, plan: Plan): RunResult {
  const drifted = plan.diff.length > 0;
  const failure =
    drifted && context.failOnDrift
      ? `The live ${describeDiff(plan.diff)}. Run in apply mode to fix it, or change the desired values.`
      : undefined;
  return {
    ...before(context, live, plan),
    current: live,
    verdict: drifted ? 'drifted' : 'in-sync',
    changed: false,
    ...(failure === undefined ? {} : { failure }),
  };
}

/** Sends one update with only the differing fields, then checks every managed field in Twilio's answer. */
export async function applyPlan(
  access: ResourceAccess,
  context: RunContext,
  live: WebhookConfig,
  plan: Plan,
  explain: Explain,
): Promise<RunResult> {
  if (plan.diff.length === 0) return withoutUpdate(context, live, plan);
  let answer: WebhookConfig;
  try {
    answer = await access.update(plan.update);
  } catch (error) {
    return definitelyNotApplied(error)
      ? failed(context, live, plan, live, `The update was not applied: ${explain(error)}`)
      : learnOutcome(access, context, live, plan, explain(error), explain);
  }
  const mismatches = compare(context.desired, answer);
  if (mismatches.length > 0) {
    return failed(
      context,
      live,
      plan,
      answer,
      `Twilio accepted the update, but its answer does not match: ${describeDiff(mismatches)}.`,
    );
  }
  return { ...before(context, live, plan), current: answer, verdict: 'updated', changed: true };
}

/** A refusal by Twilio, or a request that never left: nothing can have changed. */
function definitelyNotApplied(error: unknown): boolean {
  if (error instanceof TwilioApiError) return !error.transient;
  return error instanceof TransportError && !error.mayHaveBeenSent;
}

/** The update's answer was lost: fetch again and report what is true now. */
async function learnOutcome(
  access: ResourceAccess,
  context: RunContext,
  live: WebhookConfig,
  plan: Plan,
  lost: string,
  explain: Explain,
): Promise<RunResult> {
  let now: WebhookConfig;
  try {
    now = await access.fetch();
  } catch (error) {
    return failed(
      context,
      live,
      plan,
      undefined,
      `The update's answer was lost (${lost}) and fetching the configuration again failed too (${explain(error)}): whether Twilio applied the update is unknown. Run again to find out.`,
    );
  }
  const missing = compare(context.desired, now);
  if (missing.length === 0) {
    return {
      ...before(context, live, plan),
      current: now,
      verdict: 'updated',
      changed: true,
      notes: [
        `The update's answer was lost (${lost}), but fetching the configuration again shows the update applied.`,
      ],
    };
  }
  const unchanged = compare(context.desired, live).length === missing.length;
  return failed(
    context,
    live,
    plan,
    now,
    unchanged
      ? `The update was not applied: ${lost} Fetching the configuration again shows it unchanged.`
      : `The update's answer was lost (${lost}), and the configuration fetched again does not match: ${describeDiff(missing)}.`,
  );
}

function failed(
  context: RunContext,
  live: WebhookConfig,
  plan: Plan,
  current: WebhookConfig | undefined,
  failure: string,
): RunResult {
  return { ...before(context, live, plan), current, verdict: 'failed', changed: false, failure };
}

function before(context: RunContext, live: WebhookConfig, plan: Plan) {
  return {
    mode: context.mode,
    resource: context.resource,
    accountSid: context.accountSid,
    desired: context.desired,
    previous: live,
    diff: plan.diff,
  };
}
