// GitHub refuses a body over 65,536 characters with a 422, and the emulator does too: a check
// of the account and 500 drifted services must still open its drift issue and write its plan
// comment, each within the limit, counted once the values from `${NAME}` are shown as the file
// wrote them (a long name for a short value makes the text longer).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_BODY_CHARACTERS } from '../emulator/github-emulator.js';
import { DEFAULT_CREDENTIALS as CREDS } from '../emulator/twilio-emulator.js';
import { runInProcess } from '../support/action.js';
import { useGitHubEmulator } from '../support/github-emulator-hooks.js';
import { useTwilioEmulator } from '../support/twilio-emulator-hooks.js';
import { useWorkspace } from '../support/workspace.js';

const REPOSITORY = 'octo-org/messaging';
const GITHUB_TOKEN = 'ghs_scaleToken0123456789abcdef';
const SERVICES = 500;
const sid = (i: number) => `IS${String(i).padStart(32, '0')}`;

const twilio = useTwilioEmulator({ services: [] });
const workspace = useWorkspace();
const gitHub = useGitHubEmulator({ token: GITHUB_TOKEN, repository: REPOSITORY });

describe(`the account and ${String(SERVICES)} drifted services`, () => {
  it('open the drift issue and write the plan comment, each within GitHub’s limit', async () => {
    for (let i = 0; i < SERVICES; i++) twilio().addService(sid(i), `Support desk number ${i}`);
    const file = [
      'account:',
      '  filters: [onMessageAdded]',
      '  post-webhook-url: https://api.example.com/twilio/events',
      'services:',
      ...Array.from({ length: SERVICES }, (_, i) => [
        `  - sid: ${sid(i)}`,
        '    filters: [onMessageAdded, onConversationUpdated]',
        `    post-webhook-url: https://\${DESKS_PREVIEW_DEPLOYMENT_HOST}/desks/${i}/twilio/events`,
      ]).flat(),
    ].join('\n');
    await mkdir(join(workspace.dir(), 'twilio'), { recursive: true });
    await workspace.write('twilio/webhooks.yml', file);
    const eventPath = join(workspace.dir(), 'event.json');
    await writeFile(
      eventPath,
      JSON.stringify({ pull_request: { number: 9, head: { sha: 'ab'.repeat(20) } } }),
    );
    gitHub().seedIssue({ number: 9, pull_request: true });

    const run = await runInProcess(
      {
        'account-sid': CREDS.accountSid,
        'auth-token': CREDS.authToken,
        'api-base-url': twilio().url,
        probe: 'off',
        'unmanaged-services': 'ignore',
        'unmanaged-addresses': 'ignore',
        mode: 'check',
        'fail-on-drift': 'false',
        'config-file': 'twilio/webhooks.yml',
        'drift-issue': 'true',
        'pr-comment': 'true',
        'github-token': GITHUB_TOKEN,
        'max-concurrency': '16',
      },
      {
        env: {
          GITHUB_WORKSPACE: workspace.dir(),
          DESKS_PREVIEW_DEPLOYMENT_HOST: 'desks.example',
          GITHUB_API_URL: gitHub().url,
          GITHUB_SERVER_URL: 'https://github.example',
          GITHUB_REPOSITORY: REPOSITORY,
          GITHUB_RUN_ID: '500',
          GITHUB_WORKFLOW: 'Twilio webhooks',
          GITHUB_EVENT_NAME: 'pull_request',
          GITHUB_EVENT_PATH: eventPath,
        },
      },
    );

    expect(run.exitCode).toBe(0);
    expect(run.summary).toContain('Drift issue: opened');
    expect(run.summary).toContain('Pull-request comment: created');
    const issue = gitHub().issues.find((i) => i.pull_request !== true);
    const comment = gitHub().comments[0];
    for (const body of [issue?.body ?? '', comment?.body ?? '']) {
      expect(body.length).toBeLessThanOrEqual(MAX_BODY_CHARACTERS);
      expect(body).toContain('### account-wide configuration');
      expect(body).toContain(
        '<code>https://${DESKS_PREVIEW_DEPLOYMENT_HOST}/desks/0/twilio/events</code>',
      );
      expect(body).not.toContain('desks.example');
      const more = /…and (\d+) more resources[^\n]*, left out to stay within GitHub's limit/.exec(
        body,
      );
      const shown = body.match(/^### (?:account-wide|configuration of service)/gm)?.length ?? 0;
      expect(shown + Number(more?.[1])).toBe(SERVICES + 1);
    }
    for (const level of ['notice', 'warning', 'error'] as const) {
      expect(run.annotations.filter((a) => a.level === level).length).toBeLessThanOrEqual(10);
    }
    expect(run.annotations.filter((a) => a.level === 'warning').at(-1)?.message).toMatch(
      /^…and \d+ more warnings/,
    );
    expect(Buffer.byteLength(run.summary)).toBeLessThanOrEqual(1024 * 1024);
    expect(issue?.body).toContain('501 resources drifted.');
    expect(comment?.body).toContain('**Merging applies 1002 changes to 501 resources**.');
  });
});
