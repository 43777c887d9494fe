// Small pieces of Markdown shared by the drift issue and the plan comment: inert names, code,
// links, lists that say how many more, texts cut to a length.
import { runUrl } from './context.js';
import type { GitHubRun } from './context.js';
import { resourceHeading } from '../report/verdict.js';
import type { ResourceResult } from '../model/result.js';
import { escapeHtml, inert } from '../core/text.js';
import { showUrlsIn } from '../core/urls.js';

/** How long a text is, as GitHub will count it. */
export type Size = (text: string) => number;

/** Lists of this kind name this many items at most, so that a head or foot stays short. */
const MAX_LISTED = 10;
/** A failure, a name or a URL is cut to this once shown, before it is escaped (which lengthens it). */
export const MAX_FAILURE_CHARACTERS = 2_000;
export const MAX_NAME_CHARACTERS = 100;
export const MAX_URL_CHARACTERS = 200;

/** At most MAX_LISTED items as a Markdown list, and how many more there are. */
export function listed(items: readonly string[]): string[] {
  const more = items.length - MAX_LISTED;
  return [
    ...items.slice(0, MAX_LISTED).map((item) => `- ${item}`),
    ...(more > 0 ? [`- …and ${more} more`] : []),
  ];
}

/** A resource's heading: a service's name comes from Twilio. */
export function heading(result: ResourceResult): string {
  return inert(resourceHeading(result));
}

/** A sentence that may quote Twilio (an error's message, a live URL), as prose. */
export function said(text: string): string {
  return inert(showUrlsIn(text));
}

export function code(text: string): string {
  return `<code>${escapeHtml(text)}</code>`;
}

export function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function runLink(run: GitHubRun): string {
  return `[${inert(run.workflow)} run ${inert(run.runId)}](${runUrl(run)})`;
}
