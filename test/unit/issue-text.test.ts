import { describe, expect, it } from 'vitest';
import type { GitHubRun } from '../../src/github-context.js';
import {
  backInSyncComment,
  driftIsBackComment,
  driftKey,
  issueBody,
  issueMarker,
  issueTitle,
  planComment,
  planMarker,
} from '../../src/issue-text.js';
import { renderFieldTable } from '../../src/render.js';
import type { RunResult } from '../../src/result.js';
import {
  ACCOUNT,
  driftedCheck,
  driftedResource,
  OTHER_SERVICE,
  PER_SERVICE,
  runResult,
  SERVICE,
  serviceResource,
} from './fixtures.js';

const RUN: GitHubRun = {
  apiUrl: 'https://api.github.com',
  serverUrl: 'https://github.com',
  repository: 'octo/app',
  runId: '42',
  workflow: 'Nightly drift check',
  pullRequest: undefined,
};
const RUN_URL = 'https://github.com/octo/app/actions/runs/42';
const CHECKED_AT = new Date('2026-11-24T12:00:00.000Z');
const FILE = 'twilio/webhooks.yml';
const DRIFTED_SERVICE = driftedResource({ resource: PER_SERVICE, name: 'Support' });

/** A check of a file: the account-wide configuration drifted, two services, one of them drifted. */
const fileCheck = (overrides: Partial<RunResult> = {}) =>
  runResult({
    mode: 'check',
    file: FILE,
    resources: [driftedResource(), DRIFTED_SERVICE, serviceResource(OTHER_SERVICE)],
    ...overrides,
  });

describe('driftKey, the markers and issueTitle', () => {
  it.each<[string, RunResult, string, string]>([
    [
      'the account-wide configuration',
      driftedCheck(),
      `account:${ACCOUNT}`,
      `Twilio webhook drift: account-wide configuration of ${ACCOUNT}`,
    ],
    [
      'a service',
      driftedCheck({ resource: PER_SERVICE }),
      `service:${SERVICE}`,
      `Twilio webhook drift: Conversations service ${SERVICE}`,
    ],
    [
      'a desired-state file',
      fileCheck(),
      `file:${FILE} account:${ACCOUNT}`,
      `Twilio webhook drift: ${FILE} (account ${ACCOUNT})`,
    ],
    [
      'a desired-state file of one service',
      fileCheck({ resources: [DRIFTED_SERVICE] }),
      `file:${FILE} account:${ACCOUNT}`,
      `Twilio webhook drift: ${FILE} (account ${ACCOUNT})`,
    ],
  ])('keys and names the issue of %s', (_case, result, key, title) => {
    expect(driftKey(result)).toBe(key);
    expect(issueTitle(result)).toBe(title);
  });

  it('hides the key in an HTML comment, one kind for the issue, another for the plan', () => {
    expect(issueMarker(`account:${ACCOUNT}`)).toBe(
      `<!-- twilio-webhook-drift account:${ACCOUNT} -->`,
    );
    expect(planMarker(`account:${ACCOUNT}`)).toBe(
      `<!-- twilio-webhook-plan account:${ACCOUNT} -->`,
    );
  });
});

