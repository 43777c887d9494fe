import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startTwilioEmulator } from '../emulator/twilio-emulator.ts';
import type { EmulatorOptions, TwilioEmulator } from '../emulator/twilio-emulator.ts';

/** One emulator for the file, reset before each test. Call at the top of a test file. */
export function useTwilioEmulator(options?: EmulatorOptions): () => TwilioEmulator {
  let emulator: TwilioEmulator | undefined;
  beforeAll(async () => {
    emulator = await startTwilioEmulator(options);
  });
  afterAll(async () => {
    await emulator?.close();
  });
  beforeEach(() => {
    emulator?.reset();
  });
  return () => {
    if (emulator === undefined) throw new Error('the emulator starts in beforeAll');
    return emulator;
  };
}
