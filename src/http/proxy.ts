// Which proxy a request goes through, for Twilio's calls and GitHub's alike.
import { isLoopback } from './loopback.js';

/**
 * The proxy for `target`, decided as the GitHub toolkit decides it (@actions/http-client): the
 * scheme's `https_proxy`/`HTTPS_PROXY` or `http_proxy`/`HTTP_PROXY`, unless the host is loopback
 * or listed in `no_proxy`/`NO_PROXY` (a name, a `.suffix`, `host:port`, or `*`).
 */
export function proxyFor(target: string, env: NodeJS.ProcessEnv): string | undefined {
  const url = new URL(target);
  const host = url.hostname.toLowerCase();
  if (isLoopback(host)) return undefined;
  const noProxy = env.no_proxy || env.NO_PROXY || '';
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  const names = [host, `${host}:${port}`];
  for (const entry of noProxy.split(',').map((item) => item.trim().toLowerCase())) {
    if (entry === '') continue;
    if (entry === '*') return undefined;
    const suffix = entry.startsWith('.') ? entry : `.${entry}`;
    if (names.some((name) => name === entry || name.endsWith(suffix))) return undefined;
  }
  const proxy =
    url.protocol === 'https:'
      ? env.https_proxy || env.HTTPS_PROXY
      : env.http_proxy || env.HTTP_PROXY;
  if (proxy === undefined || proxy === '') return undefined;
  return /^https?:\/\//i.test(proxy) ? proxy : `http://${proxy}`;
}
