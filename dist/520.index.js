export const id = 520;
export const ids = [520];
export const modules = {

/***/ 6520:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gitHubClient: () => (/* binding */ gitHubClient)
});

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/text.ts
var core_text = __webpack_require__(2020);
// EXTERNAL MODULE: ./src/core/urls.ts
var urls = __webpack_require__(1221);
;// CONCATENATED MODULE: ./src/github/errors.ts
// What went wrong talking to GitHub, in words that say what to do about it: a token GitHub
// refused, a permission it lacks, an answer that is not GitHub's (a proxy's page), or no answer.



/**
 * A request the client refused to send. Named AbortError because that is the one kind of error
 * Octokit passes on as it is: plugin-retry then finds no request of its own in it, and does not
 * try again, and again, what would be refused every time.
 */
class RefusedRequest extends Error {
    name = 'AbortError';
}
function describeGitHubError(error, { permission, apiUrl, proxyUrl }) {
    if (error instanceof RefusedRequest)
        return `${error.message}.`;
    const proxy = proxyUrl === undefined ? '' : ` through the proxy ${(0,urls/* showUrl */.jr)(proxyUrl)}`;
    const { status, response } = error;
    if (typeof status !== 'number')
        return `${(0,core_text/* oneLine */.TN)((0,errors/* errorMessage */.g)(error))}.`;
    // Octokit gives a request that got no answer the status 500 and no response.
    if (response === undefined) {
        return `could not reach ${new URL(apiUrl).origin}${proxy}: ${innermost(error)}.`;
    }
    if (!isGitHubErrorBody(response.data)) {
        return `HTTP ${status}, with a body that is not GitHub's JSON${proxyUrl === undefined ? '' : ` (the proxy ${(0,urls/* showUrl */.jr)(proxyUrl)} may have answered)`}.`;
    }
    const message = gitHubMessage(response.data);
    if (status === 401) {
        return `GitHub refused the token (HTTP 401: ${message}): github-token is wrong, expired or revoked.`;
    }
    const hint = status === 403 && !/rate limit/i.test(message)
        ? ` The token needs "${permission}: write" permission (add it under permissions: in the workflow).`
        : '';
    return `HTTP ${status}: ${message}.${hint}`;
}
function isGitHubErrorBody(data) {
    return (typeof data === 'object' &&
        data !== null &&
        typeof data.message === 'string');
}
/** "Validation Failed: body is too long (maximum is 65536 characters)" */
function gitHubMessage({ message, errors }) {
    const list = Array.isArray(errors) ? errors : [];
    const details = list.flatMap((e) => {
        const { message: said, code } = (e ?? {});
        return typeof said === 'string' ? [said] : typeof code === 'string' ? [code] : [];
    });
    return (0,core_text/* oneLine */.TN)([message, ...details].join(': '), 300);
}
/** fetch wraps what failed ("Request was cancelled.", "fetch failed") around the real cause. */
function innermost(error) {
    let current = error;
    while (current instanceof Error && current.cause instanceof Error)
        current = current.cause;
    return (0,core_text/* oneLine */.TN)((0,errors/* errorMessage */.g)(current));
}

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 21 modules
var github = __webpack_require__(1758);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(9735);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var plugin_throttling_dist_bundle = __webpack_require__(6856);
// EXTERNAL MODULE: ./node_modules/bottleneck/light.js
var light = __webpack_require__(3251);
var light_default = /*#__PURE__*/__webpack_require__.n(light);
// EXTERNAL MODULE: ./src/http/undici.ts
var undici = __webpack_require__(1150);
;// CONCATENATED MODULE: ./src/github/octokit.ts
// The GitHub client: Octokit with a time limit on every attempt, retries of what is transient,
// GitHub's pacing of writes, the proxy the environment names, and requests to the API's own
// origin only.







