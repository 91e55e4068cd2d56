/**
 * Cytoscape stylesheet. Link status is carried three ways — colour (Okabe–Ito palette, readable
 * with the common colour-vision deficiencies), line pattern and a glyph on the edge — so the map
 * never relies on colour alone (WCAG 2.2 SC 1.4.1).
 */
import type { Css, StylesheetJson } from 'cytoscape';

/** Okabe & Ito (2008) "Color Universal Design" palette, used for every status colour. */
export const statusColors = {
  plaintext: '#D55E00',
  headers: '#E69F00',
  encrypted: '#009E73',
  idle: '#999999',
  unknown: '#999999',
} as const;

/** Line pattern per status; the legend draws the same patterns. */
export const statusPatterns = {
  plaintext: 'dashed',
  headers: 'dotted',
  encrypted: 'solid',
  idle: 'solid',
  unknown: 'solid',
} as const;

interface Palette {
  text: string;
  site: string;
  siteBorder: string;
  host: string;
  hostBorder: string;
  device: string;
  workload: string;
  hub: string;
  overlay: string;
  protection: string;
  flow: string;
  select: string;
  vantage: string;
  /** The canvas's background (app.css `--canvas-bg`). */
  canvas: string;
}

const palettes: Record<'light' | 'dark', Palette> = {
  light: {
    text: '#1d2330',
    site: '#f2f4f8',
    siteBorder: '#9aa3b5',
    host: '#ffffff',
    hostBorder: '#4a5568',
    device: '#e3e8f0',
    workload: '#dbeafe',
    hub: '#ede9fe',
    overlay: '#7c3aed',
    protection: '#0072B2',
    flow: '#56B4E9',
    select: '#0b63ce',
    vantage: '#CC79A7',
    canvas: '#fbfcfe',
  },
  dark: {
    text: '#e6e9ef',
    site: '#1d2230',
    siteBorder: '#56607a',
    host: '#262c3b',
    hostBorder: '#a0aec0',
    device: '#2f3648',
    workload: '#1e3a5f',
    hub: '#3b2f5c',
    overlay: '#b794f4',
    protection: '#56B4E9',
    flow: '#56B4E9',
    select: '#63b3ed',
    vantage: '#f0a8d0',
    canvas: '#171b25',
  },
};

