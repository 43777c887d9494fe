// dist/licenses.txt: the licence of every npm package that has a module in dist/*.js, found from
// the bundler's own statistics (which module went into which file), not from ncc's `--license`
// output, which leaves out the entry file's packages once there are lazily loaded chunks.
// test/bundle.test.ts checks the result against what dist/ actually contains.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './ncc.ts';

/** The parts of webpack's statistics (`ncc --stats-out`) read here. */
export interface Stats {
  readonly chunks: readonly { readonly id: string | number; readonly files: readonly string[] }[];
  readonly modules: readonly StatsModule[];
}

export interface StatsModule {
  readonly id?: string | number | null;
  readonly name: string;
  readonly chunks?: readonly (string | number)[];
  readonly issuerName?: string | null;
  /** For modules that webpack concatenated into one ("./src/main.ts + 36 modules"): each of them. */
  readonly modules?: readonly StatsModule[];
}

export interface BundledPackage {
  readonly name: string;
  readonly version: string;
  readonly license: string;
  /** The package's folder, relative to the repository. */
  readonly dir: string;
  /** The files of dist/ that hold at least one of its modules. */
  readonly files: readonly string[];
  /** Its licence files (LICENSE, COPYING, NOTICE…), relative to the repository, with their text. */
  readonly texts: readonly { readonly path: string; readonly text: string }[];
}

const LICENCE_FILE = /^(licen[cs]e|copying|notice)([.-].*)?$/i;

/** How ncc names an import it could not resolve (it bundles `eval("require")(…)` in its place). */
export const NOT_FOUND = /\/@vercel\/ncc\/dist\/ncc\/@@notfound\.js\?/;

/** The imports that ncc could not resolve, as "what (imported by whom)". */
export function unresolved(stats: Stats): string[] {
  const found: string[] = [];
  const visit = (module: StatsModule): void => {
    if (NOT_FOUND.test(module.name)) {
      found.push(
        `${module.name.replace(/^.*@@notfound\.js\?/, '')} (imported by ${module.issuerName ?? '?'})`,
      );
    }
    for (const inner of module.modules ?? []) visit(inner);
  };
  for (const module of stats.modules) visit(module);
  return found;
}

/**
 * The package folder a module belongs to: the part of its path up to the last `node_modules/<name>`
 * (or `node_modules/@scope/name`). Undefined for the repository's own files (src/, package.json),
 * which the repository's LICENSE covers, and for Node's built-in modules and webpack's runtime,
 * which are no package's files.
 */
export function packageDir(moduleName: string): string | undefined {
  if (moduleName.startsWith('external ') || moduleName.startsWith('webpack/runtime/')) {
    return undefined;
  }
  if (NOT_FOUND.test(moduleName)) {
    throw new Error(
      `An import was not found, and bundled as a require() that fails: ${moduleName}`,
    );
  }
  if (!moduleName.startsWith('./')) {
    throw new Error(`A module from outside the repository was bundled: ${moduleName}`);
  }
  const match = /^\.\/((?:.*\/)?node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(moduleName);
  return match?.[1];
}

/** Every package with a module in the bundle, with the dist/ files that hold it. */
export function bundledPackages(stats: Stats, root: string = ROOT): BundledPackage[] {
  const filesOfChunk = new Map(stats.chunks.map((chunk) => [chunk.id, chunk.files]));
  const filesOfDir = new Map<string, Set<string>>();
  const visit = (module: StatsModule, files: readonly string[]): void => {
    if (module.modules !== undefined) {
      for (const inner of module.modules) visit(inner, files);
      return;
    }
    const dir = packageDir(module.name);
    if (dir === undefined) return;
    const set = filesOfDir.get(dir) ?? new Set<string>();
    for (const file of files) set.add(file);
    filesOfDir.set(dir, set);
  };
  for (const module of stats.modules) {
    // Modules with no chunk of their own were concatenated into another, and are listed there.
    const files = (module.chunks ?? []).flatMap((chunk) => filesOfChunk.get(chunk) ?? []);
    if (files.length > 0) visit(module, files);
  }
  const packages = [...filesOfDir].map(([dir, files]) => describe(root, dir, [...files]));
  return packages.sort(
    (a, b) => compare(a.name, b.name) || compare(a.version, b.version) || compare(a.dir, b.dir),
  );
}

function describe(root: string, dir: string, files: string[]): BundledPackage {
  const manifest = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as {
    name?: string;
    version?: string;
    license?: string;
  };
  const { name, version, license = 'UNKNOWN' } = manifest;
  if (name === undefined || version === undefined) {
    throw new Error(`${dir}/package.json has no name or version`);
  }
  const texts = readdirSync(join(root, dir))
    .filter((file) => LICENCE_FILE.test(file) && statSync(join(root, dir, file)).isFile())
    .sort(compare)
    .map((file) => ({
      path: `${dir}/${file}`,
      text: readFileSync(join(root, dir, file), 'utf8')
        .replace(/\r\n?/g, '\n')
        .trimEnd(),
    }));
  if (texts.length === 0) {
    throw new Error(
      `${name}@${version} (${dir}) is bundled but ships no licence file: add its licence by hand.`,
    );
  }
  return { name, version, license, dir, files: files.sort(compareFiles), texts };
}

export const RULE = '='.repeat(80);

/** dist/licenses.txt. */
export function renderLicenses(packages: readonly BundledPackage[]): string {
  const header = [
    'Third-party software in this action: every npm package with a module in dist/*.js, with its',
    'licence, as the bundler lists them (written by `npm run bundle`, scripts/licenses.ts).',
    "The action's own code (src/) is under the repository's LICENSE file.",
  ].join('\n');
  const entries = packages.map((pkg) =>
    [
      `${pkg.name}@${pkg.version}`,
      `License: ${pkg.license}`,
      `Bundled in: ${pkg.files.join(', ')}`,
      ...pkg.texts.map(({ path, text }) => `\n(${path})\n${text}`),
    ].join('\n'),
  );
  return `${[header, ...entries].join(`\n\n${RULE}\n`)}\n`;
}

/** Plain code-unit order, the same on every machine (no locale). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** index.js first, then the chunks by number. */
function compareFiles(a: string, b: string): number {
  const rank = (file: string): number => (file === 'index.js' ? -1 : Number.parseInt(file, 10));
  return rank(a) - rank(b) || compare(a, b);
}
