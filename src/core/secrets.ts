// Every secret the action has seen, in every encoding it writes them in, and the values the
// desired-state file filled in from `${NAME}`. Secrets come only from where secrets live: the
// credential inputs, the user info of configured webhook URLs and the Basic credential made from
// it. Text from the network never adds one. Whatever the action writes passes through `redact`
// (outputs) or `show` (everything a person reads); each new secret form is registered with the
// runner's masker (through `register`) before anything that contains it can be printed.
import { escapeHtml, inert } from './text.js';
import { urlCredentials } from './urls.js';

export const REDACTED = '***';

/**
 * Shorter values are neither masked nor redacted: a one-letter password would blank every "e" of
 * the log, and break the words of the report. Twilio's tokens and secrets are 32 characters, and
 * GitHub's tokens 40 or more; a short URL password is never printed anyway, as URLs are always
 * shown with their user info as `***` (src/core/urls.ts showUrl).
 */
export const MIN_SECRET_LENGTH = 8;

export class Secrets {
  private readonly register: (secret: string) => void;
  private readonly known = new Set<string>();
  /** Longest first, so that a secret that contains another is replaced whole. */
  private ordered: string[] = [];
  /** Values the file filled in, and how the file wrote them: `${NAME}`. */
  private readonly variables = new Map<string, string>();
  private orderedVariables: [string, string][] = [];

  constructor(register: (secret: string) => void) {
    this.register = register;
  }

  add(secret: string): void {
    // The runner masks line by line: a multi-line secret is only masked if each line is.
    const candidates = [secret, ...secret.split(/\r\n|\r|\n/)];
    const fresh = candidates
      .filter((candidate) => candidate.trim().length >= MIN_SECRET_LENGTH)
      .flatMap(encodings)
      .filter((form) => !this.known.has(form));
    for (const form of new Set(fresh)) {
      this.known.add(form);
      this.register(form);
    }
    if (fresh.length > 0) this.ordered = [...this.known].sort((a, b) => b.length - a.length);
  }

  /** The HTTP Basic credential, which carries the password in base64. */
  addBasicCredential(username: string, password: string): void {
    if (password !== '') this.add(Buffer.from(`${username}:${password}`).toString('base64'));
  }

  /**
   * The secret of a URL's user info, as written and percent-decoded, and the Basic credential
   * the probe sends for it, before the probe is sent.
   */
  addUrl(url: string | null | undefined): void {
    const credentials = url == null ? undefined : urlCredentials(url);
    if (credentials === undefined) return;
    this.add(credentials.secret);
    this.add(percentDecoded(credentials.secret));
    this.addBasicCredential(percentDecoded(credentials.user), percentDecoded(credentials.password));
  }

  /** A value the desired-state file filled in from `${name}`, to be shown as the file wrote it. */
  addVariable(name: string, value: string): void {
    if (value.length < MIN_SECRET_LENGTH || this.variables.has(value)) return;
    for (const form of encodings(value)) this.variables.set(form, `\${${name}}`);
    this.orderedVariables = [...this.variables].sort(([a], [b]) => b.length - a.length);
  }

  /** The text with every secret replaced by ***: for outputs, which later steps read. */
  redact(text: string): string {
    return replaceAll(
      text,
      this.ordered.map((secret) => [secret, REDACTED]),
    );
  }

  /** For what a person reads: secrets as ***, and values from `${NAME}` as `${NAME}`. */
  show(text: string): string {
    return replaceAll(this.redact(text), this.orderedVariables);
  }
}

function replaceAll(text: string, replacements: readonly (readonly [string, string])[]): string {
  let result = text;
  for (const [value, shown] of replacements) {
    if (result.includes(value)) result = result.split(value).join(shown);
  }
  return result;
}

/**
 * The forms a secret takes in what the action writes: as is; percent-encoded as in a URL
 * (encodeURIComponent) and as in a form body (URLSearchParams, which also encodes !'()~ and writes
 * a space as +); escaped inside a JSON string, once or twice; escaped for HTML; made inert in
 * Markdown.
 */
export function encodings(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  // Twilio's words are quoted JSON-escaped (text.ts oneLine), and outputs are JSON again.
  const jsonInJson = JSON.stringify(json).slice(1, -1);
  return [
    ...new Set([
      secret,
      encodeURIComponent(secret),
      new URLSearchParams({ s: secret }).toString().slice(2),
      json,
      jsonInJson,
      escapeHtml(secret),
      escapeHtml(json),
      inert(secret),
      inert(json),
    ]),
  ];
}

export function percentDecoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
