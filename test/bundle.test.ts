// dist/ as every run loads it: small, quick to start, with the GitHub client, the OIDC client and
// the half of undici the action does not use left out of the entry file, and dist/licenses.txt
// naming every package it bundles. Two tricks keep the entry file lean (src/http/undici.ts imports
// undici's own files, lazy-http-client/ stands in for @actions/http-client inside @actions/core);
// each rests on a dependency's internals, so each is checked here against the installed packages:
// an upgrade that moves what they rely on fails a test instead of the action.
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ncc, ROOT } from '../scripts/ncc.ts';
import * as ours from '../src/http/undici.ts';

const DIST = join(ROOT, 'dist');
const NODE_MODULES = join(ROOT, 'node_modules');
const require = createRequire(import.meta.url);
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

  it('keeps undici’s index, fetch, WebSocket, EventSource, caches, cookies and mocks out of the entry point', () => {
    const unwanted = modulesIn('index.js').filter((name) =>
      /^\.\/node_modules\/undici\/(index\.js|lib\/(web\/(fetch\/index|websocket|eventsource|cache|cookies|fileapi)|mock)\/?)/.test(
        name,
      ),
    );
    expect(unwanted).toEqual([]);
    // The entry point does hold fetch's body.js and what it needs: client-h1.js requires them
    // inside the function that sends a FormData body, which the action never sends. That they do
    // not run at start-up is checked below (they would load worker_threads).
  });

  it('keeps the real @actions/http-client and tunnel out of the entry point, in a lazy chunk', () => {
    const realClient = (name: string): boolean =>
      /\/node_modules\/(real-http-client|@actions\/http-client|tunnel)\/(?!lib\/auth\.js)/.test(
        name,
      );
    expect(modulesIn('index.js').filter(realClient)).toEqual([]);
    expect(
      lazyChunks().some((file) =>
        modulesIn(file).includes('./node_modules/real-http-client/lib/index.js'),
      ),
    ).toBe(true);
  });

  it('starts without loading what only the undici index needs (worker_threads, perf_hooks, dns)', () => {
    // A run with no inputs stops at the first one, after every module of the entry point ran.
    const loaded = builtinsLoadedBy([join(DIST, 'index.js')], { PATH: process.env.PATH ?? '' });
    expect(loaded).toContain('http');
    expect(loaded.filter((name) => ['worker_threads', 'perf_hooks', 'dns'].includes(name))).toEqual(
      [],
    );
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

// ---------------------------------------------------------------------------------------------

/** The Node built-in modules that a process run with `args` and `env` loaded. */
function builtinsLoadedBy(args: string[], env: Record<string, string>): string[] {
  const out = join(work, 'builtins.txt');
  const preload = join(work, 'builtins.cjs');
  writeFileSync(
    preload,
    `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(out)}, process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice(13)).join('\\n')));`,
  );
  spawnSync(process.execPath, ['--require', preload, ...args], { env, stdio: 'ignore' });
  return read(out).split('\n');
}

/** Runs an ES module script in a Node process of its own; resolves with its standard output. */
function runScript(script: string, env: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(out);
      else reject(new Error(`the script exited ${String(code)}`));
    });
  });
}

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A local server that records each request and answers with `answer`. */
async function recordingServer(
  answer: (request: IncomingMessage) => { status?: number; body: string },
): Promise<{ url: string; seen: Seen[]; server: Server }> {
  const seen: Seen[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      const { method = '', url = '', headers } = request;
      seen.push({ method, url, headers, body });
      const { status = 200, body: reply } = answer(request);
      response.writeHead(status, { 'content-type': 'application/json' }).end(reply);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${String(port)}`, seen, server };
}

describe('src/http/undici.ts (undici’s own files instead of its index)', () => {
  const UNDICI = join(NODE_MODULES, 'undici');
  const index = require('undici') as Record<string, unknown>;

  it('imports paths that exist in the installed undici, which has no exports map to forbid them', () => {
    const manifest = JSON.parse(read(join(UNDICI, 'package.json'))) as {
      version: string;
      exports?: unknown;
    };
    expect(manifest.exports).toBeUndefined();
    const paths = [
      ...read(join(ROOT, 'src', 'http', 'undici.ts')).matchAll(/from '(undici\/[^']+)'/g),
    ].map(([, path = '']) => path);
    expect(paths.length).toBeGreaterThanOrEqual(7);
    for (const path of paths) expect(existsSync(join(NODE_MODULES, path)), path).toBe(true);
  });

  it('exports the very objects undici’s index exports', () => {
    expect(Object.keys(ours).sort()).toEqual(['Agent', 'ProxyAgent', 'errors', 'request'].sort());
    expect(ours.Agent).toBe(index.Agent);
    expect(ours.ProxyAgent).toBe(index.ProxyAgent);
    expect(ours.errors).toBe(index.errors);
  });

  it('repeats what the index does on load: the promise API as methods of every dispatcher', () => {
    const source = read(join(UNDICI, 'index.js'));
    expect(source).toContain('Object.assign(Dispatcher.prototype, api)');
    expect(source).toContain('module.exports.request = makeDispatcher(api.request)');
    const api = require('undici/lib/api/index.js') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(
      ['connect', 'pipeline', 'request', 'stream', 'upgrade'].sort(),
    );
    // ProxyAgent opens its tunnel with a method the set-up adds.
    expect(read(join(UNDICI, 'lib', 'dispatcher', 'proxy-agent.js'))).toMatch(/\.connect\(\{/);
  });

  it('in a process of its own: works without loading undici’s index', async () => {
    const { url, server } = await recordingServer(() => ({ body: '{"ok":true}' }));
    try {
      const script = `
        import { createRequire } from 'node:module';
        const ours = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'src', 'http', 'undici.ts')).href)});
        const dispatcher = new ours.Agent();
        const response = await ours.request(${JSON.stringify(`${url}/x?y=1`)}, { dispatcher });
        const body = await response.body.json();
        await dispatcher.close();
        const cache = Object.keys(createRequire(import.meta.url).cache);
        console.log(JSON.stringify({
          status: response.statusCode, body,
          index: cache.some((file) => file.endsWith('/node_modules/undici/index.js')),
          missing: ['request', 'stream', 'pipeline', 'upgrade', 'connect'].filter((m) => typeof dispatcher[m] !== 'function'),
          builtins: process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice(13)),
        }));`;
      const child = await runScript(script);
      const result = JSON.parse(child) as {
        status: number;
        body: unknown;
        index: boolean;
        missing: string[];
        builtins: string[];
      };
      expect(result).toMatchObject({ status: 200, body: { ok: true }, index: false, missing: [] });
      for (const name of ['worker_threads', 'perf_hooks', 'dns', 'zlib']) {
        expect(result.builtins).not.toContain(name);
      }
    } finally {
      server.close();
    }
  });

  it('requests exactly as undici’s own request does', async () => {
    const { url, seen, server } = await recordingServer((request) => ({
      status: request.url === '/missing' ? 404 : 200,
      body: JSON.stringify({ url: request.url }),
    }));
    const dispatcher = new ours.Agent();
    // Each call as both functions take it; the last ones are refused, before any request.
    const calls: unknown[][] = [
      [`${url}/a?b=1`, { dispatcher }],
      [new URL(`${url}/c`), { dispatcher }],
      [url, { dispatcher, path: 'd/e?f=2' }],
      [`${url}/h`, { dispatcher, method: 'POST', body: 'x=1', headers: { 'x-test': 'yes' } }],
      [`${url}/i`, { dispatcher, body: 'no method' }],
      [`${url}/missing`, { dispatcher }],
      [`${url}/global`],
      [`${url}/with-a-path`, { dispatcher, path: '/g' }],
      [''],
      [url, 'x'],
      [url, { dispatcher, path: 1 }],
      [url, { dispatcher, agent: {} }],
    ];
    type Request = (...args: unknown[]) => Promise<{
      statusCode: number;
      body: { text(): Promise<string> };
    }>;
    const run = async (request: Request): Promise<unknown> => {
      seen.length = 0;
      const results: unknown[] = [];
      for (const args of calls) {
        try {
          const response = await request(...args);
          results.push({ status: response.statusCode, body: await response.body.text() });
        } catch (error) {
          results.push(`${(error as Error).constructor.name}: ${(error as Error).message}`);
        }
      }
      const requests = seen.map(({ method, url: path, headers, body }) => ({
        method,
        path,
        body,
        test: headers['x-test'],
      }));
      return { results, requests };
    };
    try {
      const mine = await run(ours.request as unknown as Request);
      expect(mine).toEqual(await run(index.request as Request));
      expect(JSON.stringify(mine)).toContain('InvalidArgumentError: invalid opts.path');
    } finally {
      await dispatcher.close();
      server.close();
    }
  });
});

// ---------------------------------------------------------------------------------------------

describe('lazy-http-client/ (@actions/http-client as @actions/core sees it)', () => {
  /** The folder Node (and the bundler) finds `name` in from `fromDir`: the nearest node_modules. */
  function lookup(fromDir: string, name: string): string {
    for (let dir = fromDir; ; dir = dirname(dir)) {
      const candidate = join(dir, 'node_modules', name);
      if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
      if (dirname(dir) === dir) throw new Error(`${name} not found from ${fromDir}`);
    }
  }
  const SHIM = join(ROOT, 'lazy-http-client');
  const CORE = realpathSync(join(NODE_MODULES, '@actions', 'core'));
  const REAL = lookup(SHIM, 'real-http-client');

  it('is what @actions/core gets, while @actions/github keeps a real @actions/http-client', () => {
    expect(lookup(CORE, '@actions/http-client')).toBe(SHIM);
    const github = lookup(
      realpathSync(join(NODE_MODULES, '@actions', 'github')),
      '@actions/http-client',
    );
    expect(github).not.toBe(SHIM);
    expect((JSON.parse(read(join(github, 'package.json'))) as { name: string }).name).toBe(
      '@actions/http-client',
    );
    // The real client it loads is the major version @actions/core asks for.
    const wanted = (
      JSON.parse(read(join(CORE, 'package.json'))) as {
        dependencies: Record<string, string>;
      }
    ).dependencies['@actions/http-client'];
    const real = JSON.parse(read(join(REAL, 'package.json'))) as { name: string; version: string };
    expect(real.name).toBe('@actions/http-client');
    expect(wanted).toMatch(new RegExp(`^\\^${real.version.split('.')[0] ?? ''}\\.`));
  });

  it('provides everything @actions/core imports from @actions/http-client, and every method it calls', async () => {
    const load = async (path: string): Promise<Record<string, unknown>> =>
      (await import(pathToFileURL(path).href)) as Record<string, unknown>;
    const exported: Record<string, string[]> = {
      '@actions/http-client': Object.keys(await load(join(SHIM, 'index.js'))),
      '@actions/http-client/lib/auth': Object.keys(await load(join(SHIM, 'auth.js'))),
    };
    const methodsOf = (module: Record<string, unknown>): string[] =>
      Object.getOwnPropertyNames((module.HttpClient as { prototype: object }).prototype).filter(
        (name) => name !== 'constructor',
      );
    const realMethods = methodsOf(await load(join(REAL, 'lib', 'index.js')));
    const forwarded = methodsOf(await load(join(SHIM, 'index.js')));
    // Every method forwarded exists on the real client.
    for (const name of forwarded) expect(realMethods).toContain(name);

    const files = readdirSync(join(CORE, 'lib')).filter((file) => file.endsWith('.js'));
    let users = 0;
    for (const file of files) {
      const source = read(join(CORE, 'lib', file));
      const imports = [
        ...source.matchAll(/^import\s+(.+?)\s+from\s+'(@actions\/http-client[^']*)'/gm),
      ];
      if (imports.length === 0) continue;
      users += 1;
      for (const [, clause = '', specifier = ''] of imports) {
        // Named imports only: a namespace or default import could use anything.
        expect(clause, `${file}: ${clause}`).toMatch(/^\{[^}]*\}$/);
        const names = clause
          .slice(1, -1)
          .split(',')
          .map((part) => part.trim().split(/\s+as\s+/)[0] ?? '')
          .filter(Boolean);
        for (const name of names) expect(exported[specifier], `${file}: ${name}`).toContain(name);
      }
      // Whatever it calls that is a method of the real client has to be forwarded.
      const called = [...source.matchAll(/\.\s*(\w+)\s*\(/g)].map(([, name = '']) => name);
      for (const name of new Set(called)) {
        if (realMethods.includes(name))
          expect(forwarded, `${file} calls .${name}()`).toContain(name);
      }
    }
    expect(users).toBeGreaterThan(0); // oidc-utils.js
  });

  it('loads the real client only when @actions/core asks for an OIDC token, and then works', async () => {
    const { url, seen, server } = await recordingServer(() => ({ body: '{"value":"id-token-1"}' }));
    try {
      const script = `
        import { createRequire } from 'node:module';
        const cache = () => Object.keys(createRequire(import.meta.url).cache);
        const core = await import(${JSON.stringify(pathToFileURL(join(CORE, 'lib', 'core.js')).href)});
        const before = cache().filter((file) => /node_modules\\/(undici|tunnel)\\//.test(file)).length;
        const token = await core.getIDToken('sts.example');
        const after = cache().filter((file) => /node_modules\\/(undici|tunnel)\\//.test(file)).length;
        console.log(JSON.stringify({ before, after, token }));`;
      const out = await runScript(script, {
        ACTIONS_ID_TOKEN_REQUEST_URL: `${url}/token?api-version=2.0`,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request-token-1',
      });
      // The last line: getIDToken also masks the token on stdout.
      const result = JSON.parse(out.trim().split('\n').at(-1) ?? '') as {
        before: number;
        after: number;
        token: string;
      };
      expect(result.before).toBe(0);
      expect(result.after).toBeGreaterThan(0);
      expect(result.token).toBe('id-token-1');
      expect(seen).toHaveLength(1);
      expect(seen[0]).toMatchObject({
        method: 'GET',
        url: '/token?api-version=2.0&audience=sts.example',
        headers: { authorization: 'Bearer request-token-1', 'user-agent': 'actions/oidc-client' },
      });
    } finally {
      server.close();
    }
  });

  it('re-exports credential handlers that import nothing, so loading them eagerly costs nothing', () => {
    expect(read(join(REAL, 'lib', 'auth.js'))).not.toMatch(/^\s*(import|export .* from)\b/m);
  });
});
