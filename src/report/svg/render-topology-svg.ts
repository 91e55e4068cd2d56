/**
 * The topology picture of a report as a standalone SVG: sites as frames (border style = trust),
 * hosts and devices as boxes, links coloured by status AND drawn with a status pattern and glyph
 * (SPEC X8), with a legend, so the picture reads in greyscale print and without colour vision.
 */
import type { LinkStatus, LinkStatusValue } from '../../engine/types.ts';
import type { Scenario } from '../../model/types.ts';
import type { PlacedNode, PlacedSite } from './layout-sites.ts';
import { SIZE } from './layout-sites.ts';
import { fmt, layoutTopology, type PlacedLink } from './layout-topology.ts';
import { escapeXml, FONT, STATUS_COLOR, STATUS_DASH, STATUS_GLYPH, STATUS_WIDTH, STATUS_WORDS } from './svg-text.ts';

const TRUST_STYLE: Record<string, { fill: string; dash: string }> = {
  trusted: { fill: '#f3f5f9', dash: '' },
  shared: { fill: '#fff7e6', dash: '6 4' },
  untrusted: { fill: '#fdf0ec', dash: '2 3' },
};

const LEGEND_HEIGHT = 64;

function describeNode(scenario: Scenario): (id: string) => Omit<PlacedNode, 'x' | 'y' | 'id'> {
  return (id) => {
    const host = scenario.hosts.find((h) => h.id === id);
    if (host) return { kind: 'host', label: id, detail: host.role, title: host.name ?? id, site: host.site };
    const device = scenario.devices.find((d) => d.id === id);
    return { kind: 'device', label: id, detail: device?.kind ?? '', title: device?.name ?? id, site: device?.site ?? '' };
  };
}

