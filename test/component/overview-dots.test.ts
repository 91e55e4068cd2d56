import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { DOT_MARGIN, frameScheduler, keepDots, readDots } from '../../src/app/canvas/overview-dots.ts';

/** Two hosts in a rack (a compound node, which gets no dot) and a switch. */
function map() {
  const cy = cytoscape({
    headless: true,
    elements: [
      { data: { id: 'rack' } },
      { data: { id: 'h1', parent: 'rack' } },
      { data: { id: 'h2', parent: 'rack' } },
      { data: { id: 'sw' } },
    ],
  });
  cy.getElementById('h1').position({ x: 0, y: 0 });
  cy.getElementById('h2').position({ x: 100, y: 0 });
  cy.getElementById('sw').position({ x: 100, y: 50 });
  return cy;
}

describe('the overview’s dots', () => {
  it('are the childless nodes’ positions, fitted with a margin into the overview', () => {
    const dots = readDots(map(), 150, 100);
    expect([...dots.xy]).toEqual([0, 0, 100, 0, 100, 50]);
    expect(dots.x1).toBe(-DOT_MARGIN);
    expect(dots.y1).toBe(-DOT_MARGIN);
    // Extent with margins: 160 × 110 model units, into 150 × 100 pixels: the height decides.
    expect(dots.s).toBeCloseTo(100 / 110, 12);
  });

  it('are none, at scale 1, for an empty map', () => {
    const dots = readDots(cytoscape({ headless: true }), 150, 100);
    expect(dots).toEqual({ x1: 0, y1: 0, s: 1, xy: new Float64Array(0) });
  });

  it('are kept through pans and zooms and read again when nodes move, come or go', () => {
    const cy = map();
    let stale = 0;
    const kept = keepDots(cy, 150, 100, () => stale++);
    const first = kept.get();
    cy.pan({ x: 40, y: 10 });
    cy.zoom(2);
    expect(kept.get()).toBe(first);
    expect(stale).toBe(0);

    cy.getElementById('sw').position({ x: 200, y: 50 });
    expect(stale).toBeGreaterThan(0);
    const moved = kept.get();
    expect(moved).not.toBe(first);
    expect([...moved.xy]).toEqual([0, 0, 100, 0, 200, 50]);

    cy.add({ data: { id: 'h3', parent: 'rack' }, position: { x: 50, y: 100 } });
    expect(kept.get().xy).toHaveLength(8);
    cy.remove(cy.getElementById('h3'));
    expect(kept.get().xy).toHaveLength(6);

    kept.stop();
    const before = stale;
    cy.getElementById('sw').position({ x: 0, y: 50 });
    expect(stale).toBe(before);
  });
});

describe('the overview’s redraws', () => {
  /** Frames run by hand: what was asked for, and what is still pending. */
  function frames() {
    const pending = new Map<number, () => void>();
    let asked = 0;
    let cancelled = 0;
    return {
      request: (callback: () => void) => (pending.set(++asked, callback), asked),
      cancel: (handle: number) => void (pending.delete(handle) && cancelled++),
      run: () => {
        const due = [...pending.values()];
        pending.clear();
        for (const callback of due) callback();
      },
      counts: () => ({ asked, cancelled, pending: pending.size }),
    };
  }

  it('draws once in the next frame however many changes came before it, and asks again after', () => {
    const f = frames();
    let drawn = 0;
    const redraws = frameScheduler(() => drawn++, f);
    // A rack opened: every node moved and restyled, one call each.
    for (let i = 0; i < 1_000; i++) redraws.schedule();
    expect(f.counts()).toEqual({ asked: 1, cancelled: 0, pending: 1 });
    f.run();
    expect(drawn).toBe(1);
    redraws.schedule();
    f.run();
    expect([drawn, f.counts().asked]).toEqual([2, 2]);
  });

  it('lets a pending frame go when cancelled, and asks anew on the next change', () => {
    const f = frames();
    let drawn = 0;
    const redraws = frameScheduler(() => drawn++, f);
    redraws.schedule();
    redraws.cancel();
    f.run();
    expect(drawn).toBe(0);
    expect(f.counts()).toEqual({ asked: 1, cancelled: 1, pending: 0 });
    redraws.schedule();
    f.run();
    expect(drawn).toBe(1);
  });
});
