// The emulator's CLI (test/emulator/cli.ts), run as CI runs it: a child process on Node 24.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ACCOUNT,
  AUTH,
  KEY_AUTH,
  OTHER_SERVICE,
  SERVICE,
  basic,
  collect,
  exited,
} from '../support/emulator-tests.ts';
import { startTwilioEmulator } from './twilio-emulator.ts';

describe('the CLI', () => {
  let dir: string;
  let child: ChildProcess | undefined;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'twilio-emulator-cli-'));
  });
  afterEach(() => {
    if (child?.exitCode === null) child.kill('SIGKILL');
    child = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));

  async function start(args: string[], env: NodeJS.ProcessEnv = {}) {
    const started = spawn(process.execPath, [cli, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, GITHUB_ENV: '', ...env },
    });
    child = started;
    const output = collect(started);
    // The CLI writes GITHUB_ENV before it prints the line, so the line is the moment to look.
    const line = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`the CLI did not start within 10 s: ${output.stderr()}`));
      }, 10_000);
      started.stdout.on('data', () => {
        if (!output.stdout().includes('\n')) return;
        clearTimeout(timer);
        resolve(output.stdout().trim());
      });
      started.once('exit', () => {
        clearTimeout(timer);
        reject(new Error(`the CLI exited before it started: ${output.stderr()}`));
      });
    });
    return { child: started, output, line };
  }

  it('prints its URL, writes it to GITHUB_ENV, serves, and exits 0 on SIGTERM', async () => {
    const envFile = join(dir, 'github-env');
    const { child: running, line } = await start([], { GITHUB_ENV: envFile });
    expect(line).toMatch(/^TWILIO_EMULATOR_URL=http:\/\/127\.0\.0\.1:[1-9]\d*$/);
    expect(readFileSync(envFile, 'utf8')).toBe(`${line}\n`);
    const url = line.slice('TWILIO_EMULATOR_URL='.length);
    expect((await fetch(`${url}${SERVICE}`, { headers: { authorization: AUTH } })).status).toBe(
      200,
    );
    expect((await fetch(`${url}${ACCOUNT}`, { headers: { authorization: KEY_AUTH } })).status).toBe(
      200,
    );
    running.kill('SIGTERM');
    expect(await exited(running, 10_000)).toBe(0);
  });

  it('takes the port, credentials and services from flags, and exits 0 on SIGINT', async () => {
    const probe = await startTwilioEmulator();
    const { port } = new URL(probe.url);
    await probe.close();
    const account = `AC${'c'.repeat(32)}`;
    const apiKey = `SK${'d'.repeat(32)}`;
    const second = `IS${'e'.repeat(32)}`;
    const { child: running, line } = await start([
      '--port',
      port,
      '--account-sid',
      account,
      '--auth-token',
      'flag-token',
      '--api-key',
      apiKey,
      '--api-secret',
      'flag-secret',
      '--service',
      OTHER_SERVICE,
      '--service',
      second,
    ]);
    const url = `http://127.0.0.1:${port}`;
    expect(line).toBe(`TWILIO_EMULATOR_URL=${url}`);
    const get = (path: string, auth: string) =>
      fetch(`${url}${path}`, { headers: { authorization: auth } });
    const own = basic(account, 'flag-token');
    expect((await get(ACCOUNT, own)).status).toBe(200);
    expect((await get(ACCOUNT, basic(apiKey, 'flag-secret'))).status).toBe(200);
    expect((await get(ACCOUNT, AUTH)).status).toBe(401);
    expect((await get(`/v1/Services/${OTHER_SERVICE}/Configuration/Webhooks`, own)).status).toBe(
      200,
    );
    expect((await get(`/v1/Services/${second}/Configuration/Webhooks`, own)).status).toBe(200);
    expect((await get(SERVICE, own)).status).toBe(404);
    running.kill('SIGINT');
    expect(await exited(running, 10_000)).toBe(0);
  });

  it('refuses a port that is not a number', async () => {
    const running = spawn(process.execPath, [cli, '--port', 'http'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = running;
    const output = collect(running);
    expect(await exited(running, 10_000)).toBe(2);
    expect(output.stdout()).toBe('');
    expect(output.stderr()).toContain('--port');
  });
});
