// A deploy's safe switch through the committed dist/index.js, as the runner starts it: the probe
// against a local preview server, only-if-live, rollback and the Flex guard, each with its exit
// code, outputs and what Twilio received.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreviewServer } from '../emulator/preview-server.js';
import type { PreviewServer } from '../emulator/preview-server.js';
import { DEFAULT_CREDENTIALS as CREDS } from '../emulator/twilio-emulator.js';
import { annotationsOf, errorLine, runDist } from '../support/action.js';
import type { Inputs } from '../support/action.js';
import { useTwilioEmulator } from '../support/twilio-emulator-hooks.js';

const twilio = useTwilioEmulator();
let preview: PreviewServer;

beforeAll(async () => {
  preview = await startPreviewServer();
});
afterAll(async () => {
  await preview.close();
});

function deploy(inputs: Inputs) {
  return runDist({
    'account-sid': CREDS.accountSid,
    'auth-token': CREDS.authToken,
    'api-base-url': twilio().url,
    'unmanaged-services': 'ignore',
    ...inputs,
  });
}

const sent = () => twilio().requests.map((r) => r.method);

describe('dist/index.js on deploy', () => {
  it('probes the preview, then switches to it', async () => {
    preview.script([{ status: 200 }]);
    const run = await deploy({ 'post-webhook-url': `${preview.url}/twilio` });
    expect(run.exitCode).toBe(0);
    expect(preview.requests.at(-1)?.headers['x-twilio-signature']).toBeDefined();
    expect(sent()).toEqual(['GET', 'POST']);
    expect(JSON.parse(run.outputs.probed ?? '')).toMatchObject([{ passed: true, status: 200 }]);
    expect(run.outputs.skipped).toBe('false');
  });

  it('a preview that does not answer within Twilio’s 5 s: no update, the step fails', async () => {
    preview.script([{ status: 200, delayMs: 6_000 }]);
    const run = await deploy({
      'post-webhook-url': `${preview.url}/slow`,
      'probe-timeout-seconds': '0',
    });
    expect(run.exitCode).toBe(1);
    expect(sent()).toEqual(['GET']);
    expect(errorLine(run)).toContain('No update was sent');
  });

  it('only-if-live: restores only while the hooks still point at this preview', async () => {
    const mine = 'https://pr-42.preview.example.com/twilio';
    twilio().setAccountConfig({ post_webhook_url: 'https://pr-43.preview.example.com/twilio' });
    const held = await deploy({
      probe: 'off',
      'post-webhook-url': 'https://main.example.com/twilio',
      'only-if-live': `post-webhook-url: ${mine}`,
    });
    expect(held.exitCode).toBe(0);
    expect(held.outputs.skipped).toBe('true');
    expect(annotationsOf(held, 'notice')).toHaveLength(1);
    expect(sent()).toEqual(['GET']);

    twilio().setAccountConfig({ post_webhook_url: mine });
    twilio().clearRequests();
    const ours = await deploy({
      probe: 'off',
      'post-webhook-url': 'https://main.example.com/twilio',
      'only-if-live': `post-webhook-url: ${mine}`,
    });
    expect(ours.exitCode).toBe(0);
    expect(ours.outputs.skipped).toBe('false');
    expect(sent()).toEqual(['GET', 'POST']);
  });

  it('rolls back a write that does not verify, and says what became of it', async () => {
    twilio().setAccountConfig({ post_webhook_url: 'https://old.example.com/hook', method: 'GET' });
    twilio().inject({ kind: 'ignore-update', fields: ['post_webhook_url'], method: 'POST' });
    const run = await deploy({
      probe: 'off',
      method: 'POST',
      'post-webhook-url': 'https://new.example.com/hook',
    });
    expect(run.exitCode).toBe(1);
    expect(sent()).toEqual(['GET', 'POST', 'POST']);
    expect(errorLine(run)).toContain('Rolled back');
    expect(run.outputs.changed).toBe('false');
  });

  it('guards the Flex target in both directions', async () => {
    const toFlex = await deploy({ probe: 'off', target: 'flex' });
    expect(toFlex.exitCode).toBe(1);
    expect(errorLine(toFlex)).toContain('allow-target-change');
    twilio().setAccountConfig({ target: 'flex' });
    const toWebhook = await deploy({ probe: 'off', target: 'webhook' });
    expect(toWebhook.exitCode).toBe(1);
    expect(sent()).toEqual(['GET', 'GET']);
  });
});
