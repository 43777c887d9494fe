// What every run loads stays small, and the GitHub client stays out of it.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support/run-action.js';

const DIST = join(ROOT, 'dist');

describe('dist/', () => {
  it('keeps the entry point every run loads under 1.5 MiB', async () => {
    const { size } = await stat(join(DIST, 'index.js'));
    expect(size).toBeLessThan(1.5 * 1024 * 1024);
  });

  it('keeps the GitHub client in a chunk that only a drift issue loads', async () => {
    const entry = await readFile(join(DIST, 'index.js'), 'utf8');
    expect(entry).not.toMatch(/octokit/i);
    const chunks = (await readdir(DIST)).filter((file) => /^\d+\.index\.js$/.test(file));
    const contents = await Promise.all(chunks.map((file) => readFile(join(DIST, file), 'utf8')));
    expect(contents.some((text) => /octokit/i.test(text))).toBe(true);
  });
});
