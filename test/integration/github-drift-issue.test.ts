// The drift issue, through run() in-process against the Twilio and GitHub emulators: only the
// token's own issue is kept (GITHUB_TOKEN's and a personal token's), it keeps the history of the
// drift in comments, an apply closes it or updates it but never opens one, and what Twilio says
// reaches it inert.
import { beforeEach, describe, expect, it } from 'vitest';
import type { EmulatedIssue, GitHubEmulator } from '../emulator/github-emulator.js';
import { DEFAULT_CREDENTIALS as CREDS } from '../emulator/twilio-emulator.js';
import { runInProcess } from '../support/action.js';
import type { Inputs } from '../support/action.js';
import { useGitHubEmulator } from '../support/github-emulator-hooks.js';
import { emulatorInputs, useTwilioEmulator } from '../support/twilio-emulator-hooks.js';

const REPOSITORY = 'octo-org/messaging';
const GITHUB_TOKEN = 'ghs_driftIssueToken0123456789abcdefXYZ';
const PERSONAL_TOKEN = 'ghp_personalDriftToken0123456789abcdefXYZ';
const LABEL = 'twilio-webhook-drift';
const MARKER = `<!-- twilio-webhook-drift account:${CREDS.accountSid} -->`;
const POST_URL = 'https://app.example.com/twilio/post';
const DESIRED = { filters: 'onMessageAdded', method: 'POST', 'post-webhook-url': POST_URL };

const twilio = useTwilioEmulator();
const gitHub = useGitHubEmulator({ token: GITHUB_TOKEN, repository: REPOSITORY });
const personal = useGitHubEmulator({
  token: PERSONAL_TOKEN,
  repository: REPOSITORY,
  login: 'octocat',
});

beforeEach(() => {
  twilio().setAccountConfig({
    filters: ['onMessageAdded'],
    method: 'POST',
    pre_webhook_url: null,
    post_webhook_url: POST_URL,
    target: 'webhook',
  });
  twilio().clearRequests();
});

function withIssue(
  mode: 'check' | 'apply',
  runId: string,
  inputs: Inputs = {},
  emulator: GitHubEmulator = gitHub(),
  token = GITHUB_TOKEN,
) {
  return runInProcess(
    {
      ...emulatorInputs(twilio()),
      ...DESIRED,
      mode,
      'fail-on-drift': 'false',
      'drift-issue': 'true',
      'github-token': token,
      'max-retries': '0',
      ...inputs,
    },
    {
      env: {
        GITHUB_API_URL: emulator.url,
        GITHUB_SERVER_URL: 'https://github.example',
        GITHUB_REPOSITORY: REPOSITORY,
        GITHUB_RUN_ID: runId,
        GITHUB_WORKFLOW: mode === 'check' ? 'Nightly drift check' : 'Deploy',
      },
    },
  );
}

function seedOurs(
  state: 'open' | 'closed',
  body = `${MARKER}\nearlier drift`,
  emulator = gitHub(),
): EmulatedIssue {
  return emulator.seedIssue({ title: 'Twilio webhook drift', body, state, labels: [LABEL] });
}

/** Twilio answers every update with a 400: an apply fails and leaves the drift. */
function refuseUpdates(): void {
  twilio().inject({ kind: 'status', status: 400, method: 'POST', times: 100 });
}

describe('only our own issue', () => {
  it('leaves a maintainer’s labelled issue that quotes the marker alone, and opens ours', async () => {
    const quoted = gitHub().seedIssue({
      title: 'Why does the drift issue say this?',
      body: `The bot wrote:\n\n${MARKER}\n\nIs that right?`,
      labels: [LABEL],
      user: 'maintainer',
    });
    twilio().setAccountConfig({ method: 'GET' });
    const run = await withIssue('check', '301');
    expect(run.summary).toContain('Drift issue: opened');
    expect(quoted.body).toBe(`The bot wrote:\n\n${MARKER}\n\nIs that right?`);
    expect(quoted.comments).toEqual([]);
    expect(gitHub().issues).toHaveLength(2);
    expect(gitHub().issues[1]).toMatchObject({ user: 'github-actions[bot]', state: 'open' });
  });

  it('closes only its own issue when back in sync', async () => {
    const ours = seedOurs('open');
    // Newer, so listed first.
    const quoted = gitHub().seedIssue({ body: MARKER, labels: [LABEL], user: 'maintainer' });
    await withIssue('check', '302');
    expect(ours.state).toBe('closed');
    expect(quoted.state).toBe('open');
    expect(quoted.comments).toEqual([]);
  });

  it('knows a personal access token’s own issue, and no one else’s', async () => {
    const mine = personal().seedIssue({ body: `${MARKER}\nby octocat`, labels: [LABEL] });
    const theirs = personal().seedIssue({
      body: `${MARKER}\nby the bot`,
      labels: [LABEL],
      user: 'github-actions[bot]',
    });
    twilio().setAccountConfig({ method: 'GET' });
    const run = await withIssue('check', '303', {}, personal(), PERSONAL_TOKEN);
    expect(run.summary).toContain('Drift issue: updated');
    expect(mine.body).toContain('/actions/runs/303');
    expect(theirs.body).toBe(`${MARKER}\nby the bot`);
  });
});

