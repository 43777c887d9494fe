export const id = 58;
export const ids = [58];
export const modules = {

/***/ 9058:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  keepDriftIssue: () => (/* binding */ keepDriftIssue)
});

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 22 modules
var github = __webpack_require__(2413);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/github-context.ts
var github_context = __webpack_require__(8886);
// EXTERNAL MODULE: ./src/plan.ts
var plan = __webpack_require__(2464);
// EXTERNAL MODULE: ./src/render.ts
var render = __webpack_require__(7055);
// EXTERNAL MODULE: ./src/text.ts
var src_text = __webpack_require__(8992);
// EXTERNAL MODULE: ./src/webhook-config.ts
var webhook_config = __webpack_require__(4645);
;// CONCATENATED MODULE: ./src/issue-text.ts
// The drift issue's words: title, body and comments, rendered from a result (already redacted)
// and the time of the check, which the caller passes in.





/** A hidden line in the issue body that finds the issue again, whatever a person renames it to. */
function issueMarker(accountSid, resource) {
    const key = resource.kind === 'account' ? `account:${accountSid}` : `service:${resource.serviceSid}`;
    return `<!-- twilio-webhook-drift ${key} -->`;
}
function issueTitle(accountSid, resource) {
    return resource.kind === 'account'
        ? `Twilio webhook drift: account-wide configuration of ${accountSid}`
        : `Twilio webhook drift: Conversations service ${resource.serviceSid}`;
}
function issueBody(result, run, checkedAt) {
    return [
        issueMarker(result.accountSid, result.resource),
        `The live Twilio Conversations webhook configuration (${(0,webhook_config/* describeResource */.w9)(result.resource)} of account \`${result.accountSid}\`) no longer matches what the repository says.`,
        '',
        `**${(0,src_text/* escapeHtml */.ZD)((0,render/* verdictLine */.MT)(result))}**`,
        '',
        (0,render/* renderFieldTable */.$9)(result),
        '',
        `Last checked by [${(0,src_text/* escapeHtml */.ZD)(run.workflow)} run ${run.runId}](${(0,github_context/* runUrl */.V)(run)}) at ${checkedAt.toISOString()}.`,
        '',
        '### How to fix it',
        '',
        '- If the repository is right, run the workflow in `apply` mode (for example the deploy workflow, or this one with `mode: apply` through workflow_dispatch): it sets exactly the desired values and verifies them.',
        '- If the change in Twilio was intended, change the desired values in the workflow so that they match.',
        '',
        'This issue is updated while the drift lasts and closed by the next check that finds the configuration back in sync.',
    ].join('\n');
}
function backInSyncComment(run) {
    return `Back in sync: ${(0,github_context/* runUrl */.V)(run)} found the live configuration matching the desired one. Closing.`;
}
function driftIsBackComment(result, run) {
    return `Drift is back: ${(0,github_context/* runUrl */.V)(run)} found the live ${(0,src_text/* escapeHtml */.ZD)((0,plan/* describeDiff */.l7)(result.diff))}.`;
}

;// CONCATENATED MODULE: ./src/drift-issue.ts
// The GitHub side: one issue per checked resource, open while it drifts. Loaded only when a drift
// issue is wanted, so runs without one never pay for the GitHub client. The words come from
// issue-text; this module only talks to GitHub, and redacts whatever it sends.



/** Like syncDriftIssue, but a GitHub failure becomes part of the outcome: it must not hide the verdict. */
async function keepDriftIssue(result, settings, context) {
    if (!/^[^/]+\/[^/]+$/.test(context.run.repository)) {
        return {
            action: 'failed',
            error: 'GITHUB_REPOSITORY is not set, so there is no repository for the drift issue.',
        };
    }
    try {
        return await syncDriftIssue(result, settings, context);
    }
    catch (error) {
        const status = error.status;
        const hint = status === 403 || status === 401
            ? ' The token needs "issues: write" permission (add it under permissions: in the workflow).'
            : '';
        return {
            action: 'failed',
            error: `GitHub API error while keeping the drift issue: ${(0,errors/* errorMessage */.gJ)(error)}.${hint}`,
        };
    }
}
/**
 * Opens, updates, reopens or closes the resource's drift issue so that it is open exactly while the
 * resource drifts. Returns what it did; GitHub API errors propagate for the caller to report.
 */
async function syncDriftIssue(result, settings, { run, now, redact }) {
    const octokit = (0,github/* getOctokit */.Q)(settings.token, { baseUrl: run.apiUrl });
    const [owner = '', repo = ''] = run.repository.split('/');
    const marker = issueMarker(result.accountSid, result.resource);
    const comment = (issueNumber, body) => octokit.rest.issues.createComment({
        owner,
        repo,
        issue_number: issueNumber,
        body: redact(body),
    });
    const candidates = await octokit.paginate(octokit.rest.issues.listForRepo, {
        owner,
        repo,
        labels: settings.labels[0] ?? '',
        state: 'all',
        sort: 'updated',
        direction: 'desc',
        per_page: 100,
    });
    const mine = candidates.filter((issue) => issue.pull_request === undefined && (issue.body ?? '').includes(marker));
    const existing = mine.find((issue) => issue.state === 'open') ?? mine[0];
    if (result.diff.length === 0) {
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
            title: redact(issueTitle(result.accountSid, result.resource)),
            body,
            labels: [...settings.labels],
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
}


/***/ })

};
