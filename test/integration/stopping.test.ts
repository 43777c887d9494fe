// A run that stops before its plan is done, through run() in-process against the emulator, with a
// recording clock: cancelled (mid-apply, while fetching, while probing) or held back by a storm
// of 429s. Each says which resources were updated, which were not and which are unknown, and what
// Twilio received; waits (the grace, the pool's pauses) are asserted, never waited out.
import { describe, expect, it } from 'vitest';
import { run } from '../../src/main.js';
import { startTwilioEmulator } from '../emulator/twilio-emulator.js';
import { withDefaults } from '../support/dist-run.js';
import type { Inputs } from '../support/dist-run.js';
import { recordingClock } from '../support/clock.js';
import type { RecordingClock } from '../support/clock.js';
import { sidOf } from '../support/emulator-tests.js';
import { RecordingRunner } from '../support/recording-runner.js';
import { ownServer } from '../support/servers.js';
import { emulatorInputs, useTwilioEmulator } from '../support/twilio-emulator-hooks.js';
import { useWorkspace } from '../support/workspace.js';

const SIDS = Array.from({ length: 200 }, (_, i) => sidOf(i + 1));
const twilio = useTwilioEmulator({ services: SIDS });
const workspace = useWorkspace();

/** A desired-state file that points each of the first `count` services at a URL of its own. */
async function services(count: number, url = (n: number) => `https://new.example.com/${n}`) {
  const entries = SIDS.slice(0, count).map(
    (sid, i) => `  - sid: ${sid}\n    post-webhook-url: ${url(i + 1)}\n`,
  );
  await workspace.write('webhooks.yml', `services:\n${entries.join('')}`);
}

/** run() as the runner would start it, with a signal to cancel it. */
async function apply(
  inputs: Inputs,
  options: { signal?: AbortSignal; clock?: RecordingClock } = {},
) {
  const clock = options.clock ?? recordingClock();
  const runner = new RecordingRunner({
    inputs: withDefaults({
      ...emulatorInputs(twilio()),
      'config-file': 'webhooks.yml',
      ...inputs,
    }),
    env: { GITHUB_WORKSPACE: workspace.dir() },
  });
  await run({ runner, clock, signal: options.signal, gitHubRetryUnitMs: 1 });
  const statuses = (JSON.parse(runner.outputs.resources || '[]') as { status: string }[]).map(
    (r) => r.status,
  );
  const error = runner.annotations.find((a) => a.level === 'error')?.message ?? '';
  return Object.assign(runner, { clock, statuses, error });
}

const lines = () => twilio().requests.map((r) => `${r.method} ${r.path}`);
const count = (method: string) => twilio().requests.filter((r) => r.method === method).length;
const times = <T>(n: number, value: T): T[] => Array.from({ length: n }, () => value);

describe('a cancelled run', () => {
  it('mid-apply: no new update starts; those cut off are unknown; the rest not applied', async () => {
    await services(10);
    // Each update takes 50 ms: the signal comes while the third and fourth are in flight.
    twilio().inject({ kind: 'stall', ms: 50, method: 'POST', times: 100 });
    const cancel = new AbortController();
    void twilio()
      .received(4, 'POST')
      .then(() => {
        cancel.abort();
      });
    const run = await apply({ 'max-concurrency': '2' }, { signal: cancel.signal });

    expect(run.failed).toBe(true);
    // The grace (4 s) is on the clock: it passed at once, and cut off the two updates in flight.
    expect(run.clock.sleeps).toEqual([4_000]);
    expect(run.statuses).toEqual([
      ...times(2, 'updated'),
      ...times(2, 'failed'),
      ...times(6, 'skipped'),
    ]);
    expect(run.error).toContain('Cancelled: 2 updated, 6 not applied, 2 unknown.');
    expect(run.error).toContain('whether Twilio applied the update is unknown');
    expect(run.summary).toContain('Not applied: the run was cancelled before its update was sent.');
    expect(run.outputs.changed).toBe('true');
    // No update after the signal, and no fetch after the grace.
    expect([count('GET'), count('POST')]).toEqual([10, 4]);
    expect(lines().slice(10)).toEqual(
      SIDS.slice(0, 4).map((sid) => `POST /v1/Services/${sid}/Configuration/Webhooks`),
    );
  });

  it('while fetching: nothing was changed, and the outputs and summary still say so', async () => {
    await services(10);
    twilio().inject({ kind: 'stall', ms: 5_000, method: 'GET', times: 100 });
    const cancel = new AbortController();
    void twilio()
      .received(1, 'GET')
      .then(() => {
        cancel.abort();
      });
    const run = await apply({ 'max-concurrency': '2' }, { signal: cancel.signal });

    expect(run.failed).toBe(true);
    expect(run.error).toMatch(
      /^Cancelled before anything was changed: GET \/v1\/Services\/IS0+[12]\/Configuration\/Webhooks was cut off in flight: the run was cancelled\.$/,
    );
    expect(run.outputs.changed).toBe('false');
    expect(run.summary).toContain('❌ Failed');
    expect(run.summary).toContain('Nothing was changed');
    expect(count('POST')).toBe(0);
    expect(count('GET')).toBeLessThanOrEqual(2);
  });

  it('while probing: the probe ends at once, and no update is sent', async () => {
    const preview = await ownServer(startTwilioEmulator({ latencyMs: 5_000 }));
    await services(3, (n) => `${preview.url}/hook/${n}`);
    const cancel = new AbortController();
    void preview.received(1).then(() => {
      cancel.abort();
    });
    const run = await apply(
      { probe: 'auto', 'probe-timeout-seconds': '0' },
      { signal: cancel.signal },
    );

    expect(run.failed).toBe(true);
    expect(run.error).toBe('Cancelled before anything was changed: 3 resources not applied.');
    expect(run.statuses).toEqual(times(3, 'skipped'));
    expect(JSON.parse(run.outputs.probed ?? '')).toMatchObject(times(3, { passed: false }));
    expect(run.stdout).toContainEqual(
      expect.stringContaining('attempt 1: Cut off: the run was cancelled.'),
    );
    expect(count('POST')).toBe(0);
  });
});