describe('the history of the drift', () => {
  it('comments when the drifted fields change, not on every run', async () => {
    twilio().setAccountConfig({ post_webhook_url: 'https://a.example/x' });
    await withIssue('check', '311');
    const [issue] = gitHub().issues;
    // The same field, another value: the body says it, no comment is needed.
    twilio().setAccountConfig({ post_webhook_url: 'https://b.example/x' });
    await withIssue('check', '312');
    await withIssue('check', '313');
    expect(issue?.body).toContain('https://b.example/x');
    expect(issue?.comments).toEqual([]);

    twilio().setAccountConfig({ method: 'GET' });
    const changed = await withIssue('check', '314');
    expect(changed.summary).toContain('Drift issue: updated');
    expect(issue?.comments).toEqual([
      [
        "The drift changed: [Nightly drift check run 314](https://github.example/octo-org/messaging/actions/runs/314) found these fields differing (the issue's body has the values):",
        '',
        '- the account-wide configuration: <code>method</code>, <code>post_webhook_url</code>',
        '',
      ].join('\n'),
    ]);
    await withIssue('check', '315');
    expect(issue?.comments).toHaveLength(1);
  });

  it('starts the history of an issue from before fingerprints without a comment', async () => {
    const issue = seedOurs('open');
    twilio().setAccountConfig({ method: 'GET' });
    await withIssue('check', '316');
    expect(issue.comments).toEqual([]);
    expect(issue.body).toMatch(/<!-- twilio-webhook-drift-fields [0-9a-f]{16} -->/);
  });
});

describe('an apply with drift-issue', () => {
  it('closes the open issue it brought back in sync, naming the run', async () => {
    const issue = seedOurs('open');
    twilio().setAccountConfig({ method: 'GET' });
    const run = await withIssue('apply', '321');
    expect(run.exitCode).toBe(0);
    expect(run.summary).toContain('Drift issue: closed');
    expect(issue.state).toBe('closed');
    expect(issue.comments).toEqual([
      'Fixed by [Deploy run 321](https://github.example/octo-org/messaging/actions/runs/321): after the apply, every resource has its desired configuration. Closing.',
    ]);
  });

  it('never opens an issue, even when it leaves drift', async () => {
    twilio().setAccountConfig({ method: 'GET' });
    refuseUpdates();
    const run = await withIssue('apply', '322');
    expect(run.exitCode).toBe(1);
    expect(gitHub().issues).toEqual([]);
    expect(gitHub().requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /repos/${REPOSITORY}/issues`,
    ]);
  });

  it('never reopens a closed one', async () => {
    const issue = seedOurs('closed');
    twilio().setAccountConfig({ method: 'GET' });
    refuseUpdates();
    await withIssue('apply', '323');
    expect(issue).toMatchObject({ state: 'closed', body: `${MARKER}\nearlier drift` });
  });

  it('updates the open issue with what it left differing', async () => {
    const issue = seedOurs('open');
    twilio().setAccountConfig({ method: 'GET' });
    refuseUpdates();
    const run = await withIssue('apply', '324');
    expect(run.summary).toContain('Drift issue: updated');
    expect(issue.state).toBe('open');
    expect(issue.body).toContain(
      'An apply left the live Twilio Conversations webhook configuration',
    );
    expect(issue.body).toContain('[Deploy run 324]');
    expect(issue.body).toMatch(/<th>Before<\/th><th>Desired<\/th><th>After<\/th>/);
  });

  it('leaves it alone when there is nothing to close and nothing it may open', async () => {
    seedOurs('closed');
    const run = await withIssue('apply', '325');
    expect(run.summary).toContain('Drift issue: none needed.');
    expect(gitHub().requests.map((r) => r.method)).toEqual(['GET']);
  });
});

describe('what Twilio says, inert', () => {
  it('an error from Twilio in the issue neither pings, links nor renders', async () => {
    const issue = seedOurs('open');
    twilio().setAccountConfig({ method: 'GET' });
    twilio().inject({
      kind: 'status',
      status: 400,
      method: 'POST',
      times: 100,
      body: {
        code: 20001,
        message:
          'Refused for @octo-org/everyone, see #1 <img src=x> https://x.example/?token=TOKEN-LEAKCHECK',
        more_info: 'https://www.twilio.com/docs/errors/20001',
        status: 400,
      },
    });
    await withIssue('apply', '331');
    expect(issue.body).toContain('@&#8203;octo-org/everyone, see #&#8203;1 &#60;img src=x&#62;');
    expect(issue.body).not.toMatch(/<img|LEAKCHECK/);
    expect(issue.body).toContain('https://x.example/?token=***');
  });

  it('a live URL from Twilio reaches the table only as showUrl shows it', async () => {
    twilio().setAccountConfig({ post_webhook_url: 'https://x.example/hook?token=QUERY-LEAKCHECK' });
    await withIssue('check', '332');
    const body = gitHub().issues[0]?.body ?? '';
    expect(body).toContain('https://x.example/hook?token=***');
    expect(body).not.toContain('LEAKCHECK');
  });
});
