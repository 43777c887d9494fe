// The GitHub emulator: the issue and issue-comment endpoints (through Octokit, as the action calls
// them, and raw where headers matter), seeding and resetting its state, and its faults.
import { getOctokit } from '@actions/github';
import { describe, expect, it } from 'vitest';
import { useGitHubEmulator } from '../support/github-emulator-hooks.ts';
import { ownServer } from '../support/servers.ts';
import { FIRST_COMMENT_ID, MAX_BODY_CHARACTERS, startGitHubEmulator } from './github-emulator.ts';

const TOKEN = 'ghs_emulatorTestToken0123456789abcdef';
const REPOSITORY = 'octo-org/messaging';
const [owner = '', repo = ''] = REPOSITORY.split('/');
const MARKER = '<!-- twilio-webhooks:pr-comment -->';

const github = useGitHubEmulator({ token: TOKEN, repository: REPOSITORY });

const octokit = () => getOctokit(TOKEN, { baseUrl: github().url });

/** A raw request with the token; the status, the headers and the parsed body. */
async function raw(
  path: string,
  init: { method?: string; body?: string; token?: string; signal?: AbortSignal } = {},
): Promise<{ status: number; headers: Headers; body: unknown }> {
  const response = await fetch(`${github().url}${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `token ${init.token ?? TOKEN}`, 'content-type': 'application/json' },
    ...(init.body === undefined ? {} : { body: init.body }),
    ...(init.signal === undefined ? {} : { signal: init.signal }),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

describe('seeding and resetting', () => {
  it('seeds issues with the next free numbers, and their comments', async () => {
    const first = github().seedIssue({ title: 'one', labels: ['drift'], comments: ['hello'] });
    const chosen = github().seedIssue({ number: 41, state: 'closed', state_reason: 'completed' });
    const next = github().seedIssue();
    expect([first.number, chosen.number, next.number]).toEqual([1, 41, 42]);
    expect(() => github().seedIssue({ number: 41 })).toThrow('#41');
    const { data } = await octokit().rest.issues.get({ owner, repo, issue_number: 1 });
    expect(data).toMatchObject({ number: 1, title: 'one', comments: 1, state: 'open' });
    expect(data.labels).toEqual([{ name: 'drift' }]);
    expect(github().comments).toMatchObject([
      { id: FIRST_COMMENT_ID, issue_number: 1, body: 'hello', user: 'github-actions[bot]' },
    ]);
  });

  it('forgets everything on reset(), so that no test depends on another', async () => {
    github().seedIssue({ comments: ['x'] });
    github().failNext(500);
    await raw(`/repos/${REPOSITORY}/issues`);
    github().failNext(500);
    github().reset();
    expect([github().issues, github().comments, github().requests]).toEqual([[], [], []]);
    expect((await raw(`/repos/${REPOSITORY}/issues`)).status).toBe(200);
    expect(github().seedIssue({ comments: ['y'] }).number).toBe(1);
    expect(github().comments[0]?.id).toBe(FIRST_COMMENT_ID);
  });
});

describe('issues', () => {
  it('lists by state and label, newest first, paginated with Link', async () => {
    for (let i = 1; i <= 5; i++) github().seedIssue({ title: `#${String(i)}`, labels: ['drift'] });
    github().seedIssue({ title: 'other', labels: ['bug'] });
    github().seedIssue({ title: 'closed', labels: ['drift'], state: 'closed' });
    const all = await octokit().paginate(octokit().rest.issues.listForRepo, {
      owner,
      repo,
      labels: 'drift',
      state: 'all',
      per_page: 2,
    });
    expect(all.map((issue) => issue.title)).toEqual(['closed', '#5', '#4', '#3', '#2', '#1']);
    const first = await raw(`/repos/${REPOSITORY}/issues?labels=drift&per_page=2`);
    expect(first.headers.get('link')).toBe(
      `<${github().url}/repos/${REPOSITORY}/issues?labels=drift&per_page=2&page=2>; rel="next"`,
    );
    expect((first.body as unknown[]).length).toBe(2);
  });

  it('creates, updates, closes and reopens an issue, with a comment', async () => {
    const api = octokit().rest.issues;
    const { data: created } = await api.create({ owner, repo, title: 'Drift', labels: ['drift'] });
    expect(created.html_url).toBe(`https://github.example/${REPOSITORY}/issues/1`);
    await api.update({ owner, repo, issue_number: 1, body: 'new', state: 'closed' });
    expect(github().issues[0]).toMatchObject({
      body: 'new',
      state: 'closed',
      state_reason: 'completed',
    });
    await api.update({ owner, repo, issue_number: 1, state: 'open' });
    await api.createComment({ owner, repo, issue_number: 1, body: 'Drift is back' });
    expect(github().issues[0]).toMatchObject({
      state: 'open',
      state_reason: 'reopened',
      comments: ['Drift is back'],
    });
  });

  it('lists a seeded pull request among the issues, marked, on the same numbers', async () => {
    github().seedIssue({ title: 'an issue' });
    const pull = github().seedIssue({ number: 7, title: 'a pull request', pull_request: true });
    expect(github().seedIssue().number).toBe(8);
    const { data } = await octokit().rest.issues.listForRepo({ owner, repo });
    const listed = data.find((issue) => issue.number === pull.number);
    expect(listed?.pull_request?.url).toBe(`${github().url}/repos/${REPOSITORY}/pulls/7`);
    expect(listed?.html_url).toBe(`https://github.example/${REPOSITORY}/pull/7`);
    expect(data.find((issue) => issue.number === 1)).not.toHaveProperty('pull_request');
  });
});

