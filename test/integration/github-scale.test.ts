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

/** A check of `file` on a pull request, with the drift issue and the plan comment. */
async function checkOnPullRequest(file: string, inputs: Record<string, string> = {}) {
  await mkdir(join(workspace.dir(), 'twilio'), { recursive: true });
  await workspace.write('twilio/webhooks.yml', file);
  const eventPath = join(workspace.dir(), 'event.json');
  await writeFile(
    eventPath,
    JSON.stringify({ pull_request: { number: 9, head: { sha: 'ab'.repeat(20) } } }),
  );
  gitHub().seedIssue({ number: 9, pull_request: true });

  return runInProcess(
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
      ...inputs,
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
}

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
    const run = await checkOnPullRequest(file);
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

const ADDRESSES = 300;
const DECLARED = 200;
const phone = (i: number) => `+1500555${String(i).padStart(4, '0')}`;

describe(`${String(ADDRESSES)} Address Configurations beside ${String(SERVICES)} services`, () => {
  it('fit the summary, the drift issue and the plan comment, and each address is accounted for', async () => {
    for (let i = 0; i < SERVICES; i++) twilio().addService(sid(i), `Support desk number ${i}`);
    for (let i = 0; i < ADDRESSES; i++) {
      twilio().addAddress({
        type: 'sms',
        address: phone(i),
        friendly_name: `Line ${i} @octo-org/support`,
        auto_creation: {
          enabled: true,
          type: 'webhook',
          conversation_service_sid: sid(i % SERVICES),
          webhook_url: `https://old.example.com/lines/${i}`,
          webhook_method: 'POST',
        },
      });
    }
    const file = [
      'account:',
      '  post-webhook-url: https://api.example.com/twilio/events',
      'addresses:',
      ...Array.from({ length: DECLARED }, (_, i) => [
        `  - address: "${phone(i)}"`,
        '    auto-creation:',
        `      webhook-url: https://\${DESKS_PREVIEW_DEPLOYMENT_HOST}/lines/${i}`,
      ]).flat(),
    ].join('\n');
    const run = await checkOnPullRequest(file, { 'unmanaged-addresses': 'warn' });

    expect(run.exitCode).toBe(0);
    const issue = gitHub().issues.find((i) => i.pull_request !== true);
    const comment = gitHub().comments[0];
    for (const body of [issue?.body ?? '', comment?.body ?? '']) {
      expect(body.length).toBeLessThanOrEqual(MAX_BODY_CHARACTERS);
      expect(body).toContain(`### Address Configuration of ${phone(0)}`);
      expect(body).not.toContain('desks.example');
      expect(body).not.toContain('@octo-org');
    }
    expect(comment?.body).toContain(
      `**Merging applies ${String(DECLARED + 1)} changes to ${String(DECLARED + 1)} resources**.`,
    );
    // The addresses nobody declared: counted, the first named, the rest said to be more.
    expect(comment?.body).toContain(
      `**${String(ADDRESSES - DECLARED)} Address Configurations not in <code>twilio/webhooks.yml</code> auto-create conversations:**`,
    );
    expect(comment?.body).toMatch(/- …and \d+ more/);
    expect(Buffer.byteLength(run.summary)).toBeLessThanOrEqual(1024 * 1024);
    expect(run.summary).toContain('**Address Configurations, and where a message to each goes**');
    const rows = run.summary.match(/<tr><td><code>\+1500555\d{4}<\/code><\/td>/g) ?? [];
    expect(rows).toHaveLength(ADDRESSES);
    for (const level of ['notice', 'warning', 'error'] as const) {
      expect(run.annotations.filter((a) => a.level === level).length).toBeLessThanOrEqual(10);
    }
    expect(run.annotations.filter((a) => a.level === 'warning').at(-1)?.message).toMatch(
      /^…and \d+ more warnings/,
    );
    const resources = JSON.parse(run.outputs.resources ?? '[]') as { kind: string }[];
    expect(resources.filter((r) => r.kind === 'address')).toHaveLength(DECLARED);
  });
});
