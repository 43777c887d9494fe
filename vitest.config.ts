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
    // Worker processes: worker threads cannot set process.umask(), which a test of the exported
    // file's mode does.
    pool: 'forks',
    // Four workers, whatever the cores: the suite waits (on dist/index.js subprocesses, loopback
    // servers, timeouts that must really pass) about as long as it computes, so a worker per core
    // leaves cores idle, and vitest's default (cores - 1) runs the whole suite in one worker on a
    // 2-core machine. There, on a fresh clone: 1 worker 21-27 s, 2 workers 14-19 s, 3 workers
    // 10-17 s, 4 workers 10-17 s and the fastest on average.
    maxWorkers: 4,
    testTimeout: 30_000,
    hookTimeout: 30_000,
    reporters: ['default', './test/support/closing-line-reporter.ts'],
  },
});
