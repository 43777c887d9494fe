import { describe, expect, it } from 'vitest';
import { OUTPUTS } from '../../../src/config/contract.js';
import type { ProbeResult } from '../../../src/model/result.js';
import { renderFieldTable } from '../../../src/report/field-table.js';
import { outputsFor, outputsForAborted, outputsForExport } from '../../../src/report/outputs.js';
import {
  renderAbortedSummary,
  renderExportSummary,
  renderSummary,
} from '../../../src/report/summary.js';
import {
  describeResult,
  driftWarnings,
  failureOf,
  resourceHeading,
  verdictLine,
} from '../../../src/report/verdict.js';
import type {
  GitHubOutcome,
  GitHubOutcomes,
  ResourceResult,
  RunResult,
  AddressesReport,
  ServicesReport,
  Status,
} from '../../../src/model/result.js';
import { escapeHtml } from '../../../src/core/text.js';
import type { LiveConfig, Resource } from '../../../src/model/webhook-config.js';
import {
  ACCOUNT,
  ACCOUNT_CONFIG as BEFORE,
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
  listed,
  service,
  single,
  tableHeaders as headers,
  tableRows as rows,
  UPDATED_CONFIG as AFTER,
} from '../fixtures.js';

const ISSUE_URL = 'https://github.com/o/r/issues/7';
const COMMENT_URL = 'https://github.com/o/r/pull/3#issuecomment-9';
const NO_GITHUB: GitHubOutcomes = { driftIssue: undefined, prComment: undefined };
const PER_FIELD = [
  'account-sid',
  'chat-service-sid',
  'filters',
  'method',
  'pre-webhook-url',
  'post-webhook-url',
  'target',
  'url',
] as const;
const FILE = 'twilio/webhooks.yml';
const ADDRESS_SID = 'IG0123456789abcdef0123456789abcdef';

const outputs = (result: RunResult, gitHub: Partial<GitHubOutcomes> = {}) =>
  outputsFor(result, { ...NO_GITHUB, ...gitHub });
const summary = (result: RunResult, gitHub: Partial<GitHubOutcomes> = {}) =>
  renderSummary(result, { ...NO_GITHUB, ...gitHub });

/** The account-wide resource updated, one service drifted and one in sync, from a file. */
function fileRun(overrides: Partial<RunResult> = {}): RunResult {
  return runResult({
    file: FILE,
    resources: [
      serviceResource(SERVICE, {
        status: 'failed',
        failure: 'Twilio said no.',
        diff: [
          { field: 'post_webhook_url', actual: null, desired: 'https://new.example.com/post' },
        ],
      }),
      resourceResult(),
      serviceResource(OTHER_SERVICE, { name: 'Sales' }),
    ],
    ...overrides,
  });
}

function probeResult(overrides: Partial<ProbeResult> = {}): ProbeResult {
  return {
    url: 'https://pr-42.example.com/post',
    passed: true,
    attempts: 1,
    lastStatus: 200,
    lastProblem: undefined,
    elapsedMs: 250,
    ...overrides,
  };
}

