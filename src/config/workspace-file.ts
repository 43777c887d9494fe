// The desired-state file, read only from inside the workspace and only as a regular file of
// bounded size: a repository can point config-file at a device or a FIFO, and what is read ends
// up in messages and requests.
import { constants } from 'node:fs';
import type { Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import {
  workspacePath,
  realWorkspace,
  realInside,
  refuseUnlessRegular,
  attempt,
  refusal,
  refused,
  codeOf,
} from './workspace.js';
import { decodeUtf8 } from './utf8.js';

/** Ten times a file for 1,000 services (about 100 KB): anything larger is a mistake. */
export const LIMIT = 1024 * 1024;
export const LIMIT_TEXT = `1 MiB (${LIMIT.toLocaleString('en-US')} bytes)`;
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
  return decodeUtf8(bytes, path);
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
