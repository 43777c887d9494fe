// What a run found and did: the outputs, the job summary and the drift issue are all made from it.
import type { FieldDiff } from './plan.js';
import type { Mode } from './settings.js';
import type { DesiredConfig, Resource, WebhookConfig } from './webhook-config.js';

export type Verdict = 'in-sync' | 'drifted' | 'updated' | 'failed';

/** A run that fetched the live configuration. */
export interface RunResult {
  readonly mode: Mode;
  readonly resource: Resource;
  readonly accountSid: string;
  readonly desired: DesiredConfig;
  readonly previous: WebhookConfig;
  /** How the live configuration differed from the desired one before this run. */
  readonly diff: readonly FieldDiff[];
  /** The configuration after the run, as Twilio last described it; undefined when unknown. */
  readonly current: WebhookConfig | undefined;
  readonly verdict: Verdict;
  readonly changed: boolean;
  /** Set when the step must fail: why, in words a person can act on. */
  readonly failure?: string;
  /** Worth saying, but no reason to fail: an answer lost and then learned by fetching again. */
  readonly notes?: readonly string[];
}

/** A run that stopped before it knew the live configuration: bad input, a refused credential… */
export interface AbortedRun {
  readonly mode: Mode | undefined;
  readonly failure: string;
}

export type DriftIssueAction = 'opened' | 'updated' | 'reopened' | 'closed' | 'none';

export type DriftIssueOutcome =
  | { readonly action: DriftIssueAction; readonly url: string }
  | { readonly action: 'failed'; readonly error: string };
