/**
 * Flows of a generated scenario, a mix per workload (issue 8 "realistic mix of tenant,
 * control-plane and storage traffic"): east–west tenant traffic on the VM's network, north–south
 * traffic to the internet client, and for some VMs the hypervisor's own storage and control-plane
 * connections (host-level, as libvirt/Ceph/nova-compute make them).
 */
import type { Flow } from '../model/types.ts';
import type { ResolvedOptions } from './generate-options.ts';
import type { Random } from './seeded-random.ts';
import type { Tenancy } from './generate-workloads.ts';

/** Shares of the flow mix (assumptions for a typical IaaS region; tune with the generator's options). */
const NORTH_SOUTH = 0.1;
const STORAGE = 0.1;
const CONTROL = 0.05;
/** Share of tenant flows whose application uses TLS. */
const TENANT_TLS = 0.3;
/** Ports: PostgreSQL 5432 (tenant east–west), HTTPS 443, Ceph OSD 6800, OpenStack API 8774, MySQL 3306, AMQP 5672. */
const PORTS = { tenant: 5432, https: 443, storage: 6800, api: 8774, db: 3306, mq: 5672 } as const;

/** An east–west flow to another VM of the network (alone on it, the VM talks to the internet client). */
function tenantFlow(id: string, vm: { id: string; networks: string[] }, t: Tenancy, rnd: Random): Flow {
  const network = vm.networks[0]!;
  const peers = t.byNetwork.get(network) ?? [];
  if (peers.length < 2) return northSouth(id, vm, rnd);
  // Any peer but the VM itself: pick among the others by skipping over its own position.
  const self = peers.findIndex((p) => p.id === vm.id);
  const k = rnd.int(peers.length - 1);
  const to = peers[k >= self ? k + 1 : k]!.id;
  return { id, from: vm.id, to, network, proto: 'tcp', port: PORTS.tenant, tls: rnd.next() < TENANT_TLS, rateGbps: 0.1, class: 'tenant', sensitivity: 'confidential' };
}

/** A VM's HTTPS traffic to the internet client, mostly TLS. */
function northSouth(id: string, vm: { id: string; networks: string[] }, rnd: Random): Flow {
  return { id, from: vm.id, to: 'ext', network: vm.networks[0]!, proto: 'tcp', port: PORTS.https, tls: rnd.next() < 0.8, rateGbps: 0.05, class: 'tenant', sensitivity: 'confidential' };
}

function hostFlow(id: string, host: string, cls: 'storage' | 'api' | 'db' | 'mq', t: Tenancy, rnd: Random): Flow | undefined {
  const targets = t.services.get(cls) ?? [];
  if (targets.length === 0) return undefined;
  const to = rnd.pick(targets);
  // Storage replication is heavy and internal; control-plane channels carry credentials (SCS scs-0125).
  if (cls === 'storage') return { id, from: host, to, proto: 'tcp', port: PORTS.storage, tls: false, rateGbps: 0.2, class: 'storage', sensitivity: 'confidential' };
  return { id, from: host, to, proto: 'tcp', port: PORTS[cls], tls: rnd.next() < 0.5, rateGbps: 0.01, class: cls, sensitivity: 'internal' };
}

/** Builds `flowsPerWorkload` flows for every VM, in a seeded, deterministic mix. */
export function buildFlows(o: ResolvedOptions, t: Tenancy, rnd: Random): Flow[] {
  const flows: Flow[] = [];
  const CONTROL_CLASSES = ['api', 'db', 'mq'] as const;
  for (const vm of t.workloads) {
    if (vm.kind !== 'vm') continue;
    for (let k = 0; k < o.flowsPerWorkload; k++) {
      const id = `f-${vm.id}-${k}`;
      const roll = rnd.next();
      let flow: Flow | undefined;
      if (roll < NORTH_SOUTH) flow = northSouth(id, vm, rnd);
      else if (roll < NORTH_SOUTH + STORAGE) flow = hostFlow(id, vm.host, 'storage', t, rnd);
      else if (roll < NORTH_SOUTH + STORAGE + CONTROL) flow = hostFlow(id, vm.host, rnd.pick(CONTROL_CLASSES), t, rnd);
      flows.push(flow ?? tenantFlow(id, vm, t, rnd));
    }
  }
  return flows;
}
