// What a run's result says in words: each resource's state, the verdict line, why the step
// fails, and the warnings. Plain text: the summary and the GitHub side escape it where they embed it.
import { count } from '../core/text.js';
import { describeDiff } from '../engine/plan.js';
import { verdictOf } from '../model/result.js';
import type { GitHubOutcomes, ResourceResult, RunResult, Status } from '../model/result.js';
import { describeResource, isMissing } from '../model/webhook-config.js';
import { SERVICE_SID } from '../model/values.js';

export const HEADLINES: Readonly<Record<Status, string>> = {
  'in-sync': '✅ In sync',
  drifted: '⚠️ Drifted',
  updated: '✏️ Updated',
  skipped: '⏭️ Skipped',
  failed: '❌ Failed',
};

/** What one resource's state is and what the run did to it, in a line. */
export function describeResult(result: ResourceResult, mode: RunResult['mode']): string {
  const fields = count(result.diff.length, 'field');
  const missing = isMissing(result.resource);
  switch (result.status) {
    case 'in-sync':
      return 'The live configuration matches the desired one; nothing was sent.';
    case 'drifted':
      if (missing) {
        return `It does not exist in Twilio yet; ${mode === 'check' ? 'check mode changes nothing, and an apply creates it' : 'an apply creates it'}${result.diff.length === 0 ? '' : ` with ${fields}`}.`;
      }
      return mode === 'check'
        ? `The live configuration differs from the desired one in ${fields}; check mode changes nothing.`
        : `The live configuration differs in ${fields}.`;
    case 'updated':
      return missing
        ? `Created${result.current?.sid ? ` as ${result.current.sid}` : ''} with ${fields}; Twilio's answer matches the desired configuration.`
        : `Updated ${fields}; Twilio's answer matches the desired configuration.`;
    case 'skipped':
      return result.notes?.[0] ?? 'Left as it is.';
    case 'failed':
      return result.failure ?? 'The run failed.';
  }
}

/** The line a person reads first: the state of everything the run manages, and what it did. */
export function verdictLine(result: RunResult): string {
  const [only] = result.resources;
  const failures = result.failures.join(' ');
  // A stopped run's own line counts what became of every resource.
  if (result.stopped !== undefined) return [result.stopped, ...result.failures].join(' ');
  if (result.resources.length === 1 && only !== undefined) {
    const line = result.skipped ?? describeResult(only, result.mode);
    return failures === '' ? line : `${line} ${failures}`;
  }
  const total = result.resources.length;
  const by = (status: Status) => result.resources.filter((r) => r.status === status).length;
  const lines: Record<Status, string> = {
    'in-sync': `All ${count(total, 'resource')} match the desired state; nothing was sent.`,
    drifted:
      result.mode === 'check'
        ? `${by('drifted')} of ${count(total, 'resource')} differ from the desired state; check mode changes nothing.`
        : `${by('drifted')} of ${count(total, 'resource')} differ from the desired state.`,
    updated: `Updated ${by('updated')} of ${count(total, 'resource')}; every answer matches the desired configuration.`,
    skipped: result.skipped ?? 'Nothing was sent.',
    failed:
      by('failed') === 0
        ? failures
        : `${by('failed')} of ${count(total, 'resource')} failed${by('updated') > 0 ? `, ${by('updated')} updated` : ''}.${failures === '' ? '' : ` ${failures}`}`,
  };
  return lines[verdictOf(result)];
}

/** At most this many distinct reasons in the error annotation; the summary has them all. */
const MAX_REASONS = 10;

/**
 * Why the step fails, if it does: the resources' failures, the run's, then GitHub's. A reason
 * shared by several resources (a probe of one URL, an outage) is said once, with how many.
 */
export function failureOf(result: RunResult, gitHub: GitHubOutcomes): string | undefined {
  const many = result.resources.length > 1;
  // The same failure of several services differs only in their SIDs (in a request's path, say).
  const byReason = new Map<string, { failure: string; headings: string[] }[]>();
  for (const r of result.resources) {
    if (r.failure === undefined) continue;
    const cause = r.failure.replace(
      new RegExp(`\\b${SERVICE_SID.source.slice(1, -1)}\\b`, 'g'),
      'IS…',
    );
    byReason.set(cause, [
      ...(byReason.get(cause) ?? []),
      { failure: r.failure, headings: [resourceHeading(r)] },
    ]);
  }
  const reasons = [
    ...[...byReason].map(([cause, group]) => {
      const [only] = group;
      if (only !== undefined && group.length === 1) {
        return many ? `${only.headings.join('')}: ${only.failure}` : only.failure;
      }
      const headings = group.flatMap((g) => g.headings);
      return `${count(headings.length, 'resource')} (${listed(headings)}): ${cause}`;
    }),
    ...(result.stopped === undefined ? [] : [result.stopped]),
    ...result.failures,
    ...[gitHub.driftIssue, gitHub.prComment].flatMap((o) =>
      o?.action === 'failed' ? [o.error] : [],
    ),
  ];
  if (reasons.length === 0) return undefined;
  const shown = reasons.slice(0, MAX_REASONS);
  const more = reasons.length - shown.length;
  return [...shown, ...(more > 0 ? [`…and ${more} more reasons: see the job summary.`] : [])].join(
    ' ',
  );
}

/** The first few of a list, and how many more. */
function listed(items: readonly string[], max = 3): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}

/** One warning per resource that drifts, in a check that does not fail on drift (the runner rolls up past ten). */
export function driftWarnings(result: RunResult): string[] {
  if (result.mode !== 'check') return [];
  return result.resources
    .filter((r) => r.status === 'drifted' && r.failure === undefined)
    .map((r) => `${resourceHeading(r)}: ${describeResult(r, 'check')} ${describeDiff(r.diff)}.`);
}

export function resourceHeading(result: ResourceResult): string {
  return result.resource.kind === 'account'
    ? describeResource(result.resource)
    : `${describeResource(result.resource)}${result.name === undefined || result.name === '' ? '' : ` (${result.name})`}`;
}
