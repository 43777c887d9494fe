// GitHub refuses what is too long (65,536 characters for an issue or comment body, 1 MiB for a
// step summary), and a refusal would lose the whole report: so every long text is made to fit.

export interface Sections {
  readonly head: string;
  /** Most important first: what does not fit is left out from the end. */
  readonly sections: readonly string[];
  readonly foot: string;
  /** The line that stands for the sections left out, e.g. "…and 12 more: see the run". */
  readonly more: (omitted: number) => string;
}

/**
 * head, as many sections as fit, the `more` line when any were left out, and foot, joined by
 * new lines, within `limit` as `size` measures it. Linear in the number of sections.
 */
export function fitWithin(
  limit: number,
  size: (text: string) => number,
  { head, sections, foot, more }: Sections,
): string {
  const all = [head, ...sections, foot].join('\n');
  if (size(all) <= limit) return all;
  // The "more" line for the worst case is reserved up front, so what is kept never needs undoing.
  const fixed = size(head) + size(foot) + size(more(sections.length)) + 3;
  const kept: string[] = [];
  let used = fixed;
  for (const section of sections) {
    const cost = size(section) + 1;
    if (used + cost > limit) break;
    kept.push(section);
    used += cost;
  }
  return [head, ...kept, more(sections.length - kept.length), foot].join('\n');
}

/** GitHub's limit for an issue or comment body, in characters. */
export const MAX_BODY_CHARACTERS = 65_536;
/** GitHub's limit for one step's summary, in bytes. */
export const MAX_SUMMARY_BYTES = 1024 * 1024;

export const characters = (text: string): number => text.length;
export const utf8Bytes = (text: string): number => Buffer.byteLength(text, 'utf8');
