export const id = 519;
export const ids = [519];
export const modules = {

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


/***/ }),

/***/ 8519:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  exportState: () => (/* binding */ exportState)
});

// EXTERNAL MODULE: ./src/core/bounded.ts
var bounded = __webpack_require__(926);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/model/events.ts
var events = __webpack_require__(3576);
// EXTERNAL MODULE: ./src/model/fields.ts + 2 modules
var fields = __webpack_require__(6812);
// EXTERNAL MODULE: ./src/core/urls.ts
var urls = __webpack_require__(1221);
// EXTERNAL MODULE: ./src/model/values.ts
var values = __webpack_require__(3855);
;// CONCATENATED MODULE: ./src/engine/export-state.ts
// The live configurations written as a desired-state file, for `mode: export`: what
// parseDesiredState reads back from it is in sync with what was exported, every URL byte for byte.
// Pure: data in, text out. The yaml library quotes whatever YAML would otherwise misread; `${`,
// which the reader would take for a variable, is written `$${`.






/** The desired-state file's JSON Schema (schema/desired-state.schema.json, its $id). */
const DESIRED_STATE_SCHEMA_URL = 'https://raw.githubusercontent.com/your-org/twilio-conversations-webhooks-action/main/schema/desired-state.schema.json';
function renderDesiredState(account, services, addresses, generatedAt) {
    const accountKeys = written(account, 'account');
    const entries = services.map((service) => ({
        service,
        keys: written(service.config, 'service'),
    }));
    const addressEntries = addresses.map((address) => {
        const keys = written(address.config, 'address');
        const gone = missingService(address.config, services);
        return gone === undefined
            ? { address, keys, note: undefined }
            : {
                address,
                // A check of the file would refuse it: the file leaves it unmanaged, and says why.
                keys: keys.filter(({ key }) => key !== SERVICE_KEY),
                note: `${SERVICE_KEY} is ${gone}, which is not a Conversations service of this account: left out, so this file does not manage it. Point it at one of the account's services.`,
            };
    });
    const doc = new dist/* Document */.yo({
        account: asObject(accountKeys),
        ...(entries.length === 0
            ? {}
            : {
                services: entries.map(({ service, keys }) => ({ sid: service.sid, ...asObject(keys) })),
            }),
        ...(addressEntries.length === 0
            ? {}
            : {
                addresses: addressEntries.map(({ address, keys }) => ({
                    address: literal(address.address),
                    type: address.type.toLowerCase(),
                    ...nested(asObject(keys)),
                })),
            }),
    });
    doc.commentBefore = [
        // Editors that read this line (the YAML language server: VS Code, JetBrains) check the file.
        ` yaml-language-server: $schema=${DESIRED_STATE_SCHEMA_URL}`,
        ` Twilio Conversations webhook configuration, exported from the live account at ${generatedAt.toISOString()}.`,
        " Point the action's config-file input at this file, and mode apply or check keeps the live",
        ' configuration as it says.',
        ` A key left out is not managed; "${events/* CLEAR */.uJ}" clears a URL or the filters. \${NAME} is the value of`,
        ' the environment variable NAME, and $${ is a literal ${. Each service is given by its sid, with',
        ' its friendly name alongside, and each Address Configuration by its address and type.',
    ].join('\n');
    annotate(doc, ['account'], accountKeys);
    entries.forEach(({ service, keys }, i) => {
        const sid = doc.getIn(['services', i, 'sid'], true);
        if ((0,dist/* isScalar */.jn)(sid))
            sid.comment = ` ${commentLine(JSON.stringify(literal(service.friendlyName)))}`;
        annotate(doc, ['services', i], keys);
    });
    addressEntries.forEach(({ keys, note }, i) => {
        annotate(doc, ['addresses', i], [
            ...keys.filter(({ key }) => !key.includes('.')),
            ...(note === undefined
                ? []
                : [{ key: 'address', value: '', wire: 'string', note }]),
        ]);
        annotate(doc, ['addresses', i, AUTO_CREATION], keys.flatMap((k) => k.key.startsWith(`${AUTO_CREATION}.`)
            ? [{ ...k, key: k.key.slice(AUTO_CREATION.length + 1) }]
            : []));
    });
    return doc.toString({ lineWidth: 0 });
}
/**
 * The keys of one resource as the file writes them (the registry says how: a URL or the filters
 * that are not set are "none", so that setting them by hand later shows as drift; a method or
 * target that is not set is left out), each with a note when the action would refuse the value,
 * or when a URL holds a credential.
 */
