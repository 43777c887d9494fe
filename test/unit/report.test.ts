import { describe, expect, it } from 'vitest';
import { OUTPUTS } from '../../src/contract.js';
import type { RunResult, Verdict } from '../../src/reconcile.js';
import { outputsFor, renderFieldTable, renderSummary, verdictLine } from '../../src/report.js';
import type { WebhookConfig } from '../../src/webhook-config.js';

const ACCOUNT = 'AC0123456789abcdef0123456789abcdef';
const SERVICE = 'IS00112233445566778899aabbccddeeff';

const BEFORE: WebhookConfig = {
  account_sid: ACCOUNT,
  method: 'GET',
  filters: ['onMessageAdded'],
  pre_webhook_url: null,
  post_webhook_url: 'https://old.example.com/post',
  target: 'webhook',
  url: 'https://conversations.twilio.com/v1/Configuration/Webhooks',
};
const AFTER: WebhookConfig = {
  ...BEFORE,
  method: 'POST',
  filters: ['onMessageAdded', 'onParticipantAdded'],
  post_webhook_url: 'https://new.example.com/post',
};

/** An apply run that changed method and post_webhook_url, with target managed and in sync. */
function result(overrides: Partial<RunResult> = {}): RunResult {
  return {
    mode: 'apply',
    resource: { kind: 'account' },
    accountSid: ACCOUNT,
    desired: {
      method: 'POST',
      post_webhook_url: 'https://new.example.com/post',
      target: 'webhook',
    },
    previous: BEFORE,
    diff: [
      { field: 'method', actual: 'GET', desired: 'POST' },
      {
        field: 'post_webhook_url',
        actual: 'https://old.example.com/post',
        desired: 'https://new.example.com/post',
      },
    ],
    current: AFTER,
    verdict: 'updated',
    changed: true,
    ...overrides,
  };
}

/** The rows of the table's body, each as its list of cell contents. */
function rows(table: string): string[][] {
  const body = /<tbody>(.*)<\/tbody>/s.exec(table)?.[1] ?? '';
  return [...body.matchAll(/<tr>(.*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<td>(.*?)<\/td>/g)].map((cell) => cell[1] ?? ''),
  );
}

function headers(table: string): string[] {
  return [...table.matchAll(/<th>(.*?)<\/th>/g)].map((h) => h[1] ?? '');
}

describe('outputsFor', () => {
  it('sets exactly the outputs of action.yml, all as strings', () => {
    const outputs = outputsFor(result());
    expect(Object.keys(outputs).sort()).toEqual([...OUTPUTS].sort());
    for (const value of Object.values(outputs)) expect(typeof value).toBe('string');
  });

  it('gives JSON outputs that parse back to the run’s values', () => {
    const outputs = outputsFor(result());
    expect(JSON.parse(outputs.diff)).toEqual(result().diff);
    expect(JSON.parse(outputs.previous)).toEqual(BEFORE);
    expect(JSON.parse(outputs.config)).toEqual(AFTER);
  });

  it('describes the configuration after the run in the per-field outputs', () => {
    const outputs = outputsFor(result());
    expect(outputs).toMatchObject({
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
    });
  });

  it('describes `current` even when it is the live state of a drifted check run', () => {
    const outputs = outputsFor(
      result({ mode: 'check', verdict: 'drifted', changed: false, current: BEFORE }),
    );
    expect(outputs.changed).toBe('false');
    expect(outputs.drifted).toBe('true');
    expect(outputs.method).toBe('GET');
    expect(outputs['post-webhook-url']).toBe('https://old.example.com/post');
    expect(JSON.parse(outputs.config)).toEqual(BEFORE);
  });

  it('reports no drift and an empty diff when in sync', () => {
    const outputs = outputsFor(
      result({ diff: [], verdict: 'in-sync', changed: false, current: BEFORE }),
    );
    expect(outputs.drifted).toBe('false');
    expect(outputs.changed).toBe('false');
    expect(JSON.parse(outputs.diff)).toEqual([]);
  });

  it('gives empty strings for a never-configured resource', () => {
    const blank: WebhookConfig = {
      account_sid: null,
      chat_service_sid: null,
      method: null,
      filters: null,
      pre_webhook_url: null,
      post_webhook_url: null,
      target: null,
      url: null,
    };
    const outputs = outputsFor(result({ current: blank }));
    for (const name of [
      'account-sid',
      'chat-service-sid',
      'filters',
      'method',
      'pre-webhook-url',
      'post-webhook-url',
      'target',
      'url',
    ] as const) {
      expect(outputs[name]).toBe('');
    }
    expect(JSON.parse(outputs.config)).toEqual(blank);
  });

  it('gives the service SID for a per-service configuration', () => {
    const current: WebhookConfig = { ...AFTER, chat_service_sid: SERVICE };
    const outputs = outputsFor(
      result({ resource: { kind: 'service', serviceSid: SERVICE }, current }),
    );
    expect(outputs['chat-service-sid']).toBe(SERVICE);
  });

  it.each(['opened', 'updated', 'reopened', 'closed', 'none'] as const)(
    'gives the drift issue’s URL when it was %s',
    (action) => {
      const url = 'https://github.com/o/r/issues/7';
      expect(outputsFor(result(), { action, url })['drift-issue-url']).toBe(url);
    },
  );

  it('gives no drift issue URL when keeping the issue failed', () => {
    expect(outputsFor(result(), { action: 'failed', error: 'no' })['drift-issue-url']).toBe('');
  });
});

