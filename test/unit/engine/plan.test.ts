import { describe, expect, it } from 'vitest';
import { compare, describeDiff, planChanges } from '../../../src/engine/plan.js';
import { readConfig } from '../../../src/model/webhook-config.js';
import type { DesiredConfig } from '../../../src/model/fields.js';
import type { LiveConfig } from '../../../src/model/webhook-config.js';

const LIVE = {
  account_sid: 'AC0123456789abcdef0123456789abcdef',
  method: 'POST',
  filters: ['onMessageAdded', 'onConversationUpdated'],
  pre_webhook_url: null,
  post_webhook_url: 'https://app.example.com/post',
  target: 'webhook',
  url: 'https://conversations.twilio.com/v1/Configuration/Webhooks',
} satisfies LiveConfig;

/** A resource Twilio has never configured. */
const BLANK: LiveConfig = {
  account_sid: LIVE.account_sid,
  method: null,
  filters: null,
  pre_webhook_url: null,
  post_webhook_url: null,
  target: null,
  url: LIVE.url,
};

const live = (overrides: Partial<LiveConfig>): LiveConfig => ({ ...LIVE, ...overrides });

describe('compare: which fields', () => {
  it('finds nothing when nothing is managed', () => {
    expect(compare({}, LIVE)).toEqual([]);
    expect(compare({}, BLANK)).toEqual([]);
  });

  it('compares only the managed fields', () => {
    const different = live({
      filters: ['onUserAdded'],
      pre_webhook_url: 'https://elsewhere.example.com',
      post_webhook_url: 'https://elsewhere.example.com',
      target: 'flex',
    });
    expect(compare({ method: 'POST' }, different)).toEqual([]);
  });

  it('ignores fields it does not manage even when the live config has extras', () => {
    const service = { ...LIVE, chat_service_sid: 'IS00112233445566778899aabbccddeeff' };
    expect(compare({ method: 'POST' }, service)).toEqual([]);
  });

  it('lists the differences in summary order, whatever the order of the desired keys', () => {
    const desired: DesiredConfig = {
      target: 'flex',
      post_webhook_url: null,
      method: 'GET',
      pre_webhook_url: 'https://app.example.com/pre',
      filters: ['onMessageAdded'],
    };
    expect(compare(desired, LIVE).map((d) => d.field)).toEqual([
      'filters',
      'method',
      'pre_webhook_url',
      'post_webhook_url',
      'target',
    ]);
  });
});

describe('compare: filters as a set', () => {
  it.each<[string, readonly string[], readonly string[] | null]>([
    ['same order', ['onMessageAdded', 'onConversationUpdated'], LIVE.filters],
    ['other order', ['onConversationUpdated', 'onMessageAdded'], LIVE.filters],
    [
      'duplicates in the desired list',
      ['onMessageAdded', 'onConversationUpdated', 'onMessageAdded'],
      LIVE.filters,
    ],
    [
      'duplicates in the live list',
      ['onMessageAdded', 'onConversationUpdated'],
      ['onConversationUpdated', 'onMessageAdded', 'onConversationUpdated'],
    ],
    ['an empty list against null', [], null],
    ['an empty list against an empty list', [], []],
  ])('in sync: %s', (_case, desired, actual) => {
    expect(compare({ filters: desired }, live({ filters: actual }))).toEqual([]);
  });

  it.each<[string, readonly string[], readonly string[] | null]>([
    ['a subset', ['onMessageAdded'], LIVE.filters],
    ['a superset', ['onMessageAdded', 'onConversationUpdated', 'onMessageRemoved'], LIVE.filters],
    ['the same size, other names', ['onMessageAdded', 'onMessageRemoved'], LIVE.filters],
    ['a list against null', ['onMessageAdded'], null],
    ['an empty list against a list', [], LIVE.filters],
    ['a case difference', ['onmessageadded', 'onConversationUpdated'], LIVE.filters],
  ])('differs: %s', (_case, desired, actual) => {
    expect(compare({ filters: desired }, live({ filters: actual }))).toEqual([
      { field: 'filters', actual, desired },
    ]);
  });
});

