/**
 * Compares two analyses by id: which links became plaintext or encrypted (SPEC X8), which
 * exposures rose or fell per attacker (X6, X7), which findings and requirement results changed,
 * and how the throughput figures moved (T2, T6, T7). Pure; every list sorted by id.
 */
import { formatGbps } from '../format/labels.ts';
import { compareIds } from '../../engine/compare-ids.ts';
import type { Analysis, ExposureHead, Finding, LinkStatusValue } from '../../engine/types.ts';
import { exposureHeads } from '../../engine/exposure/exposure-table.ts';
import { LEVEL_ORDER } from '../summarize-report.ts';
import type { Direction, ExposureChange, FindingChange, FindingRef, FlowChange, FlowFigures, HostLoadChange, LinkChange, RequirementChange, ScenarioDiff } from './diff-types.ts';
import { byId } from '../format/report-queries.ts';
import { exposureLookup } from '../../engine/exposure/exposure-lookup.ts';
import { rowsArray } from '../../engine/row-list.ts';

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

function exposureDirection(x: ExposureHead, y: ExposureHead): Direction {
  const level = LEVEL_ORDER.indexOf(y.level) - LEVEL_ORDER.indexOf(x.level);
  const tamper = Number(y.tamper) - Number(x.tamper);
  if (level >= 0 && tamper >= 0) return 'worse';
  if (level <= 0 && tamper <= 0) return 'better';
  return 'changed';
}

function diffExposures(before: Analysis, after: Analysis): ExposureChange[] {
  // Pairs are looked up, not keyed: a 1,000-host region has 500,000 on each side, and a string key
  // and a map entry per pair and side ran the diff of two such regions out of memory.
  // Levels and tamper bits alone: a table's pairs without their vantages and reasons.
  const was = exposureHeads(before.exposures);
  const now = exposureHeads(after.exposures);
  const inBefore = exposureLookup(was);
  const inAfter = exposureLookup(now);
  const state = (e: ExposureHead | undefined): ExposureChange['before'] => (e ? { level: e.level, tamper: e.tamper } : null);
  const changes: ExposureChange[] = [];
  const change = (x: ExposureHead | undefined, y: ExposureHead | undefined, pair: ExposureHead): void => {
    if (x && y && x.level === y.level && x.tamper === y.tamper) return;
    // A pair on one side only matters when someone sees something there.
    if (!x && y?.level === 'none') return;
    if (x?.level === 'none' && !y) return;
    const dir: Direction = !x ? 'added' : !y ? 'removed' : exposureDirection(x, y);
    changes.push({ flow: pair.flow, attacker: pair.attacker, before: state(x), after: state(y), direction: dir });
  };
  for (const x of was) change(x, inAfter(x.flow, x.attacker), x);
  for (const y of now) if (!inBefore(y.flow, y.attacker)) change(undefined, y, y);
  // By flow, then attacker (code units), as the pairs' keys sorted.
  return changes.sort((p, q) => compareIds(p.flow, q.flow) || compareIds(p.attacker, q.attacker));
}

function findingRef(f: Finding): FindingRef {
  return { rule: f.rule, severity: f.severity, subjects: f.subjects, message: f.message };
}

/** Whether every id of `a` is in `b` (a set of `b` when it is long: a busy link's flows). */
function isSubset(a: readonly string[], b: readonly string[]): boolean {
  if (a.length > b.length) return false;
  if (b.length <= 16) return a.every((x) => b.includes(x));
  const set = new Set(b);
  return a.every((x) => set.has(x));
}

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
  const fresh = keys.filter((k) => !b.has(k)).map((k) => a.get(k)!);
  // Candidates share a subject with the removed finding (one's subjects contain the other's); a
  // busy link's finding lists thousands of flows, so they are found through their subjects.
  const bySubject = new Map<string, number[]>();
  fresh.forEach((y, i) => {
    for (const subject of y.subjects) {
      const k = `${y.rule}\u0000${subject}`;
      const list = bySubject.get(k);
      if (list) list.push(i);
      else bySubject.set(k, [i]);
    }
  });
  const taken = new Array<boolean>(fresh.length).fill(false);
  const removed: Finding[] = [];
  for (const k of keys.filter((k) => !a.has(k))) {
    const x = b.get(k)!;
    const candidates = new Set<number>();
    for (const subject of x.subjects) for (const i of bySubject.get(`${x.rule}\u0000${subject}`) ?? []) if (!taken[i]) candidates.add(i);
    // The first match in the added list, as a scan of it would find.
    const i = [...candidates].sort((p, q) => p - q).find((j) => isSubset(x.subjects, fresh[j]!.subjects) || isSubset(fresh[j]!.subjects, x.subjects));
    if (i === undefined) removed.push(x);
    else {
      taken[i] = true;
      changed.push({ before: findingRef(x), after: findingRef(fresh[i]!) });
    }
  }
  const added = fresh.filter((_, i) => !taken[i]);
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
  const f = byId(rowsArray(analysis.flows), flow);
  return f ? { maxGbps: f.maxGbps ?? null, bottleneck: f.bottleneck ?? null, innerMtu: f.innerMtu, overheadBytes: f.overheadBytes } : null;
}

/** Figures compared as printed (three significant digits), so float noise is no change. */
function sameFigures(x: FlowFigures, y: FlowFigures): boolean {
  const gbps = (v: number | null): string => (v === null ? '-' : formatGbps(v));
  return gbps(x.maxGbps) === gbps(y.maxGbps) && x.bottleneck === y.bottleneck && x.innerMtu === y.innerMtu && x.overheadBytes === y.overheadBytes;
}

function diffFlows(before: Analysis, after: Analysis): FlowChange[] {
  return keysOf(rowsArray(before.flows), rowsArray(after.flows), (f) => f.id).flatMap((flow): FlowChange[] => {
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
