import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  showUrl,
  showUrlsIn,
  showUrlsInBody,
  urlCredentials,
  urlSecret,
  webhookUrlProblem,
} from '../../../src/core/urls.js';
import { webUrl } from '../arbitraries.js';

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

describe('urlCredentials', () => {
  it.each([
    ['https://user:pw@host.example/x', { user: 'user', password: 'pw', secret: 'pw' }],
    [
      'https://token-as-user@host.example',
      { user: 'token-as-user', password: '', secret: 'token-as-user' },
    ],
    ['https://:only-pw@host.example/', { user: '', password: 'only-pw', secret: 'only-pw' }],
    ['https://u:p%40ss@host.example', { user: 'u', password: 'p%40ss', secret: 'p%40ss' }],
  ])('splits the user info of %j as written', (url, credentials) => {
    expect(urlCredentials(url)).toEqual(credentials);
  });

  it('returns for a 2 MB user info', () => {
    expect(urlCredentials(`https://${'@:'.repeat(1_000_000)}x`)?.user).toBe('@');
  });
});

describe('showUrl', () => {
  it.each([
    ['https://user:pw@host.example/x', 'https://***@host.example/x'],
    ['https://token-as-user@host.example', 'https://***@host.example'],
    ['https://u:p@ss@host.example/x?y=@#@', 'https://***@host.example/x?y=***#@'],
    ['https:/user:pw@host.example', 'https:/***@host.example'],
    ['https:\\\\user:pw@host.example', 'https:\\\\***@host.example'],
    ['http:user:pw@host.example/x', 'http:***@host.example/x'],
    ['HTTPS:///user:pw@host.example', 'HTTPS:///***@host.example'],
    ['user:pw@host.example', 'user:***@host.example'],
    ['mailto:ops@example.com', 'mailto:***@example.com'],
    ['//user:pw@host.example/post', '//***@host.example/post'],
  ])('shows the user info of %j as ***: %j', (value, shown) => {
    expect(showUrl(value)).toBe(shown);
  });

  it.each([
    [
      'https://app.example/api?x-vercel-protection-bypass=s3cr3t',
      'https://app.example/api?x-vercel-protection-bypass=***',
    ],
    ['https://app.example/?a=1&b=&c&&d=x=y', 'https://app.example/?a=***&b=&***&&d=***'],
    ['https://a:b@app.example/p?token=t#ct=5', 'https://***@app.example/p?token=***#ct=5'],
    ['https://app.example/p?', 'https://app.example/p?'],
  ])('shows the values of the query of %j as ***, keeping the keys: %j', (value, shown) => {
    expect(showUrl(value)).toBe(shown);
  });

  it.each([
    'https://host.example/post',
    'https://host.example/a@b',
    'https://host.example#a@b',
    'none',
    '',
  ])('leaves %j, which has neither user info nor query, as it is', (value) => {
    expect(showUrl(value)).toBe(value);
  });

  it('never shows a password or a query value, and always the host, however written', () => {
    const secret = fc.stringMatching(/^[A-Za-z0-9._~!$'()*+,;%-]{1,20}$/);
    const url = fc.tuple(
      fc.webAuthority({ withPort: true }),
      fc.constantFrom('://', ':/', ':'),
      secret,
      secret,
    );
    fc.assert(
      fc.property(url, ([host, separator, password, token]) => {
        const shown = showUrl(`https${separator}user:${password}@${host}/p?key=${token}`);
        expect(shown).toBe(`https${separator}***@${host}/p?key=***`);
      }),
      { numRuns: 100 },
    );
  });
});

describe('showUrlsIn', () => {
  it('shows each URL of a text from the network as showUrl does, and leaves the rest', () => {
    expect(
      showUrlsIn(
        'Invalid URL "https://a:pw@x.example/p?t=1" (see https://www.twilio.com/docs/errors/50078)',
      ),
    ).toBe(
      'Invalid URL "https://***@x.example/p?t=***" (see https://www.twilio.com/docs/errors/50078)',
    );
  });

  it('shows the values of a query in a path an error page echoes', () => {
    expect(showUrlsIn('Cannot POST /twilio?x-vercel-protection-bypass=s3cr3t#top')).toBe(
      'Cannot POST /twilio?x-vercel-protection-bypass=***#top',
    );
  });

  it('reads JSON-escaped slashes too', () => {
    expect(showUrlsIn('{"url":"https:\\/\\/a:pw@x.example\\/p"}')).toBe(
      '{"url":"https:\\/\\/***@x.example\\/p"}',
    );
  });

  it('returns for 2 MB of crafted text', () => {
    expect(showUrlsIn('a://'.repeat(500_000))).toHaveLength(2_000_000);
  });
});

describe('showUrlsInBody', () => {
  it('shows each URL of a JSON body, whatever its password holds', () => {
    const body = JSON.stringify({
      post_webhook_url: `https://hooks:p'"<>w@h.example/x?t=1`,
      message: 'see https://u:pw@h.example/y',
      n: 3,
    });
    expect(JSON.parse(showUrlsInBody(body))).toEqual({
      post_webhook_url: 'https://***@h.example/x?t=***',
      message: 'see https://***@h.example/y',
      n: 3,
    });
  });

  it('reads a body that is not JSON as text', () => {
    expect(showUrlsInBody('<h1>https://u:pw@h.example</h1>')).toBe(
      '<h1>https://***@h.example</h1>',
    );
  });
});