/** A rate limit that resets later than this is not waited for: the run reports it instead. */
const MAX_RATE_LIMIT_WAIT_SECONDS = 60;
/** Octokit and what closes its connections. */
function connect(options) {
    // An http: API URL goes through the proxy as a plain proxied request, as curl and most proxies
    // expect, not through a CONNECT tunnel that proxies commonly refuse on port 80; https: is tunnelled.
    const dispatcher = options.proxyUrl === undefined
        ? new undici/* Agent */.g6()
        : new undici/* ProxyAgent */.kT({ uri: options.proxyUrl, proxyTunnel: false });
    return { octokit: octokitFor(options, dispatcher), close: () => dispatcher.close() };
}
/**
 * Octokit with a time limit on every attempt, retries of 5xx (plugin-retry) and of rate limits
 * that reset soon (plugin-throttling, which also paces writes as GitHub asks), through the proxy
 * the environment names, and only ever to the API's own origin.
 */
function octokitFor(options, dispatcher) {
    const { maxRetries, retryUnitMs, timeoutMs } = options;
    const origin = new URL(options.run.apiUrl).origin;
    const rateLimited = (kind) => (retryAfter, _options, _octokit, retryCount) => {
        const retrying = retryCount < maxRetries && retryAfter <= MAX_RATE_LIMIT_WAIT_SECONDS;
        options.warn(`GitHub ${kind} (retry after ${retryAfter} s): ${retrying ? 'waiting, then retrying' : 'not waiting that long'}.`);
        return retrying;
    };
    return (0,github/* getOctokit */.Q)(options.token, {
        baseUrl: options.run.apiUrl,
        request: {
            // Every request carries the token, and a page's Link header names the next URL: only the
            // API's own origin may get it. Called once per attempt, so each has its own time limit.
            fetch: (url, init) => {
                const target = new URL(url);
                if (options.signal?.aborted === true) {
                    throw new RefusedRequest('The run was cancelled, so nothing more was sent to GitHub');
                }
                if (target.origin !== origin) {
                    throw new RefusedRequest(`GitHub's answer pointed to ${(0,urls/* showUrl */.jr)(target.href)}, which is not the API's origin ${origin}: the token goes to ${origin} only, so no request was sent there`);
                }
                return (0,undici/* fetch */.hd)(target, {
                    ...init,
                    dispatcher,
                    signal: options.signal === undefined
                        ? AbortSignal.timeout(timeoutMs)
                        : AbortSignal.any([AbortSignal.timeout(timeoutMs), options.signal]),
                });
            },
        },
        retry: { retries: maxRetries, retryAfterBaseValue: retryUnitMs },
        throttle: {
            retryAfterBaseValue: retryUnitMs,
            // GitHub asks for a second between writes, and three between those that notify people
            // (issues, comments): the plugin's pacing, in the same unit.
            write: new (light_default()).Group({ maxConcurrent: 1, minTime: retryUnitMs }),
            notifications: new (light_default()).Group({ maxConcurrent: 1, minTime: 3 * retryUnitMs }),
            onRateLimit: rateLimited('rate limit'),
            onSecondaryRateLimit: rateLimited('secondary rate limit'),
        },
    }, dist_bundle/* retry */.L, plugin_throttling_dist_bundle/* throttling */.A);
}

// EXTERNAL MODULE: ./src/core/budget.ts
var budget = __webpack_require__(4782);
// EXTERNAL MODULE: ./src/engine/plan.ts
var plan = __webpack_require__(955);
// EXTERNAL MODULE: ./src/report/field-table.ts
var field_table = __webpack_require__(4411);
// EXTERNAL MODULE: ./src/report/verdict.ts
var verdict = __webpack_require__(687);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/model/webhook-config.ts
var webhook_config = __webpack_require__(9307);
;// CONCATENATED MODULE: ./src/github/markers.ts
// What finds the drift issue and the plan comment again (hidden markers keyed by what they
// belong to), and the fingerprint of what drifts, so that a comment is added only when it changes.