describe('compare: method', () => {
  it('compares without regard to case', () => {
    expect(compare({ method: 'POST' }, live({ method: 'post' }))).toEqual([]);
    expect(compare({ method: 'GET' }, live({ method: 'Get' }))).toEqual([]);
  });

  it('reports the live value as Twilio gave it', () => {
    expect(compare({ method: 'GET' }, LIVE)).toEqual([
      { field: 'method', actual: 'POST', desired: 'GET' },
    ]);
    expect(compare({ method: 'POST' }, live({ method: null }))).toEqual([
      { field: 'method', actual: null, desired: 'POST' },
    ]);
  });
});

describe('compare: URLs byte for byte', () => {
  it.each([
    ['a trailing slash', 'https://app.example.com/post/'],
    ['the case of the path', 'https://app.example.com/Post'],
    ['the case of the host', 'https://App.example.com/post'],
    ['the scheme', 'http://app.example.com/post'],
    ['an explicit default port', 'https://app.example.com:443/post'],
    ['a query', 'https://app.example.com/post?x=1'],
    ['percent-encoding', 'https://app.example.com/p%6Fst'],
  ])('differs in %s', (_case, url) => {
    expect(compare({ post_webhook_url: url }, LIVE)).toEqual([
      { field: 'post_webhook_url', actual: 'https://app.example.com/post', desired: url },
    ]);
  });

  it('matches the identical URL', () => {
    expect(compare({ post_webhook_url: 'https://app.example.com/post' }, LIVE)).toEqual([]);
  });

  it('treats a cleared URL as matching null or an empty string', () => {
    expect(compare({ pre_webhook_url: null }, live({ pre_webhook_url: null }))).toEqual([]);
    expect(compare({ pre_webhook_url: null }, live({ pre_webhook_url: '' }))).toEqual([]);
    expect(compare({ post_webhook_url: null }, live({ post_webhook_url: '' }))).toEqual([]);
  });

  it('reports clearing a set URL, and setting an empty one', () => {
    expect(compare({ post_webhook_url: null }, LIVE)).toEqual([
      { field: 'post_webhook_url', actual: 'https://app.example.com/post', desired: null },
    ]);
    expect(
      compare({ pre_webhook_url: 'https://app.example.com/pre' }, live({ pre_webhook_url: '' })),
    ).toEqual([{ field: 'pre_webhook_url', actual: '', desired: 'https://app.example.com/pre' }]);
  });
});

describe('compare: target', () => {
  it('matches the same target', () => {
    expect(compare({ target: 'webhook' }, LIVE)).toEqual([]);
  });

  it('reports another target, or none', () => {
    expect(compare({ target: 'flex' }, LIVE)).toEqual([
      { field: 'target', actual: 'webhook', desired: 'flex' },
    ]);
    expect(compare({ target: 'webhook' }, live({ target: null }))).toEqual([
      { field: 'target', actual: null, desired: 'webhook' },
    ]);
    const withoutTarget: LiveConfig = {
      account_sid: LIVE.account_sid,
      chat_service_sid: 'IS00112233445566778899aabbccddeeff',
      method: LIVE.method,
      filters: LIVE.filters,
      pre_webhook_url: LIVE.pre_webhook_url,
      post_webhook_url: LIVE.post_webhook_url,
      url: LIVE.url,
    };
    expect(compare({ target: 'webhook' }, withoutTarget)).toEqual([
      { field: 'target', actual: null, desired: 'webhook' },
    ]);
  });
});

