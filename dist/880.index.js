export const id = 880;
export const ids = [880];
export const modules = {

/***/ 880:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseDesiredState: () => (/* binding */ parseDesiredState)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4296);
/* harmony import */ var _model_events_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3576);
/* harmony import */ var _model_fields_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5140);
/* harmony import */ var _core_suggest_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2085);
/* harmony import */ var _core_text_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2020);
/* harmony import */ var _model_service_names_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(255);
/* harmony import */ var _model_webhook_config_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9307);
// The desired-state file: the account-wide configuration and any number of Conversations services
// in one YAML file (JSON is YAML too). Its field keys are the inputs' names and mean what the
// inputs mean, through the same parsers. Pure: text in, data out. The whole file is checked before
// anything is returned, and every problem is named with its line and key path, so that one run
// shows everything there is to fix.








/** The file's field keys (the inputs' names) and the fields they set. */
const FIELD_KEYS = {
    filters: 'filters',
    method: 'method',
    'pre-webhook-url': 'pre_webhook_url',
    'post-webhook-url': 'post_webhook_url',
    target: 'target',
};
const ACCOUNT_KEYS = Object.keys(FIELD_KEYS);
const SERVICE_FIELD_KEYS = ACCOUNT_KEYS.filter((key) => key !== 'target');
const SERVICE_KEYS = ['sid', 'name', ...SERVICE_FIELD_KEYS];
const TOP_KEYS = ['account', 'services'];
/** Twilio's pattern for a service SID: either case of hex digit, as its answers may have them. */
const SID = /^IS[0-9a-fA-F]{32}$/;
const SID_EXPECTED = 'IS followed by 32 lower-case hex digits (34 characters)';
const URL_EXPECTED = `an absolute http(s) URL, or "${_model_events_js__WEBPACK_IMPORTED_MODULE_2__/* .CLEAR */ .uJ}" to clear it`;
const EXPECTED = {
    filters: `event names, as a list or separated by commas or new lines, or "${_model_events_js__WEBPACK_IMPORTED_MODULE_2__/* .CLEAR */ .uJ}" to clear the list`,
    method: 'GET or POST',
    'pre-webhook-url': URL_EXPECTED,
    'post-webhook-url': URL_EXPECTED,
    target: 'webhook or flex',
    sid: SID_EXPECTED,
    name: "the service's friendly name, as a string (in quotes if it looks like a number)",
};
const TARGET_ON_SERVICE = 'is set: only the account-wide configuration has a target (the per-service resource has none). Leave it out.';
/**
 * `${NAME}` takes the value of the environment variable NAME; `$${` is a literal `${`. A value put
 * in is not read again, so a variable's value is always literal.
 */