describe('authors', () => {
  it('gives every issue an author: the token’s owner, unless seeded with another', async () => {
    github().seedIssue({ title: 'ours' });
    github().seedIssue({ title: 'theirs', user: 'maintainer' });
    await octokit().rest.issues.create({ owner, repo, title: 'made' });
    const { data } = await octokit().rest.issues.listForRepo({ owner, repo });
    expect(data.map((issue) => [issue.title, issue.user?.login, issue.user?.type])).toEqual([
      ['made', 'github-actions[bot]', 'Bot'],
      ['theirs', 'maintainer', 'User'],
      ['ours', 'github-actions[bot]', 'Bot'],
    ]);
  });

  it('answers who an installation token is through GraphQL only, as GitHub does', async () => {
    const { viewer } = await octokit().graphql<{ viewer: { login: string } }>(
      'query { viewer { login } }',
    );
    expect(viewer.login).toBe('github-actions[bot]');
    const user = await raw('/user');
    expect(user.status).toBe(403);
    expect(user.body).toMatchObject({ message: 'Resource not accessible by integration' });
  });

  it('answers who a personal access token is both ways', async () => {
    const pat = 'ghp_personalAccessToken0123456789abcdef';
    const own = await ownServer(
      startGitHubEmulator({ token: pat, repository: REPOSITORY, login: 'octocat' }),
    );
    const client = getOctokit(pat, { baseUrl: own.url });
    const { viewer } = await client.graphql<{ viewer: { login: string } }>('{ viewer { login } }');
    expect(viewer.login).toBe('octocat');
    const { data } = await client.rest.users.getAuthenticated();
    expect(data).toMatchObject({ login: 'octocat', type: 'User' });
  });

  it('answers any other GraphQL query with an error, as GitHub answers a query it cannot run', async () => {
    await expect(octokit().graphql('query { repository { id } }')).rejects.toThrow(
      'The emulator answers only { viewer { login } }',
    );
  });
});

