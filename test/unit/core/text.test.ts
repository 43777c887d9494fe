import { describe, expect, it } from 'vitest';
import { count, escapeHtml, inert, oneLine, quote } from '../../../src/core/text.js';
import { COMMANDS } from '../fixtures.js';

describe('count', () => {
  it.each([
    [0, '0 fields'],
    [1, '1 field'],
    [2, '2 fields'],
  ])('counts %d as %j', (n, text) => {
    expect(count(n, 'field')).toBe(text);
  });
});

describe('oneLine', () => {
  it.each([
    ['plain text', 'plain text'],
    ['a\nb\r\nc', 'a\\nb\\r\\nc'],
    ['tab\there', 'tab\\there'],
    ['nul\u0000 esc\u001b[31m bell\u0007', 'nul\\u0000 esc\\u001b[31m bell\\u0007'],
    ['"quoted" and back\\slash', '\\"quoted\\" and back\\\\slash'],
  ])('shows %j as %j', (text, shown) => {
    expect(oneLine(text)).toBe(shown);
  });

  it('keeps workflow commands from the network on one line of its own', () => {
    const shown = oneLine(COMMANDS);
    expect(shown).toBe('\\n::add-mask::x\\n::error::y\\n::stop-commands::z');
    expect(shown.split(/\r|\n/)).toHaveLength(1);
  });

  it('cuts text to the limit, and says so', () => {
    expect(oneLine('abcdef', 3)).toBe('abc…');
    expect(oneLine('abc', 3)).toBe('abc');
    expect(oneLine('x'.repeat(500))).toBe(`${'x'.repeat(200)}…`);
  });

  it('returns for 2 MB of newlines, cut to the limit', () => {
    expect(oneLine('\n'.repeat(2_000_000), 100)).toBe(`${'\\n'.repeat(100)}…`);
  });
});

describe('quote', () => {
  it('quotes a value escaped, cut at 60 characters by default', () => {
    expect(quote('a"b\n')).toBe('"a\\"b\\n"');
    expect(quote('y'.repeat(61))).toBe(`"${'y'.repeat(60)}…"`);
    expect(quote('y'.repeat(10), 4)).toBe('"yyyy…"');
  });
});

describe('escapeHtml', () => {
  it.each([
    ['&', '&#38;'],
    ['<', '&#60;'],
    ['>', '&#62;'],
    ['"', '&#34;'],
    ["'", '&#39;'],
    ['|', '&#124;'],
    ['`', '&#96;'],
    ['\\', '&#92;'],
    ['[', '&#91;'],
    [']', '&#93;'],
    ['\r', '&#13;'],
    ['\n', '&#10;'],
  ])('writes %j as %s', (c, entity) => {
    expect(escapeHtml(`a${c}b`)).toBe(`a${entity}b`);
  });

  it('leaves other text as it is', () => {
    expect(escapeHtml('https://h.example/a?b=1#c ä *_~')).toBe('https://h.example/a?b=1#c ä *_~');
  });

  it('never leaves a blank line, which would end an HTML block', () => {
    const escaped = escapeHtml('cell\n\n# Heading\r\n\r\n<script>');
    expect(escaped).not.toMatch(/[\r\n]/);
    expect(escaped).toBe('cell&#10;&#10;# Heading&#13;&#10;&#13;&#10;&#60;script&#62;');
  });
});

describe('inert', () => {
  it.each([
    ['@org/team and @user', '@&#8203;org/team and @&#8203;user'],
    ['fixes #1 & GH-2', 'fixes #&#8203;1 &#38; GH-2'],
    ['<img src=x onerror=alert(1)>', '&#60;img src=x onerror=alert(1)&#62;'],
    ['![pixel](https://t.example/p.gif)', '!&#91;pixel&#93;(https://t.example/p.gif)'],
    ['`code` | cell', '&#96;code&#96; &#124; cell'],
  ])('makes %j inert in Markdown: %j', (text, shown) => {
    expect(inert(text)).toBe(shown);
  });
});
