// What went wrong talking to GitHub, in words that say what to do about it: a token GitHub
// refused, a permission it lacks, an answer that is not GitHub's (a proxy's page), or no answer.
import { errorMessage } from '../core/errors.js';
import { oneLine } from '../core/text.js';
import { showUrl } from '../core/urls.js';

/**
 * A request the client refused to send. Named AbortError because that is the one kind of error
 * Octokit passes on as it is: plugin-retry then finds no request of its own in it, and does not
 * try again, and again, what would be refused every time.
 */
export class RefusedRequest extends Error {
  override readonly name = 'AbortError';
}

interface ErrorContext {
  /** The permission the work needs, for the hint on a 403: "issues" or "pull-requests". */
  readonly permission: string;
  readonly apiUrl: string;
  readonly proxyUrl: string | undefined;
}

interface GitHubErrorBody {
  readonly message: string;
  readonly errors?: unknown;
}

export function describeGitHubError(
  error: unknown,
  { permission, apiUrl, proxyUrl }: ErrorContext,
): string {
  if (error instanceof RefusedRequest) return `${error.message}.`;
  const proxy = proxyUrl === undefined ? '' : ` through the proxy ${showUrl(proxyUrl)}`;
  const { status, response } = error as { status?: unknown; response?: { data?: unknown } };
  if (typeof status !== 'number') return `${oneLine(errorMessage(error))}.`;
  // Octokit gives a request that got no answer the status 500 and no response.
  if (response === undefined) {
    return `could not reach ${new URL(apiUrl).origin}${proxy}: ${innermost(error)}.`;
  }
  if (!isGitHubErrorBody(response.data)) {
    return `HTTP ${status}, with a body that is not GitHub's JSON${proxyUrl === undefined ? '' : ` (the proxy ${showUrl(proxyUrl)} may have answered)`}.`;
  }
  const message = gitHubMessage(response.data);
  if (status === 401) {
    return `GitHub refused the token (HTTP 401: ${message}): github-token is wrong, expired or revoked.`;
  }
  const hint =
    status === 403 && !/rate limit/i.test(message)
      ? ` The token needs "${permission}: write" permission (add it under permissions: in the workflow).`
      : '';
  return `HTTP ${status}: ${message}.${hint}`;
}

function isGitHubErrorBody(data: unknown): data is GitHubErrorBody {
  return (
    typeof data === 'object' &&
    data !== null &&
    typeof (data as { message?: unknown }).message === 'string'
  );
}

/** "Validation Failed: body is too long (maximum is 65536 characters)" */
function gitHubMessage({ message, errors }: GitHubErrorBody): string {
  const list: readonly unknown[] = Array.isArray(errors) ? errors : [];
  const details = list.flatMap((e) => {
    const { message: said, code } = (e ?? {}) as { message?: unknown; code?: unknown };
    return typeof said === 'string' ? [said] : typeof code === 'string' ? [code] : [];
  });
  return oneLine([message, ...details].join(': '), 300);
}

/** fetch wraps what failed ("Request was cancelled.", "fetch failed") around the real cause. */
function innermost(error: unknown): string {
  let current = error;
  while (current instanceof Error && current.cause instanceof Error) current = current.cause;
  return oneLine(errorMessage(current));
}
