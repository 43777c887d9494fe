// The committed dist/index.js, started as the runner starts it: inputs as INPUT_* variables (with
// action.yml's defaults filled in, hyphens kept), outputs and summary through the files the
// runner names, annotations read back from stdout. Self-contained (node: built-ins and yaml,
// erasable TypeScript only), so that `npm run demo` runs it with Node directly.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { InputName, RawInputs } from '../../src/config/contract.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DIST_ENTRY = join(ROOT, 'dist', 'index.js');

export interface ActionYml {
  inputs: Record<string, { description?: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description?: string }>;
  runs: { using: string; main: string };
}

export const ACTION_YML = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionYml;

export type Inputs = Partial<Record<InputName, string>>;

/**
 * Every input, as the runner hands them over: the given ones, and action.yml's defaults for the
 * rest (`${{ github.token }}` is the runner's to evaluate; without a runner there is none).
 */
export function withDefaults(inputs: Inputs): RawInputs {
  for (const name of Object.keys(inputs)) {
    if (!(name in ACTION_YML.inputs)) throw new Error(`No input '${name}' in action.yml.`);
  }
  return Object.fromEntries(
    Object.entries(ACTION_YML.inputs).map(([name, spec]) => {
      const fallback = spec.default ?? '';
      return [name, inputs[name as InputName] ?? (fallback.includes('${{') ? '' : fallback)];
    }),
  ) as RawInputs;
}

export type AnnotationLevel = 'notice' | 'warning' | 'error';

export interface Annotation {
  readonly level: AnnotationLevel;
  readonly message: string;
  readonly title: string | undefined;
  /** Where it points, when it points at a line of a file. */
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
}

/** What a run did, whichever way it ran. */
export interface ActionRun {
  readonly exitCode: number;
  /** Lines printed on stdout: commands, log lines. */
  readonly stdout: readonly string[];
  readonly stderr: string;
  readonly annotations: readonly Annotation[];
  readonly outputs: Readonly<Record<string, string>>;
  readonly summary: string;
  /** Everything written anywhere, for leak checks. */
  readonly everything: string;
}

export interface DistOptions {
  readonly env?: Readonly<Record<string, string>>;
  readonly timeoutMs?: number;
  /** Like an older self-hosted runner: no GITHUB_STEP_SUMMARY at all. */
  readonly withoutSummaryFile?: boolean;
  /**
   * Called once the process has started, with a way to send it a signal, as the runner does
   * when it cancels a step: the test sends one at the moment it chooses.
   */
  readonly interrupt?: (send: (signal: NodeJS.Signals) => void) => void;
}

export async function runDist(inputs: Inputs, options: DistOptions = {}): Promise<ActionRun> {
  const dir = await mkdtemp(join(tmpdir(), 'action-run-'));
  const outputFile = join(dir, 'output');
  const summaryFile = join(dir, 'summary');
  await writeFile(outputFile, '');
  await writeFile(summaryFile, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    GITHUB_ACTIONS: 'true',
    RUNNER_TEMP: dir,
    GITHUB_OUTPUT: outputFile,
    ...(options.withoutSummaryFile === true ? {} : { GITHUB_STEP_SUMMARY: summaryFile }),
  };
  for (const [name, value] of Object.entries(withDefaults(inputs)))
    env[inputVariable(name)] = value;
  Object.assign(env, options.env);
  try {
    const { exitCode, stdout, stderr } = await spawnNode(
      DIST_ENTRY,
      env,
      options.timeoutMs ?? 30_000,
      options.interrupt,
    );
    const outputText = await readFile(outputFile, 'utf8');
    const summary = await readFile(summaryFile, 'utf8');
    const lines = stdout.split('\n');
    return {
      exitCode: exitCode ?? -1,
      stdout: lines,
      stderr,
      annotations: lines.flatMap(parseAnnotation),
      outputs: parseOutputFile(outputText),
      summary,
      everything: [stdout, stderr, outputText, summary].join('\n'),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The runner's name for an input's variable: upper case, spaces to underscores, hyphens kept. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/** The message of a failed run's error annotation. */
export function errorLine(run: ActionRun): string {
  return run.annotations.find((a) => a.level === 'error')?.message ?? '';
}

export function annotationsOf(run: ActionRun, level: AnnotationLevel): string[] {
  return run.annotations.filter((a) => a.level === level).map((a) => a.message);
}

function spawnNode(
  entry: string,
  env: Record<string, string>,
  timeoutMs: number,
  interrupt: DistOptions['interrupt'],
): Promise<{ exitCode: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    interrupt?.((signal) => {
      child.kill(signal);
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`dist/index.js did not exit within ${timeoutMs} ms.\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      resolve({ exitCode, stdout, stderr });
    });
  });
}

const ANNOTATION = /^::(notice|warning|error)(?: ([^:]*))?::(.*)$/;

function parseAnnotation(text: string): Annotation[] {
  const match = ANNOTATION.exec(text);
  if (match === null) return [];
  const [, level = 'error', properties = '', message = ''] = match;
  const property = (name: string) => {
    const value = new RegExp(`(?:^|,)${name}=([^,]*)`).exec(properties)?.[1];
    return value === undefined ? undefined : unescape(value);
  };
  const [title, file, line, column] = ['title', 'file', 'line', 'col'].map(property);
  return [
    {
      level: level as AnnotationLevel,
      message: unescape(message),
      title,
      ...(file === undefined ? {} : { file }),
      ...(line === undefined ? {} : { line: Number(line) }),
      ...(column === undefined ? {} : { column: Number(column) }),
    },
  ];
}

function unescape(text: string): string {
  return text
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%3A/g, ':')
    .replace(/%2C/g, ',')
    .replace(/%25/g, '%');
}

/** The runner's file command format: `name<<DELIMITER`, the value's lines, `DELIMITER`. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i] ?? '');
    if (match === null) continue;
    const [, name = '', delimiter] = match;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] ?? '');
    outputs[name] = value.join('\n');
  }
  return outputs;
}
