// The committed dist/index.js, started as the runner starts it: INPUT_* variables with hyphens
// kept, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, stdout commands and the exit code, against
// the emulators over loopback. A few runs, for what only the runner's view shows; every other
// behaviour is proven in-process (test/integration).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SERVICE_SID, twilioErrorBody } from '../emulator/twilio-emulator.js';
import { useGitHubEmulator } from '../support/github-emulator-hooks.js';
import { annotationsOf, errorLine, runDist } from '../support/action.js';
import type { ActionRun, Inputs } from '../support/action.js';
import { expectNoneOf, expectNoSecrets, SECRETS, urlWithPassword } from '../support/secrets.js';
import { QUIET, requestLines, useTwilioEmulator } from '../support/twilio-emulator-hooks.js';

const REPOSITORY = 'octo-org/messaging';
const ACCOUNT_PATH = '/v1/Configuration/Webhooks';
const HOOK = urlWithPassword(SECRETS.urlPassword);

const emulator = useTwilioEmulator({
  accountSid: SECRETS.accountSid,
  authToken: SECRETS.authToken,
});
const gitHub = useGitHubEmulator({ token: SECRETS.githubToken, repository: REPOSITORY });

function dist(inputs: Inputs = {}, env: Record<string, string> = {}, withoutSummaryFile = false) {
  return runDist(
    {
      'account-sid': SECRETS.accountSid,
      'auth-token': SECRETS.authToken,
      'api-base-url': emulator().url,
      filters: 'onMessageAdded',
      'post-webhook-url': HOOK,
      ...QUIET,
      ...inputs,
    },
    {
      env: {
        RUNNER_DEBUG: '1',
        GITHUB_API_URL: gitHub().url,
        GITHUB_SERVER_URL: 'https://github.example',
        GITHUB_REPOSITORY: REPOSITORY,
        GITHUB_RUN_ID: '42',
        GITHUB_WORKFLOW: 'Nightly drift check',
        ...env,
      },
      withoutSummaryFile,
    },
  );
}

/** Every secret is masked before the first line that is not a mask command. */
function expectMasksFirst(run: ActionRun): void {
  const firstOther = run.stdout.findIndex((line) => !line.startsWith('::add-mask::'));
  const masks = run.stdout.slice(0, firstOther);
  for (const secret of [SECRETS.authToken, SECRETS.urlPassword]) {
    expect(
      masks.some((line) => line.includes('LEAKCHECK') && line.startsWith('::add-mask::')),
      secret,
    ).toBe(true);
  }
}

