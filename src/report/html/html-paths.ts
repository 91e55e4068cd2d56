/**
 * Per-flow path diagrams of the HTML report: the path (SPEC X1) and, for each run of links with
 * the same stack, the header stack outermost first (X2) — protection layers filled, everything
 * they cover tinted, and the flow's own headers and payload marked where nothing covers them.
 */
import { flowSummary } from '../format/report-queries.ts';
import type { Layer } from '../../engine/types.ts';
import type { PathDiagram, ReportModel, StackSegment } from '../types.ts';
import { code, codes, esc } from './html-parts.ts';

function layerClass(layer: Layer, i: number, guard: number): string {
  if (guard >= 0 && i > guard) return 'covered';
  if (i === guard) return 'guard';
  if (layer.protection) return 'weak';
  if (!layer.own) return '';
  return guard < 0 ? 'exposed' : 'own-headers';
}

function stackHtml(stack: readonly Layer[]): string {
  const guard = stack.findIndex((l) => l.protection?.confidential === true);
  const chips = stack.map((layer, i) => {
    const bytes = layer.headerBytes + (layer.trailerBytes ?? 0);
    const title = layer.protection
      ? `${layer.protection.kind} ${layer.protection.id}: ${layer.protection.confidential ? 'encrypts' : 'integrity only'} everything to its right`
      : `${bytes} bytes`;
    const cls = layerClass(layer, i, guard);
    return `<span class="layer${cls ? ` ${cls}` : ''}" title="${esc(title)}">${esc(layer.label)}</span>`;
  });
  return `<div class="stack">${chips.join('<span class="note">›</span>')}</div>`;
}

function segmentHtml(segment: StackSegment): string {
  const verdict = segment.payloadPlaintext ? '<strong>payload in plaintext</strong>' : 'payload encrypted';
  const n = segment.links.length;
  return `<div class="segment"><div class="segment-head">On ${codes(segment.links)} (${n} link${n === 1 ? '' : 's'}): ${verdict}</div>${stackHtml(segment.stack)}</div>`;
}

function pathHtml(path: readonly string[]): string {
  return path
    .map((el) => {
      const [kind, id] = [el.slice(0, el.indexOf(':')), el.slice(el.indexOf(':') + 1)];
      return kind === 'link' ? `<span class="link">─${esc(id)}─</span>` : `<span class="node">${esc(id)}</span>`;
    })
    .join(' ');
}

function diagramHtml(report: ReportModel, d: PathDiagram): string {
  const head = `<h3>${code(d.flow)} <span class="note">${esc(flowSummary(report, d.flow))}</span></h3>`;
  if (d.unreachable !== undefined || d.path.length === 0)
    return `<div class="flow">${head}<p>No path: ${esc(d.unreachable ?? 'unreachable')} (SPEC X1).</p></div>`;
  if (d.local) return `<div class="flow">${head}<p>Never leaves host ${code(d.path[0]?.slice(5) ?? '')}: no link carries it (SPEC X1).</p></div>`;
  return `<div class="flow">${head}<p class="path">${pathHtml(d.path)}</p>${d.segments.map(segmentHtml).join('')}</div>`;
}

/** The flows' diagrams (the first `MAX_DIAGRAMS`, the rest by id), with the legend of the layer styles. */
export function htmlPaths(report: ReportModel): string {
  const shown = report.paths;
  const rest = report.pathsNotDrawn;
  const more = rest.length ? `<p class="note">${rest.length} more flows are not drawn: ${codes(rest)}.</p>` : '';
  const legend = `<p class="note">Stacks read outermost first, as on the wire (SPEC X2); consecutive links with the same stack are shown once. <span class="layer guard">encryption</span> encrypts everything to its right, <span class="layer covered">covered</span>; <span class="layer weak">integrity only</span> hides nothing (X3); <span class="layer exposed">readable</span> the flow's own headers and payload with nothing around them; <span class="layer own-headers">headers</span> readable above TLS.</p>`;
  return `${legend}\n${shown.map((d) => diagramHtml(report, d)).join('\n')}${more}`;
}
