// What the run is asked to manage, as data: one resource the inputs describe, or what a
// desired-state file says (src/config/desired-state.ts reads the file; nothing here needs its YAML
// parser, so that runs without a file never load one).
import { count } from '../core/text.js';
import type { DesiredConfig } from './fields.js';
import type { Resource } from './webhook-config.js';

export type ServiceRef = { readonly sid: string } | { readonly name: string };

export interface DesiredService {
  readonly ref: ServiceRef;
  readonly desired: DesiredConfig;
  /** The line where the entry starts. */
  readonly line: number;
}

/** An Address Configuration the file declares, found among the account's by its address. */
export interface DesiredAddress {
  /** As Twilio writes it. */
  readonly address: string;
  /** Given, or inferred from the address (whatsapp:, messenger:, +digits); needed to create it. */
  readonly type: string | undefined;
  /** `auto_creation.conversation_service_sid` may still be a service's friendly name here. */
  readonly desired: DesiredConfig;
  readonly line: number;
  /** The line of `conversation-service`, where a service that does not exist is reported. */
  readonly serviceLine: number;
}

export interface DesiredState {
  readonly file: string;
  /** Undefined when the file has no `account`: the account-wide configuration is not managed. */
  readonly account: DesiredConfig | undefined;
  /** In the file's order, so that `services[i]` in a message is the i-th of these. */
  readonly services: readonly DesiredService[];
  /** In the file's order, so that `addresses[i]` in a message is the i-th of these. */
  readonly addresses: readonly DesiredAddress[];
  /** The variables webhook URLs were filled in from: each URL is shown as the file writes it. */
  readonly variables: readonly { readonly name: string; readonly value: string }[];
}

export interface DesiredStateProblem {
  /** 1-based. */
  readonly line: number;
  /** 1-based, where known. */
  readonly column?: number;
  /** The key path, such as `services[1].post-webhook-url`; '' for the file as a whole. */
  readonly key: string;
  /** A sentence whose subject is the key path (or "the file"), without the file and line. */
  readonly message: string;
}

/** A file with thousands of problems is listed this far, and counted past it. */
export const MAX_LISTED_PROBLEMS = 50;

/** Everything wrong with a desired-state file, one problem a line, found before any request. */
export class DesiredStateError extends Error {
  readonly file: string;
  /** Every problem, by line; the message lists the first MAX_LISTED_PROBLEMS. */
  readonly problems: readonly DesiredStateProblem[];

  constructor(file: string, problems: readonly DesiredStateProblem[]) {
    const sorted = [...problems].sort((a, b) => a.line - b.line);
    const more = sorted.length - MAX_LISTED_PROBLEMS;
    super(
      [
        `${file} has ${count(sorted.length, 'problem')}:`,
        ...sorted
          .slice(0, MAX_LISTED_PROBLEMS)
          .map(({ line, message }) => `${file}:${line}: ${message}`),
        ...(more > 0 ? [`…and ${count(more, 'more problem')}, not listed here.`] : []),
      ].join('\n'),
    );
    this.name = 'DesiredStateError';
    this.file = file;
    this.problems = sorted;
  }
}

/** One resource to manage, and what is wanted of it. */
export interface Wanted {
  readonly resource: Resource;
  /** A service's or an Address Configuration's friendly name, when known. */
  readonly name: string | undefined;
  readonly desired: DesiredConfig;
}

/** Desired state from the inputs or from a file, before names are resolved. */
export type DesiredSet =
  | { readonly kind: 'inputs'; readonly wanted: Wanted }
  | { readonly kind: 'file'; readonly state: DesiredState };
