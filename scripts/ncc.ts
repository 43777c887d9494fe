// How the action is bundled, in one place: `npm run bundle` (scripts/bundle.ts), the benchmark's
// reference bundles (bench/run.ts) and the checks of the bundle (test/bundle.test.ts) all build
// with these flags.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * - no `--minify`: the bundle stays readable in a review of dist/, and starts as fast: V8 compiles a
 *   module function eagerly when it is wrapped in parentheses, which minification strips, so a
 *   minified module is parsed twice (a pre-parse, then again when it first runs);
 * - no `--target`: without minification the output is the same whatever the target;
 * - no `--license`: ncc leaves out the packages of the entry file when there are lazily loaded
 *   chunks, so scripts/licenses.ts writes dist/licenses.txt from the bundler's own module list;
 * - no source map and no source-map-support: nothing in dist/ that a run does not need.
 */
export const NCC_FLAGS: readonly string[] = [
  '--transpile-only',
  '--no-source-map-register',
  '--quiet',
];

/**
 * Bundles `entry` into `outDir` with the action's flags; with `statsFile`, also writes the bundler's
 * statistics there (which modules went into which file).
 */
export function ncc(entry: string, outDir: string, statsFile?: string): void {
  execFileSync(
    join(ROOT, 'node_modules', '.bin', 'ncc'),
    [
      'build',
      entry,
      '--out',
      outDir,
      ...NCC_FLAGS,
      ...(statsFile === undefined ? [] : ['--stats-out', statsFile]),
    ],
    { cwd: ROOT, stdio: 'inherit' },
  );
}
