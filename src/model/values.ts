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
