export const id = 384;
export const ids = [384];
export const modules = {

/***/ 5384:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  O: () => (/* binding */ checkExportTarget),
  readDesiredFile: () => (/* binding */ readDesiredFile),
  c: () => (/* binding */ writeExportFile)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/model/service-names.ts
var service_names = __webpack_require__(255);
// EXTERNAL MODULE: ./src/core/text.ts
var core_text = __webpack_require__(2020);
;// CONCATENATED MODULE: ./src/config/workspace.ts

/** The directory the runner checked the repository out to. */
function workspaceRoot(env) {
    const dir = env.GITHUB_WORKSPACE;
    return dir === undefined || dir === '' ? process.cwd() : dir;
}
/** A path the user gave relative to the workspace the runner checked the repository out to. */
function workspacePath(relative, env) {
    return (0,external_node_path_.join)(workspaceRoot(env), relative);
}

// EXTERNAL MODULE: ./src/config/input-parsers.ts
var input_parsers = __webpack_require__(6143);
;// CONCATENATED MODULE: ./src/config/workspace-file.ts
// The desired-state file, read and written only inside the workspace and only as a regular file of
// bounded size: git stores symbolic links, so a repository can point config-file at the runner's
// other files, a device or a FIFO, and what is read ends up in messages and requests.









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
async function readDesiredFile(path, env) {
    const root = await realWorkspace(path, env);
    const file = await realInside(root, workspacePath(path, env), path);
    const checked = await attempt((0,promises_.stat)(file), path, 'read');
    refuseUnlessRegular(checked, path, 'give the desired-state file itself.');
    if (checked.size > LIMIT) {
        throw refused(path, `it is ${checked.size.toLocaleString('en-US')} bytes, over the limit of ${LIMIT_TEXT} for a desired-state file: one for 1,000 services is about 100 KB.`);
    }
    const bytes = await readChecked(file, checked, path);
    if (bytes.length > LIMIT)
        throw refused(path, `it grew past ${LIMIT_TEXT} while it was read.`);
    return decode(bytes, path);
}
/** Refuses, before any request, a path that writeExportFile would refuse after all of them. */
async function checkExportTarget(path, env) {
    await destination(path, env);
}
/**
 * Writes `text` as a new regular file, mode 0644, at `path` relative to the workspace: into a
 * temporary file in the same directory, then renamed over the old one, so that a link there is
 * replaced, not followed, and nobody sees half a file. Missing directories are created.
 */
async function writeExportFile(path, text, env) {
    const { dir, missing, name } = await destination(path, env);
    let parent = dir;
    for (const part of missing) {
        parent = (0,external_node_path_.join)(parent, part);
        // One level at a time, below a real path already checked: an entry there since the check (a
        // link) makes mkdir fail instead of being followed.
        await attempt((0,promises_.mkdir)(parent), path, 'written');
    }
    const temporary = (0,external_node_path_.join)(parent, `.${name}.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.tmp`);
    const handle = await attempt((0,promises_.open)(temporary, 'wx', 0o644), path, 'written');
    try {
        try {
            // The umask may have taken bits away: other steps of the job read the file.
            await handle.chmod(0o644);
            await handle.writeFile(text, 'utf8');
        }
        finally {
            await handle.close();
        }
        await (0,promises_.rename)(temporary, (0,external_node_path_.join)(parent, name));
    }
    catch (error) {
        await (0,promises_.rm)(temporary, { force: true });
        throw refusal(error, path, 'written');
    }
}
async function destination(path, env) {
    const root = await realWorkspace(path, env);
    const target = workspacePath(path, env);
    if ((0,external_node_path_.relative)(workspaceRoot(env), target) === '') {
        throw refused(path, `it is the workspace itself, a directory: ${REGULAR_ONLY}`);
    }
    const name = (0,external_node_path_.basename)(target);
    const missing = [];
    let existing = (0,external_node_path_.dirname)(target);
    let dir;
    while (dir === undefined) {
        try {
            dir = await (0,promises_.realpath)(existing);
        }
        catch (error) {
            if (codeOf(error) !== 'ENOENT')
                throw refusal(error, path, 'written');
            if (await isLink(existing))
                throw refused(path, DIRECTORY_TO_NOTHING);
            missing.unshift((0,external_node_path_.basename)(existing));
            existing = (0,external_node_path_.dirname)(existing);
        }
    }
    if (!isInside(root, dir))
        throw refused(path, `${OUT}: export writes only inside it.`);
    if (missing.length === 0)
        await refuseUnreplaceable(root, (0,external_node_path_.join)(dir, name), path);
    return { dir, missing, name };
}
/** Only a regular file, or a link to one inside the workspace, is replaced. */
async function refuseUnreplaceable(root, file, path) {
    let found;
    try {
        found = await (0,promises_.lstat)(file);
    }
    catch (error) {
        if (codeOf(error) === 'ENOENT')
            return;
        throw refusal(error, path, 'written');
    }
    if (found.isSymbolicLink()) {
        const real = await realLink(file, path);
        if (!isInside(root, real))
            throw refused(path, `${OUT}: export writes only inside it.`);
        found = await attempt((0,promises_.stat)(real), path, 'written');
    }
    refuseUnlessRegular(found, path, REGULAR_ONLY);
}
async function realWorkspace(path, env) {
    const root = workspaceRoot(env);
    try {
        return await (0,promises_.realpath)(root);
    }
    catch (error) {
        throw refused(path, `the workspace it is relative to (${root}) cannot be found (${codeOf(error) ?? (0,errors/* errorMessage */.g)(error)}): check the repository out first (actions/checkout).`);
    }
}
/** `full` after every link, refused unless it is inside the workspace's real path. */
async function realInside(root, full, path) {
    const real = await realLink(full, path);
    if (!isInside(root, real)) {
        throw refused(path, `${OUT}: the file, after every link, must be inside the workspace.`);
    }
    return real;
}
async function realLink(full, path) {
    try {
        return await (0,promises_.realpath)(full);
    }
    catch (error) {
        if (codeOf(error) === 'ENOENT' && (await isLink(full))) {
            throw refused(path, 'it is a symbolic link to nothing: its target does not exist.');
        }
        throw refusal(error, path, 'read');
    }
}
async function isLink(full) {
    return (0,promises_.lstat)(full).then((found) => found.isSymbolicLink(), () => false);
}
async function readChecked(file, checked, path) {
    // O_NONBLOCK: a FIFO put in place since the stat cannot make open() wait for a writer forever;
    // O_NOFOLLOW and the same inode: what is read is what was checked.
    const flags = external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NONBLOCK | external_node_fs_.constants.O_NOFOLLOW;
    const changed = () => refused(path, 'it changed while it was opened: run again.');
    let handle;
    try {
        handle = await (0,promises_.open)(file, flags);
    }
    catch (error) {
        throw codeOf(error) === 'ELOOP' ? changed() : refusal(error, path, 'read');
    }
    try {
        const opened = await handle.stat();
        if (opened.dev !== checked.dev || opened.ino !== checked.ino)
            throw changed();
        // One byte over the limit tells a file that grew from one that did not.
        const buffer = Buffer.alloc(LIMIT + 1);
        let filled = 0;
        while (filled < buffer.length) {
            const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
            if (bytesRead === 0)
                break;
            filled += bytesRead;
        }
        return buffer.subarray(0, filled);
    }
    finally {
        await handle.close();
    }
}
function decode(bytes, path) {
    try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    }
    catch (error) {
        const invalid = firstInvalid(bytes);
        if (invalid === undefined)
            throw error;
        const { offset, problem } = invalid;
        const lineStart = offset === 0 ? 0 : bytes.lastIndexOf(0x0a, offset - 1) + 1;
        const line = bytes.subarray(0, lineStart).filter((byte) => byte === 0x0a).length + 1;
        const before = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset));
        const hex = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
        throw new service_names/* DesiredStateError */.o7(path, [
            {
                line,
                key: '',
                message: `the file is not valid UTF-8 at column ${before.length + 1}: byte 0x${hex} ${problem}. Save it as UTF-8.`,
            },
        ]);
    }
}
/** The first byte of the first ill-formed sequence, by the table of well-formed UTF-8. */
function firstInvalid(bytes) {
    let offset = 0;
    while (offset < bytes.length) {
        const lead = bytes[offset] ?? 0;
        const [length, low, high] = sequence(lead);
        if (length === 0) {
            const problem = lead <= 0xbf ? 'continues a character that never started' : 'never appears in UTF-8';
            return { offset, problem };
        }
        for (let next = 1; next < length; next++) {
            const byte = bytes[offset + next];
            const [min, max] = next === 1 ? [low, high] : [0x80, 0xbf];
            if (byte === undefined || byte < min || byte > max) {
                return {
                    offset,
                    problem: 'starts a character that the bytes after it do not complete (text saved as Latin-1 or Windows-1252 looks like this)',
                };
            }
        }
        offset += length;
    }
    return undefined;
}
/** The length of the sequence `lead` starts, and the range of its second byte; 0 if none. */
function sequence(lead) {
    if (lead < 0x80)
        return [1, 0, 0];
    if (lead >= 0xc2 && lead <= 0xdf)
        return [2, 0x80, 0xbf];
    if (lead === 0xe0)
        return [3, 0xa0, 0xbf];
    if (lead === 0xed)
        return [3, 0x80, 0x9f];
    if (lead >= 0xe1 && lead <= 0xef)
        return [3, 0x80, 0xbf];
    if (lead === 0xf0)
        return [4, 0x90, 0xbf];
    if (lead >= 0xf1 && lead <= 0xf3)
        return [4, 0x80, 0xbf];
    if (lead === 0xf4)
        return [4, 0x80, 0x8f];
    return [0, 0, 0];
}
function refuseUnlessRegular(found, path, valid) {
    if (found.isFile())
        return;
    throw refused(path, `it is ${kindOf(found)}, not a regular file: ${valid}`);
}
function kindOf(found) {
    if (found.isDirectory())
        return 'a directory';
    if (found.isFIFO())
        return 'a named pipe (FIFO)';
    if (found.isSocket())
        return 'a socket';
    if (found.isCharacterDevice())
        return 'a character device';
    if (found.isBlockDevice())
        return 'a block device';
    return 'a special file';
}
function isInside(root, real) {
    const path = (0,external_node_path_.relative)(root, real);
    return path !== '..' && !path.startsWith(`..${external_node_path_.sep}`) && !(0,external_node_path_.isAbsolute)(path);
}
async function attempt(pending, path, verb) {
    try {
        return await pending;
    }
    catch (error) {
        throw refusal(error, path, verb);
    }
}
/** An error of the file system as a refusal of config-file; a refusal already made stays. */
function refusal(error, path, verb) {
    if (error instanceof input_parsers/* InputError */.dz)
        return error;
    switch (codeOf(error)) {
        case 'ENOENT':
            return refused(path, 'there is no such file in the workspace: check the repository out first (actions/checkout), or correct the path.');
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
            return refused(path, `it cannot be ${verb}: ${(0,errors/* errorMessage */.g)(error)}`);
    }
}
function refused(path, problem) {
    return new input_parsers/* InputError */.dz('config-file', `is ${(0,core_text/* quote */.hD)(path)}: ${problem}`);
}
function codeOf(error) {
    return error instanceof Error && 'code' in error && typeof error.code === 'string'
        ? error.code
        : undefined;
}


/***/ })

};
