// Conversations webhook event names, from Twilio's OpenAPI description
// (twilio/twilio-oai, spec/json/twilio_conversations_v1.json, Apache-2.0) and Twilio's webhook docs.
// Present tense is a pre-event hook (Twilio waits for the answer before acting); past tense is a
// post-event hook (sent after the fact). The list is what this action knows, not what Twilio has:
// a well-formed name far from all of these may be an event Twilio added since (its spec's own
// example uses onMessageSend), and passes with a warning (plan.ts); Twilio is the authority on it.
import { InvalidValue } from '../core/errors.js';
import { closestMatch, editDistance } from '../core/suggest.js';
import { quote } from '../core/text.js';

export const PRE_EVENTS = [
  'onMessageAdd',
  'onMessageUpdate',
  'onMessageRemove',
  'onConversationAdd',
  'onConversationUpdate',
  'onConversationRemove',
  'onParticipantAdd',
  'onParticipantUpdate',
  'onParticipantRemove',
  'onUserUpdate',
] as const;

export const POST_EVENTS = [
  'onMessageAdded',
  'onMessageUpdated',
  'onMessageRemoved',
  'onConversationAdded',
  'onConversationUpdated',
  'onConversationRemoved',
  'onConversationStateUpdated',
  'onParticipantAdded',
  'onParticipantUpdated',
  'onParticipantRemoved',
  'onDeliveryUpdated',
  'onUserAdded',
  'onUserUpdated',
] as const;

/** The per-service resource does not accept user events: users belong to the account. */
export const ACCOUNT_ONLY_EVENTS: ReadonlySet<string> = new Set([
  'onUserAdded',
  'onUserUpdate',
  'onUserUpdated',
]);

const PRE: ReadonlySet<string> = new Set(PRE_EVENTS);
const POST: ReadonlySet<string> = new Set(POST_EVENTS);

export const ALL_EVENTS: readonly string[] = [...PRE_EVENTS, ...POST_EVENTS];

export function isPreEvent(name: string): boolean {
  return PRE.has(name);
}

export function isPostEvent(name: string): boolean {
  return POST.has(name);
}

/** The events the per-service resource accepts: all but the user events. */
export const SERVICE_EVENTS: readonly string[] = ALL_EVENTS.filter(
  (name) => !ACCOUNT_ONLY_EVENTS.has(name),
);

/**
 * What an Address Configuration's webhook may hear: the post-events of the conversation it is
 * attached to (reference: AutoCreation.WebhookFilters in twilio-oai-conversations-addresses.json).
 */
export const ADDRESS_EVENTS: readonly string[] = [
  'onMessageAdded',
  'onMessageUpdated',
  'onMessageRemoved',
  'onConversationUpdated',
  'onConversationStateUpdated',
  'onConversationRemoved',
  'onParticipantAdded',
  'onParticipantUpdated',
  'onParticipantRemoved',
  'onDeliveryUpdated',
];

/** The shape of Twilio's event names: "on", then words that each start upper case. */
const EVENT_NAME = /^on[A-Z][A-Za-z]+$/;
/**
 * How many edits (ignoring case) make a name a typo of a known one rather than a new event: one
 * or two catch a slip or a tense (onDeliveryUpdate), while onMessageSend, three from
 * onMessageAdd, is a name of its own.
 */
const TYPO_EDITS = 2;

/**
 * A well-formed name that is not a typo of a known event: Twilio may have added it since this
 * list was written. Its kind (pre or post) is unknown: a name like onMessageRead reads as both
 * tenses, so none is guessed from it.
 */
function mayBeNewEvent(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    EVENT_NAME.test(name) &&
    ALL_EVENTS.every((known) => editDistance(lower, known.toLowerCase()) > TYPO_EDITS)
  );
}

const ACCEPTED = { account: ALL_EVENTS, service: SERVICE_EVENTS, address: ADDRESS_EVENTS };

/** What clears a URL or the filter list. */
export const CLEAR = 'none';

/**
 * Event names separated by commas or new lines, without blanks or duplicates; "none" alone is
 * the empty list. The names the resource accepts pass, and so does a well-formed name that is no
 * typo of a known event; a known event the resource does not accept, or a typo, is refused.
 */
export function parseFilters(
  value: string,
  resource: 'account' | 'service' | 'address',
): readonly string[] {
  const names = [
    ...new Set(
      value
        .split(/[,\n\r]/)
        .map((name) => name.trim())
        .filter((name) => name !== ''),
    ),
  ];
  if (names.length === 0) {
    throw new InvalidValue(
      `is ${quote(value)}, which holds no event name: list event names separated by commas or new lines, or "${CLEAR}" to clear the list.`,
    );
  }
  if (names.some((name) => name.toLowerCase() === CLEAR)) {
    if (names.length > 1) {
      throw new InvalidValue(
        `mixes "${CLEAR}" with event names: "${CLEAR}" clears the list and must stand alone.`,
      );
    }
    return [];
  }
  const accepted = ACCEPTED[resource];
  for (const name of names) {
    if (accepted.includes(name)) continue;
    if (ALL_EVENTS.includes(name)) {
      throw new InvalidValue(
        resource === 'address'
          ? `has ${quote(name)}, which an address's webhook does not hear (it hears the post-events of its conversation only). Valid here: ${accepted.join(', ')}.`
          : `has ${quote(name)}, which the per-service configuration does not accept (user events belong to the account-wide one). Valid here: ${accepted.join(', ')}.`,
      );
    }
    // The address resource lists every name it takes: nothing new passes on trust there.
    if (resource !== 'address' && mayBeNewEvent(name)) continue;
    const suggestion = closestMatch(name, accepted);
    const hint = suggestion === undefined ? '' : ` Did you mean ${suggestion}?`;
    throw new InvalidValue(
      `has ${quote(name)}, which is not a Conversations event.${hint} Valid: ${accepted.join(', ')}.`,
    );
  }
  return names;
}