describe('dist/index.js', () => {
  it('applies: inputs from INPUT_*, one connection, outputs and summary in the runner’s files', async () => {
    const run = await dist({ method: 'post' });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(requestLines(emulator())).toEqual([`GET ${ACCOUNT_PATH}`, `POST ${ACCOUNT_PATH}`]);
    expect(emulator().connections).toBe(1);
    expect(run.outputs).toMatchObject({
      changed: 'true',
      drifted: 'true',
      method: 'POST',
      filters: 'onMessageAdded',
      'post-webhook-url': 'https://***@app.example.com/twilio/post',
    });
    expect(run.summary).toContain('✏️ Updated');
    expectMasksFirst(run);
    expectNoSecrets(run);
  });

  it('reads a desired-state file from the workspace, and expands the step’s variables in it', async () => {
    const workspace = await mkdtemp(join(tmpdir(), 'workspace-'));
    try {
      await writeFile(
        join(workspace, 'webhooks.yml'),
        `account:\n  filters: onMessageAdded\n  post-webhook-url: \${HOOK}\nservices:\n  - sid: ${DEFAULT_SERVICE_SID}\n    filters: onMessageAdd\n    pre-webhook-url: none\n`,
      );
      const run = await dist(
        { filters: '', 'post-webhook-url': '', 'config-file': 'webhooks.yml' },
        { GITHUB_WORKSPACE: workspace, HOOK },
      );
      expect(run.exitCode).toBe(0);
      expect(emulator().accountConfig().post_webhook_url).toBe(HOOK);
      expect(emulator().serviceConfig(DEFAULT_SERVICE_SID).filters).toEqual(['onMessageAdd']);
      expect(JSON.parse(run.outputs.resources ?? '')).toMatchObject([
        { resource: 'account', status: 'updated' },
        { resource: DEFAULT_SERVICE_SID, status: 'updated' },
      ]);
      expect(run.outputs['post-webhook-url']).toBe('https://***@app.example.com/twilio/post');
      expectNoSecrets(run);
    } finally {
      await rm(workspace, { recursive: true, force: true });
    }
  });

  it('in sync: one request, exit 0, and the verdict in the summary', async () => {
    emulator().setAccountConfig({ filters: ['onMessageAdded'], post_webhook_url: HOOK });
    const run = await dist();
    expect(run.exitCode).toBe(0);
    expect(requestLines(emulator())).toEqual([`GET ${ACCOUNT_PATH}`]);
    expect(run.outputs.changed).toBe('false');
    expect(run.summary).toContain('✅ In sync');
  });

  it('refuses bad input before any request, naming it, with a summary and outputs', async () => {
    const pasted = SECRETS.authToken;
    const run = await dist({
      'api-key': pasted,
      'auth-token': '',
      'api-secret': SECRETS.apiSecret,
    });
    expect(run.exitCode).toBe(1);
    expect(emulator().requests).toEqual([]);
    expect(errorLine(run)).toMatch(/^Input 'api-key' is a \d+-character value starting with "to"/);
    expect(run.outputs.changed).toBe('false');
    expect(run.summary).toContain('❌ Failed');
    expectNoSecrets(run);
  });

  it('a rejected credential: exit 1, the error, a summary and outputs', async () => {
    const run = await dist({ 'auth-token': `${SECRETS.authToken}-wrong` });
    expect(run.exitCode).toBe(1);
    expect(errorLine(run)).toContain('20003');
    expect(run.outputs.changed).toBe('false');
    expect(run.summary).toContain('❌ Failed');
    expectNoSecrets(run, `${SECRETS.authToken}-wrong`);
  });

  it('without GITHUB_STEP_SUMMARY: an in-sync run still succeeds, with a warning', async () => {
    emulator().setAccountConfig({ filters: ['onMessageAdded'], post_webhook_url: HOOK });
    const run = await dist({}, {}, true);
    expect(run.exitCode).toBe(0);
    expect(annotationsOf(run, 'warning').join('\n')).toContain('Could not write the job summary');
    expect(run.outputs.changed).toBe('false');
  });

  it('an error answer full of workflow commands prints none of them', async () => {
    emulator().inject({
      kind: 'status',
      status: 400,
      method: 'POST',
      body: twilioErrorBody(
        400,
        20001,
        'bad\n::add-mask::x\n::error::pwned\n::stop-commands::tok\n<title>',
      ),
    });
    const run = await dist();
    expect(run.exitCode).toBe(1);
    const commands = run.stdout.filter((line) => line.startsWith('::'));
    expect(
      commands.filter((line) => /^::(add-mask::x|error::pwned|stop-commands)/.test(line)),
    ).toEqual([]);
    expect(annotationsOf(run, 'error')).toHaveLength(1);
    expect(errorLine(run)).toContain('bad\\n::add-mask::x');
  });

  it('check mode with a drift issue: loads the GitHub chunk, and leaks no password, live or desired', async () => {
    const editedByHand = urlWithPassword(SECRETS.livePassword, 'someone.example.com');
    emulator().setAccountConfig({ filters: ['onMessageAdded'], post_webhook_url: editedByHand });
    const run = await dist({
      mode: 'check',
      'drift-issue': 'true',
      'github-token': SECRETS.githubToken,
    });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(1);
    expect(gitHub().issues).toHaveLength(1);
    const [issue] = gitHub().issues;
    expect(issue?.body).toContain('someone.example.com');
    expectNoneOf(`${issue?.title ?? ''}\n${issue?.body ?? ''}`, [
      SECRETS.livePassword,
      SECRETS.urlPassword,
    ]);
    // A hook set by hand is shown with its user info as ***, never masked for the rest of the job.
    expect(run.stdout.some((line) => line.startsWith('::add-mask::live-'))).toBe(false);
    expect(run.outputs['drift-issue-url']).toContain('/issues/');
    expectNoSecrets(run);
  });
});