describe('issue comments', () => {
  it('lists a pull request’s comments oldest first, paginated, with ids, bodies and authors', async () => {
    const pull = github().seedIssue({ number: 12, pull_request: true });
    for (let i = 1; i <= 4; i++) github().seedComment(12, `comment ${String(i)}`, 'someone');
    const mine = github().seedComment(12, `${MARKER}\nplan`);
    const comments = await octokit().paginate(octokit().rest.issues.listComments, {
      owner,
      repo,
      issue_number: pull.number,
      per_page: 2,
    });
    expect(comments.map((c) => c.body)).toEqual([
      'comment 1',
      'comment 2',
      'comment 3',
      'comment 4',
      `${MARKER}\nplan`,
    ]);
    const last = comments.at(-1);
    expect(last).toMatchObject({
      id: mine.id,
      user: { login: 'github-actions[bot]', type: 'Bot' },
      html_url: `https://github.example/${REPOSITORY}/pull/12#issuecomment-${String(mine.id)}`,
      url: `${github().url}/repos/${REPOSITORY}/issues/comments/${String(mine.id)}`,
    });
    expect(comments[0]?.user).toMatchObject({ login: 'someone', type: 'User' });
    expect(new Set(comments.map((c) => c.id)).size).toBe(5);
  });

  it('creates a comment, then updates it in place by id', async () => {
    github().seedIssue({ number: 3, pull_request: true, comments: ['first'] });
    const api = octokit().rest.issues;
    const { data: created, status } = await api.createComment({
      owner,
      repo,
      issue_number: 3,
      body: `${MARKER}\nv1`,
    });
    expect(status).toBe(201);
    expect(created.id).toBeGreaterThan(FIRST_COMMENT_ID);
    const { data: updated } = await api.updateComment({
      owner,
      repo,
      comment_id: created.id,
      body: `${MARKER}\nv2`,
    });
    expect(updated).toMatchObject({ id: created.id, body: `${MARKER}\nv2` });
    expect(github().issues[0]?.comments).toEqual(['first', `${MARKER}\nv2`]);
    expect(github().comments.map((c) => c.body)).toEqual(['first', `${MARKER}\nv2`]);
  });

  it.each([
    ['comments of an unknown issue', 'GET', '/issues/99/comments', undefined, 404],
    ['an unknown comment', 'PATCH', '/issues/comments/1', '{"body":"x"}', 404],
    ['a comment without a body', 'POST', '/issues/1/comments', '{}', 422],
    [
      'an update without a body',
      'PATCH',
      `/issues/comments/${String(FIRST_COMMENT_ID)}`,
      '{}',
      422,
    ],
    ['a body that is not JSON', 'POST', '/issues/1/comments', '{"body":', 400],
  ])('refuses %s', async (_name, method, path, body, status) => {
    github().seedIssue({ comments: ['seeded'] });
    const answer = await raw(`/repos/${REPOSITORY}${path}`, {
      method,
      ...(body === undefined ? {} : { body }),
    });
    expect(answer.status).toBe(status);
    expect(answer.body).toMatchObject({ documentation_url: 'https://docs.github.com/rest' });
    expect(github().comments.map((c) => c.body)).toEqual(['seeded']);
  });
});

describe('GitHub’s limit on a body', () => {
  const longest = 'x'.repeat(MAX_BODY_CHARACTERS);
  const tooLong = `${longest}y`;
  const refusal = (resource: string) => ({
    message: 'Validation Failed',
    errors: [
      {
        resource,
        code: 'custom',
        field: 'body',
        message: 'body is too long (maximum is 65536 characters)',
      },
    ],
  });

  it('takes 65,536 characters, counted as GitHub counts them (code points)', async () => {
    github().seedIssue({ number: 1 });
    const api = octokit().rest.issues;
    await api.create({ owner, repo, title: 't', body: longest });
    await api.createComment({
      owner,
      repo,
      issue_number: 1,
      body: '😀'.repeat(MAX_BODY_CHARACTERS),
    });
    expect(github().issues[1]?.body).toHaveLength(MAX_BODY_CHARACTERS);
    expect(github().comments).toHaveLength(1);
  });

  it.each([
    ['creating an issue', 'POST', '/issues', 'Issue'],
    ['updating an issue', 'PATCH', '/issues/1', 'Issue'],
    ['creating a comment', 'POST', '/issues/1/comments', 'IssueComment'],
    ['updating a comment', 'PATCH', `/issues/comments/${String(FIRST_COMMENT_ID)}`, 'IssueComment'],
  ])('refuses one more with 422 when %s', async (_case, method, path, resource) => {
    github().seedIssue({ number: 1, body: 'before', comments: ['before'] });
    const answer = await raw(`/repos/${REPOSITORY}${path}`, {
      method,
      body: JSON.stringify({ title: 't', body: tooLong }),
    });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject(refusal(resource));
    expect(github().issues.map((i) => i.body)).toEqual(['before']);
    expect(github().comments.map((c) => c.body)).toEqual(['before']);
  });
});

