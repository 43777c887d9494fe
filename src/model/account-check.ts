// Whose configuration an answer is: Twilio answers for the account the credential belongs to, so
// an API key of another account, or an answer that names no account at all, must not pass
// silently for the account the run was told to manage.
import { sidKey } from './values.js';
import type { LiveConfig } from './webhook-config.js';

/** Why `live` cannot be taken for account `accountSid`'s configuration, if it cannot. */
export function accountMismatch(live: LiveConfig, accountSid: string): string | undefined {
  // The spec lets account_sid be null or absent (read as null): such an answer proves nothing.
  if (live.account_sid === null || live.account_sid === undefined) {
    return `Twilio's answer has no account_sid (null or missing): it cannot be tied to the account (account-sid ${accountSid}), so whose configuration it holds is unknown. Nothing was changed.`;
  }
  if (sidKey(live.account_sid) === sidKey(accountSid)) return undefined;
  return `Twilio answered for account ${live.account_sid}, not account-sid ${accountSid}: the credentials belong to another account. Nothing was changed.`;
}
