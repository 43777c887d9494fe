// What CONTRIBUTING.md promises a newcomer: `npm ci` runs only reviewed install scripts, the npm
// scripts that need Node 24 say so when it is missing, and .env.example passes only real inputs.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTION_YML, ROOT } from './support/action.js';

interface PackageJson {
  engines?: Record<string, string>;
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
  allowScripts?: Record<string, boolean>;
}

const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as PackageJson;
const lock = JSON.parse(await readFile(join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { hasInstallScript?: boolean; version?: string }>;
};

describe('the Node 24 set-up', () => {
  it('every dependency with an install script is approved or denied in allowScripts', () => {
    const withScripts = Object.entries(lock.packages)
      .filter(([path, entry]) => path !== '' && entry.hasInstallScript === true)
      .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length));
    const reviewed = Object.keys(pkg.allowScripts ?? {}).map((key) => key.replace(/(.)@.*$/, '$1'));
    expect([...new Set(withScripts)].filter((name) => !reviewed.includes(name))).toEqual([]);
  });

  it('approves the install script of the node devDependency, which brings Node 24', () => {
    expect(pkg.devDependencies.node).toMatch(/^\^?24\./);
    expect(pkg.allowScripts?.node).toBe(true);
    expect(pkg.engines?.node).toBe('>=24');
  });

  it('the scripts that run TypeScript on Node say so when Node 24 is missing', () => {
    expect(pkg.scripts['check:node']).toContain('npm rebuild node');
    for (const script of ['demo', 'local-action', 'bench']) {
      expect(pkg.scripts[`pre${script}`], script).toBe('npm run --silent check:node');
    }
  });
});

describe('.env.example', () => {
  it('sets only inputs that action.yml declares, as the runner names them', async () => {
    const text = await readFile(join(ROOT, '.env.example'), 'utf8');
    const inputs = [...text.matchAll(/^#?\s*INPUT_([A-Z-]+)=/gm)].map((m) =>
      (m[1] ?? '').toLowerCase(),
    );
    expect(inputs.length).toBeGreaterThan(4);
    for (const input of inputs) expect(ACTION_YML.inputs, input).toHaveProperty([input]);
  });
});
