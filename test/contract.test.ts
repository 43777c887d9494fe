// action.yml is the contract: the code's input and output names, and README's tables, follow it.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INPUTS, OUTPUTS } from '../src/config/contract.js';
import { ACTION_YML, ROOT } from './support/action.js';

/** The names in the first column of the Markdown table that follows `heading` in README.md. */
async function readmeTableNames(heading: string): Promise<string[]> {
  const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf(`\n${heading}\n`);
  expect(start, `README.md has a "${heading}" section`).toBeGreaterThan(-1);
  const section = readme.slice(start + heading.length + 2).split(/\n#{1,3} /)[0] ?? '';
  return [...section.matchAll(/^\| `([^`]+)` +\|/gm)].map((match) => match[1] ?? '');
}

describe('action.yml is the contract', () => {
  it('declares exactly the inputs the code reads', () => {
    expect(Object.keys(ACTION_YML.inputs)).toEqual([...INPUTS]);
  });

  it('declares exactly the outputs the code sets', () => {
    expect(Object.keys(ACTION_YML.outputs)).toEqual([...OUTPUTS]);
  });

  it('describes every input and output, and marks secret inputs as secrets', () => {
    for (const [name, spec] of Object.entries({ ...ACTION_YML.inputs, ...ACTION_YML.outputs })) {
      expect(spec.description, name).toMatch(/\w{3}/);
    }
    for (const name of ['auth-token', 'api-secret', 'github-token']) {
      expect(ACTION_YML.inputs[name]?.description, name).toMatch(/^Secret\./);
    }
  });

  it('runs on node24 from the committed bundle', () => {
    expect(ACTION_YML.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  it('is documented input for input and output for output in README.md', async () => {
    expect(await readmeTableNames('## Inputs')).toEqual(Object.keys(ACTION_YML.inputs));
    expect(await readmeTableNames('## Outputs')).toEqual(Object.keys(ACTION_YML.outputs));
  });
});
