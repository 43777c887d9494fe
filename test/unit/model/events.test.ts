import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_ONLY_EVENTS,
  ALL_EVENTS,
  CLEAR,
  isPostEvent,
  isPreEvent,
  parseFilters,
  POST_EVENTS,
  PRE_EVENTS,
  SERVICE_EVENTS,
} from '../../../src/model/events.js';
import { invalidValue } from '../fixtures.js';

const account = (value: string) => parseFilters(value, 'account');
const service = (value: string) => parseFilters(value, 'service');

describe('event lists', () => {
  it('holds every pre- and post-event once, pre-events first', () => {
    expect(ALL_EVENTS).toEqual([...PRE_EVENTS, ...POST_EVENTS]);
    expect(new Set(ALL_EVENTS).size).toBe(ALL_EVENTS.length);
  });

  it('tells pre-events (present tense) from post-events (past tense)', () => {
    for (const name of PRE_EVENTS)
      expect([isPreEvent(name), isPostEvent(name)]).toEqual([true, false]);
    for (const name of POST_EVENTS)
      expect([isPreEvent(name), isPostEvent(name)]).toEqual([false, true]);
    expect([isPreEvent('onMessageAddd'), isPostEvent('onmessageadded')]).toEqual([false, false]);
  });

  it('gives the per-service resource every event but the user events', () => {
    expect(SERVICE_EVENTS).toEqual(ALL_EVENTS.filter((name) => !ACCOUNT_ONLY_EVENTS.has(name)));
    expect([...ACCOUNT_ONLY_EVENTS].sort()).toEqual([
      'onUserAdded',
      'onUserUpdate',
      'onUserUpdated',
    ]);
    for (const name of ACCOUNT_ONLY_EVENTS) expect(ALL_EVENTS).toContain(name);
  });

  it('clears with "none"', () => {
    expect(CLEAR).toBe('none');
  });
});

describe('parseFilters: valid lists', () => {
  it.each([
    ['onMessageAdded,onMessageRemoved', ['onMessageAdded', 'onMessageRemoved']],
    ['onMessageAdded\nonMessageRemoved\n', ['onMessageAdded', 'onMessageRemoved']],
    ['onMessageAdded\r\nonMessageRemoved\r\n', ['onMessageAdded', 'onMessageRemoved']],
    [
      '  onMessageAdded ,\tonConversationUpdated\r\n\n onMessageAdded ,, onParticipantAdded\n',
      ['onMessageAdded', 'onConversationUpdated', 'onParticipantAdded'],
    ],
    ['onMessageAdded,onMessageAdded,onMessageAdded', ['onMessageAdded']],
  ])(
    'splits %j on commas, new lines and CRLF, trims, and drops duplicates in order',
    (value, names) => {
      expect(account(value)).toEqual(names);
    },
  );

  it('accepts every event name for the account-wide configuration', () => {
    expect(account(ALL_EVENTS.join(','))).toEqual(ALL_EVENTS);
  });

  it('accepts every service event for the per-service configuration', () => {
    expect(service(SERVICE_EVENTS.join('\n'))).toEqual(SERVICE_EVENTS);
  });

  it.each(['none', 'NONE', 'None', '  nOnE  ', 'none\n', ',none,'])(
    'clears the list with %j',
    (value) => {
      expect(account(value)).toEqual([]);
      expect(service(value)).toEqual([]);
    },
  );
});

