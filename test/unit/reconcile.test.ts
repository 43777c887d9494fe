import { describe, expect, it } from 'vitest';
import { planChanges } from '../../src/plan.js';
import { accountMismatch, applyPlan, describeDiff, withoutUpdate } from '../../src/reconcile.js';
import type { WebhookWriter } from '../../src/reconcile.js';
import type { DesiredConfig, WebhookConfig } from '../../src/webhook-config.js';

const ACCOUNT = 'AC0123456789abcdef0123456789abcdef';
const OTHER_ACCOUNT = 'ACffffffffffffffffffffffffffffffff';

const LIVE: WebhookConfig = {
  account_sid: ACCOUNT,
  method: 'GET',
  filters: ['onMessageAdded'],
  pre_webhook_url: null,
  post_webhook_url: 'https://old.example.com/post',
  target: 'webhook',
  url: 'https://conversations.twilio.com/v1/Configuration/Webhooks',
};
const DESIRED: DesiredConfig = {
  method: 'POST',
  post_webhook_url: 'https://new.example.com/post',
  target: 'webhook',
};
const IN_SYNC: WebhookConfig = {
  ...LIVE,
  method: 'POST',
  post_webhook_url: DESIRED.post_webhook_url ?? null,
};

function context(
  overrides: { mode?: 'apply' | 'check'; failOnDrift?: boolean; desired?: DesiredConfig } = {},
) {
  return {
    mode: overrides.mode ?? 'apply',
    resource: { kind: 'account' },
    accountSid: ACCOUNT,
    desired: overrides.desired ?? DESIRED,
    failOnDrift: overrides.failOnDrift ?? true,
  } as const;
}

/** An in-memory Twilio: records each update and answers with the live config merged, or as told. */
function fakeWriter(
  live: WebhookConfig,
  answer: (update: DesiredConfig) => WebhookConfig = (update) => ({ ...live, ...update }),
): WebhookWriter & { readonly sent: DesiredConfig[] } {
  const sent: DesiredConfig[] = [];
  return {
    sent,
    updateConfig(update) {
      sent.push(update);
      return Promise.resolve(answer(update));
    },
  };
}

describe('applyPlan', () => {
  it('sends nothing when in sync', async () => {
    const writer = fakeWriter(IN_SYNC);
    const plan = planChanges(DESIRED, IN_SYNC);
    const result = await applyPlan(writer, context(), IN_SYNC, plan);
    expect(writer.sent).toEqual([]);
    expect(result).toEqual({
      mode: 'apply',
      resource: { kind: 'account' },
      accountSid: ACCOUNT,
      desired: DESIRED,
      previous: IN_SYNC,
      diff: [],
      current: IN_SYNC,
      verdict: 'in-sync',
      changed: false,
    });
    expect('failure' in result).toBe(false);
  });

  it('sends exactly plan.update, once, and reports the verified answer', async () => {
    const writer = fakeWriter(LIVE);
    const plan = planChanges(DESIRED, LIVE);
    expect(plan.update).toEqual({
      method: 'POST',
      post_webhook_url: 'https://new.example.com/post',
    });
    const result = await applyPlan(writer, context(), LIVE, plan);
    expect(writer.sent).toEqual([plan.update]);
    expect(writer.sent[0]).not.toHaveProperty('target');
    expect(result.verdict).toBe('updated');
    expect(result.changed).toBe(true);
    expect(result.previous).toBe(LIVE);
    expect(result.diff).toBe(plan.diff);
    expect(result.current).toEqual({ ...LIVE, ...plan.update });
    expect(result.failure).toBeUndefined();
  });

  it('accepts an answer that matches the desired state in its own spelling', async () => {
    const desired: DesiredConfig = { method: 'POST', filters: ['onMessageAdded', 'onMessageAdd'] };
    const writer = fakeWriter(LIVE, () => ({
      ...LIVE,
      method: 'post',
      filters: ['onMessageAdd', 'onMessageAdded'],
    }));
    const result = await applyPlan(writer, context({ desired }), LIVE, planChanges(desired, LIVE));
    expect(result.verdict).toBe('updated');
    expect(result.changed).toBe(true);
  });

  it('fails when the answer does not match, naming the field and both values', async () => {
    const writer = fakeWriter(LIVE, (update) => ({
      ...LIVE,
      ...update,
      post_webhook_url: 'https://old.example.com/post',
    }));
    const plan = planChanges(DESIRED, LIVE);
    const result = await applyPlan(writer, context(), LIVE, plan);
    expect(writer.sent).toHaveLength(1);
    expect(result.verdict).toBe('failed');
    expect(result.changed).toBe(false);
    expect(result.current.post_webhook_url).toBe('https://old.example.com/post');
    expect(result.failure).toBe(
      'Twilio accepted the update, but its answer does not match: configuration differs in 1 field: ' +
        'post_webhook_url is "https://old.example.com/post" (desired "https://new.example.com/post").',
    );
  });

  it('verifies every managed field, not only the ones it sent', async () => {
    // target was already right, so it is not sent; an answer that changed it still fails.
    const writer = fakeWriter(LIVE, (update) => ({ ...LIVE, ...update, target: 'flex' }));
    const result = await applyPlan(writer, context(), LIVE, planChanges(DESIRED, LIVE));
    expect(result.verdict).toBe('failed');
    expect(result.changed).toBe(false);
    expect(result.failure).toContain('target is "flex" (desired "webhook")');
    expect(result.failure).not.toContain('method is');
  });

  it('claims no change when the writer throws, keeping the previous state as current', async () => {
    const sent: DesiredConfig[] = [];
    const failing: WebhookWriter = {
      updateConfig(update) {
        sent.push(update);
        return Promise.reject(new Error('Twilio answered 400: invalid post-webhook URL'));
      },
    };
    const plan = planChanges(DESIRED, LIVE);
    const result = await applyPlan(failing, context(), LIVE, plan);
    expect(sent).toEqual([plan.update]);
    expect(result.verdict).toBe('failed');
    expect(result.changed).toBe(false);
    expect(result.current).toBe(LIVE);
    expect(result.previous).toBe(LIVE);
    expect(result.diff).toBe(plan.diff);
    expect(result.failure).toBe(
      'The update was not applied: Twilio answered 400: invalid post-webhook URL',
    );
  });

  it('describes a thrown non-Error too', async () => {
    const failing: WebhookWriter = {
      updateConfig: () => Promise.reject(new Error('socket hang up')),
    };
    const odd: WebhookWriter = {
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- what a careless dependency might do
      updateConfig: () => Promise.reject('plain string'),
    };
    const plan = planChanges(DESIRED, LIVE);
    expect((await applyPlan(failing, context(), LIVE, plan)).failure).toContain('socket hang up');
    expect((await applyPlan(odd, context(), LIVE, plan)).failure).toBe(
      'The update was not applied: plain string',
    );
  });
});

