import { describe, expect, it } from 'vitest';
import { INPUTS } from '../../src/contract.js';
import type { InputName, RawInputs } from '../../src/contract.js';
import { createRedactor, findSecrets, REDACTED } from '../../src/secrets.js';

const ACCOUNT = 'AC0123456789abcdef0123456789abcdef';
const KEY = 'SK9a8b7c6d5e4f30211203f4e5d6c7b8a9';

/** Raw inputs with every input empty but those given. */
function inputs(overrides: Partial<Record<InputName, string>>): RawInputs {
  return {
    ...(Object.fromEntries(INPUTS.map((name) => [name, ''])) as Record<InputName, string>),
    'account-sid': ACCOUNT,
    ...overrides,
  };
}

const basic = (user: string, password: string) =>
  Buffer.from(`${user}:${password}`).toString('base64');

describe('findSecrets', () => {
  it('finds nothing when no secret is given', () => {
    expect(findSecrets(inputs({}))).toEqual([]);
    expect(
      findSecrets(inputs({ 'post-webhook-url': 'https://hooks.example.com/post', method: 'POST' })),
    ).toEqual([]);
  });

  it('finds the Auth Token, its URL-encoded form and its Basic credential', () => {
    const token = 'tok/en+1=';
    const credential = basic(ACCOUNT, token);
    expect(new Set(findSecrets(inputs({ 'auth-token': token })))).toEqual(
      new Set([token, 'tok%2Fen%2B1%3D', credential, encodeURIComponent(credential)]),
    );
  });

  it('finds the API secret with a Basic credential for the API key, not the account', () => {
    const secrets = findSecrets(inputs({ 'api-key': KEY, 'api-secret': 'api-secret-9' }));
    expect(secrets).toContain('api-secret-9');
    expect(secrets).toContain(basic(KEY, 'api-secret-9'));
    expect(secrets).not.toContain(basic(ACCOUNT, 'api-secret-9'));
  });

  it('never counts the SIDs themselves as secrets', () => {
    const secrets = findSecrets(inputs({ 'api-key': KEY, 'api-secret': 's3cr3t' }));
    expect(secrets).not.toContain(KEY);
    expect(secrets).not.toContain(ACCOUNT);
  });

  it('finds the GitHub token and its encoded form', () => {
    const secrets = findSecrets(inputs({ 'github-token': 'ghs_a/b' }));
    expect(secrets).toContain('ghs_a/b');
    expect(secrets).toContain('ghs_a%2Fb');
  });

  it('finds every secret input at once', () => {
    const secrets = findSecrets(
      inputs({ 'auth-token': 'token-1', 'api-secret': 'secret-2', 'github-token': 'ghs_3' }),
    );
    expect(secrets).toEqual(expect.arrayContaining(['token-1', 'secret-2', 'ghs_3']));
  });

  it('finds the password of webhook URLs, percent-encoded as written and decoded', () => {
    const secrets = findSecrets(
      inputs({
        'pre-webhook-url': 'https://hook:p%40ss@example.com/pre',
        'post-webhook-url': 'https://user:plain-pw@example.com/post',
      }),
    );
    expect(secrets).toEqual(
      expect.arrayContaining(['p%40ss', 'p@ss', 'p%2540ss', 'p%40ss', 'plain-pw']),
    );
    expect(secrets).not.toContain('hook');
    expect(secrets).not.toContain('user');
  });

  it('finds a URL password with an empty user name', () => {
    expect(findSecrets(inputs({ 'post-webhook-url': 'https://:only-pw@example.com/' }))).toEqual([
      'only-pw',
    ]);
  });

  it('keeps a password that is not valid percent-encoding as written', () => {
    expect(findSecrets(inputs({ 'pre-webhook-url': 'https://u:bad%E0%A4%A@example.com' }))).toEqual(
      expect.arrayContaining(['bad%E0%A4%A']),
    );
  });

  it.each(['https://user@example.com/post', 'https://example.com/post?password=x', 'none'])(
    'finds no password in %j',
    (url) => {
      expect(findSecrets(inputs({ 'post-webhook-url': url }))).toEqual([]);
    },
  );

  it('ignores empty values and lists each secret once', () => {
    const secrets = findSecrets(
      inputs({ 'auth-token': 'abc', 'api-secret': '', 'github-token': 'abc' }),
    );
    expect(secrets).not.toContain('');
    expect(new Set(secrets).size).toBe(secrets.length);
    expect(secrets.filter((s) => s === 'abc')).toHaveLength(1);
  });

  it('orders the secrets longest first', () => {
    const secrets = findSecrets(
      inputs({
        'auth-token': 'short',
        'github-token': 'a-much-longer-github-token',
        'post-webhook-url': 'https://u:mid%2Fsize@example.com',
      }),
    );
    const lengths = secrets.map((s) => s.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
  });
});

describe('createRedactor', () => {
  it('replaces every occurrence', () => {
    const redact = createRedactor(['s3cr3t']);
    expect(redact('s3cr3t and s3cr3t\nagain s3cr3ts3cr3t')).toBe(
      `${REDACTED} and ${REDACTED}\nagain ${REDACTED}${REDACTED}`,
    );
  });

  it('replaces the longest secret whole before a shorter one it contains', () => {
    const redact = createRedactor(['secret-long', 'secret']);
    expect(redact('a secret-long, a secret')).toBe(`a ${REDACTED}, a ${REDACTED}`);
  });

  it('leaves text without secrets alone, and does nothing with no secrets', () => {
    expect(createRedactor(['x1'])('nothing here')).toBe('nothing here');
    expect(createRedactor([])('s3cr3t')).toBe('s3cr3t');
  });

  it('treats secrets as plain text, not patterns', () => {
    expect(createRedactor(['a.b*c'])('aXbbc a.b*c')).toBe(`aXbbc ${REDACTED}`);
  });

  it('with findSecrets, removes every form of a credential from a log line', () => {
    const token = 'tok/en+1';
    const raw = inputs({
      'auth-token': token,
      'post-webhook-url': 'https://hook:p%40ss@example.com/post',
    });
    const redact = createRedactor(findSecrets(raw));
    const line = [
      `Authorization: Basic ${basic(ACCOUNT, token)}`,
      `token=${encodeURIComponent(token)}`,
      `raw ${token}`,
      'url https://hook:p%40ss@example.com/post',
      'decoded p@ss',
    ].join('\n');
    const redacted = redact(line);
    expect(redacted).not.toContain(token);
    expect(redacted).not.toContain(encodeURIComponent(token));
    expect(redacted).not.toContain(basic(ACCOUNT, token));
    expect(redacted).not.toContain('p%40ss');
    expect(redacted).not.toContain('p@ss');
    expect(redacted).toContain(`Authorization: Basic ${REDACTED}`);
    expect(redacted).toContain(`url https://hook:${REDACTED}@example.com/post`);
  });

  it('with findSecrets, replaces a secret containing another secret whole', () => {
    const redact = createRedactor(
      findSecrets(inputs({ 'auth-token': 'abc', 'github-token': 'abc-def-ghi' })),
    );
    expect(redact('abc-def-ghi / abc')).toBe(`${REDACTED} / ${REDACTED}`);
  });
});
