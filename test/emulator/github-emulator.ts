// A local GitHub REST emulator for the issue endpoints the drift issue uses (list, fetch, create,
// update, comment) and the issue-comment endpoints a pull-request comment kept by a hidden marker
// uses (list, create, update). Real HTTP on loopback; answers shaped like api.github.com's, with
// Link pagination. As on GitHub, pull requests share the issues' numbers and comment endpoints,
// and the issue list includes them, marked by a `pull_request` key. Every issue and comment has
// an author; a body over 65,536 characters is refused with GitHub's 422.
// Who the token is: GraphQL `viewer { login }` answers for every token; REST `GET /user` answers
// 403 "Resource not accessible by integration" to an installation token (`ghs_…`, such as
// GITHUB_TOKEN), as GitHub does, and the user to any other.
// Each test can seed its own state (reset, seedIssue, seedComment) and make the next requests fail
// (failNext, with headers such as Retry-After or x-ratelimit-remaining, or a body that is not
// GitHub's JSON), hang (stallNext), or point their Link header elsewhere (setLinkBase).
// Self-contained (node: built-ins only) and erasable TypeScript only.
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { serve, withBody } from './loopback.ts';

export interface EmulatedIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  state_reason: string | null;
  labels: string[];
  /** The author's login. */
  user: string;
  /** The bodies of its comments, oldest first, kept in step with `GitHubEmulator.comments`. */
  comments: string[];
  /** A pull request rather than an issue. */
  pull_request?: boolean;
}

export interface EmulatedComment {
  /** Unique across issues, and never an issue number (they start at FIRST_COMMENT_ID). */
  id: number;
  issue_number: number;
  body: string;
  /** The author's login. */
  user: string;
  created_at: string;
  updated_at: string;
}

export interface GitHubRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  /** The JSON body parsed; null without a body; the raw text if it is not JSON. */
  body: unknown;
}

export interface FailureOptions {
  /** How many of the next requests fail (default 1). */
  times?: number;
  /** Added to the answer, e.g. `{ 'retry-after': '1' }` or `{ 'x-ratelimit-remaining': '0' }`. */
  headers?: Record<string, string>;
  /** The error body's message (default "Emulated failure <status>"). */
  message?: string;
  /** Instead of GitHub's JSON, this body as text/html, as a proxy or load balancer sends it. */
  html?: string;
}

export interface StallOptions {
  /** How many of the next requests stall (default 1). */
  times?: number;
  /** Answer normally after this long (the request takes effect); without it, never answer. */
  ms?: number;
}

/**
 * An issue (or, with `pull_request: true`, a pull request) to start a test with; written by
 * `login` (the token's owner) unless given a user.
 */
export type IssueSeed = Partial<Omit<EmulatedIssue, 'comments'>> & {
  /** Comments by `login` (the token's owner) unless given a user. */
  comments?: (string | { body: string; user: string })[];
};

export interface GitHubEmulator {
  readonly url: string;
  readonly issues: EmulatedIssue[];
  readonly comments: EmulatedComment[];
  readonly requests: GitHubRequest[];
  /**
   * The next `times` requests (default 1) get this status and GitHub's error body, before
   * authentication and routing. Queued after failures and stalls already queued.
   */
  failNext(status: number, timesOrOptions?: number | FailureOptions): void;
  /** The next `times` requests (default 1) are never answered, or answered after `ms`. */
  stallNext(timesOrOptions?: number | StallOptions): void;
  /** Adds an issue or pull request; number by default the next free one. Returns the stored issue. */
  seedIssue(seed?: IssueSeed): EmulatedIssue;
  /** Adds a comment to a seeded issue or pull request, by `user` (default the token's owner). */
  seedComment(issueNumber: number, body: string, user?: string): EmulatedComment;
  /** From now on, `rel="next"` links start with `base` instead of the emulator's own URL. */
  setLinkBase(base: string): void;
  /** Forgets every issue, comment, request, queued failure or stall, and setLinkBase. */
  reset(): void;
  close(): Promise<void>;
}

export interface GitHubEmulatorOptions {
  token: string;
  repository: string;
  /**
   * The token's owner, author of issues and comments made through the API (default
   * 'github-actions[bot]', whom GITHUB_TOKEN acts as).
   */
  login?: string;
}

