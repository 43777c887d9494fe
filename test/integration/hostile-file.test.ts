// A repository's config-file that points where it should not (git stores symbolic links), or at
// something that is not a small UTF-8 file, through run() in-process against the emulator: each
// fails the run with one error that names config-file (or the file and line), writes a summary,
// and sends Twilio nothing.
import { execFileSync } from 'node:child_process';
import { lstat, mkdir, mkdtemp, open, readdir, readFile, rm, stat } from 'node:fs/promises';
import { symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { annotationsOf, runInProcess } from '../support/action.js';
import type { Inputs } from '../support/action.js';
import { emulatorInputs, useTwilioEmulator } from '../support/twilio-emulator-hooks.js';
import { useWorkspace } from '../support/workspace.js';

const FILE = 'twilio/webhooks.yml';
const SECRET = 'post-webhook-url: https://admin:hunter2@internal.example.com/secret-of-the-runner';

const twilio = useTwilioEmulator();
const workspace = useWorkspace();
let outside = '';
beforeEach(async () => {
  outside = await mkdtemp(join(tmpdir(), 'outside-'));
  await mkdir(join(workspace.dir(), 'twilio'));
});
afterEach(async () => {
  await rm(outside, { recursive: true, force: true });
});

const inWorkspace = (path: string) => join(workspace.dir(), path);

function runWith(inputs: Inputs) {
  return runInProcess(
    { ...emulatorInputs(twilio()), 'config-file': FILE, ...inputs },
    { env: { GITHUB_WORKSPACE: workspace.dir() } },
  );
}

const HOSTILE: readonly (readonly [string, () => Promise<void>, string])[] = [
  [
    'a link to a file outside the workspace',
    async () => {
      await writeFile(join(outside, 'passwd'), SECRET);
      await symlink(join(outside, 'passwd'), inWorkspace(FILE));
    },
    `Input 'config-file' is "${FILE}": it leads out of the workspace through a symbolic link`,
  ],
  [
    'a directory that links out of the workspace',
    async () => {
      await writeFile(join(outside, 'webhooks.yml'), SECRET);
      await rm(inWorkspace('twilio'), { recursive: true });
      await symlink(outside, inWorkspace('twilio'));
    },
    `Input 'config-file' is "${FILE}": it leads out of the workspace through a symbolic link`,
  ],
  [
    'a link to /dev/zero',
    () => symlink('/dev/zero', inWorkspace(FILE)),
    `Input 'config-file' is "${FILE}": it leads out of the workspace through a symbolic link`,
  ],
  [
    'a FIFO nobody writes to',
    async () => {
      execFileSync('mkfifo', [inWorkspace(FILE)]);
      await Promise.resolve();
    },
    `Input 'config-file' is "${FILE}": it is a named pipe (FIFO), not a regular file`,
  ],
  [
    'a directory',
    () => mkdir(inWorkspace(FILE)),
    `Input 'config-file' is "${FILE}": it is a directory, not a regular file`,
  ],
  [
    'a file of 10 MB',
    async () => {
      const handle = await open(inWorkspace(FILE), 'w');
      await handle.truncate(10_000_000);
      await handle.close();
    },
    `Input 'config-file' is "${FILE}": it is 10,000,000 bytes, over the limit of 1 MiB`,
  ],
  [
    'no file at all',
    () => Promise.resolve(),
    `Input 'config-file' is "${FILE}": there is no such file in the workspace`,
  ],
  [
    'a URL in Latin-1, not UTF-8',
    () =>
      writeFile(
        inWorkspace(FILE),
        Buffer.concat([
          Buffer.from('account:\n  method: POST\n  post-webhook-url: https://caf'),
          Buffer.from([0xe9, 0x2e]),
          Buffer.from('example.com/\n'),
        ]),
      ),
    'the file is not valid UTF-8 at column 32: byte 0xE9',
  ],
];

describe('a hostile config-file', () => {
  it.each(HOSTILE)('%s: fails before any request, naming it', async (_, arrange, error) => {
    await arrange();
    const run = await runWith({ mode: 'apply' });
    expect(run.exitCode).toBe(1);
    expect(annotationsOf(run, 'error')).toEqual([expect.stringContaining(error)]);
    expect(run.summary).toContain('Failed');
    expect(
      run.annotations.filter((a) => a.file !== undefined).map((a) => [a.file, a.line]),
    ).toEqual(error.startsWith('the file is not valid UTF-8') ? [[FILE, 3]] : []);
    expect(run.everything).not.toContain('hunter2');
    expect(run.everything).not.toContain('secret-of-the-runner');
    expect(twilio().requests).toEqual([]);
  });
});

describe('export to a hostile config-file', () => {
  it('refuses a link out of the workspace before any request, and leaves the file outside alone', async () => {
    const passwd = join(outside, 'passwd');
    await writeFile(passwd, SECRET, { mode: 0o755 });
    await symlink(passwd, inWorkspace(FILE));
    const run = await runWith({ mode: 'export' });
    expect(run.exitCode).toBe(1);
    expect(annotationsOf(run, 'error')).toEqual([
      `Input 'config-file' is "${FILE}": it leads out of the workspace through a symbolic link: export writes only inside it.`,
    ]);
    expect(run.summary).toContain('Failed');
    expect(twilio().requests).toEqual([]);
    expect(await readFile(passwd, 'utf8')).toBe(SECRET);
    expect((await stat(passwd)).mode & 0o777).toBe(0o755);
    expect((await lstat(inWorkspace(FILE))).isSymbolicLink()).toBe(true);
  });

  it('refuses a directory that links out of the workspace, and creates nothing there', async () => {
    await rm(inWorkspace('twilio'), { recursive: true });
    await symlink(outside, inWorkspace('twilio'));
    const run = await runWith({ mode: 'export', 'config-file': 'twilio/new/webhooks.yml' });
    expect(run.exitCode).toBe(1);
    expect(annotationsOf(run, 'error')).toEqual([
      expect.stringContaining('it leads out of the workspace through a symbolic link'),
    ]);
    expect(twilio().requests).toEqual([]);
    expect(await readdir(outside)).toEqual([]);
  });
});
