// `npm run local-action [ENV_FILE]`: the action from source (src/main.ts), run by
// @github/local-action, against a Twilio emulator started here on a free loopback port. Inputs
// come from ENV_FILE, else .env when it exists, else .env.example. local-action reads its inputs
// from a dotenv file only (an environment variable named INPUT_API-BASE-URL does not survive the
// shell it starts), so the run gets a copy of that file that first sets INPUT_API-BASE-URL to
// the emulator and GITHUB_STEP_SUMMARY to a temporary file; a file that sets either wins. The
// summary is printed after the run, with every request the emulator received. Exits with the
// action's exit code. Nothing leaves this machine unless the file points the action elsewhere.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTwilioEmulator } from './twilio-emulator.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const LOCAL_ACTION = join(
  ROOT,
  'node_modules',
  '@github',
  'local-action',
  'bin',
  'local-action.js',
);

const envFile = process.argv[2] ?? (existsSync(join(ROOT, '.env')) ? '.env' : '.env.example');
if (!existsSync(resolve(ROOT, envFile))) {
  console.error(`local-action: no ${envFile} (give a file relative to ${ROOT})`);
  process.exit(2);
}

const emulator = await startTwilioEmulator({ host: '127.0.0.1' });
const scratch = await mkdtemp(join(tmpdir(), 'local-action-'));
const summary = join(scratch, 'summary.md');
await writeFile(summary, '');
const runEnv = join(scratch, 'run.env');
await writeFile(
  runEnv,
  [
    `# ${envFile}, after what npm run local-action sets (later lines win).`,
    `INPUT_API-BASE-URL=${emulator.url}`,
    `GITHUB_STEP_SUMMARY=${summary}`,
    await readFile(resolve(ROOT, envFile), 'utf8'),
  ].join('\n'),
);
console.log(`Twilio emulator on ${emulator.url}; inputs from ${envFile}`);

let exitCode: number;
try {
  const child = spawn(process.execPath, [LOCAL_ACTION, 'run', '.', 'src/main.ts', runEnv], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  exitCode = await new Promise<number>((resolve) => {
    child.on('close', (code) => {
      resolve(code ?? 1);
    });
  });
  console.log('\nJob summary:');
  console.log((await readFile(summary, 'utf8')).replace(/^/gm, '  '));
  console.log(`The emulator received ${String(emulator.requests.length)} request(s):`);
  for (const request of emulator.requests) {
    console.log(`  ${request.method} ${request.path} ${request.body}`);
  }
} finally {
  await emulator.close();
  await rm(scratch, { recursive: true, force: true });
}
process.exit(exitCode);