describe('planChanges: the update', () => {
  it('is empty when in sync', () => {
    const plan = planChanges(
      {
        filters: ['onConversationUpdated', 'onMessageAdded'],
        method: 'POST',
        pre_webhook_url: null,
        post_webhook_url: 'https://app.example.com/post',
        target: 'webhook',
      },
      LIVE,
    );
    expect(plan.diff).toEqual([]);
    expect(plan.update).toEqual({});
  });

  it('holds exactly the differing fields, with their desired values', () => {
    const plan = planChanges(
      {
        method: 'POST',
        filters: ['onMessageAdded'],
        pre_webhook_url: null,
        post_webhook_url: 'https://app.example.com/post',
        target: 'flex',
      },
      LIVE,
    );
    expect(plan.update).toEqual({ filters: ['onMessageAdded'], target: 'flex' });
    expect(Object.keys(plan.update).sort()).toEqual(['filters', 'target']);
    expect(plan.diff.map((d) => d.field)).toEqual(['filters', 'target']);
  });

  it('carries a cleared URL as null and cleared filters as an empty list', () => {
    const plan = planChanges({ filters: [], post_webhook_url: null }, LIVE);
    expect(plan.update).toEqual({ filters: [], post_webhook_url: null });
    expect('post_webhook_url' in plan.update).toBe(true);
    expect(plan.update.post_webhook_url).toBeNull();
  });

  it('sets up a never-configured resource', () => {
    const desired: DesiredConfig = {
      filters: ['onMessageAdded'],
      method: 'POST',
      post_webhook_url: 'https://app.example.com/post',
    };
    const plan = planChanges(desired, BLANK);
    expect(plan.update).toEqual(desired);
    expect(plan.diff).toEqual([
      { field: 'filters', actual: null, desired: ['onMessageAdded'] },
      { field: 'method', actual: null, desired: 'POST' },
      { field: 'post_webhook_url', actual: null, desired: 'https://app.example.com/post' },
    ]);
    expect(plan.warnings).toEqual([]);
  });
});

describe('planChanges: warnings about events with nowhere to go', () => {
  const PRE = /^Pre-event filters \(([^)]*)\) are wanted but no pre-webhook-url will be configured/;
  const POST =
    /^Post-event filters \(([^)]*)\) are wanted but no post-webhook-url will be configured/;

  it('warns about desired pre-event filters with no pre URL, listing only the pre events', () => {
    const plan = planChanges(
      { filters: ['onMessageAdd', 'onMessageAdded', 'onParticipantRemove'] },
      LIVE,
    );
    expect(plan.warnings).toHaveLength(1);
    expect(plan.warnings[0]).toMatch(PRE);
    expect(PRE.exec(plan.warnings[0] ?? '')?.[1]).toBe('onMessageAdd, onParticipantRemove');
    expect(plan.warnings[0]).toContain('Twilio has nowhere to send them');
  });

  it('counts the live pre URL when the desired one is not managed', () => {
    const plan = planChanges(
      { filters: ['onMessageAdd'] },
      live({ pre_webhook_url: 'https://app.example.com/pre' }),
    );
    expect(plan.warnings).toEqual([]);
  });

  it('treats an empty live pre URL as none', () => {
    expect(
      planChanges({ filters: ['onMessageAdd'] }, live({ pre_webhook_url: '' })).warnings,
    ).toEqual([expect.stringMatching(PRE)]);
  });

  it('counts a desired pre URL over a missing live one', () => {
    const plan = planChanges(
      { filters: ['onMessageAdd'], pre_webhook_url: 'https://app.example.com/pre' },
      LIVE,
    );
    expect(plan.warnings).toEqual([]);
  });

  it('warns when the desired null clears the pre URL that the filters need', () => {
    const withPre = live({
      filters: ['onMessageAdd'],
      pre_webhook_url: 'https://app.example.com/pre',
    });
    expect(planChanges({ pre_webhook_url: null }, withPre).warnings).toEqual([
      expect.stringMatching(PRE),
    ]);
    expect(
      planChanges({ filters: ['onMessageAdd'], pre_webhook_url: null }, withPre).warnings,
    ).toEqual([expect.stringMatching(PRE)]);
  });

  it('warns about post-event filters with no post URL, considering the live URL', () => {
    const noPost = live({ post_webhook_url: null });
    const plan = planChanges({ filters: ['onMessageAdded', 'onUserAdded'] }, noPost);
    expect(plan.warnings).toHaveLength(1);
    expect(POST.exec(plan.warnings[0] ?? '')?.[1]).toBe('onMessageAdded, onUserAdded');
    expect(planChanges({ filters: ['onMessageAdded'] }, LIVE).warnings).toEqual([]);
    expect(
      planChanges({ filters: ['onMessageAdded'] }, live({ post_webhook_url: '' })).warnings,
    ).toEqual([expect.stringMatching(POST)]);
  });

  it('warns when the desired null clears the post URL that the live filters need', () => {
    const plan = planChanges({ post_webhook_url: null }, LIVE);
    expect(plan.warnings).toHaveLength(1);
    expect(POST.exec(plan.warnings[0] ?? '')?.[1]).toBe('onMessageAdded, onConversationUpdated');
  });

  it('gives both warnings, pre first', () => {
    const plan = planChanges(
      { filters: ['onMessageAdded', 'onMessageAdd'], post_webhook_url: null },
      LIVE,
    );
    expect(plan.warnings).toEqual([expect.stringMatching(PRE), expect.stringMatching(POST)]);
  });

  it('does not warn when the filters are cleared or were never set', () => {
    expect(planChanges({ filters: [], post_webhook_url: null }, LIVE).warnings).toEqual([]);
    expect(planChanges({ method: 'POST' }, BLANK).warnings).toEqual([]);
    expect(planChanges({ post_webhook_url: null }, BLANK).warnings).toEqual([]);
  });

  it('warns even when nothing is to be sent, since the live state itself is broken', () => {
    const broken = live({ filters: ['onMessageAdd'], pre_webhook_url: null });
    const plan = planChanges({ method: 'POST' }, broken);
    expect(plan.update).toEqual({});
    expect(plan.warnings).toEqual([expect.stringMatching(PRE)]);
  });
});

