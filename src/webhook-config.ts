// The resource as Twilio describes it, and the part of it a user asks for.

export type Method = 'GET' | 'POST';
export type Target = 'webhook' | 'flex';

/** Which of Twilio's two configuration resources a run manages. */
export type Resource =
  { readonly kind: 'account' } | { readonly kind: 'service'; readonly serviceSid: string };

/** The live configuration, with the API's own snake_case fields. */
export interface WebhookConfig {
  readonly account_sid: string | null;
  readonly chat_service_sid?: string | null;
  readonly method: string | null;
  readonly filters: readonly string[] | null;
  readonly pre_webhook_url: string | null;
  readonly post_webhook_url: string | null;
  readonly target?: string | null;
  readonly url: string | null;
}

/**
 * The fields a user manages. A field left out is not managed: it is neither compared nor sent.
 * `null` URLs and an empty filter list mean "clear it".
 */
export interface DesiredConfig {
  readonly filters?: readonly string[];
  readonly method?: Method;
  readonly pre_webhook_url?: string | null;
  readonly post_webhook_url?: string | null;
  readonly target?: Target;
}

export type Field = keyof DesiredConfig;

/** In the order a person reads them in the summary. */
export const FIELDS: readonly Field[] = [
  'filters',
  'method',
  'pre_webhook_url',
  'post_webhook_url',
  'target',
];

export function resourcePath(resource: Resource): string {
  return resource.kind === 'account'
    ? '/v1/Configuration/Webhooks'
    : `/v1/Services/${resource.serviceSid}/Configuration/Webhooks`;
}

export function describeResource(resource: Resource): string {
  return resource.kind === 'account'
    ? 'account-wide configuration'
    : `configuration of service ${resource.serviceSid}`;
}
