import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidValue } from '../../../src/core/errors.js';
import { InputError } from '../../../src/config/input-parsers.js';
import {
  asInput,
  parseBoolean,
  parseChoice,
  parseSecondsAsMs,
  parseWholeNumber,
} from '../../../src/config/input-parsers.js';
import { inputs, thrown } from '../fixtures.js';

const BASE = inputs();
/** The inputs with timeout-seconds, the input every case reads, set to `value`. */
const withValue = (value: string) => ({ ...BASE, 'timeout-seconds': value });

/** The InputError `parse` throws, which must name `timeout-seconds`, the input every case uses. */
function refusal(parse: () => unknown): string {
  const error = thrown(parse);
  expect(error).toBeInstanceOf(InputError);
  expect((error as InputError).input).toBe('timeout-seconds');
  return (error as InputError).message;
}

describe('asInput', () => {
  it('gives what the parser returns', () => {
    expect(asInput('method', () => 'GET')).toBe('GET');
  });

  it('names the input in what the parser refuses', () => {
    const error = thrown(() =>
      asInput('method', () => {
        throw new InvalidValue('is "PUT": must be GET or POST.');
      }),
    );
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({
      input: 'method',
      message: `Input 'method' is "PUT": must be GET or POST.`,
    });
  });

  it('passes any other error on as it is', () => {
    const bug = new TypeError('a bug');
    expect(
      thrown(() =>
        asInput('method', () => {
          throw bug;
        }),
      ),
    ).toBe(bug);
  });
});

describe('parseChoice and parseBoolean', () => {
  const MODES = ['apply', 'check', 'export'] as const;
  const choice = (value: string) => parseChoice(inputs({ mode: value }), 'mode', MODES);

  it.each([
    ['apply', 'apply'],
    ['EXPORT', 'export'],
    ['Check', 'check'],
  ])('reads %j as %s, in any case', (value, expected) => {
    expect(choice(value)).toBe(expected);
  });

  it.each(['plan', '', 'apply ', 'ap ply'])('refuses %j, listing every choice', (value) => {
    const error = thrown(() => choice(value));
    expect(error).toMatchObject({
      input: 'mode',
      message: `Input 'mode' is ${JSON.stringify(value)}: must be apply, check or export.`,
    });
  });

  it.each([
    ['true', true],
    ['TRUE', true],
    ['false', false],
    ['False', false],
  ])('reads the boolean %j as %s', (value, expected) => {
    expect(parseBoolean(inputs({ rollback: value }), 'rollback')).toBe(expected);
  });

  it.each(['yes', '1', '', 'on'])('refuses the boolean %j', (value) => {
    expect(thrown(() => parseBoolean(inputs({ rollback: value }), 'rollback'))).toMatchObject({
      input: 'rollback',
      message: `Input 'rollback' is ${JSON.stringify(value)}: must be true or false.`,
    });
  });
});

describe('parseSecondsAsMs', () => {
  const RANGE = { min: 0.1, max: 300 };
  const ms = (value: string, range = RANGE) =>
    parseSecondsAsMs(withValue(value), 'timeout-seconds', range);

  it.each([
    ['10', 10_000],
    ['0.1', 100],
    ['0.100', 100],
    ['2.5', 2_500],
    ['16.1', 16_100],
    ['0.3', 300],
    ['1.005', 1_005],
    ['299.999', 299_999],
    ['300', 300_000],
    ['300.000', 300_000],
    ['010', 10_000],
  ])('reads %j as %d ms exactly', (value, expected) => {
    expect(ms(value)).toBe(expected);
  });

  it('turns every value from 0.100 to 300.000 into its whole number of milliseconds', () => {
    const wrong: string[] = [];
    for (let expected = 100; expected <= 300_000; expected++) {
      const value = `${Math.floor(expected / 1000)}.${String(expected % 1000).padStart(3, '0')}`;
      if (ms(value) !== expected) wrong.push(value);
    }
    expect(wrong).toEqual([]);
  });

  it('turns every two-decimal value from 0.10 to 20.00 into an integer', () => {
    const wrong: string[] = [];
    for (let cs = 10; cs <= 2_000; cs++) {
      const value = `${Math.floor(cs / 100)}.${String(cs % 100).padStart(2, '0')}`;
      const read = ms(value);
      if (!Number.isInteger(read) || read !== cs * 10) wrong.push(value);
    }
    expect(wrong).toEqual([]);
  });

  it('reads any number of seconds with up to 3 decimals as an integer, or refuses it', () => {
    const written = fc
      .tuple(fc.integer({ min: 0, max: 400 }), fc.stringMatching(/^(?:\.\d{1,3})?$/))
      .map(([whole, decimals]) => `${whole}${decimals}`);
    fc.assert(
      fc.property(written, (value) => {
        const expected = Math.round(Number(value) * 1000);
        if (expected >= 100 && expected <= 300_000) expect(ms(value)).toBe(expected);
        else refusal(() => ms(value));
      }),
      { numRuns: 1_000 },
    );
  });

  it('takes a range from zero', () => {
    expect(ms('0', { min: 0, max: 600 })).toBe(0);
    expect(ms('600', { min: 0, max: 600 })).toBe(600_000);
  });

  it.each([
    '0',
    '0.05',
    '0.099',
    '300.001',
    '300.5',
    '301',
    '1000',
    '1.2345',
    '.5',
    '5.',
    '1,5',
    '-1',
    '+1',
    '1e3',
    '',
    ' 10',
    '10s',
    'ten',
    'Infinity',
    'NaN',
    '0x10',
    '١٠',
  ])('refuses %j, giving the range', (value) => {
    expect(refusal(() => ms(value))).toBe(
      `Input 'timeout-seconds' is ${JSON.stringify(value)}: must be a number of seconds from 0.1 to 300, with at most three decimals.`,
    );
  });
});

describe('parseWholeNumber', () => {
  const RANGE = { min: 1, max: 16 };
  const whole = (value: string) => parseWholeNumber(withValue(value), 'timeout-seconds', RANGE);

  it.each([
    ['1', 1],
    ['16', 16],
    ['04', 4],
  ])('reads %j as %d', (value, expected) => {
    expect(whole(value)).toBe(expected);
  });

  it.each(['0', '17', '-1', '1.5', '', 'three', '2 ', '1e1', '00001'])(
    'refuses %j, giving the range',
    (value) => {
      expect(refusal(() => whole(value))).toBe(
        `Input 'timeout-seconds' is ${JSON.stringify(value)}: must be a whole number from 1 to 16.`,
      );
    },
  );
});
