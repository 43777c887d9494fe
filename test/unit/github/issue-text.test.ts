import { describe, expect, it } from 'vitest';
import { MAX_BODY_CHARACTERS } from '../../../src/core/budget.js';
import type { GitHubRun } from '../../../src/github/context.js';
import {
  backInSyncComment,
  driftChangedComment,
  driftIsBackComment,
  issueBody,
  issueTitle,
} from '../../../src/github/issue-text.js';
import {
  driftFingerprint,
  driftKey,
  fingerprintIn,
  issueMarker,
  planMarker,
  scopeOf,
  stillDrifts,
} from '../../../src/github/markers.js';
import { failedPlanComment, planComment } from '../../../src/github/plan-text.js';
import { renderFieldTable } from '../../../src/report/field-table.js';
import type { ResourceResult, RunResult, ServiceLevel } from '../../../src/model/result.js';
import {
  ACCOUNT,
  BLANK_CONFIG,
  driftedCheck,
  driftedResource,
  inSyncResource,
  OTHER_SERVICE,
  PER_SERVICE,
  resourceResult,
  runResult,
  SERVICE,
  serviceResource,
  addressLevel,
  listedAddresses,
  missingAddress,
} from '../fixtures.js';

const SHA = '0123456789abcdef0123456789abcdef01234567';
const RUN: GitHubRun = {
  apiUrl: 'https://api.github.com',
  serverUrl: 'https://github.com',
  repository: 'octo/app',
  runId: '42',
  workflow: 'Nightly drift check',
  pullRequest: undefined,
  headSha: undefined,
};
const PR_RUN: GitHubRun = { ...RUN, workflow: 'Plan', pullRequest: 7, headSha: SHA };
const RUN_URL = 'https://github.com/octo/app/actions/runs/42';
const RUN_LINK = `[Nightly drift check run 42](${RUN_URL})`;
const CHECKED_AT = new Date('2026-11-24T12:00:00.000Z');
const FILE = 'twilio/webhooks.yml';
const DRIFTED_SERVICE = driftedResource({ resource: PER_SERVICE, name: 'Support' });
/** Text from Twilio that would ping, link, render or leak if it were not made inert. */
const HOSTILE_NAME = '@octo-org/everyone #1 <img src=x> ![x](https://t.example/p.png)';
/**
 * A mention or an issue link that would work: not an entity (`&#60;`), not inside a word or after
 * a URL's hidden user info (`***@host`), and without the zero-width space that breaks it.
 */
