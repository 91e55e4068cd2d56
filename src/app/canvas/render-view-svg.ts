/**
 * SVG of what the canvas currently draws (visible elements, their colours, line patterns and
 * labels), for the Export menu. Own code rather than the cytoscape-svg plugin: the picture needs
 * only boxes, shapes, lines and text, and the plugin would add a dependency and ~40 kB.
 */
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const num = (n: number): string => String(Math.round(n * 10) / 10);

function dash(style: string): string {
  return style === 'dashed' ? ' stroke-dasharray="6 4"' : style === 'dotted' ? ' stroke-dasharray="1.5 3"' : '';
}

function label(text: string, x: number, y: number, size: number, colour: string): string {
  const lines = text.split('\n');
  return `<text x="${num(x)}" y="${num(y)}" font-size="${size}" fill="${colour}" text-anchor="middle">${lines.map((l, i) => `<tspan x="${num(x)}" dy="${i === 0 ? 0 : size * 1.15}">${esc(l)}</tspan>`).join('')}</text>`;
}

function nodeSvg(n: NodeSingular): string {
  const { x, y } = n.position();
  const w = n.width();
  const h = n.height();
  const fill = n.style('background-color') as string;
  const stroke = n.style('border-color') as string;
  const sw = parseFloat(n.style('border-width') as string) || 1;
  const text = String(n.data('label') ?? '');
  const colour = n.style('color') as string;
  if (n.isParent()) {
    const b = n.boundingBox({ includeLabels: false });
    return `<rect x="${num(b.x1)}" y="${num(b.y1)}" width="${num(b.w)}" height="${num(b.h)}" rx="8" fill="${fill}" fill-opacity="0.6" stroke="${stroke}" stroke-width="${sw}"${dash(n.style('border-style') as string)}/>${label(text, (b.x1 + b.x2) / 2, b.y1 - 4, 12, colour)}`;
  }
  const shape = n.style('shape') as string;
  const body =
    shape === 'ellipse'
      ? `<ellipse cx="${num(x)}" cy="${num(y)}" rx="${num(w / 2)}" ry="${num(h / 2)}"`
      : shape === 'diamond'
        ? `<polygon points="${num(x)},${num(y - h / 2)} ${num(x + w / 2)},${num(y)} ${num(x)},${num(y + h / 2)} ${num(x - w / 2)},${num(y)}"`
        : `<rect x="${num(x - w / 2)}" y="${num(y - h / 2)}" width="${num(w)}" height="${num(h)}" rx="4"`;
  return `${body} fill="${fill}" stroke="${stroke}" stroke-width="${sw}"/>${label(text, x, y + h / 2 + 13, 11, colour)}`;
}

function edgeSvg(e: EdgeSingular): string {
  const s = e.sourceEndpoint();
  const t = e.targetEndpoint();
  const colour = e.style('line-color') as string;
  const width = parseFloat(e.style('width') as string) || 1;
  const line = `<line x1="${num(s.x)}" y1="${num(s.y)}" x2="${num(t.x)}" y2="${num(t.y)}" stroke="${colour}" stroke-width="${num(width)}" stroke-opacity="${e.style('opacity')}"${dash(e.style('line-style') as string)}/>`;
  const text = String(e.data('label') ?? '');
  return text ? `${line}${label(text, (s.x + t.x) / 2, (s.y + t.y) / 2, 10, e.style('color') as string)}` : line;
}

/** The visible canvas as a standalone SVG document. */
export function renderViewSvg(cy: Core, background: string): string {
  const nodes = cy.nodes(':visible');
  const box = cy.elements(':visible').boundingBox({});
  const pad = 20;
  const view = `${num(box.x1 - pad)} ${num(box.y1 - pad)} ${num(box.w + 2 * pad)} ${num(box.h + 2 * pad)}`;
  // Parents first so their boxes sit under their children; edges between boxes and leaf nodes.
  const depth = (n: NodeSingular): number => n.ancestors().length;
  const parents = nodes.filter((n) => n.isParent()).toArray().sort((a, b) => depth(a as NodeSingular) - depth(b as NodeSingular)) as NodeSingular[];
  const parts = [...parents.map(nodeSvg), ...cy.edges(':visible').map(edgeSvg), ...nodes.filter((n) => n.isChildless()).map(nodeSvg)];
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${view}" width="${num(box.w + 2 * pad)}" height="${num(box.h + 2 * pad)}" font-family="Liberation Sans, DejaVu Sans, Arial, sans-serif"><rect x="${num(box.x1 - pad)}" y="${num(box.y1 - pad)}" width="100%" height="100%" fill="${background}"/>${parts.join('')}</svg>\n`;
}
