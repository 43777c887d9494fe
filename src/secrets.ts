import type { RawInputs } from './contract.js';

const SECRET_INPUTS = ['auth-token', 'api-secret', 'github-token'] as const;
const URL_INPUTS = ['pre-webhook-url', 'post-webhook-url'] as const;
export const REDACTED = '***';

/**
 * Every form in which a secret could leave the process: as given, URL-encoded (as in a form body),
 * inside the Basic credential, and the password of a webhook URL written as user:password@host.
 */
export function findSecrets(inputs: RawInputs): string[] {
  const secrets = SECRET_INPUTS.map((name) => inputs[name]).filter((value) => value !== '');
  for (const name of URL_INPUTS) {
    const password = urlPassword(inputs[name]);
    if (password !== undefined) secrets.push(password, safeDecode(password));
  }
  const username = inputs['api-key'] || inputs['account-sid'];
  const password = inputs['api-key'] ? inputs['api-secret'] : inputs['auth-token'];
  if (password !== '') {
    secrets.push(Buffer.from(`${username}:${password}`).toString('base64'));
  }
  const variants = secrets.flatMap((secret) => [secret, encodeURIComponent(secret)]);
  // Longest first, so a secret that contains another is replaced whole.
  return [...new Set(variants)].filter((s) => s !== '').sort((a, b) => b.length - a.length);
}

export type Redactor = (text: string) => string;

export function createRedactor(secrets: readonly string[]): Redactor {
  return (text) => secrets.reduce((result, secret) => result.split(secret).join(REDACTED), text);
}

function urlPassword(value: string): string | undefined {
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^/@:\s]*:([^/@\s]+)@/i.exec(value);
  return match?.[1];
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
