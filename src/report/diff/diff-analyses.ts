/**
 * Compares two analyses by id: which links became plaintext or encrypted (SPEC X8), which
 * exposures rose or fell per attacker (X6, X7), which findings and requirement results changed,
 * and how the throughput figures moved (T2, T6, T7). Pure; every list sorted by id.
 */
import { formatGbps } from '../format/labels.ts';
import { compareIds } from '../../engine/compare-ids.ts';
import type { Analysis, Exposure, Finding, LinkStatusValue } from '../../engine/types.ts';
import { LEVEL_ORDER } from '../summarize-report.ts';
import type { Direction, ExposureChange, FindingChange, FindingRef, FlowChange, FlowFigures, HostLoadChange, LinkChange, RequirementChange, ScenarioDiff } from './diff-types.ts';
import { byId } from '../format/report-queries.ts';

/** Idle and encrypted links expose nothing; headers expose less than plaintext (SPEC X8). */
const LINK_RANK: Record<LinkStatusValue, number> = { idle: 0, encrypted: 0, headers: 1, plaintext: 2 };

function direction(before: number, after: number): Direction {
  return after > before ? 'worse' : after < before ? 'better' : 'changed';
}

function keysOf<T>(a: readonly T[], b: readonly T[], key: (x: T) => string): string[] {
  return [...new Set([...a.map(key), ...b.map(key)])].sort(compareIds);
}

function diffLinks(before: Analysis, after: Analysis): LinkChange[] {
  const b = new Map(before.links.map((l) => [l.id, l.status]));
  const a = new Map(after.links.map((l) => [l.id, l.status]));
  return keysOf(before.links, after.links, (l) => l.id).flatMap((link): LinkChange[] => {
    const [x, y] = [b.get(link) ?? null, a.get(link) ?? null];
    if (x === y) return [];
    const dir: Direction = x === null ? 'added' : y === null ? 'removed' : direction(LINK_RANK[x], LINK_RANK[y]);
    return [{ link, before: x, after: y, direction: dir }];
  });
}

function exposureDirection(x: Exposure, y: Exposure): Direction {
  const level = LEVEL_ORDER.indexOf(y.level) - LEVEL_ORDER.indexOf(x.level);
  const tamper = Number(y.tamper) - Number(x.tamper);
  if (level >= 0 && tamper >= 0) return 'worse';
  if (level <= 0 && tamper <= 0) return 'better';
  return 'changed';
}

function diffExposures(before: Analysis, after: Analysis): ExposureChange[] {
  const key = (e: Exposure): string => `${e.flow}\u0000${e.attacker}`;
  const b = new Map(before.exposures.map((e) => [key(e), e]));
  const a = new Map(after.exposures.map((e) => [key(e), e]));
  return keysOf(before.exposures, after.exposures, key).flatMap((k): ExposureChange[] => {
    const [x, y] = [b.get(k), a.get(k)];
    const state = (e: Exposure | undefined): ExposureChange['before'] => (e ? { level: e.level, tamper: e.tamper } : null);
    const [flow = '', attacker = ''] = k.split('\u0000');
    if (x && y && x.level === y.level && x.tamper === y.tamper) return [];
    // A pair on one side only matters when someone sees something there.
    if (!x && y?.level === 'none') return [];
    if (x?.level === 'none' && !y) return [];
    const dir: Direction = !x ? 'added' : !y ? 'removed' : exposureDirection(x, y);
    return [{ flow, attacker, before: state(x), after: state(y), direction: dir }];
  });
}

function findingRef(f: Finding): FindingRef {
  return { rule: f.rule, severity: f.severity, subjects: f.subjects, message: f.message };
}

const isSubset = (a: readonly string[], b: readonly string[]): boolean => a.every((x) => b.includes(x));

/**
 * Findings match by rule and subjects. A rule that lists the flows behind its subject (a link
 * carrying plaintext) gains or loses subjects when flows change: a removed and an added finding of
 * the same rule whose subjects contain one another are one finding that changed.
 */
