import { describe, expect, it } from 'vitest';
import { heldBySomeoneElse, targetGuard, urlsToProbe } from '../../../src/engine/guards.js';
import type { Planned } from '../../../src/engine/guards.js';
import { planChanges } from '../../../src/engine/plan.js';
import type { DesiredConfig } from '../../../src/model/fields.js';
import type { Resource, LiveConfig } from '../../../src/model/webhook-config.js';
import { ACCOUNT_CONFIG as LIVE, ACCOUNT_WIDE, PER_SERVICE, SERVICE } from '../fixtures.js';

const planned = (
  desired: DesiredConfig,
  live: LiveConfig = LIVE,
  resource: Resource = ACCOUNT_WIDE,
): Planned => ({ resource, live, plan: planChanges(desired, live) });

const REROUTES =
  'which reroutes every conversation of the account. Nothing was sent: set allow-target-change: true to make this change on purpose.';

describe('targetGuard', () => {
  it.each<[string, 'webhook' | 'flex', 'webhook' | 'flex']>([
    ['webhook to flex', 'webhook', 'flex'],
    ['flex to webhook', 'flex', 'webhook'],
  ])('refuses a change of target from %s', (_case, from, to) => {
    expect(targetGuard([planned({ target: to }, { ...LIVE, target: from })], false)).toBe(
      `The plan changes target from ${from} to ${to}, ${REROUTES}`,
    );
  });

  it('takes an unset target for webhook, where Twilio routes it', () => {
    const unset = { ...LIVE, target: null };
    expect(targetGuard([planned({ target: 'webhook' }, unset)], false)).toBeUndefined();
    expect(targetGuard([planned({ target: 'flex' }, unset)], false)).toBe(
      `The plan changes target from webhook to flex, ${REROUTES}`,
    );
  });

  it('finds the change among every resource planned', () => {
    const plans = [
      planned({ post_webhook_url: 'https://a.example/post' }, LIVE, PER_SERVICE),
      planned({ target: 'flex', method: 'POST' }),
    ];
    expect(targetGuard(plans, false)).toContain('from webhook to flex');
  });

  it.each<[string, Planned[], boolean]>([
    ['the change is allowed', [planned({ target: 'flex' })], true],
    ['target is in sync', [planned({ target: 'webhook' })], false],
    ['target is not managed', [planned({ method: 'POST' })], false],
    ['nothing is planned', [], false],
  ])('lets the plan through when %s', (_case, plans, allowed) => {
    expect(targetGuard(plans, allowed)).toBeUndefined();
  });
});

describe('heldBySomeoneElse', () => {
  const ACCOUNT = { resource: ACCOUNT_WIDE, live: LIVE };

  it('lets an update through when the live values are the ones expected', () => {
    expect(
      heldBySomeoneElse({ post_webhook_url: LIVE.post_webhook_url, method: 'GET' }, ACCOUNT),
    ).toBeUndefined();
  });

  it('says who holds the fields now, and that nothing was sent', () => {
    expect(
      heldBySomeoneElse(
        { post_webhook_url: 'https://pr-41.example.com/post', method: 'GET', target: 'flex' },
        ACCOUNT,
      ),
    ).toBe(
      'only-if-live: the live configuration differs in 2 fields: ' +
        'post_webhook_url is "https://old.example.com/post" (expected "https://pr-41.example.com/post"); ' +
        'target is "webhook" (expected "flex"). Someone else holds it now, so nothing was sent.',
    );
  });

  it('holds a resource only to fields it has: an address has no pre-webhook-url', () => {
    const expected: DesiredConfig = { pre_webhook_url: 'https://pr-41.example.com/pre' };
    const address: Resource = {
      kind: 'address',
      address: '+15005550006',
      addressType: 'sms',
      sid: 'IG0123456789abcdef0123456789abcdef',
    };
    expect(heldBySomeoneElse(expected, ACCOUNT)).toContain('Someone else holds it now');
    expect(heldBySomeoneElse(expected, { resource: address, live: {} })).toBeUndefined();
  });
});

describe('urlsToProbe', () => {
  const PRE = 'https://pr-42.example.com/pre';
  const POST = 'https://pr-42.example.com/post';

  it('gives every URL a plan switches a hook to, with the method Twilio will call it with', () => {
    expect(
      urlsToProbe([
        planned({ pre_webhook_url: PRE, post_webhook_url: POST }),
        planned({ post_webhook_url: `${POST}?service` }, LIVE, PER_SERVICE),
      ]),
    ).toEqual([
      { url: PRE, kind: 'pre', method: 'GET', resource: 'account-wide configuration' },
      { url: POST, kind: 'post', method: 'GET', resource: 'account-wide configuration' },
      {
        url: `${POST}?service`,
        kind: 'post',
        method: 'GET',
        resource: `configuration of service ${SERVICE}`,
      },
    ]);
  });

  it.each<[string, DesiredConfig, LiveConfig, 'GET' | 'POST']>([
    ['the method the plan sets', { method: 'POST' }, LIVE, 'POST'],
    ['the live method when the plan keeps it', {}, LIVE, 'GET'],
    ['POST when no method is set', {}, { ...LIVE, method: null }, 'POST'],
  ])('calls it with %s', (_case, desired, live, method) => {
    expect(urlsToProbe([planned({ ...desired, pre_webhook_url: PRE }, live)])).toMatchObject([
      { method },
    ]);
  });

  it('calls it with the live method however Twilio spells it', () => {
    expect(
      urlsToProbe([planned({ pre_webhook_url: PRE }, { ...LIVE, method: 'get' })]),
    ).toMatchObject([{ method: 'GET' }]);
  });

  it.each<[string, DesiredConfig]>([
    ['a hook cleared', { pre_webhook_url: null, post_webhook_url: null }],
    ['a hook set to the empty URL', { post_webhook_url: '' }],
    ['a URL already live', { post_webhook_url: LIVE.post_webhook_url }],
    ['no URL managed', { method: 'POST', filters: [] }],
  ])('probes nothing for %s', (_case, desired) => {
    expect(urlsToProbe([planned(desired)])).toEqual([]);
  });

  it('probes a URL once for each method Twilio will call it with', () => {
    const asGet = planned({ post_webhook_url: POST }, { ...LIVE, method: 'GET' });
    const asPost = planned({ post_webhook_url: POST }, { ...LIVE, method: 'POST' }, PER_SERVICE);
    expect(urlsToProbe([asGet, asPost, asGet])).toEqual([
      { url: POST, kind: 'post', method: 'GET', resource: 'account-wide configuration' },
      {
        url: POST,
        kind: 'post',
        method: 'POST',
        resource: `configuration of service ${SERVICE}`,
      },
    ]);
  });

  it('probes a URL once, however many hooks switch to it', () => {
    expect(
      urlsToProbe([
        planned({ pre_webhook_url: POST, post_webhook_url: POST }),
        planned({ post_webhook_url: POST }, LIVE, PER_SERVICE),
      ]),
    ).toEqual([{ url: POST, kind: 'pre', method: 'GET', resource: 'account-wide configuration' }]);
  });
});
