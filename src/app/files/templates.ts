/**
 * Starting points of "New from template": small, valid scenarios a new user can grow.
 */

/** A template offered by the "new" dialog. */
export interface Template {
  id: string;
  title: string;
  description: string;
  text: string;
}

const blank = `plainsight: 1
name: Untitled scenario
sites:
  - { id: dc1, trust: trusted }
hosts: []
links: []
`;

const twoHosts = `plainsight: 1
name: Two hypervisors and a switch
description: Two compute hosts in one rack, a VM on each talking over a Geneve overlay.
sites:
  - { id: dc1, trust: trusted }
hosts:
  - { id: c1, site: dc1, role: compute, ip: 10.0.0.1 }
  - { id: c2, site: dc1, role: compute, ip: 10.0.0.2 }
devices:
  - { id: tor1, site: dc1, kind: switch }
links:
  - { id: l-c1, between: [c1, tor1] }
  - { id: l-c2, between: [c2, tor1] }
overlays:
  - { id: ov1, type: geneve, members: [c1, c2] }
networks:
  - { id: net1, kind: overlay, overlay: ov1 }
workloads:
  - { id: vm-a, host: c1, networks: [net1] }
  - { id: vm-b, host: c2, networks: [net1] }
flows:
  - { id: f-ab, from: vm-a, to: vm-b, port: 5432, class: db }
attackers:
  - { id: tap, name: Cable tap on l-c1, at: { links: [l-c1] }, can: [read, inject] }
`;

const twoSites = `plainsight: 1
name: Two sites over a carrier
description: Gateways in two data centres joined by a carrier network, IPsec between the gateways.
sites:
  - { id: dc-a, trust: trusted }
  - { id: dc-b, trust: trusted }
  - { id: wan, name: Carrier network, trust: untrusted }
hosts:
  - { id: gw-a, site: dc-a, role: gateway, ip: 192.0.2.1 }
  - { id: gw-b, site: dc-b, role: gateway, ip: 198.51.100.1 }
  - { id: app-a, site: dc-a, role: compute, ip: 10.1.0.10 }
  - { id: db-b, site: dc-b, role: storage, ip: 10.2.0.10 }
devices:
  - { id: carrier, site: wan, kind: carrier }
links:
  - { id: l-app, between: [app-a, gw-a] }
  - { id: l-wan-a, between: [gw-a, carrier], medium: wan }
  - { id: l-wan-b, between: [carrier, gw-b], medium: wan }
  - { id: l-db, between: [gw-b, db-b] }
keystores:
  - { id: vpn-psk, kind: psk }
ipsec:
  - { id: vpn, between: [gw-a, gw-b], mode: tunnel, cipher: aes-gcm-256, auth: psk, keystore: vpn-psk }
flows:
  - { id: f-db, from: app-a, to: db-b, port: 5432, class: db }
attackers:
  - { id: carrier-tap, name: Untrusted carrier, at: { devices: [carrier] }, can: [read, inject] }
`;

/** Templates in the order the dialog shows them. */
export const templates: Template[] = [
  { id: 'blank', title: 'Blank', description: 'One trusted site, nothing else.', text: blank },
  { id: 'two-hosts', title: 'Two hypervisors', description: 'A Geneve overlay between two compute hosts and a cable tap.', text: twoHosts },
  { id: 'two-sites', title: 'Two sites, site-to-site IPsec', description: 'Gateways joined by a carrier, with a tunnel-mode VPN.', text: twoSites },
];
