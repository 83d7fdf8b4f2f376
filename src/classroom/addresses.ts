import { type NetworkInterfaceInfo, networkInterfaces } from 'node:os';

/** Interfaces a classroom's Wi-Fi is not on: containers, VMs, VPNs. */
const VIRTUAL = /^(docker|br-|veth|virbr|vmnet|vboxnet|tun|tap|utun|zt|tailscale|wg|lxc|lxd)/i;

function rank(name: string, address: string): number {
  const virtual = VIRTUAL.test(name) ? 10 : 0;
  if (address.startsWith('192.168.')) return virtual;
  if (address.startsWith('10.')) return virtual + 1;
  if (/^172\.(1[6-9]|2\d|3[01])\./.test(address)) return virtual + 2;
  return virtual + 3;
}

/**
 * This machine's IPv4 addresses other devices can reach, the likeliest
 * classroom network first (a home or school LAN before a container bridge
 * or a VPN).
 */
export function lanAddresses(
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces(),
): string[] {
  const found: { address: string; rank: number }[] = [];
  for (const [name, infos] of Object.entries(interfaces)) {
    for (const info of infos ?? []) {
      if (info.family !== 'IPv4' || info.internal) continue;
      if (info.address.startsWith('169.254.')) continue; // link-local: no DHCP answered
      found.push({ address: info.address, rank: rank(name, info.address) });
    }
  }
  return found.sort((a, b) => a.rank - b.rank).map((f) => f.address);
}
