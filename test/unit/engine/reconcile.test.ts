import { describe, expect, it } from 'vitest';
import { errorMessage } from '../../../src/core/errors.js';
import { planChanges } from '../../../src/engine/plan.js';
import type { FieldDiff } from '../../../src/model/result.js';
import { CancelledRequest } from '../../../src/http/cancellation.js';
import { applyPlan, refused, skipped, withoutUpdate } from '../../../src/engine/reconcile.js';
import type { ResourceContext } from '../../../src/engine/reconcile.js';
import type { TwilioApi } from '../../../src/twilio/client.js';
import { RetriesExhausted } from '../../../src/http/retry.js';
import {
  TransportError,
  TwilioApiError,
  UnexpectedAnswerError,
} from '../../../src/twilio/errors.js';
import type { TransportFailure } from '../../../src/twilio/errors.js';
import type { DesiredConfig } from '../../../src/model/fields.js';
import type { LiveConfig } from '../../../src/model/webhook-config.js';
import { ACCOUNT_CONFIG as LIVE, PER_SERVICE } from '../fixtures.js';

const POST = 'POST /v1/Configuration/Webhooks';
const DESIRED: DesiredConfig = {
  method: 'POST',
  post_webhook_url: 'https://new.example.com/post',
  target: 'webhook',
};
const IN_SYNC: LiveConfig = {
  ...LIVE,
  method: 'POST',
  post_webhook_url: 'https://new.example.com/post',
};
const DIFFERS =
  'configuration differs in 1 field: post_webhook_url is "https://old.example.com/post" (desired "https://new.example.com/post").';
const ROLLED_BACK =
  ' Rolled back: method, post_webhook_url restored to the values from before this run, and verified.';

function context(overrides: Partial<ResourceContext> = {}): ResourceContext {
  return {
    resource: { kind: 'account' },
    name: undefined,
    desired: DESIRED,
    failOnDrift: true,
    rollback: false,
    ...overrides,
  };
}

/** What every result of the default context says of the resource before its update. */
function before(previous: LiveConfig, diff: readonly FieldDiff[]) {
  return { resource: { kind: 'account' }, name: undefined, desired: DESIRED, previous, diff };
}

/** Phrases an error recognisably, and records what it was asked to phrase. */
function explainer() {
  const explained: unknown[] = [];
  const explain = (error: unknown) => {
    explained.push(error);
    return `[${errorMessage(error)}]`;
  };
  return { explain, explained };
}

type Outcome = LiveConfig | { readonly throws: unknown };

/**
 * An in-memory Twilio: records each call; an update answers with the live config merged with what
 * was sent (or as told, by the number of the update), a fetch with the live config (or as told).
 */
function fakeAccess(
  options: { update?: (update: DesiredConfig, nth: number) => Outcome; fetch?: Outcome } = {},
): TwilioApi & { readonly calls: string[]; readonly sent: DesiredConfig[] } {
  const calls: string[] = [];
  const sent: DesiredConfig[] = [];
  const settle = (outcome: Outcome) =>
    'throws' in outcome
      ? // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- what a careless dependency might do
        Promise.reject(outcome.throws)
      : Promise.resolve(outcome);
  return {
    calls,
    sent,
    updateConfig(_resource, update) {
      calls.push('update');
      sent.push(update);
      return settle(options.update?.(update, sent.length) ?? { ...LIVE, ...update });
    },
    fetchConfig() {
      calls.push('fetch');
      return settle(options.fetch ?? LIVE);
    },
    listServices: () => Promise.reject(new Error('the reconciler lists no services')),
    listAddresses: () => Promise.reject(new Error('the reconciler lists no addresses')),
    createAddress: () => Promise.reject(new Error('not used: the account-wide one exists')),
    close: () => Promise.resolve(),
  };
}

async function apply(
  access: TwilioApi,
  {
    live = LIVE,
    desired = DESIRED,
    rollback = false,
  }: { live?: LiveConfig; desired?: DesiredConfig; rollback?: boolean } = {},
) {
  const { explain, explained } = explainer();
  const plan = planChanges(desired, live);
  const result = await applyPlan(access, context({ desired, rollback }), live, plan, explain);
  return { result, plan, explained };
}