describe('outputsFor', () => {
  it('sets exactly the outputs of action.yml, all as strings', () => {
    const all = outputs(single());
    expect(Object.keys(all).sort()).toEqual([...OUTPUTS].sort());
    for (const value of Object.values(all)) expect(typeof value).toBe('string');
  });

  it('gives JSON outputs that parse back to the run’s values, each diff naming its resource', () => {
    const all = outputs(single());
    expect(JSON.parse(all.diff)).toEqual(
      resourceResult().diff.map((d) => ({ resource: 'account', ...d })),
    );
    expect(JSON.parse(all.resources)).toEqual([
      {
        kind: 'account',
        resource: 'account',
        sid: ACCOUNT,
        status: 'updated',
        diff: resourceResult().diff,
        reason: null,
      },
    ]);
    expect(JSON.parse(all.previous)).toEqual(BEFORE);
    expect(JSON.parse(all.config)).toEqual(AFTER);
    expect(JSON.parse(all.probed)).toEqual([]);
  });

  it('describes the configuration after the run in the per-field outputs', () => {
    expect(outputs(single())).toMatchObject({
      changed: 'true',
      drifted: 'true',
      'account-sid': ACCOUNT,
      'chat-service-sid': '',
      filters: 'onMessageAdded,onParticipantAdded',
      method: 'POST',
      'pre-webhook-url': '',
      'post-webhook-url': 'https://new.example.com/post',
      target: 'webhook',
      url: 'https://conversations.twilio.com/v1/Configuration/Webhooks',
      'drift-issue-url': '',
      'config-file': '',
      skipped: 'false',
    });
  });

  it('describes `current` even when it is the live state of a drifted check run', () => {
    const all = outputs(driftedCheck());
    expect(all).toMatchObject({
      changed: 'false',
      drifted: 'true',
      method: 'GET',
      'post-webhook-url': 'https://old.example.com/post',
    });
    expect(JSON.parse(all.config)).toEqual(BEFORE);
  });

  it('reports an address still to be created as drift, even with no field set yet', () => {
    const missing = { ...missingAddress(), diff: [] };
    const all = outputs(runResult({ mode: 'check', resources: [missing] }));
    expect(all.drifted).toBe('true');
    expect(JSON.parse(all.resources)).toEqual([
      {
        kind: 'address',
        resource: '+15005550010',
        sid: null,
        name: null,
        status: 'drifted',
        diff: [],
        reason: null,
      },
    ]);
  });

  it('reports no drift and an empty diff when in sync', () => {
    expect(outputs(runResult({ resources: [inSyncResource()] }))).toMatchObject({
      drifted: 'false',
      changed: 'false',
      diff: '[]',
    });
  });

  it('gives empty strings for a never-configured resource', () => {
    const all = outputs(single({ current: BLANK_CONFIG }));
    for (const name of PER_FIELD) expect(all[name]).toBe('');
    expect(JSON.parse(all.config)).toEqual(BLANK_CONFIG);
  });

  it('gives no configuration at all when the state after the run is unknown', () => {
    const all = outputs(
      single({ status: 'failed', changed: false, current: undefined, failure: 'lost' }),
    );
    expect(all.config).toBe('');
    for (const name of PER_FIELD) expect(all[name]).toBe('');
    expect(JSON.parse(all.previous)).toEqual(BEFORE);
    expect(all.drifted).toBe('true');
  });

  it('gives the service SID and name for a per-service configuration', () => {
    const current: LiveConfig = { ...AFTER, chat_service_sid: SERVICE };
    const all = outputs(single({ resource: PER_SERVICE, name: 'Support', current }));
    expect(all['chat-service-sid']).toBe(SERVICE);
    expect(JSON.parse(all.diff)).toMatchObject([{ resource: SERVICE }, { resource: SERVICE }]);
    expect(JSON.parse(all.resources)).toMatchObject([
      { kind: 'service', resource: SERVICE, sid: SERVICE, name: 'Support', status: 'updated' },
    ]);
    expect(JSON.parse(outputs(single({ resource: PER_SERVICE })).resources)).toMatchObject([
      { name: null },
    ]);
  });

  it.each<[string, string | undefined, LiveConfig | undefined, string | null]>([
    ['its SID', ADDRESS_SID, undefined, ADDRESS_SID],
    ['the SID it was created with', undefined, { sid: ADDRESS_SID }, ADDRESS_SID],
    ['null before it is created', undefined, undefined, null],
  ])('names an Address Configuration by its address, with %s', (_case, sid, current, expected) => {
    const resource: Resource = {
      kind: 'address',
      address: 'whatsapp:+15005550006',
      addressType: 'whatsapp',
      sid,
    };
    const all = outputs(single({ resource, name: 'Support line', diff: [], current }));
    expect(JSON.parse(all.resources)).toMatchObject([
      { kind: 'address', resource: 'whatsapp:+15005550006', sid: expected, name: 'Support line' },
    ]);
  });

  it('covers every resource of a file, and describes the account-wide one in the per-field outputs', () => {
    const all = outputs(fileRun());
    expect(all).toMatchObject({ changed: 'true', drifted: 'true', method: 'POST' });
    expect(JSON.parse(all.previous)).toEqual(BEFORE);
    expect(JSON.parse(all.diff)).toMatchObject([
      { resource: SERVICE, field: 'post_webhook_url' },
      { resource: 'account', field: 'method' },
      { resource: 'account', field: 'post_webhook_url' },
    ]);
    expect(JSON.parse(all.resources)).toMatchObject([
      { resource: SERVICE, sid: SERVICE, name: 'Support', status: 'failed' },
      { resource: 'account', sid: ACCOUNT, status: 'updated' },
      { resource: OTHER_SERVICE, sid: OTHER_SERVICE, name: 'Sales', status: 'in-sync' },
    ]);
  });

  it('leaves the per-field outputs empty when the file does not manage the account-wide one', () => {
    const all = outputs(runResult({ file: FILE, resources: [serviceResource(SERVICE)] }));
    expect(all.previous).toBe('');
    expect(all.config).toBe('');
    for (const name of PER_FIELD) expect(all[name]).toBe('');
    expect(JSON.parse(all.resources)).toHaveLength(1);
  });

  it('gives every probe and whether only-if-live skipped the run', () => {
    const all = outputs(
      single(
        {},
        {
          probed: [
            probeResult(),
            probeResult({ passed: false, attempts: 3, lastStatus: null, elapsedMs: 12_000 }),
          ],
          skipped: 'Held by someone else.',
        },
      ),
    );
    expect(JSON.parse(all.probed)).toEqual([
      { url: 'https://pr-42.example.com/post', passed: true, attempts: 1, status: 200, ms: 250 },
      {
        url: 'https://pr-42.example.com/post',
        passed: false,
        attempts: 3,
        status: null,
        ms: 12_000,
      },
    ]);
    expect(all.skipped).toBe('true');
  });

  it.each(['opened', 'updated', 'reopened', 'closed', 'none'] as const)(
    'gives the drift issue’s URL when it was %s',
    (action) => {
      expect(outputs(single(), { driftIssue: { action, url: ISSUE_URL } })['drift-issue-url']).toBe(
        ISSUE_URL,
      );
    },
  );

  it('gives no drift issue URL when keeping the issue failed, nor a comment’s', () => {
    expect(
      outputs(single(), {
        driftIssue: { action: 'failed', error: 'no' },
        prComment: { action: 'created', url: COMMENT_URL },
      })['drift-issue-url'],
    ).toBe('');
  });
});

