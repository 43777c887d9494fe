export const id = 468;
export const ids = [468];
export const modules = {

/***/ 2468:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  parseDesiredState: () => (/* binding */ parseDesiredState)
});

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/model/desired.ts
var desired = __webpack_require__(5131);
// EXTERNAL MODULE: ./src/core/text.ts
var core_text = __webpack_require__(2020);
;// CONCATENATED MODULE: ./src/config/yaml-nodes.ts
// What a YAML node is, in the words of a message: empty, an empty list, or "the number 3".


function isEmptyList(node) {
    return (0,dist/* isSeq */.oP)(node) && node.items.length === 0;
}
function isEmpty(node) {
    return node === null || node === undefined || ((0,dist/* isScalar */.jn)(node) && node.value === null);
}
/** What a value that is not the expected one is, for "is …: expected …". */
function describe(node) {
    if ((0,dist/* isMap */.jh)(node))
        return 'a mapping';
    if ((0,dist/* isSeq */.oP)(node))
        return 'a list';
    if (!(0,dist/* isScalar */.jn)(node))
        return 'not a value';
    const { value, source } = node;
    if (value === null)
        return 'empty';
    if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') {
        return `the ${typeof value === 'boolean' ? 'boolean' : 'number'} ${source ?? String(value)}`;
    }
    if (typeof value === 'string')
        return `the string ${(0,core_text/* quote */.hD)(value)}`;
    return `${(0,core_text/* quote */.hD)(source ?? '')}, which is not a string`;
}

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/suggest.ts
var suggest = __webpack_require__(2085);
// EXTERNAL MODULE: ./src/model/events.ts
var events = __webpack_require__(3576);
;// CONCATENATED MODULE: ./src/config/variables.ts
// `${NAME}` in a desired-state file: the value of the step's environment variable NAME, so that a
// preview's URL or a secret comes from the workflow, not the repository. `$${` is a literal `${`.
// A value put in is not read again, so a variable's value is always literal.
const REFERENCE = /\$\$\{|\$\{(?:([A-Za-z_][A-Za-z0-9_]*)\})?/g;
/** The runner's own variables hold its tokens and settings: a file must not carry them to Twilio or GitHub. */
const RUNNER_VARIABLE = /^(?:ACTIONS|GITHUB|RUNNER|INPUT)_/i;
function expandVariables(text, env) {
    const problems = new Set();
    const used = [];
    const value = text.replace(REFERENCE, (match, name) => {
        if (match === '$${')
            return '${';
        if (name === undefined) {
            problems.add('has "${" without a variable name and "}" after it: write ${NAME} (letters, digits and _, not starting with a digit), or $${ for a literal ${.');
            return match;
        }
        if (RUNNER_VARIABLE.test(name)) {
            problems.add(`uses \${${name}}, a variable of the runner: ACTIONS_*, GITHUB_*, RUNNER_* and INPUT_* hold the runner's own tokens and settings, and are refused. Pass the value in the step's env under a name of your own.`);
            return match;
        }
        const variable = env[name];
        if (variable === undefined || variable === '') {
            problems.add(`uses \${${name}}, which is ${variable === undefined ? 'not set' : 'set but empty'} in the environment: give it a value in the step's env, or write $\${ for a literal \${.`);
            return match;
        }
        used.push({ name, value: variable });
        return variable;
    });
    return { value, problems: [...problems], used };
}

;// CONCATENATED MODULE: ./src/config/yaml-reader.ts
// Reading a YAML document for a person: every problem with its line (and column where YAML knows
// it) and key path, all of them in one pass; `${NAME}` from the step's environment; a managed
// field through the registry's own parser. What a desired-state file holds is
// src/config/desired-state.ts; how to read any of it is here.







/** The YAML scalar a boolean or an integer field may be written as, besides its text. */
const NATIVE = { boolean: 'boolean', integer: 'number' };
class YamlReader {
    problems = [];
    /** The variables URLs were filled in from, to show each URL as the file writes it. */
    variables = [];
    /** The document's top node; undefined after a syntax error, when the tree is only a guess. */
    top;
    doc;
    lines = new dist/* LineCounter */.HN();
    env;
    constructor(text, env) {
        this.env = env;
        this.doc = (0,dist/* parseDocument */.Tp)(text, {
            lineCounter: this.lines,
            prettyErrors: false,
            uniqueKeys: false,
        });
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
        this.top = this.doc.errors.length > 0 ? undefined : this.resolve(this.doc.contents);
    }
    /** A managed field, as the input of the same name would have it; a list as its items. */
    readField(entry, spec, kind) {
        const node = this.resolve(entry.value);
        const parse = (text) => spec.parse(text, kind);
        if (spec.wire === 'list' && (0,dist/* isSeq */.oP)(node))
            return this.readList(entry, node.items, parse);
        // `enabled: true` and `studio-retry-count: 3` as YAML writes them, or as text (from ${NAME}).
        if ((0,dist/* isScalar */.jn)(node) &&
            (spec.wire === 'boolean' || spec.wire === 'integer') &&
            typeof node.value === NATIVE[spec.wire]) {
            const text = String(node.value);
            return this.parse(entry.line, entry.path, () => parse(text));
        }
        const text = this.readString(entry.value, entry.line, entry.path, spec.expected, {
            field: true,
            shownAsWritten: 'hook' in spec,
        });
        return text === undefined ? undefined : this.parse(entry.line, entry.path, () => parse(text));
    }
    /** A list is the comma-separated string of its items: each item is checked where it stands. */
    readList(entry, items, parse) {
        if (items.length === 0) {
            this.report(entry.line, entry.path, `is an empty list: list event names, or write "${events/* CLEAR */.uJ}" to clear the list.`);
            return undefined;
        }
        const names = items.map((item, index) => {
            const path = `${entry.path}[${index}]`;
            const line = this.lineOf(item, entry.line);
            const name = this.readString(item, line, path, 'an event name');
            return name === undefined
                ? undefined
                : this.parse(line, path, () => {
                    parse(name);
                    return name;
                });
        });
        if (names.some((name) => name === undefined))
            return undefined;
        return this.parse(entry.line, entry.path, () => parse(names.join(',')));
    }
    /** What `parse` makes of a value, or undefined after reporting why it refused it. */
    parse(line, path, parse) {
        try {
            return parse();
        }
        catch (error) {
            if (!(error instanceof errors/* InvalidValue */.h))
                throw error;
            this.report(line, path, error.message);
            return undefined;
        }
    }
    /** A string value with its `${NAME}`s put in, or undefined after reporting what is wrong. */
    readString(value, line, path, expected, { field = false, shownAsWritten = false } = {}) {
        const node = this.resolve(value);
        if ((0,dist/* isScalar */.jn)(node) && typeof node.value === 'string') {
            return this.expand(node.value, line, path, shownAsWritten);
        }
        this.report(line, path, isEmpty(node)
            ? `has no value: expected ${expected}.${field ? ' Leave the key out to not manage it.' : ''}`
            : `is ${describe(node)}: expected ${expected}.`);
        return undefined;
    }
    expand(text, line, path, shownAsWritten) {
        const { value, problems, used } = expandVariables(text, this.env);
        for (const problem of problems)
            this.report(line, path, problem);
        if (problems.length > 0)
            return undefined;
        if (shownAsWritten)
            this.variables.push(...used);
        return value;
    }
    /**
     * A mapping's keys by name, after reporting keys that are not strings, unknown, refused (with
     * the reason given) or given twice. `where` names the mapping for a person ("a service entry").
     */
    entries(map, path, where, known, refused = {}) {
        const entries = new Map();
        for (const pair of map.items) {
            const line = this.lineOf(pair.key, this.lineOf(map));
            if (!(0,dist/* isScalar */.jn)(pair.key) || typeof pair.key.value !== 'string') {
                this.report(line, path, `has a key that is ${describe(pair.key)}: the keys of ${where} are ${known.join(', ')}.`);
                continue;
            }
            const key = pair.key.value;
            const keyPath = `${path === '' ? '' : `${path}.`}${/^[\w-]+$/.test(key) ? key : (0,core_text/* quote */.hD)(key)}`;
            const first = entries.get(key);
            if (first !== undefined) {
                this.report(line, keyPath, `is given twice (lines ${first.line} and ${line}): keep one.`);
            }
            else if (Object.hasOwn(refused, key)) {
                this.report(line, keyPath, refused[key] ?? '');
            }
            else if (!known.includes(key)) {
                const suggestion = (0,suggest/* closestMatch */.h)(key, known);
                const hint = suggestion === undefined ? '' : ` Did you mean ${suggestion}?`;
                this.report(line, keyPath, `is not a key of ${where}.${hint} The keys of ${where} are ${known.join(', ')}.`);
            }
            else {
                entries.set(key, { path: keyPath, line, value: pair.value });
            }
        }
        return entries;
    }
    /**
     * The items of a list, or none after reporting why the value is not one. `leftOut` says what
     * leaving the key out would mean.
     */
    items(entry, expected, leftOut) {
        const node = this.resolve(entry.value);
        if ((0,dist/* isSeq */.oP)(node))
            return node.items;
        this.report(entry.line, entry.path, isEmpty(node)
            ? `has no value: expected ${expected}. ${leftOut}`
            : `is ${describe(node)}: expected ${expected}.`);
        return [];
    }
    /** An alias stands for the node it names. */
    resolve(node) {
        return (0,dist/* isAlias */.Vj)(node) ? node.resolve(this.doc) : node;
    }
    lineOf(node, fallback = 1) {
        const start = (0,dist/* isNode */.Ll)(node) ? node.range?.[0] : undefined;
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

// EXTERNAL MODULE: ./src/model/fields.ts + 2 modules
var fields = __webpack_require__(6812);
// EXTERNAL MODULE: ./src/model/values.ts
var values = __webpack_require__(3855);
;// CONCATENATED MODULE: ./src/config/desired-fields.ts
// The managed fields of one resource in a desired-state file, read through the registry: the keys
// a resource of each kind takes, and each value as the input of the same name would have it.

/**
 * The fields of a resource written in one mapping, by their key in it: a registry key
 * `auto-creation.webhook-url` is the key `webhook-url` of the mapping `auto-creation`.
 */
function inMapping(kind, mapping) {
    return (0,fields/* fieldsOf */.Pf)(kind).flatMap((spec) => {
        const dot = spec.key.lastIndexOf('.');
        const [parent, key] = dot < 0 ? ['', spec.key] : [spec.key.slice(0, dot), spec.key.slice(dot + 1)];
        return parent === mapping ? [{ spec, key }] : [];
    });
}
/** The field keys of one mapping of a resource ('' for the resource's own). */
const keysOf = (kind, mapping = '') => inMapping(kind, mapping).map(({ key }) => key);
/** The managed fields a mapping's keys give, each as the input of the same name would have it. */
function readFields(reader, keys, kind, mapping = '') {
    const desired = {};
    let managed = false;
    for (const { spec, key } of inMapping(kind, mapping)) {
        const entry = keys.get(key);
        if (entry === undefined)
            continue;
        managed = true;
        const value = reader.readField(entry, spec, kind);
        if (value !== undefined)
            desired[spec.field] = value;
    }
    return { desired: desired, managed };
}

;// CONCATENATED MODULE: ./src/config/desired-services.ts
// The services of a desired-state file: each entry names one service by `sid` or `name`, with the
// fields to manage; no service may be configured twice.






const SERVICE_KEYS = ['sid', 'name', ...keysOf('service')];
/** The keys only the account-wide configuration has, refused in a service entry with why. */
const ACCOUNT_ONLY = Object.fromEntries(fields/* FIELDS */.cJ.filter(({ kinds }) => !kinds.includes('service')).map(({ key }) => [
    key,
    `is set: only the account-wide configuration has a ${key} (the per-service resource has none). Leave it out.`,
]));
/** Twilio's pattern for a service SID: either case of hex digit, as its answers may have them. */
const SID_EXPECTED = 'IS followed by 32 lower-case hex digits (34 characters)';
const NAME_EXPECTED = "the service's friendly name, as a string (in quotes if it looks like a number)";
function readServices(reader, entry) {
    if (entry === undefined)
        return [];
    return reader
        .items(entry, 'a list of services, each a mapping with sid or name and the fields to manage', 'Leave services out to manage the account-wide configuration only.')
        .flatMap((item, index) => readService(reader, item, index, entry.line));
}
function readService(reader, item, index, fallbackLine) {
    const path = `services[${index}]`;
    const node = reader.resolve(item);
    const line = reader.lineOf(node, fallbackLine);
    if (!(0,dist/* isMap */.jh)(node)) {
        reader.report(line, path, `is ${describe(node)}: expected a mapping with sid or name and the fields to manage.`);
        return [];
    }
    const keys = reader.entries(node, path, 'a service entry', SERVICE_KEYS, ACCOUNT_ONLY);
    const sid = keys.get('sid');
    const name = keys.get('name');
    if (sid !== undefined && name !== undefined) {
        reader.report(line, path, 'has both sid and name: give one of them (sid when several services share a friendly name).');
    }
    else if (sid === undefined && name === undefined) {
        reader.report(line, path, "has neither sid nor name: give the service's sid (IS…) or its friendly name as name.");
    }
    const fields = readFields(reader, keys, 'service');
    if (!fields.managed) {
        reader.report(line, path, `manages nothing: give at least one of ${keysOf('service').join(', ')}.`);
    }
    const ref = sid !== undefined
        ? readSid(reader, sid)
        : name !== undefined
            ? readName(reader, name)
            : undefined;
    return [{ index, line, ref, fields }];
}
function readSid(reader, entry) {
    const sid = reader.readString(entry.value, entry.line, entry.path, SID_EXPECTED);
    if (sid === undefined)
        return undefined;
    if (values/* SERVICE_SID */.ri.test(sid))
        return { sid, line: entry.line };
    reader.report(entry.line, entry.path, `is ${(0,core_text/* quote */.hD)(sid)}: expected ${SID_EXPECTED}.`);
    return undefined;
}
function readName(reader, entry) {
    const name = reader.readString(entry.value, entry.line, entry.path, NAME_EXPECTED);
    if (name === undefined)
        return undefined;
    if (name.trim() !== '')
        return { name, line: entry.line };
    reader.report(entry.line, entry.path, `is ${(0,core_text/* quote */.hD)(name)}, which is blank: give the service's friendly name exactly as Twilio has it, or its sid.`);
    return undefined;
}
/** The same service twice, by sid or by name: which fields would win is anyone's guess. */
function checkServices(reader, entries) {
    const seen = new Map();
    const services = [];
    for (const entry of entries) {
        const { ref } = entry;
        if (ref === undefined)
            continue;
        const [kind, value] = 'sid' in ref ? ['sid', ref.sid] : ['name', ref.name];
        const key = `${kind}:${kind === 'sid' ? (0,values/* sidKey */.a7)(value) : value}`;
        const first = seen.get(key);
        if (first === undefined) {
            seen.set(key, entry);
        }
        else {
            reader.report(ref.line, `services[${entry.index}].${kind}`, `is ${(0,core_text/* quote */.hD)(value)} again: services[${first.index}] (line ${first.line}) already configures that service. Give each service one entry.`);
        }
        services.push({
            ref: 'sid' in ref ? { sid: ref.sid } : { name: ref.name },
            desired: entry.fields.desired,
            line: entry.line,
        });
    }
    return services;
}

// EXTERNAL MODULE: ./src/model/addresses.ts
var addresses = __webpack_require__(4949);
;// CONCATENATED MODULE: ./src/config/desired-addresses.ts
// The Address Configurations of a desired-state file: each entry names one address as Twilio
// writes it, with its type where the address does not say it, and the fields to manage, the
// auto-creation ones in a mapping of their own. No address may be configured twice, and the
// fields of one auto-creation type do not go with another.







const AUTO_CREATION = 'auto-creation';
const ADDRESS_KEYS = ['address', 'type', ...keysOf('address'), AUTO_CREATION];
const AUTO_CREATION_KEYS = keysOf('address', AUTO_CREATION);
const ADDRESS_EXPECTED = 'the address as Twilio writes it (+15005550006, whatsapp:+1…, an email address…)';
const TYPE_EXPECTED = `one of ${addresses/* ADDRESS_TYPES */.Ld.join(', ')}`;
function readAddresses(reader, entry) {
    if (entry === undefined)
        return [];
    const items = reader.items(entry, 'a list of addresses, each a mapping with address and the fields to manage', 'Leave addresses out to manage no Address Configuration.');
    const addresses = items.flatMap((item, index) => readAddress(reader, item, index, entry.line));
    return withoutRepeats(reader, addresses);
}
function readAddress(reader, item, index, fallbackLine) {
    const path = `addresses[${index}]`;
    const node = reader.resolve(item);
    const line = reader.lineOf(node, fallbackLine);
    if (!(0,dist/* isMap */.jh)(node)) {
        reader.report(line, path, `is ${describe(node)}: expected a mapping with address and the fields to manage.`);
        return [];
    }
    const keys = reader.entries(node, path, 'an address entry', ADDRESS_KEYS);
    const address = readAddressKey(reader, keys.get('address'), path, line);
    const type = readType(reader, keys.get('type'), address);
    const own = readFields(reader, keys, 'address');
    const auto = readAutoCreation(reader, keys.get(AUTO_CREATION));
    if (!own.managed && !auto.managed) {
        reader.report(line, path, `manages nothing: give friendly-name, or auto-creation with at least one of ${AUTO_CREATION_KEYS.join(', ')}.`);
    }
    if (address === undefined)
        return [];
    return [
        {
            index,
            address,
            type: type ?? (0,addresses/* impliedType */.VF)(address),
            desired: { ...own.desired, ...auto.desired },
            line,
            serviceLine: auto.serviceLine ?? line,
        },
    ];
}
function readAddressKey(reader, entry, path, line) {
    if (entry === undefined) {
        reader.report(line, path, `has no address: give ${ADDRESS_EXPECTED}.`);
        return undefined;
    }
    const address = reader.readString(entry.value, entry.line, entry.path, ADDRESS_EXPECTED);
    if (address === undefined)
        return undefined;
    if (address.trim() !== '')
        return address;
    reader.report(entry.line, entry.path, `is ${(0,core_text/* quote */.hD)(address)}, which is blank: give ${ADDRESS_EXPECTED}.`);
    return undefined;
}
/** The type as Twilio spells it; one the address contradicts (whatsapp:… as sms) is refused. */
function readType(reader, entry, address) {
    if (entry === undefined)
        return undefined;
    const text = reader.readString(entry.value, entry.line, entry.path, TYPE_EXPECTED);
    if (text === undefined)
        return undefined;
    const type = addresses/* ADDRESS_TYPES */.Ld.find((known) => known === text.toLowerCase());
    if (type === undefined) {
        const suggestion = (0,suggest/* closestMatch */.h)(text.toLowerCase(), addresses/* ADDRESS_TYPES */.Ld);
        reader.report(entry.line, entry.path, `is ${(0,core_text/* quote */.hD)(text)}: expected ${TYPE_EXPECTED}.${suggestion === undefined ? '' : ` Did you mean ${suggestion}?`}`);
        return undefined;
    }
    const implied = address === undefined ? undefined : (0,addresses/* impliedType */.VF)(address);
    if (implied !== undefined && implied !== type) {
        reader.report(entry.line, entry.path, `is ${type}, but the address ${(0,core_text/* quote */.hD)(address ?? '')} says type ${implied}: write type: ${implied}, or leave type out.`);
        return undefined;
    }
    return type;
}
function readAutoCreation(reader, entry) {
    const none = { desired: {}, managed: false };
    if (entry === undefined)
        return none;
    const node = reader.resolve(entry.value);
    const expected = `a mapping of the auto-creation fields to manage (${AUTO_CREATION_KEYS.join(', ')})`;
    if (isEmpty(node) || !(0,dist/* isMap */.jh)(node)) {
        reader.report(entry.line, entry.path, isEmpty(node)
            ? `has no value: expected ${expected}. Leave auto-creation out to not manage it.`
            : `is ${describe(node)}: expected ${expected}.`);
        return none;
    }
    const keys = reader.entries(node, entry.path, entry.path, AUTO_CREATION_KEYS);
    const fields = readFields(reader, keys, 'address', AUTO_CREATION);
    checkTypeFields(reader, keys, fields.desired);
    return { ...fields, serviceLine: keys.get('conversation-service')?.line };
}
/** An answer carries only its type's fields: one of another type could never be in sync. */
function checkTypeFields(reader, keys, desired) {
    const type = desired['auto_creation.type'];
    if (type === undefined)
        return;
    for (const spec of (0,fields/* fieldsOf */.Pf)('address')) {
        if (!('autoCreation' in spec) || spec.autoCreation === type)
            continue;
        const entry = keys.get(spec.key.slice(`${AUTO_CREATION}.`.length));
        if (entry === undefined)
            continue;
        reader.report(entry.line, entry.path, `belongs to type ${spec.autoCreation}, but type is ${type}: leave it out, or set type: ${spec.autoCreation}.`);
    }
}
/** The same address twice: which fields would win is anyone's guess. */
function withoutRepeats(reader, entries) {
    const seen = new Map();
    return entries.flatMap(({ index, ...address }) => {
        const first = seen.get(address.address);
        if (first === undefined) {
            seen.set(address.address, { index, ...address });
            return [address];
        }
        reader.report(address.line, `addresses[${index}].address`, `is ${(0,core_text/* quote */.hD)(address.address)} again: addresses[${first.index}] (line ${first.line}) already configures it. Give each address one entry.`);
        return [];
    });
}

;// CONCATENATED MODULE: ./src/config/desired-state.ts
// The desired-state file: the account-wide configuration, any number of Conversations services and
// any number of Address Configurations in one YAML file (JSON is YAML too). Its field keys are the
// inputs' names and mean what the inputs mean, through the registry's parsers (src/model/fields.ts).
// Pure: text in, data out. The whole file is checked before anything is returned, and every
// problem is named with its line and key path, so that one run shows everything there is to fix.







const TOP_KEYS = ['account', 'services', 'addresses'];
/**
 * Reads and checks the whole desired-state file. `file` names it in messages; `env` supplies
 * `${NAME}`. Throws one DesiredStateError that lists every problem.
 */
function parseDesiredState(text, file, env) {
    const reader = new YamlReader(text, env);
    const state = readState(reader, file);
    if (reader.problems.length > 0)
        throw new desired/* DesiredStateError */.o(file, reader.problems);
    return state;
}
function readState(reader, file) {
    const empty = {
        file,
        account: undefined,
        services: [],
        addresses: [],
        variables: [],
    };
    const { top } = reader;
    if (top === undefined)
        return empty;
    if (isEmpty(top)) {
        reader.report(1, '', 'is empty: expected a mapping with account, services, addresses or any of them.');
        return empty;
    }
    if (!(0,dist/* isMap */.jh)(top)) {
        reader.report(reader.lineOf(top), '', `is ${describe(top)}: expected a mapping with account, services, addresses or any of them at the top level.`);
        return empty;
    }
    const keys = reader.entries(top, '', 'the top level', TOP_KEYS);
    const account = keys.get('account');
    const listed = keys.get('services');
    const addressList = keys.get('addresses');
    const services = readServices(reader, listed);
    const addresses = readAddresses(reader, addressList);
    const absent = (entry) => entry === undefined || isEmptyList(reader.resolve(entry.value));
    if (account === undefined && absent(listed) && absent(addressList)) {
        reader.report(1, '', 'manages nothing: give account, services, addresses or any of them, with at least one field to manage.');
    }
    return {
        file,
        account: account === undefined ? undefined : readAccount(reader, account),
        services: checkServices(reader, services),
        addresses,
        variables: reader.variables,
    };
}
function readAccount(reader, entry) {
    const node = reader.resolve(entry.value);
    const keys = keysOf('account');
    const expected = `a mapping of the fields to manage (${keys.join(', ')})`;
    if (isEmpty(node)) {
        reader.report(entry.line, entry.path, `has no value: expected ${expected}. Leave account out to manage services only.`);
        return undefined;
    }
    if (!(0,dist/* isMap */.jh)(node)) {
        reader.report(entry.line, entry.path, `is ${describe(node)}: expected ${expected}.`);
        return undefined;
    }
    const fields = readFields(reader, reader.entries(node, entry.path, entry.path, keys), 'account');
    if (!fields.managed) {
        reader.report(entry.line, entry.path, `manages nothing: give at least one of ${keys.join(', ')}.`);
    }
    return fields.desired;
}


/***/ })

};
