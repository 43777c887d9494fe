import { DEFAULT_CREDENTIALS, startTwilioEmulator } from '../emulator/twilio-emulator.ts';
import type { EmulatorOptions, TwilioEmulator } from '../emulator/twilio-emulator.ts';
import type { Inputs } from './action.ts';
import { useServer } from './servers.ts';

/** One emulator for the file, reset before each test. Call at the top of a test file. */
export function useTwilioEmulator(options?: EmulatorOptions): () => TwilioEmulator {
  return useServer(
    () => startTwilioEmulator(options),
    (emulator) => {
      emulator.reset();
    },
  );
}

/**
 * The inputs that point the action at the emulator, with its default credentials. The webhook
 * URLs tests use are not served anywhere, so nothing is probed, and the services and Address
 * Configurations nobody declared are left out unless a test is about them.
 */
export function emulatorInputs(emulator: TwilioEmulator): Inputs {
  return {
    'account-sid': DEFAULT_CREDENTIALS.accountSid,
    'auth-token': DEFAULT_CREDENTIALS.authToken,
    'api-base-url': emulator.url,
    ...QUIET,
  };
}

/** No probe of URLs nobody serves, no look at services or addresses a test did not set up. */
export const QUIET = {
  probe: 'off',
  'unmanaged-services': 'ignore',
  'unmanaged-addresses': 'ignore',
} as const;

/** "GET /v1/Configuration/Webhooks", for each request the emulator received. */
export function requestLines(emulator: TwilioEmulator): string[] {
  return emulator.requests.map((r) => `${r.method} ${r.path}`);
}
