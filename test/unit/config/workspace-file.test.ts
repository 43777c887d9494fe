// The desired-state file against real files, links, FIFOs and devices in a temporary workspace,
// with a second temporary directory standing for the rest of the runner's disk.
import { execFileSync } from 'node:child_process';
import { lstat, mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { open, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../../src/config/input-parsers.js';
import { DesiredStateError } from '../../../src/model/desired.js';
import { checkExportTarget, writeExportFile } from '../../../src/config/export-file.js';
import { readDesiredFile } from '../../../src/config/workspace-file.js';

const FILE = 'twilio/webhooks.yml';
const MIB = 1024 * 1024;
const SECRET = 'root:x:0:0:secret-of-the-runner';

let workspace = '';
let outside = '';
const env = () => ({ GITHUB_WORKSPACE: workspace });
const inWorkspace = (path: string) => join(workspace, path);

beforeEach(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'workspace-'));
  outside = await mkdtemp(join(tmpdir(), 'outside-'));
});
afterEach(async () => {
  await rm(workspace, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

async function put(path: string, content: string | Uint8Array, mode = 0o644): Promise<string> {
  const full = path.startsWith('/') ? path : inWorkspace(path);
  await mkdir(dirname(full), { recursive: true });
  await writeFile(full, content, { mode });
  return full;
}

async function link(path: string, target: string): Promise<void> {
  await mkdir(dirname(inWorkspace(path)), { recursive: true });
  await symlink(target, inWorkspace(path));
}

async function refusal(pending: Promise<unknown>): Promise<InputError> {
  const error: unknown = await pending.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe('reading the desired-state file', () => {
  it('reads a regular file, and one reached through links that stay inside the workspace', async () => {
    await put('config/real.yml', 'account:\n  method: POST\n');
    await link(FILE, '../config/real.yml');
    await link('alias', 'config');
    await expect(readDesiredFile('config/real.yml', env())).resolves.toBe(
      'account:\n  method: POST\n',
    );
    await expect(readDesiredFile(FILE, env())).resolves.toBe('account:\n  method: POST\n');
    await expect(readDesiredFile('alias/real.yml', env())).resolves.toBe(
      'account:\n  method: POST\n',
    );
  });

  it('compares with the real path of a workspace that is itself reached through a link', async () => {
    await put(FILE, 'account: {}\n');
    const linked = join(outside, 'workspace-link');
    await symlink(workspace, linked);
    await expect(readDesiredFile(FILE, { GITHUB_WORKSPACE: linked })).resolves.toBe(
      'account: {}\n',
    );
  });

  it('refuses a link to a file outside the workspace, and quotes none of it', async () => {
    const secret = await put(join(outside, 'passwd'), SECRET);
    await link(FILE, secret);
    const error = await refusal(readDesiredFile(FILE, env()));
    expect(error.input).toBe('config-file');
    expect(error.message).toBe(
      `Input 'config-file' is "${FILE}": it leads out of the workspace through a symbolic link: the file, after every link, must be inside the workspace.`,
    );
    expect(error.message).not.toContain('secret-of-the-runner');
  });

  it('refuses a file whose directory is a link out of the workspace', async () => {
    await put(join(outside, 'webhooks.yml'), SECRET);
    await link('twilio', outside);
    const error = await refusal(readDesiredFile(FILE, env()));
    expect(error.message).toContain('it leads out of the workspace through a symbolic link');
  });

  it('refuses a FIFO without opening it, and one reached through a link', async () => {
    await mkdir(inWorkspace('twilio'));
    execFileSync('mkfifo', [inWorkspace(FILE)]);
    await link('pipe-link.yml', FILE);
    // Opened for reading, a FIFO with no writer would never answer: this would time out.
    for (const path of [FILE, 'pipe-link.yml']) {
      const error = await refusal(readDesiredFile(path, env()));
      expect(error.message).toBe(
        `Input 'config-file' is "${path}": it is a named pipe (FIFO), not a regular file: give the desired-state file itself.`,
      );
    }
  });

  it('refuses a link to /dev/zero, and a directory', async () => {
    await link('zero.yml', '/dev/zero');
    expect((await refusal(readDesiredFile('zero.yml', env()))).message).toContain(
      'it leads out of the workspace',
    );
    await mkdir(inWorkspace('twilio'));
    expect((await refusal(readDesiredFile('twilio', env()))).message).toBe(
      `Input 'config-file' is "twilio": it is a directory, not a regular file: give the desired-state file itself.`,
    );
  });

  it('reads 1 MiB, and refuses 1 MiB and a byte by its size alone', async () => {
    await put('limit.yml', '#'.repeat(MIB));
    await expect(readDesiredFile('limit.yml', env())).resolves.toHaveLength(MIB);
    await put(FILE, '#'.repeat(MIB + 1));
    expect((await refusal(readDesiredFile(FILE, env()))).message).toBe(
      `Input 'config-file' is "${FILE}": it is 1,048,577 bytes, over the limit of 1 MiB (1,048,576 bytes) for a desired-state file: one for 1,000 services is about 100 KB.`,
    );
  });

  it('refuses a file of 64 GiB without reading it (it is sparse: nothing is on the disk)', async () => {
    const handle = await open(await put(FILE, ''), 'r+');
    await handle.truncate(64 * 1024 * MIB);
    await handle.close();
    expect((await refusal(readDesiredFile(FILE, env()))).message).toContain(
      'it is 68,719,476,736 bytes, over the limit',
    );
  });

  it('names the line and column of the first byte that is not UTF-8', async () => {
    const latin1 = Buffer.concat([
      Buffer.from('account:\n  method: POST\n  post-webhook-url: https://caf'),
      Buffer.from([0xe9]),
      Buffer.from('.example.com/\n'),
    ]);
    await put(FILE, latin1);
    const error: unknown = await readDesiredFile(FILE, env()).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(DesiredStateError);
    expect((error as DesiredStateError).problems).toEqual([
      {
        line: 3,
        key: '',
        message:
          'the file is not valid UTF-8 at column 32: byte 0xE9 starts a character that the bytes after it do not complete (text saved as Latin-1 or Windows-1252 looks like this). Save it as UTF-8.',
      },
    ]);
    expect((error as DesiredStateError).message).toContain(
      `${FILE}:3: the file is not valid UTF-8`,
    );
  });

  it('tells a stray continuation byte and a byte UTF-8 never uses, counting characters before them', async () => {
    const problems = async (bytes: number[]) => {
      await put(FILE, Buffer.concat([Buffer.from('é\n€ '), Buffer.from(bytes)]));
      const error: unknown = await readDesiredFile(FILE, env()).catch((thrown: unknown) => thrown);
      return (error as DesiredStateError).problems.map((p) => [p.line, p.message]);
    };
    expect(await problems([0x80])).toEqual([
      [
        2,
        expect.stringContaining('at column 3: byte 0x80 continues a character that never started'),
      ],
    ]);
    expect(await problems([0xff])).toEqual([
      [2, expect.stringContaining('at column 3: byte 0xFF never appears in UTF-8')],
    ]);
    // A surrogate, encoded: well-formed UTF-8 never holds one.
    expect(await problems([0xed, 0xa0, 0x80])).toEqual([
      [2, expect.stringContaining('byte 0xED starts a character that the bytes after it')],
    ]);
    // Cut short by the end of the file.
    expect(await problems([0xe2, 0x82])).toEqual([
      [2, expect.stringContaining('byte 0xE2 starts a character')],
    ]);
  });

  it('drops a byte order mark at the start', async () => {
    await put(FILE, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('account: {}\n')]));
    await expect(readDesiredFile(FILE, env())).resolves.toBe('account: {}\n');
  });

  it('names config-file when there is no file, or a link to nothing', async () => {
    expect((await refusal(readDesiredFile(FILE, env()))).message).toBe(
      `Input 'config-file' is "${FILE}": there is no such file in the workspace: check the repository out first (actions/checkout), or correct the path.`,
    );
    await link(FILE, join(outside, 'gone.yml'));
    expect((await refusal(readDesiredFile(FILE, env()))).message).toBe(
      `Input 'config-file' is "${FILE}": it is a symbolic link to nothing: its target does not exist.`,
    );
  });

  it('names config-file when the workspace does not exist', async () => {
    const gone = join(outside, 'no-workspace');
    expect((await refusal(readDesiredFile(FILE, { GITHUB_WORKSPACE: gone }))).message).toContain(
      `the workspace it is relative to (${gone}) cannot be found (ENOENT)`,
    );
  });
});

describe('writing the exported file', () => {
  const TEXT = 'account:\n  method: POST\n';
  const mode = async (path: string) => (await stat(path)).mode & 0o777;

  it('creates the missing directories and a regular file of mode 0644, and leaves nothing else', async () => {
    await writeExportFile(FILE, TEXT, env());
    expect(await readFile(inWorkspace(FILE), 'utf8')).toBe(TEXT);
    expect(await mode(inWorkspace(FILE))).toBe(0o644);
    expect(await readdir(inWorkspace('twilio'))).toEqual(['webhooks.yml']);
  });

  it('replaces an executable file with a new regular file of mode 0644', async () => {
    const old = await put(FILE, 'old\n', 0o755);
    const before = await stat(old);
    await writeExportFile(FILE, TEXT, env());
    const after = await lstat(old);
    expect(after.isFile()).toBe(true);
    expect(after.ino).not.toBe(before.ino);
    expect(after.mode & 0o777).toBe(0o644);
    expect(await readFile(old, 'utf8')).toBe(TEXT);
  });

  it('refuses a target that is a link out of the workspace, and leaves the file outside alone', async () => {
    const secret = await put(join(outside, 'passwd'), SECRET, 0o755);
    await link(FILE, secret);
    for (const attempt of [
      () => checkExportTarget(FILE, env()),
      () => writeExportFile(FILE, TEXT, env()),
    ]) {
      expect((await refusal(attempt())).message).toBe(
        `Input 'config-file' is "${FILE}": it leads out of the workspace through a symbolic link: export writes only inside it.`,
      );
    }
    expect(await readFile(secret, 'utf8')).toBe(SECRET);
    expect(await mode(secret)).toBe(0o755);
    expect((await lstat(inWorkspace(FILE))).isSymbolicLink()).toBe(true);
  });

  it('refuses a directory that is a link out of the workspace, and creates nothing there', async () => {
    await link('twilio', outside);
    await link('deeper', join(outside, 'missing'));
    for (const path of [FILE, 'twilio/new/webhooks.yml']) {
      expect((await refusal(writeExportFile(path, TEXT, env()))).message).toContain(
        'it leads out of the workspace through a symbolic link',
      );
    }
    // A link to nothing: creating its directories would create them outside.
    expect((await refusal(checkExportTarget('deeper/webhooks.yml', env()))).message).toBe(
      `Input 'config-file' is "deeper/webhooks.yml": a part of its directory is a symbolic link to nothing.`,
    );
    await expect(writeExportFile('deeper/webhooks.yml', TEXT, env())).rejects.toThrow(
      'symbolic link to nothing',
    );
    expect(await readdir(outside)).toEqual([]);
  });

  it('replaces a link to a file inside the workspace with a regular file, and leaves that file alone', async () => {
    const kept = await put('config/kept.yml', 'kept\n');
    await link(FILE, '../config/kept.yml');
    await writeExportFile(FILE, TEXT, env());
    expect((await lstat(inWorkspace(FILE))).isFile()).toBe(true);
    expect(await readFile(inWorkspace(FILE), 'utf8')).toBe(TEXT);
    expect(await readFile(kept, 'utf8')).toBe('kept\n');
  });

  it('refuses a directory, a FIFO and the workspace itself as the target', async () => {
    await mkdir(inWorkspace(FILE), { recursive: true });
    execFileSync('mkfifo', [inWorkspace('pipe.yml')]);
    expect((await refusal(writeExportFile(FILE, TEXT, env()))).message).toBe(
      `Input 'config-file' is "${FILE}": it is a directory, not a regular file: export writes a regular file, and replaces only a regular file.`,
    );
    expect((await refusal(writeExportFile('pipe.yml', TEXT, env()))).message).toContain(
      'it is a named pipe (FIFO), not a regular file',
    );
    expect((await refusal(writeExportFile('.', TEXT, env()))).message).toContain(
      'it is the workspace itself, a directory',
    );
    expect(await readdir(inWorkspace(FILE))).toEqual([]);
  });

  it('refuses a file where a directory of the path should be', async () => {
    await put('twilio', 'a file\n');
    for (const path of [FILE, 'twilio/new/webhooks.yml']) {
      expect((await refusal(checkExportTarget(path, env()))).message).toBe(
        `Input 'config-file' is "${path}": a part of its directory is a file, not a directory.`,
      );
    }
    expect((await refusal(readDesiredFile(FILE, env()))).message).toBe(
      `Input 'config-file' is "${FILE}": a part of its directory is a file, not a directory.`,
    );
  });

  it('writes mode 0644 whatever the umask, since the mode is set on the open file', async () => {
    const previous = process.umask(0o077);
    try {
      await writeExportFile(FILE, TEXT, env());
    } finally {
      process.umask(previous);
    }
    expect(await mode(inWorkspace(FILE))).toBe(0o644);
  });
});
