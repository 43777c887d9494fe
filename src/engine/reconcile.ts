// From a plan to a resource's result: in check mode nothing is sent; in apply mode one update
// with only the differing fields, whose answer is verified field by field. When the answer is
// lost, the resource is fetched again to learn what is true, rather than guessing; when what
// Twilio holds does not match, the fields changed are put back as they were (and checked).
import { CancelledRequest } from '../http/cancellation.js';
import { compare, describeDiff } from './plan.js';
import type { Plan } from './plan.js';
import type { FieldDiff } from '../model/result.js';
import type { ResourceResult } from '../model/result.js';
import type { TwilioApi } from '../twilio/client.js';
import { TransportError, TwilioApiError } from '../twilio/errors.js';
import { fieldSpec } from '../model/fields.js';
import type { DesiredConfig, FieldValue } from '../model/fields.js';
import { describeResource, isMissing } from '../model/webhook-config.js';
import type { Resource, LiveConfig } from '../model/webhook-config.js';

export interface ResourceContext {
  readonly resource: Resource;
  readonly name: string | undefined;
  readonly desired: DesiredConfig;
  readonly failOnDrift: boolean;
  /** Put the changed fields back when Twilio ends up holding something else. */
  readonly rollback: boolean;
}

/** Phrases an error for a person, with the advice the action's inputs suggest. */
export type Explain = (error: unknown) => string;

/** Check mode, or apply mode with nothing to do: no request beyond the fetch. */
export function withoutUpdate(
  context: ResourceContext,
  live: LiveConfig,
  plan: Plan,
): ResourceResult {
  const missing = isMissing(context.resource);
  const drifted = plan.diff.length > 0 || missing;
  return {
    ...before(context, live, plan),
    current: live,
    status: drifted ? 'drifted' : 'in-sync',
    changed: false,
    failure:
      !drifted || !context.failOnDrift
        ? undefined
        : missing
          ? `The ${describeResource(context.resource)} does not exist. Run in apply mode to create it, or take it out of the desired state.`
          : `The live ${describeDiff(plan.diff)}. Run in apply mode to fix it, or change the desired values.`,
  };
}

/** A resource left alone on purpose (a guard or only-if-live said so). */
export function skipped(
  context: ResourceContext,
  live: LiveConfig,
  plan: Plan,
  why: string,
): ResourceResult {
  return {
    ...before(context, live, plan),
    current: live,
    status: 'skipped',
    changed: false,
    notes: [why],
  };
}

/** A resource that failed before its update was sent (a probe, a guard). */
export function refused(
  context: ResourceContext,
  live: LiveConfig,
  plan: Plan,
  why: string,
): ResourceResult {
  return failed(context, live, plan, live, why);
}

