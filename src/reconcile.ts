import { errorMessage } from './errors.js';
import { compare } from './plan.js';
import type { FieldDiff, Plan } from './plan.js';
import type { Mode, Settings } from './settings.js';
import type { DesiredConfig, Resource, WebhookConfig } from './webhook-config.js';

export type Verdict = 'in-sync' | 'drifted' | 'updated' | 'failed';

/** What a run found and did: everything the outputs, the summary and a drift issue are made from. */
export interface RunResult {
  readonly mode: Mode;
  readonly resource: Resource;
  readonly accountSid: string;
  readonly desired: DesiredConfig;
  readonly previous: WebhookConfig;
  /** How the live configuration differed from the desired one before this run. */
  readonly diff: readonly FieldDiff[];
  /** The configuration after the run, as Twilio last described it. */
  readonly current: WebhookConfig;
  readonly verdict: Verdict;
  readonly changed: boolean;
  /** Set when the step must fail: why, in words a person can act on. */
  readonly failure?: string;
}

export interface WebhookWriter {
  updateConfig(update: DesiredConfig): Promise<WebhookConfig>;
}

type RunContext = Pick<Settings, 'mode' | 'resource' | 'accountSid' | 'desired' | 'failOnDrift'>;

/** Twilio answers for the account the credential belongs to; an API key of another account must not pass silently. */
export function accountMismatch(live: WebhookConfig, accountSid: string): string | undefined {
  if (live.account_sid === null || live.account_sid === accountSid) return undefined;
  return `Twilio answered for account ${live.account_sid}, not account-sid ${accountSid}: the credentials belong to another account. Nothing was changed.`;
}

/** Check mode, or apply mode with nothing to do: no request beyond the fetch. */
export function withoutUpdate(settings: RunContext, live: WebhookConfig, plan: Plan): RunResult {
  const drifted = plan.diff.length > 0;
  const failure =
    drifted && settings.failOnDrift
      ? `The live ${describeDiff(plan.diff)}. Run in apply mode to fix it, or change the desired values.`
      : undefined;
  return {
    ...base(settings, live, plan),
    current: live,
    verdict: drifted ? 'drifted' : 'in-sync',
    changed: false,
    ...(failure === undefined ? {} : { failure }),
  };
}

/** Sends one update with only the differing fields, then checks every managed field in Twilio's answer. */
export async function applyPlan(
  writer: WebhookWriter,
  settings: RunContext,
  live: WebhookConfig,
  plan: Plan,
): Promise<RunResult> {
  if (plan.diff.length === 0) return withoutUpdate(settings, live, plan);
  let answer: WebhookConfig;
  try {
    answer = await writer.updateConfig(plan.update);
  } catch (error) {
    return {
      ...base(settings, live, plan),
      current: live,
      verdict: 'failed',
      changed: false,
      failure: `The update was not applied: ${errorMessage(error)}`,
    };
  }
  const mismatches = compare(settings.desired, answer);
  if (mismatches.length > 0) {
    return {
      ...base(settings, live, plan),
      current: answer,
      verdict: 'failed',
      changed: false,
      failure: `Twilio accepted the update, but its answer does not match: ${describeDiff(mismatches)}.`,
    };
  }
  return { ...base(settings, live, plan), current: answer, verdict: 'updated', changed: true };
}

function base(settings: RunContext, live: WebhookConfig, plan: Plan) {
  return {
    mode: settings.mode,
    resource: settings.resource,
    accountSid: settings.accountSid,
    desired: settings.desired,
    previous: live,
    diff: plan.diff,
  };
}

export function describeDiff(diff: readonly FieldDiff[]): string {
  const fields = diff.map(
    ({ field, actual, desired }) =>
      `${field} is ${JSON.stringify(actual)} (desired ${JSON.stringify(desired)})`,
  );
  return `configuration differs in ${diff.length} field${diff.length === 1 ? '' : 's'}: ${fields.join('; ')}`;
}