function scopeOf(result) {
    return {
        accountSid: result.accountSid,
        file: result.file,
        resource: result.resources[0]?.resource,
    };
}
/** The key in the markers (keys that runs before desired-state files made stay valid). */
function driftKey({ accountSid, file, resource }) {
    if (file !== undefined)
        return `file:${file} account:${accountSid}`;
    return resource?.kind === 'service' ? `service:${resource.serviceSid}` : `account:${accountSid}`;
}
/** A hidden line that finds the issue again, whatever a person renames it to. */
function issueMarker(key) {
    return `<!-- twilio-webhook-drift ${markers_hidden(key)} -->`;
}
function planMarker(key) {
    return `<!-- twilio-webhook-plan ${markers_hidden(key)} -->`;
}
/** A key inside an HTML comment: without "<" or ">", a file name cannot end the comment early. */
function markers_hidden(key) {
    return key.replace(/[<>]/g, (c) => `&#${c.charCodeAt(0)};`);
}
/**
 * After a check, a resource that drifted; after an apply, one the apply did not bring in sync
 * (failed, skipped, refused): the resources the drift issue is about.
 */
function stillDrifts(result) {
    return (0,webhook_config/* hasWork */.OJ)(result.resource, result.diff) && result.status !== 'updated';
}
/**
 * Which fields of which resources drift, as a short hash: the issue's body keeps it in a hidden
 * line, so that the next run can tell whether the drift changed without keeping the whole list.
 */
function driftFingerprint(result) {
    const fields = result.resources
        .filter(stillDrifts)
        .flatMap((r) => r.diff.map((d) => `${(0,webhook_config/* resourceKey */.ik)(r.resource)} ${d.field}`))
        .sort();
    return (0,external_node_crypto_.createHash)('sha256').update(fields.join('\n')).digest('hex').slice(0, 16);
}
const FINGERPRINT = /<!-- twilio-webhook-drift-fields ([0-9a-f]{16}) -->/;
/** The fingerprint an issue's body keeps; undefined for bodies written before there was one. */
function fingerprintIn(body) {
    return FINGERPRINT.exec(body)?.[1];
}

// EXTERNAL MODULE: ./src/engine/unmanaged.ts
var engine_unmanaged = __webpack_require__(4142);
// EXTERNAL MODULE: ./src/github/context.ts
var context = __webpack_require__(9556);
;// CONCATENATED MODULE: ./src/github/markdown.ts
// Small pieces of Markdown shared by the drift issue and the plan comment: inert names, code,
// links, lists that say how many more, texts cut to a length.