describe('issueBody', () => {
  it('starts with the marker and holds the verdict, the table, the run and the time given', () => {
    const result = driftedCheck({ resource: PER_SERVICE });
    const body = issueBody(result, RUN, CHECKED_AT);
    const lines = body.split('\n');
    expect(lines[0]).toBe(issueMarker(`service:${SERVICE}`));
    expect(lines[1]).toBe(
      `The live Twilio Conversations webhook configuration of account \`${ACCOUNT}\` no longer matches what the repository says: 1 resource drifted.`,
    );
    expect(body).toContain(
      `### configuration of service ${SERVICE}\n\n**The live configuration differs from the desired one in 2 fields; check mode changes nothing.**`,
    );
    expect(body).toContain(renderFieldTable(driftedResource({ resource: PER_SERVICE }), 'check'));
    expect(body).toContain(
      `Last checked by [Nightly drift check run 42](${RUN_URL}) at 2026-11-24T12:00:00.000Z.`,
    );
    expect(body).toContain('### How to fix it');
  });

  it('has a section for each drifted resource of a file, and none for those in sync', () => {
    const body = issueBody(fileCheck(), RUN, CHECKED_AT);
    expect(body.split('\n')[0]).toBe(issueMarker(driftKey(fileCheck())));
    expect(body).toContain(`no longer matches what \`${FILE}\` says: 2 resources drifted.`);
    expect(body.match(/^### .*$/gm)).toEqual([
      '### account-wide configuration',
      `### configuration of service ${SERVICE} (Support)`,
      '### How to fix it',
    ]);
    expect(body).not.toContain(OTHER_SERVICE);
  });

  it('tells the time it is given, not the clock’s', () => {
    expect(issueBody(driftedCheck(), RUN, new Date(0))).toContain('at 1970-01-01T00:00:00.000Z.');
  });

  it('escapes the workflow name, the file and a failure that holds markup', () => {
    const body = issueBody(
      fileCheck({
        file: 'a<b>.yml',
        resources: [driftedResource({ status: 'failed', failure: 'No <img src=x> [x](y)' })],
      }),
      { ...RUN, workflow: 'Drift](https://evil.example) <b>' },
      CHECKED_AT,
    );
    expect(body).toContain('**No &#60;img src=x&#62; &#91;x&#93;(y)**');
    expect(body).toContain('[Drift&#93;(https://evil.example) &#60;b&#62; run 42]');
    expect(body).toContain('what `a&#60;b&#62;.yml` says');
    // The marker keeps the key as it is, inside its HTML comment; nothing else is markup.
    expect(body.slice(body.indexOf('\n'))).not.toMatch(/<img|<b>|\[x\]/);
  });

  it('escapes a service’s name in its heading', () => {
    const hostile = driftedCheck({ resource: PER_SERVICE, name: '<img src=x onerror=alert(1)>' });
    for (const text of [
      issueBody(hostile, RUN, CHECKED_AT),
      driftIsBackComment(hostile, RUN),
      planComment(hostile, RUN),
    ]) {
      expect(text).not.toContain('<img');
    }
  });
});

describe('comments', () => {
  it('says the resources are back in sync, linking the run', () => {
    expect(backInSyncComment(RUN)).toBe(
      `Back in sync: ${RUN_URL} found the live configuration matching the desired one. Closing.`,
    );
  });

  it('says the drift is back, with the differences escaped', () => {
    const result = driftedCheck({
      diff: [{ field: 'post_webhook_url', actual: 'https://a.example/<x>', desired: null }],
    });
    expect(driftIsBackComment(result, RUN)).toBe(
      `Drift is back: ${RUN_URL} found the account-wide configuration: its live configuration differs in 1 field: post_webhook_url is &#34;https://a.example/&#60;x&#62;&#34; (desired null).`,
    );
  });

  it('names each resource whose drift is back, and no other', () => {
    expect(driftIsBackComment(fileCheck(), RUN)).toMatch(
      new RegExp(
        `^Drift is back: ${RUN_URL} found the account-wide configuration: its live configuration differs in 2 fields: .*; the configuration of service ${SERVICE} \\(Support\\): its live configuration differs in 2 fields: .*\\.$`,
      ),
    );
  });
});

describe('planComment', () => {
  it('shows what an apply would change, per resource, under its marker', () => {
    const comment = planComment(fileCheck(), RUN);
    const lines = comment.split('\n');
    expect(lines.slice(0, 4)).toEqual([
      planMarker(driftKey(fileCheck())),
      `## Twilio webhooks plan for \`${FILE}\``,
      '',
      '**An apply would change 2 resources** of 3:',
    ]);
    expect(comment.match(/^### .*$/gm)).toEqual([
      '### account-wide configuration',
      `### configuration of service ${SERVICE} (Support)`,
    ]);
    expect(comment).toContain(renderFieldTable(DRIFTED_SERVICE, 'check'));
    expect(lines.at(-1)).toBe(
      `Planned by [Nightly drift check run 42](${RUN_URL}); updated on every push.`,
    );
  });

  it('says there are no changes when every resource is in sync', () => {
    const comment = planComment(
      runResult({ mode: 'check', resources: [serviceResource(SERVICE)] }),
      RUN,
    );
    expect(comment.split('\n').slice(0, 4)).toEqual([
      planMarker(`service:${SERVICE}`),
      '## Twilio webhooks plan',
      '',
      '**No changes**: the live configuration of every resource matches the desired one.',
    ]);
    expect(comment).not.toContain('<table>');
  });

  it('escapes the file and the workflow name', () => {
    const comment = planComment(fileCheck({ file: 'x`<b>`.yml' }), {
      ...RUN,
      workflow: '<script>',
    });
    expect(comment.slice(comment.indexOf('\n'))).not.toMatch(/<b>|<script>/);
    expect(comment).toContain('plan for `x&#96;&#60;b&#62;&#96;.yml`');
  });
});
