import { expect } from 'vitest';
import type { ActionRun } from './action.js';

// Distinctive values with every awkward character a redactor can trip on: HTML and Markdown
// specials, form-encoding specials (!'()~ differ from encodeURIComponent), JSON escapes, % and +.
const AWKWARD = `&'"<>|[]\`!()~%+`;

export const SECRETS = {
  accountSid: 'ACfeedc0de0123456789abcdef01234567',
  authToken: `tok-${AWKWARD} @:\\AUTH-LEAKCHECK`,
  apiKeySid: 'SKfeedc0de0123456789abcdef01234567',
  apiSecret: `sec-${AWKWARD}\\APISECRET-LEAKCHECK`,
  githubToken: `ghs_${AWKWARD}GITHUB-LEAKCHECK`,
  /** A URL password as written: no "@", "/", "?", "#", "\" or spaces, which would end it. */
  urlPassword: `pw-&'"<>|[]\`!()~+:URLPASS-LEAKCHECK`,
  /** The password of the URL someone set by hand in Twilio: the drift case. */
  livePassword: `live-&'"<>|[]!()~LIVEPASS-LEAKCHECK`,
} as const;

export function urlWithPassword(password: string, host = 'app.example.com'): string {
  return `https://hooks:${password}@${host}/twilio/post`;
}

/** Every form in which a secret could slip out, written here independently of src/core/secrets.ts. */
function forms(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  const numericEntities = secret.replace(/[&<>"'|`[\]\\]/g, (c) => `&#${c.charCodeAt(0)};`);
  const namedEntities = secret
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
  return [
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
    json,
    numericEntities,
    namedEntities,
    Buffer.from(`${SECRETS.accountSid}:${secret}`).toString('base64'),
    Buffer.from(`${SECRETS.apiKeySid}:${secret}`).toString('base64'),
  ];
}

/** Nothing the action wrote anywhere holds a secret in any form, but for its mask commands. */
export function expectNoSecrets(run: ActionRun, ...extra: string[]): void {
  const printed = run.everything
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
  expectNoneOf(printed, [
    SECRETS.authToken,
    SECRETS.apiSecret,
    SECRETS.githubToken,
    SECRETS.urlPassword,
    SECRETS.livePassword,
    ...extra,
  ]);
}

/**
 * For texts that leave through other doors too (issues and comments sent to GitHub). Every
 * secret above ends in a marker that no encoding changes, so a form missed here still shows.
 */
export function expectNoneOf(text: string, secrets: readonly string[]): void {
  expect(text).not.toMatch(/LEAKCHECK/);
  for (const secret of secrets) {
    for (const form of forms(secret)) expect(text, `leaked ${form}`).not.toContain(form);
  }
}