describe('outputsForAborted and outputsForExport', () => {
  it('says nothing changed, was probed or skipped, and leaves every other output empty', () => {
    const all = outputsForAborted();
    expect(Object.keys(all).sort()).toEqual([...OUTPUTS].sort());
    expect(Object.entries(all).filter(([, value]) => value !== '')).toEqual([
      ['changed', 'false'],
      ['probed', '[]'],
      ['skipped', 'false'],
    ]);
  });

  it('gives the file an export wrote, and nothing else', () => {
    expect(
      outputsForExport({ file: FILE, services: 2, addresses: 1, withCredentials: [] }),
    ).toEqual({
      ...outputsForAborted(),
      'config-file': FILE,
    });
  });
});

describe('resourceHeading and describeResult', () => {
  it.each<[Partial<ResourceResult>, string]>([
    [{}, 'account-wide configuration'],
    [{ resource: PER_SERVICE, name: 'Support' }, `configuration of service ${SERVICE} (Support)`],
    [{ resource: PER_SERVICE, name: '' }, `configuration of service ${SERVICE}`],
    [{ resource: PER_SERVICE, name: undefined }, `configuration of service ${SERVICE}`],
  ])('heads %j as %j', (overrides, heading) => {
    expect(resourceHeading(resourceResult(overrides))).toBe(heading);
  });

  it.each<[Partial<ResourceResult>, RunResult['mode'], string]>([
    [
      { status: 'in-sync' },
      'apply',
      'The live configuration matches the desired one; nothing was sent.',
    ],
    [
      { status: 'drifted' },
      'check',
      'The live configuration differs from the desired one in 2 fields; check mode changes nothing.',
    ],
    [{ status: 'drifted' }, 'apply', 'The live configuration differs in 2 fields.'],
    [
      { status: 'updated', diff: resourceResult().diff.slice(1) },
      'apply',
      "Updated 1 field; Twilio's answer matches the desired configuration.",
    ],
    [{ status: 'skipped', notes: ['Held elsewhere.', 'More.'] }, 'apply', 'Held elsewhere.'],
    [{ status: 'skipped' }, 'apply', 'Left as it is.'],
    [{ status: 'failed', failure: 'Twilio said no.' }, 'apply', 'Twilio said no.'],
    [{ status: 'failed' }, 'apply', 'The run failed.'],
  ])('describes %j in %s mode', (overrides, mode, line) => {
    expect(describeResult(resourceResult(overrides), mode)).toBe(line);
  });
});

