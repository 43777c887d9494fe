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

/** The user info of a URL as written: the user, the password, and the part that is secret. */
export interface UrlCredentials {
  readonly user: string;
  readonly password: string;
  /** The password of `user:password@`, or the whole user info when there is no colon (a token written as a user name). */
  readonly secret: string;
}

/**
 * The credentials in a URL's user info, as written. Like WHATWG URL parsing, the user info runs
 * to the last "@" before the host.
 */
export function urlCredentials(url: string): UrlCredentials | undefined {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return undefined;
  const written = authority(url);
  const at = written.lastIndexOf('@');
  if (at <= 0) return undefined;
  const userInfo = written.slice(0, at);
  const colon = userInfo.indexOf(':');
  const user = colon === -1 ? userInfo : userInfo.slice(0, colon);
  const password = colon === -1 ? '' : userInfo.slice(colon + 1);
  const secret = colon === -1 ? userInfo : password;
  return secret === '' ? undefined : { user, password, secret };
}

/** The secret of a URL's user info (see urlCredentials), if it has one. */
export function urlSecret(url: string): string | undefined {
  return urlCredentials(url)?.secret;
}

const AUTHORITY_END = new Set(['/', '?', '#', '\\']);

function authority(url: string): string {
  const start = url.indexOf('//') + 2;
  let end = start;
  while (end < url.length && !AUTHORITY_END.has(url.charAt(end))) end++;
  return url.slice(start, end);
}

/**
 * A URL as a person reads it, everywhere the action writes one: its user info and the values of
 * its query shown as `***`, the keys kept (`https://***@host/path?token=***`). The host and path
 * stay readable, and a password or bypass token is never printed, however short. Works on the
 * text as written, so a malformed value (`https:/user:pw@host`, `http:user:pw@host`) that no URL
 * parser reads is shown safely too; the fragment is kept, as Twilio never receives it.
 */
export function showUrl(value: string): string {
  return rewritten(value, showQuery);
}

/**
 * The URL for outputs, which later steps read: its user info as `***`, its query kept (a step may
 * need the URL it configured, bypass token and all; only a credential is taken out).
 */
export function withoutUserInfo(value: string): string {
  return rewritten(value, (query) => query);
}

function rewritten(value: string, query: (text: string) => string): string {
  const prefix = /^(?:[a-z][a-z0-9+.-]*:)?[/\\]*/i.exec(value)?.[0] ?? '';
  const rest = value.slice(prefix.length);
  const fragmentAt = rest.indexOf('#');
  const beforeFragment = fragmentAt === -1 ? rest : rest.slice(0, fragmentAt);
  const fragment = fragmentAt === -1 ? '' : rest.slice(fragmentAt);
  const queryAt = beforeFragment.indexOf('?');
  const path = queryAt === -1 ? beforeFragment : beforeFragment.slice(0, queryAt);
  const search = queryAt === -1 ? '' : `?${query(beforeFragment.slice(queryAt + 1))}`;
  const slash = path.indexOf('/');
  const at = path.lastIndexOf('@', slash === -1 ? path.length : slash);
  return `${prefix}${at === -1 ? path : `***${path.slice(at)}`}${search}${fragment}`;
}

/** Each `key=value` as `key=***`; an item without `=` may itself be a token, so it is `***`. */
function showQuery(query: string): string {
  return query
    .split('&')
    .map((item) => {
      if (item === '') return item;
      const equals = item.indexOf('=');
      if (equals === -1) return REDACTED;
      return equals === item.length - 1 ? item : `${item.slice(0, equals + 1)}${REDACTED}`;
    })
    .join('&');
}

const REDACTED = '***';

/**
 * Text from the network (an error message, a page an endpoint answered) with every absolute URL
 * shown as showUrl shows it, and the values of any other query in it (a path an error page
 * echoes: `Cannot POST /twilio?token=…`) as `***`.
 */
export function showUrlsIn(text: string): string {
  // Showing a query again changes nothing, so the second pass may see the first one's URLs.
  return text
    .replace(/[a-z][a-z0-9+.-]*:(?:\/\/|\\\/\\\/)[^\s"'<>`]*/gi, (url) => showUrl(url))
    .replace(/\?([^\s"'<>`#]+)/g, (_match, query: string) => `?${showQuery(query)}`);
}

/**
 * A body from the network for the log: JSON (Twilio's answers) with every string that is a URL
 * shown by showUrl, whatever characters its password holds; any other text by showUrlsIn.
 */
export function showUrlsInBody(text: string): string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return showUrlsIn(text);
  }
  return JSON.stringify(json, (_key, value: unknown) =>
    typeof value !== 'string'
      ? value
      : /^[a-z][a-z0-9+.-]*:\/\//i.test(value)
        ? showUrl(value)
        : showUrlsIn(value),
  );
}
