// Small wording helpers shared by every message the action writes.

/** "1 field", "3 fields". */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/**
 * Text from the network, made safe to embed in one line of our own: control characters (newlines
 * included, so nothing can start a line of its own and become a runner command) are shown as
 * escapes, and it is cut to `max` characters. Linear in the length of the text.
 */
export function oneLine(text: string, max = 200): string {
  const head = text.length > max ? text.slice(0, max) : text;
  const escaped = JSON.stringify(head).slice(1, -1);
  return text.length > max ? `${escaped}…` : escaped;
}

/** A quoted value in an error message: escaped, and short enough to read. */
export function quote(value: string, max = 60): string {
  return `"${oneLine(value, max)}"`;
}

/**
 * For HTML in the job summary, issues and comments. Newlines become entities too: a blank line
 * inside an HTML block would end it, and what follows would render as Markdown.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'|`\\[\]\r\n]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Text from the network (a friendly name, an error message) made inert in Markdown, outside
 * `<code>`: escaped for HTML, and with a zero-width space after every "@" and "#", so that
 * `@org/team` pings nobody and `#1` links nowhere (Renovate and Dependabot do the same).
 */
export function inert(text: string): string {
  return text
    .split(/([@#])/)
    .map((part) => (part === '@' || part === '#' ? `${part}&#8203;` : escapeHtml(part)))
    .join('');
}