describe('verdictLine', () => {
  it('describes the one resource of a run', () => {
    expect(verdictLine(driftedCheck())).toBe(describeResult(driftedResource(), 'check'));
    expect(verdictLine(single())).toBe(
      "Updated 2 fields; Twilio's answer matches the desired configuration.",
    );
  });

  it('gives why only-if-live skipped the run, and appends the run’s failures', () => {
    expect(verdictLine(single({ status: 'skipped' }, { skipped: 'Held by PR 41.' }))).toBe(
      'Held by PR 41.',
    );
    expect(verdictLine(single({}, { failures: ['A probe failed.', 'Another.'] }))).toBe(
      "Updated 2 fields; Twilio's answer matches the desired configuration. A probe failed. Another.",
    );
  });

  const three = (statuses: Status[], overrides: Partial<RunResult> = {}) =>
    runResult({
      resources: statuses.map((status) => resourceResult({ status })),
      ...overrides,
    });

  it.each<[Status[], RunResult['mode'], string]>([
    [['in-sync', 'in-sync'], 'apply', 'All 2 resources match the desired state; nothing was sent.'],
    [
      ['drifted', 'in-sync', 'drifted'],
      'check',
      '2 of 3 resources differ from the desired state; check mode changes nothing.',
    ],
    [['drifted', 'in-sync'], 'apply', '1 of 2 resources differ from the desired state.'],
    [
      ['updated', 'in-sync', 'skipped'],
      'apply',
      'Updated 1 of 3 resources; every answer matches the desired configuration.',
    ],
    [['failed', 'updated', 'in-sync'], 'apply', '1 of 3 resources failed, 1 updated.'],
    [['failed', 'failed'], 'apply', '2 of 2 resources failed.'],
    [['skipped', 'in-sync'], 'apply', 'Nothing was sent.'],
  ])('counts the resources of a run of %j in %s mode', (statuses, mode, line) => {
    expect(verdictLine(three(statuses, { mode }))).toBe(line);
  });

  it('gives the run’s failures and only-if-live’s reason in a run of many', () => {
    expect(verdictLine(three(['failed', 'in-sync'], { failures: ['Unmanaged.'] }))).toBe(
      '1 of 2 resources failed. Unmanaged.',
    );
    expect(verdictLine(three(['skipped', 'skipped'], { skipped: 'Held.' }))).toBe('Held.');
  });

  it('does not say that 0 resources failed when the run failed as a whole', () => {
    expect(verdictLine(three(['in-sync', 'in-sync'], { failures: ['Unmanaged.'] }))).not.toMatch(
      /^0 of/,
    );
  });
});

describe('failureOf', () => {
  it.each<[string, RunResult, Partial<GitHubOutcomes>, string | undefined]>([
    ['a run that succeeded', single(), {}, undefined],
    [
      'a run whose issue and comment were kept',
      single(),
      {
        driftIssue: { action: 'opened', url: ISSUE_URL },
        prComment: { action: 'created', url: COMMENT_URL },
      },
      undefined,
    ],
    ['a failed resource', single({ status: 'failed', failure: 'Run failed.' }), {}, 'Run failed.'],
    [
      'a failed drift issue and comment',
      single(),
      {
        driftIssue: { action: 'failed', error: 'GitHub: 403.' },
        prComment: { action: 'failed', error: 'GitHub: 404.' },
      },
      'GitHub: 403. GitHub: 404.',
    ],
    [
      'all of them, the resource first, then the run, then GitHub',
      single({ failure: 'Drifted.' }, { failures: ['Probe failed.'] }),
      { driftIssue: { action: 'failed', error: 'GitHub: 403.' } },
      'Drifted. Probe failed. GitHub: 403.',
    ],
    [
      'a run of many, naming the resource',
      fileRun(),
      {},
      `configuration of service ${SERVICE} (Support): Twilio said no.`,
    ],
  ])('gives the reasons of %s', (_case, run, gitHub, reasons) => {
    expect(failureOf(run, { ...NO_GITHUB, ...gitHub })).toBe(reasons);
  });
});

describe('driftWarnings', () => {
  it('describes the drift of each resource of a check that does not fail on it', () => {
    const run = driftedCheck(
      {},
      { resources: [driftedResource(), driftedResource({ resource: PER_SERVICE, name: 'S' })] },
    );
    const drift =
      'The live configuration differs from the desired one in 2 fields; check mode changes nothing. ' +
      'configuration differs in 2 fields: method is "GET" (desired "POST"); ' +
      'post_webhook_url is "https://old.example.com/post" (desired "https://new.example.com/post").';
    expect(driftWarnings(run)).toEqual([
      `account-wide configuration: ${drift}`,
      `configuration of service ${SERVICE} (S): ${drift}`,
    ]);
  });

  it.each([
    ['a check that fails on the drift', driftedCheck({ failure: 'drifted' })],
    ['an apply run', single({ status: 'drifted' })],
    ['a check in sync', driftedCheck({ status: 'in-sync', diff: [] })],
  ])('is empty for %s', (_case, run) => {
    expect(driftWarnings(run)).toEqual([]);
  });
});