/** Cuts a label to what fits in a node box (about 6 px per 11 px character). */
function fit(text: string, px: number): string {
  const max = Math.floor(px / 6);
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function siteSvg(s: PlacedSite): string {
  const style = TRUST_STYLE[s.trust] ?? TRUST_STYLE['trusted']!;
  const dash = style.dash ? ` stroke-dasharray="${style.dash}"` : '';
  return `<g><rect x="${fmt(s.x)}" y="${fmt(s.y)}" width="${fmt(s.w)}" height="${fmt(s.h)}" rx="8" fill="${style.fill}" stroke="#7a8599" stroke-width="1.5"${dash}/><text x="${fmt(s.x + 10)}" y="${fmt(s.y + s.h - 20)}" font-size="11" font-weight="bold" fill="#1d2330">${escapeXml(s.label)}</text><text x="${fmt(s.x + 10)}" y="${fmt(s.y + s.h - 7)}" font-size="10" fill="#4a5568">${escapeXml(s.detail)}</text></g>`;
}

function nodeShape(n: PlacedNode): string {
  const x = n.x - SIZE.nodeW / 2;
  const y = n.y - SIZE.nodeH / 2;
  const box = (rx: number, fill: string, extra = ''): string =>
    `<rect x="${fmt(x)}" y="${fmt(y)}" width="${SIZE.nodeW}" height="${SIZE.nodeH}" rx="${rx}" fill="${fill}" stroke="#4a5568" stroke-width="1.2"${extra}/>`;
  if (n.kind === 'more') return box(4, '#ffffff', ' stroke-dasharray="3 3"');
  if (n.kind === 'device' && n.detail === 'carrier')
    return `<ellipse cx="${fmt(n.x)}" cy="${fmt(n.y)}" rx="${SIZE.nodeW / 2}" ry="${SIZE.nodeH / 2 + 2}" fill="#eceff4" stroke="#4a5568" stroke-width="1.5" stroke-dasharray="2 3"/>`;
  if (n.kind === 'device') return box(12, '#e3e8f0');
  return box(4, '#ffffff', n.detail === 'external' ? ' stroke-dasharray="4 3"' : '');
}

function nodeSvg(n: PlacedNode): string {
  const title = n.title && n.title !== n.label ? `<title>${escapeXml(n.title)}</title>` : '';
  return `<g>${title}${nodeShape(n)}<text x="${fmt(n.x)}" y="${fmt(n.y - 2)}" text-anchor="middle" font-size="11" font-weight="bold" fill="#1d2330">${escapeXml(fit(n.label, SIZE.nodeW - 6))}</text><text x="${fmt(n.x)}" y="${fmt(n.y + 11)}" text-anchor="middle" font-size="9" fill="#4a5568">${escapeXml(n.detail)}</text></g>`;
}

function linkSvg(l: PlacedLink): string {
  const dash = STATUS_DASH[l.status] ? ` stroke-dasharray="${STATUS_DASH[l.status]}"` : '';
  const macsec = l.macsec ? (l.macsec === 'encrypt' ? ' · MACsec' : ' · MACsec integrity') : '';
  const label = `${STATUS_GLYPH[l.status]} ${l.id}${macsec}`;
  return (
    `<g><title>${escapeXml(`${l.id}: ${STATUS_WORDS[l.status]}${macsec}`)}</title>` +
    `<path d="${l.d}" fill="none" stroke="#ffffff" stroke-width="${STATUS_WIDTH[l.status] + 3}"/>` +
    `<path d="${l.d}" fill="none" stroke="${STATUS_COLOR[l.status]}" stroke-width="${STATUS_WIDTH[l.status]}"${dash}/>` +
    `<text x="${fmt(l.labelX)}" y="${fmt(l.labelY)}" text-anchor="middle" font-size="9.5" fill="#1d2330" stroke="#ffffff" stroke-width="3" paint-order="stroke">${escapeXml(label)}</text></g>`
  );
}

function legendItem(s: LinkStatusValue, x: number, y: number): string {
  const dash = STATUS_DASH[s] ? ` stroke-dasharray="${STATUS_DASH[s]}"` : '';
  return `<line x1="${x}" y1="${y}" x2="${x + 40}" y2="${y}" stroke="${STATUS_COLOR[s]}" stroke-width="${STATUS_WIDTH[s]}"${dash}/><text x="${x + 48}" y="${y + 4}" font-size="11" fill="#1d2330">${STATUS_GLYPH[s]} ${STATUS_WORDS[s]}</text>`;
}

function legendSvg(y: number, hiddenLinks: number): string {
  let x = 12;
  const items = (['plaintext', 'headers', 'encrypted', 'idle'] as const).map((s) => {
    const start = x;
    // About 6 px per 11 px character, plus the sample line and a gap.
    x += 48 + (STATUS_WORDS[s].length + 2) * 6 + 24;
    return legendItem(s, start, y);
  });
  const note = hiddenLinks > 0 ? ` · ${hiddenLinks} links of collapsed hosts not drawn` : '';
  const trust = `<text x="12" y="${y + 26}" font-size="10.5" fill="#4a5568">Site frames: solid = trusted, dashed = shared, dotted = untrusted. Arcs above the sites are links between sites.${note}</text>`;
  return `<g>${items.join('')}${trust}</g>`;
}

/** Renders the scenario's topology with links coloured and patterned by status, as a standalone SVG. */
export function renderTopologySvg(scenario: Scenario, links: readonly LinkStatus[]): string {
  const statuses = new Map(links.map((l) => [l.id, l.status]));
  const layout = layoutTopology(scenario, statuses, describeNode(scenario));
  const width = Math.max(layout.width, 1010);
  const height = layout.height + LEGEND_HEIGHT;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${fmt(width)} ${fmt(height)}" width="${fmt(width)}" height="${fmt(height)}" font-family="${escapeXml(FONT)}" role="img" aria-labelledby="topology-title">`,
    `<title id="topology-title">${escapeXml(`Topology of ${scenario.name}: links by status`)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    ...layout.sites.map(siteSvg),
    ...layout.links.map(linkSvg),
    ...layout.nodes.map(nodeSvg),
    legendSvg(layout.height + 22, layout.hiddenLinks),
    '</svg>',
    '',
  ].join('\n');
}