const throwing = (error: unknown) => () => ({ throws: error });
/** The first update (the plan's) answers `first`; any later one (a rollback) as Twilio would. */
const firstAnswers =
  (first: Outcome) =>
  (update: DesiredConfig, nth: number): Outcome =>
    nth === 1 ? first : { ...LIVE, ...update };

describe('applyPlan: an answered update', () => {
  it('sends nothing when in sync', async () => {
    const access = fakeAccess();
    const { result } = await apply(access, { live: IN_SYNC });
    expect(access.calls).toEqual([]);
    expect(result).toEqual({
      ...before(IN_SYNC, []),
      current: IN_SYNC,
      status: 'in-sync',
      changed: false,
      failure: undefined,
    });
  });

  it('sends exactly plan.update, once, and reports the verified answer', async () => {
    const access = fakeAccess();
    const { result, plan } = await apply(access);
    expect(plan.update).toEqual({
      method: 'POST',
      post_webhook_url: 'https://new.example.com/post',
    });
    expect(access.calls).toEqual(['update']);
    expect(access.sent).toEqual([plan.update]);
    expect(result).toEqual({
      ...before(LIVE, plan.diff),
      current: { ...LIVE, ...plan.update },
      status: 'updated',
      changed: true,
    });
  });

  it('accepts an answer that matches the desired state in its own spelling', async () => {
    const desired: DesiredConfig = { method: 'POST', filters: ['onMessageAdded', 'onMessageAdd'] };
    const access = fakeAccess({
      update: () => ({ ...LIVE, method: 'post', filters: ['onMessageAdd', 'onMessageAdded'] }),
    });
    const { result } = await apply(access, { desired });
    expect(result).toMatchObject({ status: 'updated', changed: true });
  });

  it('keeps the resource and its name', async () => {
    const { explain } = explainer();
    const result = await applyPlan(
      fakeAccess(),
      context({ resource: PER_SERVICE, name: 'Support' }),
      LIVE,
      planChanges(DESIRED, LIVE),
      explain,
    );
    expect(result).toMatchObject({ resource: PER_SERVICE, name: 'Support', status: 'updated' });
  });

  it('fails when the answer does not match, naming the field and both values', async () => {
    const answer = { ...IN_SYNC, post_webhook_url: LIVE.post_webhook_url };
    const access = fakeAccess({ update: () => answer });
    const { result } = await apply(access);
    expect(access.calls).toEqual(['update']);
    expect(result).toMatchObject({ status: 'failed', changed: false, current: answer });
    expect(result.failure).toBe(
      `Twilio accepted the update, but its answer does not match: ${DIFFERS}`,
    );
  });

  it('verifies every managed field, not only the ones it sent', async () => {
    // target was already right, so it is not sent; an answer that changed it still fails.
    const access = fakeAccess({ update: (update) => ({ ...LIVE, ...update, target: 'flex' }) });
    const { result } = await apply(access);
    expect(result).toMatchObject({ status: 'failed', changed: false });
    expect(result.failure).toContain('target is "flex" (desired "webhook")');
    expect(result.failure).not.toContain('method is');
  });
});