/** The stylesheet for one theme. */
export function topologyStyle(theme: 'light' | 'dark'): StylesheetJson {
  const p = palettes[theme];
  return [
    // What a large map shows beyond its picture while it is panned (see topology-view.ts): the canvas itself.
    {
      selector: 'core',
      style: { 'outside-texture-bg-color': p.canvas, 'outside-texture-bg-opacity': 1 } as Css.Core,
    },
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        color: p.text,
        'font-size': 12,
        'text-wrap': 'wrap',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'min-zoomed-font-size': 5,
        'font-family': 'Liberation Sans, DejaVu Sans, Arial, sans-serif',
      },
    },
    {
      selector: 'node.site',
      style: {
        shape: 'round-rectangle',
        'background-color': p.site,
        'border-color': p.siteBorder,
        'border-width': 1.5,
        'text-valign': 'top',
        'text-halign': 'center',
        'text-margin-y': -4,
        'font-weight': 'bold',
        padding: '18px',
      },
    },
    { selector: 'node.site.trust-shared', style: { 'border-style': 'dashed' } },
    { selector: 'node.site.trust-untrusted', style: { 'border-style': 'dotted', 'border-width': 2.5 } },
    {
      selector: 'node.host',
      style: {
        shape: 'round-rectangle',
        width: 46,
        height: 30,
        'background-color': p.host,
        'border-color': p.hostBorder,
        'border-width': 1.5,
      },
    },
    {
      selector: 'node.host.expanded:parent',
      style: { 'text-valign': 'top', 'text-margin-y': -3, padding: '8px' },
    },
    { selector: 'node.host.role-network, node.host.role-gateway', style: { shape: 'cut-rectangle' } },
    { selector: 'node.host.role-external', style: { shape: 'ellipse', 'border-style': 'dashed' } },
    { selector: 'node.host.role-controller', style: { shape: 'barrel' } },
    {
      selector: 'node.device',
      style: {
        shape: 'diamond',
        width: 34,
        height: 34,
        'background-color': p.device,
        'border-color': p.hostBorder,
        'border-width': 1.5,
      },
    },
    {
      selector: 'node.device.kind-carrier',
      style: { shape: 'ellipse', width: 60, height: 36, 'border-style': 'dotted', 'border-width': 2.5 },
    },
    {
      selector: 'node.workload',
      style: {
        shape: 'ellipse',
        width: 18,
        height: 18,
        'font-size': 10,
        'background-color': p.workload,
        'border-color': p.hostBorder,
        'border-width': 1,
      },
    },
    {
      selector: 'node.bridge',
      style: {
        shape: 'rectangle',
        width: 14,
        height: 10,
        'font-size': 8,
        'background-color': p.device,
        'border-width': 1,
        'border-color': p.hostBorder,
      },
    },
    // Summaries of collapsed racks and sites: a stack shape, the count in the label, the border in
    // the colour of the worst link they hide (the label says it in words too).
    {
      selector: 'node.rack.summary',
      style: {
        'font-size': 10,
        shape: 'round-rectangle',
        width: 54,
        height: 40,
        'background-color': p.device,
        'border-color': p.hostBorder,
        'border-width': 3,
        'border-style': 'double',
      },
    },
    {
      selector: 'node.rack.rack-open',
      style: {
        shape: 'round-rectangle',
        'background-color': p.site,
        'background-opacity': 0.5,
        'border-color': p.siteBorder,
        'border-style': 'dashed',
        'text-valign': 'top',
        'text-margin-y': -3,
        padding: '10px',
      },
    },
    {
      selector: 'node.site-summary',
      style: {
        shape: 'round-rectangle',
        width: 90,
        height: 56,
        'background-color': p.site,
        'border-color': p.siteBorder,
        'border-width': 4,
        'border-style': 'double',
        'font-weight': 'bold',
      },
    },
    ...(['plaintext', 'headers', 'encrypted'] as const).map((st) => ({
      selector: `node.summary.worst-${st}`,
      style: { 'border-color': statusColors[st] },
    })),
    {
      selector: 'node.hub',
      style: {
        shape: 'hexagon',
        width: 40,
        height: 36,
        'background-color': p.hub,
        'border-color': p.overlay,
        'border-width': 2,
        'font-size': 10,
      },
    },
    {
      selector: 'node.hub.ipsec',
      style: { 'border-style': 'double', 'border-width': 5, 'border-color': statusColors.encrypted },
    },
    {
      selector: 'node.hub.wireguard',
      style: { 'border-style': 'double', 'border-width': 5, 'border-color': p.protection },
    },
    {
      selector: 'edge',
      style: {
        width: 2,
        'curve-style': 'bezier',
        label: 'data(label)',
        'font-size': 12,
        color: p.text,
        'text-background-color': p.site,
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        'min-zoomed-font-size': 8,
      },
    },
    { selector: 'edge.link', style: { width: 3.5 } },
    ...(['plaintext', 'headers', 'encrypted', 'idle', 'unknown'] as const).map((s) => ({
      selector: `edge.status-${s}`,
      style: { 'line-color': statusColors[s], 'line-style': statusPatterns[s] },
    })),
    { selector: 'edge.status-idle, edge.status-unknown', style: { width: 1.5, opacity: 0.7 } },
    {
      selector: 'edge.link.macsec',
      style: {
        'source-arrow-shape': 'square',
        'target-arrow-shape': 'square',
        'arrow-scale': 0.6,
        'source-arrow-color': p.protection,
        'target-arrow-color': p.protection,
      },
    },
    {
      selector: 'edge.spoke',
      style: {
        width: 1.2,
        'line-color': p.overlay,
        'line-style': 'dashed',
        'line-dash-pattern': [2, 4],
        label: '',
        opacity: 0.7,
      },
    },
    {
      selector: 'edge.spoke.ipsec, edge.spoke.protection',
      style: { 'line-color': p.protection, 'line-style': 'solid' },
    },
    {
      selector: 'edge.tunnel',
      style: {
        'line-color': p.overlay,
        'line-style': 'dashed',
        'curve-style': 'unbundled-bezier',
        'font-size': 9,
      },
    },
    {
      selector: 'edge.protection',
      style: { 'line-color': p.protection, width: 2.5, 'curve-style': 'unbundled-bezier', 'font-size': 9 },
    },
    {
      selector: 'edge.flow',
      style: {
        'line-color': p.flow,
        width: 1.5,
        'target-arrow-shape': 'triangle',
        'target-arrow-color': p.flow,
        'curve-style': 'unbundled-bezier',
        'control-point-distances': [-40],
        'font-size': 9,
      },
    },
    { selector: 'edge.flow.flow-plaintext', style: { 'line-style': 'dashed' } },
    {
      selector: 'edge.flow.flow-unknown',
      style: { 'line-color': statusColors.unknown, 'target-arrow-color': statusColors.unknown, opacity: 0.7 },
    },
    { selector: 'edge.folded', style: { width: 'mapData(count, 1, 50, 3, 9)', 'font-size': 10 } },
    { selector: 'edge.flow.folded', style: { width: 2 } },
    { selector: '.layer-hidden', style: { display: 'none' } },
    { selector: '.faded', style: { opacity: 0.18 } },
    {
      selector: 'node.vantage',
      style: {
        'border-color': p.vantage,
        'border-width': 5,
        'border-style': 'double',
        'underlay-color': p.vantage,
        'underlay-opacity': 0.35,
        'underlay-padding': 6,
      },
    },
    {
      selector: 'edge.vantage',
      style: { 'underlay-color': p.vantage, 'underlay-opacity': 0.45, 'underlay-padding': 6 },
    },
    { selector: 'edge.lens-flow', style: { display: 'element', opacity: 1 } },
    {
      selector: 'edge.exposure-payload',
      style: {
        'line-color': statusColors.plaintext,
        'target-arrow-color': statusColors.plaintext,
        width: 3,
        'line-style': 'dashed',
      },
    },
    {
      selector: 'edge.exposure-headers',
      style: {
        'line-color': statusColors.headers,
        'target-arrow-color': statusColors.headers,
        width: 2.5,
        'line-style': 'dotted',
      },
    },
    {
      selector: 'edge.exposure-metadata',
      style: { 'line-color': statusColors.idle, 'target-arrow-color': statusColors.idle, width: 2 },
    },
    {
      selector: 'edge.tamper',
      style: {
        'target-arrow-shape': 'tee',
        'source-arrow-shape': 'tee',
        'source-arrow-color': statusColors.plaintext,
      },
    },
    {
      selector: '.on-path',
      style: { 'underlay-color': p.select, 'underlay-opacity': 0.35, 'underlay-padding': 5, opacity: 1 },
    },
    {
      selector: '.subject',
      style: { 'underlay-color': '#F0E442', 'underlay-opacity': 0.6, 'underlay-padding': 6, opacity: 1 },
    },
    {
      selector: '.match',
      style: { 'underlay-color': p.select, 'underlay-opacity': 0.5, 'underlay-padding': 8, opacity: 1 },
    },
    {
      selector: ':selected',
      style: { 'overlay-color': p.select, 'overlay-opacity': 0.25, 'overlay-padding': 4 },
    },
  ];
}
