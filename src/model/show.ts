// How a field's value is shown: to a person, wherever it is shown, a URL through showUrl (its user
// info and query values as ***); in outputs, which later steps read, without its user info only.
// Anything else as it is. Which fields are URLs, the registry says (hook).
import { showUrl, withoutUserInfo } from '../core/urls.js';
import { HOOK_FIELDS } from './fields.js';
import type { Field, FieldValue } from './fields.js';

const URL_FIELDS: ReadonlySet<string> = new Set(HOOK_FIELDS.map(({ field }) => field));

export function shownValue(field: Field, value: FieldValue): FieldValue {
  return typeof value === 'string' && URL_FIELDS.has(field) ? showUrl(value) : value;
}

export function outputValue(field: Field, value: FieldValue): FieldValue {
  return typeof value === 'string' && URL_FIELDS.has(field) ? withoutUserInfo(value) : value;
}

/** A configuration for outputs: every URL field without its user info. */
export function outputConfig<C extends object>(config: C): C {
  return Object.fromEntries(
    Object.entries(config).map(([field, value]: [string, unknown]) => [
      field,
      typeof value === 'string' && URL_FIELDS.has(field) ? withoutUserInfo(value) : value,
    ]),
  ) as C;
}
