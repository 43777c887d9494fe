import { describe, expect, it } from 'vitest';
import { OUTPUTS } from '../../src/contract.js';
import type { RunResult } from '../../src/reconcile.js';
import { failureOf, outputsFor, renderSummary, verdictLine } from '../../src/report.js';

const ACCOUNT = 'AC0e1d2c3b4a59687766554433221100ff';
const BEFORE = {
  account_sid: ACCOUNT,
  method: 'GET',
  filters: ['onMessageAdded'],
  pre_webhook_url: null,
  post_webhook_url: 'https://old.example.com/post',
  target: 'webhook',
  url: 'https://conversations.twilio.com/v1/Configuration/Webhooks',
};
const AFTER = { ...BEFORE, method: 'POST' };

function result(overrides: Partial<RunResult> = {}): RunResult {
  return {
    mode: 'apply',
    resource: { kind: 'account' },
    accountSid: ACCOUNT,
    desired: { method: 'POST', post_webhook_url: 'https://old.example.com/post' },
    previous: BEFORE,
    diff: [{ field: 'method', actual: 'GET', desired: 'POST' }],
    current: AFTER,
    verdict: 'updated',
    changed: true,
    ...overrides,
  };
}

describe('outputsFor', () => {
  it('sets every output of action.yml', () => {
    expect(Object.keys(outputsFor(result())).sort()).toEqual([...OUTPUTS].sort());
  });

  it('describes the state after the run, with JSON that parses back', () => {
    const outputs = outputsFor(result());
    expect(outputs.changed).toBe('true');
    expect(outputs.drifted).toBe('true');
    expect(JSON.parse(outputs.diff)).toEqual(result().diff);
    expect(JSON.parse(outputs.previous)).toEqual(BEFORE);
    expect(JSON.parse(outputs.config)).toEqual(AFTER);
    expect(outputs.method).toBe('POST');
    expect(outputs.filters).toBe('onMessageAdded');
    expect(outputs['pre-webhook-url']).toBe('');
    expect(outputs['chat-service-sid']).toBe('');
    expect(outputs['drift-issue-url']).toBe('');
  });

  it('gives the drift issue’s URL when there is one', () => {
    const outputs = outputsFor(result(), { action: 'opened', url: 'https://github.example/i/1' });
    expect(outputs['drift-issue-url']).toBe('https://github.example/i/1');
  });
});

describe('renderSummary', () => {
  it.each([
    ['in-sync', '✅ In sync'],
    ['drifted', '⚠️ Drifted'],
    ['updated', '✏️ Updated'],
    ['failed', '❌ Failed'],
  ] as const)('heads a %s run with %s', (verdict, headline) => {
    expect(renderSummary(result({ verdict }))).toContain(
      `## Twilio Conversations webhooks: ${headline}`,
    );
  });

  it('has a row per managed field only, the differing one marked', () => {
    const summary = renderSummary(result());
    expect(summary).toContain('<td>✏️</td><td><code>method</code></td>');
    expect(summary).toContain('<td>✅</td><td><code>post_webhook_url</code></td>');
    expect(summary).not.toContain('<code>filters</code>');
    expect(summary).toContain('<th>After</th>');
  });

  it('has no After column in check mode', () => {
    const summary = renderSummary(result({ mode: 'check', verdict: 'drifted', current: BEFORE }));
    expect(summary).not.toContain('<th>After</th>');
    expect(summary).toContain('<th>Live</th>');
    expect(summary).toContain('<td>⚠️</td><td><code>method</code></td>');
  });

  it('escapes values so that they cannot inject markup or break the table', () => {
    const hostile = 'https://x.example/<script>alert(1)</script>|`x`[a](b)';
    const summary = renderSummary(
      result({
        desired: { post_webhook_url: hostile },
        previous: { ...BEFORE, post_webhook_url: hostile },
      }),
    );
    expect(summary).not.toContain('<script>');
    expect(summary).not.toMatch(/\|`x`/);
    expect(summary).toContain('&#60;script&#62;');
  });

  it('names the service for a per-service configuration', () => {
    const summary = renderSummary(
      result({ resource: { kind: 'service', serviceSid: 'IS1234567890abcdef1234567890abcdef' } }),
    );
    expect(summary).toContain('configuration of service IS1234567890abcdef1234567890abcdef');
  });
});

describe('verdictLine and failureOf', () => {
  it('says what happened in one line', () => {
    expect(verdictLine(result({ verdict: 'in-sync', diff: [] }))).toMatch(/nothing was sent/);
    expect(verdictLine(result({ mode: 'check', verdict: 'drifted' }))).toMatch(
      /differs from the desired one in 1 field; check mode changes nothing/,
    );
    expect(verdictLine(result())).toBe(
      'Updated 1 field; Twilio’s answer matches the desired configuration.'.replace('’', "'"),
    );
    expect(verdictLine(result({ verdict: 'failed', failure: 'Boom.' }))).toBe('Boom.');
  });

  it('joins the run’s failure with the drift issue’s', () => {
    expect(failureOf(result())).toBeUndefined();
    expect(failureOf(result({ failure: 'Drift.' }), { action: 'failed', error: 'GitHub.' })).toBe(
      'Drift. GitHub.',
    );
    expect(failureOf(result(), { action: 'failed', error: 'GitHub.' })).toBe('GitHub.');
  });
});
