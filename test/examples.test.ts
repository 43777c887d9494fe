// The workflows users copy: examples/*.yml and the YAML blocks of README.md must parse, and every
// step that uses this action may only pass inputs that action.yml declares. Those, and this
// repository's own workflows, must keep expressions out of run: scripts; the workflows here also keep
// the hygiene a security review asked for (credentials, caches, permissions).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { ACTION_YML, ROOT } from './support/action.js';

interface Step {
  name?: string;
  uses?: string;
  run?: unknown;
  with?: Record<string, unknown>;
}

interface Concurrency {
  group?: string;
  'cancel-in-progress'?: boolean | string;
}

interface Job {
  permissions?: unknown;
  concurrency?: Concurrency | string;
  steps?: Step[];
}

interface Workflow {
  on?: unknown;
  permissions?: unknown;
  concurrency?: Concurrency | string;
  jobs?: Record<string, Job>;
}

const THIS_ACTION = /(^\.\/?$)|(\/twilio-conversations-webhooks-action@)/;

/** Every step of every job, or the steps of a bare step list (README snippets). */
function stepsOf(document: unknown): Step[] {
  if (Array.isArray(document)) return document as Step[];
  if (document === null || typeof document !== 'object') return [];
  const workflow = document as Workflow & { runs?: { steps?: Step[] } };
  const jobSteps = Object.values(workflow.jobs ?? {}).flatMap((job) => job.steps ?? []);
  return [...jobSteps, ...(workflow.runs?.steps ?? [])];
}

function expectValidUses(document: unknown, where: string): number {
  const inputs = ACTION_YML.inputs;
  const uses = stepsOf(document).filter((step) => THIS_ACTION.test(step.uses ?? ''));
  for (const step of uses) {
    const keys = Object.keys(step.with ?? {});
    for (const key of keys) expect(inputs, `${where}: with.${key}`).toHaveProperty([key]);
    expect(keys, `${where}: account-sid is required`).toContain('account-sid');
  }
  return uses.length;
}

async function ymlFiles(dir: string): Promise<string[]> {
  return (await readdir(join(ROOT, dir))).filter((f) => /\.ya?ml$/.test(f)).sort();
}

const exampleFiles = await ymlFiles('examples');
const workflowFiles = await ymlFiles(join('.github', 'workflows'));

async function readYaml<T>(...path: string[]): Promise<T> {
  return parse(await readFile(join(ROOT, ...path), 'utf8')) as T;
}