const SERVICE_KEY = 'auto-creation.conversation-service';
/** The SID of the service an address auto-creates into, when the account has no such service. */
function missingService(config, services) {
    const sid = config['auto_creation.conversation_service_sid'];
    if (typeof sid !== 'string' || sid === '')
        return undefined;
    return services.some((service) => (0,values/* sidKey */.a7)(service.sid) === (0,values/* sidKey */.a7)(sid)) ? undefined : sid;
}
function written(config, kind) {
    const live = config;
    return (0,fields/* fieldsOf */.Pf)(kind).flatMap((spec) => {
        // An address's answer carries only its auto-creation type's fields: the others are not its own.
        if ('autoCreation' in spec && spec.autoCreation !== live['auto_creation.type'])
            return [];
        const value = spec.exported(live[spec.field] ?? null);
        if (value === undefined)
            return [];
        const text = typeof value === 'string' ? value : value.join(',');
        const refused = refusal(spec.key, () => spec.parse(text, kind));
        const credential = 'hook' in spec && (0,urls/* urlSecret */.mz)(text) !== undefined ? CREDENTIAL : undefined;
        return [{ key: spec.key, value, wire: spec.wire, note: refused ?? credential }];
    });
}
const CREDENTIAL = 'This URL holds a credential: before checking the file in, keep the URL in a secret, pass it in the env of the step and write ${NAME} here.';
function refusal(key, check) {
    try {
        check();
        return undefined;
    }
    catch (error) {
        if (error instanceof errors/* InvalidValue */.h)
            return `The action refuses this live value: ${key} ${error.message}`;
        throw error;
    }
}
/** Each key's value as YAML writes it: `enabled: true` and `studio-retry-count: 3` as themselves. */
function asObject(keys) {
    return Object.fromEntries(keys.map(({ key, value, wire }) => [
        key,
        typeof value !== 'string'
            ? value.map(literal)
            : wire === 'boolean'
                ? value === 'true'
                : wire === 'integer'
                    ? Number(value)
                    : literal(value),
    ]));
}
/** `auto-creation.type` as the key `type` of the mapping `auto-creation`. */
function nested(values) {
    const own = {};
    const inner = {};
    for (const [key, value] of Object.entries(values)) {
        if (key.startsWith(`${AUTO_CREATION}.`))
            inner[key.slice(AUTO_CREATION.length + 1)] = value;
        else
            own[key] = value;
    }
    return Object.keys(inner).length === 0 ? own : { ...own, [AUTO_CREATION]: inner };
}
const AUTO_CREATION = 'auto-creation';
/** A string the reader takes as it is: its `${` would otherwise name a variable. */
function literal(value) {
    return value.replaceAll('${', () => '$${');
}
/** A comment above each key with a note: the file says itself what needs a person's eye. */
function annotate(doc, path, keys) {
    const map = doc.getIn(path, true);
    if (!(0,dist/* isMap */.jh)(map))
        return;
    for (const { key, note } of keys) {
        const pair = map.items.find((item) => (0,dist/* isScalar */.jn)(item.key) && item.key.value === key);
        if (note !== undefined && pair !== undefined && (0,dist/* isScalar */.jn)(pair.key)) {
            pair.key.commentBefore = ` ${commentLine(note)}`;
        }
    }
}
/**
 * Text on one comment line, with whatever could end the line or is not printable escaped. A
 * friendly name is written as a JSON string, which is also a YAML double-quoted one: it can be
 * copied into `name:` as it is.
 */
