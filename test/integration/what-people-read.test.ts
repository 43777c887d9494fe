// What a person reads of a run (log lines, annotations, outputs, the job summary), through run()
// in-process against the Twilio emulator, with data from Twilio that tries to break it: URLs with
// user info in friendly names and live hooks, short passwords, query secrets, values filled in
// from ${NAME}, and runs big enough to go past what GitHub shows.
import { describe, expect, it } from 'vitest';

import { annotationsOf, runInProcess } from '../support/action.js';
import type { Inputs } from '../support/action.js';
import { expectNoneOf } from '../support/secrets.js';
import { usePreviewServer } from '../support/servers.js';
import { emulatorInputs, useTwilioEmulator } from '../support/twilio-emulator-hooks.js';
import { useWorkspace } from '../support/workspace.js';

const STRANGER = 'IS00000000000000000000000000000009';
const twilio = useTwilioEmulator({ services: [] });
const workspace = useWorkspace();

const preview = usePreviewServer();

const sid = (i: number) => `IS${String(i).padStart(32, '0')}`;
/** What the run asked the runner to mask: the credential, never a name, a host or a short password. */
const masks = (stdout: readonly string[]) =>
  stdout.filter((line) => line.startsWith('::add-mask::')).map((line) => line.slice(12));
const expectOnlyTheCredentialMasked = (stdout: readonly string[]) => {
  expect(masks(stdout)).toEqual(
    masks(stdout).filter((mask) => mask.includes('emuAuthToken') || mask.length > 40),
  );
};
const statuses = (outputs: Readonly<Record<string, string>>) =>
  (JSON.parse(outputs.resources ?? '[]') as { status: string }[]).map((r) => r.status);

function account(inputs: Inputs) {
  return runInProcess({ ...emulatorInputs(twilio()), ...inputs });
}

async function withFile(text: string, inputs: Inputs = {}, env: Record<string, string> = {}) {
  await workspace.write('webhooks.yml', text);
  return runInProcess(
    { ...emulatorInputs(twilio()), 'config-file': 'webhooks.yml', ...inputs },
    { env: { GITHUB_WORKSPACE: workspace.dir(), ...env } },
  );
}

describe('data from Twilio cannot break the report', () => {
  it('a friendly name holding a URL with user info is a name: no crash, no mask, shown inert', async () => {
    twilio().addService(STRANGER, 'https://a:e@x.example @ops-team #1');
    twilio().setServiceConfig(STRANGER, { post_webhook_url: 'https://stranger.example/hook' });
    const run = await account({
      mode: 'check',
      'post-webhook-url': 'https://app.example.com/post',
      'unmanaged-services': 'warn',
    });
    expect(run.exitCode).toBe(1);
    expectOnlyTheCredentialMasked(run.stdout);
    expect(statuses(run.outputs)).toEqual(['drifted']);
    expect(run.outputs.drifted).toBe('true');
    expect(run.summary).toContain('https://a:e@&#8203;x.example @&#8203;ops-team #&#8203;1');
    expect(annotationsOf(run, 'warning').join('\n')).toContain(`Service ${STRANGER}`);
  });

  it('an apply over a live hook with a one-letter password reports what it did', async () => {
    twilio().setAccountConfig({ post_webhook_url: 'https://a:t@b.example/' });
    const run = await account({ 'post-webhook-url': 'https://app.example.com/post' });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.changed).toBe('true');
    expect(statuses(run.outputs)).toEqual(['updated']);
    expect(run.summary).toContain('✏️ Updated');
    expect(run.summary).toContain('<code>https://***@b.example/</code>');
    expectOnlyTheCredentialMasked(run.stdout);
    expect(JSON.parse(run.outputs.previous ?? '')).toMatchObject({
      post_webhook_url: 'https://***@b.example/',
    });
  });

  it('a hijacked hook keeps its host readable, and masks nothing for the rest of the job', async () => {
    const hijacked = 'https://collect.attacker.example@collect.attacker.example/x';
    twilio().setAccountConfig({ post_webhook_url: hijacked });
    const run = await account({
      mode: 'check',
      'fail-on-drift': 'false',
      'post-webhook-url': 'https://app.example.com/post',
    });
    expect(run.exitCode).toBe(0);
    expectOnlyTheCredentialMasked(run.stdout);
    expect(run.summary).toContain('<code>https://***@collect.attacker.example/x</code>');
    expect(annotationsOf(run, 'warning').join('\n')).toContain(
      '"https://***@collect.attacker.example/x"',
    );
    expect(run.everything).not.toContain('collect.attacker.example@');
  });
});