describe('parseFilters: refusals, phrased without the input’s name', () => {
  it.each(['none, onMessageAdded', 'onMessageAdded\nnone', 'NONE,onUserAdded'])(
    'refuses "none" mixed with events: %j',
    (value) => {
      expect(invalidValue(account, value).message).toBe(
        'mixes "none" with event names: "none" clears the list and must stand alone.',
      );
    },
  );

  it.each(['', ',', ' , ', '\n', '\r\n', ',\n,\r\n , '])('refuses separators only: %j', (value) => {
    expect(invalidValue(account, value).message).toBe(
      `is ${JSON.stringify(value)}, which holds no event name: list event names separated by commas or new lines, or "none" to clear the list.`,
    );
  });

  it.each([
    ['onMesageAdded', 'onMessageAdded'],
    ['onmessageadded', 'onMessageAdded'],
    ['ONPARTICIPANTREMOVED', 'onParticipantRemoved'],
    ['onConversationStateUpdate', 'onConversationStateUpdated'],
    ['onDeliveryUpdate', 'onDeliveryUpdated'],
    ['onParticpantAdd', 'onParticipantAdd'],
  ])('refuses the unknown event %j and suggests %s', (name, suggestion) => {
    const message = invalidValue(account, `onMessageAdded, ${name}`).message;
    expect(message).toBe(
      `has ${JSON.stringify(name)}, which is not a Conversations event. Did you mean ${suggestion}? Valid: ${ALL_EVENTS.join(', ')}.`,
    );
  });

  it('suggests a name one edit away for "onMessageAddd"', () => {
    // onMessageAdd (drop a d) and onMessageAdded (d for e) are both one edit away.
    const suggested = /Did you mean (\w+)\?/.exec(invalidValue(account, 'onMessageAddd').message);
    expect(['onMessageAdd', 'onMessageAdded']).toContain(suggested?.[1]);
  });

  it.each(['deploymentFinished', 'x', '*'])(
    'offers no suggestion for %j, far from any event',
    (name) => {
      const message = invalidValue(account, name).message;
      expect(message).toContain('not a Conversations event');
      expect(message).not.toContain('Did you mean');
      expect(message).toContain('Valid: onMessageAdd');
    },
  );

  it('quotes an unknown name escaped and shortened', () => {
    const message = invalidValue(account, `on${'x'.repeat(500)}\u0007`).message;
    expect(message).toContain('…');
    expect(message).not.toContain('x'.repeat(100));
  });

  it.each([...ACCOUNT_ONLY_EVENTS])(
    'refuses the user event %s for the per-service configuration',
    (name) => {
      const message = invalidValue(service, `onMessageAdded\n${name}`).message;
      expect(message).toBe(
        `has "${name}", which the per-service configuration does not accept (user events belong to the account-wide one). Valid here: ${SERVICE_EVENTS.join(', ')}.`,
      );
      const valid = message.slice(message.indexOf('Valid here:'));
      for (const userEvent of ACCOUNT_ONLY_EVENTS) expect(valid).not.toContain(userEvent);
      // The same name is fine for the account-wide configuration.
      expect(account(name)).toEqual([name]);
    },
  );

  it.each([
    ['onMesageAdded', 'onMessageAdded'],
    ['onParticipnatAdded', 'onParticipantAdded'],
    ['onMessageadded', 'onMessageAdded'],
    ['onUserAdd', 'onUserAdded'],
  ])(
    'refuses the well-formed %j, two edits or fewer from a known event, as a typo of %s',
    (name, suggestion) => {
      expect(invalidValue(account, name).message).toContain(
        `has ${JSON.stringify(name)}, which is not a Conversations event. Did you mean ${suggestion}?`,
      );
    },
  );

  it('never suggests a user event to the per-service configuration', () => {
    const message = invalidValue(service, 'onUserAdde').message;
    expect(message).toContain('not a Conversations event');
    expect(message).not.toContain('Did you mean onUserAdded');
    expect(message).toContain(`Valid: ${SERVICE_EVENTS.join(', ')}.`);
  });
});

describe('parseFilters: events Twilio may have added since', () => {
  // onMessageSend is the example of Twilio's own spec; the others are as far from every known
  // name (three edits or more), and shaped like one.
  it.each(['onMessageSend', 'onMessageRead', 'onConversationClosed', 'onTypingStarted'])(
    'lets %j through, for Twilio to judge, on both resources',
    (name) => {
      expect(account(`onMessageAdded, ${name}`)).toEqual(['onMessageAdded', name]);
      expect(service(name)).toEqual([name]);
      expect([isPreEvent(name), isPostEvent(name)]).toEqual([false, false]);
    },
  );

  it.each(['onmessageSend', 'onMessage_Send', 'onMessageSend2', 'OnMessageSend', 'on', 'onM'])(
    'refuses %j, not shaped like an event name',
    (name) => {
      expect(invalidValue(account, name).message).toContain('which is not a Conversations event.');
    },
  );

  it('still refuses the user events for the per-service configuration', () => {
    for (const name of ACCOUNT_ONLY_EVENTS) {
      expect(invalidValue(service, `onMessageSend,${name}`).message).toContain(
        'which the per-service configuration does not accept',
      );
    }
  });
});
