import { describe, expect, it } from 'vitest';
import { compare, planChanges } from '../../src/plan.js';
import type { WebhookConfig } from '../../src/webhook-config.js';

const LIVE: WebhookConfig = {
  account_sid: 'AC0e1d2c3b4a59687766554433221100ff',
  method: 'POST',
  filters: ['onMessageAdded', 'onConversationUpdated'],
  pre_webhook_url: null,
  post_webhook_url: 'https://app.example.com/post',
  target: 'webhook',
  url: 'https://conversations.twilio.com/v1/Configuration/Webhooks',
};

describe('compare', () => {
  it('compares only the managed fields', () => {
    expect(compare({ method: 'POST' }, { ...LIVE, post_webhook_url: 'https://other' })).toEqual([]);
  });

  it('compares filters as a set', () => {
    expect(compare({ filters: ['onConversationUpdated', 'onMessageAdded'] }, LIVE)).toEqual([]);
    expect(compare({ filters: ['onMessageAdded'] }, LIVE)).toEqual([
      { field: 'filters', actual: LIVE.filters, desired: ['onMessageAdded'] },
    ]);
    expect(compare({ filters: [] }, { ...LIVE, filters: null })).toEqual([]);
    expect(compare({ filters: [] }, { ...LIVE, filters: [] })).toEqual([]);
    expect(compare({ filters: [] }, LIVE)).toHaveLength(1);
  });

  it('compares the method without regard to case', () => {
    expect(compare({ method: 'POST' }, { ...LIVE, method: 'post' })).toEqual([]);
    expect(compare({ method: 'GET' }, LIVE)).toEqual([
      { field: 'method', actual: 'POST', desired: 'GET' },
    ]);
    expect(compare({ method: 'GET' }, { ...LIVE, method: null })).toHaveLength(1);
  });

  it('compares URLs byte for byte', () => {
    expect(compare({ post_webhook_url: 'https://app.example.com/post/' }, LIVE)).toHaveLength(1);
    expect(compare({ post_webhook_url: 'https://app.example.com/Post' }, LIVE)).toHaveLength(1);
    expect(compare({ post_webhook_url: 'https://app.example.com/post' }, LIVE)).toEqual([]);
  });

  it('treats a cleared URL as matching null or empty', () => {
    expect(compare({ pre_webhook_url: null }, LIVE)).toEqual([]);
    expect(compare({ pre_webhook_url: null }, { ...LIVE, pre_webhook_url: '' })).toEqual([]);
    expect(compare({ post_webhook_url: null }, LIVE)).toEqual([
      { field: 'post_webhook_url', actual: LIVE.post_webhook_url, desired: null },
    ]);
  });

  it('compares the target exactly, and lists differences in summary order', () => {
    const diff = compare({ target: 'flex', method: 'GET', filters: ['onMessageAdded'] }, LIVE);
    expect(diff.map((d) => d.field)).toEqual(['filters', 'method', 'target']);
  });
});

describe('planChanges', () => {
  it('plans no update when in sync', () => {
    const plan = planChanges({ method: 'POST', post_webhook_url: LIVE.post_webhook_url }, LIVE);
    expect(plan.diff).toEqual([]);
    expect(plan.update).toEqual({});
  });

  it('sends exactly the differing fields, with their desired values', () => {
    const plan = planChanges(
      { method: 'POST', filters: ['onMessageAdded'], pre_webhook_url: null, target: 'flex' },
      LIVE,
    );
    expect(plan.update).toEqual({ filters: ['onMessageAdded'], target: 'flex' });
  });

  it('warns about pre-event filters with no pre-webhook URL, counting the live one', () => {
    const plan = planChanges({ filters: ['onMessageAdd', 'onMessageAdded'] }, LIVE);
    expect(plan.warnings).toEqual([
      expect.stringMatching(
        /^Pre-event filters \(onMessageAdd\) are wanted but no pre-webhook-url/,
      ),
    ]);
    const withLiveUrl = planChanges(
      { filters: ['onMessageAdd'] },
      { ...LIVE, pre_webhook_url: 'https://app.example.com/pre' },
    );
    expect(withLiveUrl.warnings).toEqual([]);
  });

  it('warns when the desired state clears the URL that live filters need', () => {
    const plan = planChanges({ post_webhook_url: null }, LIVE);
    expect(plan.warnings).toEqual([
      expect.stringMatching(/^Post-event filters \(onMessageAdded, onConversationUpdated\)/),
    ]);
  });

  it('does not warn when the filters are cleared', () => {
    expect(planChanges({ filters: [], post_webhook_url: null }, LIVE).warnings).toEqual([]);
  });
});
