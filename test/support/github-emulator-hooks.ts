import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startGitHubEmulator } from '../emulator/github-emulator.ts';
import type { GitHubEmulator, GitHubEmulatorOptions } from '../emulator/github-emulator.ts';

/** One GitHub emulator for the file, emptied before each test. Call at the top of a test file. */
export function useGitHubEmulator(options: GitHubEmulatorOptions): () => GitHubEmulator {
  let emulator: GitHubEmulator | undefined;
  beforeAll(async () => {
    emulator = await startGitHubEmulator(options);
  });
  afterAll(async () => {
    await emulator?.close();
  });
  beforeEach(() => {
    emulator?.reset();
  });
  return () => {
    if (emulator === undefined) throw new Error('the GitHub emulator starts in beforeAll');
    return emulator;
  };
}
