import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildTraces, traceAll, traceFlow } from '../../../../src/engine/exposure/build-traces.ts';
import { createTraceContext } from '../../../../src/engine/exposure/trace-context.ts';
import { createUnderlayRouter } from '../../../../src/engine/graph/underlay-router.ts';
import { indexScenario } from '../../../../src/engine/scenario-index.ts';
import { parseScenario } from '../../../../src/model/parse-scenario.ts';
import { scenario } from '../../../support/model-builder.ts';
import { kinds, stackOn, traceOf } from '../../../support/engine-probe.ts';

/** Two compute hosts behind one switch, an OVN-style Geneve overlay, one tenant network. */
function twoHosts(opts: { ipsec?: boolean; tls?: boolean } = {}) {
  return scenario()
    .site('dc')
    .host('c1', { site: 'dc', ip: '10.0.0.1' })
    .host('c2', { site: 'dc', ip: '10.0.0.2' })
    .device('sw', { site: 'dc' })
    .link('l1', ['c1', 'sw'])
    .link('l2', ['sw', 'c2'])
    .overlay('ov', ['c1', 'c2'], opts.ipsec ? { ipsec: { auth: 'ca', keystore: 'ca1' } } : {})
    .keystore('ca1', 'ca', 'offline')
    .network('tenant', { overlay: 'ov' })
    .workload('vm1', { host: 'c1', networks: ['tenant'] })
    .workload('vm2', { host: 'c2', networks: ['tenant'] })
    .workload('vm1b', { host: 'c1', networks: ['tenant'] })
    .flow('f', { from: 'vm1', to: 'vm2', port: 5432, tls: opts.tls ?? false })
    .flow('local', { from: 'vm1', to: 'vm1b' });
}

describe('paths (SPEC X1)', () => {
  it('[X1] a flow between workloads on the same host never leaves the host', () => {
    const t = traceOf(twoHosts().build(), 'local');
    expect(t.path).toEqual(['host:c1']);
    expect(t.local).toBe(true);
    expect(t.hops).toEqual([]);
  });

  it('[X1] an overlay flow goes through the tunnel along the underlay path between the hosts', () => {
    expect(traceOf(twoHosts().build(), 'f').path).toEqual(['host:c1', 'link:l1', 'device:sw', 'link:l2', 'host:c2']);
  });

  it('[X1] north–south traffic leaves the overlay at the gateway nearest the destination', () => {
    // gw1 is two hops from ext (gw1–r–ext), gw2 three (gw2–sw–r? no: gw2–sw2–r2–ext); so gw1 is used.
    const s = scenario()
      .site('dc')
      .host('c1', { site: 'dc' }).host('gw1', { site: 'dc', role: 'gateway' }).host('gw2', { site: 'dc', role: 'network' })
      .host('ext', { site: 'dc', role: 'external' })
      .device('sw', { site: 'dc' }).device('r', { site: 'dc', kind: 'router' }).device('sw2', { site: 'dc' }).device('r2', { site: 'dc', kind: 'router' })
      .link('a1', ['c1', 'sw']).link('a2', ['sw', 'gw1']).link('a3', ['sw', 'gw2'])
      .link('b1', ['gw1', 'r']).link('b2', ['r', 'ext'])
      .link('b3', ['gw2', 'sw2']).link('b4', ['sw2', 'r2']).link('b5', ['r2', 'ext'])
      .overlay('ov', ['c1', 'gw1', 'gw2'], { ipsec: {} })
      .network('n', { overlay: 'ov' })
      .workload('vm', { host: 'c1', networks: ['n'] })
      .flow('out', { from: 'vm', to: 'ext', network: 'n' })
      .flow('in', { from: 'ext', to: 'vm' })
      .build();
    const out = traceOf(s, 'out');
    expect(out.path).toEqual(['host:c1', 'link:a1', 'device:sw', 'link:a2', 'host:gw1', 'link:b1', 'device:r', 'link:b2', 'host:ext']);
    // The overlay's IPsec covers the tunnel leg only; after the gateway the packet is the flow's own.
    expect(kinds(out.hops[0]!.stack)).toBe('eth › ipv4 › esp › udp › geneve › eth › ipv4 › tcp › payload');
    expect(kinds(out.hops[2]!.stack)).toBe('eth › ipv4 › tcp › payload');
    // Mirror image: from outside, along the underlay to the gateway nearest the source (ext), then the tunnel.
    expect(traceOf(s, 'in').path).toEqual(['host:ext', 'link:b2', 'device:r', 'link:b1', 'host:gw1', 'link:a2', 'device:sw', 'link:a1', 'host:c1']);
    expect(traceOf(s, 'in').hosts).toEqual(['ext', 'gw1', 'c1']);
  });

  it('[X1] a flow with no path is unreachable, not an error', () => {
    const s = scenario().site('dc').host('a', { site: 'dc' }).host('b', { site: 'dc' }).flow('f', { from: 'a', to: 'b' }).build();
    const t = traceOf(s, 'f');
    expect(t.path).toEqual([]);
    expect(t.unreachable).toMatch(/no underlay path from a to b/);
  });
});

