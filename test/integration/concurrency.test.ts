// Two deploys at the same moment, on the same resource, wanting different URLs. Without a
// workflow `concurrency:` group this can happen; the action must still end each run clearly and
// leave one of the two desired states in place, verified.
import { expect, it } from 'vitest';
import { runInProcess } from '../support/action.js';
import { emulatorInputs, useTwilioEmulator } from '../support/twilio-emulator-hooks.js';

const emulator = useTwilioEmulator();

function deploy(url: string, mode = 'apply') {
  return runInProcess({
    ...emulatorInputs(emulator()),
    mode,
    filters: 'onMessageAdded',
    'post-webhook-url': url,
  });
}

it('two runs racing end clearly, and the final state is one of them, verified', async () => {
  const urls = ['https://preview-a.example.com/hook', 'https://preview-b.example.com/hook'];
  // Hold both updates back so that both runs fetch before either writes: the worst interleaving.
  emulator().inject({ kind: 'stall', ms: 100, method: 'POST', times: 2 });
  const runs = await Promise.all(urls.map((url) => deploy(url)));

  const methods = emulator()
    .requests.map((r) => r.method)
    .sort();
  expect(methods).toEqual(['GET', 'GET', 'POST', 'POST']);
  for (const run of runs) {
    // Each run verified the answer to its own update: both succeed, and say so.
    expect(run.exitCode).toBe(0);
    expect(run.outputs.changed).toBe('true');
  }
  const final = emulator().accountConfig().post_webhook_url;
  expect(urls).toContain(final);

  const checks = await Promise.all(urls.map((url) => deploy(url, 'check')));
  const inSync = checks.filter((run) => run.outputs.drifted === 'false');
  expect(inSync).toHaveLength(1);
  expect(checks.find((run) => run.outputs.drifted === 'true')?.exitCode).toBe(1);
});