describe('renderSummary', () => {
  it.each<[Status, string]>([
    ['in-sync', '✅ In sync'],
    ['drifted', '⚠️ Drifted'],
    ['updated', '✏️ Updated'],
    ['skipped', '⏭️ Skipped'],
    ['failed', '❌ Failed'],
  ])('heads a %s run with %s and its verdict line', (status, headline) => {
    const run = single({ status, failure: 'Something failed.' });
    const markdown = summary(run);
    expect(markdown.split('\n')[0]).toBe(`## Twilio Conversations webhooks: ${headline}`);
    expect(markdown).toContain(`**${escapeHtml(verdictLine(run))}**`);
  });

  it('names the account, the mode, the file and the resource', () => {
    expect(summary(single())).toContain(
      `Account <code>${ACCOUNT}</code> · mode: apply\n\nResource: account-wide configuration\n`,
    );
    expect(summary(driftedCheck({ resource: PER_SERVICE, name: 'Support' }))).toContain(
      `· mode: check\n\nResource: configuration of service ${SERVICE} (Support)`,
    );
    expect(summary(fileRun())).toContain(
      `Account <code>${ACCOUNT}</code> · mode: apply · desired state: <code>${FILE}</code>`,
    );
  });

  it('contains the field table of the mode', () => {
    expect(summary(single())).toContain(renderFieldTable(resourceResult(), 'apply'));
    expect(summary(driftedCheck())).toContain(renderFieldTable(driftedResource(), 'check'));
  });

  it('gives each note a paragraph of its own, escaped', () => {
    expect(summary(single({ notes: ['Answer <lost>.', 'Second\n\nnote.'] }))).toContain(
      '\n\nAnswer &#60;lost&#62;.\n\nSecond&#10;&#10;note.\n\n',
    );
  });

  it('gives each resource of many that needs a look a section, and folds those in sync into one', () => {
    const markdown = summary(fileRun());
    expect(markdown).not.toContain('Resource: ');
    expect(markdown.match(/<details(?: open)?>/g)).toEqual([
      '<details open>',
      '<details open>',
      '<details>',
    ]);
    expect(markdown).toContain(
      `<details open><summary>❌ Failed: configuration of service ${SERVICE} (Support)</summary>\n\nTwilio said no.\n\n`,
    );
    expect(markdown).toContain(
      `<details><summary>✅ In sync: 1 resource</summary>\n\nconfiguration of service ${OTHER_SERVICE} (Sales)\n`,
    );
    expect(markdown.match(/<\/details>/g)).toHaveLength(3);
  });

  it('keeps 500 drifted services within GitHub’s 1 MiB, saying how many sections were left out', () => {
    const long = 'https://hooks.example.com/' + 'p'.repeat(2_500);
    const resources = Array.from({ length: 500 }, (_, i) =>
      serviceResource(`IS${String(i).padStart(32, '0')}`, {
        status: 'drifted',
        desired: { post_webhook_url: long },
        diff: [{ field: 'post_webhook_url', actual: null, desired: long }],
      }),
    );
    const markdown = summary(fileRun({ mode: 'check', resources }));
    expect(Buffer.byteLength(markdown)).toBeLessThanOrEqual(1024 * 1024);
    expect(markdown).toMatch(
      /…and \d+ more sections, left out to keep the summary within GitHub's 1 MiB/,
    );
    expect(markdown).toContain(`IS${'0'.repeat(32)}`);
  });

  it('says how each probe went', () => {
    const markdown = summary(
      single(
        {},
        {
          probed: [
            probeResult(),
            probeResult({
              url: 'https://x.example/<b>',
              passed: false,
              attempts: 3,
              lastStatus: null,
              lastProblem: 'connection <refused>',
              elapsedMs: 12_040,
            }),
            probeResult({ passed: false, lastStatus: null, lastProblem: undefined }),
          ],
        },
      ),
    );
    expect(markdown).toContain(
      'Probe: ✅ <code>https://pr-42.example.com/post</code> answered after 1 attempt (last answer: 200, 0.3 s)\n',
    );
    expect(markdown).toContain(
      'Probe: ❌ <code>https://x.example/&#60;b&#62;</code> did not pass after 3 attempts (last answer: connection &#60;refused&#62;, 12.0 s)\n',
    );
    expect(markdown).toContain('did not pass after 1 attempt (last answer: none, 0.3 s)');
  });

  it('lists every service and whose hooks fire for it', () => {
    const markdown = summary(
      single(
        {},
        {
          services: listed(
            service({ name: '<i>Sales</i>' }),
            service({ sid: SERVICE, name: 'Support', managed: true }),
            service({ sid: 'IS1', name: 'Quiet', fires: 'account' }),
          ),
        },
      ),
    );
    const table = markdown.slice(markdown.lastIndexOf('<table>'));
    expect(headers(table)).toEqual(['Service', 'Name', 'Declared', 'Hooks that fire']);
    expect(rows(table)).toEqual([
      [
        `<code>${OTHER_SERVICE}</code>`,
        '&#60;i&#62;Sales&#60;/i&#62;',
        '⚠️ no',
        'its own (overrides the account-wide)',
      ],
      [`<code>${SERVICE}</code>`, 'Support', 'yes', 'its own (overrides the account-wide)'],
      ['<code>IS1</code>', 'Quiet', 'no', 'the account-wide'],
    ]);
  });

  it.each<[ServicesReport, string]>([
    [{ listed: false, problem: 'a <403>' }, 'Services: ⚠️ not checked: a &#60;403&#62;.'],
    [listed(), 'Services: none in this account.'],
  ])('says what it knows of the services (%j)', (services, line) => {
    expect(summary(single({}, { services }))).toContain(`\n${line}\n`);
  });

  it('lists every address and where a message to it goes, and per service the addresses into it', () => {
    const markdown = summary(
      runResult({
        resources: [missingAddress()],
        mode: 'check',
        services: listed(
          service({
            addresses: ['+15005550006', ...Array.from({ length: 6 }, (_, i) => `+1${i}`)],
          }),
        ),
        addresses: listedAddresses(
          addressLevel({ managed: true, address: 'a@example.com', autoCreationType: 'default' }),
          addressLevel({
            address: '@octo <b>',
            serviceSid: 'IS0dead',
            serviceName: undefined,
            dangling: true,
          }),
          addressLevel(),
          addressLevel({
            address: '+15005550010',
            sid: undefined,
            managed: true,
            enabled: false,
            serviceSid: null,
            webhookUrl: null,
          }),
          addressLevel({ address: 'off@example.com', enabled: false, serviceSid: null }),
        ),
      }),
    );
    const services = markdown.slice(markdown.indexOf('**Services'), markdown.indexOf('**Address'));
    expect(headers(services).at(-1)).toBe('Addresses that auto-create into it');
    // Five are named, the rest counted: the addresses table has every one.
    expect(rows(services)[0]?.at(-1)).toBe(
      '<code>+15005550006</code>, <code>+10</code>, <code>+11</code>, <code>+12</code>, <code>+13</code>, and 2 more',
    );
    const addresses = markdown.slice(markdown.indexOf('**Address Configurations'));
    expect(headers(addresses)).toEqual([
      'Address',
      'Declared',
      'Auto-creation',
      'Conversations in',
      'Webhook',
    ]);
    // Those a person must look at first: nobody declared them and they auto-create, or their service is gone.
    expect(rows(addresses)).toEqual([
      [
        '<code>@octo &#60;b&#62;</code>',
        '⚠️ no',
        'on (webhook)',
        '<code>IS0dead</code> ⚠️ not a service of this account',
        '<code>https://***@hooks.example.com/auto?token=***</code>',
      ],
      [
        '<code>+15005550006</code>',
        '⚠️ no',
        'on (webhook)',
        `<code>${OTHER_SERVICE}</code> (Sales)`,
        '<code>https://***@hooks.example.com/auto?token=***</code>',
      ],
      [
        '<code>a@example.com</code>',
        'yes',
        'on (default)',
        `<code>${OTHER_SERVICE}</code> (Sales)`,
        '',
      ],
      ['<code>+15005550010</code>', 'yes', '<em>not created</em>', '', ''],
      [
        '<code>off@example.com</code>',
        'no',
        'off',
        "the account's default service",
        '<code>https://***@hooks.example.com/auto?token=***</code>',
      ],
    ]);
    expect(markdown).toContain(
      'It does not exist in Twilio yet; check mode changes nothing, and an apply creates it with 1 field.',
    );
  });

  it.each<[AddressesReport, string]>([
    [
      { listed: false, problem: 'a <403>' },
      'Address Configurations: ⚠️ not checked: a &#60;403&#62;.',
    ],
    [listedAddresses(), 'Address Configurations: none in this account.'],
  ])('says what it knows of the addresses (%j)', (addresses, line) => {
    expect(summary(single({}, { addresses }))).toContain(`\n${line}\n`);
  });

  it('says nothing of the services when they were not looked at', () => {
    expect(summary(single())).not.toContain('Services');
  });

  it('escapes a failure that holds markup', () => {
    const markdown = summary(
      single({ status: 'failed', failure: 'Bad <img src=x onerror=alert(1)> [link](x)' }),
    );
    expect(markdown).not.toContain('<img');
    expect(markdown).not.toContain('[link]');
    expect(markdown).toContain('&#60;img src=x onerror=alert(1)&#62;');
  });

  it.each<[keyof GitHubOutcomes, GitHubOutcome, string]>([
    [
      'driftIssue',
      { action: 'opened', url: ISSUE_URL },
      `Drift issue: opened <a href="${ISSUE_URL}">${ISSUE_URL}</a>`,
    ],
    ['driftIssue', { action: 'none', url: '' }, 'Drift issue: none needed.'],
    [
      'driftIssue',
      { action: 'failed', error: 'GitHub <said> no' },
      'Drift issue: ❌ GitHub &#60;said&#62; no',
    ],
    [
      'driftIssue',
      { action: 'closed', url: 'https://x.example/"><script>' },
      'Drift issue: closed <a href="https://x.example/&#34;&#62;&#60;script&#62;">',
    ],
    [
      'prComment',
      { action: 'created', url: COMMENT_URL },
      `Pull-request comment: created <a href="${COMMENT_URL}">${COMMENT_URL}</a>`,
    ],
    ['prComment', { action: 'failed', error: 'no' }, 'Pull-request comment: ❌ no'],
  ])('adds a line about the %s %j', (which, outcome, line) => {
    expect(summary(single(), { [which]: outcome })).toContain(`\n${line}`);
  });

  it('adds no GitHub line without a drift issue or comment', () => {
    const markdown = summary(single());
    expect(markdown).not.toContain('Drift issue');
    expect(markdown).not.toContain('Pull-request comment');
  });

  it('shows every URL with its user info and query values as ***, however short the password', () => {
    const url = `https://hooks:p&<>"'w@app.example/post?x-vercel-protection-bypass=tok`;
    const run = single({
      desired: { post_webhook_url: url },
      previous: { ...BEFORE, post_webhook_url: url },
      current: { ...BEFORE, post_webhook_url: url },
      diff: [],
    });
    const markdown = summary(run);
    expect(markdown).not.toContain('p&');
    expect(markdown).not.toContain('=tok');
    expect(markdown).toContain(
      '<code>https://***@app.example/post?x-vercel-protection-bypass=***</code>',
    );
  });

  it('escapes the whole summary the same way', () => {
    const hostile = 'https://x.example/<script>|`x`';
    const markdown = summary(
      fileRun({
        file: 'a|`b`<script>.yml',
        resources: [
          resourceResult({
            desired: { post_webhook_url: hostile },
            previous: { ...BEFORE, post_webhook_url: hostile },
            current: { ...BEFORE, post_webhook_url: hostile },
            notes: [hostile],
          }),
          serviceResource(SERVICE, { name: hostile }),
        ],
      }),
    );
    expect(markdown).not.toContain('<script>');
    expect(markdown).not.toContain('|');
    expect(markdown).not.toContain('`');
  });
});

