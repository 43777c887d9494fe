import type { InputName, RawInputs } from '../../src/contract.js';
import { INPUTS } from '../../src/contract.js';
import { DEFAULT_CREDENTIALS } from '../emulator/twilio-emulator.js';

/** action.yml's defaults, as the runner fills them in. */
const DEFAULTS: Partial<Record<InputName, string>> = {
  'timeout-seconds': '10',
  'max-retries': '3',
  mode: 'apply',
  'fail-on-drift': 'true',
  'drift-issue': 'false',
  'drift-issue-labels': 'twilio-webhook-drift',
};

/** A valid set of raw inputs for the emulator's default account, with overrides. */
export function validInputs(overrides: Partial<Record<InputName, string>> = {}): RawInputs {
  const base: Partial<Record<InputName, string>> = {
    ...DEFAULTS,
    'account-sid': DEFAULT_CREDENTIALS.accountSid,
    'auth-token': DEFAULT_CREDENTIALS.authToken,
    'post-webhook-url': 'https://example.com/post',
    ...overrides,
  };
  return Object.fromEntries(INPUTS.map((name) => [name, base[name] ?? ''])) as RawInputs;
}
