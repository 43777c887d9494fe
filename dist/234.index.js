export const id = 234;
export const ids = [234];
export const modules = {

/***/ 234:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gitHubClient: () => (/* binding */ gitHubClient)
});

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 21 modules
var github = __webpack_require__(1758);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(9735);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var plugin_throttling_dist_bundle = __webpack_require__(6856);
// EXTERNAL MODULE: ./node_modules/bottleneck/light.js
var light = __webpack_require__(3251);
var light_default = /*#__PURE__*/__webpack_require__.n(light);
// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(4371);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/github-context.ts + 1 modules
var github_context = __webpack_require__(9708);
// EXTERNAL MODULE: ./src/plan.ts
var plan = __webpack_require__(2464);
// EXTERNAL MODULE: ./src/render.ts + 1 modules
var render = __webpack_require__(6314);
// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(8992);
;// CONCATENATED MODULE: ./src/issue-text.ts
// The words GitHub gets: the drift issue's title, body and comments, and the pull-request
// comment with the plan, rendered from a result (already redacted) and the time of the check.




/**
 * What the drift issue and the plan comment belong to: the file, or the one resource the inputs
 * describe (keys that runs before desired-state files made stay valid).
 */
function driftKey(result) {
    if (result.file !== undefined)
        return `file:${result.file} account:${result.accountSid}`;
    const [only] = result.resources;
    return only?.resource.kind === 'service'
        ? `service:${only.resource.serviceSid}`
        : `account:${result.accountSid}`;
}
/** A hidden line that finds the issue again, whatever a person renames it to. */
function issueMarker(key) {
    return `<!-- twilio-webhook-drift ${key} -->`;
}
function planMarker(key) {
    return `<!-- twilio-webhook-plan ${key} -->`;
}
function issueTitle(result) {
    if (result.file !== undefined) {
        return `Twilio webhook drift: ${result.file} (account ${result.accountSid})`;
    }
    const [only] = result.resources;
    return only?.resource.kind === 'service'
        ? `Twilio webhook drift: Conversations service ${only.resource.serviceSid}`
        : `Twilio webhook drift: account-wide configuration of ${result.accountSid}`;
}
function issueBody(result, run, checkedAt) {
    const drifted = result.resources.filter((r) => r.diff.length > 0);
    return [
        issueMarker(driftKey(result)),
        `The live Twilio Conversations webhook configuration of account \`${result.accountSid}\` no longer matches what ${result.file === undefined ? 'the repository' : `\`${(0,src_text/* escapeHtml */.ZD)(result.file)}\``} says: ${(0,src_text/* count */.U9)(drifted.length, 'resource')} drifted.`,
        '',
        ...drifted.flatMap((resource) => [
            `### ${(0,src_text/* escapeHtml */.ZD)((0,render/* resourceHeading */.P5)(resource))}`,
            '',
            `**${(0,src_text/* escapeHtml */.ZD)((0,render/* describeResult */.dy)(resource, result.mode))}**`,
            '',
            (0,render/* renderFieldTable */.$9)(resource, result.mode),
            '',
        ]),
        `Last checked by [${(0,src_text/* escapeHtml */.ZD)(run.workflow)} run ${run.runId}](${(0,github_context/* runUrl */.V)(run)}) at ${checkedAt.toISOString()}.`,
        '',
        '### How to fix it',
        '',
        '- If the repository is right, run the workflow in `apply` mode (for example the deploy workflow, or this one with `mode: apply` through workflow_dispatch): it sets exactly the desired values and verifies them.',
        '- If the change in Twilio was intended, change the desired values in the repository so that they match.',
        '',
        'This issue is updated while the drift lasts and closed by the next check that finds the configuration back in sync.',
    ].join('\n');
}
function backInSyncComment(run) {
    return `Back in sync: ${(0,github_context/* runUrl */.V)(run)} found the live configuration matching the desired one. Closing.`;
}
function driftIsBackComment(result, run) {
    const drifted = result.resources.filter((r) => r.diff.length > 0);
    return `Drift is back: ${(0,github_context/* runUrl */.V)(run)} found ${drifted
        .map((r) => `the ${(0,src_text/* escapeHtml */.ZD)((0,render/* resourceHeading */.P5)(r))}: its live ${(0,src_text/* escapeHtml */.ZD)((0,plan/* describeDiff */.l7)(r.diff))}`)
        .join('; ')}.`;
}
/** What an apply would change, per resource: the plan a reviewer reads on the pull request. */
function planComment(result, run) {
    const changing = result.resources.filter((r) => r.diff.length > 0);
    return [
        planMarker(driftKey(result)),
        `## Twilio webhooks plan${result.file === undefined ? '' : ` for \`${(0,src_text/* escapeHtml */.ZD)(result.file)}\``}`,
        '',
        changing.length === 0
            ? '**No changes**: the live configuration of every resource matches the desired one.'
            : `**An apply would change ${(0,src_text/* count */.U9)(changing.length, 'resource')}** of ${result.resources.length}:`,
        '',
        ...changing.flatMap((resource) => [
            `### ${(0,src_text/* escapeHtml */.ZD)((0,render/* resourceHeading */.P5)(resource))}`,
            '',
            (0,render/* renderFieldTable */.$9)(resource, 'check'),
            '',
        ]),
        `Planned by [${(0,src_text/* escapeHtml */.ZD)(run.workflow)} run ${run.runId}](${(0,github_context/* runUrl */.V)(run)}); updated on every push.`,
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/github-api.ts
// Talking to GitHub: the drift issue (open exactly while something drifts) and the pull-request
// comment with the plan, each found again by a hidden marker. The words come from issue-text;
// this module only talks to GitHub, and redacts whatever it sends.







