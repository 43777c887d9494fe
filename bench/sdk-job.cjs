// The same job as the action, written as a user would with the official `twilio` package: fetch,
// compare, update what differs. The SDK's requests are pointed at the local emulator.
'use strict';
const path = require('node:path');

const sdk = path.join(__dirname, '.sdk', 'node_modules', 'twilio');
const twilio = require(sdk);
const { BENCH_URL, BENCH_USER, BENCH_PASSWORD, BENCH_POST_URL } = process.env;

class LocalRequestClient extends twilio.RequestClient {
  request(options) {
    return super.request({ ...options, uri: options.uri.replace(/^https:\/\/[^/]+/, BENCH_URL) });
  }
}

async function main() {
  const client = twilio(BENCH_USER, BENCH_PASSWORD, { httpClient: new LocalRequestClient() });
  const webhooks = client.conversations.v1.configuration.webhooks();
  const live = await webhooks.fetch();
  const desired = {
    filters: ['onMessageAdded', 'onConversationUpdated'],
    method: 'POST',
    postWebhookUrl: BENCH_POST_URL,
  };
  const sameFilters =
    new Set(live.filters ?? []).size === desired.filters.length &&
    desired.filters.every((f) => (live.filters ?? []).includes(f));
  const update = {};
  if (!sameFilters) update.filters = desired.filters;
  if ((live.method ?? '').toUpperCase() !== desired.method) update.method = desired.method;
  if (live.postWebhookUrl !== desired.postWebhookUrl)
    update.postWebhookUrl = desired.postWebhookUrl;
  if (Object.keys(update).length > 0) {
    const after = await webhooks.update(update);
    if (after.postWebhookUrl !== desired.postWebhookUrl) throw new Error('not applied');
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
