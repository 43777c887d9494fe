// dist/ as every run loads it: small, with the GitHub client left out of the entry file (a lazily
// loaded chunk), and dist/licenses.txt naming every package it bundles. Module ids in dist/*.js are
// checked against the statistics of a fresh build, so a stale dist/ fails here.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ncc, ROOT } from '../scripts/ncc.ts';

const DIST = join(ROOT, 'dist');
const read = (path: string): string => readFileSync(path, 'utf8');
const distFiles = (): string[] => readdirSync(DIST).filter((file) => file.endsWith('.js'));

// ---------------------------------------------------------------------------------------------
// What dist/ holds. ncc names a module in its output only in comments of some kinds, so the module
// ids in dist/*.js are looked up in the statistics of a fresh build with the same flags: webpack's
// ids are hashes of the module's path, the same in every build of the same dependencies.

interface StatsModule {
  id?: string | number | null;
  name: string;
  modules?: StatsModule[];
}

let work: string;
/** For each file of dist/, the modules in it (paths relative to the repository: "./node_modules/…"). */
let contents: Map<string, Set<string>>;
let unknownIds: string[];
/** Imports the fresh build could not resolve (ncc bundles a require() that fails in their place). */
let unresolved: string[];

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'bundle-test-'));
  const statsFile = join(work, 'stats.json');
  ncc(join(ROOT, 'src', 'index.ts'), join(work, 'dist'), statsFile);
  const stats = JSON.parse(read(statsFile)) as { modules: StatsModule[] };
  const namesById = new Map<string, string[]>();
  const flatten = (module: StatsModule): string[] =>
    module.modules === undefined ? [module.name] : module.modules.flatMap(flatten);
  for (const module of stats.modules) {
    if (module.id != null && module.id !== '') namesById.set(String(module.id), flatten(module));
  }
  unresolved = stats.modules.flatMap(flatten).filter((name) => name.includes('@@notfound.js'));
  contents = new Map();
  unknownIds = [];
  for (const file of distFiles()) {
    const names = new Set<string>();
    for (const [, id = ''] of read(join(DIST, file)).matchAll(/^\/\*\*\*\/ (\d+):$/gm)) {
      const found = namesById.get(id);
      if (found === undefined) unknownIds.push(`${file}: ${id}`);
      for (const name of found ?? []) names.add(name);
    }
    contents.set(file, names);
  }
}, 60_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

const modulesIn = (file: string): string[] => [...(contents.get(file) ?? [])];
const lazyChunks = (): string[] => distFiles().filter((file) => file !== 'index.js');

describe('dist/', () => {
  it('is built from imports that all resolve', () => {
    expect(unresolved).toEqual([]);
  });

  it('holds only modules that a build of the current dependencies holds (else: npm run bundle)', () => {
    expect(unknownIds).toEqual([]);
    expect(modulesIn('index.js')).toContain('./node_modules/@actions/core/lib/core.js');
  });

  it('keeps the entry point every run loads under 1.5 MiB', () => {
    expect(statSync(join(DIST, 'index.js')).size).toBeLessThan(1.5 * 1024 * 1024);
  });

  it('keeps the GitHub client in a chunk that only a drift issue loads', () => {
    expect(read(join(DIST, 'index.js'))).not.toMatch(/octokit/i);
    expect(lazyChunks().some((file) => /octokit/i.test(read(join(DIST, file))))).toBe(true);
  });
});

