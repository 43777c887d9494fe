// What a webhook URL must look like, and where its credentials are. One parser of URL
// credentials serves validation and masking alike, so the two can never disagree.

/**
 * Why `value` is not an absolute http(s) URL written in full (`scheme://host…`), or undefined.
 * Stricter than WHATWG URL parsing, which also takes `http:example.com` or `https:\\example.com`
 * and rewrites them: Twilio signs each request with the configured URL, byte for byte.
 */
export function webhookUrlProblem(value: string): string | undefined {
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  if (/[\s\u0000-\u001f\u007f]/.test(value)) return 'it contains whitespace or control characters';
  if (value.includes('\\')) return 'it contains a backslash';
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
  if (scheme === undefined) return 'it is not an absolute URL';
  if (scheme !== 'https' && scheme !== 'http') return `its scheme is ${scheme}, not http or https`;
  if (!/^https?:\/\/[^/?#]/i.test(value)) return `it does not start with ${scheme}:// and a host`;
  if (authority(value).split('@').length > 2) {
    return 'its user info holds a raw "@": write it as %40';
  }
  if (!URL.canParse(value) || new URL(value).hostname === '') return 'it has no valid host';
  return undefined;
}

/**
 * The secret part of a URL's user info as written: the password of `user:password@`, or the whole
 * user info when there is no colon (a token written as a user name). Like WHATWG URL parsing, the
 * user info runs to the last "@" before the host.
 */
export function urlSecret(url: string): string | undefined {
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(url);
  if (scheme === null) return undefined;
  return userInfoSecret(authority(url));
}

/**
 * The secrets of every URL with user info anywhere in `text`, JSON-escaped slashes included (a
 * body from the network may write `https:\/\/`). One pass over the text.
 */
export function urlSecretsIn(text: string): string[] {
  const secrets: string[] = [];
  for (const separator of ['://', ':\\/\\/']) {
    for (let at = text.indexOf(separator); at !== -1; at = text.indexOf(separator, at + 1)) {
      const start = at + separator.length;
      const end = findEnd(text, start, AUTHORITY_END_IN_TEXT);
      const secret = userInfoSecret(text.slice(start, end));
      if (secret !== undefined) secrets.push(secret);
    }
  }
  return secrets;
}

const AUTHORITY_END = new Set(['/', '?', '#', '\\']);
const AUTHORITY_END_IN_TEXT = new Set([
  ...AUTHORITY_END,
  '"',
  "'",
  '<',
  '>',
  ' ',
  '\n',
  '\r',
  '\t',
  ',',
  ')',
]);

function authority(url: string): string {
  const start = url.indexOf('//') + 2;
  return url.slice(start, findEnd(url, start, AUTHORITY_END));
}

function findEnd(text: string, start: number, stops: ReadonlySet<string>): number {
  let end = start;
  while (end < text.length && !stops.has(text.charAt(end))) end++;
  return end;
}

function userInfoSecret(authorityText: string): string | undefined {
  const at = authorityText.lastIndexOf('@');
  if (at <= 0) return undefined;
  const userInfo = authorityText.slice(0, at);
  const colon = userInfo.indexOf(':');
  const secret = colon === -1 ? userInfo : userInfo.slice(colon + 1);
  return secret === '' ? undefined : secret;
}

/**
 * The value with its user info shown as `***`, for quoting a URL that was refused: it may be
 * malformed in ways (`https:/user:pw@host`, `http:user:pw@host`) that no URL parser reads.
 */
export function withoutUserInfo(value: string): string {
  const prefix = /^(?:[a-z][a-z0-9+.-]*:)?[/\\]*/i.exec(value)?.[0] ?? '';
  const rest = value.slice(prefix.length);
  const end = ['/', '?', '#'].map((stop) => rest.indexOf(stop)).filter((at) => at !== -1);
  const at = rest.lastIndexOf('@', end.length === 0 ? rest.length : Math.min(...end));
  return at === -1 ? value : `${prefix}***${rest.slice(at)}`;
}
