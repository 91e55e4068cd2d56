import { describe, expect, it } from 'vitest';
import { buildElements } from '../../src/app/canvas/build-elements.ts';
import { analysis, model } from './fixtures/two-hosts.ts';
import type { Scenario } from '../../src/model/types.ts';

const ids = (els: { data: { id?: string } }[]) => els.map((e) => e.data.id);

describe('canvas elements from a scenario', () => {
  it('sites contain hosts and devices; expanded hosts contain their workloads', () => {
    const { elements } = buildElements(model, analysis, { expanded: new Set(['c1', 'c2']) });
    const parent = (id: string) => elements.find((e) => e.data.id === id)?.data.parent;
    expect(parent('c1')).toBe('dc1');
    expect(parent('tor1')).toBe('dc1');
    expect(parent('vm-a')).toBe('c1');
  });

  it('[X8] links carry their status as a class and as a glyph, never colour alone', () => {
    const { elements } = buildElements(model, analysis, { expanded: new Set() });
    const link = elements.find((e) => e.data.id === 'l-c1');
    expect(link?.classes).toContain('status-plaintext');
    expect(link?.data.label).toBe('⚠');
  });

  it('leaves flow edges out when asked (large scenarios with the flows layer off), and nothing else', () => {
    const all = buildElements(model, analysis, { expanded: new Set() }).elements;
    const without = buildElements(model, analysis, { expanded: new Set(), flows: false }).elements;
    expect(ids(without)).not.toContain('f-ab');
    expect(ids(without)).toEqual(ids(all.filter((e) => e.data.kind !== 'flow')));
  });

  it('collapsed hosts stand in for their workloads, and flows attach to the host', () => {
    const { elements, alias } = buildElements(model, analysis, { expanded: new Set() });
    expect(ids(elements)).not.toContain('vm-a');
    expect(alias['vm-a']).toBe('c1');
    const flow = elements.find((e) => e.data.id === 'f-ab');
    expect([flow?.data.source, flow?.data.target]).toEqual(['c1', 'c2']);
  });

  it('[§1.1 Overlay] an overlay is one hub with one spoke per member, never N² tunnel edges', () => {
    const many: Scenario = { ...model, overlays: [{ ...model.overlays[0]!, memberIds: ['c1', 'c2'] }] };
    const { elements } = buildElements(many, analysis, { expanded: new Set() });
    expect(elements.filter((e) => e.data.kind === 'spoke')).toHaveLength(2);
    const big = buildElements(many, analysis, { expanded: new Set(), meshSpokeLimit: 1 }).elements;
    expect(big.filter((e) => e.data.kind === 'spoke')).toHaveLength(0);
    expect(big.find((e) => e.data.id === 'ov1')?.classes).toContain('aggregated');
  });

  it('positions come from the layout block', () => {
    const { elements } = buildElements({ ...model, layout: { tor1: { x: 5, y: 7 } } }, analysis, { expanded: new Set() });
    expect(elements.find((e) => e.data.id === 'tor1')?.position).toEqual({ x: 5, y: 7 });
  });

  it('a duplicated id does not produce two elements', () => {
    const dup: Scenario = { ...model, sites: [...model.sites, { id: 'c1', trust: 'shared' }] };
    const { elements } = buildElements(dup, analysis, { expanded: new Set() });
    expect(ids(elements).filter((id) => id === 'c1')).toHaveLength(1);
  });
});
