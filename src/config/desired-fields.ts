// The managed fields of one resource in a desired-state file, read through the registry: the keys
// a resource of each kind takes, and each value as the input of the same name would have it.
import { fieldsOf } from '../model/fields.js';
import type { DesiredConfig, FieldValue, ResourceKind } from '../model/fields.js';
import type { Entry, YamlReader } from './yaml-reader.js';

/**
 * The fields of a resource written in one mapping, by their key in it: a registry key
 * `auto-creation.webhook-url` is the key `webhook-url` of the mapping `auto-creation`.
 */
function inMapping(kind: ResourceKind, mapping: string) {
  return fieldsOf(kind).flatMap((spec) => {
    const dot = spec.key.lastIndexOf('.');
    const [parent, key] =
      dot < 0 ? ['', spec.key] : [spec.key.slice(0, dot), spec.key.slice(dot + 1)];
    return parent === mapping ? [{ spec, key }] : [];
  });
}

/** The field keys of one mapping of a resource ('' for the resource's own). */
export const keysOf = (kind: ResourceKind, mapping = '') =>
  inMapping(kind, mapping).map(({ key }) => key);

/** The managed fields a mapping's keys give, each as the input of the same name would have it. */
export function readFields(
  reader: YamlReader,
  keys: ReadonlyMap<string, Entry>,
  kind: ResourceKind,
  mapping = '',
): { readonly desired: DesiredConfig; readonly managed: boolean } {
  const desired: Record<string, FieldValue> = {};
  let managed = false;
  for (const { spec, key } of inMapping(kind, mapping)) {
    const entry = keys.get(key);
    if (entry === undefined) continue;
    managed = true;
    const value = reader.readField(entry, spec, kind);
    if (value !== undefined) desired[spec.field] = value;
  }
  return { desired: desired, managed };
}
