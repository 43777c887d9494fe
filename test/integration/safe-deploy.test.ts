// A deploy's switch: the new URL is probed first (a local "preview" server on loopback,
// scripted), only-if-live, rollback and the Flex guard. Each case says whether the update was
// sent, and in what order the requests arrived. Most run through run() in-process; the main
// cases of each feature also run through the committed dist/index.js (describe.each over
// RUNNERS), to show that the bundle, with its own copy of the HTTP client, probes and guards as
// run() does.
import { describe, expect, it } from 'vitest';
import type { PreviewAnswer } from '../emulator/preview-server.js';
import { annotationsOf, errorLine, RUNNERS, runInProcess } from '../support/action.js';
import type { Inputs } from '../support/action.js';
import { recordingClock } from '../support/clock.js';
import { usePreviewServer } from '../support/servers.js';
import { emulatorInputs, useTwilioEmulator } from '../support/twilio-emulator-hooks.js';

const twilio = useTwilioEmulator();
const preview = usePreviewServer();

function hook(path = '/twilio/events?x-vercel-protection-bypass=s3cret'): string {
  return `${preview().url}${path}`;
}

/** A deploy to the preview's hook, probed first, unless `overrides` say otherwise. */
function deployInputs(overrides: Inputs = {}): Inputs {
  return { ...emulatorInputs(twilio()), probe: 'auto', 'post-webhook-url': hook(), ...overrides };
}

/** The deploy in-process, with the preview's answers scripted and the clock to look at. */
function deploy(inputs: Inputs = {}, answers: PreviewAnswer[] = []) {
  preview().script(answers);
  const clock = recordingClock();
  return Object.assign(runInProcess(deployInputs(inputs), { clock }), { clock });
}

/**
 * What each server received, and whether every probe came before the first update: the two
 * servers stamp requests in milliseconds, so ties say nothing about order.
 */
function timeline(): { twilio: string[]; preview: string[]; probedFirst: boolean } {
  const firstUpdate = twilio().requests.find((r) => r.method === 'POST')?.at ?? Infinity;
  return {
    twilio: twilio().requests.map((r) => r.method),
    preview: preview().requests.map((r) => r.method),
    probedFirst: preview().requests.every((r) => r.at <= firstUpdate),
  };
}