/** A rate limit that resets later than this is not waited for: the run reports it instead. */
const MAX_RATE_LIMIT_WAIT_SECONDS = 60;
function gitHubClient(options) {
    const dispatcher = options.proxyUrl === undefined ? new undici.Agent() : new undici.ProxyAgent(options.proxyUrl);
    const octokit = octokitFor(options, dispatcher);
    const { run, redact } = options;
    const [owner = '', repo = ''] = run.repository.split('/');
    const comment = (issueNumber, body) => octokit.rest.issues.createComment({
        owner,
        repo,
        issue_number: issueNumber,
        body: redact(body),
    });
    /**
     * Opens, updates, reopens or closes the drift issue so that it is open exactly while something
     * drifts. A GitHub failure becomes part of the outcome: it must not hide the verdict.
     */
    async function keepDriftIssue(result, labels, now) {
        return reported('keeping the drift issue', 'issues', async () => {
            const marker = issueMarker(driftKey(result));
            const candidates = await octokit.paginate(octokit.rest.issues.listForRepo, {
                owner,
                repo,
                labels: labels[0] ?? '',
                state: 'all',
                sort: 'updated',
                direction: 'desc',
                per_page: 100,
            });
            const mine = candidates.filter((issue) => issue.pull_request === undefined && (issue.body ?? '').includes(marker));
            const existing = mine.find((issue) => issue.state === 'open') ?? mine[0];
            const drifted = result.resources.some((r) => r.diff.length > 0);
            if (!drifted) {
                if (existing?.state !== 'open')
                    return { action: 'none', url: '' };
                await comment(existing.number, backInSyncComment(run));
                await octokit.rest.issues.update({
                    owner,
                    repo,
                    issue_number: existing.number,
                    state: 'closed',
                    state_reason: 'completed',
                });
                return { action: 'closed', url: existing.html_url };
            }
            const body = redact(issueBody(result, run, now));
            if (existing === undefined) {
                const created = await octokit.rest.issues.create({
                    owner,
                    repo,
                    title: redact(issueTitle(result)),
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
            if (reopening)
                await comment(existing.number, driftIsBackComment(result, run));
            return { action: reopening ? 'reopened' : 'updated', url: existing.html_url };
        });
    }
    /** One comment on the pull request with the plan, created once and then kept up to date. */
    async function keepPlanComment(result) {
        const pullRequest = run.pullRequest;
        if (pullRequest === undefined)
            return { action: 'none', url: '' };
        return reported('keeping the pull-request comment', 'pull-requests', async () => {
            const marker = planMarker(driftKey(result));
            const comments = await octokit.paginate(octokit.rest.issues.listComments, {
                owner,
                repo,
                issue_number: pullRequest,
                per_page: 100,
            });
            const body = redact(planComment(result, run));
            const existing = comments.find((c) => (c.body ?? '').includes(marker));
            if (existing === undefined) {
                const created = await octokit.rest.issues.createComment({
                    owner,
                    repo,
                    issue_number: pullRequest,
                    body,
                });
                return { action: 'created', url: created.data.html_url };
            }
            const updated = await octokit.rest.issues.updateComment({
                owner,
                repo,
                comment_id: existing.id,
                body,
            });
            return { action: 'updated', url: updated.data.html_url };
        });
    }
    return {
        keepDriftIssue,
        keepPlanComment,
        close: () => dispatcher.close(),
    };
}
async function reported(doing, permission, work) {
    try {
        return await work();
    }
    catch (error) {
        const status = error.status;
        const hint = status === 403 || status === 401
            ? ` The token needs "${permission}: write" permission (add it under permissions: in the workflow).`
            : '';
        return {
            action: 'failed',
            error: `GitHub API error while ${doing}: ${(0,errors/* errorMessage */.gJ)(error)}.${hint}`,
        };
    }
}
/**
 * Octokit with a time limit on every attempt, retries of 5xx (plugin-retry) and of rate limits
 * that reset soon (plugin-throttling, which also paces writes as GitHub asks), through the proxy
 * the environment names.
 */
function octokitFor(options, dispatcher) {
    const { maxRetries, retryUnitMs, timeoutMs } = options;
    const rateLimited = (kind) => (retryAfter, _options, _octokit, retryCount) => {
        const retrying = retryCount < maxRetries && retryAfter <= MAX_RATE_LIMIT_WAIT_SECONDS;
        options.warn(`GitHub ${kind} (retry after ${retryAfter} s): ${retrying ? 'waiting, then retrying' : 'not waiting that long'}.`);
        return retrying;
    };
    return (0,github/* getOctokit */.Q)(options.token, {
        baseUrl: options.run.apiUrl,
        request: {
            // Called once per attempt, so each attempt has its own time limit.
            fetch: (url, init) => (0,undici.fetch)(url, { ...init, dispatcher, signal: AbortSignal.timeout(timeoutMs) }),
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


/***/ })

};
