// The desired-state file, read and written only inside the workspace and only as a regular file of
// bounded size: git stores symbolic links, so a repository can point config-file at the runner's
// other files, a device or a FIFO, and what is read ends up in messages and requests.
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import type { Stats } from 'node:fs';
import { lstat, mkdir, open, realpath, rename, rm, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import { errorMessage } from '../core/errors.js';
import { DesiredStateError } from '../model/service-names.js';
import { quote } from '../core/text.js';
import { workspacePath, workspaceRoot } from './workspace.js';
import { InputError } from './input-parsers.js';

/** Ten times a file for 1,000 services (about 100 KB): anything larger is a mistake. */
const LIMIT = 1024 * 1024;
const LIMIT_TEXT = `1 MiB (${LIMIT.toLocaleString('en-US')} bytes)`;
const OUT = 'it leads out of the workspace through a symbolic link';
const DIRECTORY_TO_NOTHING = 'a part of its directory is a symbolic link to nothing.';
const REGULAR_ONLY = 'export writes a regular file, and replaces only a regular file.';

/**
 * The text of the desired-state file at `path`, relative to the workspace. Refused, before it is
 * opened, unless its real path is inside the workspace and it is a regular file of at most 1 MiB;
 * refused after, unless it is UTF-8 (a leading BOM is dropped).
 */
export async function readDesiredFile(path: string, env: NodeJS.ProcessEnv): Promise<string> {
  const root = await realWorkspace(path, env);
  const file = await realInside(root, workspacePath(path, env), path);
  const checked = await attempt(stat(file), path, 'read');
  refuseUnlessRegular(checked, path, 'give the desired-state file itself.');
  if (checked.size > LIMIT) {
    throw refused(
      path,
      `it is ${checked.size.toLocaleString('en-US')} bytes, over the limit of ${LIMIT_TEXT} for a desired-state file: one for 1,000 services is about 100 KB.`,
    );
  }
  const bytes = await readChecked(file, checked, path);
  if (bytes.length > LIMIT) throw refused(path, `it grew past ${LIMIT_TEXT} while it was read.`);
  return decode(bytes, path);
}

/** Refuses, before any request, a path that writeExportFile would refuse after all of them. */
export async function checkExportTarget(path: string, env: NodeJS.ProcessEnv): Promise<void> {
  await destination(path, env);
}

/**
 * Writes `text` as a new regular file, mode 0644, at `path` relative to the workspace: into a
 * temporary file in the same directory, then renamed over the old one, so that a link there is
 * replaced, not followed, and nobody sees half a file. Missing directories are created.
 */
export async function writeExportFile(
  path: string,
  text: string,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  const { dir, missing, name } = await destination(path, env);
  let parent = dir;
  for (const part of missing) {
    parent = join(parent, part);
    // One level at a time, below a real path already checked: an entry there since the check (a
    // link) makes mkdir fail instead of being followed.
    await attempt(mkdir(parent), path, 'written');
  }
  const temporary = join(parent, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await attempt(open(temporary, 'wx', 0o644), path, 'written');
  try {
    try {
      // The umask may have taken bits away: other steps of the job read the file.
      await handle.chmod(0o644);
      await handle.writeFile(text, 'utf8');
    } finally {
      await handle.close();
    }
    await rename(temporary, join(parent, name));
  } catch (error) {
    await rm(temporary, { force: true });
    throw refusal(error, path, 'written');
  }
}

interface Destination {
  /** The real path of the deepest directory of the target that exists, inside the workspace. */
  readonly dir: string;
  /** The directories to create below it, outermost first. */
  readonly missing: readonly string[];
  readonly name: string;
}

async function destination(path: string, env: NodeJS.ProcessEnv): Promise<Destination> {
  const root = await realWorkspace(path, env);
  const target = workspacePath(path, env);
  if (relative(workspaceRoot(env), target) === '') {
    throw refused(path, `it is the workspace itself, a directory: ${REGULAR_ONLY}`);
  }
  const name = basename(target);
  const missing: string[] = [];
  let existing = dirname(target);
  let dir: string | undefined;
  while (dir === undefined) {
    try {
      dir = await realpath(existing);
    } catch (error) {
      if (codeOf(error) !== 'ENOENT') throw refusal(error, path, 'written');
      if (await isLink(existing)) throw refused(path, DIRECTORY_TO_NOTHING);
      missing.unshift(basename(existing));
      existing = dirname(existing);
    }
  }
  if (!isInside(root, dir)) throw refused(path, `${OUT}: export writes only inside it.`);
  if (missing.length === 0) await refuseUnreplaceable(root, join(dir, name), path);
  return { dir, missing, name };
}

/** Only a regular file, or a link to one inside the workspace, is replaced. */
async function refuseUnreplaceable(root: string, file: string, path: string): Promise<void> {
  let found: Stats;
  try {
    found = await lstat(file);
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return;
    throw refusal(error, path, 'written');
  }
  if (found.isSymbolicLink()) {
    const real = await realLink(file, path);
    if (!isInside(root, real)) throw refused(path, `${OUT}: export writes only inside it.`);
    found = await attempt(stat(real), path, 'written');
  }
  refuseUnlessRegular(found, path, REGULAR_ONLY);
}

async function realWorkspace(path: string, env: NodeJS.ProcessEnv): Promise<string> {
  const root = workspaceRoot(env);
  try {
    return await realpath(root);
  } catch (error) {
    throw refused(
      path,
      `the workspace it is relative to (${root}) cannot be found (${codeOf(error) ?? errorMessage(error)}): check the repository out first (actions/checkout).`,
    );
  }
}

/** `full` after every link, refused unless it is inside the workspace's real path. */
async function realInside(root: string, full: string, path: string): Promise<string> {
  const real = await realLink(full, path);
  if (!isInside(root, real)) {
    throw refused(path, `${OUT}: the file, after every link, must be inside the workspace.`);
  }
  return real;
}

async function realLink(full: string, path: string): Promise<string> {
  try {
    return await realpath(full);
  } catch (error) {
    if (codeOf(error) === 'ENOENT' && (await isLink(full))) {
      throw refused(path, 'it is a symbolic link to nothing: its target does not exist.');
    }
    throw refusal(error, path, 'read');
  }
}

async function isLink(full: string): Promise<boolean> {
  return lstat(full).then(
    (found) => found.isSymbolicLink(),
    () => false,
  );
}

async function readChecked(file: string, checked: Stats, path: string): Promise<Buffer> {
  // O_NONBLOCK: a FIFO put in place since the stat cannot make open() wait for a writer forever;
  // O_NOFOLLOW and the same inode: what is read is what was checked.
  const flags = constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW;
  const changed = () => refused(path, 'it changed while it was opened: run again.');
  let handle: FileHandle;
  try {
    handle = await open(file, flags);
  } catch (error) {
    throw codeOf(error) === 'ELOOP' ? changed() : refusal(error, path, 'read');
  }
  try {
    const opened = await handle.stat();
    if (opened.dev !== checked.dev || opened.ino !== checked.ino) throw changed();
    // One byte over the limit tells a file that grew from one that did not.
    const buffer = Buffer.alloc(LIMIT + 1);
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return buffer.subarray(0, filled);
  } finally {
    await handle.close();
  }
}

function decode(bytes: Uint8Array, path: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    const invalid = firstInvalid(bytes);
    if (invalid === undefined) throw error;
    const { offset, problem } = invalid;
    const lineStart = offset === 0 ? 0 : bytes.lastIndexOf(0x0a, offset - 1) + 1;
    const line = bytes.subarray(0, lineStart).filter((byte) => byte === 0x0a).length + 1;
    const before = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset));
    const hex = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    throw new DesiredStateError(path, [
      {
        line,
        key: '',
        message: `the file is not valid UTF-8 at column ${before.length + 1}: byte 0x${hex} ${problem}. Save it as UTF-8.`,
      },
    ]);
  }
}

