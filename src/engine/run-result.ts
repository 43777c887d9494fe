// A run's result, assembled from what it planned and did: the record every report reads
// (src/model/result.ts has its shape).
import type { Settings } from '../config/settings.js';
import type { RunResult } from '../model/result.js';
import type { Outcome } from './deploy.js';
import { servicesReport } from './inventory.js';
import type { Inventory } from './inventory.js';
import { unmanagedFailures } from './unmanaged.js';

export function runResult(settings: Settings, inventory: Inventory, outcome: Outcome): RunResult {
  const services = servicesReport(
    inventory,
    outcome.resources.map((r) => ({ resource: r.resource, name: r.name, config: r.current })),
  );
  return {
    mode: settings.mode === 'apply' ? 'apply' : 'check',
    accountSid: settings.accountSid,
    file: settings.source.kind === 'file' ? settings.source.path : undefined,
    ...outcome,
    services,
    failures: [...outcome.failures, ...unmanagedFailures(services, settings.unmanagedServices)],
  };
}
