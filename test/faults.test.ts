// Every fault of test/support/fault-cases.ts, through the committed dist/index.js, each against its
// own emulator so the cases run side by side. Every run also carries distinctive secrets and debug
// logging, and must not print any of them.
import { describe, expect, it } from 'vitest';
import { startTwilioEmulator } from './emulator/twilio-emulator.js';
import { FAULT_CASES } from './support/fault-cases.js';
import { runAction } from './support/run-action.js';
import { expectNoSecrets, SECRETS } from './support/secrets.js';

describe.concurrent('faults, through dist/index.js', () => {
  it.each(FAULT_CASES)(
    '$name',
    async (fault) => {
      const emulator = await startTwilioEmulator({
        accountSid: SECRETS.accountSid,
        authToken: SECRETS.authToken,
      });
      try {
        for (const rule of fault.faults()) emulator.inject(rule);
        const started = Date.now();
        const run = await runAction(
          {
            'account-sid': SECRETS.accountSid,
            'auth-token': SECRETS.authToken,
            'api-base-url': emulator.url,
            'max-retries': '2',
            'timeout-seconds': '1',
            filters: 'onMessageAdded',
            'post-webhook-url': SECRETS.webhookUrlWithPassword,
            ...fault.inputs,
          },
          { env: { RUNNER_DEBUG: '1' }, timeoutMs: fault.withinMs + 5_000 },
        );
        const elapsed = Date.now() - started;

        expect(emulator.requests.map((r) => r.method)).toEqual(fault.requests);
        expect(elapsed).toBeLessThan(fault.withinMs);
        expect(elapsed).toBeGreaterThanOrEqual(fault.notBeforeMs ?? 0);
        if (fault.outcome === 'updated') {
          expect(run.exitCode).toBe(0);
          expect(run.outputs.changed).toBe('true');
        } else {
          expect(run.exitCode).toBe(1);
          expect(run.stdout).toContain(`::error::`);
          expect(run.stdout.replace(/%0A/g, ' ')).toContain(fault.error ?? '');
          expect(run.outputs.changed ?? 'false').toBe('false');
        }
        expect(run.stdout).toContain('::debug::');
        expectNoSecrets(run, fault.inputs?.['auth-token']);
      } finally {
        await emulator.close();
      }
    },
    60_000,
  );
});

describe('messages that echo the request', () => {
  it('are scrubbed of the credential, in every form', async () => {
    const emulator = await startTwilioEmulator({
      accountSid: SECRETS.accountSid,
      authToken: SECRETS.authToken,
    });
    const basic = Buffer.from(`${SECRETS.accountSid}:${SECRETS.authToken}`).toString('base64');
    emulator.inject({
      kind: 'status',
      status: 400,
      method: 'POST',
      body: {
        code: 20001,
        message: `Rejected request: Authorization: Basic ${basic}; token ${SECRETS.authToken}; body PostWebhookUrl=${encodeURIComponent(SECRETS.webhookUrlWithPassword)}`,
        more_info: 'https://www.twilio.com/docs/errors/20001',
        status: 400,
      },
    });
    try {
      const run = await runAction(
        {
          'account-sid': SECRETS.accountSid,
          'auth-token': SECRETS.authToken,
          'api-base-url': emulator.url,
          'post-webhook-url': SECRETS.webhookUrlWithPassword,
        },
        { env: { RUNNER_DEBUG: '1' } },
      );
      expect(run.exitCode).toBe(1);
      expect(run.stdout).toMatch(
        /::error::.*Rejected request: Authorization: Basic \*\*\*; token \*\*\*/,
      );
      expectNoSecrets(run);
    } finally {
      await emulator.close();
    }
  });
});