describe('renderAbortedSummary and renderExportSummary', () => {
  it('gives the failure, escaped, and says nothing was changed, with the mode when known', () => {
    expect(renderAbortedSummary({ mode: 'check', failure: "Input 'mode' <bad>" })).toBe(
      '## Twilio Conversations webhooks: ❌ Failed\n\n**Input &#39;mode&#39; &#60;bad&#62;**\n\nNothing was changed · mode: check.\n',
    );
    expect(renderAbortedSummary({ mode: undefined, failure: 'x' })).toContain(
      '\nNothing was changed.\n',
    );
  });

  it.each([
    [1, 1, '1 service and 1 Address Configuration'],
    [3, 0, '3 services and 0 Address Configurations'],
    [0, 2, '0 services and 2 Address Configurations'],
  ])(
    'says an export of %d service(s) and %d address(es) wrote the file and sent nothing',
    (services, addresses, counted) => {
      expect(
        renderExportSummary({ file: 'a<b>.yml', services, addresses, withCredentials: [] }),
      ).toBe(
        `## Twilio Conversations webhooks: 📤 Exported\n\n**Wrote the live account-wide configuration, ${counted} to <code>a&#60;b&#62;.yml</code>; nothing was sent to Twilio.**\n`,
      );
    },
  );
});

