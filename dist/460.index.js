export const id = 460;
export const ids = [460];
export const modules = {

/***/ 460:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  readDesiredFile: () => (/* binding */ readDesiredFile)
});

// UNUSED EXPORTS: LIMIT, LIMIT_TEXT

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/config/workspace.ts
var workspace = __webpack_require__(531);
// EXTERNAL MODULE: ./src/model/desired.ts
var desired = __webpack_require__(5131);
;// CONCATENATED MODULE: ./src/config/utf8.ts
// UTF-8, strictly: a desired-state file saved as Latin-1 would put U+FFFD into a URL sent to
// Twilio. The first invalid byte is found to name its line and column.

function decodeUtf8(bytes, path) {
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
        throw new desired/* DesiredStateError */.o(path, [
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

;// CONCATENATED MODULE: ./src/config/workspace-file.ts
// The desired-state file, read only from inside the workspace and only as a regular file of
// bounded size: a repository can point config-file at a device or a FIFO, and what is read ends
// up in messages and requests.




/** Ten times a file for 1,000 services (about 100 KB): anything larger is a mistake. */
const LIMIT = 1024 * 1024;
const LIMIT_TEXT = `1 MiB (${LIMIT.toLocaleString('en-US')} bytes)`;
/**
 * The text of the desired-state file at `path`, relative to the workspace. Refused, before it is
 * opened, unless its real path is inside the workspace and it is a regular file of at most 1 MiB;
 * refused after, unless it is UTF-8 (a leading BOM is dropped).
 */
async function readDesiredFile(path, env) {
    const root = await (0,workspace/* realWorkspace */.id)(path, env);
    const file = await (0,workspace/* realInside */.he)(root, (0,workspace/* workspacePath */.X5)(path, env), path);
    const checked = await (0,workspace/* attempt */.CD)((0,promises_.stat)(file), path, 'read');
    (0,workspace/* refuseUnlessRegular */.vh)(checked, path, 'give the desired-state file itself.');
    if (checked.size > LIMIT) {
        throw (0,workspace/* refused */.J5)(path, `it is ${checked.size.toLocaleString('en-US')} bytes, over the limit of ${LIMIT_TEXT} for a desired-state file: one for 1,000 services is about 100 KB.`);
    }
    const bytes = await readChecked(file, checked, path);
    if (bytes.length > LIMIT)
        throw (0,workspace/* refused */.J5)(path, `it grew past ${LIMIT_TEXT} while it was read.`);
    return decodeUtf8(bytes, path);
}
async function readChecked(file, checked, path) {
    // O_NONBLOCK: a FIFO put in place since the stat cannot make open() wait for a writer forever;
    // O_NOFOLLOW and the same inode: what is read is what was checked.
    const flags = external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NONBLOCK | external_node_fs_.constants.O_NOFOLLOW;
    const changed = () => (0,workspace/* refused */.J5)(path, 'it changed while it was opened: run again.');
    let handle;
    try {
        handle = await (0,promises_.open)(file, flags);
    }
    catch (error) {
        throw (0,workspace/* codeOf */.$N)(error) === 'ELOOP' ? changed() : (0,workspace/* refusal */.x5)(error, path, 'read');
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


/***/ }),

/***/ 531:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $N: () => (/* binding */ codeOf),
/* harmony export */   BC: () => (/* binding */ realLink),
/* harmony export */   CD: () => (/* binding */ attempt),
/* harmony export */   FK: () => (/* binding */ isInside),
/* harmony export */   J5: () => (/* binding */ refused),
/* harmony export */   PJ: () => (/* binding */ isLink),
/* harmony export */   Po: () => (/* binding */ OUT),
/* harmony export */   X5: () => (/* binding */ workspacePath),
/* harmony export */   cG: () => (/* binding */ DIRECTORY_TO_NOTHING),
/* harmony export */   he: () => (/* binding */ realInside),
/* harmony export */   id: () => (/* binding */ realWorkspace),
/* harmony export */   oS: () => (/* binding */ workspaceRoot),
/* harmony export */   vh: () => (/* binding */ refuseUnlessRegular),
/* harmony export */   x5: () => (/* binding */ refusal)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4296);
/* harmony import */ var _core_text_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2020);
/* harmony import */ var _input_parsers_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6143);






/** The directory the runner checked the repository out to. */
function workspaceRoot(env) {
    const dir = env.GITHUB_WORKSPACE;
    return dir === undefined || dir === '' ? process.cwd() : dir;
}
/** A path the user gave relative to the workspace the runner checked the repository out to. */
function workspacePath(relative, env) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(workspaceRoot(env), relative);
}
const OUT = 'it leads out of the workspace through a symbolic link';
const DIRECTORY_TO_NOTHING = 'a part of its directory is a symbolic link to nothing.';
async function realWorkspace(path, env) {
    const root = workspaceRoot(env);
    try {
        return await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(root);
    }
    catch (error) {
        throw refused(path, `the workspace it is relative to (${root}) cannot be found (${codeOf(error) ?? (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .g)(error)}): check the repository out first (actions/checkout).`);
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
        return await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(full);
    }
    catch (error) {
        if (codeOf(error) === 'ENOENT' && (await isLink(full))) {
            throw refused(path, 'it is a symbolic link to nothing: its target does not exist.');
        }
        throw refusal(error, path, 'read');
    }
}
async function isLink(full) {
    return (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.lstat)(full).then((found) => found.isSymbolicLink(), () => false);
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
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(root, real);
    return path !== '..' && !path.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_1__.sep}`) && !(0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(path);
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
    if (error instanceof _input_parsers_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz)
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
            return refused(path, `it cannot be ${verb}: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .g)(error)}`);
    }
}
function refused(path, problem) {
    return new _input_parsers_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz('config-file', `is ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_4__/* .quote */ .hD)(path)}: ${problem}`);
}
function codeOf(error) {
    return error instanceof Error && 'code' in error && typeof error.code === 'string'
        ? error.code
        : undefined;
}


/***/ })

};
