import { ALL_EVENTS, isPostEvent, isPreEvent } from '../model/events.js';
import { shownValue } from '../model/show.js';
import type { FieldDiff } from '../model/result.js';
import type { FieldValue } from '../model/show.js';
import { count } from '../core/text.js';
import { FIELDS } from '../model/webhook-config.js';
import type { DesiredConfig, Field, WebhookConfig } from '../model/webhook-config.js';

export interface Plan {
  /** Managed fields whose live value differs from the desired one, in summary order. */
  readonly diff: readonly FieldDiff[];
  /** Exactly the fields to send: only those that differ. Empty when in sync. */
  readonly update: DesiredConfig;
  readonly warnings: readonly string[];
}

export function planChanges(desired: DesiredConfig, live: WebhookConfig): Plan {
  const diff = compare(desired, live);
  const update = Object.fromEntries(diff.map(({ field }) => [field, desired[field]]));
  return {
    diff,
    update,
    warnings: [...unknownEventWarnings(desired), ...hookWarnings(desired, live)],
  };
}

/** The managed fields whose value in `config` is not the desired one. */
export function compare(desired: DesiredConfig, config: WebhookConfig): FieldDiff[] {
  return FIELDS.filter((field) => field in desired).flatMap((field) => {
    const wanted = desired[field] ?? null;
    const actual = liveValue(config, field);
    return matches(field, wanted, actual) ? [] : [{ field, actual, desired: wanted }];
  });
}

function liveValue(config: WebhookConfig, field: Field): FieldValue {
  return config[field] ?? null;
}

function matches(field: Field, desired: FieldValue, actual: FieldValue): boolean {
  switch (field) {
    case 'filters':
      return sameSet(asList(desired), asList(actual));
    case 'method':
      return desired?.toString().toUpperCase() === actual?.toString().toUpperCase();
    case 'pre_webhook_url':
    case 'post_webhook_url':
      // Twilio signs requests with the exact URL, so any byte of difference matters; an empty
      // string and null both mean "no URL".
      return (desired || null) === (actual || null);
    case 'target':
      return desired === actual;
  }
}

function asList(value: FieldValue): readonly string[] {
  if (value === null) return [];
  return typeof value === 'string' ? [value] : value;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((item) => right.has(item));
}

/**
 * Each desired event this action does not know, once: events.ts let it through as a name Twilio
 * may have added since, which the action cannot vouch for, so a person should hear of it.
 */
function unknownEventWarnings(desired: DesiredConfig): string[] {
  const unknown = new Set((desired.filters ?? []).filter((name) => !ALL_EVENTS.includes(name)));
  return [...unknown].map(
    (name) =>
      `The filters have ${name}, which is not one of the ${ALL_EVENTS.length} Conversations events this action knows: it is sent to Twilio as it is, and Twilio is the authority on whether it is an event. Whether it is a pre- or a post-event is unknown here, so nothing checks that a URL will receive it.`,
  );
}

/**
 * Events that will be subscribed to with no URL to deliver them to. An unknown event is neither
 * pre nor post here: its warning above says so.
 */
function hookWarnings(desired: DesiredConfig, live: WebhookConfig): string[] {
  const filters = desired.filters ?? live.filters ?? [];
  const preUrl =
    desired.pre_webhook_url === undefined ? live.pre_webhook_url : desired.pre_webhook_url;
  const postUrl =
    desired.post_webhook_url === undefined ? live.post_webhook_url : desired.post_webhook_url;
  const warnings: string[] = [];
  const pre = filters.filter(isPreEvent);
  if (pre.length > 0 && !preUrl) {
    warnings.push(
      `Pre-event filters (${pre.join(', ')}) are wanted but no pre-webhook-url will be configured: Twilio has nowhere to send them.`,
    );
  }
  const post = filters.filter(isPostEvent);
  if (post.length > 0 && !postUrl) {
    warnings.push(
      `Post-event filters (${post.join(', ')}) are wanted but no post-webhook-url will be configured: Twilio has nowhere to send them.`,
    );
  }
  return warnings;
}

/** "configuration differs in 2 fields: method is …; filters is …" */
export function describeDiff(diff: readonly FieldDiff[]): string {
  const fields = diff.map(
    ({ field, actual, desired }) =>
      `${field} is ${JSON.stringify(shownValue(field, actual))} (desired ${JSON.stringify(shownValue(field, desired))})`,
  );
  return `configuration differs in ${count(diff.length, 'field')}: ${fields.join('; ')}`;
}