function commentLine(text) {
    return text.replace(
    // eslint-disable-next-line no-control-regex -- control characters are what this looks for
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// EXTERNAL MODULE: ./src/model/account-check.ts
var account_check = __webpack_require__(7887);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/config/workspace.ts
var workspace = __webpack_require__(531);
;// CONCATENATED MODULE: ./src/config/export-file.ts
// The file `mode: export` writes: a new regular file (a temporary file, renamed over the old one),
// mode 0644, inside the workspace only, replacing only a regular file there.




const REGULAR_ONLY = 'export writes a regular file, and replaces only a regular file.';
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
        await (0,workspace/* attempt */.CD)((0,promises_.mkdir)(parent), path, 'written');
    }
    const temporary = (0,external_node_path_.join)(parent, `.${name}.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.tmp`);
    const handle = await (0,workspace/* attempt */.CD)((0,promises_.open)(temporary, 'wx', 0o644), path, 'written');
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
        throw (0,workspace/* refusal */.x5)(error, path, 'written');
    }
}
async function destination(path, env) {
    const root = await (0,workspace/* realWorkspace */.id)(path, env);
    const target = (0,workspace/* workspacePath */.X5)(path, env);
    if ((0,external_node_path_.relative)((0,workspace/* workspaceRoot */.oS)(env), target) === '') {
        throw (0,workspace/* refused */.J5)(path, `it is the workspace itself, a directory: ${REGULAR_ONLY}`);
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
            if ((0,workspace/* codeOf */.$N)(error) !== 'ENOENT')
                throw (0,workspace/* refusal */.x5)(error, path, 'written');
            if (await (0,workspace/* isLink */.PJ)(existing))
                throw (0,workspace/* refused */.J5)(path, workspace/* DIRECTORY_TO_NOTHING */.cG);
            missing.unshift((0,external_node_path_.basename)(existing));
            existing = (0,external_node_path_.dirname)(existing);
        }
    }
    if (!(0,workspace/* isInside */.FK)(root, dir))
        throw (0,workspace/* refused */.J5)(path, `${workspace/* OUT */.Po}: export writes only inside it.`);
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
        if ((0,workspace/* codeOf */.$N)(error) === 'ENOENT')
            return;
        throw (0,workspace/* refusal */.x5)(error, path, 'written');
    }
    if (found.isSymbolicLink()) {
        const real = await (0,workspace/* realLink */.BC)(file, path);
        if (!(0,workspace/* isInside */.FK)(root, real))
            throw (0,workspace/* refused */.J5)(path, `${workspace/* OUT */.Po}: export writes only inside it.`);
        found = await (0,workspace/* attempt */.CD)((0,promises_.stat)(real), path, 'written');
    }
    (0,workspace/* refuseUnlessRegular */.vh)(found, path, REGULAR_ONLY);
}

;// CONCATENATED MODULE: ./src/engine/export.ts
// Export mode: the live account-wide configuration, every service's own and every Address
// Configuration, written as a desired-state file, for onboarding. Reads only; sends no update.






async function exportState(twilio, settings, env, clock) {
    if (settings.source.kind !== 'file')
        throw new Error('Export needs config-file.');
    const file = settings.source.path;
    // Before any request: a place that cannot be written to is known without asking Twilio.
    await checkExportTarget(file, env);
    const account = await twilio.fetchConfig({ kind: 'account' });
    const wrongAccount = (0,account_check/* accountMismatch */.A)(account, settings.accountSid);
    if (wrongAccount !== undefined)
        throw new Error(wrongAccount);
    const services = await twilio.listServices();
    const configs = await (0,bounded/* mapBounded */.y)(services, settings.maxConcurrency, async (service) => ({
        sid: service.sid,
        friendlyName: service.friendlyName,
        config: await twilio.fetchConfig({ kind: 'service', serviceSid: service.sid }),
    }));
    const addresses = await twilio.listAddresses();
    await writeExportFile(file, renderDesiredState(account, configs, addresses, new Date(clock.now())), env);
    const withCredentials = [
        ...(hasCredentials(account) ? ['the account-wide configuration'] : []),
        ...configs.filter((c) => hasCredentials(c.config)).map((c) => `service ${c.sid}`),
        ...addresses.filter((a) => hasCredentials(a.config)).map((a) => `address ${a.address}`),
    ];
    return { file, services: services.length, addresses: addresses.length, withCredentials };
}
function hasCredentials(config) {
    return fields/* HOOK_FIELDS */.oE.some(({ field }) => {
        const url = config[field];
        return typeof url === 'string' && (0,urls/* urlSecret */.mz)(url) !== undefined;
    });
}


/***/ })

};