describe('verdictLine', () => {
  it('says an in-sync run sent nothing', () => {
    expect(verdictLine(result({ verdict: 'in-sync', diff: [], changed: false }))).toBe(
      'The live configuration matches the desired one; nothing was sent.',
    );
  });

  it('counts the drifted fields, saying check mode changes nothing', () => {
    expect(verdictLine(result({ mode: 'check', verdict: 'drifted', changed: false }))).toBe(
      'The live configuration differs from the desired one in 2 fields; check mode changes nothing.',
    );
    expect(
      verdictLine(result({ mode: 'check', verdict: 'drifted', diff: result().diff.slice(0, 1) })),
    ).toBe(
      'The live configuration differs from the desired one in 1 field; check mode changes nothing.',
    );
    expect(verdictLine(result({ mode: 'apply', verdict: 'drifted' }))).toBe(
      'The live configuration differs in 2 fields.',
    );
  });

  it('counts the updated fields', () => {
    expect(verdictLine(result())).toBe(
      "Updated 2 fields; Twilio's answer matches the desired configuration.",
    );
    expect(verdictLine(result({ diff: result().diff.slice(1) }))).toBe(
      "Updated 1 field; Twilio's answer matches the desired configuration.",
    );
  });

  it('gives the failure of a failed run, or a generic line', () => {
    expect(verdictLine(result({ verdict: 'failed', failure: 'Twilio said no.' }))).toBe(
      'Twilio said no.',
    );
    expect(verdictLine(result({ verdict: 'failed' }))).toBe('The run failed.');
  });
});

describe('renderSummary', () => {
  it.each<[Verdict, string]>([
    ['in-sync', '✅ In sync'],
    ['drifted', '⚠️ Drifted'],
    ['updated', '✏️ Updated'],
    ['failed', '❌ Failed'],
  ])('heads a %s run with %s and its verdict line', (verdict, headline) => {
    const run = result({ verdict, failure: 'Something failed.' });
    const summary = renderSummary(run);
    expect(summary.split('\n')[0]).toBe(`## Twilio Conversations webhooks: ${headline}`);
    expect(summary).toContain(`**${verdictLine(run).replace(/'/g, '&#39;')}**`);
  });

  it('names the resource, the account and the mode', () => {
    expect(renderSummary(result())).toContain(
      `Resource: account-wide configuration of account <code>${ACCOUNT}</code> · mode: apply`,
    );
    expect(
      renderSummary(result({ mode: 'check', resource: { kind: 'service', serviceSid: SERVICE } })),
    ).toContain(
      `configuration of service ${SERVICE} of account <code>${ACCOUNT}</code> · mode: check`,
    );
  });

  it('contains the field table', () => {
    expect(renderSummary(result())).toContain(renderFieldTable(result()));
  });

  it('escapes a failure that holds markup', () => {
    const summary = renderSummary(
      result({ verdict: 'failed', failure: 'Bad <img src=x onerror=alert(1)> [link](x)' }),
    );
    expect(summary).not.toContain('<img');
    expect(summary).not.toContain('[link]');
    expect(summary).toContain('&#60;img src=x onerror=alert(1)&#62;');
  });

  it('adds a line about the drift issue when there is one', () => {
    expect(
      renderSummary(result(), { action: 'opened', url: 'https://github.com/o/r/issues/7' }),
    ).toContain(
      'Drift issue: opened <a href="https://github.com/o/r/issues/7">https://github.com/o/r/issues/7</a>',
    );
    expect(renderSummary(result(), { action: 'none', url: '' })).toContain(
      'Drift issue: none open, none needed.',
    );
    expect(renderSummary(result(), { action: 'failed', error: 'GitHub <said> no' })).toContain(
      'Drift issue: ❌ GitHub &#60;said&#62; no',
    );
    expect(renderSummary(result())).not.toContain('Drift issue');
  });
});

describe('renderFieldTable', () => {
  it('has a row per managed field only, in summary order, marking the differing ones', () => {
    const table = renderFieldTable(result());
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
    const table = renderFieldTable(
      result({ mode: 'check', verdict: 'drifted', changed: false, current: BEFORE }),
    );
    expect(headers(table)).toEqual(['', 'Field', 'Live', 'Desired']);
    expect(table).not.toContain('After');
    const body = rows(table);
    expect(body.map((row) => row.length)).toEqual([4, 4, 4]);
    expect(body.map((row) => row[0])).toEqual(['⚠️', '⚠️', '✅']);
  });

  it('shows a list, an empty list and a missing value distinctly', () => {
    const table = renderFieldTable(
      result({
        desired: { filters: [], pre_webhook_url: null },
        previous: { ...BEFORE, filters: ['onMessageAdd', 'onMessageAdded'], pre_webhook_url: '' },
        current: { ...BEFORE, filters: null, pre_webhook_url: null },
        diff: [{ field: 'filters', actual: ['onMessageAdd', 'onMessageAdded'], desired: [] }],
      }),
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
      result({
        desired: { post_webhook_url: hostile, filters: ['<b>onMessageAdded</b>'] },
        previous: { ...BEFORE, post_webhook_url: hostile },
        current: { ...BEFORE, post_webhook_url: `${hostile}</td></tr>` },
        diff: [],
      }),
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

  it('escapes the whole summary the same way', () => {
    const hostile = 'https://x.example/<script>|`x`';
    const summary = renderSummary(
      result({
        desired: { post_webhook_url: hostile },
        previous: { ...BEFORE, post_webhook_url: hostile },
        current: { ...BEFORE, post_webhook_url: hostile },
      }),
    );
    expect(summary).not.toContain('<script>');
    expect(summary).not.toContain('|');
    expect(summary).not.toContain('`');
  });
});