describe('a storm of 429s (Twilio’s limit of requests in flight, shared with production traffic)', () => {
  it('pauses the whole pool, and starts no new update once retries are spent on it', async () => {
    await services(200);
    // Answers take 10 ms, so that the 16 workers' requests go out and come back together.
    twilio().setLatency(10);
    // The account is full once the first 16 updates are in: every update after them is refused.
    twilio().inject({
      kind: 'status',
      status: 429,
      headers: { 'Retry-After': '1' },
      method: 'POST',
      after: 16,
      times: 1_000,
    });
    const run = await apply({ 'max-concurrency': '16', 'max-retries': '2' });

    expect(run.failed).toBe(true);
    // One pause of the pool per round of refusals, for the second the answers asked, and no
    // worker waiting on its own.
    expect(run.clock.sleeps).toEqual([1_000, 1_000, 1_000]);
    expect(run.statuses).toEqual([
      ...times(16, 'updated'),
      ...times(16, 'failed'),
      ...times(168, 'skipped'),
    ]);
    expect(run.error).toContain(
      'Stopped on Twilio’s concurrency limit: the update of the configuration of service',
    );
    expect(run.error).toContain('16 updated, 168 not applied, 16 failed.');
    expect(run.error).toContain(
      'The update was not applied: Gave up after 3 attempts (2 retries, max-retries). Last error: Twilio answered 429',
    );
    // 16 updates, then 16 refused three times each; a fetch of each refused one to learn what
    // Twilio holds, and nothing for the 168 the run did not start.
    expect([count('POST'), count('GET')]).toEqual([16 + 16 * 3, 200 + 16]);
    expect(twilio().maxInFlight).toBeLessThanOrEqual(16);
    for (const sid of SIDS.slice(32)) {
      expect(twilio().serviceConfig(sid).post_webhook_url).toBeNull();
    }
  });
  it('without Retry-After: pauses for the backoff, and leaves the rest for a re-run', async () => {
    await services(6);
    twilio().inject({ kind: 'status', status: 429, method: 'POST', after: 2, times: 100 });
    const run = await apply({ 'max-concurrency': '2', 'max-retries': '1' });

    expect(run.failed).toBe(true);
    // One pause of the pool per round of refusals, each for its attempt's backoff with the jitter
    // at its middle: 500 ms and then 1 s ceilings, three quarters of each.
    expect(run.clock.sleeps).toEqual([375, 750]);
    expect(run.statuses).toEqual([
      ...times(2, 'updated'),
      ...times(2, 'failed'),
      ...times(2, 'skipped'),
    ]);
    expect(run.error).toContain('Stopped on Twilio’s concurrency limit');
    expect(run.error).toContain('2 updated, 2 not applied, 2 failed.');
    expect(run.stdout).toContainEqual(expect.stringContaining('no request to Twilio is sent for'));
    // Two updates, two refused twice each and fetched again; nothing sent for the last two.
    expect([count('POST'), count('GET')]).toEqual([2 + 2 * 2, 6 + 2]);
    for (const sid of SIDS.slice(2, 6)) {
      expect(twilio().serviceConfig(sid).post_webhook_url).toBeNull();
    }
  });
});

describe('probes', () => {
  it('are at most max-concurrency at once, as requests to Twilio are', async () => {
    const preview = await ownServer(startTwilioEmulator({ latencyMs: 30 }));
    await services(6, (n) => `${preview.url}/hook/${n}`);
    const run = await apply({
      probe: 'auto',
      'probe-timeout-seconds': '0',
      'max-concurrency': '2',
    });

    // The preview refuses them (401): that no update follows is proven elsewhere.
    expect(run.failed).toBe(true);
    expect(preview.requests).toHaveLength(6);
    expect(preview.maxInFlight).toBe(2);
  });
});