/** GitHub's limit on an issue's or a comment's body, in characters (code points). */
export const MAX_BODY_CHARACTERS = 65_536;

/** The first comment id after start or reset(): far from any issue number a test would use. */
export const FIRST_COMMENT_ID = 5001;
const DOCS = 'https://docs.github.com/rest';

type Next =
  | {
      kind: 'fail';
      status: number;
      headers: Record<string, string>;
      message: string;
      html: string | undefined;
    }
  | { kind: 'stall'; ms: number | undefined };

export async function startGitHubEmulator(options: GitHubEmulatorOptions): Promise<GitHubEmulator> {
  const issues: EmulatedIssue[] = [];
  const comments: EmulatedComment[] = [];
  const requests: GitHubRequest[] = [];
  const queue: Next[] = [];
  const login = options.login ?? 'github-actions[bot]';
  const repoPath = `/repos/${options.repository}`;
  const webUrl = (issue: EmulatedIssue): string =>
    `https://github.example/${options.repository}/${issue.pull_request === true ? 'pull' : 'issues'}/${String(issue.number)}`;
  let nextCommentId = FIRST_COMMENT_ID;
  let base = '';
  let linkBase: string | undefined;
  const author = (user: string): Record<string, unknown> => ({
    login: user,
    type: user.endsWith('[bot]') ? 'Bot' : 'User',
  });
  let pause: (ms: number) => Promise<void> = () => Promise.resolve();

  const issueView = (issue: EmulatedIssue): Record<string, unknown> => ({
    id: 1000 + issue.number,
    number: issue.number,
    title: issue.title,
    body: issue.body,
    state: issue.state,
    state_reason: issue.state_reason,
    labels: issue.labels.map((name) => ({ name })),
    user: author(issue.user),
    comments: issue.comments.length,
    html_url: webUrl(issue),
    url: `${base}${repoPath}/issues/${String(issue.number)}`,
    ...(issue.pull_request === true
      ? {
          pull_request: {
            url: `${base}${repoPath}/pulls/${String(issue.number)}`,
            html_url: webUrl(issue),
          },
        }
      : {}),
  });
  const commentView = (comment: EmulatedComment): Record<string, unknown> => {
    const issue = issues.find((i) => i.number === comment.issue_number);
    return {
      id: comment.id,
      node_id: `IC_emulated${String(comment.id)}`,
      url: `${base}${repoPath}/issues/comments/${String(comment.id)}`,
      html_url: `${issue === undefined ? '' : webUrl(issue)}#issuecomment-${String(comment.id)}`,
      issue_url: `${base}${repoPath}/issues/${String(comment.issue_number)}`,
      body: comment.body,
      user: author(comment.user),
      created_at: comment.created_at,
      updated_at: comment.updated_at,
    };
  };

  const addComment = (issue: EmulatedIssue, body: string, user: string): EmulatedComment => {
    const at = now();
    const comment = {
      id: nextCommentId++,
      issue_number: issue.number,
      body,
      user,
      created_at: at,
      updated_at: at,
    };
    comments.push(comment);
    issue.comments.push(body);
    return comment;
  };
  const editComment = (comment: EmulatedComment, body: string): void => {
    const issue = issues.find((i) => i.number === comment.issue_number);
    const index = comments
      .filter((c) => c.issue_number === comment.issue_number)
      .findIndex((c) => c.id === comment.id);
    comment.body = body;
    comment.updated_at = now();
    if (issue !== undefined && index >= 0) issue.comments[index] = body;
  };
  const addIssue = (seed: IssueSeed): EmulatedIssue => {
    const number = seed.number ?? Math.max(0, ...issues.map((i) => i.number)) + 1;
    if (issues.some((i) => i.number === number)) throw new Error(`issue #${String(number)} exists`);
    const issue: EmulatedIssue = {
      number,
      title: seed.title ?? '',
      body: seed.body ?? '',
      state: seed.state ?? 'open',
      state_reason: seed.state_reason ?? null,
      labels: [...(seed.labels ?? [])],
      user: seed.user ?? login,
      comments: [],
      ...(seed.pull_request === undefined ? {} : { pull_request: seed.pull_request }),
    };
    issues.push(issue);
    for (const comment of seed.comments ?? []) {
      if (typeof comment === 'string') addComment(issue, comment, login);
      else addComment(issue, comment.body, comment.user);
    }
    return issue;
  };

  /** One page of `items` as `per_page` and `page` ask (30 and 1 by default), with a next Link. */
  const sendPage = (res: ServerResponse, url: URL, items: Record<string, unknown>[]): void => {
    const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? '30'));
    const page = Number(url.searchParams.get('page') ?? '1');
    const slice = items.slice((page - 1) * perPage, page * perPage);
    const next = new URL(`${url.pathname}${url.search}`, linkBase ?? base);
    next.searchParams.set('page', String(page + 1));
    send(
      res,
      200,
      slice,
      page * perPage < items.length ? { link: `<${next.href}>; rel="next"` } : {},
    );
  };

  const route = (
    method: string,
    url: URL,
    fields: Partial<Record<string, unknown>>,
    res: ServerResponse,
  ): void => {
    const path = url.pathname;
    const one = new RegExp(`^${repoPath}/issues/(\\d+)(/comments)?$`).exec(path);
    const issue = one ? issues.find((i) => i.number === Number(one[1])) : undefined;
    const commentMatch = new RegExp(`^${repoPath}/issues/comments/(\\d+)$`).exec(path);
    const comment = commentMatch
      ? comments.find((c) => c.id === Number(commentMatch[1]))
      : undefined;
    const text = (name: string): string | undefined =>
      typeof fields[name] === 'string' ? fields[name] : undefined;
    const tooLong = (resource: 'Issue' | 'IssueComment', docs: string): boolean => {
      const body = text('body');
      if (body === undefined || codePoints(body) <= MAX_BODY_CHARACTERS) return false;
      send(res, 422, {
        message: 'Validation Failed',
        errors: [
          {
            resource,
            code: 'custom',
            field: 'body',
            message: `body is too long (maximum is ${String(MAX_BODY_CHARACTERS)} characters)`,
          },
        ],
        documentation_url: `${DOCS}/${docs}`,
        status: '422',
      });
      return true;
    };

    if (path === '/graphql' && method === 'POST') {
      const query = text('query') ?? '';
      // The one query the action makes; GitHub answers errors with 200 too.
      send(
        res,
        200,
        /^\s*(?:query\s*)?\{\s*viewer\s*\{\s*login\s*\}\s*\}\s*$/.test(query)
          ? { data: { viewer: { login } } }
          : { errors: [{ message: 'The emulator answers only { viewer { login } }' }] },
      );
    } else if (path === '/user' && method === 'GET') {
      if (options.token.startsWith('ghs_')) {
        send(res, 403, {
          message: 'Resource not accessible by integration',
          documentation_url: `${DOCS}/users/users#get-the-authenticated-user`,
          status: '403',
        });
      } else {
        send(res, 200, { ...author(login), id: 1 });
      }
    } else if (path === `${repoPath}/issues` && method === 'GET') {
      const state = url.searchParams.get('state') ?? 'open';
      const labels = (url.searchParams.get('labels') ?? '').split(',').filter((l) => l !== '');
      const matching = issues
        .filter((i) => state === 'all' || i.state === state)
        .filter((i) => labels.every((label) => i.labels.includes(label)))
        .reverse();
      sendPage(res, url, matching.map(issueView));
    } else if (path === `${repoPath}/issues` && method === 'POST') {
      if (tooLong('Issue', 'issues/issues#create-an-issue')) return;
      const labels = Array.isArray(fields.labels) ? fields.labels.map(String) : [];
      const created = addIssue({ title: text('title') ?? '', body: text('body') ?? '', labels });
      send(res, 201, issueView(created));
    } else if (issue !== undefined && one?.[2] === undefined && method === 'GET') {
      send(res, 200, issueView(issue));
    } else if (issue !== undefined && one?.[2] === undefined && method === 'PATCH') {
      if (tooLong('Issue', 'issues/issues#update-an-issue')) return;
      issue.title = text('title') ?? issue.title;
      issue.body = text('body') ?? issue.body;
      const state = text('state');
      if (state === 'open' || state === 'closed') {
        issue.state = state;
        issue.state_reason =
          state === 'closed' ? (text('state_reason') ?? 'completed') : 'reopened';
      }
      send(res, 200, issueView(issue));
    } else if (issue !== undefined && one?.[2] !== undefined && method === 'GET') {
      sendPage(res, url, comments.filter((c) => c.issue_number === issue.number).map(commentView));
    } else if (issue !== undefined && one?.[2] !== undefined && method === 'POST') {
      const body = text('body');
      if (body === undefined) sendError(res, 422, 'Validation Failed: body is required');
      else if (!tooLong('IssueComment', 'issues/comments#create-an-issue-comment')) {
        send(res, 201, commentView(addComment(issue, body, login)));
      }
    } else if (comment !== undefined && method === 'PATCH') {
      const body = text('body');
      if (body === undefined) {
        sendError(res, 422, 'Validation Failed: body is required');
        return;
      }
      if (tooLong('IssueComment', 'issues/comments#update-an-issue-comment')) return;
      editComment(comment, body);
      send(res, 200, commentView(comment));
    } else {
      sendError(res, 404, 'Not Found');
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, text: string): Promise<void> => {
    const url = new URL(req.url ?? '/', base);
    const method = req.method ?? '';
    let body: unknown;
    let parsed = true;
    try {
      body = text === '' ? null : JSON.parse(text);
    } catch {
      parsed = false;
      body = text;
    }
    requests.push({
      method,
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body,
    });
    const next = queue.shift();
    if (next?.kind === 'fail') {
      if (next.html === undefined) sendError(res, next.status, next.message, next.headers);
      else {
        res.writeHead(next.status, { 'content-type': 'text/html', ...next.headers });
        res.end(next.html);
      }
      return;
    }
    if (next?.kind === 'stall') {
      if (next.ms === undefined) return; // never answered; close() destroys the socket
      await pause(next.ms);
      if (res.destroyed) return;
    }
    const auth = req.headers.authorization ?? '';
    if (auth !== `token ${options.token}` && auth !== `Bearer ${options.token}`) {
      sendError(res, 401, 'Bad credentials');
      return;
    }
    if (!parsed || (body !== null && typeof body !== 'object')) {
      sendError(res, 400, 'Problems parsing JSON');
      return;
    }
    route(method, url, body ?? {}, res);
  };

  const server = createServer((req, res) => {
    withBody(req, (text) => {
      void handle(req, res, text);
    });
  });
  const served = await serve(server);
  pause = served.pause;
  base = `http://${served.host}:${String(served.port)}`;

  const times = (option: number | { times?: number } | undefined): number =>
    typeof option === 'number' ? option : (option?.times ?? 1);

  return {
    url: base,
    issues,
    comments,
    requests,
    failNext: (status, timesOrOptions) => {
      const extra = typeof timesOrOptions === 'object' ? timesOrOptions : {};
      for (let i = 0; i < times(timesOrOptions); i++) {
        queue.push({
          kind: 'fail',
          status,
          headers: { ...extra.headers },
          message: extra.message ?? `Emulated failure ${String(status)}`,
          html: extra.html,
        });
      }
    },
    stallNext: (timesOrOptions) => {
      const ms = typeof timesOrOptions === 'object' ? timesOrOptions.ms : undefined;
      for (let i = 0; i < times(timesOrOptions); i++) queue.push({ kind: 'stall', ms });
    },
    seedIssue: (seed = {}) => addIssue(seed),
    seedComment: (issueNumber, body, user = login) => {
      const issue = issues.find((i) => i.number === issueNumber);
      if (issue === undefined) throw new Error(`no issue #${String(issueNumber)} to comment on`);
      return addComment(issue, body, user);
    },
    setLinkBase: (url) => {
      linkBase = url;
    },
    reset: () => {
      issues.length = 0;
      comments.length = 0;
      requests.length = 0;
      queue.length = 0;
      nextCommentId = FIRST_COMMENT_ID;
      linkBase = undefined;
    },
    close: served.close,
  };
}

type Extra = Record<string, string>;

function send(res: ServerResponse, status: number, body: unknown, headers: Extra = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

/** GitHub's error body: a message and where the docs are. */
function sendError(res: ServerResponse, status: number, message: string, headers: Extra = {}) {
  send(res, status, { message, documentation_url: DOCS }, headers);
}

function now(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** What GitHub counts as characters: a pair of UTF-16 surrogates is one. */
function codePoints(text: string): number {
  return text.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, '_').length;
}