describe('layer stacks (SPEC X2)', () => {
  it('[X2] plain Geneve carries the inner Ethernet frame of the workloads', () => {
    expect(stackOn(twoHosts().build(), 'f', 'l1')).toBe('eth › ipv4 › udp › geneve › eth › ipv4 › tcp › payload');
  });

  it('[X2] overlay IPsec is ESP in transport mode right after the outer IP header, TLS innermost', () => {
    expect(stackOn(twoHosts({ ipsec: true, tls: true }).build(), 'f', 'l2')).toBe(
      'eth › ipv4 › esp › udp › geneve › eth › ipv4 › tcp › tls › payload',
    );
    const hop = traceOf(twoHosts({ ipsec: true }).build(), 'f').hops[0]!;
    const esp = hop.stack.find((l) => l.kind === 'esp')!;
    expect(esp.protection).toMatchObject({ kind: 'ipsec', endpoints: ['c1', 'c2'], cipher: 'aes-gcm-256', auth: 'ca', keystore: 'ca1', mode: 'transport' });
    expect(hop.stack[1]!.label).toBe('ipv4(10.0.0.1→10.0.0.2)');
    expect(hop.stack.find((l) => l.kind === 'geneve')!.headerBytes).toBe(16); // 8 base + OVN's 8-byte option
  });

  it('[X2] MACsec wraps everything after the Ethernet addresses on its own link only', () => {
    const s = twoHosts().build();
    s.links[0]!.macsec = { encrypt: true, cipher: 'gcm-aes-128' };
    expect(stackOn(s, 'f', 'l1')).toBe('eth › macsec › ipv4 › udp › geneve › eth › ipv4 › tcp › payload');
    expect(stackOn(s, 'f', 'l2')).toBe('eth › ipv4 › udp › geneve › eth › ipv4 › tcp › payload');
  });

  it('[X2] WireGuard wraps tunnel packets between two members in a new IP + UDP + WireGuard header', () => {
    const s = twoHosts({ ipsec: true }).wireguard('wg', ['c1', 'c2']).build();
    expect(stackOn(s, 'f', 'l1')).toBe('eth › ipv4 › udp › wireguard › ipv4 › esp › udp › geneve › eth › ipv4 › tcp › payload');
  });

  it('[X2] a host IPsec policy applies only to traffic its selector matches', () => {
    const s = scenario()
      .site('dc').host('a', { site: 'dc' }).host('b', { site: 'dc' }).device('sw', { site: 'dc' })
      .link('l1', ['a', 'sw']).link('l2', ['sw', 'b'])
      .ipsec('mq', ['a', 'b'], { selector: [{ proto: 'tcp', port: 5672 }] })
      .flow('amqp', { from: 'a', to: 'b', port: 5672 })
      .flow('db', { from: 'a', to: 'b', port: 5432 })
      .flow('noport', { from: 'a', to: 'b' })
      .build();
    expect(stackOn(s, 'amqp', 'l1')).toBe('eth › ipv4 › esp › tcp › payload');
    expect(stackOn(s, 'db', 'l1')).toBe('eth › ipv4 › tcp › payload');
    // A flow without a port matches only selectors without one.
    expect(stackOn(s, 'noport', 'l1')).toBe('eth › ipv4 › tcp › payload');
  });

  it('[X2] OVS IPsec does not cover VLAN provider networks, nor do transport policies or WireGuard', () => {
    const s = twoHosts({ ipsec: true })
      .network('prov', { kind: 'vlan', vlan: 100 })
      .workload('p1', { host: 'c1', networks: ['prov'] })
      .workload('p2', { host: 'c2', networks: ['prov'] })
      .ipsec('hostpol', ['c1', 'c2'])
      .wireguard('wg', ['c1', 'c2'])
      .flow('vlanflow', { from: 'p1', to: 'p2' })
      .build();
    expect(stackOn(s, 'vlanflow', 'l1')).toBe('eth › ipv4 › tcp › payload');
  });

  it('[X2] site-to-site tunnel mode between gateways covers only the segment between them', () => {
    const s = scenario()
      .site('a').site('b').site('wan', 'untrusted')
      .host('h1', { site: 'a' }).host('h2', { site: 'b' })
      .device('gwa', { site: 'a', kind: 'router' }).device('gwb', { site: 'b', kind: 'router' }).device('carrier', { site: 'wan', kind: 'carrier' })
      .link('la', ['h1', 'gwa']).link('w1', ['gwa', 'carrier']).link('w2', ['carrier', 'gwb']).link('lb', ['gwb', 'h2'])
      .keystore('vpnpsk', 'psk', 'gwa')
      .ipsec('vpn', ['gwa', 'gwb'], { mode: 'tunnel', auth: 'psk', keystore: 'vpnpsk' })
      .flow('f', { from: 'h1', to: 'h2', port: 443 })
      .build();
    expect(stackOn(s, 'f', 'la')).toBe('eth › ipv4 › tcp › payload');
    expect(stackOn(s, 'f', 'w1')).toBe('eth › ipv4 › esp › ipv4 › tcp › payload');
    expect(stackOn(s, 'f', 'w2')).toBe('eth › ipv4 › esp › ipv4 › tcp › payload');
    expect(stackOn(s, 'f', 'lb')).toBe('eth › ipv4 › tcp › payload');
  });

  it('[X2] NAT-T puts a UDP 4500 header in front of ESP', () => {
    const s = twoHosts().build();
    s.overlays[0]!.ipsec = { cipher: 'aes-gcm-256', auth: 'cert', natT: true, dropPlaintext: false };
    expect(stackOn(s, 'f', 'l1')).toBe('eth › ipv4 › udp › esp › udp › geneve › eth › ipv4 › tcp › payload');
  });
});

