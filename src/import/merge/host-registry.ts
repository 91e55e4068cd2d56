/**
 * The hosts of an imported deployment, correlated from OVN chassis (name, hostname, encap IPs)
 * and from each host's own outputs (host name, OVS system-id, local tunnel addresses).
 */
import type { HostRole } from '../../model/types.ts';
import type { InputFile } from '../input-file.ts';
import type { ImportDiagnostic, SbChassis } from '../types.ts';
import { isAddress, localAddresses, normalizeAddress } from './local-addresses.ts';

/** One host as the importer knows it. */
export interface HostRecord {
  id: string;
  names: string[];
  addresses: string[];
  files: string[];
  chassis?: SbChassis;
  role: HostRole;
  /** True for a tunnel peer that no input describes (created from a remote address alone). */
  placeholder: boolean;
}

/** All hosts, with lookups by file and by address. */
export interface HostRegistry {
  hosts: HostRecord[];
  byFile: Map<string, HostRecord>;
  byAddress: Map<string, HostRecord>;
  diagnostics: ImportDiagnostic[];
}

/** A scenario id from a host name: SPEC §1 ids match `^[A-Za-z0-9][A-Za-z0-9._:/-]*$`. */
export function toId(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9._:/-]/g, '-').replace(/^[^A-Za-z0-9]+/, '');
  return cleaned === '' ? 'host' : cleaned;
}

function addHost(registry: HostRegistry, record: Omit<HostRecord, 'id'> & { id: string }): HostRecord {
  let id = toId(record.id);
  for (let n = 2; registry.hosts.some((h) => h.id === id); n++) id = `${toId(record.id)}-${n}`;
  const host = { ...record, id };
  registry.hosts.push(host);
  for (const address of host.addresses) registry.byAddress.set(address, host);
  return host;
}

function addChassis(registry: HostRegistry, chassis: SbChassis): void {
  if (registry.hosts.some((h) => h.chassis?.name === chassis.name)) return;
  const addresses = chassis.encaps
    .map((e) => e.ip)
    .filter(isAddress)
    .map(normalizeAddress);
  // A chassis with a chassisredirect port (`cr-lrp-…`) hosts a gateway router port: OVN's gateway.
  const role: HostRole = chassis.portBindings.some((p) => p.startsWith('cr-')) ? 'gateway' : 'compute';
  const names = [...new Set([chassis.hostname, chassis.name].filter((n): n is string => n !== undefined))];
  addHost(registry, {
    id: names[0]!,
    names,
    addresses: [...new Set(addresses)],
    files: [],
    chassis,
    role,
    placeholder: false,
  });
}

function namesOf(input: InputFile): string[] {
  const ids = input.externalIds ?? {};
  return [
    ...new Set(
      [input.hostname, ids.hostname, ids['system-id']].filter(
        (n): n is string => n !== undefined && n !== '',
      ),
    ),
  ];
}

function hasHostEvidence(input: InputFile): boolean {
  return (
    input.interfaces.length + input.states.length + input.policies.length + input.monitorTunnels.length > 0 ||
    input.sawIke ||
    input.otherConfig !== undefined ||
    input.externalIds !== undefined ||
    input.hostname !== undefined
  );
}

function addFileHost(registry: HostRegistry, input: InputFile): void {
  if (!hasHostEvidence(input)) return;
  const names = namesOf(input);
  const addresses = localAddresses(input);
  const host =
    registry.hosts.find((h) => names.some((n) => h.names.includes(n))) ??
    registry.hosts.find((h) => addresses.some((a) => h.addresses.includes(a)));
  if (host) {
    host.names.push(...names.filter((n) => !host.names.includes(n)));
    for (const a of addresses) if (!host.addresses.includes(a)) host.addresses.push(a);
    for (const a of addresses) if (!registry.byAddress.has(a)) registry.byAddress.set(a, host);
    host.files.push(input.file);
    registry.byFile.set(input.file, host);
    return;
  }
  const fallback = input.file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  if (names.length === 0)
    registry.diagnostics.push({
      file: input.file,
      code: 'host_named_after_file',
      severity: 'info',
      message: `no host name in this file (add \`hostname\` output or a "# plainsight-host: NAME" line); the host is called ${toId(fallback)} after the file`,
    });
  // A host that only ran the OVN database clients (ovn-sbctl / ovn-nbctl) is where the central databases are reachable: a controller.
  const central = input.interfaces.length === 0 && (input.chassis.length > 0 || input.nbIpsec !== undefined);
  const created = addHost(registry, {
    id: names[0] ?? fallback,
    names: names.length > 0 ? names : [fallback],
    addresses,
    files: [input.file],
    role: central ? 'controller' : 'compute',
    placeholder: false,
  });
  registry.byFile.set(input.file, created);
}

/** Builds the registry: chassis first (they name every OVN host), then one host per host-level file. */
export function buildHostRegistry(inputs: readonly InputFile[]): HostRegistry {
  const registry: HostRegistry = { hosts: [], byFile: new Map(), byAddress: new Map(), diagnostics: [] };
  for (const input of inputs) for (const chassis of input.chassis) addChassis(registry, chassis);
  for (const input of inputs) addFileHost(registry, input);
  return registry;
}

/** The host owning `address`, creating a placeholder peer when no input describes it. */
export function peerHost(registry: HostRegistry, address: string): HostRecord {
  return (
    registry.byAddress.get(address) ??
    addHost(registry, {
      id: `peer-${address}`,
      names: [],
      addresses: [address],
      files: [],
      role: 'compute',
      placeholder: true,
    })
  );
}
