// Check mode and the drift issue through run(), in-process, against the Twilio and GitHub
// emulators. Every test seeds the state it starts from: none depends on another's order.
import { beforeEach, describe, expect, it } from 'vitest';
import type { EmulatedIssue } from '../emulator/github-emulator.js';
import { DEFAULT_CREDENTIALS as CREDS, DEFAULT_SERVICE_SID } from '../emulator/twilio-emulator.js';
import { useGitHubEmulator } from '../support/github-emulator-hooks.js';
import { annotationsOf, errorLine, runInProcess } from '../support/action.js';
import type { Inputs } from '../support/action.js';
import { emulatorInputs, useTwilioEmulator } from '../support/twilio-emulator-hooks.js';

const REPOSITORY = 'octo-org/messaging';
const GITHUB_TOKEN = 'ghs_driftIssueToken0123456789abcdefXYZ';
const LABEL = 'twilio-webhook-drift';
const ACCOUNT_MARKER = `<!-- twilio-webhook-drift account:${CREDS.accountSid} -->`;
const DESIRED = {
  filters: 'onMessageAdded, onConversationUpdated',
  method: 'POST',
  'post-webhook-url': 'https://app.example.com/twilio/post',
};

const twilio = useTwilioEmulator();
const gitHub = useGitHubEmulator({ token: GITHUB_TOKEN, repository: REPOSITORY });

beforeEach(() => {
  twilio().setAccountConfig({
    filters: ['onConversationUpdated', 'onMessageAdded'],
    method: 'POST',
    pre_webhook_url: null,
    post_webhook_url: DESIRED['post-webhook-url'],
    target: 'webhook',
  });
  twilio().clearRequests();
});

function check(inputs: Inputs = {}, runId = '101') {
  return runInProcess(
    { ...emulatorInputs(twilio()), mode: 'check', ...DESIRED, ...inputs },
    {
      env: {
        GITHUB_API_URL: gitHub().url,
        GITHUB_SERVER_URL: 'https://github.example',
        GITHUB_REPOSITORY: REPOSITORY,
        GITHUB_RUN_ID: runId,
        GITHUB_WORKFLOW: 'Nightly drift check',
      },
    },
  );
}

function withIssue(inputs: Inputs = {}, runId?: string) {
  return check({ 'drift-issue': 'true', 'github-token': GITHUB_TOKEN, ...inputs }, runId);
}

function seedDriftIssue(state: 'open' | 'closed'): EmulatedIssue {
  return gitHub().seedIssue({
    title: 'Twilio webhook drift (renamed by a person)',
    body: `${ACCOUNT_MARKER}\nearlier drift`,
    state,
    labels: [LABEL],
  });
}

function twilioWrites(): number {
  return twilio().requests.filter((r) => r.method !== 'GET').length;
}

