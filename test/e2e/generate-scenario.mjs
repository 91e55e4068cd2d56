/**
 * Generates a large, valid Plainsight scenario for the performance run: `hosts` hosts in two data
 * centres (racks of 25 behind a ToR, two spines per site, one WAN link between the sites), an OVN
 * Geneve overlay with IPsec over every compute/network host, two VMs per compute host, flows
 * between VMs chosen by a seeded generator (deterministic), and a handful of attackers.
 */

/** Park–Miller minimal standard generator: deterministic, so every run measures the same file. */
function seeded(seed) {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

/** The scenario as YAML text. */
export function generateScenario({ hosts = 1000, flows = 400, seed = 42 } = {}) {
  const rnd = seeded(seed);
  const out = ['plainsight: 1', `name: "Generated region with ${hosts} hosts"`, 'sites:', '  - { id: dc1, trust: trusted }', '  - { id: dc2, trust: trusted }'];
  const hostLines = [];
  const deviceLines = [];
  const linkLines = [];
  const vms = [];
  const workloadLines = [];
  const racks = Math.ceil(hosts / 25);
  for (const site of ['dc1', 'dc2']) for (const n of [1, 2]) deviceLines.push(`  - { id: spine-${site}-${n}, site: ${site}, kind: router }`);
  for (let r = 0; r < racks; r++) {
    const site = r % 2 === 0 ? 'dc1' : 'dc2';
    deviceLines.push(`  - { id: tor-${r}, site: ${site}, kind: switch }`);
    linkLines.push(`  - { id: l-tor-${r}-a, between: [tor-${r}, spine-${site}-1] }`, `  - { id: l-tor-${r}-b, between: [tor-${r}, spine-${site}-2] }`);
  }
  for (let i = 0; i < hosts; i++) {
    const r = Math.floor(i / 25);
    const site = r % 2 === 0 ? 'dc1' : 'dc2';
    const role = i % 50 === 0 ? 'network' : i % 50 === 1 ? 'storage' : 'compute';
    const id = `h${i}`;
    hostLines.push(`  - { id: ${id}, site: ${site}, role: ${role}, ip: 10.${Math.floor(i / 250)}.${i % 250}.1, nic: { gbps: 25, mtu: 9000 } }`);
    linkLines.push(`  - { id: l-${id}, between: [${id}, tor-${r}] }`);
    if (role === 'compute')
      for (const k of [0, 1]) {
        workloadLines.push(`  - { id: vm-${i}-${k}, host: ${id}, networks: [tenant] }`);
        vms.push(`vm-${i}-${k}`);
      }
  }
  linkLines.push('  - { id: wan-1, between: [spine-dc1-1, spine-dc2-1], medium: wan, mtu: 1500 }');
  const flowLines = [];
  for (let f = 0; f < flows; f++) {
    const a = vms[Math.floor(rnd() * vms.length)];
    let b = vms[Math.floor(rnd() * vms.length)];
    if (a === b) b = vms[(vms.indexOf(a) + 7) % vms.length];
    flowLines.push(`  - { id: f${f}, from: ${a}, to: ${b}, port: ${[443, 5432, 8080, 6379][f % 4]}${f % 3 === 0 ? ', tls: true' : ''}, class: tenant }`);
  }
  out.push('hosts:', ...hostLines, 'devices:', ...deviceLines, 'links:', ...linkLines);
  out.push('keystores:', '  - { id: ca-ovn, kind: ca, location: offline }');
  out.push('overlays:', '  - id: ovn', '    type: geneve', '    members: { roles: [compute, network] }', '    ipsec: { cipher: aes-gcm-256, auth: ca, keystore: ca-ovn, dropPlaintext: true }');
  out.push('networks:', '  - { id: tenant, kind: overlay, overlay: ovn }');
  out.push('workloads:', ...workloadLines, 'flows:', ...flowLines);
  out.push(
    'attackers:',
    '  - { id: wan-tap, at: { links: [wan-1] }, can: [read, inject] }',
    '  - { id: root-h2, at: { hosts: [h2] }, can: [read, inject] }',
    '  - { id: rack0, at: { devices: [tor-0] }, can: [read] }',
  );
  return `${out.join('\n')}\n`;
}
