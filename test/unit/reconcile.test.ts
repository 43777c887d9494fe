import { describe, expect, it } from 'vitest';
import { planChanges } from '../../src/plan.js';
import { accountMismatch, applyPlan, withoutUpdate } from '../../src/reconcile.js';
import type { DesiredConfig, WebhookConfig } from '../../src/webhook-config.js';

const ACCOUNT = 'AC0e1d2c3b4a59687766554433221100ff';
const LIVE: WebhookConfig = {
  account_sid: ACCOUNT,
  method: 'GET',
  filters: ['onMessageAdded'],
  pre_webhook_url: null,
  post_webhook_url: 'https://old.example.com/post',
  target: 'webhook',
  url: null,
};
const DESIRED: DesiredConfig = { method: 'POST', post_webhook_url: 'https://new.example.com/post' };

function context(overrides: { mode?: 'apply' | 'check'; failOnDrift?: boolean } = {}) {
  return {
    mode: overrides.mode ?? ('apply' as const),
    resource: { kind: 'account' as const },
    accountSid: ACCOUNT,
    desired: DESIRED,
    failOnDrift: overrides.failOnDrift ?? true,
  };
}

/** A writer that records what it is sent and answers like Twilio, or as told. */
function writer(answer?: (update: DesiredConfig) => WebhookConfig) {
  const sent: DesiredConfig[] = [];
  return {
    sent,
    updateConfig: (update: DesiredConfig) => {
      sent.push(update);
      return Promise.resolve(answer ? answer(update) : { ...LIVE, ...update });
    },
  };
}

describe('applyPlan', () => {
  it('sends nothing when in sync', async () => {
    const twilio = writer();
    const live = { ...LIVE, ...DESIRED };
    const result = await applyPlan(twilio, context(), live, planChanges(DESIRED, live));
    expect(twilio.sent).toEqual([]);
    expect(result).toMatchObject({ verdict: 'in-sync', changed: false, current: live });
  });

  it('sends only what differs, and reports the verified answer', async () => {
    const twilio = writer();
    const result = await applyPlan(twilio, context(), LIVE, planChanges(DESIRED, LIVE));
    expect(twilio.sent).toEqual([DESIRED]);
    expect(result.verdict).toBe('updated');
    expect(result.changed).toBe(true);
    expect(result.current.method).toBe('POST');
    expect(result.failure).toBeUndefined();
  });

  it('fails when the answer does not match, naming the field and both values', async () => {
    const twilio = writer((update) => ({
      ...LIVE,
      ...update,
      post_webhook_url: 'https://old.example.com/post',
    }));
    const result = await applyPlan(twilio, context(), LIVE, planChanges(DESIRED, LIVE));
    expect(result.verdict).toBe('failed');
    expect(result.changed).toBe(false);
    expect(result.failure).toContain(
      'post_webhook_url is "https://old.example.com/post" (desired "https://new.example.com/post")',
    );
    expect(result.failure).not.toContain('method is');
  });

  it('claims no change when the update fails', async () => {
    const failing = { updateConfig: () => Promise.reject(new Error('Twilio answered 400')) };
    const result = await applyPlan(failing, context(), LIVE, planChanges(DESIRED, LIVE));
    expect(result).toMatchObject({ verdict: 'failed', changed: false, current: LIVE });
    expect(result.failure).toBe('The update was not applied: Twilio answered 400');
  });
});

describe('withoutUpdate (check mode)', () => {
  it('fails on drift by default, listing every field', () => {
    const result = withoutUpdate(context({ mode: 'check' }), LIVE, planChanges(DESIRED, LIVE));
    expect(result.verdict).toBe('drifted');
    expect(result.changed).toBe(false);
    expect(result.failure).toMatch(
      /differs in 2 fields: method is "GET" \(desired "POST"\); post_webhook_url/,
    );
  });

  it('succeeds on drift without fail-on-drift', () => {
    const result = withoutUpdate(
      context({ mode: 'check', failOnDrift: false }),
      LIVE,
      planChanges(DESIRED, LIVE),
    );
    expect(result.verdict).toBe('drifted');
    expect(result.failure).toBeUndefined();
  });

  it('is in sync when nothing differs', () => {
    const live = { ...LIVE, ...DESIRED };
    const result = withoutUpdate(context({ mode: 'check' }), live, planChanges(DESIRED, live));
    expect(result).toMatchObject({ verdict: 'in-sync', diff: [] });
  });
});

describe('accountMismatch', () => {
  it('accepts the same account, or an answer without one', () => {
    expect(accountMismatch(LIVE, ACCOUNT)).toBeUndefined();
    expect(accountMismatch({ ...LIVE, account_sid: null }, ACCOUNT)).toBeUndefined();
  });

  it('refuses an answer for another account', () => {
    const other = `AC${'1'.repeat(32)}`;
    expect(accountMismatch({ ...LIVE, account_sid: other }, ACCOUNT)).toMatch(
      new RegExp(`answered for account ${other}, not account-sid ${ACCOUNT}`),
    );
  });
});
