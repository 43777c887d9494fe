// Bad input never reaches Twilio: random invalid values for every input are refused, in-process,
// by an InputError that names the input, before any request could be made. Each generator makes
// values invalid by construction (or filters with a rule looser than the action's), so that the
// test does not restate the rules it checks.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InputName } from '../../../src/config/contract.js';
import { InputError } from '../../../src/config/input-parsers.js';
import { readOnlyIfLive } from '../../../src/config/deploy-settings.js';
import { parseWebhookUrl } from '../../../src/model/values.js';
import { parseSettings } from '../../../src/config/settings.js';
import { quote } from '../../../src/core/text.js';
import { webUrl } from '../arbitraries.js';
import { inputs, SECRET } from '../fixtures.js';
import type { Overrides } from '../fixtures.js';

/** What the runner does to every input value: it trims it. NUL cannot travel in an environment. */
const value = (arbitrary: fc.Arbitrary<string>) =>
  arbitrary.map((s) => s.replace(/\0/g, '').trim()).filter((s) => s !== '');

const anyText = value(
  fc.oneof(
    fc.string({ maxLength: 80 }),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.string({
      unit: fc.integer({ min: 1, max: 0x1f }).map((c) => String.fromCharCode(c)),
      maxLength: 20,
    }),
    fc.string({ minLength: 5_000, maxLength: 20_000 }),
  ),
);
const hex = (length: number, digits = '0123456789abcdefABCDEF') =>
  fc.string({ unit: fc.constantFrom(...digits.split('')), minLength: length, maxLength: length });

/** Anything but the prefix and 32 lower-case hex digits: upper-case digits are refused too. */
const wrongSid = (prefix: string) =>
  fc
    .oneof(
      anyText,
      fc.tuple(fc.constantFrom('AC', 'SK', 'IS', 'PN', 'ac', 'XX'), hex(32)).map(([p, h]) => p + h),
      fc
        .tuple(
          fc.constant(prefix),
          fc.nat({ max: 40 }).filter((n) => n !== 32),
        )
        .chain(([p, n]) => hex(n).map((h) => p + h)),
    )
    .filter((s) => !new RegExp(`^${prefix}[0-9a-fA-F]{32}$`).test(s));

