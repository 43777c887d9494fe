import { expect } from 'vitest';
import type { ActionRun } from './run-action.ts';

/** Distinctive values, so that any trace of them in the output is found. */
export const SECRETS = {
  accountSid: 'ACfeedc0de0123456789abcdef01234567',
  authToken: 'AUTHTOKEN-k3Jq9-zX1v-LEAKCHECK',
  apiKeySid: 'SKfeedc0de0123456789abcdef01234567',
  apiSecret: 'APISECRET-w8Rt2-pQ7n-LEAKCHECK',
  githubToken: 'ghs_GITHUBTOKEN9fJ2kLEAKCHECK',
  urlPassword: 'URLPASS-h4Xy-LEAKCHECK',
  get webhookUrlWithPassword(): string {
    return `https://hooks:${this.urlPassword}@app.example.com/twilio/post`;
  },
} as const;

/** Every form in which a secret could slip out: as is, URL-encoded, and inside Basic credentials. */
function forms(secret: string): string[] {
  return [
    secret,
    encodeURIComponent(secret),
    Buffer.from(`${SECRETS.accountSid}:${secret}`).toString('base64'),
    Buffer.from(`${SECRETS.apiKeySid}:${secret}`).toString('base64'),
  ];
}

/** Nothing the process wrote (stdout, stderr, outputs, summary) holds a secret, but for mask commands. */
export function expectNoSecrets(run: ActionRun, ...extra: (string | undefined)[]): void {
  const printed = run.everything
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
  const secrets = [
    SECRETS.authToken,
    SECRETS.apiSecret,
    SECRETS.githubToken,
    SECRETS.urlPassword,
    ...extra.filter((s): s is string => s !== undefined),
  ];
  for (const secret of secrets) {
    for (const form of forms(secret)) expect(printed, `leaked ${form}`).not.toContain(form);
  }
}