/** Lists of this kind name this many items at most, so that a head or foot stays short. */
const MAX_LISTED = 10;
/** A failure, a name or a URL is cut to this once shown, before it is escaped (which lengthens it). */
const MAX_FAILURE_CHARACTERS = 2_000;
const MAX_NAME_CHARACTERS = 100;
const MAX_URL_CHARACTERS = 200;
/** At most MAX_LISTED items as a Markdown list, and how many more there are. */
function listed(items) {
    const more = items.length - MAX_LISTED;
    return [
        ...items.slice(0, MAX_LISTED).map((item) => `- ${item}`),
        ...(more > 0 ? [`- …and ${more} more`] : []),
    ];
}
/** A resource's heading: a service's name comes from Twilio. */
function heading(result) {
    return (0,core_text/* inert */.tJ)((0,verdict/* resourceHeading */.P5)(result));
}
/** A sentence that may quote Twilio (an error's message, a live URL), as prose. */
function said(text) {
    return (0,core_text/* inert */.tJ)((0,urls/* showUrlsIn */.n$)(text));
}
function code(text) {
    return `<code>${(0,core_text/* escapeHtml */.ZD)(text)}</code>`;
}
function cut(text, max) {
    return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
function runLink(run) {
    return `[${(0,core_text/* inert */.tJ)(run.workflow)} run ${(0,core_text/* inert */.tJ)(run.runId)}](${(0,context/* runUrl */.Vp)(run)})`;
}

;// CONCATENATED MODULE: ./src/github/address-notes.ts
// What the drift issue and the plan comment say of the Address Configurations around the managed
// resources: those nobody declared that start conversations, and those whose service is gone
// (Twilio keeps such a reference: IHARC/STEVI#29). The warnings say the same, one by one.



/** Addresses nobody declared that start conversations, and addresses whose service is gone. */
function addressNotes(result) {
    const report = result.addresses;
    if (report === undefined)
        return [];
    if (!report.listed) {
        return [`⚠️ Could not check the Address Configurations: ${said(report.problem)}.`, ''];
    }
    const unmanaged = (0,engine_unmanaged/* autoCreating */.FW)(report);
    const dangling = report.addresses.filter((a) => a.dangling && !unmanaged.includes(a));
    return [
        ...(unmanaged.length === 0
            ? []
            : [
                `**${(0,core_text/* count */.U9)(unmanaged.length, 'Address Configuration')} not in ${result.file === undefined ? 'the inputs' : code(result.file)} ${unmanaged.length === 1 ? 'auto-creates' : 'auto-create'} conversations:**`,
                '',
                ...listed(unmanaged.map((a) => `${code(a.address)}: ${said((0,engine_unmanaged/* whereTo */.VM)(a))}`)),
                '',
            ]),
        ...(dangling.length === 0
            ? []
            : [
                `**${(0,core_text/* count */.U9)(dangling.length, 'Address Configuration')} ${dangling.length === 1 ? 'points' : 'point'} at a service this account does not have:**`,
                '',
                ...listed(dangling.map((a) => `${code(a.address)}: ${code(a.serviceSid ?? '')}`)),
                '',
            ]),
    ];
}

;// CONCATENATED MODULE: ./src/github/issue-text.ts
// The drift issue's words: its title, its body and its comments, within GitHub's limit however many
// resources drift (`size` measures a text as it is sent: after secrets and `${NAME}` values are
// replaced, which is what GitHub counts). Text from Twilio is inert, URLs shown by showUrl.








function issueTitle(result) {
    const { accountSid, file, resource } = scopeOf(result);
    if (file !== undefined)
        return titleText(`Twilio webhook drift: ${file} (account ${accountSid})`);
    return titleText(resource?.kind === 'service'
        ? `Twilio webhook drift: Conversations service ${resource.serviceSid}`
        : `Twilio webhook drift: account-wide configuration of ${accountSid}`);
}
/** GitHub refuses a longer title. */
const MAX_TITLE_CHARACTERS = 256;
/**
 * A title is shown as text, so nothing is escaped for HTML; but "@" and "#" would still mention
 * and link, so a zero-width space follows each. One line, within GitHub's limit.
 */
function titleText(text) {
    // eslint-disable-next-line no-control-regex -- control characters are what this replaces
    const line = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/[@#]/g, '$&\u200b');
    return line.length <= MAX_TITLE_CHARACTERS ? line : `${line.slice(0, MAX_TITLE_CHARACTERS - 1)}…`;
}
function issueBody(result, run, checkedAt, size = budget/* characters */.hg) {
    const drifting = result.resources.filter(stillDrifts);
    const inSync = result.resources.length - drifting.length;
    const verb = result.mode === 'check' ? 'drifted' : drifting.length === 1 ? 'still differs' : 'still differ';
    const tally = `${(0,core_text/* count */.U9)(drifting.length, 'resource')} ${verb}${inSync === 0 ? '' : `, ${inSync} in sync`}`;
    const source = result.file === undefined ? 'the repository' : code(result.file);
    const account = `account ${code(result.accountSid)}`;
    return (0,budget/* fitWithin */.Hi)(budget/* MAX_BODY_CHARACTERS */.NF, size, {
        head: [
            issueMarker(driftKey(scopeOf(result))),
            `<!-- twilio-webhook-drift-fields ${driftFingerprint(result)} -->`,
            result.mode === 'check'
                ? `The live Twilio Conversations webhook configuration of ${account} no longer matches what ${source} says: ${tally}.`
                : `An apply left the live Twilio Conversations webhook configuration of ${account} different from what ${source} says: ${tally}.`,
            '',
        ].join('\n'),
        sections: drifting.map((resource) => [
            `### ${heading(resource)}`,
            '',
            `**${said((0,verdict/* describeResult */.dy)(resource, result.mode))}**`,
            '',
            (0,field_table/* renderFieldTable */.$)(resource, result.mode),
            '',
        ].join('\n')),
        more: (omitted) => `…and ${(0,core_text/* count */.U9)(omitted, 'more resource')}, left out to stay within GitHub's limit on an issue: the summary of ${runLink(run)} lists every one.\n`,
        foot: [
            `Last checked by ${runLink(run)} at ${checkedAt.toISOString()}.`,
            '',
            ...addressNotes(result),
            '### How to fix it',
            '',
            '- If the repository is right, run the workflow in `apply` mode (for example the deploy workflow, or this one with `mode: apply` through workflow_dispatch): it sets exactly the desired values and verifies them.',
            '- If the change in Twilio was intended, change the desired values in the repository so that they match.',
            '',
            'This issue is updated while the drift lasts, with a comment when the drifted fields change, and closed by the next check (or apply) that finds the configuration back in sync.',
        ].join('\n'),
    });
}
function backInSyncComment(result, run) {
    return result.mode === 'apply'
        ? `Fixed by ${runLink(run)}: after the apply, every resource has its desired configuration. Closing.`
        : `Back in sync: ${runLink(run)} found the live configuration matching the desired one. Closing.`;
}
function driftIsBackComment(result, run, size = budget/* characters */.hg) {
    const drifting = result.resources.filter(stillDrifts);
    return listComment(`Drift is back: ${runLink(run)} found ${(0,core_text/* count */.U9)(drifting.length, 'resource')} differing from the desired configuration:`, drifting.map((r) => `- the ${heading(r)}: its live ${said((0,plan/* describeDiff */.l7)(r.diff))}.`), run, size);
}
/** For an open issue whose drifted fields are no longer those its body last listed. */
function driftChangedComment(result, run, size = budget/* characters */.hg) {
    const drifting = result.resources.filter(stillDrifts);
    return listComment(`The drift changed: ${runLink(run)} ${result.mode === 'check' ? 'found' : 'left'} these fields differing (the issue's body has the values):`, drifting.map((r) => `- the ${heading(r)}: ${r.diff.map((d) => `<code>${d.field}</code>`).join(', ')}`), run, size);
}
function listComment(head, items, run, size) {
    return (0,budget/* fitWithin */.Hi)(budget/* MAX_BODY_CHARACTERS */.NF, size, {
        head: `${head}\n`,
        sections: items,
        more: (omitted) => `- …and ${(0,core_text/* count */.U9)(omitted, 'more resource')}: ${runLink(run)} lists every one.`,
        foot: '',
    });
}

// EXTERNAL MODULE: ./src/model/fields.ts + 2 modules
var fields = __webpack_require__(6812);
;// CONCATENATED MODULE: ./src/github/plan-text.ts
// The plan comment's words: what merging applies, for which commit, what it removes or reroutes,
// the services that override the account-wide hooks, and a plan that failed; within GitHub's limit.











/**
 * What merging would do, per resource: the plan a reviewer reads on the pull request, for the
 * commit it was made for. What removes or reroutes webhooks comes first, and the services whose
 * own hooks fire instead of the account-wide ones are named.
 */
function planComment(result, run, size = budget/* characters */.hg) {
    const changing = result.resources.filter((r) => (0,webhook_config/* hasWork */.OJ)(r.resource, r.diff));
    const changes = changing.reduce((sum, r) => sum + r.diff.length, 0);
    const creates = changing.filter((r) => (0,webhook_config/* isMissing */.b2)(r.resource)).length;
    const inSync = result.resources.length - changing.length;
    return (0,budget/* fitWithin */.Hi)(budget/* MAX_BODY_CHARACTERS */.NF, size, {
        head: [
            planMarker(driftKey(scopeOf(result))),
            planHeading(result.file),
            '',
            `Planned ${forCommit(run)}by ${runLink(run)}.`,
            '',
            changing.length === 0
                ? '**No changes**: the live configuration of every resource matches the desired one, so merging changes nothing in Twilio.'
                : `**Merging applies ${(0,core_text/* count */.U9)(changes, 'change')} to ${(0,core_text/* count */.U9)(changing.length, 'resource')}**${creates === 0 ? '' : ` (creating ${(0,core_text/* count */.U9)(creates, 'Address Configuration')})`}${inSync === 0 ? '' : `; ${inSync} already in sync`}.`,
            '',
            ...removals(changing),
        ].join('\n'),
        sections: changing.map((resource) => [
            `### ${heading(resource)}`,
            '',
            ...((0,webhook_config/* isMissing */.b2)(resource.resource) ? ['Does not exist yet: merging creates it.', ''] : []),
            (0,field_table/* renderFieldTable */.$)(resource, 'check'),
            '',
        ].join('\n')),
        more: (omitted) => `…and ${(0,core_text/* count */.U9)(omitted, 'more resource')} that merging changes, left out to stay within GitHub's limit on a comment: the summary of ${runLink(run)} lists every one.\n`,
        foot: [
            ...overrides(result),
            ...addressNotes(result),
            'Updated on every push to this pull request.',
        ].join('\n'),
    });
}
/** The plan comment of a run that could not plan: the previous plan must not stand. */
function failedPlanComment(scope, run, failure) {
    return [
        planMarker(driftKey(scope)),
        planHeading(scope.file),
        '',
        `❌ **The plan failed** ${forCommit(run)}in ${runLink(run)}: ${(0,core_text/* inert */.tJ)(cut((0,urls/* showUrlsIn */.n$)(failure), MAX_FAILURE_CHARACTERS))}`,
        '',
        'What merging would change is not known: an earlier plan on this pull request no longer holds. Fix the cause and push again, or re-run the workflow.',
    ].join('\n');
}
function planHeading(file) {
    return `## Twilio webhooks plan${file === undefined ? '' : ` for ${code(file)}`}`;
}
function forCommit(run) {
    const sha = run.headSha;
    return sha === undefined ? '' : `for commit [\`${sha.slice(0, 7)}\`](${(0,context/* commitUrl */.Bg)(run, sha)}) `;
}
/** Clearing a URL or the filters, or changing target: what a reviewer must not miss. */
function removals(changing) {
    // A creation is said in the headline: its every field is new, none taken away.
    const items = changing
        .filter((r) => !(0,webhook_config/* isMissing */.b2)(r.resource))
        .flatMap((r) => r.diff
        .filter(removesOrReroutes)
        .map((d) => (0,fields/* fieldSpec */.KQ)(d.field).reroutes
        ? `<code>${d.field}</code> of the ${heading(r)} changes from ${shown(d.actual)} to ${shown(d.desired)}`
        : `<code>${d.field}</code> of the ${heading(r)} is cleared`));
    if (items.length === 0)
        return [];
    return [
        `⚠️ **${(0,core_text/* count */.U9)(items.length, 'change')} ${items.length === 1 ? 'removes or reroutes' : 'remove or reroute'} webhooks:**`,
        '',
        ...listed(items),
        '',
    ];
}
function removesOrReroutes({ field, desired }) {
    const spec = (0,fields/* fieldSpec */.KQ)(field);
    return spec.reroutes || spec.clears(desired);
}
function shown(value) {
    return value === null || value === '' ? '<em>not set</em>' : code(String(value));
}
/** Services nobody declared whose own hooks fire for their conversations instead. */
function overrides(result) {
    const report = result.services;
    if (report === undefined)
        return [];
    if (!report.listed) {
        return [
            `⚠️ Could not check for services that override the account-wide webhooks: ${said(report.problem)}.`,
            '',
        ];
    }
    const services = (0,engine_unmanaged/* overriding */.S5)(report);
    if (services.length === 0)
        return [];
    const one = services.length === 1;
    return [
        `**${(0,core_text/* count */.U9)(services.length, 'service')} not in ${result.file === undefined ? 'the inputs' : code(result.file)} ${one ? 'overrides' : 'override'} the account-wide webhooks:** for ${one ? 'its' : 'their'} conversations only ${one ? 'its' : 'their'} own hooks fire, whatever merging does to the account-wide configuration.`,
        '',
        ...listed(services.map(overrideItem)),
        '',
    ];
}
function overrideItem(service) {
    const hooks = [
        ['pre-webhook-url', service.config?.pre_webhook_url],
        ['post-webhook-url', service.config?.post_webhook_url],
    ].flatMap(([name, url]) => url ? [`${name} ${code(cut((0,urls/* showUrl */.jr)(url), MAX_URL_CHARACTERS))}`] : []);
    const name = service.name === '' ? '' : ` (${(0,core_text/* inert */.tJ)(cut(service.name, MAX_NAME_CHARACTERS))})`;
    return `${code(service.sid)}${name}: ${hooks.join(', ')}`;
}

;// CONCATENATED MODULE: ./src/github/api.ts
// Talking to GitHub: the drift issue (open exactly while something drifts) and the pull-request
// comment with the plan, each found again by a hidden marker among what the token's own identity
// wrote. The words come from issue-text; this module only talks to GitHub, and shows whatever it
// sends through `show` (secrets as ***), measuring bodies as shown.






function gitHubClient(options) {
    const { octokit, close } = connect(options);
    const { run, show } = options;
    const size = (text) => show(text).length;
    const [owner = '', repo = ''] = run.repository.split('/');
    const comment = (issueNumber, body) => octokit.rest.issues.createComment({
        owner,
        repo,
        issue_number: issueNumber,
        body: show(body),
    });
    /**
     * Who the token is, asked once, and only when a marker was found. GraphQL `viewer { login }`
     * answers for every kind of token, where REST `GET /user` answers 403 to an installation token
     * such as GITHUB_TOKEN; marocchino/sticky-pull-request-comment relies on it too. That it names
     * GITHUB_TOKEN `github-actions[bot]`, as REST names its comments' author, is from published
     * reports and that action's code, not checked against github.com by this project's tests.
     */
    let viewer;
    const identity = () => (viewer ??= octokit
        .graphql('query { viewer { login } }')
        .then((data) => data.viewer.login));
    /** Of the items that carry the marker, those the token's identity wrote: never anyone else's. */
    const ownMarked = async (items, marker) => {
        const marked = items.filter((item) => (item.body ?? '').includes(marker));
        if (marked.length === 0)
            return [];
        const login = await identity();
        return marked.filter((item) => item.user?.login === login);
    };
    /**
     * Opens, updates, reopens or closes the drift issue so that it is open exactly while something
     * drifts, with a comment when the drifted fields change. An apply only updates or closes an
     * issue that is open: opening one is the scheduled check's job. A GitHub failure becomes part of
     * the outcome: it must not hide the verdict.
     */
    async function keepDriftIssue(result, labels, now) {
        return reported('keeping the drift issue', 'issues', async () => {
            const marker = issueMarker(driftKey(scopeOf(result)));
            const listed = (await octokit.paginate(octokit.rest.issues.listForRepo, {
                owner,
                repo,
                labels: labels[0] ?? '',
                state: 'all',
                sort: 'updated',
                direction: 'desc',
                per_page: 100,
            }));
            const candidates = listed.filter((issue) => issue.pull_request === undefined);
            const drifting = result.resources.some(stillDrifts);
            const apply = result.mode === 'apply';
            const marked = candidates.filter((issue) => (issue.body ?? '').includes(marker));
            // Nothing to close, and nothing an apply may open: no need to know who the token is.
            if ((!drifting || apply) && !marked.some((issue) => issue.state === 'open')) {
                return NONE;
            }
            const mine = await ownMarked(candidates, marker);
            const existing = mine.find((issue) => issue.state === 'open') ?? mine[0];
            if (!drifting) {
                if (existing?.state !== 'open')
                    return NONE;
                await comment(existing.number, backInSyncComment(result, run));
                await octokit.rest.issues.update({
                    owner,
                    repo,
                    issue_number: existing.number,
                    state: 'closed',
                    state_reason: 'completed',
                });
                return { action: 'closed', url: existing.html_url };
            }
            if (apply && existing?.state !== 'open')
                return NONE;
            const body = show(issueBody(result, run, now, size));
            if (existing === undefined) {
                const created = await octokit.rest.issues.create({
                    owner,
                    repo,
                    title: show(issueTitle(result)),
                    body,
                    labels: [...labels],
                });
                return { action: 'opened', url: created.data.html_url };
            }
            const reopening = existing.state !== 'open';
            await octokit.rest.issues.update({
                owner,
                repo,
                issue_number: existing.number,
                body,
                ...(reopening ? { state: 'open' } : {}),
            });
            if (reopening) {
                await comment(existing.number, driftIsBackComment(result, run, size));
            }
            else {
                const before = fingerprintIn(existing.body ?? '');
                if (before !== undefined && before !== driftFingerprint(result)) {
                    await comment(existing.number, driftChangedComment(result, run, size));
                }
            }
            return { action: reopening ? 'reopened' : 'updated', url: existing.html_url };
        });
    }
    /**
     * One comment on the pull request with the plan, created once and then kept up to date; with
     * `on-change`, not created while merging would change nothing (tfcmt's skip-no-changes).
     */
    async function keepPlanComment(result, when) {
        const pullRequest = run.pullRequest;
        if (pullRequest === undefined)
            return NONE;
        return reported('keeping the pull-request comment', 'pull-requests', async () => {
            const existing = await findPlanComment(pullRequest, scopeOf(result));
            const changes = result.resources.some((r) => (0,webhook_config/* hasWork */.OJ)(r.resource, r.diff));
            if (existing === undefined && when === 'on-change' && !changes)
                return NONE;
            return writePlanComment(pullRequest, existing?.id, planComment(result, run, size));
        });
    }
    /** A run that could not plan says so in the plan comment: the last plan no longer holds. */
    async function reportFailedPlan(scope, failure) {
        const pullRequest = run.pullRequest;
        if (pullRequest === undefined)
            return NONE;
        return reported('keeping the pull-request comment', 'pull-requests', async () => {
            const existing = await findPlanComment(pullRequest, scope);
            return writePlanComment(pullRequest, existing?.id, failedPlanComment(scope, run, failure));
        });
    }
    async function findPlanComment(pullRequest, scope) {
        const comments = await octokit.paginate(octokit.rest.issues.listComments, {
            owner,
            repo,
            issue_number: pullRequest,
            per_page: 100,
        });
        const [mine] = await ownMarked(comments, planMarker(driftKey(scope)));
        return mine;
    }
    async function writePlanComment(pullRequest, id, text) {
        const body = show(text);
        if (id === undefined) {
            const created = await octokit.rest.issues.createComment({
                owner,
                repo,
                issue_number: pullRequest,
                body,
            });
            return { action: 'created', url: created.data.html_url };
        }
        const updated = await octokit.rest.issues.updateComment({ owner, repo, comment_id: id, body });
        return { action: 'updated', url: updated.data.html_url };
    }
    async function reported(doing, permission, work) {
        try {
            return await work();
        }
        catch (error) {
            const why = describeGitHubError(error, {
                permission,
                apiUrl: run.apiUrl,
                proxyUrl: options.proxyUrl,
            });
            return { action: 'failed', error: `GitHub API error while ${doing}: ${why}` };
        }
    }
    return {
        keepDriftIssue,
        keepPlanComment,
        reportFailedPlan,
        close,
    };
}
const NONE = { action: 'none', url: '' };


/***/ })

};
