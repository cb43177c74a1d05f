import { hostname, networkInterfaces } from 'node:os';

// DNS-rebinding defence: a page on evil.example that resolves its name to 127.0.0.1
// reaches our port with `Host: evil.example` and, for writes, `Origin: http://evil.example`.
// Only the address we listen on (and its loopback spellings) may appear in either header.

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];
const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '[::]']);

function bracketed(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/** Every `host:port` value a browser may send when it reaches this listener. */
export function allowedHostsFor(listenHost: string, port: number): string[] {
  const names = new Set<string>([...LOOPBACK_NAMES, bracketed(listenHost.toLowerCase())]);
  if (WILDCARD_HOSTS.has(listenHost)) {
    // Listening on every interface: each of this machine's own addresses is legitimate.
    names.add(hostname().toLowerCase());
    for (const addresses of Object.values(networkInterfaces())) {
      for (const address of addresses ?? []) names.add(bracketed(address.address.toLowerCase()));
    }
  }
  return [...names].map((name) => `${name}:${port}`);
}

export interface HostGuard {
  /** True when the Host header names this listener. */
  hostAllowed(hostHeader: string | undefined): boolean;
  /** True when there is no Origin header or it is this listener's own origin. */
  originAllowed(originHeader: string | undefined): boolean;
}

export function createHostGuard(allowedHosts: readonly string[]): HostGuard {
  const hosts = new Set(allowedHosts.map((host) => host.toLowerCase()));
  const origins = new Set([...hosts].map((host) => `http://${host}`));
  return {
    hostAllowed: (hostHeader) => hostHeader !== undefined && hosts.has(hostHeader.toLowerCase()),
    originAllowed: (originHeader) =>
      originHeader === undefined || origins.has(originHeader.toLowerCase()),
  };
}
