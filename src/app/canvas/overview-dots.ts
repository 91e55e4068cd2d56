/**
 * What the overview in the canvas's corner draws besides the viewport's frame: a dot per shown
 * childless node, scaled to fit. Kept until nodes come, go, move or change style, so that a pan or
 * zoom, which changes none of them, redraws only the frame: reading them on every viewport event
 * asked Cytoscape for the bounding box of every element with its labels, each frame of a pan
 * (15 % of the page's script time while panning the 5,000-host region, 2026-11-23).
 */
import type { Core } from 'cytoscape';

/** Dot positions (x, y pairs, model units), the model point drawn at the overview's corner and the scale. */
export interface OverviewDots {
  x1: number;
  y1: number;
  s: number;
  xy: Float64Array;
}

/** Room around the outermost dots, in model units. */
export const DOT_MARGIN = 30;

/** The dots of `cy` fitted into `width` × `height` pixels. */
export function readDots(cy: Core, width: number, height: number): OverviewDots {
  const xy: number[] = [];
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  cy.nodes().forEach((n) => {
    if (n.isParent() || !n.visible()) return;
    const p = n.position();
    xy.push(p.x, p.y);
    x1 = Math.min(x1, p.x);
    y1 = Math.min(y1, p.y);
    x2 = Math.max(x2, p.x);
    y2 = Math.max(y2, p.y);
  });
  if (xy.length === 0) return { x1: 0, y1: 0, s: 1, xy: new Float64Array(0) };
  const w = x2 - x1 + 2 * DOT_MARGIN;
  const h = y2 - y1 + 2 * DOT_MARGIN;
  return {
    x1: x1 - DOT_MARGIN,
    y1: y1 - DOT_MARGIN,
    s: Math.min(width / w, height / h),
    xy: Float64Array.from(xy),
  };
}

const CHANGES = 'add remove position style';

/** The dots of `cy`, read when first asked after a change (`onStale` hears of each change); `stop` lets go of `cy`. */
export function keepDots(
  cy: Core,
  width: number,
  height: number,
  onStale: () => void,
): { get(): OverviewDots; stop(): void } {
  let dots: OverviewDots | undefined;
  const stale = (): void => {
    dots = undefined;
    onStale();
  };
  cy.on(CHANGES, stale);
  return {
    get: () => (dots ??= readDots(cy, width, height)),
    stop: () => void cy.removeListener(CHANGES, stale),
  };
}

/** Asks for animation frames and lets a pending one go (the browser's by default). */
export interface Frames {
  request(callback: () => void): number;
  cancel(handle: number): void;
}

const BROWSER_FRAMES: Frames = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
};

/**
 * Calls `draw` in the next animation frame, once however often `schedule` is called before it.
 * Cytoscape tells the overview of each node that moved or changed style, one call each: opening a
 * rack of the 5,000-host region moves and restyles every node, and cancelling and asking for a
 * frame on every call was about a sixth of that main-thread task (110 of 640 ms profiled).
 */
export function frameScheduler(
  draw: () => void,
  frames: Frames = BROWSER_FRAMES,
): { schedule(): void; cancel(): void } {
  let pending: number | undefined;
  return {
    schedule() {
      if (pending !== undefined) return;
      pending = frames.request(() => {
        pending = undefined;
        draw();
      });
    },
    cancel() {
      if (pending !== undefined) frames.cancel(pending);
      pending = undefined;
    },
  };
}
