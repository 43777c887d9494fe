import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { urlSecret, urlSecretsIn, webhookUrlProblem, withoutUserInfo } from '../../src/urls.js';
import { webUrl } from './arbitraries.js';

describe('webhookUrlProblem', () => {
  it.each([
    'https://hooks.example.com/post',
    'http://hooks.example.com',
    'HTTPS://HOOKS.EXAMPLE.COM/Pre?x=1#y',
    'https://user:p%40ss@hooks.example.com/post',
    'https://hooks.example.com/a@b',
  ])('finds nothing wrong with %j', (url) => {
    expect(webhookUrlProblem(url)).toBeUndefined();
  });

  // Each is an absolute URL to WHATWG parsing, which would rewrite it; Twilio signs the exact bytes.
  it.each([
    ['http:example.com', 'http://example.com/'],
    ['https:/example.com', 'https://example.com/'],
    ['https:///example.com', 'https://example.com/'],
    ['https:\\\\example.com', 'https://example.com/'],
    ['https://u:p@ss@example.com', 'https://u:p%40ss@example.com/'],
  ])('refuses %j, which URL parsing would rewrite as %j', (value, rewritten) => {
    expect(new URL(value).href).toBe(rewritten);
    expect(webhookUrlProblem(value)).toBeDefined();
  });

  it('agrees with URL parsing on the user info of every URL it accepts', () => {
    const userInfo = fc.string({ minLength: 1, maxLength: 20 }).map(encodeURIComponent);
    const url = fc.tuple(webUrl, userInfo, userInfo).map(([base, user, password]) => ({
      href: base.replace('://', `://${user}:${password}@`),
      password,
    }));
    fc.assert(
      fc.property(url, ({ href, password }) => {
        expect(webhookUrlProblem(href)).toBeUndefined();
        expect(urlSecret(href)).toBe(password);
        expect(new URL(href).password).toBe(password);
      }),
      { numRuns: 100 },
    );
  });
});

describe('urlSecret', () => {
  it.each([
    ['https://user:pw@host.example/x', 'pw'],
    ['HTTPS://user:pw@host.example', 'pw'],
    ['ftp://user:pw@host.example', 'pw'],
    ['https://:only-pw@host.example/', 'only-pw'],
    ['https://token-as-user@host.example/', 'token-as-user'],
    ['https://u:p:w@host.example', 'p:w'],
    ['https://u:p@ss@host.example/x', 'p@ss'],
    ['https://u:p%40ss@host.example/x', 'p%40ss'],
    ['https://u:pw@host.example\\path@x', 'pw'],
  ])('finds the secret of %j: %j', (url, secret) => {
    expect(urlSecret(url)).toBe(secret);
  });

  it.each([
    'https://host.example/post',
    'https://user:@host.example',
    'https://@host.example',
    'https://host.example/path@x',
    'https://host.example?x=a@b',
    'https://host.example#a@b',
    'mailto:ops@example.com',
    'none',
    '',
  ])('finds none in %j', (url) => {
    expect(urlSecret(url)).toBeUndefined();
  });

  it('runs the user info to the last "@" before the host, as URL parsing does', () => {
    const url = 'https://hooks:a@b@c@host.example/post';
    expect(urlSecret(url)).toBe('a@b@c');
    expect(decodeURIComponent(new URL(url).password)).toBe('a@b@c');
  });
});

describe('urlSecretsIn', () => {
  it.each([
    ['GET https://u:pw1@h.example/x failed', ['pw1']],
    ['two: https://u:pw1@a.example and http://tok2@b.example/', ['pw1', 'tok2']],
    ['{"url":"https://u:pw1@h.example/x"}', ['pw1']],
    ['{"url":"https:\\/\\/u:pw1@h.example\\/x"}', ['pw1']],
    ["<a href='https://u:pw1@h.example'>", ['pw1']],
    ['(see https://u:pw1@h.example), or https://u:pw2@h.example, then', ['pw1', 'pw2']],
    ['raw at: https://u:p@ss@h.example/x', ['p@ss']],
    ['at the end https://tok@h.example', ['tok']],
    ['line\nhttps://u:pw1@h.example\tnext', ['pw1']],
  ])('finds the secrets in %j', (text, secrets) => {
    expect(urlSecretsIn(text)).toEqual(secrets);
  });

  it.each([
    'mail ops@example.com',
    'see https://h.example/x@y and https://h.example?q=@',
    'https://:@h.example',
    'no url at all',
    '',
  ])('finds none in %j', (text) => {
    expect(urlSecretsIn(text)).toEqual([]);
  });

  it.each([
    ['separators', '://'.repeat(700_000), 0],
    ['an endless user info', `https://${'@:'.repeat(1_000_000)}`, 1],
    ['escaped separators', ':\\/\\/@'.repeat(350_000), 0],
  ])('returns for 2 MB of crafted %s', (_case, text, found) => {
    expect(urlSecretsIn(text)).toHaveLength(found);
  });
});

describe('withoutUserInfo', () => {
  it.each([
    ['https://user:pw@host.example/x', 'https://***@host.example/x'],
    ['https://token-as-user@host.example', 'https://***@host.example'],
    ['https://u:p@ss@host.example/x?y=@#@', 'https://***@host.example/x?y=@#@'],
    ['https:/user:pw@host.example', 'https:/***@host.example'],
    ['https:\\\\user:pw@host.example', 'https:\\\\***@host.example'],
    ['http:user:pw@host.example/x', 'http:***@host.example/x'],
    ['HTTPS:///user:pw@host.example', 'HTTPS:///***@host.example'],
    ['user:pw@host.example', 'user:***@host.example'],
    ['mailto:ops@example.com', 'mailto:***@example.com'],
  ])('shows the user info of %j as ***: %j', (value, shown) => {
    expect(withoutUserInfo(value)).toBe(shown);
  });

  it.each([
    'https://host.example/post',
    'https://host.example/a@b',
    'https://host.example?x=a@b',
    'https://host.example#a@b',
    'none',
    '',
  ])('leaves %j, which has no user info, as it is', (value) => {
    expect(withoutUserInfo(value)).toBe(value);
  });

  it('hides the user info of a protocol-relative URL', () => {
    expect(withoutUserInfo('//user:pw@host.example/post')).toBe('//***@host.example/post');
  });

  it('replaces exactly the user info, however the scheme is written', () => {
    const password = fc.string({ minLength: 1, maxLength: 20 }).map(encodeURIComponent);
    const url = fc
      .tuple(webUrl, password, fc.constantFrom('://', ':/', ':'))
      .map(([base, secret, separator]) => ({
        href: base.replace('://', `${separator}user:${secret}@`),
        masked: base.replace('://', `${separator}***@`),
      }));
    fc.assert(
      fc.property(url, ({ href, masked }) => {
        expect(withoutUserInfo(href)).toBe(masked);
      }),
      { numRuns: 100 },
    );
  });
});
