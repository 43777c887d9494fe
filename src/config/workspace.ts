// The workspace the runner checked the repository out to, and the rules every file the action
// reads or writes there follows: git stores symbolic links, so a repository can point a path at
// the runner's other files; the real path, after every link, must lie inside the workspace.
import type { Stats } from 'node:fs';
import { lstat, realpath } from 'node:fs/promises';
import { isAbsolute, relative, sep } from 'node:path';
import { errorMessage } from '../core/errors.js';
import { quote } from '../core/text.js';
import { InputError } from './input-parsers.js';
import { join } from 'node:path';

/** The directory the runner checked the repository out to. */
export function workspaceRoot(env: NodeJS.ProcessEnv): string {
  const dir = env.GITHUB_WORKSPACE;
  return dir === undefined || dir === '' ? process.cwd() : dir;
}

/** A path the user gave relative to the workspace the runner checked the repository out to. */
export function workspacePath(relative: string, env: NodeJS.ProcessEnv): string {
  return join(workspaceRoot(env), relative);
}

export const OUT = 'it leads out of the workspace through a symbolic link';
export const DIRECTORY_TO_NOTHING = 'a part of its directory is a symbolic link to nothing.';
export async function realWorkspace(path: string, env: NodeJS.ProcessEnv): Promise<string> {
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
export async function realInside(root: string, full: string, path: string): Promise<string> {
  const real = await realLink(full, path);
  if (!isInside(root, real)) {
    throw refused(path, `${OUT}: the file, after every link, must be inside the workspace.`);
  }
  return real;
}

export async function realLink(full: string, path: string): Promise<string> {
  try {
    return await realpath(full);
  } catch (error) {
    if (codeOf(error) === 'ENOENT' && (await isLink(full))) {
      throw refused(path, 'it is a symbolic link to nothing: its target does not exist.');
    }
    throw refusal(error, path, 'read');
  }
}

export async function isLink(full: string): Promise<boolean> {
  return lstat(full).then(
    (found) => found.isSymbolicLink(),
    () => false,
  );
}

export function refuseUnlessRegular(found: Stats, path: string, valid: string): void {
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

export function isInside(root: string, real: string): boolean {
  const path = relative(root, real);
  return path !== '..' && !path.startsWith(`..${sep}`) && !isAbsolute(path);
}

export async function attempt<T>(
  pending: Promise<T>,
  path: string,
  verb: 'read' | 'written',
): Promise<T> {
  try {
    return await pending;
  } catch (error) {
    throw refusal(error, path, verb);
  }
}

/** An error of the file system as a refusal of config-file; a refusal already made stays. */
export function refusal(error: unknown, path: string, verb: 'read' | 'written'): InputError {
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

export function refused(path: string, problem: string): InputError {
  return new InputError('config-file', `is ${quote(path)}: ${problem}`);
}

export function codeOf(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}