const REFERENCE = /\$\$\{|\$\{(?:([A-Za-z_][A-Za-z0-9_]*)\})?/g;
/** The runner's own variables hold its tokens and settings: a file must not carry them to Twilio or GitHub. */
const RUNNER_VARIABLE = /^(?:ACTIONS|GITHUB|RUNNER|INPUT)_/i;
/** The keys whose values are webhook URLs, shown as the file writes them. */
const URL_KEYS = new Set(['pre-webhook-url', 'post-webhook-url']);
/**
 * Reads and checks the whole desired-state file. `file` names it in messages; `env` supplies
 * `${NAME}`. Throws one DesiredStateError that lists every problem.
 */
function parseDesiredState(text, file, env) {
    const lines = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false });
    const reader = new Reader(doc, lines, env);
    const state = reader.read(text, file);
    if (reader.problems.length > 0)
        throw new _model_service_names_js__WEBPACK_IMPORTED_MODULE_4__/* .DesiredStateError */ .o7(file, reader.problems);
    return state;
}
class Reader {
    problems = [];
    /** The variables URLs were filled in from, to show each URL as the file writes it. */
    variables = [];
    doc;
    lines;
    env;
    constructor(doc, lines, env) {
        this.doc = doc;
        this.lines = lines;
        this.env = env;
    }
    read(text, file) {
        const empty = { file, account: undefined, services: [], variables: [] };
        for (const [error, what] of [
            ...this.doc.errors.map((e) => [e, 'is not valid YAML']),
            ...this.doc.warnings.map((e) => [e, 'has a YAML problem']),
        ]) {
            // An error at the end of the text (an unclosed quote) is on the last line, not past it.
            const end = Math.max(0, Math.min(error.pos[0], text.trimEnd().length - 1));
            const { line, col } = this.lines.linePos(end);
            const detail = error.code === 'MULTIPLE_DOCS'
                ? 'a second document starts here: the file must be one YAML document'
                : (error.message.split('\n')[0] ?? '');
            this.report(line, '', `${what} at column ${col}: ${detail}.`, col);
        }
        // After a syntax error the tree is a guess: checking it would only add confusion.
        if (this.doc.errors.length > 0)
            return empty;
        const top = this.resolve(this.doc.contents);
        if (isEmpty(top)) {
            this.report(1, '', 'is empty: expected a mapping with account, services or both.');
            return empty;
        }
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(top)) {
            this.report(this.lineOf(top), '', `is ${describe(top)}: expected a mapping with account, services or both at the top level.`);
            return empty;
        }
        const keys = this.entries(top, '', TOP_KEYS);
        const account = keys.get('account');
        const listed = keys.get('services');
        const services = this.readServices(listed);
        if (account === undefined &&
            (listed === undefined || isEmptyList(this.resolve(listed.value)))) {
            this.report(1, '', 'manages nothing: give account, services or both, with at least one field to manage.');
        }
        return {
            file,
            account: account === undefined ? undefined : this.readAccount(account),
            services: this.checkServices(services),
            variables: this.variables,
        };
    }
    readAccount(entry) {
        const node = this.resolve(entry.value);
        const expected = `a mapping of the fields to manage (${ACCOUNT_KEYS.join(', ')})`;
        if (isEmpty(node)) {
            this.report(entry.line, entry.path, `has no value: expected ${expected}. Leave account out to manage services only.`);
            return undefined;
        }
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node)) {
            this.report(entry.line, entry.path, `is ${describe(node)}: expected ${expected}.`);
            return undefined;
        }
        const fields = this.readFields(this.entries(node, entry.path, ACCOUNT_KEYS), 'account');
        if (!fields.managed) {
            this.report(entry.line, entry.path, `manages nothing: give at least one of ${ACCOUNT_KEYS.join(', ')}.`);
        }
        return fields.desired;
    }
    readServices(entry) {
        if (entry === undefined)
            return [];
        const node = this.resolve(entry.value);
        const expected = 'a list of services, each a mapping with sid or name and the fields to manage';
        if (isEmpty(node)) {
            this.report(entry.line, entry.path, `has no value: expected ${expected}. Leave services out to manage the account-wide configuration only.`);
            return [];
        }
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node)) {
            this.report(entry.line, entry.path, `is ${describe(node)}: expected ${expected}.`);
            return [];
        }
        return node.items.flatMap((item, index) => this.readService(item, index, entry.line));
    }
    readService(item, index, fallbackLine) {
        const path = `services[${index}]`;
        const node = this.resolve(item);
        const line = this.lineOf(node, fallbackLine);
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node)) {
            this.report(line, path, `is ${describe(node)}: expected a mapping with sid or name and the fields to manage.`);
            return [];
        }
        const keys = this.entries(node, path, SERVICE_KEYS, { target: TARGET_ON_SERVICE });
        const sid = keys.get('sid');
        const name = keys.get('name');
        if (sid !== undefined && name !== undefined) {
            this.report(line, path, 'has both sid and name: give one of them (sid when several services share a friendly name).');
        }
        else if (sid === undefined && name === undefined) {
            this.report(line, path, "has neither sid nor name: give the service's sid (IS…) or its friendly name as name.");
        }
        const fields = this.readFields(keys, 'service');
        if (!fields.managed) {
            this.report(line, path, `manages nothing: give at least one of ${SERVICE_FIELD_KEYS.join(', ')}.`);
        }
        const ref = sid !== undefined ? this.readSid(sid) : name !== undefined ? this.readName(name) : undefined;
        return [{ index, line, ref, fields }];
    }
    readSid(entry) {
        const sid = this.readString(entry.value, entry.line, entry.path, EXPECTED.sid, false);
        if (sid === undefined)
            return undefined;
        if (SID.test(sid))
            return { sid, line: entry.line };
        this.report(entry.line, entry.path, `is ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_6__/* .quote */ .hD)(sid)}: expected ${SID_EXPECTED}.`);
        return undefined;
    }
    readName(entry) {
        const name = this.readString(entry.value, entry.line, entry.path, EXPECTED.name, false);
        if (name === undefined)
            return undefined;
        if (name.trim() !== '')
            return { name, line: entry.line };
        this.report(entry.line, entry.path, `is ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_6__/* .quote */ .hD)(name)}, which is blank: give the service's friendly name exactly as Twilio has it, or its sid.`);
        return undefined;
    }
    /** The same service twice, by sid or by name: which fields would win is anyone's guess. */
    checkServices(entries) {
        const seen = new Map();
        const services = [];
        for (const entry of entries) {
            const { ref } = entry;
            if (ref === undefined)
                continue;
            const [kind, value] = 'sid' in ref ? ['sid', ref.sid] : ['name', ref.name];
            const key = `${kind}:${kind === 'sid' ? (0,_model_webhook_config_js__WEBPACK_IMPORTED_MODULE_5__/* .sidKey */ .a7)(value) : value}`;
            const first = seen.get(key);
            if (first === undefined) {
                seen.set(key, entry);
            }
            else {
                this.report(ref.line, `services[${entry.index}].${kind}`, `is ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_6__/* .quote */ .hD)(value)} again: services[${first.index}] (line ${first.line}) already configures that service. Give each service one entry.`);
            }
            services.push({
                ref: 'sid' in ref ? { sid: ref.sid } : { name: ref.name },
                desired: entry.fields.desired,
                line: entry.line,
            });
        }
        return services;
    }
    /** The managed fields, each as the input of the same name would have it. */
    readFields(keys, kind) {
        const desired = {};
        let managed = false;
        for (const key of ACCOUNT_KEYS) {
            const entry = keys.get(key);
            if (entry === undefined)
                continue;
            managed = true;
            switch (key) {
                case 'filters': {
                    const filters = this.readFilters(entry, kind);
                    if (filters !== undefined)
                        desired.filters = filters;
                    break;
                }
                case 'method': {
                    const method = this.parseField(entry, key, _model_fields_js__WEBPACK_IMPORTED_MODULE_3__/* .parseMethod */ .$x);
                    if (method !== undefined)
                        desired.method = method;
                    break;
                }
                case 'pre-webhook-url':
                case 'post-webhook-url': {
                    const url = this.parseField(entry, key, _model_fields_js__WEBPACK_IMPORTED_MODULE_3__/* .parseWebhookUrl */ ._b);
                    if (url !== undefined)
                        desired[FIELD_KEYS[key]] = url;
                    break;
                }
                case 'target': {
                    const target = this.parseField(entry, key, _model_fields_js__WEBPACK_IMPORTED_MODULE_3__/* .parseTarget */ .hu);
                    if (target !== undefined)
                        desired.target = target;
                    break;
                }
            }
        }
        return { desired, managed };
    }
    /** A list is the comma-separated string of its items: each item is checked where it stands. */
    readFilters(entry, kind) {
        const node = this.resolve(entry.value);
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node))
            return this.parseField(entry, 'filters', (text) => (0,_model_events_js__WEBPACK_IMPORTED_MODULE_2__/* .parseFilters */ .HE)(text, kind));
        if (node.items.length === 0) {
            this.report(entry.line, entry.path, `is an empty list: list event names, or write "${_model_events_js__WEBPACK_IMPORTED_MODULE_2__/* .CLEAR */ .uJ}" to clear the list.`);
            return undefined;
        }
        const names = node.items.map((item, index) => {
            const path = `${entry.path}[${index}]`;
            const line = this.lineOf(item, entry.line);
            const name = this.readString(item, line, path, 'an event name', false);
            return name === undefined
                ? undefined
                : this.parse(line, path, () => {
                    (0,_model_events_js__WEBPACK_IMPORTED_MODULE_2__/* .parseFilters */ .HE)(name, kind);
                    return name;
                });
        });
        if (names.some((name) => name === undefined))
            return undefined;
        return this.parse(entry.line, entry.path, () => (0,_model_events_js__WEBPACK_IMPORTED_MODULE_2__/* .parseFilters */ .HE)(names.join(','), kind));
    }
    parseField(entry, key, parse) {
        const text = this.readString(entry.value, entry.line, entry.path, EXPECTED[key], true, {
            shownAsWritten: URL_KEYS.has(key),
        });
        return text === undefined ? undefined : this.parse(entry.line, entry.path, () => parse(text));
    }
    /** What `parse` makes of a value, or undefined after reporting why it refused it. */
    parse(line, path, parse) {
        try {
            return parse();
        }
        catch (error) {
            if (!(error instanceof _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InvalidValue */ .h))
                throw error;
            this.report(line, path, error.message);
            return undefined;
        }
    }
    /** A string value with its `${NAME}`s put in, or undefined after reporting what is wrong. */
    readString(value, line, path, expected, field, { shownAsWritten = false } = {}) {
        const node = this.resolve(value);
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node) && typeof node.value === 'string')
            return this.expand(node.value, line, path, shownAsWritten);
        this.report(line, path, isEmpty(node)
            ? `has no value: expected ${expected}.${field ? ' Leave the key out to not manage it.' : ''}`
            : `is ${describe(node)}: expected ${expected}.`);
        return undefined;
    }
    expand(text, line, path, shownAsWritten) {
        const problems = new Set();
        const used = [];
        const value = text.replace(REFERENCE, (match, name) => {
            if (match === '$${')
                return '${';
            const variable = name === undefined ? undefined : this.env[name];
            if (name === undefined) {
                problems.add('has "${" without a variable name and "}" after it: write ${NAME} (letters, digits and _, not starting with a digit), or $${ for a literal ${.');
            }
            else if (RUNNER_VARIABLE.test(name)) {
                problems.add(`uses \${${name}}, a variable of the runner: ACTIONS_*, GITHUB_*, RUNNER_* and INPUT_* hold the runner's own tokens and settings, and are refused. Pass the value in the step's env under a name of your own.`);
                return match;
            }
            else if (variable === undefined || variable === '') {
                problems.add(`uses \${${name}}, which is ${variable === undefined ? 'not set' : 'set but empty'} in the environment: give it a value in the step's env, or write $\${ for a literal \${.`);
            }
            if (variable !== undefined && name !== undefined)
                used.push({ name, value: variable });
            return variable ?? match;
        });
        for (const problem of problems)
            this.report(line, path, problem);
        if (problems.size > 0)
            return undefined;
        if (shownAsWritten)
            this.variables.push(...used);
        return value;
    }
    /**
     * A mapping's keys by name, after reporting keys that are not strings, unknown, refused (with
     * the reason given) or given twice.
     */
    entries(map, path, known, refused = {}) {
        const entries = new Map();
        const where = path === '' ? 'the top level' : path.startsWith('services[') ? 'a service entry' : path;
        for (const pair of map.items) {
            const line = this.lineOf(pair.key, this.lineOf(map));
            if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key) || typeof pair.key.value !== 'string') {
                this.report(line, path, `has a key that is ${describe(pair.key)}: the keys of ${where} are ${known.join(', ')}.`);
                continue;
            }
            const key = pair.key.value;
            const keyPath = `${path === '' ? '' : `${path}.`}${/^[\w-]+$/.test(key) ? key : (0,_core_text_js__WEBPACK_IMPORTED_MODULE_6__/* .quote */ .hD)(key)}`;
            const first = entries.get(key);
            if (first !== undefined) {
                this.report(line, keyPath, `is given twice (lines ${first.line} and ${line}): keep one.`);
            }
            else if (Object.hasOwn(refused, key)) {
                this.report(line, keyPath, refused[key] ?? '');
            }
            else if (!known.includes(key)) {
                const suggestion = (0,_core_suggest_js__WEBPACK_IMPORTED_MODULE_7__/* .closestMatch */ .h)(key, known);
                const hint = suggestion === undefined ? '' : ` Did you mean ${suggestion}?`;
                this.report(line, keyPath, `is not a key of ${where}.${hint} The keys of ${where} are ${known.join(', ')}.`);
            }
            else {
                entries.set(key, { path: keyPath, line, value: pair.value });
            }
        }
        return entries;
    }
    /** An alias stands for the node it names. */
    resolve(node) {
        return (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isAlias */ .Vj)(node) ? node.resolve(this.doc) : node;
    }
    lineOf(node, fallback = 1) {
        const start = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isNode */ .Ll)(node) ? node.range?.[0] : undefined;
        return start === undefined ? fallback : this.lines.linePos(start).line;
    }
    report(line, key, predicate, column) {
        this.problems.push({
            line,
            ...(column === undefined ? {} : { column }),
            key,
            message: `${key === '' ? 'the file' : key} ${predicate}`,
        });
    }
}
function isEmptyList(node) {
    return (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node) && node.items.length === 0;
}
function isEmpty(node) {
    return node === null || node === undefined || ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node) && node.value === null);
}
/** What a value that is not the expected one is, for "is …: expected …". */
function describe(node) {
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node))
        return 'a mapping';
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node))
        return 'a list';
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node))
        return 'not a value';
    const { value, source } = node;
    if (value === null)
        return 'empty';
    if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') {
        return `the ${typeof value === 'boolean' ? 'boolean' : 'number'} ${source ?? String(value)}`;
    }
    if (typeof value === 'string')
        return `the string ${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_6__/* .quote */ .hD)(value)}`;
    return `${(0,_core_text_js__WEBPACK_IMPORTED_MODULE_6__/* .quote */ .hD)(source ?? '')}, which is not a string`;
}


/***/ })

};