describe('applyPlan: rollback of an answer that does not match', () => {
  const MISMATCH = { ...IN_SYNC, post_webhook_url: LIVE.post_webhook_url };
  const WHY = `Twilio accepted the update, but its answer does not match: ${DIFFERS}`;

  it('puts back the previous values of the fields it changed, verifies them, and fails', async () => {
    const access = fakeAccess({ update: firstAnswers(MISMATCH) });
    const { result, plan } = await apply(access, { rollback: true });
    expect(access.calls).toEqual(['update', 'update']);
    expect(access.sent).toEqual([
      plan.update,
      { method: 'GET', post_webhook_url: 'https://old.example.com/post' },
    ]);
    expect(result).toEqual({
      ...before(LIVE, plan.diff),
      current: LIVE,
      status: 'failed',
      changed: false,
      failure: `${WHY}${ROLLED_BACK}`,
    });
  });

  it('says so when the rollback does not verify either', async () => {
    const access = fakeAccess({ update: () => MISMATCH });
    const { result } = await apply(access, { rollback: true });
    expect(access.calls).toEqual(['update', 'update']);
    expect(result).toMatchObject({ status: 'failed', current: MISMATCH });
    expect(result.failure).toBe(
      `${WHY} The rollback of method, post_webhook_url did not verify either: configuration differs in 1 field: method is "POST" (desired "GET"). Fix it by hand.`,
    );
  });

  it('a rollback Twilio refused: says so, and reports what Twilio holds', async () => {
    const access = fakeAccess({
      update: (update, nth) => (nth === 1 ? MISMATCH : { throws: status(400) }),
    });
    const { result, plan } = await apply(access, { rollback: true });
    expect(access.calls).toEqual(['update', 'update']);
    expect(result).toEqual({
      ...before(LIVE, plan.diff),
      current: MISMATCH,
      status: 'failed',
      changed: false,
      failure: `${WHY} The rollback of method, post_webhook_url was not applied: [${status(400).message}] Fix it by hand.`,
    });
  });

  it('a rollback whose answer is lost: fetches again, and reports it applied when it was', async () => {
    const access = fakeAccess({
      update: (update, nth) => (nth === 1 ? MISMATCH : { throws: transport('timeout') }),
      fetch: LIVE,
    });
    const { result, explained } = await apply(access, { rollback: true });
    expect(access.calls).toEqual(['update', 'update', 'fetch']);
    expect(explained).toEqual([transport('timeout')]);
    expect(result).toMatchObject({ status: 'failed', changed: false, current: LIVE });
    expect(result.failure).toBe(
      `${WHY} Rolled back: method, post_webhook_url restored to the values from before this run; the rollback's answer was lost ([${POST} failed: timeout.]), and fetching the configuration again shows it applied.`,
    );
  });

  it('a rollback whose answer is lost, and not applied: reports what the fetch shows', async () => {
    const access = fakeAccess({
      update: (update, nth) => (nth === 1 ? MISMATCH : { throws: transport('connection') }),
      fetch: MISMATCH,
    });
    const { result } = await apply(access, { rollback: true });
    expect(access.calls).toEqual(['update', 'update', 'fetch']);
    expect(result).toMatchObject({ status: 'failed', current: MISMATCH });
    expect(result.failure).toBe(
      `${WHY} The rollback's answer was lost ([${POST} failed: connection.]), and the configuration fetched again does not match the values from before this run: ` +
        'configuration differs in 1 field: method is "POST" (desired "GET"). Fix it by hand.',
    );
  });

  it('a rollback whose answer is lost, and the fetch fails too: unknown, and says so', async () => {
    const access = fakeAccess({
      update: (update, nth) => (nth === 1 ? MISMATCH : { throws: transport('timeout') }),
      fetch: { throws: transport('dns') },
    });
    const { result } = await apply(access, { rollback: true });
    expect(access.calls).toEqual(['update', 'update', 'fetch']);
    expect(result).toMatchObject({ status: 'failed', current: undefined, previous: LIVE });
    expect(result.failure).toBe(
      `${WHY} The rollback's answer was lost ([${POST} failed: timeout.]) and fetching the configuration again failed too ([${POST} failed: dns.]): whether Twilio applied the rollback of method, post_webhook_url is unknown. Check the configuration by hand.`,
    );
  });

  it('restores filters that were unset as an empty list', async () => {
    const live = { ...LIVE, filters: null };
    const desired: DesiredConfig = { filters: ['onMessageAdded'] };
    const access = fakeAccess({ update: firstAnswers({ ...live, filters: ['onMessageAdd'] }) });
    const { result } = await apply(access, { live, desired, rollback: true });
    expect(access.sent[1]).toEqual({ filters: [] });
    expect(result.failure).toContain(
      'Rolled back: filters restored to the values from before this run, and verified.',
    );
  });

  it('does not roll back a method or target that was never set, which cannot be sent back', async () => {
    const live = { ...LIVE, method: null, target: null };
    const desired: DesiredConfig = { method: 'POST', target: 'flex' };
    const access = fakeAccess({ update: () => live });
    const { result } = await apply(access, { live, desired, rollback: true });
    expect(access.calls).toEqual(['update']);
    expect(result.failure).toBe(
      'Twilio accepted the update, but its answer does not match: configuration differs in 2 fields: method is null (desired "POST"); target is null (desired "flex").',
    );
  });
});