function diffFindings(before: Analysis, after: Analysis): Pick<ScenarioDiff, 'findingsAdded' | 'findingsRemoved' | 'findingsChanged'> {
  const key = (f: Finding): string => `${f.rule}\u0000${f.subjects.join(',')}`;
  const b = new Map(before.findings.map((f) => [key(f), f]));
  const a = new Map(after.findings.map((f) => [key(f), f]));
  const keys = keysOf(before.findings, after.findings, key);
  const changed: FindingChange[] = keys
    .map((k) => [b.get(k), a.get(k)] as const)
    .filter(([x, y]) => x && y && (x.message !== y.message || x.severity !== y.severity))
    .map(([x, y]) => ({ before: findingRef(x!), after: findingRef(y!) }));
  const added = keys.filter((k) => !b.has(k)).map((k) => a.get(k)!);
  const removed: Finding[] = [];
  for (const k of keys.filter((k) => !a.has(k))) {
    const x = b.get(k)!;
    const i = added.findIndex((y) => y.rule === x.rule && (isSubset(x.subjects, y.subjects) || isSubset(y.subjects, x.subjects)));
    if (i < 0) removed.push(x);
    else changed.push({ before: findingRef(x), after: findingRef(added.splice(i, 1)[0]!) });
  }
  const order = (p: FindingChange, q: FindingChange): number => compareIds(key(p.after as Finding), key(q.after as Finding));
  return { findingsAdded: added.map(findingRef), findingsRemoved: removed.map(findingRef), findingsChanged: changed.sort(order) };
}

function diffRequirements(before: Analysis, after: Analysis): RequirementChange[] {
  const b = new Map(before.requirements.map((r) => [r.id, r.pass]));
  const a = new Map(after.requirements.map((r) => [r.id, r.pass]));
  return keysOf(before.requirements, after.requirements, (r) => r.id).flatMap((id): RequirementChange[] => {
    const [x, y] = [b.get(id) ?? null, a.get(id) ?? null];
    if (x === y) return [];
    const dir: Direction = x === null ? 'added' : y === null ? 'removed' : y ? 'better' : 'worse';
    return [{ id, before: x, after: y, direction: dir }];
  });
}

function figures(analysis: Analysis, flow: string): FlowFigures | null {
  const f = byId(analysis.flows, flow);
  return f ? { maxGbps: f.maxGbps ?? null, bottleneck: f.bottleneck ?? null, innerMtu: f.innerMtu, overheadBytes: f.overheadBytes } : null;
}

/** Figures compared as printed (three significant digits), so float noise is no change. */
function sameFigures(x: FlowFigures, y: FlowFigures): boolean {
  const gbps = (v: number | null): string => (v === null ? '-' : formatGbps(v));
  return gbps(x.maxGbps) === gbps(y.maxGbps) && x.bottleneck === y.bottleneck && x.innerMtu === y.innerMtu && x.overheadBytes === y.overheadBytes;
}

function diffFlows(before: Analysis, after: Analysis): FlowChange[] {
  return keysOf(before.flows, after.flows, (f) => f.id).flatMap((flow): FlowChange[] => {
    const [x, y] = [figures(before, flow), figures(after, flow)];
    return x && y && sameFigures(x, y) ? [] : [{ flow, before: x, after: y }];
  });
}

function diffHosts(before: Analysis, after: Analysis): HostLoadChange[] {
  const b = new Map(before.throughput.hosts.map((h) => [h.host, h]));
  const a = new Map(after.throughput.hosts.map((h) => [h.host, h]));
  return keysOf(before.throughput.hosts, after.throughput.hosts, (h) => h.host).flatMap((host): HostLoadChange[] => {
    const [x, y] = [b.get(host), a.get(host)];
    const cores = (h: typeof x): string => (h ? h.cryptoCoresUsed.toFixed(2) : '-');
    if (cores(x) === cores(y) && x?.saturated === y?.saturated) return [];
    return [{ host, beforeCores: x?.cryptoCoresUsed ?? null, afterCores: y?.cryptoCoresUsed ?? null, beforeSaturated: x?.saturated ?? false, afterSaturated: y?.saturated ?? false }];
  });
}

/** Everything that changed from `before` to `after`. */
export function diffAnalyses(before: Analysis, after: Analysis): ScenarioDiff {
  const links = diffLinks(before, after);
  const exposures = diffExposures(before, after);
  const requirements = diffRequirements(before, after);
  const count = (dir: Direction): number => [...links, ...exposures, ...requirements].filter((c) => c.direction === dir).length;
  return {
    links,
    exposures,
    ...diffFindings(before, after),
    requirements,
    flows: diffFlows(before, after),
    hosts: diffHosts(before, after),
    regressions: count('worse'),
    improvements: count('better'),
  };
}
