import { defineConfig } from 'vitest/config';

const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  // The action runs on node24; `npm test` puts the node@24 devDependency first on PATH.
  throw new Error(
    `Tests run on Node 24 (the action's runtime), not ${process.version}: use "npm test".`,
  );
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Test files share workers: no test relies on a fresh module graph (nothing is mocked), and
    // a worker per file would cost more than the tests themselves.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 30_000,
    reporters: ['default', './test/support/closing-line-reporter.ts'],
  },
});
