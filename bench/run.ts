// `npm run bench`: whole processes, timed over many runs after a warm-up, against the local Twilio
// emulator: the floor (one authenticated GET with node:http), the same GET with undici bundled alone,
// the committed dist/index.js (in sync, and with a change), and the same job written with the
// official `twilio` package.
// Wall time is measured here; CPU time and peak RSS are reported by each process itself at exit
// (bench/usage.cjs, preloaded into every case alike). Node's own version is the one running this.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import {
  DEFAULT_CREDENTIALS as CREDS,
  startTwilioEmulator,
} from '../test/emulator/twilio-emulator.ts';
import { ncc } from '../scripts/ncc.ts';

const SDK_VERSION = '6.2.0';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BENCH = join(ROOT, 'bench');
const { values: args } = parseArgs({
  options: { runs: { type: 'string', default: '40' }, warmup: { type: 'string', default: '5' } },
});
const RUNS = Number(args.runs);
const WARMUP = Number(args.warmup);

interface Sample {
  wallMs: number;
  cpuMs: number;
  rssMiB: number;
}

interface Case {
  name: string;
  argv: string[];
  /** Environment for run number `i`: lets the "change" cases want a different URL every time. */
  env: (i: number) => Record<string, string>;
  expectChange?: boolean;
}

function installSdk(): void {
  if (existsSync(join(BENCH, '.sdk', 'node_modules', 'twilio', 'package.json'))) return;
  console.log(`Installing twilio@${SDK_VERSION} into bench/.sdk (for the benchmark only)…`);
  execFileSync(
    'npm',
    [
      'install',
      '--no-save',
      '--no-audit',
      '--no-fund',
      '--prefix',
      join(BENCH, '.sdk'),
      `twilio@${SDK_VERSION}`,
    ],
    {
      stdio: 'inherit',
    },
  );
}

/** Bundles a reference case with the same ncc flags as the action (scripts/ncc.ts). */
function buildReference(name: string): string {
  const out = join(BENCH, '.build', name);
  ncc(join(BENCH, `${name}.ts`), out);
  return join(out, 'index.js');
}

function runOnce(c: Case, i: number): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--require', join(BENCH, 'usage.cjs'), ...c.argv], {
      env: { PATH: process.env.PATH ?? '', ...c.env(i) },
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    });
    let report = '';
    let output = '';
    child.stdio[3]?.on('data', (chunk: Buffer) => (report += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0) {
        reject(new Error(`${c.name} exited ${String(code)}:\n${output}`));
        return;
      }
      const usage = JSON.parse(report) as { cpuMs: number; maxRssKiB: number };
      resolve({ wallMs, cpuMs: usage.cpuMs, rssMiB: usage.maxRssKiB / 1024 });
    });
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

interface Summary {
  name: string;
  wall: number;
  wallSpread: string;
  cpu: number;
  rss: number;
  rssSpread: string;
}

function summarize(name: string, samples: Sample[]): Summary {
  const wall = samples.map((s) => s.wallMs);
  const rss = samples.map((s) => s.rssMiB);
  return {
    name,
    wall: median(wall),
    wallSpread: `${quantile(wall, 0.1).toFixed(0)}–${quantile(wall, 0.9).toFixed(0)}`,
    cpu: median(samples.map((s) => s.cpuMs)),
    rss: median(rss),
    rssSpread: `${quantile(rss, 0.1).toFixed(1)}–${quantile(rss, 0.9).toFixed(1)}`,
  };
}

installSdk();
const undiciReference = buildReference('undici-request');
const emulator = await startTwilioEmulator();
const work = mkdtempSync(join(tmpdir(), 'bench-'));
const outputFile = join(work, 'output');
const summaryFile = join(work, 'summary');
const FILTERS = 'onMessageAdded, onConversationUpdated';
const IN_SYNC_URL = 'https://app.example.com/twilio/post';
const changingUrl = (i: number): string => `https://preview-${String(i)}.example.com/twilio/post`;

