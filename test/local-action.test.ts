// `npm run local-action` runs the action from source with @github/local-action against the Twilio
// emulator (test/emulator/local-action.ts): a contributor's one command. Run here as a contributor
// runs it, through npm, and the update must land in the emulator.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './support/action.js';

let scratch = '';
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'local-action-test-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

function runScript(envFile: string): { status: number | null; output: string } {
  const run = spawnSync('npm', ['run', '--silent', 'local-action', '--', envFile], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    // Colours off, so that the tables read as text.
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

describe('npm run local-action', () => {
  it('runs src/main.ts against the emulator from .env.example, and the update lands', async () => {
    const example = await readFile(join(ROOT, '.env.example'), 'utf8');
    // The same inputs with a URL of this test's own, so that the POST seen is this run's.
    const envFile = join(scratch, 'example.env');
    await writeFile(
      envFile,
      example.replace(
        /^INPUT_POST-WEBHOOK-URL=.*$/m,
        'INPUT_POST-WEBHOOK-URL=https://local-action.example.com/twilio/events',
      ),
    );
    const { status, output } = runScript(envFile);
    expect(output).toMatch(/Twilio emulator on http:\/\/127\.0\.0\.1:\d+/);
    expect(output).toContain(
      'POST /v1/Configuration/Webhooks Filters=onMessageAdded&Filters=onConversationUpdated&Method=POST&PostWebhookUrl=https%3A%2F%2Flocal-action.example.com%2Ftwilio%2Fevents',
    );
    expect(output).toMatch(/'changed'\s+│ 'true'/);
    expect(output).toContain('Updated 3 fields');
    expect(status, output).toBe(0);
  });

  it('passes the action’s failure on as its exit code', async () => {
    const envFile = join(scratch, 'bad.env');
    await writeFile(envFile, 'INPUT_ACCOUNT-SID=not-a-sid\nINPUT_AUTH-TOKEN=x\nINPUT_PROBE=off\n');
    const { status, output } = runScript(envFile);
    expect(output).toContain('account-sid');
    expect(output).toContain('The emulator received 0 request(s)');
    expect(status).toBe(1);
  });
});
