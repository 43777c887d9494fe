// The workflows users copy: examples/*.yml and the YAML blocks of README.md must parse, and every
// step that uses this action may only pass inputs that action.yml declares.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { readActionYml, ROOT } from './support/run-action.js';

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}

const THIS_ACTION = /(^\.\/?$)|(\/twilio-conversations-webhooks-action@)/;

/** Every step of every job, or the steps of a bare step list (README snippets). */
function stepsOf(document: unknown): Step[] {
  if (Array.isArray(document)) return document as Step[];
  const workflow = document as { jobs?: Record<string, { steps?: Step[] }> };
  return Object.values(workflow.jobs ?? {}).flatMap((job) => job.steps ?? []);
}

async function expectValidUses(document: unknown, where: string): Promise<number> {
  const inputs = (await readActionYml()).inputs;
  const uses = stepsOf(document).filter((step) => THIS_ACTION.test(step.uses ?? ''));
  for (const step of uses) {
    const keys = Object.keys(step.with ?? {});
    for (const key of keys) expect(inputs, `${where}: with.${key}`).toHaveProperty([key]);
    expect(keys, `${where}: account-sid is required`).toContain('account-sid');
  }
  return uses.length;
}

const exampleFiles = (await readdir(join(ROOT, 'examples'))).filter((f) => f.endsWith('.yml'));

describe('examples/', () => {
  it('has the nightly check, the preview deploy and the environment matrix', () => {
    expect(exampleFiles.sort()).toEqual([
      'matrix-environments.yml',
      'nightly-drift-check.yml',
      'preview-deploy.yml',
    ]);
  });

  it.each(exampleFiles)('%s is valid YAML whose steps pass only real inputs', async (file) => {
    const text = await readFile(join(ROOT, 'examples', file), 'utf8');
    const documents = parseAllDocuments(text);
    expect(documents.flatMap((d) => d.errors)).toEqual([]);
    const workflow = parse(text) as { on?: unknown; jobs?: unknown; permissions?: unknown };
    expect(workflow.on).toBeDefined();
    expect(workflow.permissions, `${file} states its permissions`).toBeDefined();
    expect(await expectValidUses(workflow, file)).toBeGreaterThan(0);
  });

  it('nightly check: scheduled and manual, check mode with a drift issue, least permissions, a concurrency group', async () => {
    const workflow = parse(
      await readFile(join(ROOT, 'examples', 'nightly-drift-check.yml'), 'utf8'),
    ) as {
      on: Record<string, unknown>;
      permissions: Record<string, string>;
      concurrency: { group: string; 'cancel-in-progress': boolean };
      jobs: Record<string, { steps: Step[] }>;
    };
    expect(Object.keys(workflow.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    expect(workflow.permissions).toEqual({ contents: 'read', issues: 'write' });
    expect(workflow.concurrency['cancel-in-progress']).toBe(false);
    const step = stepsOf(workflow).find((s) => THIS_ACTION.test(s.uses ?? ''));
    expect(step?.with).toMatchObject({ mode: 'check', 'drift-issue': true });
  });
});

describe('README.md', () => {
  it('shows only YAML that parses, and passes only real inputs', async () => {
    const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
    const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    let uses = 0;
    for (const [index, block] of blocks.entries()) {
      uses += await expectValidUses(parse(block), `README block ${String(index + 1)}`);
    }
    expect(uses).toBeGreaterThanOrEqual(4);
  });
});
