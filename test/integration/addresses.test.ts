// Address Configurations from a desired-state file, through run() in-process against the emulator.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CREDENTIALS as CREDS } from '../emulator/twilio-emulator.js';
import { runInProcess } from '../support/action.js';
import type { Inputs } from '../support/action.js';
import { useTwilioEmulator } from '../support/twilio-emulator-hooks.js';
import { useWorkspace } from '../support/workspace.js';

const SUPPORT = 'IS00000000000000000000000000000001';
const SALES = 'IS00000000000000000000000000000002';
const GONE = 'IS0000000000000000000000000000dead';
const LINE = '+15005550006';

const twilio = useTwilioEmulator({
  services: [
    { sid: SUPPORT, friendlyName: 'Support desk' },
    { sid: SALES, friendlyName: 'Sales' },
  ],
  addresses: [
    {
      type: 'sms',
      address: LINE,
      friendly_name: 'Support line',
      auto_creation: {
        enabled: true,
        type: 'webhook',
        conversation_service_sid: SALES,
        webhook_url: 'https://old.example.com/auto',
        webhook_method: 'POST',
        webhook_filters: ['onMessageAdded'],
      },
    },
    {
      type: 'whatsapp',
      address: 'whatsapp:+15005550007',
      auto_creation: { enabled: true, type: 'default', conversation_service_sid: GONE },
    },
  ],
});
const workspace = useWorkspace();

const FILE = `
addresses:
  - address: "${LINE}"
    auto-creation:
      enabled: true
      type: webhook
      conversation-service: Support desk
      webhook-url: https://api.example.com/twilio/auto
      webhook-method: POST
      webhook-filters: [onMessageAdded, onParticipantAdded]
  - address: "+15005550009"
    friendly-name: New line
    auto-creation:
      enabled: true
      type: studio
      studio-flow-sid: FW${'0'.repeat(32)}
      studio-retry-count: 3
`;

async function runFile(inputs: Inputs = {}, text = FILE) {
  await workspace.write('webhooks.yml', text);
  return runInProcess(
    {
      'account-sid': CREDS.accountSid,
      'auth-token': CREDS.authToken,
      'api-base-url': twilio().url,
      probe: 'off',
      'config-file': 'webhooks.yml',
      ...inputs,
    },
    { env: { GITHUB_WORKSPACE: workspace.dir() } },
  );
}

describe('Address Configurations', () => {
  it('updates one by service name and creates another', async () => {
    const run = await runFile();
    console.log(run.exitCode, run.outputs.resources, run.annotations, run.summary);
    expect(run.exitCode).toBe(0);
  });
});