describe('planChanges: events this action does not know', () => {
  const UNKNOWN = (name: string) =>
    `The filters have ${name}, which is not one of the 23 Conversations events this action knows: it is sent to Twilio as it is, and Twilio is the authority on whether it is an event. Whether it is a pre- or a post-event is unknown here, so nothing checks that a URL will receive it.`;

  it('warns once about each desired event it does not know, naming it, in the list’s order', () => {
    const plan = planChanges(
      { filters: ['onMessageSend', 'onMessageAdded', 'onTypingStarted', 'onMessageSend'] },
      LIVE,
    );
    expect(plan.warnings).toEqual([UNKNOWN('onMessageSend'), UNKNOWN('onTypingStarted')]);
  });

  it('takes no unknown event for a pre- or post-event with nowhere to go', () => {
    const plan = planChanges({ filters: ['onMessageSend'] }, BLANK);
    expect(plan.warnings).toEqual([UNKNOWN('onMessageSend')]);
  });

  it('warns also when the filters are in sync, and not about live filters it does not manage', () => {
    const holding = live({ filters: ['onMessageSend', 'onMessageAdded'] });
    expect(planChanges({ filters: ['onMessageAdded', 'onMessageSend'] }, holding)).toEqual({
      diff: [],
      update: {},
      warnings: [UNKNOWN('onMessageSend')],
    });
    expect(planChanges({ method: 'POST' }, holding).warnings).toEqual([]);
  });
});

describe('compare: a property Twilio’s answer left out', () => {
  // readConfig reads it as null, as Twilio's spec makes every property optional: a managed field
  // left out differs from any value wanted, and the difference names it.
  it('shows a managed field that the answer did not have as a difference naming it', () => {
    const answer = Object.fromEntries(Object.entries(LIVE).filter(([name]) => name !== 'method'));
    const read = readConfig(answer, { kind: 'account' });
    if (!('config' in read)) throw new Error(read.problem);
    const diff = compare({ method: 'POST', filters: LIVE.filters }, read.config);
    expect(diff).toEqual([{ field: 'method', actual: null, desired: 'POST' }]);
    expect(describeDiff(diff)).toBe(
      'configuration differs in 1 field: method is null (desired "POST")',
    );
  });
});

describe('describeDiff', () => {
  it('counts and lists the fields with JSON values', () => {
    expect(describeDiff([{ field: 'filters', actual: null, desired: ['onMessageAdded'] }])).toBe(
      'configuration differs in 1 field: filters is null (desired ["onMessageAdded"])',
    );
  });

  it('lists several fields in order, separated by semicolons', () => {
    expect(
      describeDiff([
        { field: 'method', actual: 'GET', desired: 'POST' },
        { field: 'post_webhook_url', actual: 'https://a.example/"x"', desired: null },
      ]),
    ).toBe(
      'configuration differs in 2 fields: method is "GET" (desired "POST"); ' +
        'post_webhook_url is "https://a.example/\\"x\\"" (desired null)',
    );
  });
});
