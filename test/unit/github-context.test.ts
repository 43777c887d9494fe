import { beforeEach, describe, expect, it, vi } from 'vitest';
import { gitHubRunFromEnv, runUrl } from '../../src/github-context.js';

// The event file, in memory: gitHubRunFromEnv reads it with readFileSync.
const eventFiles = vi.hoisted(() => new Map<string, string>());
const readFileSync = vi.hoisted(() =>
  vi.fn((path: string) => {
    const text = eventFiles.get(path);
    if (text === undefined) throw new Error(`ENOENT: no such file, open '${path}'`);
    return text;
  }),
);
vi.mock('node:fs', () => ({ readFileSync }));

const EVENT_PATH = '/runner/_temp/event.json';

beforeEach(() => {
  eventFiles.clear();
  readFileSync.mockClear();
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
    });
    expect(runUrl(run)).toBe('https://ghe.example/octo/app/actions/runs/42');
  });

  it('falls back to github.com, and to no repository, without them', () => {
    expect(gitHubRunFromEnv({})).toEqual({
      apiUrl: 'https://api.github.com',
      serverUrl: 'https://github.com',
      repository: '',
      runId: '',
      workflow: 'workflow',
      pullRequest: undefined,
    });
  });
});

describe('gitHubRunFromEnv: the pull request', () => {
  const pullRequestOf = (event: string, payload: string | undefined) => {
    if (payload !== undefined) eventFiles.set(EVENT_PATH, payload);
    return gitHubRunFromEnv({ GITHUB_EVENT_NAME: event, GITHUB_EVENT_PATH: EVENT_PATH })
      .pullRequest;
  };

  it.each(['pull_request', 'pull_request_target'])(
    'reads the number of the pull request of a %s event from the event file',
    (event) => {
      expect(pullRequestOf(event, '{"action":"synchronize","pull_request":{"number":42}}')).toBe(
        42,
      );
      expect(readFileSync).toHaveBeenCalledWith(EVENT_PATH, 'utf8');
    },
  );

  it.each(['push', 'schedule', 'workflow_dispatch', ''])(
    'has none for a %j event, and does not read the event file',
    (event) => {
      expect(pullRequestOf(event, '{"pull_request":{"number":42}}')).toBeUndefined();
      expect(readFileSync).not.toHaveBeenCalled();
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

  it('has none when GITHUB_EVENT_PATH is not set', () => {
    expect(gitHubRunFromEnv({ GITHUB_EVENT_NAME: 'pull_request' }).pullRequest).toBeUndefined();
    expect(readFileSync).not.toHaveBeenCalled();
  });
});