/** Not a URL written in full as http(s)://host…, whatever WHATWG parsing would make of it. */
const notUrl = fc
  .oneof(
    anyText.filter((s) => !/^https?:\/\/[^/?#]/i.test(s)),
    fc
      .tuple(webUrl, fc.constantFrom(' ', '\t', '\n', '\u0000', '\u007f', '\u00a0', '\\'))
      .chain(([url, bad]) =>
        fc
          .integer({ min: 1, max: url.length - 1 })
          .map((at) => url.slice(0, at) + bad + url.slice(at)),
      ),
    fc
      .tuple(webUrl, fc.constantFrom(':', ':/', ':///', ':\\\\', ':\\/'))
      .map(([url, separator]) => url.replace('://', separator)),
    fc
      .tuple(webUrl, fc.stringMatching(/^[a-z]{1,8}$/), fc.stringMatching(/^[a-z]{1,8}$/))
      .map(([url, user, password]) => url.replace('://', `://${user}:${password}@x@`)),
    fc
      .tuple(fc.constantFrom('ftp', 'file', 'javascript', 'ws', 'mailto', 'data'), webUrl)
      .map(([scheme, url]) => url.replace(/^https?/i, scheme)),
  )
  .filter((s) => s.toLowerCase() !== 'none');

const separatorsOnly = fc
  .string({ unit: fc.constantFrom(',', '\n', '\r\n', ' ', '\t', ','), minLength: 1, maxLength: 30 })
  .filter((s) => s.includes(',') || s.includes('\n'))
  .map((s) => `,${s},`);

const notOneOf = (...valid: string[]) => anyText.filter((s) => !valid.includes(s.toLowerCase()));
const HOST_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/** Each input, a generator of values it must refuse, and the inputs around it that isolate it. */
const CASES: [InputName, fc.Arbitrary<string>, Overrides][] = [
  ['account-sid', wrongSid('AC'), {}],
  ['service-sid', wrongSid('IS'), {}],
  ['api-key', wrongSid('SK'), { 'auth-token': '', 'api-secret': SECRET }],
  // A well-formed name may be an event Twilio added since: it passes, with a warning.
  [
    'filters',
    fc.oneof(
      separatorsOnly,
      notOneOf('none').filter((s) => !/^on[A-Z][A-Za-z]+$/.test(s.trim())),
    ),
    {},
  ],
  ['method', notOneOf('get', 'post'), {}],
  ['pre-webhook-url', notUrl, {}],
  ['post-webhook-url', notUrl, {}],
  ['target', notOneOf('webhook', 'flex'), {}],
  ['region', anyText.filter((s) => !HOST_LABEL.test(s)), { edge: 'dublin' }],
  ['edge', anyText.filter((s) => !HOST_LABEL.test(s)), {}],
  [
    'api-base-url',
    fc
      .oneof(
        anyText,
        fc
          .domain()
          .filter((d) => d !== 'localhost' && !d.startsWith('127.'))
          .map((d) => `http://${d}`),
        webUrl.map((url) => url.replace(/^https?:\/\//i, 'https://user:pw@')),
      )
      .filter((s) => !URL.canParse(s) || !/^https:\/\/[^/@?#]+(\/[^?#]*)?$/i.test(s)),
    {},
  ],
  [
    'timeout-seconds',
    fc.oneof(
      anyText.filter((s) => !(/^\d+(\.\d+)?$/.test(s) && Number(s) >= 0.1 && Number(s) <= 300)),
      fc
        .tuple(fc.integer({ min: 0, max: 300 }), fc.stringMatching(/^\d{4,8}$/))
        .map(([whole, decimals]) => `${whole}.${decimals}`),
    ),
    {},
  ],
  ['max-retries', anyText.filter((s) => !(/^\d+$/.test(s) && Number(s) <= 10)), {}],
  [
    'max-concurrency',
    anyText.filter((s) => !(/^\d+$/.test(s) && Number(s) >= 1 && Number(s) <= 16)),
    {},
  ],
  [
    'config-file',
    fc.oneof(
      anyText.map((s) => `/${s}`),
      anyText.map((s) => `../${s}`),
    ),
    { 'post-webhook-url': '' },
  ],
  ['unmanaged-services', notOneOf('warn', 'fail', 'ignore'), {}],
  ['unmanaged-addresses', notOneOf('warn', 'fail', 'ignore'), {}],
  ['mode', notOneOf('apply', 'check', 'export'), {}],
  ['fail-on-drift', notOneOf('true', 'false'), {}],
  ['drift-issue', notOneOf('true', 'false'), {}],
  ['pr-comment', notOneOf('true', 'false'), {}],
  ['probe', notOneOf('auto', 'off'), {}],
  [
    'probe-timeout-seconds',
    anyText.filter((s) => !(/^\d+(\.\d+)?$/.test(s) && Number(s) <= 600)),
    {},
  ],
  ['probe-url', notUrl, {}],
  ['rollback', notOneOf('true', 'false'), {}],
  ['allow-target-change', notOneOf('true', 'false'), {}],
];

function refusal(overrides: Overrides): InputError {
  try {
    parseSettings(inputs(overrides));
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error(`accepted ${JSON.stringify(overrides).slice(0, 200)}`);
}

describe('every invalid input is refused, naming it', () => {
  it.each(CASES)('%s', (name, arbitrary, around) => {
    fc.assert(
      fc.property(arbitrary, (bad) => {
        const error = refusal({ ...around, [name]: bad });
        expect(error.input).toBe(name);
        expect(error.message.startsWith(`Input '${name}' `)).toBe(true);
        expect(error.message.length).toBeLessThan(1_000);
      }),
      { numRuns: 40 },
    );
  });
});

describe('only-if-live, read before any request', () => {
  // Text that names no field is refused whatever YAML makes of it. Kept short: the parser's own
  // words are quoted unbounded (see deploy-settings.test.ts); without tags or directives, on
  // which it warns on stderr.
  const namesNoField = anyText.filter(
    (s) => s.length < 900 && !/!|^\s*%/m.test(s) && !/filters|method|webhook-url|target/.test(s),
  );

  it('refuses any text that names no field, naming only-if-live', async () => {
    await fc.assert(
      fc.asyncProperty(namesNoField, async (bad) => {
        const error: unknown = await readOnlyIfLive(bad).then(
          () => new Error(`accepted ${JSON.stringify(bad).slice(0, 200)}`),
          (refusal: unknown) => refusal,
        );
        expect(error).toBeInstanceOf(InputError);
        expect((error as InputError).input).toBe('only-if-live');
        expect((error as InputError).message.length).toBeLessThan(1_000);
      }),
      { numRuns: 100 },
    );
  });
});

describe('a value that is no SID is never quoted back beyond its first 2 characters', () => {
  it.each<[InputName, string, Overrides]>([
    ['account-sid', 'AC', {}],
    ['service-sid', 'IS', {}],
    ['api-key', 'SK', { 'auth-token': '', 'api-secret': SECRET }],
  ])('%s', (name, prefix, around) => {
    const noSid = wrongSid(prefix).filter(
      (s) => !new RegExp(`^${prefix}[0-9a-f]{32}$`, 'i').test(s),
    );
    fc.assert(
      fc.property(noSid, (bad) => {
        expect(refusal({ ...around, [name]: bad }).message).toBe(
          `Input '${name}' is a ${bad.length}-character value starting with ${quote(bad.slice(0, 2))}: expected ${prefix} followed by 32 lower-case hex digits (34 characters).`,
        );
      }),
      { numRuns: 60 },
    );
  });
});

describe('valid webhook URLs pass as written', () => {
  it('keeps every http(s) URL written in full byte for byte', () => {
    fc.assert(
      fc.property(webUrl, (url) => {
        expect(parseWebhookUrl(url)).toBe(url);
      }),
      { numRuns: 100 },
    );
  });
});
