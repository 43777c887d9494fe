// `npm run bundle`: dist/ from src/, as CI rebuilds it to check that the committed one is current.
// ncc bundles src/index.ts (scripts/ncc.ts has the flags and why); the step fails if an import was
// not found; then dist/licenses.txt is written from the bundler's statistics (scripts/licenses.ts).
// Deterministic: the same sources and node_modules give the same bytes.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledPackages, renderLicenses, unresolved } from './licenses.ts';
import type { Stats } from './licenses.ts';
import { ncc, ROOT } from './ncc.ts';

const DIST = join(ROOT, 'dist');
const work = mkdtempSync(join(tmpdir(), 'bundle-'));
try {
  rmSync(DIST, { recursive: true, force: true });
  const statsFile = join(work, 'stats.json');
  ncc(join(ROOT, 'src', 'index.ts'), DIST, statsFile);
  const stats = JSON.parse(readFileSync(statsFile, 'utf8')) as Stats;
  // ncc does not fail on an import it cannot resolve: it bundles a require() that fails at run time.
  const missing = unresolved(stats);
  if (missing.length > 0) {
    throw new Error(`These imports were not found:\n  ${missing.join('\n  ')}`);
  }
  writeFileSync(join(DIST, 'licenses.txt'), renderLicenses(bundledPackages(stats)));
} finally {
  rmSync(work, { recursive: true, force: true });
}