async function readmeBlocks(): Promise<string[]> {
  const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
  return [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
}

/** Every YAML document that holds steps someone runs: examples, our workflows, README blocks. */
async function everyStepSource(): Promise<{ where: string; document: unknown }[]> {
  const sources: { where: string; document: unknown }[] = [];
  for (const file of exampleFiles) {
    sources.push({ where: `examples/${file}`, document: await readYaml('examples', file) });
  }
  for (const file of workflowFiles) {
    sources.push({
      where: `.github/workflows/${file}`,
      document: await readYaml('.github', 'workflows', file),
    });
  }
  for (const [index, block] of (await readmeBlocks()).entries()) {
    sources.push({ where: `README.md yaml block ${String(index + 1)}`, document: parse(block) });
  }
  sources.push({ where: 'action.yml', document: await readYaml('action.yml') });
  return sources;
}

/** The group a job runs in: its own, or else the workflow's. */
function concurrencyOf(workflow: Workflow, job: Job): Concurrency | undefined {
  const c = job.concurrency ?? workflow.concurrency;
  return typeof c === 'string' ? { group: c } : c;
}

describe('examples/', () => {
  it('has the GitOps workflow, the onboarding export, the nightly check, the preview deploy and the environment matrix', () => {
    expect(exampleFiles).toEqual([
      'gitops.yml',
      'matrix-environments.yml',
      'nightly-drift-check.yml',
      'onboarding-export.yml',
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
    expect(expectValidUses(workflow, file)).toBeGreaterThan(0);
  });

  it.each(exampleFiles)(
    '%s: every job that uses the action is in a concurrency group that never cancels a run',
    async (file) => {
      const workflow = await readYaml<Workflow>('examples', file);
      for (const [id, job] of Object.entries(workflow.jobs ?? {})) {
        if (!(job.steps ?? []).some((s) => THIS_ACTION.test(s.uses ?? ''))) continue;
        const concurrency = concurrencyOf(workflow, job);
        expect(concurrency?.group, `${file}: job ${id} has a concurrency group`).toMatch(
          /^twilio-webhooks-/,
        );
        expect(concurrency?.['cancel-in-progress'], `${file}: job ${id}`).toBe(false);
      }
    },
  );

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

  it('preview deploy: the deploy and the restore share one group for the preview environment', async () => {
    const workflow = await readYaml<Workflow>('examples', 'preview-deploy.yml');
    const jobs = Object.values(workflow.jobs ?? {});
    expect(jobs).toHaveLength(2);
    const groups = jobs.map((job) => concurrencyOf(workflow, job)?.group);
    expect(groups).toEqual(['twilio-webhooks-preview', 'twilio-webhooks-preview']);
    // Set on the jobs: a run whose jobs are all skipped never takes a pending place in the group.
    expect(workflow.concurrency).toBeUndefined();
  });
});

describe('README.md', () => {
  it('shows only YAML that parses, and passes only real inputs', async () => {
    const blocks = await readmeBlocks();
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    let uses = 0;
    for (const [index, block] of blocks.entries()) {
      uses += expectValidUses(parse(block), `README block ${String(index + 1)}`);
    }
    expect(uses).toBeGreaterThanOrEqual(4);
  });
});

describe('run: scripts (examples/, .github/workflows/, README.md, action.yml)', () => {
  // An expression inside run: is pasted into the script's text before the shell starts, so a
  // value (an output, an event field) can become a command. env: hands it over as data instead.
  it('never contain ${{ }}: values reach them through env:', async () => {
    const sources = await everyStepSource();
    let scripts = 0;
    for (const { where, document } of sources) {
      for (const [index, step] of stepsOf(document).entries()) {
        if (step.run === undefined) continue;
        scripts += 1;
        const label = `${where}, step ${String(index + 1)}${step.name ? ` (${step.name})` : ''}`;
        expect(typeof step.run, label).toBe('string');
        expect(typeof step.run === 'string' ? step.run : '', label).not.toContain('${{');
      }
    }
    // The scan found the scripts it guards: the examples, README and workflows do have some.
    expect(scripts).toBeGreaterThanOrEqual(8);
  });
});

describe('.github/workflows/', () => {
  it('has CI and the release', () => {
    expect(workflowFiles).toEqual(['ci.yml', 'release.yml']);
  });

  it.each(workflowFiles)(
    '%s grants nothing at the workflow level; each job asks for what it needs',
    async (file) => {
      const workflow = await readYaml<Workflow>('.github', 'workflows', file);
      expect(workflow.permissions, `${file}: workflow-level permissions`).toEqual({});
      for (const [id, job] of Object.entries(workflow.jobs ?? {})) {
        expect(job.permissions, `${file}: job ${id} states its permissions`).toBeDefined();
      }
    },
  );

  it.each(workflowFiles)(
    '%s: actions/checkout keeps no credentials unless a later step pushes',
    async (file) => {
      const workflow = await readYaml<Workflow>('.github', 'workflows', file);
      let checkouts = 0;
      for (const [id, job] of Object.entries(workflow.jobs ?? {})) {
        const steps = job.steps ?? [];
        for (const [index, step] of steps.entries()) {
          if (!(step.uses ?? '').startsWith('actions/checkout@')) continue;
          checkouts += 1;
          const pushesLater = steps
            .slice(index + 1)
            .some((s) => typeof s.run === 'string' && /\bgit\s+push\b/.test(s.run));
          if (pushesLater) continue;
          expect(
            step.with?.['persist-credentials'],
            `${file}: job ${id}, step ${String(index + 1)}`,
          ).toBe(false);
        }
      }
      expect(checkouts).toBeGreaterThan(0);
    },
  );

  it('the tag-triggered release restores no dependency cache', async () => {
    const workflow = await readYaml<Workflow>('.github', 'workflows', 'release.yml');
    expect(workflow.on).toHaveProperty(['push', 'tags']);
    const setupNode = stepsOf(workflow).filter((s) =>
      (s.uses ?? '').startsWith('actions/setup-node@'),
    );
    expect(setupNode.length).toBeGreaterThan(0);
    for (const step of setupNode) {
      expect(step.with ?? {}).not.toHaveProperty(['cache']);
      // Without it, setup-node turns an npm cache on by itself once package.json names npm as
      // its packageManager.
      expect(step.with?.['package-manager-cache']).toBe(false);
    }
  });

  it('the release job that can write runs no npm', async () => {
    const workflow = await readYaml<Workflow>('.github', 'workflows', 'release.yml');
    for (const [id, job] of Object.entries(workflow.jobs ?? {})) {
      const permissions = (job.permissions ?? {}) as Record<string, string>;
      if (!Object.values(permissions).includes('write')) continue;
      for (const step of job.steps ?? []) {
        expect(step.uses ?? '', `job ${id}`).not.toMatch(/^actions\/setup-node@/);
        expect(typeof step.run === 'string' ? step.run : '', `job ${id}`).not.toMatch(
          /\b(npm|npx|node)\b/,
        );
      }
    }
  });
});
