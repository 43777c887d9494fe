// The whole account from a desired-state file, through run() in-process against the emulator:
// the account-wide configuration and services by sid and by name, the services nobody declared,
// export, pull-request plans, and the bounds on connections and concurrency.
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CREDENTIALS as CREDS } from '../emulator/twilio-emulator.js';
import { useGitHubEmulator } from '../support/github-emulator-hooks.js';
import { annotationsOf, errorLine, runInProcess } from '../support/action.js';
import type { Inputs } from '../support/action.js';
import { requestLines, useTwilioEmulator } from '../support/twilio-emulator-hooks.js';
import { useWorkspace } from '../support/workspace.js';

const SUPPORT = 'IS00000000000000000000000000000001';
const SALES = 'IS00000000000000000000000000000002';
const FORGOTTEN = 'IS00000000000000000000000000000003';
const REPOSITORY = 'octo-org/messaging';
const GITHUB_TOKEN = 'ghs_planCommentToken0123456789abcdef';

const RESTRICTED = {
  sid: `SK${'f'.repeat(32)}`,
  secret: 'restricted-key-secret',
  canListServices: false,
};

const twilio = useTwilioEmulator({
  apiKeys: [{ sid: CREDS.apiKeySid, secret: CREDS.apiKeySecret }, RESTRICTED],
  services: [
    { sid: SUPPORT, friendlyName: 'Support desk' },
    { sid: SALES, friendlyName: 'Sales' },
    { sid: FORGOTTEN, friendlyName: 'Old pilot' },
  ],
});
const workspace = useWorkspace();
const gitHub = useGitHubEmulator({ token: GITHUB_TOKEN, repository: REPOSITORY });

const FILE = `
account:
  filters: [onMessageAdded, onConversationUpdated]
  method: POST
  pre-webhook-url: none
  post-webhook-url: https://api.example.com/twilio/events
  target: webhook
services:
  - sid: ${SALES}
    filters: onMessageAdded
    post-webhook-url: \${PREVIEW_URL}/twilio/events
  - name: Support desk
    post-webhook-url: https://support.example.com/twilio
`;

/** Neither the services nor the Address Configurations nobody declared are looked at. */
const IGNORE_OTHERS = {
  'unmanaged-services': 'ignore',
  'unmanaged-addresses': 'ignore',
} as const;

function runFile(inputs: Inputs = {}, env: Record<string, string> = {}) {
  return runInProcess(
    {
      'account-sid': CREDS.accountSid,
      'auth-token': CREDS.authToken,
      'api-base-url': twilio().url,
      probe: 'off',
      'config-file': 'twilio/webhooks.yml',
      ...inputs,
    },
    {
      env: {
        GITHUB_WORKSPACE: workspace.dir(),
        PREVIEW_URL: 'https://pr-7.preview.example.com',
        GITHUB_API_URL: gitHub().url,
        GITHUB_SERVER_URL: 'https://github.example',
        GITHUB_REPOSITORY: REPOSITORY,
        GITHUB_RUN_ID: '77',
        GITHUB_WORKFLOW: 'Twilio webhooks',
        ...env,
      },
    },
  );
}

async function writeFile(text = FILE): Promise<void> {
  const { mkdir } = await import('node:fs/promises');
  await mkdir(`${workspace.dir()}/twilio`, { recursive: true });
  await workspace.write('twilio/webhooks.yml', text);
}

const updates = () => twilio().requests.filter((r) => r.method === 'POST');

