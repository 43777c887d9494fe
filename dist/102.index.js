export const id = 102;
export const ids = [102];
export const modules = {

/***/ 7102:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  exportState: () => (/* binding */ exportState)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/bounded.ts
var bounded = __webpack_require__(6586);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/events.ts
var events = __webpack_require__(5694);
// EXTERNAL MODULE: ./src/fields.ts
var fields = __webpack_require__(8118);
// EXTERNAL MODULE: ./src/urls.ts
var urls = __webpack_require__(5769);
;// CONCATENATED MODULE: ./src/export-state.ts
// The live configurations written as a desired-state file, for `mode: export`: what
// parseDesiredState reads back from it is in sync with what was exported, every URL byte for byte.
// Pure: data in, text out. The yaml library quotes whatever YAML would otherwise misread; `${`,
// which the reader would take for a variable, is written `$${`.





function renderDesiredState(account, services, generatedAt) {
    const accountKeys = written(account, 'account');
    const entries = services.map((service) => ({
        service,
        keys: written(service.config, 'service'),
    }));
    const doc = new dist/* Document */.yo({
        account: asObject(accountKeys),
        ...(entries.length === 0
            ? {}
            : {
                services: entries.map(({ service, keys }) => ({ sid: service.sid, ...asObject(keys) })),
            }),
    });
    doc.commentBefore = [
        ` Twilio Conversations webhook configuration, exported from the live account at ${generatedAt.toISOString()}.`,
        " Point the action's config-file input at this file, and mode apply or check keeps the live",
        ' configuration as it says.',
        ` A key left out is not managed; "${events/* CLEAR */.uJ}" clears a URL or the filters. \${NAME} is the value of`,
        ' the environment variable NAME, and $${ is a literal ${. Each service is given by its sid, with',
        ' its friendly name alongside.',
    ].join('\n');
    annotate(doc, ['account'], accountKeys);
    entries.forEach(({ service, keys }, i) => {
        const sid = doc.getIn(['services', i, 'sid'], true);
        if ((0,dist/* isScalar */.jn)(sid))
            sid.comment = ` ${commentLine(JSON.stringify(literal(service.friendlyName)))}`;
        annotate(doc, ['services', i], keys);
    });
    return doc.toString({ lineWidth: 0 });
}
/**
 * The keys of one resource as the file writes them: a URL or the filters that are not set are
 * "none", so that setting them by hand later shows as drift; a method or target that is not set
 * is left out, as there is nothing to say about it.
 */
function written(config, kind) {
    const keys = [];
    const add = (key, value, check) => {
        keys.push({ key, value, note: refusal(key, check) });
    };
    const filters = config.filters ?? [];
    add('filters', filters.length === 0 ? events/* CLEAR */.uJ : filters, () => (0,events/* parseFilters */.HE)(filters.length === 0 ? events/* CLEAR */.uJ : filters.join(','), kind));
    const { method } = config;
    if (method !== null)
        add('method', method, () => (0,fields/* parseMethod */.$x)(method));
    for (const [key, url] of [
        ['pre-webhook-url', config.pre_webhook_url],
        ['post-webhook-url', config.post_webhook_url],
    ]) {
        if (url === null || url === '') {
            add(key, events/* CLEAR */.uJ, () => undefined);
        }
        else {
            const note = refusal(key, () => (0,fields/* parseWebhookUrl */._b)(url));
            keys.push({
                key,
                value: url,
                note: note ?? ((0,urls/* urlSecret */.mz)(url) === undefined ? undefined : CREDENTIAL),
            });
        }
    }
    const { target } = config;
    if (kind === 'account' && target !== null && target !== undefined) {
        add('target', target, () => (0,fields/* parseTarget */.hu)(target));
    }
    return keys;
}
const CREDENTIAL = 'This URL holds a credential: before checking the file in, keep the URL in a secret, pass it in the env of the step and write ${NAME} here.';
function refusal(key, check) {
    try {
        check();
        return undefined;
    }
    catch (error) {
        if (error instanceof errors/* InvalidValue */.h6)
            return `The action refuses this live value: ${key} ${error.message}`;
        throw error;
    }
}
function asObject(keys) {
    return Object.fromEntries(keys.map(({ key, value }) => [
        key,
        typeof value === 'string' ? literal(value) : value.map(literal),
    ]));
}
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

// EXTERNAL MODULE: ./src/reconcile.ts
var reconcile = __webpack_require__(1175);
// EXTERNAL MODULE: ./src/workspace.ts
var workspace = __webpack_require__(3338);
;// CONCATENATED MODULE: ./src/export.ts
// Export mode: the live account-wide configuration and every service's own, written as a
// desired-state file, for onboarding. Reads only; sends no update.







async function exportState(twilio, settings, env, clock) {
    if (settings.source.kind !== 'file')
        throw new Error('Export needs config-file.');
    const account = await twilio.fetchConfig({ kind: 'account' });
    const wrongAccount = (0,reconcile/* accountMismatch */.A5)(account, settings.accountSid);
    if (wrongAccount !== undefined)
        throw new Error(wrongAccount);
    const services = await twilio.listServices();
    const configs = await (0,bounded/* mapBounded */.y)(services, settings.maxConcurrency, async (service) => ({
        sid: service.sid,
        friendlyName: service.friendlyName,
        config: await twilio.fetchConfig({ kind: 'service', serviceSid: service.sid }),
    }));
    const path = (0,workspace/* workspacePath */.X)(settings.source.path, env);
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(path), { recursive: true });
    await (0,promises_.writeFile)(path, renderDesiredState(account, configs, new Date(clock.now())), 'utf8');
    const withCredentials = [
        ...(hasCredentials(account) ? ['the account-wide configuration'] : []),
        ...configs.filter((c) => hasCredentials(c.config)).map((c) => `service ${c.sid}`),
    ];
    return { file: settings.source.path, services: services.length, withCredentials };
}
function hasCredentials(config) {
    return [config.pre_webhook_url, config.post_webhook_url].some((url) => url !== null && (0,urls/* urlSecret */.mz)(url) !== undefined);
}


/***/ })

};
