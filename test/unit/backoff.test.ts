import { describe, expect, it } from 'vitest';
import {
  BASE_DELAY_MS,
  MAX_BACKOFF_MS,
  MAX_RETRY_AFTER_MS,
  parseRetryAfter,
  retryDelayMs,
} from '../../src/backoff.js';

const NOW = Date.parse('2026-11-24T12:00:00Z');

describe('retryDelayMs', () => {
  it('doubles with each attempt, between half and all of the ceiling', () => {
    for (const attempt of [1, 2, 3, 4]) {
      const ceiling = BASE_DELAY_MS * 2 ** (attempt - 1);
      expect(retryDelayMs(attempt, undefined, NOW, 0)).toBe(ceiling / 2);
      expect(retryDelayMs(attempt, undefined, NOW, 0.999_999)).toBeCloseTo(ceiling, -1);
    }
  });

  it('caps the backoff', () => {
    expect(retryDelayMs(30, undefined, NOW, 0.999_999)).toBeLessThanOrEqual(MAX_BACKOFF_MS);
    expect(retryDelayMs(30, undefined, NOW, 0)).toBe(MAX_BACKOFF_MS / 2);
  });

  it('honours Retry-After, capped', () => {
    expect(retryDelayMs(1, '3', NOW, 0.5)).toBe(3000);
    expect(retryDelayMs(1, '0', NOW, 0.5)).toBe(0);
    expect(retryDelayMs(1, '86400', NOW, 0.5)).toBe(MAX_RETRY_AFTER_MS);
  });

  it('falls back to backoff when Retry-After is garbage', () => {
    expect(retryDelayMs(1, 'soon', NOW, 0)).toBe(BASE_DELAY_MS / 2);
  });
});

describe('parseRetryAfter', () => {
  it('reads delay-seconds', () => {
    expect(parseRetryAfter(' 12 ', NOW)).toBe(12_000);
  });

  it('reads an HTTP-date relative to now, and a past date as zero', () => {
    expect(parseRetryAfter('Tue, 24 Nov 2026 12:00:05 GMT', NOW)).toBe(5000);
    expect(parseRetryAfter('Tue, 24 Nov 2026 11:00:00 GMT', NOW)).toBe(0);
  });

  it('ignores what is neither', () => {
    expect(parseRetryAfter(undefined, NOW)).toBeUndefined();
    expect(parseRetryAfter('-5', NOW)).toBeUndefined();
    expect(parseRetryAfter('1.5', NOW)).toBeUndefined();
    expect(parseRetryAfter('later', NOW)).toBeUndefined();
  });
});
