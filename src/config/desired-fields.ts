// The managed fields of one resource in a desired-state file, read through the registry: the keys
// a resource of each kind takes, and each value as the input of the same name would have it.
import { fieldsOf } from '../model/fields.js';
import type { DesiredConfig, FieldValue, ResourceKind } from '../model/fields.js';
import type { Entry, YamlReader } from './yaml-reader.js';

export const keysOf = (kind: ResourceKind) => fieldsOf(kind).map(({ key }) => key as string);

/** The managed fields a resource's keys give, each as the input of the same name would have it. */
export function readFields(
  reader: YamlReader,
  keys: ReadonlyMap<string, Entry>,
  kind: ResourceKind,
): { readonly desired: DesiredConfig; readonly managed: boolean } {
  const desired: Record<string, FieldValue> = {};
  let managed = false;
  for (const spec of fieldsOf(kind)) {
    const entry = keys.get(spec.key);
    if (entry === undefined) continue;
    managed = true;
    const value = reader.readField(entry, spec, kind);
    if (value !== undefined) desired[spec.field] = value;
  }
  return { desired: desired, managed };
}