describe('a desired-state file', () => {
  it('applies the account and two services, one by sid and one by name, then sends nothing', async () => {
    await writeFile();
    const run = await runFile(IGNORE_OTHERS);
    expect(run.exitCode).toBe(0);
    expect(
      updates()
        .map((r) => r.path)
        .sort(),
    ).toEqual(
      [
        '/v1/Configuration/Webhooks',
        `/v1/Services/${SALES}/Configuration/Webhooks`,
        `/v1/Services/${SUPPORT}/Configuration/Webhooks`,
      ].sort(),
    );
    expect(twilio().serviceConfig(SALES).post_webhook_url).toBe(
      'https://pr-7.preview.example.com/twilio/events',
    );
    expect(twilio().serviceConfig(SUPPORT).post_webhook_url).toBe(
      'https://support.example.com/twilio',
    );
    const resources = JSON.parse(run.outputs.resources ?? '') as {
      resource: string;
      status: string;
      name?: string;
    }[];
    expect(resources.map((r) => [r.resource, r.status, r.name])).toEqual([
      ['account', 'updated', undefined],
      [SALES, 'updated', 'Sales'],
      [SUPPORT, 'updated', 'Support desk'],
    ]);
    const diff = JSON.parse(run.outputs.diff ?? '') as { resource: string }[];
    expect(new Set(diff.map((d) => d.resource))).toEqual(new Set(['account', SALES, SUPPORT]));
    expect(run.outputs.changed).toBe('true');
    expect(run.outputs.target).toBe('webhook');
    expect(run.summary).toContain('Updated 3 of 3 resources');
    expect(run.summary).toContain(
      `<details open><summary>✏️ Updated: configuration of service ${SUPPORT} (Support desk)`,
    );

    twilio().clearRequests();
    const again = await runFile(IGNORE_OTHERS);
    expect(again.exitCode).toBe(0);
    expect(updates()).toEqual([]);
    expect(again.outputs.changed).toBe('false');
    expect(again.summary).toContain('All 3 resources match the desired state');
    expect(again.summary).toContain('<details><summary>✅ In sync');
  });

  it('refuses a bad file before any request, naming the file, the line and the key', async () => {
    await writeFile(`account:\n  methd: POST\nservices:\n  - sid: ${SALES}\n    target: flex\n`);
    const run = await runFile();
    expect(run.exitCode).toBe(1);
    expect(twilio().requests).toEqual([]);
    // Each problem on its line, so that it shows in the pull request's Files tab.
    const errors = run.annotations.filter((a) => a.level === 'error');
    expect(errors.map(({ file, line }) => [file, line])).toEqual([
      ['twilio/webhooks.yml', 1],
      ['twilio/webhooks.yml', 2],
      ['twilio/webhooks.yml', 4],
      ['twilio/webhooks.yml', 5],
    ]);
    expect(errors[1]?.message).toMatch(/^account\.methd .*Did you mean method\?/);
    expect(errors[3]?.message).toMatch(/^services\[0\]\.target/);
    expect(run.summary).toContain('❌ Failed');
    expect(run.summary).toMatch(/twilio\/webhooks\.yml has \d problems/);
    expect(run.summary).toMatch(/twilio\/webhooks\.yml:2: account\.methd .*Did you mean method\?/);
  });

  it('refuses a variable the step does not set, and a name that matches no service, before any update', async () => {
    await writeFile(FILE.replace('PREVIEW_URL', 'NOT_SET_ANYWHERE'));
    const unset = await runFile();
    expect(unset.exitCode).toBe(1);
    expect(errorLine(unset)).toContain('NOT_SET_ANYWHERE');
    expect(twilio().requests).toEqual([]);

    await writeFile(FILE.replace('Support desk', 'Support desks'));
    const unknown = await runFile();
    expect(unknown.exitCode).toBe(1);
    expect(errorLine(unknown)).toContain('Support desks');
    expect(updates()).toEqual([]);
  });

  it('refuses the per-resource inputs next to config-file', async () => {
    await writeFile();
    const run = await runFile({ filters: 'onMessageAdded' });
    expect(run.exitCode).toBe(1);
    expect(errorLine(run)).toMatch(/^Input 'filters' is set together with config-file/);
    expect(twilio().requests).toEqual([]);
  });
});

describe('the services nobody declared', () => {
  beforeEach(() => {
    twilio().setServiceConfig(FORGOTTEN, { post_webhook_url: 'https://dead.example.com/hook' });
  });

  it('warn: one warning per overriding service, naming it and what it overrides, and a table', async () => {
    await writeFile();
    const run = await runFile({ mode: 'check', 'fail-on-drift': 'false' });
    expect(run.exitCode).toBe(0);
    expect(annotationsOf(run, 'warning').filter((w) => w.includes('overrides'))).toEqual([
      expect.stringContaining(
        `Service ${FORGOTTEN} (Old pilot) is not declared in twilio/webhooks.yml and has its own webhook configuration (post-webhook-url https://dead.example.com/hook)`,
      ),
    ]);
    expect(run.summary).toMatch(
      new RegExp(`<td><code>${FORGOTTEN}</code></td><td>Old pilot</td><td>⚠️ no</td><td>its own`),
    );
    expect(twilio().requests.filter((r) => r.method === 'POST')).toEqual([]);
  });

  it('fail: the same, and the step fails after the planned updates', async () => {
    await writeFile();
    const run = await runFile({ 'unmanaged-services': 'fail' });
    expect(run.exitCode).toBe(1);
    expect(updates()).toHaveLength(3);
    expect(errorLine(run)).toContain(`unmanaged-services: fail): ${FORGOTTEN}`);
  });

  it('ignore: the services are not even listed (nor the addresses, ignored too)', async () => {
    await writeFile(FILE.replace('  - name: Support desk', `  - sid: ${SUPPORT}`));
    const run = await runFile({
      ...IGNORE_OTHERS,
      mode: 'check',
      'fail-on-drift': 'false',
    });
    expect(run.exitCode).toBe(0);
    expect(requestLines(twilio())).not.toContain('GET /v1/Services');
    expect(requestLines(twilio())).not.toContain('GET /v1/Configuration/Addresses');
    expect(annotationsOf(run, 'warning').some((w) => w.includes('overrides'))).toBe(false);
  });

  it('a key that may not list services turns the check into a warning, not a failure', async () => {
    twilio().setServiceConfig(FORGOTTEN, { post_webhook_url: null });
    const run = await runInProcess(
      {
        'account-sid': CREDS.accountSid,
        'api-key': RESTRICTED.sid,
        'api-secret': RESTRICTED.secret,
        probe: 'off',
        'api-base-url': twilio().url,
        mode: 'check',
        'post-webhook-url': 'https://api.example.com/twilio/events',
        'fail-on-drift': 'false',
      },
      {},
    );
    expect(run.annotations.some((a) => a.level === 'error' && a.message.includes('list'))).toBe(
      false,
    );
    expect(annotationsOf(run, 'warning').join('\n')).toContain(
      'Could not check for services that override',
    );
  });
});

