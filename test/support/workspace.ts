import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';

/** A fresh GITHUB_WORKSPACE for each test, for desired-state files to be read from and written to. */
export function useWorkspace(): {
  readonly dir: () => string;
  readonly write: (name: string, text: string) => Promise<void>;
  readonly read: (name: string) => Promise<string>;
} {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'workspace-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return {
    dir: () => dir,
    write: (name, text) => writeFile(join(dir, name), text, 'utf8'),
    read: (name) => readFile(join(dir, name), 'utf8'),
  };
}
