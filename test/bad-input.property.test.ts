// Bad input never reaches Twilio: random invalid values for every input are refused by name,
// in-process over many cases, and through dist/index.js with the emulator counting requests.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputName } from '../src/contract.js';
import { InputError } from '../src/errors.js';
import { parseSettings } from '../src/settings.js';
import { DEFAULT_CREDENTIALS as CREDS, startTwilioEmulator } from './emulator/twilio-emulator.js';
import type { TwilioEmulator } from './emulator/twilio-emulator.js';
import { validInputs } from './support/inputs.js';
import { runAction } from './support/run-action.js';

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
const hex = (length: number) =>
  fc.string({
    unit: fc.constantFrom(...'0123456789abcdefABCDEF'.split('')),
    minLength: length,
    maxLength: length,
  });
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
const notUrl = fc
  .oneof(
    anyText,
    fc.webUrl().map((url) => url.replace('//', '// ')),
    fc
      .tuple(fc.constantFrom('ftp', 'file', 'javascript', 'ws', 'mailto', 'data'), fc.webUrl())
      .map(([scheme, url]) => url.replace(/^https?/, scheme)),
  )
  .filter((s) => s.toLowerCase() !== 'none' && !isWebhookUrl(s));

/** What the action accepts as a webhook URL: absolute http(s), nothing unprintable. */
function isWebhookUrl(s: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters are what this rules out
  if (/[\s\u0000-\u001f\u007f]/.test(s) || !URL.canParse(s)) return false;
  return ['http:', 'https:'].includes(new URL(s).protocol);
}

const separatorsOnly = fc
  .string({ unit: fc.constantFrom(',', '\n', '\r\n', ' ', '\t', ','), minLength: 1, maxLength: 30 })
  .filter((s) => s.includes(',') || s.includes('\n'))
  .map((s) => `,${s},`);

/** Each input, a generator of values it must refuse, and the inputs around it that isolate it. */
const CASES: [InputName, fc.Arbitrary<string>, Partial<Record<InputName, string>>][] = [
  ['account-sid', wrongSid('AC'), {}],
  ['service-sid', wrongSid('IS'), {}],
  ['api-key', wrongSid('SK'), { 'auth-token': '', 'api-secret': 'secret' }],
  [
    'filters',
    fc.oneof(
      separatorsOnly,
      anyText.filter((s) => s.toLowerCase() !== 'none'),
    ),
    {},
  ],
  ['method', anyText.filter((s) => !['get', 'post'].includes(s.toLowerCase())), {}],
  ['pre-webhook-url', notUrl, {}],
  ['post-webhook-url', notUrl, {}],
  ['target', anyText.filter((s) => !['webhook', 'flex'].includes(s.toLowerCase())), {}],
  [
    'region',
    anyText.filter((s) => !/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i.test(s)),
    { edge: 'dublin' },
  ],
  ['edge', anyText.filter((s) => !/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i.test(s)), {}],
  [
    'api-base-url',
    fc
      .oneof(
        anyText,
        fc
          .domain()
          .filter((d) => d !== 'localhost')
          .map((d) => `http://${d}`),
      )
      .filter((s) => !URL.canParse(s) || !/^https:\/\/[^/@?#]+(\/[^?#]*)?$/i.test(s)),
    {},
  ],
  [
    'timeout-seconds',
    anyText.filter((s) => !(/^\d+(\.\d+)?$/.test(s) && Number(s) >= 0.1 && Number(s) <= 300)),
    {},
  ],
  ['max-retries', anyText.filter((s) => !(/^\d+$/.test(s) && Number(s) <= 10)), {}],
  ['mode', anyText.filter((s) => !['apply', 'check'].includes(s.toLowerCase())), {}],
  ['fail-on-drift', anyText.filter((s) => !['true', 'false'].includes(s.toLowerCase())), {}],
  ['drift-issue', anyText.filter((s) => !['true', 'false'].includes(s.toLowerCase())), {}],
];

function refusal(inputs: Partial<Record<InputName, string>>): InputError {
  try {
    parseSettings(validInputs(inputs));
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error(`accepted ${JSON.stringify(inputs).slice(0, 200)}`);
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
      { numRuns: 150 },
    );
  });
});

describe('through dist/index.js, no bad input sends a request', () => {
  let emulator: TwilioEmulator;
  beforeAll(async () => {
    emulator = await startTwilioEmulator();
  });
  afterAll(async () => {
    await emulator.close();
  });

  it('refuses random bad values of random inputs, with zero requests', async () => {
    // region and edge are left to the in-process property: here api-base-url points at the
    // emulator, which overrides them, and nothing may ever head for Twilio's real hosts.
    const anyCase = fc
      .constantFrom(...CASES.filter(([name]) => name !== 'region' && name !== 'edge'))
      .chain(([name, arbitrary, around]) =>
        arbitrary.map((bad) => ({ name, inputs: { ...around, [name]: bad } })),
      );
    await fc.assert(
      fc.asyncProperty(anyCase, async ({ name, inputs }) => {
        emulator.reset();
        const run = await runAction({
          'account-sid': CREDS.accountSid,
          'auth-token': CREDS.authToken,
          'api-base-url': emulator.url,
          'post-webhook-url': 'https://app.example.com/post',
          ...inputs,
        });
        expect(run.exitCode).toBe(1);
        expect(run.stdout).toContain(`::error::Input '${name}' `);
        expect(emulator.requests).toEqual([]);
        expect(run.outputs).toEqual({});
      }),
      { numRuns: 30 },
    );
  }, 60_000);
});