describe('what dist/ is built from', () => {
  it('takes undici through its public entry point only, in src/http/undici.ts alone', () => {
    const importers = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .flatMap((file) =>
        [
          ...read(join(ROOT, 'src', file)).matchAll(
            /\bfrom '(undici[^']*)'|import\('(undici[^']*)'\)/g,
          ),
        ].map(
          (match) => `${relative(ROOT, join(ROOT, 'src', file))}: ${match[1] ?? match[2] ?? ''}`,
        ),
      );
    expect(importers.filter((line) => !line.endsWith(': undici'))).toEqual([]);
    expect(new Set(importers.map((line) => line.split(':')[0]))).toEqual(
      new Set(['src/http/undici.ts']),
    );
  });

  it('installs every package from the registry: no local stand-in under a package’s name', () => {
    const lock = JSON.parse(read(join(ROOT, 'package-lock.json'))) as {
      packages: Record<string, { link?: boolean; resolved?: string }>;
    };
    const local = Object.entries(lock.packages)
      .filter(
        ([path, entry]) =>
          path !== '' &&
          (entry.link === true ||
            !path.startsWith('node_modules/') ||
            entry.resolved?.startsWith('file:') === true),
      )
      .map(([path]) => path);
    expect(local).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

interface LicenceEntry {
  key: string;
  license: string;
  files: string[];
  texts: Map<string, string>;
}

function parseLicences(text: string): Map<string, LicenceEntry> {
  const [, ...entries] = text.split(`\n\n${'='.repeat(80)}\n`);
  const parsed = new Map<string, LicenceEntry>();
  for (const entry of entries) {
    const [id = '', license = '', files = '', ...rest] = entry.split('\n');
    const texts = new Map<string, string>();
    const blocks = rest.join('\n').split(/^\((node_modules\/[^)\n]+)\)$/m);
    for (let i = 1; i < blocks.length; i += 2) {
      texts.set(blocks[i] ?? '', (blocks[i + 1] ?? '').replace(/^\n/, '').trimEnd());
    }
    const dir = dirname([...texts.keys()][0] ?? '');
    parsed.set(`${id} ${dir}`, {
      key: `${id} ${dir}`,
      license: license.replace(/^License: /, ''),
      files: files.replace(/^Bundled in: /, '').split(', '),
      texts,
    });
  }
  return parsed;
}

describe('dist/licenses.txt', () => {
  it('lists every package with a module in dist/*.js, and no other, with its licence texts', () => {
    // What dist/ holds, by package folder (the part of a path up to its last node_modules/<name>).
    const filesByDir = new Map<string, Set<string>>();
    for (const file of distFiles()) {
      for (const name of modulesIn(file)) {
        const dir = /^\.\/((?:.*\/)?node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(name)?.[1];
        if (dir === undefined) continue;
        filesByDir.set(dir, (filesByDir.get(dir) ?? new Set()).add(file));
      }
    }
    expect(filesByDir.size).toBeGreaterThan(10);
    const listed = parseLicences(read(join(DIST, 'licenses.txt')));
    const expected = [...filesByDir].map(([dir, files]) => {
      const manifest = JSON.parse(read(join(ROOT, dir, 'package.json'))) as {
        name: string;
        version: string;
        license?: string;
      };
      const licenceFiles = readdirSync(join(ROOT, dir)).filter((file) =>
        /^(licen[cs]e|copying|notice)([.-].*)?$/i.test(file),
      );
      return {
        key: `${manifest.name}@${manifest.version} ${dir}`,
        license: manifest.license ?? 'UNKNOWN',
        files: [...files].sort(),
        texts: Object.fromEntries(
          licenceFiles.map((file) => [
            `${dir}/${file}`,
            read(join(ROOT, dir, file))
              .replace(/\r\n?/g, '\n')
              .trimEnd(),
          ]),
        ),
      };
    });
    const actual = [...listed.values()].map((entry) => ({
      ...entry,
      files: [...entry.files].sort(),
      texts: Object.fromEntries(entry.texts),
    }));
    const byKey = (a: { key: string }, b: { key: string }): number => (a.key < b.key ? -1 : 1);
    expect(actual.sort(byKey)).toEqual(expected.sort(byKey));
    for (const entry of actual) expect(Object.keys(entry.texts).length).toBeGreaterThan(0);
    // The ones ncc's own licence output used to leave out.
    const names = actual.map((entry) => entry.key.replace(/@[^@ ]+ .*$/, ''));
    expect(names).toEqual(expect.arrayContaining(['@actions/core', '@actions/exec', 'undici']));
  });
});
