// What a run found and did: the outputs, the job summary, the drift issue and the pull-request
// comment are all made from it.
import type { FieldValue } from './fields.js';
import type { DesiredConfig, Field } from './fields.js';
import type { Resource, LiveConfig } from './webhook-config.js';

/** How a managed field's live value differs from the desired one. */
export interface FieldDiff {
  readonly field: Field;
  readonly actual: FieldValue;
  readonly desired: FieldValue;
}

/** What a probe of a new URL found before the switch. */
export interface ProbeResult {
  /** The target's URL, as given (its query and user info included). */
  readonly url: string;
  readonly passed: boolean;
  readonly attempts: number;
  /** The last attempt's HTTP status; null if it got none (a network error or a timeout). */
  readonly lastStatus: number | null;
  /** Why the last attempt failed; undefined when it passed. */
  readonly lastProblem: string | undefined;
  readonly elapsedMs: number;
}

export type Status = 'in-sync' | 'drifted' | 'updated' | 'skipped' | 'failed';

/** One managed resource: what it was, what was wanted, and what the run did to it. */
export interface ResourceResult {
  readonly resource: Resource;
  /** A service's or an Address Configuration's friendly name, when known. */
  readonly name: string | undefined;
  readonly desired: DesiredConfig;
  readonly previous: LiveConfig;
  /** How the live configuration differed from the desired one before this run. */
  readonly diff: readonly FieldDiff[];
  /** The configuration after the run, as Twilio last described it; undefined when unknown. */
  readonly current: LiveConfig | undefined;
  readonly status: Status;
  readonly changed: boolean;
  /** Set when the step must fail because of this resource: why, in words a person can act on. */
  readonly failure?: string | undefined;
  /** Worth saying, but no reason to fail: an answer lost and learned again, a rollback's outcome. */
  readonly notes?: readonly string[] | undefined;
}

/** A Conversations service and the level whose hooks fire for its conversations. */
export interface ServiceLevel {
  readonly sid: string;
  readonly name: string;
  readonly managed: boolean;
  /** "service" when its own configuration is set (it overrides the account-wide one). */
  readonly fires: 'service' | 'account';
  /** Its own configuration, as last seen. */
  readonly config: LiveConfig | undefined;
  /** The addresses whose messages auto-create conversations in it (when the addresses were listed). */
  readonly addresses: readonly string[];
}

/** An Address Configuration of the account, after the run: where a message to it goes. */
export interface AddressLevel {
  readonly address: string;
  /** Undefined for a declared one that does not exist (check mode, or a create that failed). */
  readonly sid: string | undefined;
  readonly managed: boolean;
  readonly enabled: boolean;
  /** webhook, studio or default. */
  readonly autoCreationType: string | null;
  /** The service its conversations are created in; null for the account's default service. */
  readonly serviceSid: string | null;
  /** That service's friendly name, when it is one of the account's. */
  readonly serviceName: string | undefined;
  /** The service is not one of the account's (Twilio keeps such a reference: IHARC/STEVI#29). */
  readonly dangling: boolean;
  readonly webhookUrl: string | null;
}

/** The account's Address Configurations, when the file has some or the account-wide one is managed. */
export type AddressesReport =
  | {
      readonly listed: true;
      readonly addresses: readonly AddressLevel[];
      /** Why the services could not be listed: then no reference to one is known to dangle. */
      readonly servicesProblem: string | undefined;
    }
  | { readonly listed: false; readonly problem: string };

/** The services of the account, when the account-wide configuration is managed. */
export type ServicesReport =
  | { readonly listed: true; readonly services: readonly ServiceLevel[] }
  | { readonly listed: false; readonly problem: string };

export interface RunResult {
  readonly mode: 'apply' | 'check';
  readonly accountSid: string;
  /** The desired-state file, when the run has one. */
  readonly file: string | undefined;
  readonly resources: readonly ResourceResult[];
  readonly services: ServicesReport | undefined;
  readonly addresses: AddressesReport | undefined;
  readonly probed: readonly ProbeResult[];
  /** only-if-live found the live values held by someone else: why nothing was sent. */
  readonly skipped: string | undefined;
  /** Failures of the run as a whole (not of one resource): unmanaged services or addresses under "fail". */
  readonly failures: readonly string[];
  /** Why the run stopped starting updates (cancelled, or Twilio's concurrency limit), counted. */
  readonly stopped: string | undefined;
  /** What the run found around what it manages and a person should see, under a title. */
  readonly warnings: readonly Warning[];
}

export interface Warning {
  readonly title: string;
  readonly message: string;
}

/** A run that stopped before it knew the live configuration: bad input, a refused credential… */
export interface AbortedRun {
  readonly mode: string | undefined;
  readonly failure: string;
  /** The desired-state file's problems, each shown on its line in the pull request's Files tab. */
  readonly problems?: readonly FileProblem[] | undefined;
  /** What became of the plan comment, which says the plan failed. */
  readonly gitHub?: GitHubOutcomes | undefined;
}

export interface FileProblem {
  /** Relative to the workspace, which is the repository's root. */
  readonly file: string;
  readonly line: number;
  readonly column?: number | undefined;
  readonly message: string;
}

export interface ExportedRun {
  readonly file: string;
  readonly services: number;
  readonly addresses: number;
  /** The resources whose exported URLs carry credentials, now in the file in plain text. */
  readonly withCredentials: readonly string[];
}

export type GitHubAction = 'opened' | 'updated' | 'reopened' | 'closed' | 'created' | 'none';

/** What became of the drift issue or the pull-request comment. */
export type GitHubOutcome =
  | { readonly action: GitHubAction; readonly url: string }
  | { readonly action: 'failed'; readonly error: string };

export interface GitHubOutcomes {
  readonly driftIssue: GitHubOutcome | undefined;
  readonly prComment: GitHubOutcome | undefined;
}

/** The run's verdict: the worst that happened to any resource. */
export function verdictOf(result: RunResult): Status {
  const statuses = result.resources.map((r) => r.status);
  if (result.stopped !== undefined || result.failures.length > 0 || statuses.includes('failed')) {
    return 'failed';
  }
  for (const status of ['updated', 'drifted', 'skipped'] as const) {
    if (statuses.includes(status) || (status === 'skipped' && result.skipped !== undefined)) {
      return status;
    }
  }
  return 'in-sync';
}
