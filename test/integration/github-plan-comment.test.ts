// The plan comment on a pull request, through run() in-process against the Twilio and GitHub
// emulators: only the token's own comment is kept, it names the commit and what merging does,
// puts what removes or reroutes webhooks first, names the services whose own hooks fire, stays
// away with `on-change` while nothing would change, and says so when the plan failed.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../src/core/clock.js';
import { reportFailedRun } from '../../src/github/side.js';
import { Secrets } from '../../src/core/secrets.js';
import { parseSettings } from '../../src/config/settings.js';
import { DEFAULT_CREDENTIALS as CREDS } from '../emulator/twilio-emulator.js';
import { runInProcess, withDefaults } from '../support/action.js';
import type { Inputs } from '../support/action.js';
import { useGitHubEmulator } from '../support/github-emulator-hooks.js';
import { RecordingRunner } from '../support/recording-runner.js';
import { expectNoneOf } from '../support/secrets.js';
import { useTwilioEmulator } from '../support/twilio-emulator-hooks.js';
import { useWorkspace } from '../support/workspace.js';

const SALES = 'IS00000000000000000000000000000002';
const PILOT = 'IS00000000000000000000000000000003';
const REPOSITORY = 'octo-org/messaging';
const GITHUB_TOKEN = 'ghs_planCommentToken0123456789abcdef';
const HEAD_SHA = 'c0ffee0123456789abcdef0123456789abcdef01';
const PULL_REQUEST = 7;
const MARKER = `<!-- twilio-webhook-plan file:twilio/webhooks.yml account:${CREDS.accountSid} -->`;
const HOSTILE_NAME = '@octo-org/everyone #1 <img src=x>';
const LIVE_PASSWORD = 'pilot-LIVEPASS-LEAKCHECK';
/** A mention or an issue link that would work (see test/unit/github/issue-text.test.ts). */
const LIVE_MENTION = /(?<![&\w*])[@#](?!&#8203;)[\w-]/;

const twilio = useTwilioEmulator({
  services: [
    { sid: SALES, friendlyName: 'Sales' },
    { sid: PILOT, friendlyName: HOSTILE_NAME },
  ],
});
const workspace = useWorkspace();
const gitHub = useGitHubEmulator({ token: GITHUB_TOKEN, repository: REPOSITORY });

const FILE = `
account:
  filters: [onMessageAdded]
  method: POST
  post-webhook-url: https://api.example.com/twilio/events
services:
  - sid: ${SALES}
    post-webhook-url: https://sales.example.com/twilio
`;

/** Twilio as the file says: nothing to change. */
function inSync(): void {
  twilio().setAccountConfig({
    filters: ['onMessageAdded'],
    method: 'POST',
    post_webhook_url: 'https://api.example.com/twilio/events',
  });
  twilio().setServiceConfig(SALES, { post_webhook_url: 'https://sales.example.com/twilio' });
}

/** The environment of a run on a pull_request event, with its event file. */
async function pullRequestEnv(): Promise<Record<string, string>> {
  const eventPath = join(workspace.dir(), 'event.json');
  await writeFile(
    eventPath,
    JSON.stringify({ pull_request: { number: PULL_REQUEST, head: { sha: HEAD_SHA } } }),
  );
  return {
    GITHUB_WORKSPACE: workspace.dir(),
    GITHUB_API_URL: gitHub().url,
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_REPOSITORY: REPOSITORY,
    GITHUB_RUN_ID: '77',
    GITHUB_WORKFLOW: 'Twilio plan',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: eventPath,
  };
}

function planInputs(inputs: Inputs = {}): Inputs {
  return {
    'account-sid': CREDS.accountSid,
    'auth-token': CREDS.authToken,
    'api-base-url': twilio().url,
    probe: 'off',
    mode: 'check',
    'fail-on-drift': 'false',
    'config-file': 'twilio/webhooks.yml',
    'pr-comment': 'true',
    'github-token': GITHUB_TOKEN,
    'unmanaged-services': 'ignore',
    'unmanaged-addresses': 'ignore',
    ...inputs,
  };
}

async function plan(inputs: Inputs = {}, file = FILE) {
  await mkdir(join(workspace.dir(), 'twilio'), { recursive: true });
  await workspace.write('twilio/webhooks.yml', file);
  if (gitHub().issues.every((issue) => issue.number !== PULL_REQUEST)) {
    gitHub().seedIssue({ number: PULL_REQUEST, pull_request: true, user: 'contributor' });
  }
  return runInProcess(planInputs(inputs), { env: await pullRequestEnv() });
}

const writes = () => gitHub().requests.filter((r) => r.method !== 'GET' && r.path !== '/graphql');

describe('only our own comment', () => {
  it('leaves an outsider’s comment that carries the marker alone, and keeps ours', async () => {
    gitHub().seedIssue({ number: PULL_REQUEST, pull_request: true, user: 'contributor' });
    const planted = gitHub().seedComment(PULL_REQUEST, `${MARKER}\n**No changes**`, 'mallory');
    const first = await plan();
    expect(first.exitCode).toBe(0);
    expect(planted.body).toBe(`${MARKER}\n**No changes**`);
    const ours = gitHub().comments.filter((c) => c.user === 'github-actions[bot]');
    expect(ours).toHaveLength(1);
    expect(ours[0]?.body).toContain('Merging applies');
    expect(first.summary).toContain('Pull-request comment: created');

    inSync();
    const second = await plan();
    expect(second.summary).toContain('Pull-request comment: updated');
    expect(planted.body).toBe(`${MARKER}\n**No changes**`);
    expect(gitHub().comments).toHaveLength(2);
    expect(ours[0]?.body).toContain('**No changes**');
  });

  it('asks who the token is once, through GraphQL, and only when a comment carries the marker', async () => {
    await plan();
    expect(gitHub().requests.filter((r) => r.path === '/graphql')).toHaveLength(0);
    await plan();
    expect(gitHub().requests.filter((r) => r.path === '/graphql')).toHaveLength(1);
    expect(gitHub().requests.filter((r) => r.path === '/user')).toHaveLength(0);
  });
});

describe('a plan you can trust', () => {
  it('names the commit it planned and what merging does', async () => {
    const run = await plan();
    const body = gitHub().comments[0]?.body ?? '';
    expect(run.exitCode).toBe(0);
    expect(body).toContain(
      `Planned for commit [\`c0ffee0\`](https://github.example/${REPOSITORY}/commit/${HEAD_SHA}) by [Twilio plan run 77](https://github.example/${REPOSITORY}/actions/runs/77).`,
    );
    // The account-wide filters, method and post-webhook-url, and the Sales service's URL.
    expect(body).toContain('**Merging applies 4 changes to 2 resources**.');
  });

  it('puts a cleared URL and a new target before the tables', async () => {
    inSync();
    twilio().setAccountConfig({ pre_webhook_url: 'https://api.example.com/twilio/pre' });
    const run = await plan(
      {},
      FILE.replace('account:\n', 'account:\n  pre-webhook-url: none\n  target: flex\n'),
    );
    expect(run.exitCode).toBe(0);
    const body = gitHub().comments[0]?.body ?? '';
    expect(body).toContain(
      [
        '⚠️ **2 changes remove or reroute webhooks:**',
        '',
        '- <code>pre_webhook_url</code> of the account-wide configuration is cleared',
        '- <code>target</code> of the account-wide configuration changes from <code>webhook</code> to <code>flex</code>',
      ].join('\n'),
    );
    expect(body.indexOf('⚠️ **2 changes')).toBeLessThan(body.indexOf('<table>'));
  });

  it('names the services whose own hooks override the account-wide ones, inert and without secrets', async () => {
    twilio().setServiceConfig(PILOT, {
      post_webhook_url: `https://hooks:${LIVE_PASSWORD}@pilot.example.com/in?key=LIVE-QUERY-LEAKCHECK`,
    });
    const run = await plan({ 'unmanaged-services': 'warn' });
    expect(run.exitCode).toBe(0);
    const body = gitHub().comments[0]?.body ?? '';
    expect(body).toContain(
      '**1 service not in <code>twilio/webhooks.yml</code> overrides the account-wide webhooks:**',
    );
    expect(body).toContain(
      `- <code>${PILOT}</code> (@&#8203;octo-org/everyone #&#8203;1 &#60;img src=x&#62;): post-webhook-url <code>https://***@pilot.example.com/in?key=***</code>`,
    );
    expect(body).not.toMatch(LIVE_MENTION);
    expectNoneOf(body, [LIVE_PASSWORD]);
  });
});

describe('pr-comment: on-change', () => {
  it('writes nothing while nothing would change, then keeps the comment once it exists', async () => {
    inSync();
    const quiet = await plan({ 'pr-comment': 'on-change' });
    expect(quiet.exitCode).toBe(0);
    expect(gitHub().comments).toEqual([]);
    expect(writes()).toEqual([]);
    expect(quiet.summary).toContain('Pull-request comment: none needed.');

    twilio().setAccountConfig({ method: 'GET' });
    await plan({ 'pr-comment': 'on-change' });
    expect(gitHub().comments).toHaveLength(1);
    expect(gitHub().comments[0]?.body).toContain('**Merging applies 1 change to 1 resource**');

    inSync();
    const back = await plan({ 'pr-comment': 'on-change' });
    expect(back.summary).toContain('Pull-request comment: updated');
    expect(gitHub().comments[0]?.body).toContain('**No changes**');
  });
});

describe('a plan run that fails, through run()', () => {
  it('a bad desired-state file: the comment says the plan failed, for the commit', async () => {
    await plan();
    const run = await plan({}, 'account: [');
    expect(run.exitCode).toBe(1);
    expect(gitHub().comments[0]?.body).toContain('❌ **The plan failed** for commit [`c0ffee0`]');
  });

  it('Twilio down: the comment says the plan failed, and why', async () => {
    await plan();
    twilio().inject({ kind: 'status', status: 503, times: 100 });
    const run = await plan({ 'max-retries': '0' });
    expect(run.exitCode).toBe(1);
    expect(gitHub().comments[0]?.body).toMatch(/❌ \*\*The plan failed\*\*.*503/);
  });
});

describe('reportFailedRun: a plan that failed', () => {
  /** What main.ts passes when a check stops before it has a plan. */
  async function failedRun(inputs: Inputs, failure: string, env?: Record<string, string>) {
    const runner = new RecordingRunner({ env: env ?? (await pullRequestEnv()) });
    const { settings } = parseSettings(withDefaults(planInputs(inputs)));
    return reportFailedRun(failure, settings, {
      runner,
      secrets: new Secrets(() => undefined),
      clock: systemClock,
      retryUnitMs: 1,
    });
  }

  it('replaces the last plan with the failure, for the commit, and leaves the drift issue alone', async () => {
    inSync();
    await plan({ 'drift-issue': 'true' });
    expect(gitHub().comments[0]?.body).toContain('**No changes**');
    const issue = gitHub().seedIssue({ title: 'drift', body: 'earlier', labels: ['drift'] });
    gitHub().requests.length = 0;

    const outcome = await failedRun(
      { 'drift-issue': 'true' },
      `Twilio answered 503 for https://conversations.twilio.com/v1/Services?token=SECRET-QUERY @octo-org/oncall.`,
    );
    expect(outcome).toEqual({
      driftIssue: undefined,
      prComment: {
        action: 'updated',
        url: expect.stringContaining(`/pull/${String(PULL_REQUEST)}#issuecomment-`) as string,
      },
    });
    const body = gitHub().comments[0]?.body ?? '';
    expect(body.split('\n').slice(0, 4)).toEqual([
      MARKER,
      '## Twilio webhooks plan for <code>twilio/webhooks.yml</code>',
      '',
      `❌ **The plan failed** for commit [\`c0ffee0\`](https://github.example/${REPOSITORY}/commit/${HEAD_SHA}) in [Twilio plan run 77](https://github.example/${REPOSITORY}/actions/runs/77): Twilio answered 503 for https://conversations.twilio.com/v1/Services?token=*** @&#8203;octo-org/oncall.`,
    ]);
    expect(body).not.toContain('No changes');
    expect(issue.body).toBe('earlier');
    expect(gitHub().requests.some((r) => r.path.endsWith('/issues'))).toBe(false);
  });

  it('creates the comment when there was none, even with on-change: a failure is news', async () => {
    gitHub().seedIssue({ number: PULL_REQUEST, pull_request: true });
    const outcome = await failedRun({ 'pr-comment': 'on-change' }, 'twilio/webhooks.yml: bad.');
    expect(outcome.prComment?.action).toBe('created');
    expect(gitHub().comments[0]?.body).toContain('❌ **The plan failed**');
  });

  it('does nothing without a pull request, without pr-comment, or in apply mode', async () => {
    gitHub().seedIssue({ number: PULL_REQUEST, pull_request: true });
    const push = { ...(await pullRequestEnv()), GITHUB_EVENT_NAME: 'push' };
    expect((await failedRun({}, 'x', push)).prComment).toEqual({ action: 'none', url: '' });
    expect(await failedRun({ 'pr-comment': 'false' }, 'x')).toEqual({
      driftIssue: undefined,
      prComment: undefined,
    });
    expect((await failedRun({ mode: 'apply', 'pr-comment': 'false' }, 'x')).prComment).toBe(
      undefined,
    );
    expect(gitHub().comments).toEqual([]);
  });
});