const transport = (failure: TransportFailure) => new TransportError(POST, failure, failure);
const status = (code: number) =>
  new TwilioApiError(POST, code, { code: undefined, description: `status ${code}` });

describe('applyPlan: an update refused, or never sent', () => {
  it.each<[string, Error]>([
    ['a 400', status(400)],
    ['a 401', status(401)],
    ['a 404', status(404)],
    ['a 409', status(409)],
    ['a refused connection', transport('refused')],
    ['a host that does not resolve', transport('dns')],
    ['a failed TLS handshake', transport('tls')],
    ['an update a cancelled run did not send', new CancelledRequest(POST, false, 'not sent.')],
  ])('says %s was not applied, without fetching again', async (_case, error) => {
    const access = fakeAccess({ update: throwing(error) });
    const { result, plan, explained } = await apply(access, { rollback: true });
    expect(access.calls).toEqual(['update']);
    expect(explained).toEqual([error]);
    expect(result).toEqual({
      ...before(LIVE, plan.diff),
      current: LIVE,
      status: 'failed',
      changed: false,
      failure: `The update was not applied: [${error.message}]`,
    });
  });
});

const MAY_HAVE_ARRIVED: [string, unknown][] = [
  ['a timeout', transport('timeout')],
  ['a dropped connection', transport('connection')],
  ['an answer too large to read', transport('too-large')],
  ['retries exhausted', new RetriesExhausted(4, transport('refused'))],
  ['an answer of the wrong shape', new UnexpectedAnswerError(POST, 200, 'JSON without url')],
  ['a 500', status(500)],
  ['a 503', status(503)],
  ['a 429', status(429)],
  ['a 408', status(408)],
  ['an update a cancelled run cut off in flight', new CancelledRequest(POST, true, 'cut off.')],
  ['something thrown that is not an Error', 'plain string'],
];