/** The first byte of the first ill-formed sequence, by the table of well-formed UTF-8. */
function firstInvalid(bytes: Uint8Array): { offset: number; problem: string } | undefined {
  let offset = 0;
  while (offset < bytes.length) {
    const lead = bytes[offset] ?? 0;
    const [length, low, high] = sequence(lead);
    if (length === 0) {
      const problem =
        lead <= 0xbf ? 'continues a character that never started' : 'never appears in UTF-8';
      return { offset, problem };
    }
    for (let next = 1; next < length; next++) {
      const byte = bytes[offset + next];
      const [min, max] = next === 1 ? [low, high] : [0x80, 0xbf];
      if (byte === undefined || byte < min || byte > max) {
        return {
          offset,
          problem:
            'starts a character that the bytes after it do not complete (text saved as Latin-1 or Windows-1252 looks like this)',
        };
      }
    }
    offset += length;
  }
  return undefined;
}

/** The length of the sequence `lead` starts, and the range of its second byte; 0 if none. */
function sequence(lead: number): readonly [length: number, low: number, high: number] {
  if (lead < 0x80) return [1, 0, 0];
  if (lead >= 0xc2 && lead <= 0xdf) return [2, 0x80, 0xbf];
  if (lead === 0xe0) return [3, 0xa0, 0xbf];
  if (lead === 0xed) return [3, 0x80, 0x9f];
  if (lead >= 0xe1 && lead <= 0xef) return [3, 0x80, 0xbf];
  if (lead === 0xf0) return [4, 0x90, 0xbf];
  if (lead >= 0xf1 && lead <= 0xf3) return [4, 0x80, 0xbf];
  if (lead === 0xf4) return [4, 0x80, 0x8f];
  return [0, 0, 0];
}

