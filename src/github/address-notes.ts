// What the drift issue and the plan comment say of the Address Configurations around the managed
// resources: those nobody declared that start conversations, and those whose service is gone
// (Twilio keeps such a reference: IHARC/STEVI#29). The warnings say the same, one by one.
import { count } from '../core/text.js';
import { autoCreating, whereTo } from '../engine/unmanaged.js';
import type { RunResult } from '../model/result.js';
import { code, listed, said } from './markdown.js';

/** Addresses nobody declared that start conversations, and addresses whose service is gone. */
export function addressNotes(result: RunResult): string[] {
  const report = result.addresses;
  if (report === undefined) return [];
  if (!report.listed) {
    return [`⚠️ Could not check the Address Configurations: ${said(report.problem)}.`, ''];
  }
  const unmanaged = autoCreating(report);
  const dangling = report.addresses.filter((a) => a.dangling && !unmanaged.includes(a));
  return [
    ...(unmanaged.length === 0
      ? []
      : [
          `**${count(unmanaged.length, 'Address Configuration')} not in ${result.file === undefined ? 'the inputs' : code(result.file)} ${unmanaged.length === 1 ? 'auto-creates' : 'auto-create'} conversations:**`,
          '',
          ...listed(unmanaged.map((a) => `${code(a.address)}: ${said(whereTo(a))}`)),
          '',
        ]),
    ...(dangling.length === 0
      ? []
      : [
          `**${count(dangling.length, 'Address Configuration')} ${dangling.length === 1 ? 'points' : 'point'} at a service this account does not have:**`,
          '',
          ...listed(dangling.map((a) => `${code(a.address)}: ${code(a.serviceSid ?? '')}`)),
          '',
        ]),
  ];
}
