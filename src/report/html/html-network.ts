/**
 * Network sections of the HTML report: the topology picture and the link status table (SPEC X8).
 */
import { byId, flowsBehind, linkEnds, linkSite } from '../format/report-queries.ts';
import { renderTopologySvg } from '../svg/render-topology-svg.ts';
import type { ReportModel } from '../types.ts';
import { code, codes, esc, statusBadge, table } from './html-parts.ts';

/** The topology picture, inline. */
export function htmlTopology(report: ReportModel): string {
  const svg = renderTopologySvg(report.scenario, report.analysis.links);
  return `<figure>${svg}<figcaption>Physical topology: sites, hosts, devices and links, each link coloured and patterned by its status (SPEC X8). Hover a box or a link for its full name.</figcaption></figure>`;
}

function macsecOf(report: ReportModel, id: string): string {
  const m = byId(report.scenario.links, id)?.macsec;
  if (!m) return '–';
  return m.encrypt ? esc(`encrypt, ${m.cipher}`) : 'integrity only';
}

/** Link status table: ends, site, medium, rate, MTU, MACsec, status and the flows behind it. */
export function htmlLinks(report: ReportModel): string {
  if (report.analysis.links.length === 0) return '<p>No links.</p>';
  const rows = report.analysis.links.map((status) => {
    const link = byId(report.scenario.links, status.id);
    return [
      code(status.id),
      esc(linkEnds(report, status.id)),
      esc(linkSite(report, status.id)),
      esc(link?.medium ?? ''),
      { html: link ? String(link.gbps) : '', className: 'num' },
      { html: link ? String(link.mtu) : '', className: 'num' },
      macsecOf(report, status.id),
      statusBadge(status.status),
      codes(flowsBehind(report, status)),
    ];
  });
  const header = ['Link', 'Ends', 'Site', 'Medium', 'Gbit/s', 'MTU', 'MACsec', 'Status', 'Flows'];
  return `${table(header, rows)}
<p class="note">Status (SPEC X8): ✗ plaintext — some flow's payload crosses the link with no confidentiality layer around it; ◐ headers — only TLS-protected flows' inner headers are readable; ✓ encrypted — every flow is inside a confidentiality layer; · idle — no flow crosses it. Flows: those readable on the link, or, for an encrypted link, every flow crossing it.</p>`;
}
