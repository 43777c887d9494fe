// Every fault of test/support/fault-cases.ts through run(), each against its own emulator so the
// cases run side by side, with a recording clock: the backoff waits are asserted exactly and
// never waited out. Every run carries distinctive secrets, and must not print any of them.
import { describe, expect, it } from 'vitest';
import { startTwilioEmulator } from '../emulator/twilio-emulator.js';
import { annotationsOf, errorLine, runInProcess } from '../support/action.js';
import { recordingClock } from '../support/clock.js';
import { FAULT_CASES } from '../support/fault-cases.js';
import { expectNoSecrets, SECRETS, urlWithPassword } from '../support/secrets.js';
import { ownServer } from '../support/servers.js';
import { QUIET } from '../support/twilio-emulator-hooks.js';

/** On a whole second, so that an HTTP-date Retry-After is exact. */
const START = Date.UTC(2026, 11, 1, 8, 0, 0);

describe.concurrent('faults', () => {
  it.for(FAULT_CASES)('$name', async (fault, { onTestFinished }) => {
    const emulator = await ownServer(
      startTwilioEmulator({ accountSid: SECRETS.accountSid, authToken: SECRETS.authToken }),
      onTestFinished,
    );
    for (const rule of fault.faults(START)) emulator.inject(rule);
    const clock = recordingClock(START);
    const run = await runInProcess(
      {
        'account-sid': SECRETS.accountSid,
        'auth-token': SECRETS.authToken,
        'api-base-url': emulator.url,
        'max-retries': '2',
        'timeout-seconds': '0.3',
        filters: 'onMessageAdded',
        'post-webhook-url': urlWithPassword(SECRETS.urlPassword),
        ...QUIET,
        ...fault.inputs,
      },
      { clock },
    );

    expect(emulator.requests.map((r) => r.method)).toEqual(fault.requests);
    expect(clock.sleeps).toEqual(fault.waits);
    if (fault.outcome === 'updated') {
      expect(run.exitCode).toBe(0);
      expect(run.outputs.changed).toBe('true');
      expect(JSON.parse(run.outputs.config ?? '')).toMatchObject({
        filters: ['onMessageAdded'],
        post_webhook_url: 'https://***@app.example.com/twilio/post',
      });
      if (fault.message !== undefined) {
        expect(annotationsOf(run, 'warning').join('\n')).toContain(fault.message);
      }
    } else {
      expect(run.exitCode).toBe(1);
      expect(errorLine(run)).toContain(fault.message ?? '');
      expect(run.outputs.changed).toBe('false');
      expect(run.summary).toContain('❌ Failed');
    }
    expectNoSecrets(run, fault.inputs?.['auth-token'] ?? SECRETS.authToken);
  });
});

describe('messages that echo the request', () => {
  it('are scrubbed of the credential, in every form', async () => {
    const emulator = await ownServer(
      startTwilioEmulator({ accountSid: SECRETS.accountSid, authToken: SECRETS.authToken }),
    );
    const basic = Buffer.from(`${SECRETS.accountSid}:${SECRETS.authToken}`).toString('base64');
    const hook = urlWithPassword(SECRETS.urlPassword);
    emulator.inject({
      kind: 'status',
      status: 400,
      method: 'POST',
      body: {
        code: 20001,
        message: `Rejected request: Authorization: Basic ${basic}; token ${SECRETS.authToken}; body PostWebhookUrl=${new URLSearchParams({ u: hook }).toString().slice(2)}`,
        more_info: 'https://www.twilio.com/docs/errors/20001',
        status: 400,
      },
    });
    const run = await runInProcess({
      'account-sid': SECRETS.accountSid,
      'auth-token': SECRETS.authToken,
      'api-base-url': emulator.url,
      'post-webhook-url': hook,
      ...QUIET,
    });
    expect(run.exitCode).toBe(1);
    expect(errorLine(run)).toMatch(/Rejected request: Authorization: Basic \*\*\*; token \*\*\*/);
    expectNoSecrets(run);
  });
});