const LIVE_MENTION = /(?<![&\w*])[@#](?!&#8203;)[\w-]/;
const TOKEN_URL = 'https://hooks.example.com/in?token=LIVE-QUERY-TOKEN';

/** A check of a file: the account-wide configuration drifted, two services, one of them drifted. */
const fileCheck = (overrides: Partial<RunResult> = {}) =>
  runResult({
    mode: 'check',
    file: FILE,
    resources: [driftedResource(), DRIFTED_SERVICE, serviceResource(OTHER_SERVICE)],
    ...overrides,
  });

/** `n` services whose post_webhook_url drifted, as a check of a file finds them. */
function manyDrifted(n: number, mode: RunResult['mode'] = 'check'): RunResult {
  return runResult({
    mode,
    file: FILE,
    resources: Array.from({ length: n }, (_, i) =>
      driftedResource({
        resource: { kind: 'service', serviceSid: `IS${String(i).padStart(32, '0')}` },
        name: `Service number ${String(i)}`,
        diff: [
          { field: 'method', actual: 'GET', desired: 'POST' },
          {
            field: 'post_webhook_url',
            actual: 'https://old.example.com/post',
            desired: `https://new.example.com/services/${String(i)}/post`,
          },
        ],
      }),
    ),
  });
}

const service = (overrides: Partial<ServiceLevel>): ServiceLevel => ({
  sid: OTHER_SERVICE,
  name: 'Pilot',
  managed: false,
  fires: 'service',
  config: undefined,
  addresses: [],
  ...overrides,
});

describe('scopes, keys, markers and titles', () => {
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
    expect(driftKey(scopeOf(result))).toBe(key);
    expect(issueTitle(result)).toBe(title);
  });

  it('keys a scope made from settings as the result of its run', () => {
    expect(driftKey({ accountSid: ACCOUNT, file: undefined, resource: PER_SERVICE })).toBe(
      driftKey(scopeOf(driftedCheck({ resource: PER_SERVICE }))),
    );
  });

  it('hides the key in an HTML comment, one kind for the issue, another for the plan', () => {
    expect(issueMarker(`account:${ACCOUNT}`)).toBe(
      `<!-- twilio-webhook-drift account:${ACCOUNT} -->`,
    );
    expect(planMarker(`account:${ACCOUNT}`)).toBe(
      `<!-- twilio-webhook-plan account:${ACCOUNT} -->`,
    );
  });

  it('keeps a file name from ending the hidden comment early', () => {
    const marker = planMarker(driftKey(scopeOf(fileCheck({ file: 'a--><img src=x>.yml' }))));
    expect(marker.match(/>/g)).toHaveLength(1);
    expect(marker.endsWith(' -->')).toBe(true);
  });

  it('makes a title inert: no mention, no link, one line, within GitHub’s 256 characters', () => {
    const title = issueTitle(fileCheck({ file: `@octo-org/team #12\n${'x'.repeat(300)}.yml` }));
    expect(title).toContain('@\u200bocto-org/team #\u200b12 x');
    expect(title).not.toMatch(/[@#][^\u200b]/);
    expect(title).not.toContain('\n');
    expect(title).toHaveLength(256);
    expect(title.endsWith('…')).toBe(true);
  });
});

describe('stillDrifts and the fingerprint of the drift', () => {
  it('after a check, what differs; after an apply, what the apply did not bring in sync', () => {
    expect(stillDrifts(driftedResource())).toBe(true);
    expect(stillDrifts(inSyncResource())).toBe(false);
    expect(stillDrifts(resourceResult({ status: 'updated' }))).toBe(false);
    expect(stillDrifts(resourceResult({ status: 'failed', changed: false }))).toBe(true);
    expect(stillDrifts(resourceResult({ status: 'skipped', changed: false }))).toBe(true);
    expect(stillDrifts(resourceResult({ status: 'failed', diff: [] }))).toBe(false);
  });

  it('changes with the set of drifted fields, and with nothing else', () => {
    const base = driftFingerprint(fileCheck());
    expect(base).toMatch(/^[0-9a-f]{16}$/);
    const otherValues = fileCheck({
      resources: [
        driftedResource({
          diff: [
            { field: 'method', actual: 'POST', desired: 'GET' },
            { field: 'post_webhook_url', actual: null, desired: 'https://x.example' },
          ],
        }),
        serviceResource(OTHER_SERVICE),
        DRIFTED_SERVICE,
      ],
    });
    expect(driftFingerprint(otherValues)).toBe(base);
    const fewerFields = fileCheck({
      resources: [driftedResource({ diff: [{ field: 'method', actual: 'GET', desired: 'POST' }] })],
    });
    expect(driftFingerprint(fewerFields)).not.toBe(base);
    const updated = runResult({ resources: [resourceResult(), DRIFTED_SERVICE] });
    expect(driftFingerprint(updated)).not.toBe(driftFingerprint(runResult({ resources: [] })));
    expect(driftFingerprint(updated)).toBe(
      driftFingerprint(runResult({ resources: [DRIFTED_SERVICE] })),
    );
  });

  it('is kept in the issue body, where it is found again', () => {
    const body = issueBody(fileCheck(), RUN, CHECKED_AT);
    expect(fingerprintIn(body)).toBe(driftFingerprint(fileCheck()));
    expect(fingerprintIn('<!-- twilio-webhook-drift account:AC1 -->\nearlier drift')).toBe(
      undefined,
    );
  });
});

describe('issueBody', () => {
  it('starts with the marker and holds the verdict, the table, the run and the time given', () => {
    const result = driftedCheck({ resource: PER_SERVICE });
    const body = issueBody(result, RUN, CHECKED_AT);
    const lines = body.split('\n');
    expect(lines[0]).toBe(issueMarker(`service:${SERVICE}`));
    expect(lines[1]).toBe(`<!-- twilio-webhook-drift-fields ${driftFingerprint(result)} -->`);
    expect(lines[2]).toBe(
      `The live Twilio Conversations webhook configuration of account <code>${ACCOUNT}</code> no longer matches what the repository says: 1 resource drifted.`,
    );
    expect(body).toContain(
      `### configuration of service ${SERVICE}\n\n**The live configuration differs from the desired one in 2 fields; check mode changes nothing.**`,
    );
    expect(body).toContain(renderFieldTable(driftedResource({ resource: PER_SERVICE }), 'check'));
    expect(body).toContain(`Last checked by ${RUN_LINK} at 2026-11-24T12:00:00.000Z.`);
    expect(body).toContain('### How to fix it');
  });

  it('names a missing address as drift, and the addresses around the file that need a look', () => {
    const result = fileCheck({
      resources: [missingAddress()],
      addresses: listedAddresses(
        addressLevel(),
        addressLevel({
          address: 'off@example.com',
          enabled: false,
          dangling: true,
          serviceSid: 'IS0gone',
        }),
      ),
    });
    const body = issueBody(result, RUN, CHECKED_AT);
    expect(body).toContain(
      '### Address Configuration of +15005550010\n\n**It does not exist in Twilio yet; check mode changes nothing, and an apply creates it with 1 field.**',
    );
    expect(body).toContain(
      [
        `**1 Address Configuration not in <code>${FILE}</code> auto-creates conversations:**`,
        '',
        `- <code>+15005550006</code>: in service ${OTHER_SERVICE} (Sales), with webhook https://***@&#8203;hooks.example.com/auto?token=***`,
        '',
        '**1 Address Configuration points at a service this account does not have:**',
        '',
        '- <code>off@example.com</code>: <code>IS0gone</code>',
      ].join('\n'),
    );
    expect(body.indexOf('Address Configuration points at')).toBeLessThan(
      body.indexOf('### How to fix it'),
    );
  });

  it('has a section for each drifted resource of a file, and counts those in sync', () => {
    const body = issueBody(fileCheck(), RUN, CHECKED_AT);
    expect(body.split('\n')[0]).toBe(issueMarker(driftKey(scopeOf(fileCheck()))));
    expect(body).toContain(
      `no longer matches what <code>${FILE}</code> says: 2 resources drifted, 1 in sync.`,
    );
    expect(body.match(/^### .*$/gm)).toEqual([
      '### account-wide configuration',
      `### configuration of service ${SERVICE} (Support)`,
      '### How to fix it',
    ]);
    expect(body).not.toContain(OTHER_SERVICE);
  });

  it('after an apply, lists what the apply left differing, with the table of an apply', () => {
    const failed = driftedResource({ status: 'failed', failure: 'Twilio answered 500.' });
    const result = runResult({ file: FILE, resources: [resourceResult(), failed] });
    const body = issueBody(result, RUN, CHECKED_AT);
    expect(body).toContain(
      `An apply left the live Twilio Conversations webhook configuration of account <code>${ACCOUNT}</code> different from what <code>${FILE}</code> says: 1 resource still differs, 1 in sync.`,
    );
    expect(body).toContain('**Twilio answered 500.**');
    expect(body).toContain(renderFieldTable(failed, 'apply'));
    expect(body.match(/^### .*$/gm)).toHaveLength(2);
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
    expect(body).toContain('what <code>a&#60;b&#62;.yml</code> says');
    // The marker keeps the key inside its HTML comment; nothing else is markup.
    expect(body.slice(body.indexOf('\n'))).not.toMatch(/<img|<b>|\[x\]/);
  });

  it('keeps a name and an error from Twilio inert, and shows a URL in an error as showUrl does', () => {
    const hostile = driftedCheck({
      resource: PER_SERVICE,
      name: HOSTILE_NAME,
      status: 'failed',
      failure: `Twilio refused ${TOKEN_URL} for @octo-org/admins, see #3`,
    });
    const body = issueBody(hostile, RUN, CHECKED_AT);
    expect(body).not.toMatch(LIVE_MENTION);
    expect(body).not.toMatch(/<img|!\[x\]/);
    expect(body).not.toContain('LIVE-QUERY-TOKEN');
    expect(body).toContain('https://hooks.example.com/in?token=***');
  });

  it('fits GitHub’s limit with 500 drifted services: the first in full, then how many more', () => {
    const body = issueBody(manyDrifted(500), RUN, CHECKED_AT);
    expect(body.length).toBeLessThanOrEqual(MAX_BODY_CHARACTERS);
    const shown = body.match(/^### configuration of service /gm)?.length ?? 0;
    expect(shown).toBeGreaterThan(50);
    expect(body).toContain('500 resources drifted.');
    expect(body).toContain(
      `…and ${String(500 - shown)} more resources, left out to stay within GitHub's limit on an issue: the summary of ${RUN_LINK} lists every one.`,
    );
    expect(body).toContain('### How to fix it');
    expect(fingerprintIn(body)).toBe(driftFingerprint(manyDrifted(500)));
  });
});

describe('measured as shown', () => {
  it('fits every long body by the size it is given: what GitHub counts once secrets are shown', () => {
    // As secrets.show makes a text longer: a value from the file shown as its `${NAME}`.
    const shown = (text: string) =>
      text.replaceAll('new.example.com', '${A_RATHER_LONG_NAME_FOR_THE_HOST}').length;
    const many = manyDrifted(500);
    for (const body of [
      issueBody(many, RUN, CHECKED_AT, shown),
      planComment(many, PR_RUN, shown),
      driftIsBackComment(many, RUN, shown),
    ]) {
      expect(shown(body)).toBeLessThanOrEqual(MAX_BODY_CHARACTERS);
      expect(shown(body)).toBeGreaterThan(body.length);
    }
  });
});

describe('comments on the drift issue', () => {
  it('says the resources are back in sync, linking the run that found it', () => {
    expect(backInSyncComment(driftedCheck(), RUN)).toBe(
      `Back in sync: ${RUN_LINK} found the live configuration matching the desired one. Closing.`,
    );
  });

  it('names the apply that brought everything in sync', () => {
    expect(backInSyncComment(runResult(), { ...RUN, workflow: 'Deploy' })).toBe(
      `Fixed by [Deploy run 42](${RUN_URL}): after the apply, every resource has its desired configuration. Closing.`,
    );
  });

  it('says the drift is back, with the differences inert', () => {
    const result = driftedCheck({
      diff: [{ field: 'post_webhook_url', actual: 'https://a.example/<x>@y', desired: null }],
    });
    expect(driftIsBackComment(result, RUN)).toBe(
      `Drift is back: ${RUN_LINK} found 1 resource differing from the desired configuration:\n\n- the account-wide configuration: its live configuration differs in 1 field: post_webhook_url is &#34;https://a.example/&#60;x&#62;@&#8203;y&#34; (desired null).\n`,
    );
  });

  it('names each resource whose drift is back, and no other', () => {
    const comment = driftIsBackComment(fileCheck(), RUN);
    expect(comment.match(/^- the .*?:/gm)).toEqual([
      '- the account-wide configuration:',
      `- the configuration of service ${SERVICE} (Support):`,
    ]);
  });

  it('lists the fields that drift now when they changed', () => {
    expect(driftChangedComment(fileCheck(), RUN)).toBe(
      [
        `The drift changed: ${RUN_LINK} found these fields differing (the issue's body has the values):`,
        '',
        '- the account-wide configuration: <code>method</code>, <code>post_webhook_url</code>',
        `- the configuration of service ${SERVICE} (Support): <code>method</code>, <code>post_webhook_url</code>`,
        '',
      ].join('\n'),
    );
  });

  it('fits GitHub’s limit however many resources it names', () => {
    const many = manyDrifted(5_000);
    for (const comment of [driftIsBackComment(many, RUN), driftChangedComment(many, RUN)]) {
      expect(comment.length).toBeLessThanOrEqual(MAX_BODY_CHARACTERS);
      expect(comment).toMatch(/- …and \d+ more resources: \[Nightly drift check run 42\]/);
    }
  });
});

describe('planComment', () => {
  it('names the commit, what merging applies, and the tables of what changes', () => {
    const comment = planComment(fileCheck(), PR_RUN);
    const lines = comment.split('\n');
    expect(lines.slice(0, 6)).toEqual([
      planMarker(driftKey(scopeOf(fileCheck()))),
      `## Twilio webhooks plan for <code>${FILE}</code>`,
      '',
      `Planned for commit [\`0123456\`](https://github.com/octo/app/commit/${SHA}) by [Plan run 42](${RUN_URL}).`,
      '',
      '**Merging applies 4 changes to 2 resources**; 1 already in sync.',
    ]);
    expect(comment.match(/^### .*$/gm)).toEqual([
      '### account-wide configuration',
      `### configuration of service ${SERVICE} (Support)`,
    ]);
    expect(comment).toContain(renderFieldTable(DRIFTED_SERVICE, 'check'));
    expect(lines.at(-1)).toBe('Updated on every push to this pull request.');
  });

  it('says there are no changes when every resource is in sync', () => {
    const comment = planComment(
      runResult({ mode: 'check', resources: [serviceResource(SERVICE)] }),
      PR_RUN,
    );
    expect(comment.split('\n').slice(4, 6)).toEqual([
      '',
      '**No changes**: the live configuration of every resource matches the desired one, so merging changes nothing in Twilio.',
    ]);
    expect(comment).not.toContain('<table>');
  });

  it('says who planned it when the commit is not known', () => {
    expect(planComment(fileCheck(), RUN)).toContain(`\nPlanned by ${RUN_LINK}.\n`);
  });

  it('puts what removes or reroutes webhooks first: cleared URLs or filters, a new target', () => {
    const result = fileCheck({
      resources: [
        driftedResource({
          diff: [
            { field: 'method', actual: 'GET', desired: 'POST' },
            { field: 'pre_webhook_url', actual: 'https://a.example/pre', desired: null },
            { field: 'post_webhook_url', actual: 'https://a.example/post', desired: 'https://b' },
            { field: 'target', actual: 'webhook', desired: 'flex' },
          ],
        }),
        driftedResource({
          resource: PER_SERVICE,
          name: 'Support',
          diff: [{ field: 'filters', actual: ['onMessageAdded'], desired: [] }],
        }),
      ],
    });
    const comment = planComment(result, PR_RUN);
    const warning = [
      '⚠️ **3 changes remove or reroute webhooks:**',
      '',
      '- <code>pre_webhook_url</code> of the account-wide configuration is cleared',
      '- <code>target</code> of the account-wide configuration changes from <code>webhook</code> to <code>flex</code>',
      `- <code>filters</code> of the configuration of service ${SERVICE} (Support) is cleared`,
      '',
    ].join('\n');
    expect(comment).toContain(warning);
    expect(comment.indexOf(warning)).toBeLessThan(comment.indexOf('<table>'));
    expect(planComment(fileCheck(), PR_RUN)).not.toContain('remove or reroute');
  });

  it('says which addresses merging creates or turns off, and those nobody declared or whose service is gone', () => {
    const turnedOff = driftedResource({
      resource: { kind: 'address', address: '+15005550006', addressType: 'sms', sid: 'IG1' },
      name: 'Support line',
      desired: { 'auto_creation.enabled': 'false' },
      diff: [{ field: 'auto_creation.enabled', actual: 'true', desired: 'false' }],
    });
    const result = runResult({
      mode: 'check',
      file: FILE,
      resources: [missingAddress(), turnedOff],
      addresses: listedAddresses(
        addressLevel({ address: '@octo-org/everyone' }),
        addressLevel({
          address: '+15005550099',
          managed: true,
          dangling: true,
          serviceSid: 'IS0dead',
        }),
        addressLevel({
          address: 'off@example.com',
          enabled: false,
          dangling: true,
          serviceSid: 'IS0gone',
        }),
      ),
    });
    const comment = planComment(result, PR_RUN);
    expect(comment).toContain(
      '**Merging applies 2 changes to 2 resources** (creating 1 Address Configuration).',
    );
    expect(comment).toContain(
      '### Address Configuration of +15005550010\n\nDoes not exist yet: merging creates it.\n',
    );
    // A creation takes nothing away: only the address turned off is flagged.
    expect(comment).toContain(
      [
        '⚠️ **1 change removes or reroutes webhooks:**',
        '',
        '- <code>auto_creation.enabled</code> of the Address Configuration of +15005550006 (Support line) changes from <code>true</code> to <code>false</code>',
      ].join('\n'),
    );
    expect(comment).toContain(
      [
        `**1 Address Configuration not in <code>${FILE}</code> auto-creates conversations:**`,
        '',
        `- <code>@octo-org/everyone</code>: in service ${OTHER_SERVICE} (Sales), with webhook https://***@&#8203;hooks.example.com/auto?token=***`,
        '',
        '**2 Address Configurations point at a service this account does not have:**',
        '',
        '- <code>+15005550099</code>: <code>IS0dead</code>',
        '- <code>off@example.com</code>: <code>IS0gone</code>',
      ].join('\n'),
    );
    // An address is shown as Twilio has it, inside <code>, where GitHub links no mention (a
    // zero-width space would go along with a copied address); everywhere else it is inert.
    expect(comment.replace(/<code>[^<]*<\/code>/g, '')).not.toMatch(LIVE_MENTION);
  });

  it('lists ten removals at most, and counts the rest', () => {
    const comment = planComment(
      runResult({
        mode: 'check',
        resources: Array.from({ length: 12 }, (_, i) =>
          driftedResource({
            resource: { kind: 'service', serviceSid: `IS${String(i).padStart(32, '0')}` },
            diff: [{ field: 'post_webhook_url', actual: 'https://a.example', desired: null }],
          }),
        ),
      }),
      PR_RUN,
    );
    expect(comment).toContain('⚠️ **12 changes remove or reroute webhooks:**');
    expect(comment.match(/is cleared$/gm)).toHaveLength(10);
    expect(comment).toContain('\n- …and 2 more\n');
  });

  it('names the services whose own hooks override the account-wide ones, URLs shown safely', () => {
    const result = fileCheck({
      services: {
        listed: true,
        services: [
          service({ sid: SERVICE, managed: true }),
          service({ fires: 'account', sid: 'IS0000000000000000000000000000000a' }),
          service({
            name: HOSTILE_NAME,
            config: {
              ...BLANK_CONFIG,
              chat_service_sid: OTHER_SERVICE,
              pre_webhook_url: 'https://user:PRE-PASSWORD@pre.example.com/hook',
              post_webhook_url: TOKEN_URL,
            },
          }),
        ],
      },
    });
    const comment = planComment(result, PR_RUN);
    expect(comment).toContain(
      `**1 service not in <code>${FILE}</code> overrides the account-wide webhooks:** for its conversations only its own hooks fire, whatever merging does to the account-wide configuration.`,
    );
    const item = comment.split('\n').find((line) => line.startsWith(`- <code>${OTHER_SERVICE}`));
    expect(item).toContain(
      ': pre-webhook-url <code>https://***@pre.example.com/hook</code>, post-webhook-url <code>https://hooks.example.com/in?token=***</code>',
    );
    expect(comment).not.toMatch(/PRE-PASSWORD|LIVE-QUERY-TOKEN|<img|!\[x\]/);
    expect(comment).not.toMatch(LIVE_MENTION);
    expect(comment).not.toContain('IS0000000000000000000000000000000a');
  });

  it('says when the services could not be listed', () => {
    const comment = planComment(
      fileCheck({ services: { listed: false, problem: 'Twilio answered 403 @admins' } }),
      PR_RUN,
    );
    expect(comment).toContain(
      '⚠️ Could not check for services that override the account-wide webhooks: Twilio answered 403 @&#8203;admins.',
    );
  });

  it('escapes the file and the workflow name', () => {
    const comment = planComment(fileCheck({ file: 'x`<b>`.yml' }), {
      ...RUN,
      workflow: '<script>',
    });
    expect(comment.slice(comment.indexOf('\n'))).not.toMatch(/<b>|<script>/);
    expect(comment).toContain('plan for <code>x&#96;&#60;b&#62;&#96;.yml</code>');
  });

  it('fits GitHub’s limit with 500 services that would change', () => {
    const comment = planComment(manyDrifted(500), PR_RUN);
    expect(comment.length).toBeLessThanOrEqual(MAX_BODY_CHARACTERS);
    const shown = comment.match(/^### /gm)?.length ?? 0;
    expect(shown).toBeGreaterThan(50);
    expect(comment).toContain('**Merging applies 1000 changes to 500 resources**.');
    expect(comment).toContain(
      `…and ${String(500 - shown)} more resources that merging changes, left out to stay within GitHub's limit on a comment`,
    );
  });
});

describe('failedPlanComment', () => {
  const scope = { accountSid: ACCOUNT, file: FILE, resource: undefined };

  it('replaces the plan under the same marker: for which commit, why, and what it means', () => {
    const comment = failedPlanComment(scope, PR_RUN, 'twilio/webhooks.yml, line 3: bad key.');
    expect(comment.split('\n')).toEqual([
      planMarker(driftKey(scopeOf(fileCheck()))),
      `## Twilio webhooks plan for <code>${FILE}</code>`,
      '',
      `❌ **The plan failed** for commit [\`0123456\`](https://github.com/octo/app/commit/${SHA}) in [Plan run 42](${RUN_URL}): twilio/webhooks.yml, line 3: bad key.`,
      '',
      'What merging would change is not known: an earlier plan on this pull request no longer holds. Fix the cause and push again, or re-run the workflow.',
    ]);
  });

  it('keeps the failure inert, its URLs shown safely, and short', () => {
    const comment = failedPlanComment(
      scope,
      PR_RUN,
      `Twilio answered 503 for ${TOKEN_URL}: <img src=x> @octo-org/team ${'x'.repeat(10_000)}`,
    );
    expect(comment).not.toMatch(/LIVE-QUERY-TOKEN|<img/);
    expect(comment).not.toMatch(LIVE_MENTION);
    expect(comment).toContain('token=***');
    expect(comment.length).toBeLessThan(3_000);
  });
});

describe('every body, whatever the resources hold', () => {
  it('never carries a markup element from Twilio', () => {
    const hostile: ResourceResult = driftedResource({ resource: PER_SERVICE, name: HOSTILE_NAME });
    const result = runResult({ mode: 'check', resources: [hostile] });
    for (const text of [
      issueBody(result, RUN, CHECKED_AT),
      driftIsBackComment(result, RUN),
      driftChangedComment(result, RUN),
      planComment(result, PR_RUN),
    ]) {
      expect(text).not.toMatch(/<img|!\[x\]/);
      expect(text).not.toMatch(LIVE_MENTION);
    }
  });
});
