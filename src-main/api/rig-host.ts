// A rig's miner-API host as the operator types it: an IPv4 address (four numbers 0–255),
// an IPv6 address (optionally in brackets), or a host name (RFC 1123 labels of letters,
// digits and dashes). A dotted run of numbers is always read as an IPv4 address, so
// "192.168.1.300" is refused rather than looked up as a name.

const IPV4_LIKE = /^[0-9.]+$/;
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const IPV6_CHARS = /^[0-9A-Fa-f:.]+$/;

function ipv4Problem(host: string): string | null {
  const parts = host.split('.');
  if (parts.length !== 4 || parts.some((p) => p === ''))
    return `${host} is not an IP address: an IPv4 address is four numbers separated by dots, such as 192.168.1.30.`;
  if (parts.some((p) => Number(p) > 255 || p.length > 3))
    return `${host} is not an IP address: each of its four numbers is between 0 and 255.`;
  return null;
}

function isIpv6(text: string): boolean {
  if (!IPV6_CHARS.test(text) || !text.includes(':') || text.includes(':::')) return false;
  const double = text.split('::').length - 1;
  if (double > 1) return false;
  const groups = text.split(':').filter((g) => g !== '');
  const last = groups.at(-1) ?? '';
  const embedsIpv4 = last.includes('.');
  if (embedsIpv4 && ipv4Problem(last) !== null) return false;
  const hexGroups = embedsIpv4 ? groups.slice(0, -1) : groups;
  if (hexGroups.some((g) => !/^[0-9A-Fa-f]{1,4}$/.test(g))) return false;
  const count = hexGroups.length + (embedsIpv4 ? 2 : 0);
  return double === 1 ? count < 8 : count === 8;
}

/** Why `host` is not a host RigLedger can poll, in a sentence; null when it is one. */
export function rigHostProblem(host: string): string | null {
  if (IPV4_LIKE.test(host)) return ipv4Problem(host);
  if (host.includes(':') || host.startsWith('[')) {
    const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
    return isIpv6(bare)
      ? null
      : `${host} is not an IPv6 address (eight groups of hex digits, :: for a run of zeros; no port here).`;
  }
  const labels = host.replace(/\.$/, '').split('.');
  if (host.length > 253 || labels.some((label) => !LABEL.test(label)))
    return `${host} is not a host name: use letters, digits, dots and dashes, such as miner-07.local.`;
  return null;
}
