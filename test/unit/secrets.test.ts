import { describe, expect, it } from 'vitest';
import { encodings, redactDeep, REDACTED, Secrets } from '../../src/secrets.js';
import { escapeHtml } from '../../src/text.js';
import { ACCOUNT, KEY } from './fixtures.js';

/** A Secrets whose registrations (what the runner is asked to mask) are recorded. */
function recorded(): { secrets: Secrets; registered: string[] } {
  const registered: string[] = [];
  return { secrets: new Secrets((secret) => registered.push(secret)), registered };
}

/** Secrets that know the given ones already. */
function knowing(...values: string[]): Secrets {
  const secrets = new Secrets(() => undefined);
  for (const value of values) secrets.add(value);
  return secrets;
}

const basic = (user: string, password: string) =>
  Buffer.from(`${user}:${password}`).toString('base64');

/** application/x-www-form-urlencoded, worked out by hand: encodeURIComponent leaves !'()~ and writes %20. */
const formEncoded = (text: string) =>
  encodeURIComponent(text)
    .replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');

const json = (text: string) => JSON.stringify(text).slice(1, -1);

/** Every form in which the action may write a secret, each computed on its own. */
function formsOf(secret: string): Record<string, string> {
  return {
    raw: secret,
    'percent-encoded': encodeURIComponent(secret),
    'form-encoded': formEncoded(secret),
    'JSON-escaped': json(secret),
    'HTML-escaped': escapeHtml(secret),
    'HTML-escaped JSON': escapeHtml(json(secret)),
  };
}

/** The characters that encodings treat differently; all ASCII, so split('') is safe. */
const AWKWARD = '&\'"<>|[]`!()~%+ @:\\'.split('');

describe('Secrets.add and redact', () => {
  it('replaces every occurrence', () => {
    expect(knowing('s3cr3t').redact('s3cr3t and s3cr3t\nagain s3cr3ts3cr3t')).toBe(
      `${REDACTED} and ${REDACTED}\nagain ${REDACTED}${REDACTED}`,
    );
  });

  it('replaces the longest secret whole before a shorter one it contains, whatever the order', () => {
    for (const order of [
      ['secret', 'secret-long'],
      ['secret-long', 'secret'],
    ]) {
      expect(knowing(...order).redact('a secret-long, a secret')).toBe(
        `a ${REDACTED}, a ${REDACTED}`,
      );
    }
  });

  it('leaves text without secrets alone, and does nothing with no secrets', () => {
    expect(knowing('x1').redact('nothing here')).toBe('nothing here');
    expect(knowing().redact('s3cr3t')).toBe('s3cr3t');
  });

  it('treats secrets as plain text, not patterns', () => {
    expect(knowing('a.b*c').redact('aXbbc a.b*c')).toBe(`aXbbc ${REDACTED}`);
  });

  it('registers each new form once, and nothing for an empty secret', () => {
    const { secrets, registered } = recorded();
    secrets.add('');
    expect(registered).toEqual([]);
    secrets.add('tok/en+1=');
    secrets.add('tok/en+1=');
    expect(registered).toEqual(['tok/en+1=', 'tok%2Fen%2B1%3D']);
  });

  it('registers every form before anything can print it', () => {
    const { secrets, registered } = recorded();
    const secret = `a&b c'd"e<f>`;
    secrets.add(secret);
    expect(new Set(registered)).toEqual(new Set(Object.values(formsOf(secret))));
  });

  it.each(AWKWARD)('redacts a secret holding %j in every encoding', (c) => {
    const secret = `pw${c}rd${c}`;
    const secrets = knowing(secret);
    for (const [name, form] of Object.entries(formsOf(secret))) {
      expect(secrets.redact(`x${form}y`), name).toBe(`x${REDACTED}y`);
    }
  });

  it('redacts a secret holding every awkward character, wherever the action writes it', () => {
    const secret = `BEGIN${AWKWARD.join('')}END`;
    const secrets = knowing(secret);
    const written = [
      new URLSearchParams({ PostWebhookUrl: secret, Method: 'POST' }).toString(),
      `https://host.example/?token=${encodeURIComponent(secret)}`,
      JSON.stringify({ message: secret }),
      `<td><code>${escapeHtml(secret)}</code></td>`,
      escapeHtml(JSON.stringify({ message: secret })),
    ];
    for (const text of written) {
      const redacted = secrets.redact(text);
      expect(redacted).toContain(REDACTED);
      expect(redacted).not.toMatch(/BEGIN|END/);
    }
  });

  it("knows that a form body encodes !'()~ and spaces unlike encodeURIComponent", () => {
    const secret = "a!b'c(d)e~f g";
    expect(formEncoded(secret)).toBe(new URLSearchParams({ s: secret }).toString().slice(2));
    expect(formEncoded(secret)).not.toBe(encodeURIComponent(secret));
    expect(knowing(secret).redact(new URLSearchParams({ Token: secret }).toString())).toBe(
      `Token=${REDACTED}`,
    );
  });

  it('replaces a secret containing another secret whole', () => {
    expect(knowing('abc', 'abc-def-ghi').redact('abc-def-ghi / abc')).toBe(
      `${REDACTED} / ${REDACTED}`,
    );
  });
});

