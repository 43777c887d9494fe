// The step's outputs (action.yml lists them; src/config/contract.ts holds their names), from a
// run's result. Outputs are read by later steps: URLs keep their query, never their user info.
import type { Outputs } from '../config/contract.js';
import { withoutUserInfo } from '../core/urls.js';
import { INPUT_FIELDS } from '../model/fields.js';
import type { Field, FieldValue } from '../model/fields.js';
import type {
  ExportedRun,
  GitHubOutcome,
  GitHubOutcomes,
  ResourceResult,
  RunResult,
} from '../model/result.js';
import { outputConfig, outputValue } from '../model/show.js';
import { hasWork, resourceKey, resourceSid } from '../model/webhook-config.js';
import type { LiveConfig } from '../model/webhook-config.js';

const NO_OUTPUTS: Outputs = {
  changed: 'false',
  drifted: '',
  diff: '',
  resources: '',
  previous: '',
  config: '',
  'account-sid': '',
  'chat-service-sid': '',
  filters: '',
  method: '',
  'pre-webhook-url': '',
  'post-webhook-url': '',
  target: '',
  url: '',
  'drift-issue-url': '',
  'config-file': '',
  probed: '[]',
  skipped: 'false',
};

/**
 * Every output of action.yml. The per-field outputs describe one resource after the run: the one
 * the inputs describe, or with a desired-state file the account-wide configuration (empty when
 * the file does not manage it).
 */
export function outputsFor(result: RunResult, gitHub: GitHubOutcomes): Outputs {
  const main = primary(result);
  const current = main?.current === undefined ? undefined : outputConfig(main.current);
  const diffOf = (r: ResourceResult) =>
    r.diff.map((d) => ({
      field: d.field,
      actual: outputValue(d.field, d.actual),
      desired: outputValue(d.field, d.desired),
    }));
  return {
    ...NO_OUTPUTS,
    changed: String(result.resources.some((r) => r.changed)),
    // An address still to be created drifts, even when none of its fields is set yet.
    drifted: String(result.resources.some((r) => hasWork(r.resource, r.diff))),
    diff: JSON.stringify(
      result.resources.flatMap((r) =>
        diffOf(r).map((d) => ({ resource: resourceKey(r.resource), ...d })),
      ),
    ),
    resources: JSON.stringify(
      result.resources.map((r) => ({
        kind: r.resource.kind,
        resource: resourceKey(r.resource),
        // One created by this run has the SID Twilio gave it.
        sid: resourceSid(r.resource, result.accountSid) ?? r.current?.sid ?? null,
        ...(r.resource.kind === 'account' ? {} : { name: r.name ?? null }),
        status: r.status,
        diff: diffOf(r),
        // Why it failed or was left alone: a stopped run's "unknown" and "not applied" say so here.
        reason: r.failure ?? (r.status === 'skipped' ? (r.notes?.[0] ?? null) : null),
      })),
    ),
    previous: main === undefined ? '' : JSON.stringify(outputConfig(main.previous)),
    config: current === undefined ? '' : JSON.stringify(current),
    'account-sid': current?.account_sid ?? '',
    'chat-service-sid': current?.chat_service_sid ?? '',
    ...fieldOutputs(current),
    url: current?.url ?? '',
    'drift-issue-url': urlOf(gitHub.driftIssue),
    probed: JSON.stringify(
      result.probed.map((p) => ({
        url: withoutUserInfo(p.url),
        passed: p.passed,
        attempts: p.attempts,
        status: p.lastStatus,
        ms: p.elapsedMs,
      })),
    ),
    skipped: String(result.skipped !== undefined),
  };
}

/** A run that stopped early changed nothing and knows nothing of the live state. */
export function outputsForAborted(): Outputs {
  return NO_OUTPUTS;
}

export function outputsForExport(run: ExportedRun): Outputs {
  return { ...NO_OUTPUTS, 'config-file': run.file };
}

function primary(result: RunResult): ResourceResult | undefined {
  return result.file === undefined
    ? result.resources[0]
    : result.resources.find((r) => r.resource.kind === 'account');
}

function urlOf(outcome: GitHubOutcome | undefined): string {
  return outcome !== undefined && 'url' in outcome ? outcome.url : '';
}

/** Each managed field's output, named by its key: a list joined by commas, unset as ''. */
function fieldOutputs(current: LiveConfig | undefined): Record<string, string> {
  const values = (current ?? {}) as Partial<Record<Field, FieldValue>>;
  return Object.fromEntries(
    INPUT_FIELDS.map(({ field, key }) => {
      const value = values[field] ?? null;
      return [key, value === null ? '' : typeof value === 'string' ? value : value.join(',')];
    }),
  );
}
