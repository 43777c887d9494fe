// The names action.yml declares. test/contract.test.ts keeps these lists equal to action.yml,
// so code that reads an input or sets an output can only name something the contract has.

export const INPUTS = [
  'account-sid',
  'auth-token',
  'api-key',
  'api-secret',
  'service-sid',
  'filters',
  'method',
  'pre-webhook-url',
  'post-webhook-url',
  'target',
  'region',
  'edge',
  'api-base-url',
  'timeout-seconds',
  'max-retries',
  'config-file',
  'max-concurrency',
  'unmanaged-services',
  'unmanaged-addresses',
  'mode',
  'fail-on-drift',
  'drift-issue',
  'drift-issue-labels',
  'pr-comment',
  'github-token',
  'probe',
  'probe-timeout-seconds',
  'probe-url',
  'only-if-live',
  'rollback',
  'allow-target-change',
] as const;

export type InputName = (typeof INPUTS)[number];
export type RawInputs = Readonly<Record<InputName, string>>;

export const OUTPUTS = [
  'changed',
  'drifted',
  'diff',
  'resources',
  'previous',
  'config',
  'account-sid',
  'chat-service-sid',
  'filters',
  'method',
  'pre-webhook-url',
  'post-webhook-url',
  'target',
  'url',
  'drift-issue-url',
  'config-file',
  'probed',
  'skipped',
] as const;

type OutputName = (typeof OUTPUTS)[number];
export type Outputs = Readonly<Record<OutputName, string>>;
