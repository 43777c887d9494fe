import { describe, expect, it } from 'vitest';
import { createRedactor, findSecrets, REDACTED } from '../../src/secrets.js';
import { validInputs } from '../support/inputs.js';

const ACCOUNT = 'AC0e1d2c3b4a59687766554433221100ff';
const KEY = 'SK9a8b7c6d5e4f30211203f4e5d6c7b8a9';

describe('findSecrets', () => {
  it('finds the token, its URL-encoded form and the Basic credential', () => {
    const secrets = findSecrets(validInputs({ 'auth-token': 'tok/en+1' }));
    expect(secrets).toContain('tok/en+1');
    expect(secrets).toContain('tok%2Fen%2B1');
    expect(secrets).toContain(Buffer.from(`${ACCOUNT}:tok/en+1`).toString('base64'));
  });

  it('finds the API secret and its Basic credential', () => {
    const secrets = findSecrets(
      validInputs({ 'auth-token': '', 'api-key': KEY, 'api-secret': 'api-secret-9' }),
    );
    expect(secrets).toContain('api-secret-9');
    expect(secrets).toContain(Buffer.from(`${KEY}:api-secret-9`).toString('base64'));
  });

  it('finds the GitHub token', () => {
    expect(findSecrets(validInputs({ 'github-token': 'ghs_abc' }))).toContain('ghs_abc');
  });

  it('finds the password of webhook URLs, encoded and decoded', () => {
    const secrets = findSecrets(
      validInputs({
        'pre-webhook-url': 'https://hook:p%40ss@example.com/pre',
        'post-webhook-url': 'https://user:plain@example.com/post',
      }),
    );
    expect(secrets).toEqual(expect.arrayContaining(['p%40ss', 'p@ss', 'plain']));
  });

  it('ignores empty values, and orders longest first', () => {
    const secrets = findSecrets(validInputs({ 'auth-token': 'abc' }));
    expect(secrets).not.toContain('');
    expect([...secrets].sort((a, b) => b.length - a.length)).toEqual(secrets);
  });
});

describe('createRedactor', () => {
  it('replaces every occurrence, the longest secret first', () => {
    const redact = createRedactor(['secret-long', 'secret']);
    expect(redact('a secret-long, a secret, secret')).toBe(
      `a ${REDACTED}, a ${REDACTED}, ${REDACTED}`,
    );
  });

  it('leaves text without secrets alone', () => {
    expect(createRedactor(['x1'])('nothing here')).toBe('nothing here');
  });
});
