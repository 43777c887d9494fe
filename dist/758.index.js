export const id = 758;
export const ids = [758];
export const modules = {

/***/ 2758:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   gitHubRunFromEnv: () => (/* binding */ gitHubRunFromEnv),
/* harmony export */   issueBody: () => (/* binding */ issueBody),
/* harmony export */   issueMarker: () => (/* binding */ issueMarker),
/* harmony export */   issueTitle: () => (/* binding */ issueTitle),
/* harmony export */   keepDriftIssue: () => (/* binding */ keepDriftIssue),
/* harmony export */   runUrl: () => (/* binding */ runUrl),
/* harmony export */   syncDriftIssue: () => (/* binding */ syncDriftIssue)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2413);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _reconcile_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1175);
/* harmony import */ var _report_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(665);
/* harmony import */ var _webhook_config_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4645);
// The GitHub side: one issue per checked resource, open while it drifts. Loaded only when a drift
// issue is wanted, so runs without one never pay for the GitHub client.





function gitHubRunFromEnv(env) {
    return {
        apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
        serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
        repository: env.GITHUB_REPOSITORY ?? '',
        runId: env.GITHUB_RUN_ID ?? '',
        workflow: env.GITHUB_WORKFLOW ?? 'workflow',
    };
}
/** Like syncDriftIssue, but a GitHub failure becomes part of the outcome: it must not hide the verdict. */
async function keepDriftIssue(result, settings, run) {
    if (!/^[^/]+\/[^/]+$/.test(run.repository)) {
        return {
            action: 'failed',
            error: 'GITHUB_REPOSITORY is not set, so there is no repository for the drift issue.',
        };
    }
    try {
        return await syncDriftIssue(result, settings, run);
    }
    catch (error) {
        const status = error.status;
        const hint = status === 403 || status === 401
            ? ' The token needs "issues: write" permission (add it under permissions: in the workflow).'
            : '';
        return {
            action: 'failed',
            error: `GitHub API error while keeping the drift issue: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)}.${hint}`,
        };
    }
}
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
function runUrl(run) {
    return `${run.serverUrl}/${run.repository}/actions/runs/${run.runId}`;
}
function issueBody(result, run) {
    return [
        issueMarker(result.accountSid, result.resource),
        `The live Twilio Conversations webhook configuration (${(0,_webhook_config_js__WEBPACK_IMPORTED_MODULE_4__/* .describeResource */ .w9)(result.resource)} of account \`${result.accountSid}\`) no longer matches what the repository says.`,
        '',
        `**${(0,_report_js__WEBPACK_IMPORTED_MODULE_3__/* .verdictLine */ .MT)(result)}**`,
        '',
        (0,_report_js__WEBPACK_IMPORTED_MODULE_3__/* .renderFieldTable */ .$9)(result),
        '',
        `Last checked by [${run.workflow} run ${run.runId}](${runUrl(run)}) at ${new Date().toISOString()}.`,
        '',
        '### How to fix it',
        '',
        '- If the repository is right, run the workflow in `apply` mode (for example the deploy workflow, or this one with `mode: apply` through workflow_dispatch): it sets exactly the desired values and verifies them.',
        '- If the change in Twilio was intended, change the desired values in the workflow so that they match.',
        '',
        'This issue is updated while the drift lasts and closed by the next check that finds the configuration back in sync.',
    ].join('\n');
}
/**
 * Opens, updates, reopens or closes the resource's drift issue so that it is open exactly while the
 * resource drifts. Returns what it did; GitHub API errors propagate for the caller to report.
 */
async function syncDriftIssue(result, settings, run) {
    const octokit = (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(settings.token, { baseUrl: run.apiUrl });
    const [owner = '', repo = ''] = run.repository.split('/');
    const marker = issueMarker(result.accountSid, result.resource);
    const drifted = result.diff.length > 0;
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
    if (!drifted) {
        if (existing?.state !== 'open')
            return { action: 'none', url: '' };
        await octokit.rest.issues.createComment({
            owner,
            repo,
            issue_number: existing.number,
            body: `Back in sync: ${runUrl(run)} found the live configuration matching the desired one. Closing.`,
        });
        await octokit.rest.issues.update({
            owner,
            repo,
            issue_number: existing.number,
            state: 'closed',
            state_reason: 'completed',
        });
        return { action: 'closed', url: existing.html_url };
    }
    const body = issueBody(result, run);
    if (existing === undefined) {
        const created = await octokit.rest.issues.create({
            owner,
            repo,
            title: issueTitle(result.accountSid, result.resource),
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
    if (reopening) {
        await octokit.rest.issues.createComment({
            owner,
            repo,
            issue_number: existing.number,
            body: `Drift is back: ${runUrl(run)} found the live ${(0,_reconcile_js__WEBPACK_IMPORTED_MODULE_2__/* .describeDiff */ .l7)(result.diff)}.`,
        });
    }
    return { action: reopening ? 'reopened' : 'updated', url: existing.html_url };
}


/***/ })

};
