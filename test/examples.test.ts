// The workflows users copy: examples/*.yml and the YAML blocks of README.md, CONTRIBUTING.md and
// docs/*.md must parse, and every step that uses this action may only pass inputs that action.yml
// declares. Those, and this repository's own workflows, must keep expressions out of run: scripts;
// the workflows here also keep the hygiene a security review asked for (credentials, caches,
// permissions, actions pinned by commit SHA, a release that moves the major tag last).
import { readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
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

/** The Markdown pages users read: README.md, CONTRIBUTING.md and every page of docs/. */
const docPages = [
  'README.md',
  'CONTRIBUTING.md',
  ...(await readdir(join(ROOT, 'docs')))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/${f}`),
];

async function yamlBlocks(page: string): Promise<string[]> {
  const text = await readFile(join(ROOT, page), 'utf8');
  return [...text.matchAll(/^ *```ya?ml\n([\s\S]*?)^ *```/gm)].map((m) => m[1] ?? '');
}

async function readmeBlocks(): Promise<string[]> {
  return yamlBlocks('README.md');
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
  for (const page of docPages) {
    for (const [index, block] of (await yamlBlocks(page)).entries()) {
      sources.push({ where: `${page} yaml block ${String(index + 1)}`, document: parse(block) });
    }
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

  it('leads with what the action does and a uses: step', async () => {
    const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
    const firstHeading = readme.indexOf('\n## ');
    expect(readme.slice(0, firstHeading)).toMatch(
      /uses: [\w-]+\/twilio-conversations-webhooks-action@v1/,
    );
  });

  it('points no preview at the account-wide configuration: a preview URL goes with service-sid', async () => {
    for (const page of docPages) {
      for (const [index, block] of (await yamlBlocks(page)).entries()) {
        for (const step of stepsOf(parse(block))) {
          const wants = Object.values(step.with ?? {})
            .map(String)
            .join('\n');
          if (!THIS_ACTION.test(step.uses ?? '') || !/deployment_status|preview/i.test(wants)) {
            continue;
          }
          const guarded =
            step.with?.['service-sid'] !== undefined || step.with?.['only-if-live'] !== undefined;
          expect(guarded, `${page} yaml block ${String(index + 1)}`).toBe(true);
        }
      }
    }
  });

  it('keeps the two set-up commands, and sends contributors to CONTRIBUTING.md', async () => {
    const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('npm ci && npm run demo');
    expect(readme).toContain('npm test');
    expect(readme).toContain('(CONTRIBUTING.md)');
  });

  it('links every page of docs/, or CONTRIBUTING.md does', async () => {
    const text = [
      await readFile(join(ROOT, 'README.md'), 'utf8'),
      await readFile(join(ROOT, 'CONTRIBUTING.md'), 'utf8'),
    ].join('\n');
    const linked = docPages.filter((page) => page.startsWith('docs/'));
    expect(linked.filter((page) => !text.includes(`(${page}`))).toEqual([]);
  });
});

describe('docs/ and CONTRIBUTING.md', () => {
  it.each(docPages)('%s: every YAML block parses and passes only real inputs', async (page) => {
    for (const [index, block] of (await yamlBlocks(page)).entries()) {
      expectValidUses(parse(block), `${page} yaml block ${String(index + 1)}`);
    }
  });

  // The pages written for users and contributors. docs/benchmarks.md, docs/reliability.md,
  // docs/probe.md and docs/architecture.md have tests and owners of their own.
  const userPages = [
    'README.md',
    'CONTRIBUTING.md',
    'docs/desired-state.md',
    'docs/drift-and-plan.md',
    'docs/how-it-works.md',
    'docs/releasing.md',
    'docs/safe-deploys.md',
  ];

  /** GitHub's anchor of a Markdown heading: lower case, punctuation dropped, spaces as hyphens. */
  const anchorsOf = (markdown: string): string[] =>
    [...markdown.matchAll(/^#{1,6} (.+)$/gm)].map((m) =>
      (m[1] ?? '')
        .toLowerCase()
        .replace(/[^\p{L}\p{N} _-]/gu, '')
        .replace(/ /g, '-'),
    );

  it.each(userPages)(
    '%s: every relative link leads to a file, and a heading of it, that exist',
    async (page) => {
      const text = await readFile(join(ROOT, page), 'utf8');
      const links = [...text.matchAll(/\]\(((?!https?:|mailto:)[^)#\s]*)(?:#([^)\s]+))?\)/g)];
      const missing: string[] = [];
      for (const [link, path = '', anchor] of links) {
        const target = path === '' ? join(ROOT, page) : join(ROOT, dirname(page), path);
        if (!existsSync(target)) {
          missing.push(link);
        } else if (anchor !== undefined && target.endsWith('.md')) {
          if (!anchorsOf(await readFile(target, 'utf8')).includes(anchor)) missing.push(link);
        }
      }
      expect(missing).toEqual([]);
    },
  );
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
  it('has CI, CodeQL and the release', () => {
    expect(workflowFiles).toEqual(['ci.yml', 'codeql.yml', 'release.yml']);
  });

  // SECURITY.md tells users to pin by SHA: the repository does, and so do the examples.
  it.each([
    ...workflowFiles.map((f) => `.github/workflows/${f}`),
    ...exampleFiles.map((f) => `examples/${f}`),
  ])('%s pins every action but this one by full commit SHA, with its version', async (file) => {
    const text = await readFile(join(ROOT, file), 'utf8');
    const uses = [...text.matchAll(/^\s*-?\s*uses:\s*(\S+)(.*)$/gm)];
    for (const [, ref = '', rest = ''] of uses) {
      if (ref.startsWith('./') || ref === '.' || THIS_ACTION.test(ref)) continue;
      expect(ref, `${file}: ${ref}`).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
      expect(rest, `${file}: ${ref}`).toMatch(/^ # v\d+\.\d+\.\d+$/);
    }
  });

  it('the same action is pinned to the same commit everywhere', async () => {
    const pins = new Map<string, Set<string>>();
    for (const file of [
      ...workflowFiles.map((f) => join('.github', 'workflows', f)),
      ...exampleFiles.map((f) => join('examples', f)),
    ]) {
      const text = await readFile(join(ROOT, file), 'utf8');
      for (const [, action = '', sha = ''] of text.matchAll(
        /uses:\s*([\w.-]+\/[\w.-]+)[\w./-]*@([0-9a-f]{40})/g,
      )) {
        pins.set(action, (pins.get(action) ?? new Set()).add(sha));
      }
    }
    expect(pins.size).toBeGreaterThanOrEqual(5);
    for (const [action, shas] of pins) expect([...shas], action).toHaveLength(1);
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

  it('the release attests dist/, publishes an immutable action, and moves the major tag last', async () => {
    const workflow = await readYaml<{
      jobs: Record<string, Job & { needs?: string | string[] }>;
    }>('.github', 'workflows', 'release.yml');
    const jobOf = (action: string): string | undefined =>
      Object.entries(workflow.jobs).find(([, job]) =>
        (job.steps ?? []).some((s) => (s.uses ?? '').startsWith(`${action}@`)),
      )?.[0];
    const attest = jobOf('actions/attest-build-provenance');
    const publish = jobOf('actions/publish-immutable-action');
    expect(attest).toBeDefined();
    expect(publish).toBe(attest);
    const attestStep = (workflow.jobs[attest ?? '']?.steps ?? []).find((s) =>
      (s.uses ?? '').startsWith('actions/attest-build-provenance@'),
    );
    expect(attestStep?.with?.['subject-path']).toMatch(/^dist\//);
    // The job that moves vX needs the publishing job, which needs the checks.
    const mover = Object.entries(workflow.jobs).find(([, job]) =>
      (job.steps ?? []).some(
        (s) => typeof s.run === 'string' && s.run.includes('refs/tags/$major'),
      ),
    );
    expect(mover?.[1].needs).toBe(publish);
    expect(workflow.jobs[publish ?? '']?.needs).toBe('verify');
    const verify = JSON.stringify(workflow.jobs.verify?.steps);
    expect(verify).toContain('bash .ci/run');
    expect(verify).toContain('CHANGELOG.md');
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

describe('.github/', () => {
  it("Dependabot watches every npm directory and the workflows' actions", async () => {
    const config = await readYaml<{
      updates: { 'package-ecosystem': string; directory?: string; directories?: string[] }[];
    }>('.github', 'dependabot.yml');
    const watched = (ecosystem: string): string[] =>
      config.updates
        .filter((u) => u['package-ecosystem'] === ecosystem)
        .flatMap((u) => u.directories ?? (u.directory === undefined ? [] : [u.directory]));
    // An npm directory is one with a lockfile: dist/package.json only marks the bundle as ESM.
    const npmDirectories = (await readdir(ROOT, { recursive: true }))
      .filter((f) => f.endsWith('package-lock.json') && !f.includes('node_modules'))
      .map((f) => `/${dirname(f) === '.' ? '' : dirname(f)}`);
    expect(npmDirectories).toEqual(['/']);
    expect(watched('npm')).toEqual(npmDirectories);
    expect(watched('github-actions')).toContain('/');
  });

  it('CODEOWNERS gives every path an owner', async () => {
    const text = await readFile(join(ROOT, '.github', 'CODEOWNERS'), 'utf8');
    expect(text).toMatch(/^\*\s+@[\w-]+\/[\w-]+/m);
  });

  it('CodeQL scans the sources and the workflows', async () => {
    const workflow = await readYaml<{
      jobs: Record<string, Job & { strategy?: { matrix?: { language?: string[] } } }>;
    }>('.github', 'workflows', 'codeql.yml');
    const languages = Object.values(workflow.jobs).flatMap(
      (job) => job.strategy?.matrix?.language ?? [],
    );
    expect(languages.sort()).toEqual(['actions', 'javascript-typescript']);
  });
});
