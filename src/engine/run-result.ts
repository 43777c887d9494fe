// A run's result, assembled from what it planned and did: the record every report reads
// (src/model/result.ts has its shape).
import type { Settings } from '../config/settings.js';
import type { RunResult } from '../model/result.js';
import type { Outcome } from './deploy.js';
import type { Inventory } from './inventory.js';
import { addressesReport, servicesReport } from './landscape.js';
import {
  addressWarnings,
  unmanagedAddressFailures,
  unmanagedFailures,
  unmanagedWarnings,
} from './unmanaged.js';

export function runResult(settings: Settings, inventory: Inventory, outcome: Outcome): RunResult {
  const after = outcome.resources.map((r) => ({
    resource: r.resource,
    name: r.name,
    config: r.current,
  }));
  const addresses = addressesReport(inventory, after);
  const services = servicesReport(inventory, after, addresses);
  const file = settings.source.kind === 'file' ? settings.source.path : undefined;
  return {
    mode: settings.mode === 'apply' ? 'apply' : 'check',
    accountSid: settings.accountSid,
    file,
    ...outcome,
    services,
    addresses,
    failures: [
      ...outcome.failures,
      ...unmanagedFailures(services, settings.unmanagedServices),
      ...unmanagedAddressFailures(addresses, settings.unmanagedAddresses),
    ],
    // Under unmanaged-services: ignore, the services are not looked at, and there is nothing to say.
    warnings: [
      ...unmanagedWarnings(services, file).map((message) => ({
        title: 'Twilio service overrides the account-wide webhooks',
        message,
      })),
      ...addressWarnings(addresses, file, settings.unmanagedAddresses).map((message) => ({
        title: 'Twilio Address Configuration',
        message,
      })),
    ],
  };
}