describe('renderFieldTable', () => {
  it('has a row per managed field only, in summary order, marking the differing ones', () => {
    const table = renderFieldTable(resourceResult(), 'apply');
    expect(headers(table)).toEqual(['', 'Field', 'Before', 'Desired', 'After']);
    expect(rows(table)).toEqual([
      ['✏️', '<code>method</code>', '<code>GET</code>', '<code>POST</code>', '<code>POST</code>'],
      [
        '✏️',
        '<code>post_webhook_url</code>',
        '<code>https://old.example.com/post</code>',
        '<code>https://new.example.com/post</code>',
        '<code>https://new.example.com/post</code>',
      ],
      [
        '✅',
        '<code>target</code>',
        '<code>webhook</code>',
        '<code>webhook</code>',
        '<code>webhook</code>',
      ],
    ]);
    expect(table).not.toContain('<code>filters</code>');
    expect(table).not.toContain('<code>pre_webhook_url</code>');
  });

  it('has no After column in check mode, and marks drift with a warning sign', () => {
    const table = renderFieldTable(driftedResource(), 'check');
    expect(headers(table)).toEqual(['', 'Field', 'Live', 'Desired']);
    expect(table).not.toContain('After');
    const body = rows(table);
    expect(body.map((row) => row.length)).toEqual([4, 4, 4]);
    expect(body.map((row) => row[0])).toEqual(['⚠️', '⚠️', '✅']);
  });

  it('shows an unknown state after the run as unknown', () => {
    const table = renderFieldTable(resourceResult({ current: undefined }), 'apply');
    expect(rows(table).map((row) => row[4])).toEqual([
      '<em>unknown</em>',
      '<em>unknown</em>',
      '<em>unknown</em>',
    ]);
  });

  it('shows a list, an empty list and a missing value distinctly', () => {
    const table = renderFieldTable(
      resourceResult({
        desired: { filters: [], pre_webhook_url: null },
        previous: { ...BEFORE, filters: ['onMessageAdd', 'onMessageAdded'], pre_webhook_url: '' },
        current: { ...BEFORE, filters: null, pre_webhook_url: null },
        diff: [{ field: 'filters', actual: ['onMessageAdd', 'onMessageAdded'], desired: [] }],
      }),
      'apply',
    );
    expect(rows(table)).toEqual([
      [
        '✏️',
        '<code>filters</code>',
        '<code>onMessageAdd</code>, <code>onMessageAdded</code>',
        '<em>none</em>',
        '<em>not set</em>',
      ],
      [
        '✅',
        '<code>pre_webhook_url</code>',
        '<em>not set</em>',
        '<em>not set</em>',
        '<em>not set</em>',
      ],
    ]);
  });

  it('escapes values so that they cannot inject markup or break the table', () => {
    const hostile = 'https://x.example/<script>alert("x")</script>|`code`|[a](b)&amp;\\';
    const table = renderFieldTable(
      resourceResult({
        desired: { post_webhook_url: hostile, filters: ['<b>onMessageAdded</b>'] },
        previous: { ...BEFORE, post_webhook_url: hostile },
        current: { ...BEFORE, post_webhook_url: `${hostile}</td></tr>` },
        diff: [],
      }),
      'apply',
    );
    expect(table).not.toMatch(/<script|<\/script|<b>/);
    expect(table).not.toContain('|');
    expect(table).not.toContain('`');
    expect(table).not.toContain('[a]');
    expect(table).not.toContain('"x"');
    expect(table).toContain('&#60;script&#62;');
    expect(table).toContain('&#38;amp;');
    // The table keeps its shape: two rows of five cells.
    expect(rows(table).map((row) => row.length)).toEqual([5, 5]);
    expect(table.match(/<tr>/g)).toHaveLength(3);
    expect(table.match(/<\/td>/g)).toHaveLength(10);
  });

  it('keeps a value with blank lines inside its cell', () => {
    const table = renderFieldTable(
      resourceResult({
        previous: { ...BEFORE, post_webhook_url: 'x\n\n# Injected heading\n\n<script>' },
        diff: [],
      }),
      'apply',
    );
    const body = /<tbody>(.*)<\/tbody>/s.exec(table)?.[1] ?? '';
    expect(body).not.toMatch(/[\r\n]/);
    expect(table.split('\n')).toHaveLength(4);
    expect(rows(table)[1]?.[2]).toBe(
      '<code>x&#10;&#10;# Injected heading&#10;&#10;&#60;script&#62;</code>',
    );
  });
});
