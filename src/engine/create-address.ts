// Apply mode for an Address Configuration the file declares and Twilio does not have yet: one
// create with every desired field, whose answer is checked as an update's is.
import { compare, describeDiff } from './plan.js';
import type { Plan } from './plan.js';
import { before, definitelyNotApplied, failed } from './reconcile.js';
import type { Explain, ResourceContext } from './reconcile.js';
import type { ResourceResult } from '../model/result.js';
import type { TwilioApi } from '../twilio/client.js';
import { TwilioApiError } from '../twilio/errors.js';
import { describeResource } from '../model/webhook-config.js';
import type { LiveConfig, Resource } from '../model/webhook-config.js';

/**
 * Creates the Address Configuration the file declares, with every desired field, and checks the
 * answer. Nothing is ever deleted, so a created one that does not match is not rolled back: the
 * next run updates it. A create whose answer is lost is looked for among the account's.
 */
export async function createAddress(
  twilio: TwilioApi,
  context: ResourceContext & { readonly resource: Extract<Resource, { kind: 'address' }> },
  live: LiveConfig,
  plan: Plan,
  explain: Explain,
): Promise<ResourceResult> {
  const fail = (current: LiveConfig | undefined, why: string): ResourceResult =>
    failed(context, live, plan, current, why);
  const what = describeResource(context.resource);
  let answer: LiveConfig;
  const notes: string[] = [];
  try {
    answer = await twilio.createAddress(context.resource, plan.update);
  } catch (error) {
    if (definitelyNotApplied(error)) {
      // The file's address matched none of the account's, yet Twilio has one: written otherwise.
      const duplicate =
        error instanceof TwilioApiError && error.status === 409
          ? ' Twilio has a configuration for this address already, written otherwise than in the file: write it exactly as the list of Address Configurations does (mode: export writes it so).'
          : '';
      return fail(live, `The ${what} was not created: ${explain(error)}${duplicate}`);
    }
    const lost = explain(error);
    let found: LiveConfig | undefined;
    try {
      found = (await twilio.listAddresses()).find(
        ({ address }) => address === context.resource.address,
      )?.config;
    } catch (listError) {
      return fail(
        undefined,
        `The create's answer was lost (${lost}) and listing the Address Configurations failed too (${explain(listError)}): whether Twilio created it is unknown. Run again to find out.`,
      );
    }
    if (found === undefined) {
      return fail(live, `The ${what} was not created: ${lost} It is not among the account's.`);
    }
    answer = found;
    notes.push(
      `The create's answer was lost (${lost}), but the Address Configurations listed again have it.`,
    );
  }
  const mismatches = compare(context.desired, answer);
  if (mismatches.length > 0) {
    return fail(
      answer,
      `Twilio created the ${what}${answer.sid ? ` (${answer.sid})` : ''}, but its answer does not match: ${describeDiff(mismatches)}. Nothing is deleted: the next run updates it.`,
    );
  }
  return {
    ...before(context, live, plan),
    current: answer,
    status: 'updated',
    changed: true,
    notes: notes.length === 0 ? undefined : notes,
  };
}