describe('withoutUpdate', () => {
  it('fails a drifted check run by default, describing every differing field', () => {
    const plan = planChanges(DESIRED, LIVE);
    const result = withoutUpdate(context({ mode: 'check' }), LIVE, plan);
    expect(result.verdict).toBe('drifted');
    expect(result.changed).toBe(false);
    expect(result.current).toBe(LIVE);
    expect(result.previous).toBe(LIVE);
    expect(result.mode).toBe('check');
    expect(result.failure).toBe(
      'The live configuration differs in 2 fields: method is "GET" (desired "POST"); ' +
        'post_webhook_url is "https://old.example.com/post" (desired "https://new.example.com/post"). ' +
        'Run in apply mode to fix it, or change the desired values.',
    );
  });

  it('reports drift without failing when fail-on-drift is false', () => {
    const result = withoutUpdate(
      context({ mode: 'check', failOnDrift: false }),
      LIVE,
      planChanges(DESIRED, LIVE),
    );
    expect(result.verdict).toBe('drifted');
    expect(result.changed).toBe(false);
    expect(result.diff).toHaveLength(2);
    expect(result.failure).toBeUndefined();
    expect('failure' in result).toBe(false);
  });

  it.each([true, false])('is in sync when nothing differs (fail-on-drift %s)', (failOnDrift) => {
    const result = withoutUpdate(
      context({ mode: 'check', failOnDrift }),
      IN_SYNC,
      planChanges(DESIRED, IN_SYNC),
    );
    expect(result).toMatchObject({
      verdict: 'in-sync',
      changed: false,
      diff: [],
      current: IN_SYNC,
    });
    expect(result.failure).toBeUndefined();
  });
});

describe('describeDiff', () => {
  it('counts and lists the fields with JSON values', () => {
    expect(describeDiff([{ field: 'filters', actual: null, desired: ['onMessageAdded'] }])).toBe(
      'configuration differs in 1 field: filters is null (desired ["onMessageAdded"])',
    );
  });
});

describe('accountMismatch', () => {
  it('accepts an answer for the same account, or one that names no account', () => {
    expect(accountMismatch(LIVE, ACCOUNT)).toBeUndefined();
    expect(accountMismatch({ ...LIVE, account_sid: null }, ACCOUNT)).toBeUndefined();
  });

  it('refuses an answer for another account, naming both and saying nothing changed', () => {
    expect(accountMismatch({ ...LIVE, account_sid: OTHER_ACCOUNT }, ACCOUNT)).toBe(
      `Twilio answered for account ${OTHER_ACCOUNT}, not account-sid ${ACCOUNT}: ` +
        'the credentials belong to another account. Nothing was changed.',
    );
  });

  it('compares SIDs exactly', () => {
    expect(accountMismatch({ ...LIVE, account_sid: ACCOUNT.toUpperCase() }, ACCOUNT)).toBeDefined();
  });
});
