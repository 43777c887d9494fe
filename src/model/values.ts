// The managed fields' values as a person writes them (in an input or in the desired-state file),
// checked and turned into the wire's values. Errors say what is wrong, not where it was written.
import { InvalidValue } from '../core/errors.js';
import { CLEAR } from './events.js';
import { quote } from '../core/text.js';
import { webhookUrlProblem, showUrl } from '../core/urls.js';

export type Method = 'GET' | 'POST';
export type Target = 'webhook' | 'flex';

export function parseMethod(value: string): Method {
  const upper = value.toUpperCase();
  if (upper === 'GET' || upper === 'POST') return upper;
  throw new InvalidValue(`is ${quote(value)}: must be GET or POST.`);
}

export function parseTarget(value: string): Target {
  const lower = value.toLowerCase();
  if (lower === 'webhook' || lower === 'flex') return lower;
  throw new InvalidValue(`is ${quote(value)}: must be webhook or flex.`);
}

/** A webhook URL kept exactly as written (Twilio signs each request with it), or null to clear. */
export function parseWebhookUrl(value: string): string | null {
  if (value.toLowerCase() === CLEAR) return null;
  const problem = webhookUrlProblem(value);
  if (problem !== undefined) {
    throw new InvalidValue(
      `is ${quote(showUrl(value))}: ${problem}. Give an absolute http(s) URL such as https://example.com/twilio, or "${CLEAR}" to clear it.`,
    );
  }
  return value;
}

/** "true" or "false": the file may write a YAML boolean, an input or `${NAME}` its text. */
export function parseBoolean(value: string): 'true' | 'false' {
  const lower = value.trim().toLowerCase();
  if (lower === 'true' || lower === 'false') return lower;
  throw new InvalidValue(`is ${quote(value)}: must be true or false.`);
}

/** FriendlyName: "limited to 256 characters" (reference: twilio-oai-conversations-addresses.json). */
const MAX_FRIENDLY_NAME = 256;

export function parseFriendlyName(value: string): string {
  const length = Array.from(value).length;
  if (length <= MAX_FRIENDLY_NAME) return value;
  throw new InvalidValue(
    `is ${length} characters long: Twilio takes at most ${MAX_FRIENDLY_NAME}.`,
  );
}

export type AutoCreationType = 'webhook' | 'studio' | 'default';

export function parseAutoCreationType(value: string): AutoCreationType {
  const lower = value.toLowerCase();
  if (lower === 'webhook' || lower === 'studio' || lower === 'default') return lower;
  throw new InvalidValue(
    `is ${quote(value)}: must be webhook (a webhook of the conversation's own), studio (a Studio Flow) or default (nothing more).`,
  );
}

/** A Conversations service's SID, by Twilio's pattern: either case of hex digit. */
export const SERVICE_SID = /^IS[0-9a-fA-F]{32}$/;

/**
 * What makes two SIDs the same: Twilio's pattern (`^IS[0-9a-fA-F]{32}$`) allows either case of
 * hex digit, and the digits are one number whatever their case; the prefix has one case only.
 * A SID is still sent as written.
 */
export function sidKey(sid: string): string {
  return `${sid.slice(0, 2)}${sid.slice(2).toLowerCase()}`;
}

const STUDIO_FLOW_SID = /^FW[0-9a-fA-F]{32}$/;

/** A service by its SID, or by a friendly name resolved among the account's services. */
export function parseServiceRef(value: string): string {
  if (value.trim() !== '') return value;
  throw new InvalidValue(
    `is ${quote(value)}, which is blank: give the service's SID (IS…) or its friendly name.`,
  );
}

export function parseStudioFlowSid(value: string): string {
  if (STUDIO_FLOW_SID.test(value)) return value;
  throw new InvalidValue(
    `is ${quote(value)}: expected a Studio Flow SID, FW followed by 32 hex digits (34 characters).`,
  );
}

export function parseRetryCount(value: string): string {
  const text = value.trim();
  if (/^\d{1,9}$/.test(text)) return String(Number(text));
  throw new InvalidValue(`is ${quote(value)}: expected a whole number of retries, 0 or more.`);
}