describe('applyPlan: an update that may have reached Twilio', () => {
  it.each(MAY_HAVE_ARRIVED)(
    'fetches again after %s, and reports the update applied when it was',
    async (_case, error) => {
      const access = fakeAccess({ update: throwing(error), fetch: IN_SYNC });
      const { result, plan } = await apply(access);
      const lost = `[${errorMessage(error)}]`;
      expect(access.calls).toEqual(['update', 'fetch']);
      expect(result).toEqual({
        ...before(LIVE, plan.diff),
        current: IN_SYNC,
        status: 'updated',
        changed: true,
        notes: [
          `The update's answer was lost (${lost}), but fetching the configuration again shows the update applied.`,
        ],
      });
    },
  );

  it.each(MAY_HAVE_ARRIVED)(
    'after %s, reports the update not applied when the fetch shows it unchanged',
    async (_case, error) => {
      const unchanged = { ...LIVE, url: 'fetched again' };
      const access = fakeAccess({ update: throwing(error), fetch: unchanged });
      const { result } = await apply(access, { rollback: true });
      expect(access.calls).toEqual(['update', 'fetch']);
      expect(result).toMatchObject({ status: 'failed', changed: false, current: unchanged });
      expect(result.failure).toBe(
        `The update was not applied: [${errorMessage(error)}] Fetching the configuration again shows it unchanged.`,
      );
    },
  );

  it.each(MAY_HAVE_ARRIVED)(
    'after %s, says the outcome is unknown when fetching again fails too',
    async (_case, error) => {
      const access = fakeAccess({ update: throwing(error), fetch: { throws: transport('dns') } });
      const { result, explained } = await apply(access);
      expect(access.calls).toEqual(['update', 'fetch']);
      expect(explained).toEqual([error, transport('dns')]);
      expect(result).toMatchObject({ status: 'failed', changed: false });
      expect(result.current).toBeUndefined();
      expect('current' in result).toBe(true);
      expect(result.failure).toBe(
        `The update's answer was lost ([${errorMessage(error)}]) and fetching the configuration again failed too ([${POST} failed: dns.]): whether Twilio applied the update is unknown. Run again to find out.`,
      );
    },
  );

  const ELSEWHERE = { ...LIVE, method: 'POST', post_webhook_url: 'https://third.example/post' };
  const LOST_ELSEWHERE =
    `The update's answer was lost ([${POST} failed: timeout.]), and the configuration fetched again does not match: ` +
    'configuration differs in 1 field: post_webhook_url is "https://third.example/post" (desired "https://new.example.com/post").';

  it.each([
    [false, ['update', 'fetch'], ELSEWHERE, LOST_ELSEWHERE],
    [true, ['update', 'fetch', 'update'], LIVE, `${LOST_ELSEWHERE}${ROLLED_BACK}`],
  ])(
    'reports what still differs when the fetch shows something else (rollback %s)',
    async (rollback, calls, current, failure) => {
      const access = fakeAccess({
        update: firstAnswers({ throws: transport('timeout') }),
        fetch: ELSEWHERE,
      });
      const { result } = await apply(access, { rollback });
      expect(access.calls).toEqual(calls);
      expect(result).toMatchObject({ status: 'failed', changed: false, current });
      expect(result.failure).toBe(failure);
    },
  );

  it('says "unchanged" only when the fetched configuration is the live one', async () => {
    // method applied (POST) while someone changed target: as many fields differ as before.
    const partly = { ...LIVE, method: 'POST', target: 'flex' };
    const access = fakeAccess({ update: throwing(transport('timeout')), fetch: partly });
    const { result } = await apply(access);
    expect(result.status).toBe('failed');
    expect(result.failure).not.toContain('shows it unchanged');
    expect(result.failure).toContain('the configuration fetched again does not match');
  });
});

describe('withoutUpdate', () => {
  it('fails a drifted resource by default, describing every differing field', () => {
    const plan = planChanges(DESIRED, LIVE);
    const result = withoutUpdate(context(), LIVE, plan);
    expect(result).toMatchObject({
      status: 'drifted',
      changed: false,
      current: LIVE,
      previous: LIVE,
    });
    expect(result.failure).toBe(
      'The live configuration differs in 2 fields: method is "GET" (desired "POST"); ' +
        'post_webhook_url is "https://old.example.com/post" (desired "https://new.example.com/post"). ' +
        'Run in apply mode to fix it, or change the desired values.',
    );
  });

  it('reports drift without failing when fail-on-drift is false', () => {
    const result = withoutUpdate(context({ failOnDrift: false }), LIVE, planChanges(DESIRED, LIVE));
    expect(result).toMatchObject({ status: 'drifted', changed: false });
    expect(result.diff).toHaveLength(2);
    expect(result.failure).toBeUndefined();
  });

  it.each([true, false])('is in sync when nothing differs (fail-on-drift %s)', (failOnDrift) => {
    const result = withoutUpdate(context({ failOnDrift }), IN_SYNC, planChanges(DESIRED, IN_SYNC));
    expect(result).toMatchObject({
      status: 'in-sync',
      changed: false,
      diff: [],
      current: IN_SYNC,
    });
    expect(result.failure).toBeUndefined();
  });
});

describe('skipped and refused', () => {
  const plan = planChanges(DESIRED, LIVE);
  const WHY = 'Someone else holds it.';

  it.each([
    [
      'leaves a skipped resource as it is, with the reason as its note',
      skipped,
      { status: 'skipped', notes: [WHY] },
    ],
    [
      'fails a refused resource with the reason, its live configuration unchanged',
      refused,
      { status: 'failed', failure: WHY },
    ],
  ] as const)('%s', (_case, make, outcome) => {
    expect(make(context(), LIVE, plan, WHY)).toEqual({
      ...before(LIVE, plan.diff),
      current: LIVE,
      changed: false,
      ...outcome,
    });
  });
});