describe('check mode', () => {
  it('in sync: exits 0 after one fetch, and says so', async () => {
    const run = await check();
    expect(run.exitCode).toBe(0);
    expect(twilio().requests.map((r) => r.method)).toEqual(['GET']);
    expect(run.outputs.drifted).toBe('false');
    expect(run.outputs.changed).toBe('false');
    expect(run.summary).toContain('✅ In sync');
    expect(run.summary).toContain('mode: check');
  });

  it('drifted with fail-on-drift: fails listing every differing field, actual and desired', async () => {
    twilio().setAccountConfig({ method: 'GET', post_webhook_url: 'https://old.example.com/hook' });
    const run = await check();
    expect(run.exitCode).toBe(1);
    const error = errorLine(run);
    expect(error).toContain('differs in 2 fields');
    expect(error).toContain('method is "GET" (desired "POST")');
    expect(error).toContain(
      'post_webhook_url is "https://old.example.com/hook" (desired "https://app.example.com/twilio/post")',
    );
    expect(run.outputs.drifted).toBe('true');
    expect(run.outputs.changed).toBe('false');
    expect(JSON.parse(run.outputs.diff ?? '')).toHaveLength(2);
    expect(run.summary).toContain('⚠️ Drifted');
    expect(run.summary).toMatch(/<td>⚠️<\/td><td><code>method<\/code><\/td>/);
    expect(run.summary).toMatch(/<td>✅<\/td><td><code>filters<\/code><\/td>/);
    expect(twilioWrites()).toBe(0);
  });

  it('drifted without fail-on-drift: succeeds with a warning, and the outputs carry the result', async () => {
    twilio().setAccountConfig({ filters: ['onMessageAdded'] });
    const run = await check({ 'fail-on-drift': 'false' });
    expect(run.exitCode).toBe(0);
    expect(run.annotations).toContainEqual({
      level: 'warning',
      title: 'Twilio webhook drift',
      message: expect.stringContaining('filters is') as string,
    });
    expect(JSON.parse(run.outputs.diff ?? '')).toEqual([
      {
        resource: 'account',
        field: 'filters',
        actual: ['onMessageAdded'],
        desired: ['onMessageAdded', 'onConversationUpdated'],
      },
    ]);
    expect(twilioWrites()).toBe(0);
  });

  it('never posts, even with every field different', async () => {
    const run = await check({
      filters: 'onParticipantAdd, onParticipantAdded',
      method: 'GET',
      'pre-webhook-url': 'https://new.example.com/pre',
      'post-webhook-url': 'https://new.example.com/post',
      target: 'flex',
    });
    expect(run.exitCode).toBe(1);
    const diff = JSON.parse(run.outputs.diff ?? '') as { field: string }[];
    expect(diff.map((d) => d.field)).toEqual([
      'filters',
      'method',
      'pre_webhook_url',
      'post_webhook_url',
      'target',
    ]);
    expect(twilio().requests.map((r) => r.method)).toEqual(['GET']);
    expect(twilio().accountConfig().method).toBe('POST');
  });

  it('escapes values so that a URL cannot inject markup, or leave its cell, in the summary', async () => {
    twilio().setAccountConfig({
      post_webhook_url: 'https://evil.example/<script>alert(1)</script>|x\n\n# heading',
    });
    const run = await check({ 'fail-on-drift': 'false' });
    expect(run.summary).not.toContain('<script>');
    expect(run.summary).toContain('&#60;script&#62;');
    expect(run.summary).not.toMatch(/\n\s*\n# heading/);
    expect(run.summary).toMatch(/<tbody>.*&#10;&#10;# heading.*<\/tbody>/);
  });

  it('checks a service’s own configuration', async () => {
    twilio().setServiceConfig(DEFAULT_SERVICE_SID, { filters: ['onMessageAdd'], method: 'POST' });
    const run = await check({
      'service-sid': DEFAULT_SERVICE_SID,
      filters: 'onMessageAdd',
      'post-webhook-url': '',
    });
    expect(run.exitCode).toBe(0);
    expect(twilio().requests[0]?.path).toBe(
      `/v1/Services/${DEFAULT_SERVICE_SID}/Configuration/Webhooks`,
    );
    expect(run.summary).toContain(`service ${DEFAULT_SERVICE_SID}`);
  });
});

describe('drift issue', () => {
  it('is opened on drift, with the diff table, the run link and how to fix it', async () => {
    twilio().setAccountConfig({ post_webhook_url: 'https://someone.example.com/edited' });
    const run = await withIssue({}, '201');
    expect(run.exitCode).toBe(1);
    expect(gitHub().issues).toHaveLength(1);
    const [issue] = gitHub().issues;
    expect(issue?.title).toBe(
      `Twilio webhook drift: account-wide configuration of ${CREDS.accountSid}`,
    );
    expect(issue?.labels).toEqual([LABEL]);
    expect(issue?.state).toBe('open');
    expect(issue?.body).toContain(ACCOUNT_MARKER);
    expect(issue?.body).toContain('https://someone.example.com/edited');
    expect(issue?.body).toContain(`https://github.example/${REPOSITORY}/actions/runs/201`);
    expect(issue?.body).toContain('apply');
    expect(run.outputs['drift-issue-url']).toBe(
      `https://github.example/${REPOSITORY}/issues/${String(issue?.number)}`,
    );
    expect(run.summary).toContain('Drift issue: opened');
    const auth = gitHub().requests.map((r) => r.headers.authorization);
    expect(auth.every((a) => a === `token ${GITHUB_TOKEN}` || a === `Bearer ${GITHUB_TOKEN}`)).toBe(
      true,
    );
  });

  it('is updated, not duplicated, on a second drift, found by its marker whatever its title', async () => {
    const seeded = seedDriftIssue('open');
    twilio().setAccountConfig({ post_webhook_url: 'https://someone.example.com/edited-again' });
    const run = await withIssue({}, '202');
    expect(run.exitCode).toBe(1);
    expect(gitHub().issues).toHaveLength(1);
    expect(seeded.body).toContain('edited-again');
    expect(seeded.body).toContain('/actions/runs/202');
    expect(run.summary).toContain('Drift issue: updated');
  });

  it('is commented on and closed when the configuration is back in sync', async () => {
    const seeded = seedDriftIssue('open');
    const run = await withIssue({}, '203');
    expect(run.exitCode).toBe(0);
    expect(seeded.state).toBe('closed');
    expect(seeded.comments.at(-1)).toContain('Back in sync');
    expect(seeded.comments.at(-1)).toContain('/actions/runs/203');
    expect(run.summary).toContain('Drift issue: closed');
  });

  it('stays closed, with no new issue, while in sync', async () => {
    seedDriftIssue('closed');
    const run = await withIssue({}, '204');
    expect(run.exitCode).toBe(0);
    expect(gitHub().issues).toHaveLength(1);
    expect(gitHub().requests.map((r) => r.method)).toEqual(['GET']);
  });

  it('is reopened rather than duplicated when drift comes back', async () => {
    const seeded = seedDriftIssue('closed');
    twilio().setAccountConfig({ method: 'GET' });
    const run = await withIssue({}, '205');
    expect(run.exitCode).toBe(1);
    expect(gitHub().issues).toHaveLength(1);
    expect(seeded.state).toBe('open');
    expect(seeded.comments.at(-1)).toContain('Drift is back');
    expect(run.summary).toContain('Drift issue: reopened');
  });

  it('keeps a separate issue per service', async () => {
    const accountIssue = seedDriftIssue('open');
    twilio().setAccountConfig({ method: 'GET' });
    twilio().setServiceConfig(DEFAULT_SERVICE_SID, { filters: ['onMessageAdd'] });
    const run = await withIssue(
      { 'service-sid': DEFAULT_SERVICE_SID, filters: 'onMessageAdded', 'post-webhook-url': '' },
      '206',
    );
    expect(run.exitCode).toBe(1);
    expect(gitHub().issues).toHaveLength(2);
    expect(gitHub().issues[1]?.title).toBe(
      `Twilio webhook drift: Conversations service ${DEFAULT_SERVICE_SID}`,
    );
    expect(accountIssue.body).toBe(`${ACCOUNT_MARKER}\nearlier drift`);
  });

  it('reports a GitHub API failure clearly without hiding the drift verdict', async () => {
    twilio().setAccountConfig({ method: 'GET' });
    gitHub().failNext(422);
    const run = await withIssue({}, '207');
    expect(run.exitCode).toBe(1);
    const error = errorLine(run);
    expect(error).toContain('method is "GET" (desired "POST")');
    expect(error).toContain('GitHub API error while keeping the drift issue');
    expect(error).toContain('422');
    expect(run.outputs.drifted).toBe('true');
    expect(run.summary).toContain('⚠️ Drifted');
    expect(run.summary).toContain('Drift issue: ❌');
  });

  it('retries a 5xx and a secondary rate limit, and keeps the issue', async () => {
    twilio().setAccountConfig({ method: 'GET' });
    gitHub().failNext(502);
    gitHub().failNext(403, {
      message: 'You have exceeded a secondary rate limit',
      headers: { 'retry-after': '1' },
    });
    const run = await withIssue({}, '210');
    expect(run.exitCode).toBe(1);
    expect(gitHub().issues).toHaveLength(1);
    expect(run.summary).toContain('Drift issue: opened');
    expect(annotationsOf(run, 'warning').join('\n')).toContain('GitHub secondary rate limit');
  });

  it('gives each GitHub request its own time limit, and retries one that stalls', async () => {
    twilio().setAccountConfig({ method: 'GET' });
    gitHub().stallNext();
    const run = await withIssue({ 'timeout-seconds': '0.3' }, '211');
    expect(run.exitCode).toBe(1);
    expect(gitHub().issues).toHaveLength(1);
    expect(run.summary).toContain('Drift issue: opened');
  });

  it('gives up on a GitHub that keeps failing, after max-retries, and says so', async () => {
    twilio().setAccountConfig({ method: 'GET' });
    gitHub().failNext(503, 10);
    const run = await withIssue({ 'max-retries': '2' }, '212');
    expect(run.exitCode).toBe(1);
    expect(errorLine(run)).toContain('GitHub API error while keeping the drift issue');
    expect(gitHub().requests).toHaveLength(3);
  });

  it('explains the permission a rejected token needs, even when in sync', async () => {
    gitHub().failNext(403);
    const run = await withIssue({}, '208');
    expect(run.exitCode).toBe(1);
    expect(errorLine(run)).toContain('issues: write');
    expect(run.outputs.drifted).toBe('false');
  });

  it('never prints the GitHub token', async () => {
    twilio().setAccountConfig({ method: 'GET' });
    const run = await withIssue({}, '209');
    const printed = run.stdout.filter((line) => !line.startsWith('::add-mask::')).join('\n');
    expect(printed).not.toContain(GITHUB_TOKEN);
    expect(run.stdout).toContain(`::add-mask::${GITHUB_TOKEN}`);
    expect(annotationsOf(run, 'error')).toHaveLength(1);
  });
});
