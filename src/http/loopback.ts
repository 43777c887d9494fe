// Which hosts are this machine: they bypass a proxy (src/http/proxy.ts), and are the only ones that
// plain http may carry credentials to (src/config/endpoint.ts).

/**
 * `hostname` as `new URL()` gives it (lower case, an IPv4 address as four decimal numbers, an IPv6
 * address in brackets and compressed): `127.example.com` is a name like any other, not loopback.
 */
export function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(hostname);
}