describe('encodings', () => {
  it('lists each form once, the secret itself first', () => {
    expect(encodings('plain')).toEqual(['plain']);
    expect(encodings('a b')).toEqual(['a b', 'a%20b', 'a+b']);
    const forms = encodings(`&'"`);
    expect(forms[0]).toBe(`&'"`);
    expect(new Set(forms).size).toBe(forms.length);
  });
});

describe('Secrets.addBasicCredential', () => {
  it('registers the Basic credential of the password, never the user name alone', () => {
    const { secrets, registered } = recorded();
    secrets.addBasicCredential(KEY, 'api-secret-9');
    expect(registered).toContain(basic(KEY, 'api-secret-9'));
    expect(registered).not.toContain(basic(ACCOUNT, 'api-secret-9'));
    expect(registered).not.toContain(KEY);
    expect(secrets.redact(`Authorization: Basic ${basic(KEY, 'api-secret-9')}`)).toBe(
      `Authorization: Basic ${REDACTED}`,
    );
  });

  it('registers nothing without a password', () => {
    const { secrets, registered } = recorded();
    secrets.addBasicCredential(ACCOUNT, '');
    expect(registered).toEqual([]);
  });
});

describe('Secrets.addUrl', () => {
  const registeredFor = (url: string | null | undefined) => {
    const { secrets, registered } = recorded();
    secrets.addUrl(url);
    return registered;
  };

  it('registers the password, as written and percent-decoded, never the user name', () => {
    const registered = registeredFor('https://hook:p%40ss@example.com/pre');
    expect(registered).toEqual(expect.arrayContaining(['p%40ss', 'p@ss', 'p%2540ss']));
    expect(registered).not.toContain('hook');
  });

  it.each([
    ['https://:only-pw@example.com/', 'only-pw'],
    ['https://u:bad%E0%A4%A@example.com', 'bad%E0%A4%A'],
    ['https://u:p@ss@example.com', 'p@ss'],
    ['https://a-token@example.com/post', 'a-token'],
  ])('registers the secret of %j: %j', (url, secret) => {
    expect(registeredFor(url)).toContain(secret);
  });

  it.each(['https://example.com/post?password=x', 'none', null, undefined])(
    'registers nothing for %j',
    (url) => {
      expect(registeredFor(url)).toEqual([]);
    },
  );

  it('with the token, removes every form of both credentials from a log line', () => {
    const token = 'tok/en+1';
    const secrets = knowing(token);
    secrets.addBasicCredential(ACCOUNT, token);
    secrets.addUrl('https://hook:p%40ss@example.com/post');
    const line = [
      `Authorization: Basic ${basic(ACCOUNT, token)}`,
      `token=${encodeURIComponent(token)}`,
      `raw ${token}`,
      'url https://hook:p%40ss@example.com/post',
      'decoded p@ss',
      `form PostWebhookUrl=${formEncoded('https://hook:p%40ss@example.com/post')}`,
    ].join('\n');
    const redacted = secrets.redact(line);
    for (const form of [
      token,
      encodeURIComponent(token),
      basic(ACCOUNT, token),
      'p%40ss',
      'p@ss',
    ]) {
      expect(redacted).not.toContain(form);
    }
    expect(redacted).not.toContain('p%2540ss');
    expect(redacted).toContain(`Authorization: Basic ${REDACTED}`);
    expect(redacted).toContain(`url https://hook:${REDACTED}@example.com/post`);
  });
});

describe('Secrets.addUrlsIn', () => {
  it('registers the URL secrets of a text from the network, JSON-escaped ones too', () => {
    const { secrets, registered } = recorded();
    secrets.addUrlsIn('{"a":"https://u:net-pw@h.example","b":"https:\\/\\/v:esc-pw@h.example"}');
    expect(registered).toEqual(expect.arrayContaining(['net-pw', 'esc-pw']));
    expect(secrets.redact('net-pw esc-pw')).toBe(`${REDACTED} ${REDACTED}`);
  });
});

describe('redactDeep', () => {
  const redact = (text: string) => text.replaceAll('pw', REDACTED);

  it('redacts every string of plain data, keys and non-strings untouched', () => {
    const data = {
      pw: 'pw',
      list: ['a pw', null, 3, true],
      nested: { deeper: [{ url: 'https://u:pw@h' }] },
      nothing: null,
    };
    expect(redactDeep(data, redact)).toEqual({
      pw: REDACTED,
      list: [`a ${REDACTED}`, null, 3, true],
      nested: { deeper: [{ url: `https://u:${REDACTED}@h` }] },
      nothing: null,
    });
  });

  it('returns new data and leaves the original as it was', () => {
    const data = { list: ['pw'] };
    const copy = redactDeep(data, redact);
    expect(data).toEqual({ list: ['pw'] });
    expect(copy).not.toBe(data);
  });

  it.each([
    [42, 42],
    [false, false],
    [null, null],
    [undefined, undefined],
    ['pw', REDACTED],
  ])('handles the bare value %j', (value, expected) => {
    expect(redactDeep(value, redact)).toBe(expected);
  });
});
