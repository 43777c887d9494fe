// Preloaded into every benchmarked process (node --require): at exit, reports the process's own
// CPU time and peak resident set size on file descriptor 3, which the benchmark reads.
'use strict';
const { writeSync } = require('node:fs');

process.on('exit', () => {
  const usage = process.resourceUsage();
  const report = {
    cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
    maxRssKiB: usage.maxRSS,
  };
  try {
    writeSync(3, JSON.stringify(report));
  } catch {
    // Run outside the benchmark: nobody is listening on fd 3.
  }
});
