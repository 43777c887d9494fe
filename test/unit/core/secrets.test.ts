import { describe, expect, it } from 'vitest';
import { encodings, MIN_SECRET_LENGTH, REDACTED, Secrets } from '../../../src/core/secrets.js';
import { escapeHtml } from '../../../src/core/text.js';
import { ACCOUNT, KEY } from '../fixtures.js';

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
    'JSON-escaped twice': json(json(secret)),
    'HTML-escaped': escapeHtml(secret),
    'HTML-escaped JSON': escapeHtml(json(secret)),
  };
}

/** The characters that encodings treat differently; all ASCII, so split('') is safe. */
const AWKWARD = '&\'"<>|[]`!()~%+ @:\\'.split('');

describe('Secrets.add and redact', () => {
  it('replaces every occurrence', () => {
    expect(knowing('s3cr3t-1').redact('s3cr3t-1 and s3cr3t-1\nagain s3cr3t-1s3cr3t-1')).toBe(
      `${REDACTED} and ${REDACTED}\nagain ${REDACTED}${REDACTED}`,
    );
  });

  it('replaces the longest secret whole before a shorter one it contains, whatever the order', () => {
    for (const order of [
      ['secret-1', 'secret-1-long'],
      ['secret-1-long', 'secret-1'],
    ]) {
      expect(knowing(...order).redact('a secret-1-long, a secret-1')).toBe(
        `a ${REDACTED}, a ${REDACTED}`,
      );
    }
  });

  it('leaves text without secrets alone, and does nothing with no secrets', () => {
    expect(knowing('x1-long-secret').redact('nothing here')).toBe('nothing here');
    expect(knowing().redact('s3cr3t-1')).toBe('s3cr3t-1');
  });

  it('treats secrets as plain text, not patterns', () => {
    expect(knowing('a.b*c+d?').redact('aXbbc+d? a.b*c+d?')).toBe(`aXbbc+d? ${REDACTED}`);
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
    expect(secret.length).toBeGreaterThanOrEqual(MIN_SECRET_LENGTH);
    secrets.add(secret);
    expect(new Set(registered)).toEqual(new Set(Object.values(formsOf(secret))));
  });

  it.each(AWKWARD)('redacts a secret holding %j in every encoding', (c) => {
    const secret = `pw${c}rd${c}long`;
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
    expect(knowing('abc-defg', 'abc-defg-hij').redact('abc-defg-hij / abc-defg')).toBe(
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
    const registered = registeredFor('https://hook:p%40ssword@example.com/pre');
    expect(registered).toEqual(expect.arrayContaining(['p%40ssword', 'p@ssword', 'p%2540ssword']));
    expect(registered).not.toContain('hook');
  });

  it.each([
    ['https://:only-pw-long@example.com/', 'only-pw-long'],
    ['https://u:bad%E0%A4%A@example.com', 'bad%E0%A4%A'],
    ['https://u:p@ssword@example.com', 'p@ssword'],
    ['https://a-long-token@example.com/post', 'a-long-token'],
  ])('registers the secret of %j: %j', (url, secret) => {
    expect(registeredFor(url)).toContain(secret);
  });

  it('registers the Basic credential the probe would send for it, percent-decoded', () => {
    const registered = registeredFor('https://hook:p%40ssword@example.com/pre');
    expect(registered).toContain(basic('hook', 'p@ssword'));
  });

  it.each(['https://example.com/post?password=x', 'none', null, undefined])(
    'registers nothing for %j',
    (url) => {
      expect(registeredFor(url)).toEqual([]);
    },
  );

  it('with the token, removes every form of both credentials from a log line', () => {
    const token = 'tok/en+1-long';
    const secrets = knowing(token);
    secrets.addBasicCredential(ACCOUNT, token);
    secrets.addUrl('https://hook:p%40ssword@example.com/post');
    const line = [
      `Authorization: Basic ${basic(ACCOUNT, token)}`,
      `token=${encodeURIComponent(token)}`,
      `raw ${token}`,
      'url https://hook:p%40ssword@example.com/post',
      'decoded p@ssword',
      `form PostWebhookUrl=${formEncoded('https://hook:p%40ssword@example.com/post')}`,
    ].join('\n');
    const redacted = secrets.redact(line);
    for (const form of [
      token,
      encodeURIComponent(token),
      basic(ACCOUNT, token),
      'p%40ssword',
      'p@ssword',
    ]) {
      expect(redacted).not.toContain(form);
    }
    expect(redacted).not.toContain('p%2540ssword');
    expect(redacted).toContain(`Authorization: Basic ${REDACTED}`);
    expect(redacted).toContain(`url https://hook:${REDACTED}@example.com/post`);
  });
});

describe('short values', () => {
  it('neither registers nor redacts a value shorter than MIN_SECRET_LENGTH: it would blank every "e"', () => {
    const { secrets, registered } = recorded();
    secrets.add('e');
    secrets.add('t');
    secrets.addUrl('https://a:e@x.example/');
    expect(registered.filter((form) => form.length < MIN_SECRET_LENGTH)).toEqual([]);
    expect(secrets.redact('drifted: the live configuration')).toBe(
      'drifted: the live configuration',
    );
  });

  it('still registers the Basic credential of a short URL password, which is long enough', () => {
    const { secrets, registered } = recorded();
    secrets.addUrl('https://hooks:e@x.example/');
    expect(registered).toContain(basic('hooks', 'e'));
    expect(registered.every((form) => form.startsWith(basic('hooks', 'e').slice(0, 8)))).toBe(true);
    expect(secrets.redact(`Basic ${basic('hooks', 'e')}`)).toBe(`Basic ${REDACTED}`);
  });

  it('registers each line of a multi-line secret, as the runner masks line by line', () => {
    const { secrets, registered } = recorded();
    secrets.add('first-line-of-key\nsecond-line-of-key\nend');
    expect(registered).toEqual(expect.arrayContaining(['first-line-of-key', 'second-line-of-key']));
    expect(registered).not.toContain('end');
    expect(secrets.redact('a second-line-of-key b')).toBe(`a ${REDACTED} b`);
  });
});

describe('Secrets.addVariable and show', () => {
  it('shows a value the file filled in as the ${NAME} it wrote, and outputs keep it', () => {
    const secrets = knowing('tok-secret-1');
    secrets.addVariable('PREVIEW_URL', 'https://pr-42.example.com');
    const text = 'post-webhook-url https://pr-42.example.com/twilio, token tok-secret-1';
    expect(secrets.show(text)).toBe(`post-webhook-url \${PREVIEW_URL}/twilio, token ${REDACTED}`);
    expect(secrets.redact(text)).toBe(
      `post-webhook-url https://pr-42.example.com/twilio, token ${REDACTED}`,
    );
  });

  it('shows the HTML-escaped and JSON-escaped forms too', () => {
    const secrets = knowing();
    secrets.addVariable('HOOK', 'https://a.example/?x=1&y="2"');
    expect(secrets.show('<code>https://a.example/?x=1&#38;y=&#34;2&#34;</code>')).toBe(
      '<code>${HOOK}</code>',
    );
    expect(secrets.show(JSON.stringify({ url: 'https://a.example/?x=1&y="2"' }))).toBe(
      '{"url":"${HOOK}"}',
    );
  });

  it('leaves short values as they are: a word of the report must stay a word', () => {
    const secrets = knowing();
    secrets.addVariable('ENV', 'prod');
    expect(secrets.show('prod and production')).toBe('prod and production');
  });
});