const common = {
  BENCH_URL: emulator.url,
  BENCH_USER: CREDS.accountSid,
  BENCH_PASSWORD: CREDS.authToken,
};
/** What the runner sets for every input that has a default in action.yml (expressions left out). */
const { inputs = {} } = parseYaml(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
  inputs?: Record<string, { default?: string | number | boolean }>;
};
const DEFAULT_INPUTS: Record<string, string> = {};
for (const [name, { default: value }] of Object.entries(inputs)) {
  if (value === undefined || String(value).includes('${{')) continue;
  DEFAULT_INPUTS[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = String(value);
}

function actionEnv(postUrl: string): Record<string, string> {
  // Fresh files per run, as the runner gives every step.
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  return {
    ...DEFAULT_INPUTS,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    'INPUT_ACCOUNT-SID': CREDS.accountSid,
    'INPUT_AUTH-TOKEN': CREDS.authToken,
    'INPUT_API-BASE-URL': emulator.url,
    INPUT_FILTERS: FILTERS,
    INPUT_METHOD: 'POST',
    'INPUT_POST-WEBHOOK-URL': postUrl,
    'INPUT_TIMEOUT-SECONDS': '10',
    'INPUT_MAX-RETRIES': '3',
    INPUT_MODE: 'apply',
    // The same job as the floor's and the SDK's: the account-wide configuration only, no listing
    // of services or addresses (the defaults, warn, list them). The new URLs of the change case
    // name no live server, so there is no probe of them either.
    'INPUT_UNMANAGED-SERVICES': 'ignore',
    'INPUT_UNMANAGED-ADDRESSES': 'ignore',
    INPUT_PROBE: 'off',
    'INPUT_FAIL-ON-DRIFT': 'true',
    'INPUT_DRIFT-ISSUE': 'false',
    'INPUT_DRIFT-ISSUE-LABELS': 'twilio-webhook-drift',
  };
}

// The whole account: a check of the account-wide configuration and 100 services from a
// desired-state file, against an emulator that answers every request after 20 ms, as a distant
// Twilio would: 1 list of services + 1 of addresses + 1 account + 100 services = 103 requests, at most
// max-concurrency (4) at once.
const SERVICES = 100;
const LATENCY_MS = 20;
const MAX_CONCURRENCY = 4;
const serviceSids = Array.from(
  { length: SERVICES },
  (_, i) => `IS${i.toString(16).padStart(32, '0')}`,
);
const accountEmulator = await startTwilioEmulator({
  services: serviceSids.map((sid, i) => ({ sid, friendlyName: `Service ${String(i)}` })),
  latencyMs: LATENCY_MS,
});
accountEmulator.setAccountConfig({ post_webhook_url: IN_SYNC_URL });
for (const sid of serviceSids)
  accountEmulator.setServiceConfig(sid, { post_webhook_url: IN_SYNC_URL });
writeFileSync(
  join(work, 'account.yml'),
  [
    'account:',
    `  post-webhook-url: ${IN_SYNC_URL}`,
    'services:',
    ...serviceSids.flatMap((sid) => [`  - sid: ${sid}`, `    post-webhook-url: ${IN_SYNC_URL}`]),
    '',
  ].join('\n'),
);

function wholeAccountEnv(): Record<string, string> {
  const env = actionEnv(IN_SYNC_URL);
  delete env.INPUT_FILTERS;
  delete env.INPUT_METHOD;
  delete env['INPUT_POST-WEBHOOK-URL'];
  return {
    ...env,
    GITHUB_WORKSPACE: work,
    'INPUT_API-BASE-URL': accountEmulator.url,
    'INPUT_CONFIG-FILE': 'account.yml',
    INPUT_MODE: 'check',
    'INPUT_MAX-CONCURRENCY': String(MAX_CONCURRENCY),
    'INPUT_UNMANAGED-SERVICES': 'warn',
    'INPUT_UNMANAGED-ADDRESSES': 'warn',
  };
}

const dist = join(ROOT, 'dist', 'index.js');
const sdkJob = join(BENCH, 'sdk-job.cjs');
const CASES: Case[] = [
  { name: 'floor: node:http GET', argv: [join(BENCH, 'floor.cjs')], env: () => common },
  { name: 'undici alone, bundled: GET', argv: [undiciReference], env: () => common },
  { name: 'action, in sync', argv: [dist], env: () => actionEnv(IN_SYNC_URL) },
  { name: 'action, change', argv: [dist], env: (i) => actionEnv(changingUrl(i)) },
  {
    name: `action, check of 1 + ${String(SERVICES)} services (${String(LATENCY_MS)} ms a request)`,
    argv: [dist],
    env: wholeAccountEnv,
  },
  {
    name: 'twilio SDK, in sync',
    argv: [sdkJob],
    env: () => ({ ...common, BENCH_POST_URL: IN_SYNC_URL }),
  },
  {
    name: 'twilio SDK, change',
    argv: [sdkJob],
    env: (i) => ({ ...common, BENCH_POST_URL: changingUrl(i) }),
  },
];

emulator.setAccountConfig({
  filters: ['onMessageAdded', 'onConversationUpdated'],
  method: 'POST',
  post_webhook_url: IN_SYNC_URL,
});

// Round-robin: every round runs each case once, so that a machine that slows down or speeds up
// during the benchmark weighs on every case alike rather than on whichever ran then.
const samples: Sample[][] = CASES.map(() => []);
try {
  for (let i = 0; i < WARMUP + RUNS; i++) {
    for (const [k, c] of CASES.entries()) {
      const inSync = !c.name.includes('change');
      if (inSync) emulator.setAccountConfig({ post_webhook_url: IN_SYNC_URL });
      const sample = await runOnce(c, i);
      if (i >= WARMUP) samples[k]?.push(sample);
    }
    if ((i + 1) % 10 === 0)
      process.stderr.write(`  ${String(i + 1)} of ${String(WARMUP + RUNS)} rounds\n`);
  }
} finally {
  await Promise.all([emulator.close(), accountEmulator.close()]);
  rmSync(work, { recursive: true, force: true });
}

const results = CASES.map((c, k) => summarize(c.name, samples[k] ?? []));
const byName = (prefix: string): Summary => {
  const found = results.find((r) => r.name.startsWith(prefix));
  if (found === undefined) throw new Error(prefix);
  return found;
};
const floor = byName('floor');
const sdkInSync = byName('twilio SDK, in sync');
const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}x`;

const kib = (file: string): string =>
  `${(statSync(join(ROOT, 'dist', file)).size / 1024).toFixed(0)} KiB`;
console.log(
  `\nNode ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} x${String(cpus().length)}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; ${String(RUNS)} runs after ${String(WARMUP)} warm-up, medians (p10–p90)\n`,
);
console.log(
  '| case | wall ms | CPU ms | peak RSS MiB | wall vs floor | wall vs SDK in sync | RSS vs floor |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const r of results) {
  console.log(
    `| ${r.name} | ${r.wall.toFixed(1)} (${r.wallSpread}) | ${r.cpu.toFixed(1)} | ${r.rss.toFixed(1)} (${r.rssSpread}) | ${ratio(r.wall, floor.wall)} | ${ratio(r.wall, sdkInSync.wall)} | ${ratio(r.rss, floor.rss)} |`,
  );
}
const action = byName('action, in sync');
console.log(`\nTargets for the action in sync (medians):`);
for (const [label, value, limit] of [
  ['wall ≤ 2.5x floor', action.wall / floor.wall, 2.5],
  ['wall ≤ 0.6x SDK', action.wall / sdkInSync.wall, 0.6],
  ['peak RSS ≤ 1.5x floor', action.rss / floor.rss, 1.5],
] as const) {
  console.log(`- ${label}: ${value.toFixed(2)}x ${value <= limit ? 'met' : 'MISSED'}`);
}
const whole = byName('action, check of 1 +');
// The services list, the Address Configurations list, the account and every service.
const requests = SERVICES + 3;
const floorOfWhole = Math.ceil(requests / MAX_CONCURRENCY) * LATENCY_MS + action.wall;
console.log(
  `- whole account: ${whole.wall.toFixed(0)} ms against ⌈${String(requests)} / ${String(MAX_CONCURRENCY)}⌉ × ${String(LATENCY_MS)} ms + ${action.wall.toFixed(0)} ms = ${floorOfWhole.toFixed(0)} ms: ${(whole.wall / floorOfWhole).toFixed(2)}x, ${whole.wall <= 1.3 * floorOfWhole ? 'met' : 'MISSED'} (target ≤ 1.3x)`,
);
console.log(
  `\nBundle: dist/index.js ${kib('index.js')} (loaded by every run); the GitHub client is in lazily loaded chunks.`,
);