describe('120 services across pages, within max-concurrency', () => {
  it('lists every page, fetches every service, and never has more than max-concurrency in flight', async () => {
    for (let i = 0; i < 117; i++)
      twilio().addService(`IS${String(i).padStart(32, 'a')}`, `Service ${i}`);
    twilio().setLatency(5);
    await writeFile('account:\n  post-webhook-url: https://api.example.com/twilio/events\n');
    const run = await runFile({ mode: 'check', 'fail-on-drift': 'false', 'max-concurrency': '3' });
    expect(run.exitCode).toBe(0);
    const lines = requestLines(twilio());
    expect(lines.filter((line) => line === 'GET /v1/Services')).toHaveLength(2);
    // The account-wide configuration is managed: its Address Configurations are listed too, once.
    expect(lines.filter((line) => line === 'GET /v1/Configuration/Addresses')).toHaveLength(1);
    expect(lines.filter((line) => line.endsWith('/Configuration/Webhooks'))).toHaveLength(121);
    expect(twilio().maxInFlight).toBe(3);
    expect(twilio().connections).toBeLessThanOrEqual(3);
  });
});

describe('export, then check', () => {
  it('writes every configuration to the file, sends no update, and a check of it is in sync', async () => {
    twilio().setAccountConfig({
      filters: ['onMessageAdded'],
      method: 'POST',
      post_webhook_url: 'https://a.example.com/x?y=1#z',
    });
    twilio().setServiceConfig(SALES, { pre_webhook_url: "https://u:p4ss@b.example.com/it's" });
    const exported = await runFile({ mode: 'export' });
    expect(exported.exitCode).toBe(0);
    expect(exported.outputs['config-file']).toBe('twilio/webhooks.yml');
    expect(updates()).toEqual([]);
    const text = await workspace.read('twilio/webhooks.yml');
    expect(text).toContain(`sid: ${SALES}`);
    expect(text).toContain('Sales');
    expect(annotationsOf(exported, 'warning')).toEqual([
      expect.stringContaining(
        `twilio/webhooks.yml holds webhook URLs with credentials in plain text (service ${SALES})`,
      ),
    ]);

    twilio().clearRequests();
    const checked = await runFile({ mode: 'check' });
    expect(checked.exitCode).toBe(0);
    expect(checked.outputs.drifted).toBe('false');
    expect(updates()).toEqual([]);
    expect(JSON.parse(checked.outputs.resources ?? '')).toHaveLength(4);
  });
});

describe('a plan on the pull request', () => {
  it('keeps one comment, found again by its marker, with what an apply would change', async () => {
    await writeFile();
    const pr = gitHub().seedIssue({ title: 'Move the support hook', pull_request: true });
    const { writeFile: write } = await import('node:fs/promises');
    const eventPath = `${workspace.dir()}/event.json`;
    await write(eventPath, JSON.stringify({ pull_request: { number: pr.number } }));
    const env = { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: eventPath };
    const inputs = {
      mode: 'check',
      'fail-on-drift': 'false',
      'pr-comment': 'true',
      'github-token': GITHUB_TOKEN,
      ...IGNORE_OTHERS,
    };

    const first = await runFile(inputs, env);
    expect(first.exitCode).toBe(0);
    expect(gitHub().comments).toHaveLength(1);
    expect(gitHub().comments[0]?.body).toMatch(/Merging applies \d+ changes to 3 resources/);
    expect(updates()).toEqual([]);

    await runFile({ ...inputs, mode: 'apply', 'pr-comment': 'false' });
    const second = await runFile(inputs, env);
    expect(second.exitCode).toBe(0);
    expect(gitHub().comments).toHaveLength(1);
    expect(gitHub().comments[0]?.body).toContain('No changes');
    expect(second.summary).toContain('Pull-request comment: updated');
  });

  it('one drift issue for the whole file, listing every drifted resource', async () => {
    await writeFile();
    const run = await runFile({
      mode: 'check',
      'drift-issue': 'true',
      'github-token': GITHUB_TOKEN,
      ...IGNORE_OTHERS,
    });
    expect(run.exitCode).toBe(1);
    expect(gitHub().issues).toHaveLength(1);
    expect(gitHub().issues[0]?.title).toBe(
      `Twilio webhook drift: twilio/webhooks.yml (account ${CREDS.accountSid})`,
    );
    expect(gitHub().issues[0]?.body).toContain(
      `configuration of service ${SUPPORT} (Support desk)`,
    );
    expect(gitHub().issues[0]?.body).toContain('account-wide configuration');
  });
});
