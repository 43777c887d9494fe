// A run the runner cancels, through the committed dist/index.js as the runner starts it: a real
// SIGINT in the middle of an apply (and a second one), and a SIGINT while fetching. Signals are
// what only a process shows; each test asserts the exit code, the outputs and summary files, and
// what the emulator received; a storm of 429s shows the bundle stops as run() does. The same runs
// in-process, with every wait asserted, are in test/integration/stopping.test.ts.
import { describe, expect, it } from 'vitest';
import { errorLine, runDist } from '../support/action.js';
import type { Inputs } from '../support/action.js';
import { sidOf } from '../support/emulator-tests.js';
import { emulatorInputs, useTwilioEmulator } from '../support/twilio-emulator-hooks.js';
import { useWorkspace } from '../support/workspace.js';

const SIDS = Array.from({ length: 12 }, (_, i) => sidOf(i + 1));
const twilio = useTwilioEmulator({ services: SIDS });
const workspace = useWorkspace();

/**
 * dist/index.js applying a file that points the first `count` services at new URLs, with
 * `interrupt` to send it signals.
 */
async function apply(count: number, inputs: Inputs, interrupt: (send: Send) => void) {
  const entries = SIDS.slice(0, count).map(
    (sid, i) => `  - sid: ${sid}\n    post-webhook-url: https://new.example.com/${String(i + 1)}\n`,
  );
  await workspace.write('webhooks.yml', `services:\n${entries.join('')}`);
  const started = Date.now();
  const run = await runDist(
    { ...emulatorInputs(twilio()), 'config-file': 'webhooks.yml', ...inputs },
    { env: { GITHUB_WORKSPACE: workspace.dir() }, interrupt },
  );
  const statuses = (JSON.parse(run.outputs.resources || '[]') as { status: string }[]).map(
    (r) => r.status,
  );
  return { ...run, statuses, ms: Date.now() - started };
}

type Send = (signal: NodeJS.Signals) => void;
const count = (method: string) => twilio().requests.filter((r) => r.method === method).length;
const times = <T>(n: number, value: T): T[] => Array.from({ length: n }, () => value);
const path = (sid: string) => `/v1/Services/${sid}/Configuration/Webhooks`;

describe('dist/index.js cancelled by the runner', () => {
  it('SIGINT mid-apply: those in flight finish or are re-fetched, no new update starts, exit 1', async () => {
    const [, , , , fifth = ''] = SIDS;
    // The fifth update is applied but never answered; fetching it again fails: it is unknown.
    twilio().inject({ kind: 'lose-answer', how: 'stall', method: 'POST', pathIncludes: fifth });
    twilio().inject({ kind: 'status', status: 503, method: 'GET', pathIncludes: fifth, after: 1 });
    // Every other update takes 300 ms: the signal comes while the second three are in flight.
    twilio().inject({ kind: 'stall', ms: 300, method: 'POST', times: 100 });
    const run = await apply(12, { 'max-concurrency': '3', 'timeout-seconds': '1' }, (send) => {
      void twilio()
        .received(6, 'POST')
        .then(() => {
          send('SIGINT');
        });
    });

    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContainEqual(
      expect.stringContaining('Received SIGINT: no new update starts'),
    );
    expect(run.statuses).toEqual([
      ...times(4, 'updated'),
      'failed',
      'updated',
      ...times(6, 'skipped'),
    ]);
    expect(run.outputs.changed).toBe('true');
    expect(errorLine(run)).toContain('Cancelled: 5 updated, 6 not applied, 1 unknown.');
    expect(errorLine(run)).toContain(
      `configuration of service ${fifth}: The update's answer was lost`,
    );
    expect(run.summary).toContain('❌ Failed');
    expect(run.summary).toContain('Not applied: the run was cancelled before its update was sent.');
    // Six updates, the fetch of the one whose answer was lost, and nothing for the last six.
    expect([count('GET'), count('POST')]).toEqual([13, 6]);
    expect(twilio().requests.at(-1)).toMatchObject({ method: 'GET', path: path(fifth) });
    for (const sid of SIDS.slice(6))
      expect(twilio().serviceConfig(sid).post_webhook_url).toBeNull();
  });

  it('a second signal ends the step at once, with 130', async () => {
    twilio().inject({ kind: 'stall', ms: 10_000, method: 'POST', times: 100 });
    let firstSignal = 0;
    const run = await apply(6, { 'max-concurrency': '3' }, (send) => {
      void twilio()
        .received(3, 'POST')
        .then(() => {
          firstSignal = Date.now();
          send('SIGINT');
          setTimeout(() => {
            send('SIGINT');
          }, 200);
        });
    });

    expect(run.exitCode).toBe(130);
    expect(count('POST')).toBe(3);
    // Long before the updates in flight (10 s) were answered: nothing waited for them.
    expect(Date.now() - firstSignal).toBeLessThan(7_500);
    expect(run.outputs).toEqual({});
  });

  it('SIGINT while fetching: cancelled before anything was changed, outputs and summary written', async () => {
    twilio().inject({ kind: 'stall', ms: 10_000, method: 'GET', times: 100 });
    const run = await apply(6, { 'max-concurrency': '2' }, (send) => {
      void twilio()
        .received(1, 'GET')
        .then(() => {
          send('SIGINT');
        });
    });

    expect(run.exitCode).toBe(1);
    expect(errorLine(run)).toMatch(
      /^Cancelled before anything was changed: GET \/v1\/Services\/IS0+[12]\/Configuration\/Webhooks was cut off in flight/,
    );
    expect(run.outputs.changed).toBe('false');
    expect(run.summary).toContain('Nothing was changed');
    expect(count('POST')).toBe(0);
    // Well inside the 7.5 s before the runner's SIGTERM, not after the 10 s reads.
    expect(run.ms).toBeLessThan(7_500);
  });
});

describe('dist/index.js in a storm of 429s', () => {
  it('pauses, then starts no new update once a resource’s retries are spent, and says so', async () => {
    twilio().inject({ kind: 'status', status: 429, method: 'POST', after: 2, times: 100 });
    const run = await apply(6, { 'max-concurrency': '2', 'max-retries': '1' }, () => undefined);

    expect(run.exitCode).toBe(1);
    expect(run.statuses).toEqual([
      ...times(2, 'updated'),
      ...times(2, 'failed'),
      ...times(2, 'skipped'),
    ]);
    expect(errorLine(run)).toContain('Stopped on Twilio’s concurrency limit');
    expect(run.summary).toContain('Not applied: the run stopped on Twilio’s concurrency limit');
    // Two updates, two refused twice each (and fetched again), none for the last two.
    expect([count('POST'), count('GET')]).toEqual([2 + 2 * 2, 6 + 2]);
    for (const sid of SIDS.slice(2, 6)) {
      expect(twilio().serviceConfig(sid).post_webhook_url).toBeNull();
    }
  });
});
