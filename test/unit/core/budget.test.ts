import { describe, expect, it } from 'vitest';
import { characters, fitWithin, utf8Bytes } from '../../../src/core/budget.js';

const more = (n: number) => `…and ${n} more`;

describe('fitWithin', () => {
  it('keeps everything that fits, with no "more" line', () => {
    const text = fitWithin(100, characters, { head: 'H', sections: ['a', 'b'], foot: 'F', more });
    expect(text).toBe('H\na\nb\nF');
  });

  it('keeps the first sections that fit and counts the rest', () => {
    const sections = Array.from({ length: 50 }, (_, i) => `section ${String(i).padStart(2, '0')}`);
    const text = fitWithin(200, characters, { head: 'HEAD', sections, foot: 'FOOT', more });
    expect(text.length).toBeLessThanOrEqual(200);
    const kept = sections.filter((s) => text.includes(s));
    expect(kept).toEqual(sections.slice(0, kept.length));
    expect(kept.length).toBeGreaterThan(5);
    expect(text).toContain(`…and ${50 - kept.length} more`);
    expect(text.startsWith('HEAD\n')).toBe(true);
    expect(text.endsWith('\nFOOT')).toBe(true);
  });

  it('measures as it is told: bytes of UTF-8 for a summary', () => {
    const sections = Array.from({ length: 40 }, () => '✅'.repeat(10));
    const text = fitWithin(300, utf8Bytes, { head: '', sections, foot: '', more });
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(300);
    expect(text.length).toBeLessThan(300);
  });

  it('still says how many were left out when not even one fits', () => {
    const text = fitWithin(30, characters, {
      head: 'H',
      sections: ['x'.repeat(50)],
      foot: 'F',
      more,
    });
    expect(text).toBe('H\n…and 1 more\nF');
  });
});
