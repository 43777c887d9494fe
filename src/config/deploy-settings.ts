// The inputs that make a deploy's switch safe: probing the new URL first, going ahead only if
// the live values are still ours, rolling back a write that does not verify, guarding target.
import type { RawInputs } from './contract.js';
import { InvalidValue } from '../core/errors.js';
import { CLEAR } from '../model/events.js';
import {
  asInput,
  InputError,
  parseBoolean,
  parseChoice,
  parseSecondsAsMs,
} from './input-parsers.js';
import { closestMatch } from '../core/suggest.js';
import { oneLine, quote } from '../core/text.js';
import { webhookUrlProblem, showUrl } from '../core/urls.js';
import { INPUT_FIELDS } from '../model/fields.js';
import type { DesiredConfig, FieldValue } from '../model/fields.js';

export interface DeploySettings {
  /** Probe every new webhook URL before switching to it (apply mode only). */
  readonly probe: boolean;
  readonly probeTimeoutMs: number;
  /** A health endpoint to probe instead of the webhook URLs; it must answer 2xx. */
  readonly probeUrl: string | undefined;
  /**
   * only-if-live as written: a YAML mapping, read by readOnlyIfLive before any request (apart, so
   * that runs without it never load a YAML parser).
   */
  readonly onlyIfLive: string | undefined;
  readonly rollback: boolean;
  readonly allowTargetChange: boolean;
}

export function parseDeploySettings(
  inputs: RawInputs,
  source: 'inputs' | 'file',
  applying: boolean,
  warnings: string[],
): DeploySettings {
  const applyOnly = (['only-if-live', 'probe-url', 'allow-target-change'] as const).filter(
    (name) => inputs[name] !== '' && inputs[name].toLowerCase() !== 'false',
  );
  if (!applying && applyOnly.length > 0) {
    warnings.push(
      `${applyOnly.join(' and ')} only matter${applyOnly.length === 1 ? 's' : ''} in apply mode: nothing is written in this mode.`,
    );
  }
  const probeUrl = inputs['probe-url'];
  if (probeUrl !== '' && webhookUrlProblem(probeUrl) !== undefined) {
    throw new InputError(
      'probe-url',
      `is ${quote(showUrl(probeUrl))}: ${webhookUrlProblem(probeUrl) ?? ''}. Give the absolute http(s) URL of a health endpoint.`,
    );
  }
  const probe = parseChoice(inputs, 'probe', ['auto', 'off']) === 'auto';
  if (!probe && probeUrl !== '')
    warnings.push('probe-url is set but probe is off: nothing is probed.');
  return {
    probe,
    probeTimeoutMs: parseSecondsAsMs(inputs, 'probe-timeout-seconds', { min: 0, max: 600 }),
    probeUrl: probeUrl === '' ? undefined : probeUrl,
    onlyIfLive: onlyIfLiveText(inputs, source),
    rollback: parseBoolean(inputs, 'rollback'),
    allowTargetChange: parseBoolean(inputs, 'allow-target-change'),
  };
}

function onlyIfLiveText(inputs: RawInputs, source: 'inputs' | 'file'): string | undefined {
  const text = inputs['only-if-live'];
  if (text === '') return undefined;
  if (source === 'file') {
    throw new InputError(
      'only-if-live',
      'is set together with config-file: it guards the one resource the inputs describe.',
    );
  }
  return text;
}

/** The values only-if-live says the live fields must have; refused naming the input. */
export async function readOnlyIfLive(text: string): Promise<DesiredConfig> {
  const { parse } = await import('yaml');
  return asInput('only-if-live', () => expectedValues(text, parse));
}

function expectedValues(text: string, parseYaml: (text: string) => unknown): DesiredConfig {
  let mapping: unknown;
  try {
    mapping = parseYaml(text);
  } catch (error) {
    throw new InvalidValue(
      `is not YAML: ${oneLine((error instanceof Error ? error.message : String(error)).split('\n')[0]?.replace(/[\s:]+$/, '') ?? '', 120)}. Give a mapping such as "post-webhook-url: https://pr-42.example.com/twilio".`,
    );
  }
  if (typeof mapping !== 'object' || mapping === null || Array.isArray(mapping)) {
    throw new InvalidValue(
      'must be a YAML mapping of field names to values, such as "post-webhook-url: https://pr-42.example.com/twilio".',
    );
  }
  const expected: Record<string, FieldValue> = {};
  const keys = INPUT_FIELDS.map(({ key }) => key as string);
  for (const [key, raw] of Object.entries(mapping as Record<string, unknown>)) {
    const spec = INPUT_FIELDS.find((candidate) => candidate.key === key);
    if (spec === undefined) {
      const suggestion = closestMatch(key, keys);
      throw new InvalidValue(
        `has the key ${quote(key)}, which is not a field.${suggestion === undefined ? '' : ` Did you mean ${suggestion}?`} Fields: ${keys.join(', ')}.`,
      );
    }
    // A list is the same as the comma-separated string; an empty one, like "none", clears.
    const value: unknown = Array.isArray(raw)
      ? raw.length === 0
        ? CLEAR
        : raw.map(String).join(',')
      : raw;
    if (typeof value !== 'string') {
      throw new InvalidValue(`has ${key} ${quote(JSON.stringify(value))}: give it as text.`);
    }
    try {
      expected[spec.field] = spec.parse(value, 'account');
    } catch (error) {
      if (error instanceof InvalidValue) throw new InvalidValue(`has ${key} that ${error.message}`);
      throw error;
    }
  }
  if (Object.keys(expected).length === 0) {
    throw new InvalidValue(
      'names no field: leave it empty, or give the values the live fields must have.',
    );
  }
  return expected;
}
