import { describe, expect, it } from 'vitest';
import { accountMismatch } from '../../../src/model/account-check.js';
import { ACCOUNT, ACCOUNT_CONFIG as LIVE, OTHER_ACCOUNT } from '../fixtures.js';

describe('accountMismatch', () => {
  it('accepts an answer for the same account', () => {
    expect(accountMismatch(LIVE, ACCOUNT)).toBeUndefined();
  });

  it('refuses an answer for another account, naming both and saying nothing changed', () => {
    expect(accountMismatch({ ...LIVE, account_sid: OTHER_ACCOUNT }, ACCOUNT)).toBe(
      `Twilio answered for account ${OTHER_ACCOUNT}, not account-sid ${ACCOUNT}: ` +
        'the credentials belong to another account. Nothing was changed.',
    );
  });

  // readConfig reads a missing account_sid as null: both are an answer that names no account.
  it('refuses an answer without an account_sid, naming it: it cannot be tied to the account', () => {
    const message = accountMismatch({ ...LIVE, account_sid: null }, ACCOUNT);
    expect(message).toBe(
      `Twilio's answer has no account_sid (null or missing): it cannot be tied to the account (account-sid ${ACCOUNT}), ` +
        'so whose configuration it holds is unknown. Nothing was changed.',
    );
  });

  it('compares the hex digits of the SIDs in either case, as Twilio’s pattern allows them', () => {
    const upper = `AC${ACCOUNT.slice(2).toUpperCase()}`;
    expect(accountMismatch({ ...LIVE, account_sid: upper }, ACCOUNT)).toBeUndefined();
    expect(accountMismatch(LIVE, upper)).toBeUndefined();
    expect(accountMismatch({ ...LIVE, account_sid: `ac${ACCOUNT.slice(2)}` }, ACCOUNT)).toBe(
      `Twilio answered for account ac${ACCOUNT.slice(2)}, not account-sid ${ACCOUNT}: ` +
        'the credentials belong to another account. Nothing was changed.',
    );
  });
});
