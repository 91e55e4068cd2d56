import { describe, expect, it } from 'vitest';
import { buildElements } from '../../src/app/canvas/build-elements.ts';
import { decideDetail, findRacks, RACK_HOSTS } from '../../src/app/canvas/group-nodes.ts';
import { searchEntities } from '../../src/app/canvas/search-entities.ts';
import type { Analysis } from '../../src/engine/types.ts';
import type { Scenario } from '../../src/model/types.ts';
import { analysis as baseAnalysis, model as base } from './fixtures/two-hosts.ts';

// Two racks: c1, c2 behind tor1 and c3, c4 behind tor2; both leaves uplinked to one spine.
const host = (id: string) => ({ ...base.hosts[0]!, id, ip: undefined });
const link = (id: string, a: string, b: string) => ({ ...base.links[0]!, id, between: [a, b] as [string, string] });
const model: Scenario = {
  ...base,
  hosts: [host('c1'), host('c2'), host('c3'), host('c4')],
  devices: [...base.devices, { id: 'tor2', site: 'dc1', kind: 'switch' }, { id: 'spine', site: 'dc1', kind: 'switch' }],
  links: [link('l-c1', 'c1', 'tor1'), link('l-c2', 'c2', 'tor1'), link('l-c3', 'c3', 'tor2'), link('l-c4', 'c4', 'tor2'), link('up1', 'tor1', 'spine'), link('up2', 'tor2', 'spine')],
  overlays: [{ ...base.overlays[0]!, memberIds: ['c1', 'c2', 'c3', 'c4'] }],
  workloads: [...base.workloads, { id: 'vm-c', host: 'c3', networks: ['net1'], kind: 'vm' }],
  flows: [...base.flows, { ...base.flows[0]!, id: 'f-ac', to: 'vm-c' }],
};
const status = { 'l-c1': 'plaintext', 'l-c2': 'encrypted', 'l-c3': 'encrypted', 'l-c4': 'encrypted', up1: 'encrypted', up2: 'idle' } as const;
const analysis: Analysis = { ...baseAnalysis, links: Object.entries(status).map(([id, s]) => ({ id, status: s, flows: [] })) };

const none = new Set<string>();
const build = (open: ReadonlySet<string>, sites = false) => buildElements(model, analysis, { expanded: none, detail: { racks: true, sites, open } });
const byId = (els: ReturnType<typeof build>['elements'], id: string) => els.find((e) => e.data.id === id);

describe('level of detail: racks and sites as summary nodes (issue 8)', () => {
  it('hosts sharing a leaf switch form a rack; a switch without hosts (the spine) is no rack', () => {
    expect(findRacks(model).map((r) => [r.id, r.hosts])).toEqual([
      ['rack:tor1', ['c1', 'c2']],
      ['rack:tor2', ['c3', 'c4']],
    ]);
  });

  it(`racks start collapsed above ${RACK_HOSTS} hosts, not below`, () => {
    expect(decideDetail(model)).toEqual({ racks: false, sites: false });
    const big = { ...model, hosts: Array.from({ length: RACK_HOSTS + 1 }, (_, i) => host(`h${i}`)) };
    expect(decideDetail(big).racks).toBe(true);
  });

  it('a collapsed rack is one node with its host count and worst hidden link status', () => {
    const { elements, alias } = build(none);
    // dc1, rack:tor1, rack:tor2, spine and the overlay hub.
    expect(elements.filter((e) => e.group === 'nodes').map((e) => e.data.id)).toEqual(['dc1', 'rack:tor1', 'rack:tor2', 'spine', 'ov1']);
    const rack = byId(elements, 'rack:tor1');
    // l-c1 is plaintext and l-c2 encrypted: the worst is plaintext.
    expect(rack?.classes).toContain('worst-plaintext');
    expect(rack?.data.label).toContain('2 hosts');
    expect(byId(elements, 'rack:tor2')?.classes).toContain('worst-encrypted');
    expect(alias['c3']).toBe('rack:tor2');
    expect(alias['vm-c']).toBe('rack:tor2');
  });

  it('links, spokes and flows ending in a collapsed rack are folded onto it, never drawn one by one', () => {
    const { elements } = build(none);
    const edges = elements.filter((e) => e.group === 'edges').map((e) => e.data.id);
    // up1, up2 become rack–spine edges; ov1 has one spoke per rack; f-ab stays inside rack:tor1; f-ac joins the racks.
    expect(edges.sort()).toEqual(['flows:rack:tor1|rack:tor2', 'links:rack:tor1|spine', 'links:rack:tor2|spine', 'ov1~rack:tor1', 'ov1~rack:tor2']);
    expect(byId(elements, 'links:rack:tor2|spine')?.classes).toContain('status-idle');
  });

  it('an open rack is a box around its leaf and hosts, whose links are drawn as they are', () => {
    const { elements } = build(new Set(['rack:tor1']));
    expect(byId(elements, 'c1')?.data.parent).toBe('rack:tor1');
    expect(byId(elements, 'tor1')?.data.parent).toBe('rack:tor1');
    expect(byId(elements, 'rack:tor1')?.data.parent).toBe('dc1');
    expect(byId(elements, 'l-c1')?.classes).toContain('status-plaintext');
    expect(byId(elements, 'up1')?.data.source).toBe('tor1');
  });

  it('a collapsed site stands for everything in it', () => {
    const { elements, alias } = build(none, true);
    expect(elements.filter((e) => e.group === 'nodes').map((e) => e.data.id)).toEqual(['dc1', 'ov1']);
    expect(byId(elements, 'dc1')?.classes).toContain('worst-plaintext');
    expect(byId(elements, 'dc1')?.data.label).toContain('4 hosts');
    expect(alias['spine']).toBe('dc1');
  });
});

describe('canvas search', () => {
  it('finds by id or name, role, site and status; terms combine with AND', () => {
    expect(searchEntities(model, analysis, 'c3')).toEqual(['c3', 'l-c3']);
    expect(searchEntities(model, analysis, 'role:compute site:dc1')).toEqual(['c1', 'c2', 'c3', 'c4']);
    // A node's status is the worst of its links: c1 and tor1 touch plaintext l-c1; vm-a lives on c1.
    expect(searchEntities(model, analysis, 'status:plaintext')).toEqual(['c1', 'tor1', 'l-c1', 'vm-a']);
    expect(searchEntities(model, analysis, '  ')).toEqual([]);
  });
});