function refuseUnlessRegular(found: Stats, path: string, valid: string): void {
  if (found.isFile()) return;
  throw refused(path, `it is ${kindOf(found)}, not a regular file: ${valid}`);
}

function kindOf(found: Stats): string {
  if (found.isDirectory()) return 'a directory';
  if (found.isFIFO()) return 'a named pipe (FIFO)';
  if (found.isSocket()) return 'a socket';
  if (found.isCharacterDevice()) return 'a character device';
  if (found.isBlockDevice()) return 'a block device';
  return 'a special file';
}

function isInside(root: string, real: string): boolean {
  const path = relative(root, real);
  return path !== '..' && !path.startsWith(`..${sep}`) && !isAbsolute(path);
}

async function attempt<T>(pending: Promise<T>, path: string, verb: 'read' | 'written'): Promise<T> {
  try {
    return await pending;
  } catch (error) {
    throw refusal(error, path, verb);
  }
}

/** An error of the file system as a refusal of config-file; a refusal already made stays. */
function refusal(error: unknown, path: string, verb: 'read' | 'written'): InputError {
  if (error instanceof InputError) return error;
  switch (codeOf(error)) {
    case 'ENOENT':
      return refused(
        path,
        'there is no such file in the workspace: check the repository out first (actions/checkout), or correct the path.',
      );
    case 'ENOTDIR':
      return refused(path, 'a part of its directory is a file, not a directory.');
    case 'EEXIST':
      return refused(path, DIRECTORY_TO_NOTHING);
    case 'ELOOP':
      return refused(path, 'its symbolic links go round in a loop.');
    case 'EACCES':
    case 'EPERM':
      return refused(path, `it cannot be ${verb}: permission denied.`);
    default:
      return refused(path, `it cannot be ${verb}: ${errorMessage(error)}`);
  }
}

function refused(path: string, problem: string): InputError {
  return new InputError('config-file', `is ${quote(path)}: ${problem}`);
}

function codeOf(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}
