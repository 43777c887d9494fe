// A local GitHub REST emulator for the issue endpoints the drift issue uses: list, create, update,
// comment. Real HTTP on loopback; answers shaped like api.github.com's, with Link pagination.
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export interface EmulatedIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  state_reason: string | null;
  labels: string[];
  comments: string[];
}

export interface GitHubRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export interface GitHubEmulator {
  readonly url: string;
  readonly issues: EmulatedIssue[];
  readonly requests: GitHubRequest[];
  /** The next `times` requests (default 1) get this status and GitHub's error body. */
  failNext(status: number, times?: number): void;
  close(): Promise<void>;
}

export interface GitHubEmulatorOptions {
  token: string;
  repository: string;
}

export async function startGitHubEmulator(options: GitHubEmulatorOptions): Promise<GitHubEmulator> {
  const issues: EmulatedIssue[] = [];
  const requests: GitHubRequest[] = [];
  const failures: number[] = [];
  const sockets = new Set<Socket>();
  const repoPath = `/repos/${options.repository}`;
  const htmlUrl = (issue: EmulatedIssue): string =>
    `https://github.example/${options.repository}/issues/${String(issue.number)}`;
  let base = '';

  const view = (issue: EmulatedIssue): Record<string, unknown> => ({
    id: 1000 + issue.number,
    number: issue.number,
    title: issue.title,
    body: issue.body,
    state: issue.state,
    state_reason: issue.state_reason,
    labels: issue.labels.map((name) => ({ name })),
    comments: issue.comments.length,
    html_url: htmlUrl(issue),
    url: `${base}${repoPath}/issues/${String(issue.number)}`,
  });

  const send = (res: ServerResponse, status: number, body: unknown, headers = {}): void => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  };

  const handle = (req: IncomingMessage, res: ServerResponse, text: string): void => {
    const url = new URL(req.url ?? '/', base);
    const body: unknown = text === '' ? null : JSON.parse(text);
    requests.push({
      method: req.method ?? '',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body,
    });
    const failure = failures.shift();
    if (failure !== undefined) {
      send(res, failure, {
        message: `Emulated failure ${String(failure)}`,
        documentation_url: 'https://docs.github.com/rest',
      });
      return;
    }
    const auth = req.headers.authorization ?? '';
    if (auth !== `token ${options.token}` && auth !== `Bearer ${options.token}`) {
      send(res, 401, {
        message: 'Bad credentials',
        documentation_url: 'https://docs.github.com/rest',
      });
      return;
    }
    const fields = (body ?? {}) as Partial<{
      title: string;
      body: string;
      labels: string[];
      state: 'open' | 'closed';
      state_reason: string;
    }>;
    const single = new RegExp(`^${repoPath}/issues/(\\d+)(/comments)?$`).exec(url.pathname);
    const issue = single ? issues.find((i) => i.number === Number(single[1])) : undefined;

    if (req.method === 'GET' && url.pathname === `${repoPath}/issues`) {
      const state = url.searchParams.get('state') ?? 'open';
      const labels = (url.searchParams.get('labels') ?? '').split(',').filter((l) => l !== '');
      const perPage = Number(url.searchParams.get('per_page') ?? '30');
      const page = Number(url.searchParams.get('page') ?? '1');
      const matching = issues
        .filter((i) => state === 'all' || i.state === state)
        .filter((i) => labels.every((label) => i.labels.includes(label)))
        .reverse();
      const slice = matching.slice((page - 1) * perPage, page * perPage);
      const next = new URL(url);
      next.searchParams.set('page', String(page + 1));
      const link = page * perPage < matching.length ? { link: `<${next.href}>; rel="next"` } : {};
      send(res, 200, slice.map(view), link);
    } else if (req.method === 'POST' && url.pathname === `${repoPath}/issues`) {
      const created: EmulatedIssue = {
        number: issues.length + 1,
        title: fields.title ?? '',
        body: fields.body ?? '',
        state: 'open',
        state_reason: null,
        labels: fields.labels ?? [],
        comments: [],
      };
      issues.push(created);
      send(res, 201, view(created));
    } else if (req.method === 'PATCH' && issue !== undefined && single?.[2] === undefined) {
      if (fields.title !== undefined) issue.title = fields.title;
      if (fields.body !== undefined) issue.body = fields.body;
      if (fields.state !== undefined) {
        issue.state = fields.state;
        issue.state_reason =
          fields.state === 'closed' ? (fields.state_reason ?? 'completed') : 'reopened';
      }
      send(res, 200, view(issue));
    } else if (req.method === 'POST' && issue !== undefined && single?.[2] !== undefined) {
      issue.comments.push(fields.body ?? '');
      send(res, 201, { id: issue.comments.length, body: fields.body });
    } else {
      send(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
    }
  };

  const server = createServer((req, res) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => {
      handle(req, res, text);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  base = `http://127.0.0.1:${String(address.port)}`;

  return {
    url: base,
    issues,
    requests,
    failNext: (status, times = 1) => {
      for (let i = 0; i < times; i++) failures.push(status);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          resolve();
        });
      }),
  };
}
