import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { commitUrl, gitHubRunFromEnv, runUrl } from '../../../src/github/context.js';

// The runner's event file, written for real: a path that does not exist says "not read" too.
const dir = mkdtempSync(join(tmpdir(), 'event-'));
const EVENT_PATH = join(dir, 'event.json');
const SHA = '0123456789abcdef0123456789abcdef01234567';

beforeEach(() => {
  rmSync(EVENT_PATH, { force: true });
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('gitHubRunFromEnv and runUrl', () => {
  it('reads the runner’s GITHUB_* variables', () => {
    const run = gitHubRunFromEnv({
      GITHUB_API_URL: 'https://ghe.example/api/v3',
      GITHUB_SERVER_URL: 'https://ghe.example',
      GITHUB_REPOSITORY: 'octo/app',
      GITHUB_RUN_ID: '42',
      GITHUB_WORKFLOW: 'Deploy',
    });
    expect(run).toEqual({
      apiUrl: 'https://ghe.example/api/v3',
      serverUrl: 'https://ghe.example',
      repository: 'octo/app',
      runId: '42',
      workflow: 'Deploy',
      pullRequest: undefined,
      headSha: undefined,
    });
    expect(runUrl(run)).toBe('https://ghe.example/octo/app/actions/runs/42');
    expect(commitUrl(run, SHA)).toBe(`https://ghe.example/octo/app/commit/${SHA}`);
  });

  it('falls back to github.com, and to no repository, without them', () => {
    expect(gitHubRunFromEnv({})).toEqual({
      apiUrl: 'https://api.github.com',
      serverUrl: 'https://github.com',
      repository: '',
      runId: '',
      workflow: 'workflow',
      pullRequest: undefined,
      headSha: undefined,
    });
  });
});

describe('gitHubRunFromEnv: the pull request', () => {
  const pullRequestOf = (event: string, payload: string | undefined) => {
    if (payload !== undefined) writeFileSync(EVENT_PATH, payload);
    return gitHubRunFromEnv({ GITHUB_EVENT_NAME: event, GITHUB_EVENT_PATH: EVENT_PATH })
      .pullRequest;
  };

  it.each(['pull_request', 'pull_request_target'])(
    'reads the number of the pull request of a %s event from the event file',
    (event) => {
      expect(pullRequestOf(event, '{"action":"synchronize","pull_request":{"number":42}}')).toBe(
        42,
      );
    },
  );

  it.each(['push', 'schedule', 'workflow_dispatch', ''])(
    'has none for a %j event, whatever the event file says',
    (event) => {
      expect(pullRequestOf(event, '{"pull_request":{"number":42}}')).toBeUndefined();
    },
  );

  it.each([
    ['no event file', undefined],
    ['a file that is not JSON', '{"pull_request":'],
    ['no pull request', '{"number":42}'],
    ['a number written as text', '{"pull_request":{"number":"42"}}'],
    ['a number that is not whole', '{"pull_request":{"number":4.5}}'],
    ['JSON that is not an object', 'null'],
  ])('has none with %s', (_case, payload) => {
    expect(pullRequestOf('pull_request', payload)).toBeUndefined();
  });

  it('reads the commit at the head of the pull request: what a plan is made for', () => {
    const run = (head: unknown) => {
      writeFileSync(EVENT_PATH, JSON.stringify({ pull_request: { number: 42, head } }));
      return gitHubRunFromEnv({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: EVENT_PATH });
    };
    expect(run({ sha: SHA })).toMatchObject({ pullRequest: 42, headSha: SHA });
    const sha256 = 'ab'.repeat(32);
    expect(run({ sha: sha256 }).headSha).toBe(sha256);
    for (const head of [undefined, {}, { sha: 'main' }, { sha: SHA.toUpperCase() }, { sha: 42 }]) {
      expect(run(head)).toMatchObject({ pullRequest: 42, headSha: undefined });
    }
  });

  it('has none when GITHUB_EVENT_PATH is not set', () => {
    writeFileSync(EVENT_PATH, '{"pull_request":{"number":42}}');
    expect(gitHubRunFromEnv({ GITHUB_EVENT_NAME: 'pull_request' }).pullRequest).toBeUndefined();
  });
});
