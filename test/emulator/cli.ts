// Runs the Twilio emulator on its own, for CI's "uses: ./" job and for trying the action by hand:
//   node test/emulator/cli.ts [--port 4010] [--account-sid AC…] [--auth-token …]
//                             [--api-key SK…] [--api-secret …] [--service IS… …]
// Binds 127.0.0.1, appends TWILIO_EMULATOR_URL=… to $GITHUB_ENV when set and only then prints
// the same line (so whoever waits for the line finds the file written), then serves until SIGINT
// or SIGTERM and exits 0.
import { appendFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  DEFAULT_CREDENTIALS,
  DEFAULT_SERVICE_SID,
  startTwilioEmulator,
} from './twilio-emulator.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'account-sid': { type: 'string', default: DEFAULT_CREDENTIALS.accountSid },
    'auth-token': { type: 'string', default: DEFAULT_CREDENTIALS.authToken },
    'api-key': { type: 'string', default: DEFAULT_CREDENTIALS.apiKeySid },
    'api-secret': { type: 'string', default: DEFAULT_CREDENTIALS.apiKeySecret },
    service: { type: 'string', multiple: true, default: [DEFAULT_SERVICE_SID] },
  },
});

const port = Number(values.port);
if (!/^\d+$/.test(values.port) || port > 65_535) {
  console.error(`--port must be a number from 0 to 65535, not ${JSON.stringify(values.port)}`);
  process.exit(2);
}

const emulator = await startTwilioEmulator({
  host: '127.0.0.1',
  port,
  accountSid: values['account-sid'],
  authToken: values['auth-token'],
  apiKeys: [{ sid: values['api-key'], secret: values['api-secret'] }],
  services: values.service,
});

const line = `TWILIO_EMULATOR_URL=${emulator.url}`;
const githubEnv = process.env.GITHUB_ENV;
if (githubEnv) appendFileSync(githubEnv, `${line}\n`);
console.log(line);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void emulator.close().then(() => process.exit(0));
  });
}
