// What a run says when GitHub (or what stands between it and GitHub) fails, through run()
// in-process: a refused token, an answer that is not GitHub's, a next page on another origin, and
// a proxy, for an http: and an https: API URL.
import { beforeEach, describe, expect, it } from 'vitest';
import { startGitHubEmulator } from '../emulator/github-emulator.js';
import { startProxy } from '../emulator/proxy.js';
import { DEFAULT_CREDENTIALS as CREDS } from '../emulator/twilio-emulator.js';
import { errorLine, runInProcess } from '../support/action.js';
import { useGitHubEmulator } from '../support/github-emulator-hooks.js';
import { ownServer } from '../support/servers.js';
import { emulatorInputs, useTwilioEmulator } from '../support/twilio-emulator-hooks.js';

const REPOSITORY = 'octo-org/messaging';
const GITHUB_TOKEN = 'ghs_errorsToken0123456789abcdefXYZ';
const LABEL = 'twilio-webhook-drift';
const POST_URL = 'https://app.example.com/twilio/post';

const twilio = useTwilioEmulator();
const gitHub = useGitHubEmulator({ token: GITHUB_TOKEN, repository: REPOSITORY });

beforeEach(() => {
  twilio().setAccountConfig({ method: 'GET', post_webhook_url: POST_URL });
});

function check(
  token = GITHUB_TOKEN,
  env: Record<string, string> = {},
  maxRetries = '0',
  timeoutSeconds = '30',
) {
  return runInProcess(
    {
      ...emulatorInputs(twilio()),
      mode: 'check',
      method: 'POST',
      'post-webhook-url': POST_URL,
      'fail-on-drift': 'false',
      'drift-issue': 'true',
      'github-token': token,
      'max-retries': maxRetries,
      'timeout-seconds': timeoutSeconds,
    },
    {
      env: {
        GITHUB_API_URL: gitHub().url,
        GITHUB_SERVER_URL: 'https://github.example',
        GITHUB_REPOSITORY: REPOSITORY,
        GITHUB_RUN_ID: '401',
        GITHUB_WORKFLOW: 'Nightly drift check',
        ...env,
      },
    },
  );
}

describe('GitHub’s answers', () => {
  it('a refused token: says so, without the hint about permissions', async () => {
    const run = await check('ghs_revokedToken0123456789abcdefXYZ');
    expect(run.exitCode).toBe(1);
    const error = errorLine(run);
    expect(error).toContain(
      'GitHub API error while keeping the drift issue: GitHub refused the token (HTTP 401: Bad credentials): github-token is wrong, expired or revoked.',
    );
    expect(error).not.toContain('permission');
  });

  it('a refused permission: says which one the token needs', async () => {
    gitHub().failNext(403, { message: 'Resource not accessible by integration' });
    const error = errorLine(await check());
    expect(error).toContain(
      'HTTP 403: Resource not accessible by integration. The token needs "issues: write" permission',
    );
  });

  it('a body that is not GitHub’s JSON: says the status, not the page', async () => {
    gitHub().failNext(502, { html: '<html><body><h1>502 Bad Gateway</h1></body></html>' });
    const error = errorLine(await check());
    expect(error).toContain(
      "GitHub API error while keeping the drift issue: HTTP 502, with a body that is not GitHub's JSON.",
    );
    expect(error).not.toContain('<html');
  });

  it('a 422 says what GitHub refused', async () => {
    gitHub().failNext(422, { message: 'Validation Failed' });
    expect(errorLine(await check())).toContain('HTTP 422: Validation Failed.');
  });
});

describe('who the token is', () => {
  it('a GitHub that does not say: the question is retried, then the failure said', async () => {
    gitHub().seedIssue({
      body: `<!-- twilio-webhook-drift account:${CREDS.accountSid} -->`,
      labels: [LABEL],
    });
    gitHub().stallNext({ ms: 1 }); // the list of issues answers
    gitHub().stallNext(5); // who the token is does not
    const run = await check(GITHUB_TOKEN, {}, '1', '0.2');
    expect(gitHub().requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /repos/${REPOSITORY}/issues`,
      'POST /graphql',
      'POST /graphql',
    ]);
    expect(errorLine(run)).toContain(
      `GitHub API error while keeping the drift issue: could not reach ${gitHub().url}: The operation was aborted due to timeout.`,
    );
  });
});

describe('the token goes to the API’s origin only', () => {
  it('refuses a next page on another origin, without retrying, and says so', async () => {
    const elsewhere = await ownServer(
      startGitHubEmulator({ token: GITHUB_TOKEN, repository: REPOSITORY }),
    );
    for (let i = 0; i < 101; i++) gitHub().seedIssue({ labels: [LABEL], user: 'someone' });
    gitHub().setLinkBase(elsewhere.url);
    const run = await check(GITHUB_TOKEN, {}, '3');
    expect(elsewhere.requests).toEqual([]);
    expect(gitHub().requests).toHaveLength(1);
    expect(errorLine(run)).toContain(
      `GitHub's answer pointed to ${elsewhere.url}/repos/${REPOSITORY}/issues?labels=***&state=***&sort=***&direction=***&per_page=***&page=***, which is not the API's origin ${gitHub().url}: the token goes to ${gitHub().url} only, so no request was sent there.`,
    );
  });
});

describe('through a proxy', () => {
  it('sends a request for an http: API URL to the proxy as is, not through a tunnel', async () => {
    const proxy = await ownServer(startProxy());
    const run = await check(GITHUB_TOKEN, {
      GITHUB_API_URL: 'http://api.github.test',
      HTTP_PROXY: proxy.url,
    });
    expect(proxy.requests.map((r) => r.method)).toEqual(['GET']);
    expect(proxy.requests[0]?.target).toMatch(
      /^http:\/\/api\.github\.test\/repos\/octo-org\/messaging\/issues\?/,
    );
    // The test proxy forwards to loopback only: it answers with a page of its own.
    expect(errorLine(run)).toContain(
      `HTTP 403, with a body that is not GitHub's JSON (the proxy ${proxy.url} may have answered).`,
    );
  });

  it('tunnels to an https: API URL, and says what failed when the proxy refuses', async () => {
    const proxy = await ownServer(startProxy());
    const run = await check(GITHUB_TOKEN, {
      GITHUB_API_URL: 'https://api.github.test',
      HTTPS_PROXY: proxy.url,
    });
    expect(proxy.requests.map((r) => [r.method, r.target])).toEqual([
      ['CONNECT', 'api.github.test:443'],
    ]);
    const error = errorLine(run);
    expect(error).toContain(
      `could not reach https://api.github.test through the proxy ${proxy.url}: Proxy response (403) !== 200 when HTTP Tunneling.`,
    );
    expect(error).not.toContain('Request was cancelled');
  });
});