describe('layer objects', () => {
  it('every layer of every example scenario has the same fields in the same order (one shape for the stack readers)', () => {
    const dir = new URL('../../../../scenarios/', import.meta.url);
    const shapes = new Set<string>();
    let layers = 0;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
      const model = parseScenario(readFileSync(new URL(file, dir), 'utf8')).model!;
      const index = indexScenario(model);
      for (const trace of buildTraces(model, index).values()) {
        for (const stack of [trace.innerStack, ...trace.hops.map((h) => h.stack)]) {
          for (const layer of stack) {
            shapes.add(Object.keys(layer).join(','));
            layers++;
          }
        }
      }
    }
    expect(layers).toBeGreaterThan(500);
    expect([...shapes]).toEqual(['kind,label,headerBytes,trailerBytes,protection,own']);
  });
});

describe('tracing every flow (traceAll)', () => {
  /** Three hosts on one switch with IPsec over their overlay; flows from c1 and c3 interleaved in the file. */
  function interleaved() {
    return scenario()
      .site('dc')
      .host('c1', { site: 'dc', ip: '10.0.0.1' })
      .host('c2', { site: 'dc', ip: '10.0.0.2' })
      .host('c3', { site: 'dc', ip: '10.0.0.3' })
      .device('sw', { site: 'dc' })
      .link('l1', ['c1', 'sw'])
      .link('l2', ['sw', 'c2'])
      .link('l3', ['sw', 'c3'])
      .overlay('ov', ['c1', 'c2', 'c3'], { ipsec: { auth: 'ca', keystore: 'ca1' } })
      .keystore('ca1', 'ca', 'offline')
      .network('tenant', { overlay: 'ov' })
      .workload('vm1', { host: 'c1', networks: ['tenant'] })
      .workload('vm2', { host: 'c2', networks: ['tenant'] })
      .workload('vm3', { host: 'c3', networks: ['tenant'] })
      .workload('vm1b', { host: 'c1', networks: ['tenant'] })
      .flow('a', { from: 'vm1', to: 'vm2', port: 5432 })
      .flow('b', { from: 'vm3', to: 'vm2' })
      .flow('c', { from: 'vm1b', to: 'vm2', port: 443, tls: true })
      .flow('d', { from: 'vm3', to: 'vm1' })
      .flow('e', { from: 'c2', to: 'c1' })
      .flow('f', { from: 'vm1', to: 'vm1b' })
      .build();
  }

  it('[X1] gives each flow, in the order listed, the trace it has when traced on its own', () => {
    const model = interleaved();
    const index = indexScenario(model);
    const router = createUnderlayRouter(index);
    const traces = traceAll(model.flows, createTraceContext(index, router));
    expect(traces.map((t) => t.flow)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    model.flows.forEach((flow, i) => expect(traces[i], flow.id).toEqual(traceFlow(flow, createTraceContext(index, router))));
    expect(traces[0]!.path).toEqual(['host:c1', 'link:l1', 'device:sw', 'link:l2', 'host:c2']);
    expect(kinds(traces[2]!.hops[0]!.stack)).toBe('eth › ipv4 › esp › udp › geneve › eth › ipv4 › tcp › tls › payload');
  });

  it('flows from one host to another share their route (path, SA) however far apart they are listed', () => {
    const model = interleaved();
    const index = indexScenario(model);
    const traces = traceAll(model.flows, createTraceContext(index, createUnderlayRouter(index)));
    const [a, , c] = traces;
    // vm1 and vm1b are both on c1: a and c take the one route c1 → c2, planned once, with b between them.
    expect(c!.path).toBe(a!.path);
    expect(c!.hops[0]!.wraps).toBe(a!.hops[0]!.wraps);
    expect(a!.hops[0]!.wraps.find((w) => w.kind === 'ipsec-transport')?.protection.id).toBe('ipsec:ov:c1|c2');
  });
});
