// `npm run demo`: the bundled action against the local Twilio emulator and a local "preview"
// server, run the way the GitHub runner runs it. Prints each run's outputs and job summary.
// Nothing leaves this machine.
import { startPreviewServer } from '../test/emulator/preview-server.ts';
import { DEFAULT_CREDENTIALS, startTwilioEmulator } from '../test/emulator/twilio-emulator.ts';
import { runDist } from '../test/support/dist-run.ts';
import type { ActionRun } from '../test/support/dist-run.ts';

const emulator = await startTwilioEmulator();
const preview = await startPreviewServer();
const desired = {
  'account-sid': DEFAULT_CREDENTIALS.accountSid,
  'auth-token': DEFAULT_CREDENTIALS.authToken,
  'api-base-url': emulator.url,
  filters: 'onMessageAdded, onConversationUpdated, onParticipantAdded',
  method: 'POST',
  'post-webhook-url': `${preview.url}/twilio/events`,
};

function show(title: string, run: ActionRun): void {
  console.log(`\n━━━ ${title} ━━━ exit code ${String(run.exitCode)}`);
  for (const { level, message } of run.annotations) console.log(`  ${level}: ${message}`);
  console.log('\nOutputs:');
  for (const [name, value] of Object.entries(run.outputs)) console.log(`  ${name} = ${value}`);
  console.log('\nJob summary:');
  console.log(run.summary.replace(/^/gm, '  '));
}

try {
  console.log(`Twilio emulator listening on ${emulator.url}, a preview on ${preview.url}`);
  show('1. apply (first deploy): probe the preview, then switch to it', await runDist(desired));
  show('2. apply again: already in sync, nothing sent', await runDist(desired));
  emulator.setAccountConfig({ post_webhook_url: 'https://someone-edited-this.example.com/hook' });
  show(
    '3. check after a change made by hand in the console',
    await runDist({ ...desired, mode: 'check' }),
  );
  console.log(`\nThe emulator received ${String(emulator.requests.length)} requests:`);
  for (const request of emulator.requests) {
    console.log(`  ${request.method} ${request.path} ${request.body}`);
  }
  console.log(`The preview received ${String(preview.requests.length)} probe(s).`);
} finally {
  await Promise.all([emulator.close(), preview.close()]);
}
