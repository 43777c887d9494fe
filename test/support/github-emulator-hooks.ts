import { startGitHubEmulator } from '../emulator/github-emulator.ts';
import type { GitHubEmulator, GitHubEmulatorOptions } from '../emulator/github-emulator.ts';
import { useServer } from './servers.ts';

/** One GitHub emulator for the file, emptied before each test. Call at the top of a test file. */
export function useGitHubEmulator(options: GitHubEmulatorOptions): () => GitHubEmulator {
  return useServer(
    () => startGitHubEmulator(options),
    (emulator) => {
      emulator.reset();
    },
  );
}