describe('no secret in what a person reads', () => {
  it('shows a URL from ${NAME} as the file writes it, and a query secret as ***', async () => {
    const token = 'bypass-LEAKCHECK-token';
    const run = await withFile(
      [
        'account:',
        '  post-webhook-url: ${PREVIEW_URL}/twilio?x-vercel-protection-bypass=${BYPASS}',
        '  pre-webhook-url: https://hooks.example.com/services/${SLACK_PATH}',
      ].join('\n'),
      { mode: 'check', 'fail-on-drift': 'false' },
      {
        PREVIEW_URL: 'https://pr-42.preview.example.com',
        BYPASS: token,
        SLACK_PATH: 'T000/B000/path-LEAKCHECK-secret',
      },
    );
    expect(run.exitCode).toBe(0);
    const readable = [...run.stdout, ...run.annotations.map((a) => a.message), run.summary].join(
      '\n',
    );
    expect(run.summary).toContain(
      '<code>${PREVIEW_URL}/twilio?x-vercel-protection-bypass=***</code>',
    );
    expect(run.summary).toContain('<code>https://hooks.example.com/services/${SLACK_PATH}</code>');
    expectNoneOf(readable, [token, 'T000/B000/path-LEAKCHECK-secret']);
    // Outputs are for later steps: they keep the URL, without user info only.
    expect(JSON.parse(run.outputs.diff ?? '[]')).toContainEqual(
      expect.objectContaining({
        desired: `https://pr-42.preview.example.com/twilio?x-vercel-protection-bypass=${token}`,
      }),
    );
  });

  it('refuses ${GITHUB_TOKEN} in the file before any request, naming the key', async () => {
    const run = await withFile(
      'account:\n  post-webhook-url: https://evil.example/?t=${GITHUB_TOKEN}\n',
      {},
      { GITHUB_TOKEN: 'ghs_runner-LEAKCHECK-token' },
    );
    expect(run.exitCode).toBe(1);
    expect(twilio().requests).toEqual([]);
    expect(run.annotations).toContainEqual(
      expect.objectContaining({
        level: 'error',
        file: 'webhooks.yml',
        line: 2,
        message: expect.stringContaining(
          'account.post-webhook-url uses ${GITHUB_TOKEN}, a variable of the runner',
        ) as unknown,
      }),
    );
    expectNoneOf(run.everything, ['ghs_runner-LEAKCHECK-token']);
  });

  it('registers the Basic credential of a URL before probing it: an endpoint that echoes it leaks nothing', async () => {
    const password = 'probe-LEAKCHECK-password';
    const basic = Buffer.from(`hooks:${password}`).toString('base64');
    preview().script([{ status: 404, body: `Cannot POST: Authorization: Basic ${basic}` }]);
    const url = `${preview().url.replace('http://', `http://hooks:${password}@`)}/twilio`;
    const run = await account({
      probe: 'auto',
      'probe-timeout-seconds': '0',
      'post-webhook-url': url,
    });
    expect(run.exitCode).toBe(1);
    expect(preview().requests.at(-1)?.headers.authorization).toBe(`Basic ${basic}`);
    expect(run.stdout).toContain(`::add-mask::${basic}`);
    expectNoneOf(
      run.everything
        .split('\n')
        .filter((line) => !line.startsWith('::add-mask::'))
        .join('\n'),
      [password, basic],
    );
  });
});

describe('within what GitHub shows', () => {
  it('makes at most 10 warnings for 25 drifted services, the last counting the rest', async () => {
    const services = Array.from({ length: 25 }, (_, i) => sid(i + 1));
    for (const service of services) twilio().addService(service, `Service ${service}`);
    const run = await withFile(
      [
        'services:',
        ...services.flatMap((service) => [
          `  - sid: ${service}`,
          '    post-webhook-url: https://app.example.com/post',
        ]),
      ].join('\n'),
      { mode: 'check', 'fail-on-drift': 'false', 'max-concurrency': '8' },
    );
    expect(run.exitCode).toBe(0);
    const warnings = annotationsOf(run, 'warning');
    expect(warnings).toHaveLength(10);
    expect(warnings[9]).toMatch(/^…and 16 more warnings/);
    expect(run.stdout.filter((line) => line.startsWith('Warning: '))).toHaveLength(16);
    expect(statuses(run.outputs)).toEqual(services.map(() => 'drifted'));
  });

  it('says a failure shared by many resources once, with how many', async () => {
    const services = Array.from({ length: 5 }, (_, i) => sid(i + 1));
    for (const service of services) twilio().addService(service);
    twilio().inject({ kind: 'status', status: 400, method: 'POST', times: 5 });
    const run = await withFile(
      [
        'services:',
        ...services.flatMap((service) => [
          `  - sid: ${service}`,
          '    post-webhook-url: https://app.example.com/post',
        ]),
      ].join('\n'),
    );
    expect(run.exitCode).toBe(1);
    const errors = annotationsOf(run, 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^5 resources \(configuration of service IS0+1, .* and 2 more\): The update was not applied/,
    );
  });

  it('puts each of 60 problems of a file on its line: 9 annotations, one that counts the rest', async () => {
    const run = await withFile(
      [
        'services:',
        ...Array.from({ length: 60 }, (_, i) => `  - sid: IS${i}\n    method: PUT`),
      ].join('\n'),
    );
    expect(run.exitCode).toBe(1);
    const errors = run.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(10);
    expect(errors.slice(0, 9).every((a) => a.file === 'webhooks.yml' && a.line !== undefined)).toBe(
      true,
    );
    expect(errors[9]?.message).toMatch(/^…and 41 more errors/);
    expect(run.summary).toContain('…and 70 more problems, not listed here.');
  });
});
