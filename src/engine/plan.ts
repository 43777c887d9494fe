import { ALL_EVENTS, isPostEvent, isPreEvent } from '../model/events.js';
import { shownValue } from '../model/show.js';
import type { FieldDiff } from '../model/result.js';
import { count } from '../core/text.js';
import { FIELDS, HOOK_FIELDS } from '../model/fields.js';
import type { DesiredConfig, Field, FieldValue } from '../model/fields.js';
import { describeResource } from '../model/webhook-config.js';
import type { Resource, LiveConfig } from '../model/webhook-config.js';

export interface Plan {
  /** Managed fields whose live value differs from the desired one, in summary order. */
  readonly diff: readonly FieldDiff[];
  /** Exactly the fields to send: only those that differ. Empty when in sync. */
  readonly update: DesiredConfig;
  readonly warnings: readonly string[];
}

export function planChanges(desired: DesiredConfig, live: LiveConfig): Plan {
  const diff = compare(desired, live);
  const update = withTypeFields(
    desired,
    Object.fromEntries(diff.map(({ field }) => [field, desired[field]])),
  );
  return {
    diff,
    update,
    warnings: [...unknownEventWarnings(desired), ...hookWarnings(desired, live)],
  };
}

/**
 * An update that changes an address's auto-creation type sends the new type's desired fields too,
 * changed or not: Twilio keeps a type's fields while another type is set, and whether it needs them
 * again with the type is not established (reference README).
 */
function withTypeFields(desired: DesiredConfig, update: DesiredConfig): DesiredConfig {
  const type = update['auto_creation.type'];
  if (type === undefined) return update;
  const fields = FIELDS.filter(
    ({ field, ...spec }) =>
      'autoCreation' in spec && spec.autoCreation === type && field in desired,
  );
  return { ...update, ...Object.fromEntries(fields.map(({ field }) => [field, desired[field]])) };
}

/** The managed fields whose value in `config` is not the desired one. */
export function compare(desired: DesiredConfig, config: LiveConfig): FieldDiff[] {
  return FIELDS.filter(({ field }) => field in desired).flatMap(({ field, same }) => {
    const wanted = desired[field] ?? null;
    const actual = (config as Partial<Record<Field, FieldValue>>)[field] ?? null;
    return same(wanted, actual) ? [] : [{ field, actual, desired: wanted }];
  });
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
function hookWarnings(desired: DesiredConfig, live: LiveConfig): string[] {
  return HOOK_FIELDS.flatMap(({ field, key, hook, hears }) => {
    // A resource that has no such filters (the account's for an address's hook) is not this hook's.
    const filters = desired[hears] ?? live[hears] ?? [];
    const url = desired[field] === undefined ? live[field] : desired[field];
    const events = filters.filter(hook === 'pre' ? isPreEvent : isPostEvent);
    if (events.length === 0 || url) return [];
    const kind = hook === 'pre' ? 'Pre' : 'Post';
    return [
      `${kind}-event filters (${events.join(', ')}) are wanted but no ${key} will be configured: Twilio has nowhere to send them.`,
    ];
  });
}

/** "configuration differs in 2 fields: method is …; filters is …" */
export function describeDiff(diff: readonly FieldDiff[]): string {
  const fields = diff.map(
    ({ field, actual, desired }) =>
      `${field} is ${JSON.stringify(shownValue(field, actual))} (desired ${JSON.stringify(shownValue(field, desired))})`,
  );
  return `configuration differs in ${count(diff.length, 'field')}: ${fields.join('; ')}`;
}

/**
 * Every managed resource's plan, and the warnings of them all; with several resources, each
 * warning says whose it is.
 */
export function planEach<
  M extends {
    readonly resource: Resource;
    readonly desired: DesiredConfig;
    readonly live: LiveConfig;
  },
>(managed: readonly M[]): { planned: (M & { readonly plan: Plan })[]; warnings: string[] } {
  const planned = managed.map((m) => ({ ...m, plan: planChanges(m.desired, m.live) }));
  const warnings = planned.flatMap(({ resource, plan }) =>
    plan.warnings.map((warning) =>
      planned.length > 1 ? `${describeResource(resource)}: ${warning}` : warning,
    ),
  );
  return { planned, warnings };
}
