// run() in-process, with its dependencies passed in: a clock that records backoff instead of
// waiting, so that long waits are checked without being waited out.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { MAX_RETRY_AFTER_MS } from '../src/backoff.js';
import { run } from '../src/main.js';
import type { Clock } from '../src/twilio-client.js';
import { DEFAULT_CREDENTIALS as CREDS } from './emulator/twilio-emulator.js';
import { inputVariable, parseOutputFile } from './support/run-action.js';
import { useTwilioEmulator } from './support/twilio-emulator-hooks.js';
import { validInputs } from './support/inputs.js';

const emulator = useTwilioEmulator();
let dir: string;
const saved = { ...process.env };

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'run-'));
  await writeFile(join(dir, 'output'), '');
  await writeFile(join(dir, 'summary'), '');
  process.env.GITHUB_OUTPUT = join(dir, 'output');
  process.env.GITHUB_STEP_SUMMARY = join(dir, 'summary');
  const inputs = validInputs({ 'api-base-url': emulator().url, 'auth-token': CREDS.authToken });
  for (const [name, value] of Object.entries(inputs)) process.env[inputVariable(name)] = value;
  process.exitCode = undefined;
});
afterEach(async () => {
  process.env = { ...saved };
  process.exitCode = undefined;
  await rm(dir, { recursive: true, force: true });
});

it('takes its clock from the caller: an absurd Retry-After is capped, and not waited out', async () => {
  const sleeps: number[] = [];
  const clock: Clock = {
    now: () => Date.now(),
    random: () => 0.5,
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
  };
  emulator().inject({ kind: 'status', status: 429, headers: { 'Retry-After': '86400' }, times: 2 });

  const started = Date.now();
  await run({ clock });

  expect(Date.now() - started).toBeLessThan(5_000);
  expect(sleeps).toEqual([MAX_RETRY_AFTER_MS, MAX_RETRY_AFTER_MS]);
  expect(process.exitCode).toBeUndefined();
  const outputs = parseOutputFile(await readFile(join(dir, 'output'), 'utf8'));
  expect(outputs.changed).toBe('true');
  expect(emulator().requests.map((r) => r.method)).toEqual(['GET', 'GET', 'GET', 'POST']);
});
