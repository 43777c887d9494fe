// The emulator's options for answers that Twilio's spec allows and clients stumble on: properties
// left out of a configuration (`omitFields`), and a services list that repeats its pages
// (`repeatServicePages`).
import { describe, expect, it } from 'vitest';
import { ACCOUNT, SERVICE, caller, json } from '../support/emulator-tests.ts';
import { ownServer } from '../support/servers.ts';
import {
  DEFAULT_CREDENTIALS as CREDS,
  DEFAULT_SERVICE_SID,
  startTwilioEmulator,
} from './twilio-emulator.ts';
import type { ServicePage, TwilioEmulator } from './twilio-emulator.ts';

const LIST = '/v1/Services?PageSize=2';
const UPPER = `IS${'AB'.repeat(16)}`;
const LOWER = `IS${'cd'.repeat(16)}`;
const THIRD = `IS${'ef'.repeat(16)}`;

/** The sids of every page, following next_page_url from the first, as a client must. */
async function sidsByPage(emulator: TwilioEmulator): Promise<string[][]> {
  const call = caller(() => emulator);
  const pages: string[][] = [];
  let url: string | null = `${emulator.url}${LIST}`;
  while (url !== null) {
    const response = await call(url.slice(emulator.url.length));
    expect(response.status).toBe(200);
    const page = (await response.json()) as ServicePage;
    pages.push(page.services.map(({ sid }) => sid));
    url = page.meta.next_page_url;
  }
  return pages;
}

describe('omitFields', () => {
  it('leaves the properties out of GET and POST answers, and keeps them in the state', async () => {
    const emulator = await ownServer(
      startTwilioEmulator({ omitFields: ['url', 'target', 'account_sid'] }),
    );
    const call = caller(() => emulator);
    const fetched = await json(await call(ACCOUNT));
    expect(Object.keys(fetched)).toEqual([
      'method',
      'filters',
      'pre_webhook_url',
      'post_webhook_url',
    ]);
    const updated = await json(await call(SERVICE, { body: 'Method=GET' }));
    expect(updated).toMatchObject({ chat_service_sid: DEFAULT_SERVICE_SID, method: 'GET' });
    expect(updated).not.toHaveProperty('url');
    expect(updated).not.toHaveProperty('account_sid');
    expect(emulator.accountConfig()).toMatchObject({
      account_sid: CREDS.accountSid,
      target: 'webhook',
    });
  });
});

describe('repeatServicePages', () => {
  it('serves each page again behind its own next_page_url before going on', async () => {
    const emulator = await ownServer(
      startTwilioEmulator({ services: [UPPER, LOWER, THIRD], repeatServicePages: 1 }),
    );
    expect(await sidsByPage(emulator)).toEqual([[UPPER, LOWER], [UPPER, LOWER], [THIRD], [THIRD]]);
  });

  it('lists each service once without it, SIDs as seeded, upper-case hex digits too', async () => {
    const emulator = await ownServer(startTwilioEmulator({ services: [UPPER, LOWER, THIRD] }));
    expect(await sidsByPage(emulator)).toEqual([[UPPER, LOWER], [THIRD]]);
  });
});