describe('probe before switching', () => {
  describe.each(RUNNERS)('$name', ({ run }) => {
    it('a probe that passes: the endpoint first, then the update', async () => {
      const result = await run(deployInputs());
      expect(result.exitCode).toBe(0);
      expect(timeline()).toEqual({ twilio: ['GET', 'POST'], preview: ['POST'], probedFirst: true });
      const [probe] = preview().requests;
      expect(probe?.query).toBe('x-vercel-protection-bypass=s3cret');
      expect(probe?.headers['x-twilio-signature']).toMatch(/^[A-Za-z0-9+/]+=*$/);
      expect(probe?.form?.EventType).toEqual(['onWebhookProbe']);
      expect(JSON.parse(result.outputs.probed ?? '')).toEqual([
        { url: hook(), passed: true, attempts: 1, status: 200, ms: expect.any(Number) as number },
      ]);
      expect(result.outputs.skipped).toBe('false');
      expect(result.summary).toContain('Probe: ✅');
    });
  });

  it.each([
    [401, 'deployment protection'],
    [404, '404'],
    [503, '503'],
  ])('%i: no update is sent, and the step fails with the last answer', async (status, words) => {
    const run = await deploy({ 'probe-timeout-seconds': '0' }, [{ status }]);
    expect(run.exitCode).toBe(1);
    expect(timeline()).toEqual({ twilio: ['GET'], preview: ['POST'], probedFirst: true });
    expect(errorLine(run)).toContain('No update was sent');
    expect(errorLine(run)).toContain(words);
    expect(twilio().accountConfig().post_webhook_url).toBeNull();
  });

  it('no answer within the probe’s time: no update is sent, and the step fails', async () => {
    // probe-timeout-seconds bounds an attempt as Twilio's 5 s do, so 0.1 s shows the same
    // outcome without waiting 5 s.
    const run = await deploy({ 'probe-timeout-seconds': '0.1' }, [{ delayMs: 60_000 }]);
    expect(run.exitCode).toBe(1);
    expect(timeline()).toEqual({ twilio: ['GET'], preview: ['POST'], probedFirst: true });
    expect(errorLine(run)).toContain('No update was sent');
    expect(errorLine(run)).toContain('No complete answer within 0.1 s.');
    expect(twilio().accountConfig().post_webhook_url).toBeNull();
  });

  it('a closed port fails the probe, and nothing is sent', async () => {
    const run = await deploy({
      'probe-timeout-seconds': '0',
      'post-webhook-url': 'http://127.0.0.1:9/twilio/events',
    });
    expect(run.exitCode).toBe(1);
    expect(twilio().requests.map((r) => r.method)).toEqual(['GET']);
  });

  it('503 twice, then 200 within the probe time: three attempts with backoff, then the update', async () => {
    const started = deploy({}, [{ status: 503 }, { status: 503 }, { status: 200 }]);
    const run = await started;
    expect(run.exitCode).toBe(0);
    expect(timeline()).toEqual({
      twilio: ['GET', 'POST'],
      preview: ['POST', 'POST', 'POST'],
      probedFirst: true,
    });
    expect(started.clock.sleeps).toHaveLength(2);
    expect(JSON.parse(run.outputs.probed ?? '')).toMatchObject([{ passed: true, attempts: 3 }]);
  });

  it('probe-url: the health endpoint instead, which must answer 2xx', async () => {
    const healthy = await deploy({ 'probe-url': `${preview().url}/healthz` }, [{ status: 204 }]);
    expect(healthy.exitCode).toBe(0);
    expect(preview().requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /healthz']);

    twilio().reset();
    preview().reset();
    const unhealthy = await deploy(
      { 'probe-url': `${preview().url}/healthz`, 'probe-timeout-seconds': '0' },
      [{ status: 400 }],
    );
    expect(unhealthy.exitCode).toBe(1);
    expect(twilio().requests.map((r) => r.method)).toEqual(['GET']);
  });

  it('nothing is probed when nothing changes, nor when a URL is cleared, nor in check mode', async () => {
    twilio().setAccountConfig({ post_webhook_url: hook() });
    expect((await deploy()).exitCode).toBe(0);
    expect((await deploy({ 'post-webhook-url': 'none' })).exitCode).toBe(0);
    expect(
      (
        await deploy({
          mode: 'check',
          'post-webhook-url': hook('/elsewhere'),
          'fail-on-drift': 'false',
        })
      ).exitCode,
    ).toBe(0);
    expect(preview().requests).toEqual([]);
  });
});

describe('only-if-live', () => {
  const mine = 'https://pr-42.preview.example.com/twilio/events';
  const restore = () =>
    deployInputs({
      probe: 'off',
      'post-webhook-url': 'https://main.example.com/twilio/events',
      'only-if-live': `post-webhook-url: ${mine}`,
    });

  describe.each(RUNNERS)('$name', ({ run }) => {
    it('matching: the update goes ahead', async () => {
      twilio().setAccountConfig({ post_webhook_url: mine });
      const result = await run(restore());
      expect(result.exitCode).toBe(0);
      expect(result.outputs.skipped).toBe('false');
      expect(twilio().requests.map((r) => r.method)).toEqual(['GET', 'POST']);
      expect(twilio().accountConfig().post_webhook_url).toBe(
        'https://main.example.com/twilio/events',
      );
    });

    it('not matching: nothing is sent, the step succeeds, and a notice says who holds the field', async () => {
      twilio().setAccountConfig({
        post_webhook_url: 'https://pr-43.preview.example.com/twilio/events',
      });
      const result = await run(restore());
      expect(result.exitCode).toBe(0);
      expect(result.outputs.skipped).toBe('true');
      expect(twilio().requests.map((r) => r.method)).toEqual(['GET']);
      expect(annotationsOf(result, 'notice')).toEqual([
        expect.stringContaining('pr-43.preview.example.com'),
      ]);
      expect(result.summary).toContain('⏭️ Skipped');
    });
  });

  it('in check mode it changes nothing, and says so', async () => {
    const run = await deploy({
      mode: 'check',
      'fail-on-drift': 'false',
      'only-if-live': `post-webhook-url: ${mine}`,
    });
    expect(annotationsOf(run, 'warning')).toContainEqual(
      'only-if-live only matters in apply mode: nothing is written in this mode.',
    );
  });
});

describe('rollback', () => {
  describe.each(RUNNERS)('$name', ({ run }) => {
    it('an answer that does not match: the changed fields are put back, verified, and the step fails', async () => {
      twilio().setAccountConfig({
        method: 'GET',
        post_webhook_url: 'https://old.example.com/hook',
      });
      twilio().inject({ kind: 'ignore-update', fields: ['post_webhook_url'], method: 'POST' });
      const result = await run(
        deployInputs({
          probe: 'off',
          method: 'POST',
          'post-webhook-url': 'https://new.example.com/hook',
        }),
      );
      expect(result.exitCode).toBe(1);
      expect(twilio().requests.map((r) => r.method)).toEqual(['GET', 'POST', 'POST']);
      const posts = twilio().requests.filter((r) => r.method === 'POST');
      expect(posts.map((r) => r.form)).toEqual([
        { Method: ['POST'], PostWebhookUrl: ['https://new.example.com/hook'] },
        { Method: ['GET'], PostWebhookUrl: ['https://old.example.com/hook'] },
      ]);
      expect(errorLine(result)).toContain('Rolled back: method, post_webhook_url restored');
      expect(result.outputs.changed).toBe('false');
      expect(twilio().accountConfig().method).toBe('GET');
    });
  });

  it('a rollback that does not verify either says so', async () => {
    twilio().setAccountConfig({ method: 'GET', post_webhook_url: 'https://old.example.com/hook' });
    // The switch keeps the old URL; the rollback then keeps the new method.
    twilio().inject({ kind: 'ignore-update', fields: ['post_webhook_url'], method: 'POST' });
    twilio().inject({ kind: 'ignore-update', fields: ['method'], method: 'POST' });
    const run = await deploy({
      probe: 'off',
      method: 'POST',
      'post-webhook-url': 'https://new.example.com/hook',
    });
    expect(run.exitCode).toBe(1);
    expect(errorLine(run)).toContain(
      'The rollback of method, post_webhook_url did not verify either',
    );
    expect(twilio().accountConfig().method).toBe('POST');
  });

  it('a rollback Twilio refuses: the step fails, and the outputs still say what Twilio holds', async () => {
    twilio().setAccountConfig({ method: 'GET', post_webhook_url: 'https://old.example.com/hook' });
    twilio().inject({ kind: 'ignore-update', fields: ['post_webhook_url'], method: 'POST' });
    twilio().inject({ kind: 'status', status: 400, method: 'POST' });
    const run = await deploy({
      probe: 'off',
      method: 'POST',
      'post-webhook-url': 'https://new.example.com/hook',
    });
    expect(run.exitCode).toBe(1);
    expect(errorLine(run)).toContain('The rollback of method, post_webhook_url was not applied');
    expect(JSON.parse(run.outputs.config ?? '')).toMatchObject({
      method: 'POST',
      post_webhook_url: 'https://old.example.com/hook',
    });
    expect(run.outputs.method).toBe('POST');
  });

  it('a rollback whose answer is lost is followed by a fetch, which says what Twilio holds', async () => {
    twilio().setAccountConfig({ method: 'GET', post_webhook_url: 'https://old.example.com/hook' });
    twilio().inject({ kind: 'ignore-update', fields: ['post_webhook_url'], method: 'POST' });
    twilio().inject({ kind: 'lose-answer', how: 'malformed' });
    const run = await deploy({
      probe: 'off',
      method: 'POST',
      'post-webhook-url': 'https://new.example.com/hook',
    });
    expect(run.exitCode).toBe(1);
    expect(twilio().requests.map((r) => r.method)).toEqual(['GET', 'POST', 'POST', 'GET']);
    expect(errorLine(run)).toContain(
      "Rolled back: method, post_webhook_url restored to the values from before this run; the rollback's answer was lost",
    );
    expect(run.outputs.method).toBe('GET');
    expect(run.summary).not.toContain('<em>unknown</em>');
  });

  it('rollback: false leaves what Twilio holds', async () => {
    twilio().inject({ kind: 'ignore-update', fields: ['post_webhook_url'], method: 'POST' });
    const run = await deploy({ probe: 'off', rollback: 'false', method: 'POST' });
    expect(run.exitCode).toBe(1);
    expect(twilio().requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });
});

describe('the Flex target', () => {
  describe.each(RUNNERS)('$name', ({ run }) => {
    it.each([
      ['webhook', 'flex'],
      ['flex', 'webhook'],
    ] as const)(
      'from %s to %s needs allow-target-change, and fails before any write',
      async (from, to) => {
        twilio().setAccountConfig({ target: from });
        const refused = await run(deployInputs({ probe: 'off', target: to }));
        expect(refused.exitCode).toBe(1);
        expect(errorLine(refused)).toContain(`target from ${from} to ${to}`);
        expect(errorLine(refused)).toContain('allow-target-change');
        expect(twilio().requests.map((r) => r.method)).toEqual(['GET']);

        const allowed = await run(
          deployInputs({ probe: 'off', target: to, 'allow-target-change': 'true' }),
        );
        expect(allowed.exitCode).toBe(0);
        expect(twilio().accountConfig().target).toBe(to);
      },
    );
  });

  it('an account that never set a target routes to webhooks: setting it so needs no permission', async () => {
    twilio().setAccountConfig({ target: null });
    const run = await deploy({ probe: 'off', target: 'webhook' });
    expect(run.exitCode).toBe(0);
    expect(twilio().accountConfig().target).toBe('webhook');
  });

  it('check mode reports a target change as drift, as any field', async () => {
    const run = await deploy({ mode: 'check', target: 'flex', 'post-webhook-url': '' });
    expect(run.exitCode).toBe(1);
    expect(errorLine(run)).toContain('target is "webhook" (desired "flex")');
  });
});