describe('faults', () => {
  const list = `/repos/${REPOSITORY}/issues`;

  it('refuses a wrong token with 401', async () => {
    expect((await raw(list, { token: 'ghs_wrong' })).body).toEqual({
      message: 'Bad credentials',
      documentation_url: 'https://docs.github.com/rest',
    });
  });

  it('fails the next requests, as many times as asked, then answers', async () => {
    github().failNext(503);
    github().failNext(502, 2);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await raw(list)).status);
    expect(statuses).toEqual([503, 502, 502, 200]);
  });

  it('fails with the headers and message of a secondary rate limit', async () => {
    github().failNext(403, {
      headers: {
        'retry-after': '1',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': '1700000000',
      },
      message: 'You have exceeded a secondary rate limit.',
    });
    const answer = await raw(list);
    expect(answer.status).toBe(403);
    expect(answer.headers.get('retry-after')).toBe('1');
    expect(answer.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(answer.headers.get('x-ratelimit-reset')).toBe('1700000000');
    expect(answer.body).toEqual({
      message: 'You have exceeded a secondary rate limit.',
      documentation_url: 'https://docs.github.com/rest',
    });
  });

  it('fails with a body that is not GitHub’s JSON, as a proxy’s error page', async () => {
    github().failNext(502, { html: '<html><title>502 Bad Gateway</title></html>' });
    const response = await fetch(`${github().url}${list}`, {
      headers: { authorization: `token ${TOKEN}` },
    });
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toBe('text/html');
    expect(await response.text()).toBe('<html><title>502 Bad Gateway</title></html>');
  });

  it('points the next page elsewhere after setLinkBase, until reset()', async () => {
    for (let i = 0; i < 3; i++) github().seedIssue();
    github().setLinkBase('http://elsewhere.example:81');
    expect((await raw(`${list}?per_page=2`)).headers.get('link')).toBe(
      `<http://elsewhere.example:81/repos/${REPOSITORY}/issues?per_page=2&page=2>; rel="next"`,
    );
    github().reset();
    for (let i = 0; i < 3; i++) github().seedIssue();
    expect((await raw(`${list}?per_page=2`)).headers.get('link')).toContain(github().url);
  });

  it('stalls the next request without an answer; close() still ends it', async () => {
    const own = await ownServer(startGitHubEmulator({ token: TOKEN, repository: REPOSITORY }));
    own.stallNext();
    const stalled = fetch(`${own.url}${list}`, { headers: { authorization: `token ${TOKEN}` } });
    await expect(
      fetch(`${own.url}${list}`, {
        headers: { authorization: `token ${TOKEN}` },
        signal: AbortSignal.timeout(50),
      }).then((response) => response.status),
    ).resolves.toBe(200); // only the first request stalls
    const started = Date.now();
    await own.close();
    expect(Date.now() - started).toBeLessThan(1_000);
    await expect(stalled).rejects.toThrow();
  });

  it('stalls for a time, then answers and takes effect; queued in order with failures', async () => {
    github().failNext(500);
    github().stallNext({ times: 1, ms: 60 });
    expect((await raw(list)).status).toBe(500);
    const started = Date.now();
    const created = await raw(list, { method: 'POST', body: '{"title":"late"}' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
    expect(created.status).toBe(201);
    expect(github().issues.map((i) => i.title)).toEqual(['late']);
  });
});
