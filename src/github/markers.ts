// What finds the drift issue and the plan comment again (hidden markers keyed by what they
// belong to), and the fingerprint of what drifts, so that a comment is added only when it changes.
import { createHash } from 'node:crypto';
import { hasWork } from '../model/webhook-config.js';
import type { ResourceResult, RunResult } from '../model/result.js';
import { resourceKey } from '../model/webhook-config.js';
import type { Resource } from '../model/webhook-config.js';

/** What the drift issue and the plan comment belong to: a file, or the one resource of the inputs. */
export interface Scope {
  readonly accountSid: string;
  readonly file: string | undefined;
  /** Without a file, the resource the inputs describe. */
  readonly resource: Resource | undefined;
}

export function scopeOf(result: RunResult): Scope {
  return {
    accountSid: result.accountSid,
    file: result.file,
    resource: result.resources[0]?.resource,
  };
}

/** The key in the markers (keys that runs before desired-state files made stay valid). */
export function driftKey({ accountSid, file, resource }: Scope): string {
  if (file !== undefined) return `file:${file} account:${accountSid}`;
  return resource?.kind === 'service' ? `service:${resource.serviceSid}` : `account:${accountSid}`;
}

/** A hidden line that finds the issue again, whatever a person renames it to. */
export function issueMarker(key: string): string {
  return `<!-- twilio-webhook-drift ${hidden(key)} -->`;
}

export function planMarker(key: string): string {
  return `<!-- twilio-webhook-plan ${hidden(key)} -->`;
}

/** A key inside an HTML comment: without "<" or ">", a file name cannot end the comment early. */
function hidden(key: string): string {
  return key.replace(/[<>]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * After a check, a resource that drifted; after an apply, one the apply did not bring in sync
 * (failed, skipped, refused): the resources the drift issue is about.
 */
export function stillDrifts(result: ResourceResult): boolean {
  return hasWork(result.resource, result.diff) && result.status !== 'updated';
}

/**
 * Which fields of which resources drift, as a short hash: the issue's body keeps it in a hidden
 * line, so that the next run can tell whether the drift changed without keeping the whole list.
 */
export function driftFingerprint(result: RunResult): string {
  const fields = result.resources
    .filter(stillDrifts)
    .flatMap((r) => r.diff.map((d) => `${resourceKey(r.resource)} ${d.field}`))
    .sort();
  return createHash('sha256').update(fields.join('\n')).digest('hex').slice(0, 16);
}

const FINGERPRINT = /<!-- twilio-webhook-drift-fields ([0-9a-f]{16}) -->/;

/** The fingerprint an issue's body keeps; undefined for bodies written before there was one. */
export function fingerprintIn(body: string): string | undefined {
  return FINGERPRINT.exec(body)?.[1];
}
