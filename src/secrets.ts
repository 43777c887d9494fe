// Every secret the action has seen, in every encoding it writes them in. Whatever the action
// writes anywhere passes through `redact`; every new form is also registered with the runner's
// masker (through `register`) before anything that contains it can be printed.
import { escapeHtml } from './text.js';
import { urlSecret, urlSecretsIn } from './urls.js';

export const REDACTED = '***';

export class Secrets {
  private readonly register: (secret: string) => void;
  private readonly known = new Set<string>();
  /** Longest first, so that a secret that contains another is replaced whole. */
  private ordered: string[] = [];

  constructor(register: (secret: string) => void) {
    this.register = register;
  }

  add(secret: string): void {
    if (secret === '') return;
    const fresh = encodings(secret).filter((form) => form !== '' && !this.known.has(form));
    if (fresh.length === 0) return;
    for (const form of fresh) {
      this.known.add(form);
      this.register(form);
    }
    this.ordered = [...this.known].sort((a, b) => b.length - a.length);
  }

  /** The HTTP Basic credential, which carries the password in base64. */
  addBasicCredential(username: string, password: string): void {
    if (password !== '') this.add(Buffer.from(`${username}:${password}`).toString('base64'));
  }

  /** The secret of a URL's user info, as written and percent-decoded. */
  addUrl(url: string | null | undefined): void {
    const secret = url == null ? undefined : urlSecret(url);
    if (secret !== undefined) this.addUrlSecret(secret);
  }

  /** The user-info secrets of every URL in a text, such as a body from the network. */
  addUrlsIn(text: string): void {
    for (const secret of urlSecretsIn(text)) this.addUrlSecret(secret);
  }

  redact(text: string): string {
    let result = text;
    for (const secret of this.ordered) {
      if (result.includes(secret)) result = result.split(secret).join(REDACTED);
    }
    return result;
  }

  private addUrlSecret(secret: string): void {
    this.add(secret);
    this.add(percentDecoded(secret));
  }
}

/**
 * The forms a secret takes in what the action writes: as is; percent-encoded as in a URL
 * (encodeURIComponent) and as in a form body (URLSearchParams, which also encodes !'()~ and writes
 * a space as +); escaped inside a JSON string; escaped for HTML.
 */
export function encodings(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  return [
    ...new Set([
      secret,
      encodeURIComponent(secret),
      new URLSearchParams({ s: secret }).toString().slice(2),
      json,
      escapeHtml(secret),
      escapeHtml(json),
    ]),
  ];
}

function percentDecoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The same plain data with every string redacted: for rendering, which escapes afterwards. */
export function redactDeep<T>(value: T, redact: (text: string) => string): T {
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => redactDeep(item, redact)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, redactDeep(item, redact)]),
    ) as T;
  }
  return value;
}