/** Sends one update with only the differing fields, then checks every managed field in Twilio's answer. */
export async function applyPlan(
  twilio: TwilioApi,
  context: ResourceContext,
  live: LiveConfig,
  plan: Plan,
  explain: Explain,
): Promise<ResourceResult> {
  if (plan.diff.length === 0) return withoutUpdate(context, live, plan);
  const done = (current: LiveConfig, notes?: readonly string[]): ResourceResult => ({
    ...before(context, live, plan),
    current,
    status: 'updated',
    changed: true,
    notes,
  });
  const fail = (current: LiveConfig | undefined, why: string): ResourceResult =>
    failed(context, live, plan, current, why);

  /**
   * Twilio holds something else than was asked for: put back the previous values of the fields
   * the update changed (one more update, itself verified), and fail either way. A rollback whose
   * answer is lost is followed by a fetch, as an update is: the result says what Twilio holds.
   */
  const rollBack = async (holding: LiveConfig, why: string): Promise<ResourceResult> => {
    const restore = restoreOf(plan.diff);
    if (!context.rollback || Object.keys(restore).length === 0) return fail(holding, why);
    const fields = Object.keys(restore).join(', ');
    let lost: string;
    try {
      const answer = await twilio.updateConfig(context.resource, restore);
      const still = compare(restore, answer);
      return fail(
        answer,
        still.length === 0
          ? `${why} Rolled back: ${fields} restored to the values from before this run, and verified.`
          : `${why} The rollback of ${fields} did not verify either: ${describeDiff(still)}. Fix it by hand.`,
      );
    } catch (error) {
      if (definitelyNotApplied(error)) {
        return fail(
          holding,
          `${why} The rollback of ${fields} was not applied: ${explain(error)} Fix it by hand.`,
        );
      }
      lost = explain(error);
    }
    let now: LiveConfig;
    try {
      now = await twilio.fetchConfig(context.resource, 'outcome');
    } catch (error) {
      return fail(
        undefined,
        `${why} The rollback's answer was lost (${lost}) and fetching the configuration again failed too (${explain(error)}): whether Twilio applied the rollback of ${fields} is unknown. Check the configuration by hand.`,
      );
    }
    const still = compare(restore, now);
    return fail(
      now,
      still.length === 0
        ? `${why} Rolled back: ${fields} restored to the values from before this run; the rollback's answer was lost (${lost}), and fetching the configuration again shows it applied.`
        : `${why} The rollback's answer was lost (${lost}), and the configuration fetched again does not match the values from before this run: ${describeDiff(still)}. Fix it by hand.`,
    );
  };

  /** The update's answer was lost: fetch again and report what is true now. */
  const learnOutcome = async (lost: string): Promise<ResourceResult> => {
    let now: LiveConfig;
    try {
      now = await twilio.fetchConfig(context.resource, 'outcome');
    } catch (error) {
      return fail(
        undefined,
        `The update's answer was lost (${lost}) and fetching the configuration again failed too (${explain(error)}): whether Twilio applied the update is unknown. Run again to find out.`,
      );
    }
    const missing = compare(context.desired, now);
    if (missing.length === 0) {
      return done(now, [
        `The update's answer was lost (${lost}), but fetching the configuration again shows the update applied.`,
      ]);
    }
    if (compare(restoreOf(plan.diff), now).length === 0) {
      return fail(
        now,
        `The update was not applied: ${lost} Fetching the configuration again shows it unchanged.`,
      );
    }
    return rollBack(
      now,
      `The update's answer was lost (${lost}), and the configuration fetched again does not match: ${describeDiff(missing)}.`,
    );
  };

  let answer: LiveConfig;
  try {
    answer = await twilio.updateConfig(context.resource, plan.update);
  } catch (error) {
    return definitelyNotApplied(error)
      ? fail(live, `The update was not applied: ${explain(error)}`)
      : learnOutcome(explain(error));
  }
  const mismatches = compare(context.desired, answer);
  return mismatches.length === 0
    ? done(answer)
    : rollBack(
        answer,
        `Twilio accepted the update, but its answer does not match: ${describeDiff(mismatches)}.`,
      );
}

/** A refusal by Twilio, or a request that never left: nothing can have changed. */
export function definitelyNotApplied(error: unknown): boolean {
  if (error instanceof TwilioApiError) return !error.transient;
  return (
    (error instanceof TransportError || error instanceof CancelledRequest) && !error.mayHaveBeenSent
  );
}

/**
 * The values from before the run of the fields that differed, as an update. What the registry
 * cannot put back (a method or target that was never set cannot be sent as unset) is left out.
 */
function restoreOf(diff: readonly FieldDiff[]): DesiredConfig {
  const restore: Record<string, FieldValue> = {};
  for (const { field, actual } of diff) {
    const before = fieldSpec(field).restore(actual);
    if (before !== undefined) restore[field] = before;
  }
  return restore;
}

export function failed(
  context: ResourceContext,
  live: LiveConfig,
  plan: Plan,
  current: LiveConfig | undefined,
  failure: string,
): ResourceResult {
  return { ...before(context, live, plan), current, status: 'failed', changed: false, failure };
}

export function before(context: ResourceContext, live: LiveConfig, plan: Plan) {
  return {
    resource: context.resource,
    name: context.name,
    desired: context.desired,
    previous: live,
    diff: plan.diff,
  };
}
