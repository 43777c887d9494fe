// Conversations webhook event names, from Twilio's OpenAPI description
// (twilio/twilio-oai, spec/json/twilio_conversations_v1.json, Apache-2.0) and Twilio's webhook docs.
// Present tense is a pre-event hook (Twilio waits for the answer before acting); past tense is a
// post-event hook (sent after the fact).

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
