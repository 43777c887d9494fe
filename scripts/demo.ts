// `npm run demo`: the bundled action against the local Twilio emulator, run the way the GitHub
// runner runs it. Prints each run's outputs and job summary. Nothing leaves this machine.
import { DEFAULT_CREDENTIALS, startTwilioEmulator } from '../test/emulator/twilio-emulator.ts';
import { runAction } from '../test/support/run-action.ts';
import type { ActionRun } from '../test/support/run-action.ts';

const emulator = await startTwilioEmulator();
const desired = {
  'account-sid': DEFAULT_CREDENTIALS.accountSid,
  'auth-token': DEFAULT_CREDENTIALS.authToken,
  'api-base-url': emulator.url,
  filters: 'onMessageAdded, onConversationUpdated, onParticipantAdded',
  method: 'POST',
  'post-webhook-url': 'https://preview-123.example.com/twilio/events',
};

function show(title: string, run: ActionRun): void {
  console.log(`\n━━━ ${title} ━━━ exit code ${String(run.exitCode)}`);
  const annotations = run.stdout
    .split('\n')
    .filter((line) => /^::(error|warning|notice)/.test(line));
  for (const line of annotations) console.log(`  ${line}`);
  console.log('\nOutputs:');
  for (const [name, value] of Object.entries(run.outputs)) console.log(`  ${name} = ${value}`);
  console.log('\nJob summary:');
  console.log(run.summary.replace(/^/gm, '  '));
}

try {
  console.log(`Twilio emulator listening on ${emulator.url}`);
  show('1. apply (first deploy)', await runAction(desired));
  show('2. apply again: already in sync, nothing sent', await runAction(desired));
  emulator.setAccountConfig({ post_webhook_url: 'https://someone-edited-this.example.com/hook' });
  show(
    '3. check after a change made by hand in the console',
    await runAction({ ...desired, mode: 'check' }),
  );
  console.log(`\nThe emulator received ${String(emulator.requests.length)} requests:`);
  for (const request of emulator.requests) {
    console.log(`  ${request.method} ${request.path} ${request.body}`);
  }
} finally {
  await emulator.close();
}
