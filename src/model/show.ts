// How a field's value is shown: to a person, wherever it is shown, a URL through showUrl (its user
// info and query values as ***); in outputs, which later steps read, without its user info only.
// Anything else as it is.
import { showUrl, withoutUserInfo } from '../core/urls.js';
import type { Field } from './webhook-config.js';

export type FieldValue = string | readonly string[] | null;

const URL_FIELDS: ReadonlySet<Field> = new Set(['pre_webhook_url', 'post_webhook_url']);

export function shownValue(field: Field, value: FieldValue): FieldValue {
  return typeof value === 'string' && URL_FIELDS.has(field) ? showUrl(value) : value;
}

export function outputValue(field: Field, value: FieldValue): FieldValue {
  return typeof value === 'string' && URL_FIELDS.has(field) ? withoutUserInfo(value) : value;
}

/** A configuration for outputs: every URL field without its user info. */
export function outputConfig<C extends Partial<Record<Field, FieldValue>>>(config: C): C {
  return Object.fromEntries(
    Object.entries(config).map(([field, value]) => [
      field,
      typeof value === 'string' && URL_FIELDS.has(field as Field) ? withoutUserInfo(value) : value,
    ]),
  ) as C;
}
