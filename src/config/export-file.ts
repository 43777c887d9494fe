// The file `mode: export` writes: a new regular file (a temporary file, renamed over the old one),
// mode 0644, inside the workspace only, replacing only a regular file there.
import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { lstat, mkdir, open, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import {
  workspacePath,
  workspaceRoot,
  OUT,
  DIRECTORY_TO_NOTHING,
  realWorkspace,
  realLink,
  isLink,
  refuseUnlessRegular,
  isInside,
  attempt,
  refusal,
  refused,
  codeOf,
} from './workspace.js';

const REGULAR_ONLY = 'export writes a regular file, and replaces only a regular file.';

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
