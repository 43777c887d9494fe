import { describe, expect, it } from 'vitest';
import {
  BASE_DELAY_MS,
  MAX_BACKOFF_MS,
  MAX_RETRY_AFTER_MS,
  parseRetryAfter,
  retryDelayMs,
} from '../../../src/http/backoff.js';

const NOW = Date.parse('2026-11-24T12:00:00Z');
/** As close to 1 as Math.random() gets in practice. */
const ALMOST_ONE = 0.999_999_9;

describe('retryDelayMs without Retry-After', () => {
  it('has the documented constants', () => {
    expect(BASE_DELAY_MS).toBe(500);
    expect(MAX_BACKOFF_MS).toBe(8_000);
    expect(MAX_RETRY_AFTER_MS).toBe(30_000);
  });

  it.each([
    [1, 250, 500],
    [2, 500, 1_000],
    [3, 1_000, 2_000],
    [4, 2_000, 4_000],
    [5, 4_000, 8_000],
  ])(
    'waits, after attempt %d, from %d ms (random 0) to %d ms (random ~1)',
    (attempt, low, high) => {
      expect(retryDelayMs(attempt, undefined, NOW, 0)).toBe(low);
      expect(retryDelayMs(attempt, undefined, NOW, ALMOST_ONE)).toBe(high);
      expect(retryDelayMs(attempt, undefined, NOW, 0.5)).toBe((low + high) / 2);
    },
  );

  it('doubles with each attempt until the cap', () => {
    for (let attempt = 1; attempt < 5; attempt++) {
      expect(retryDelayMs(attempt + 1, undefined, NOW, 0)).toBe(
        2 * retryDelayMs(attempt, undefined, NOW, 0),
      );
    }
  });

  it('stays within half and all of the ceiling for any random number', () => {
    for (const attempt of [1, 2, 3, 4, 5, 6, 10]) {
      const ceiling = Math.min(MAX_BACKOFF_MS, BASE_DELAY_MS * 2 ** (attempt - 1));
      for (const random of [0, 0.1, 0.25, 0.5, 0.75, 0.9, ALMOST_ONE]) {
        const delay = retryDelayMs(attempt, undefined, NOW, random);
        expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
        expect(delay).toBeLessThanOrEqual(ceiling);
        expect(Number.isInteger(delay)).toBe(true);
      }
    }
  });

  it.each([6, 7, 20, 100, 5_000])(
    'caps the backoff at MAX_BACKOFF_MS after attempt %d',
    (attempt) => {
      expect(retryDelayMs(attempt, undefined, NOW, 0)).toBe(MAX_BACKOFF_MS / 2);
      expect(retryDelayMs(attempt, undefined, NOW, ALMOST_ONE)).toBe(MAX_BACKOFF_MS);
    },
  );

  it('does not depend on the clock', () => {
    expect(retryDelayMs(3, undefined, 0, 0.5)).toBe(retryDelayMs(3, undefined, NOW, 0.5));
  });
});

describe('retryDelayMs with Retry-After', () => {
  it('honours delay-seconds over the backoff, whatever the attempt and random number', () => {
    expect(retryDelayMs(1, '3', NOW, 0)).toBe(3_000);
    expect(retryDelayMs(5, '3', NOW, ALMOST_ONE)).toBe(3_000);
    expect(retryDelayMs(1, '0', NOW, 0.5)).toBe(0);
    expect(retryDelayMs(1, '20', NOW, 0.5)).toBe(20_000);
  });

  it('honours an HTTP-date relative to now', () => {
    expect(retryDelayMs(1, 'Tue, 24 Nov 2026 12:00:07 GMT', NOW, 0.5)).toBe(7_000);
  });

  it('caps what the server asks for at MAX_RETRY_AFTER_MS', () => {
    expect(retryDelayMs(1, '30', NOW, 0)).toBe(MAX_RETRY_AFTER_MS);
    expect(retryDelayMs(1, '31', NOW, 0)).toBe(MAX_RETRY_AFTER_MS);
    expect(retryDelayMs(1, '86400', NOW, 0)).toBe(MAX_RETRY_AFTER_MS);
    expect(retryDelayMs(1, '99999999999999999999999', NOW, 0)).toBe(MAX_RETRY_AFTER_MS);
    expect(retryDelayMs(1, 'Fri, 31 Dec 9999 23:59:59 GMT', NOW, 0)).toBe(MAX_RETRY_AFTER_MS);
  });

  it('does not wait for a date in the past', () => {
    expect(retryDelayMs(4, 'Tue, 24 Nov 2026 11:59:00 GMT', NOW, ALMOST_ONE)).toBe(0);
  });

  it.each(['soon', '', '-5', '1.5', '5s'])(
    'falls back to the backoff for the garbage %j',
    (value) => {
      expect(retryDelayMs(1, value, NOW, 0)).toBe(BASE_DELAY_MS / 2);
      expect(retryDelayMs(3, value, NOW, ALMOST_ONE)).toBe(2_000);
    },
  );
});

describe('parseRetryAfter', () => {
  it('is undefined without a header', () => {
    expect(parseRetryAfter(undefined, NOW)).toBeUndefined();
  });

  it.each([
    ['0', 0],
    ['1', 1_000],
    ['12', 12_000],
    [' 12 ', 12_000],
    ['007', 7_000],
    ['120', 120_000],
  ])('reads the delay-seconds %j as %d ms, uncapped', (value, ms) => {
    expect(parseRetryAfter(value, NOW)).toBe(ms);
  });

  it('reads an IMF-fixdate relative to now', () => {
    expect(parseRetryAfter('Tue, 24 Nov 2026 12:00:05 GMT', NOW)).toBe(5_000);
    expect(parseRetryAfter('Tue, 24 Nov 2026 12:01:00 GMT', NOW)).toBe(60_000);
    expect(parseRetryAfter('Tue, 24 Nov 2026 12:00:05 GMT', NOW + 2_000)).toBe(3_000);
    expect(parseRetryAfter('  Tue, 24 Nov 2026 12:00:05 GMT  ', NOW)).toBe(5_000);
  });

  it('reads a date in the past, or now, as no wait', () => {
    expect(parseRetryAfter('Tue, 24 Nov 2026 11:00:00 GMT', NOW)).toBe(0);
    expect(parseRetryAfter('Thu, 01 Jan 1970 00:00:00 GMT', NOW)).toBe(0);
    expect(parseRetryAfter('Tue, 24 Nov 2026 12:00:00 GMT', NOW)).toBe(0);
  });

  it.each(['', '   ', '-5', '+5', '1.5', '1e3', '0x10', '5s', 'soon', 'later', 'NaN', 'Infinity'])(
    'ignores %j',
    (value) => {
      expect(parseRetryAfter(value, NOW)).toBeUndefined();
    },
  );
});
