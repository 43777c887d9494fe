// What a YAML node is, in the words of a message: empty, an empty list, or "the number 3".
import { isMap, isScalar, isSeq } from 'yaml';
import { quote } from '../core/text.js';

export function isEmptyList(node: unknown): boolean {
  return isSeq(node) && node.items.length === 0;
}

export function isEmpty(node: unknown): boolean {
  return node === null || node === undefined || (isScalar(node) && node.value === null);
}

/** What a value that is not the expected one is, for "is …: expected …". */
export function describe(node: unknown): string {
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (!isScalar(node)) return 'not a value';
  const { value, source } = node;
  if (value === null) return 'empty';
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') {
    return `the ${typeof value === 'boolean' ? 'boolean' : 'number'} ${source ?? String(value)}`;
  }
  if (typeof value === 'string') return `the string ${quote(value)}`;
  return `${quote(source ?? '')}, which is not a string`;
}
