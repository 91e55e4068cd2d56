/**
 * The diff as format-neutral tables of plain text cells, so the text, Markdown and HTML renderings
 * say exactly the same thing: one table per kind of change, rows sorted by id.
 */
import { describeExposure, formatGbps, linkStatusLabel } from '../format/labels.ts';
import type { Direction, ExposureState, FlowFigures, ScenarioDiff } from './diff-types.ts';

/** One row and how it moved. */
export interface DiffRow {
  cells: string[];
  direction?: Direction;
}

/** One kind of change. */
export interface DiffTable {
  id: string;
  title: string;
  header: string[];
  rows: DiffRow[];
}

const ABSENT = '(absent)';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

const exposure = (e: ExposureState | null): string => (e ? describeExposure(e) : ABSENT);
const holds = (pass: boolean | null): string => (pass === null ? ABSENT : pass ? '✓ holds' : '✗ fails');

/** `a → b`, or `a` when both sides print the same. */
function moved<T>(before: T | undefined, after: T | undefined, show: (v: T) => string): string {
  const [x, y] = [before === undefined ? ABSENT : show(before), after === undefined ? ABSENT : show(after)];
  return x === y ? x : `${x} → ${y}`;
}

function flowCells(flow: string, x: FlowFigures | null, y: FlowFigures | null): string[] {
  const pick = <K extends keyof FlowFigures>(f: FlowFigures | null, k: K): FlowFigures[K] | undefined => (f ? f[k] : undefined);
  const nullable = (show: (v: number) => string) => (v: number | null): string => (v === null ? '-' : show(v));
  return [
    flow,
    moved(pick(x, 'maxGbps'), pick(y, 'maxGbps'), nullable(formatGbps)),
    moved(pick(x, 'bottleneck'), pick(y, 'bottleneck'), (v) => v ?? '-'),
    moved(pick(x, 'innerMtu'), pick(y, 'innerMtu'), nullable(String)),
    moved(pick(x, 'overheadBytes'), pick(y, 'overheadBytes'), nullable(String)),
  ];
}

/** Subjects listed in one cell. A busy link's finding names thousands of flows (its message counts them). */
const SUBJECTS_SHOWN = 12;

function subjectsCell(subjects: readonly string[]): string {
  if (subjects.length <= SUBJECTS_SHOWN) return subjects.join(', ');
  return `${subjects.slice(0, SUBJECTS_SHOWN).join(', ')} and ${subjects.length - SUBJECTS_SHOWN} more`;
}

function findingRows(diff: ScenarioDiff): DiffRow[] {
  const row = (mark: string, f: ScenarioDiff['findingsAdded'][number], message: string, direction: Direction): DiffRow => ({
    cells: [mark, f.severity, f.rule, subjectsCell(f.subjects), message],
    direction,
  });
  return [
    ...diff.findingsAdded.map((f) => row('+ added', f, f.message, 'added')),
    ...diff.findingsRemoved.map((f) => row('− removed', f, f.message, 'removed')),
    ...diff.findingsChanged.map((c) => row('~ changed', c.after, `${c.after.message} (was: ${c.before.message})`, 'changed')),
  ];
}

/** Every table of the diff, in reading order. */
export function diffTables(diff: ScenarioDiff): DiffTable[] {
  return [
    {
      id: 'links',
      title: 'Links whose status changed (SPEC X8)',
      header: ['Link', 'Before', 'After', 'Change'],
      rows: diff.links.map((c) => ({ cells: [c.link, c.before ? linkStatusLabel(c.before) : ABSENT, c.after ? linkStatusLabel(c.after) : ABSENT, c.direction], direction: c.direction })),
    },
    {
      id: 'exposures',
      title: 'Exposures that changed, per attacker (SPEC X6, X7)',
      header: ['Attacker', 'Flow', 'Before', 'After', 'Change'],
      rows: [...diff.exposures]
        .sort((p, q) => (p.attacker < q.attacker ? -1 : p.attacker > q.attacker ? 1 : p.flow < q.flow ? -1 : 1))
        .map((c) => ({ cells: [c.attacker, c.flow, exposure(c.before), exposure(c.after), c.direction], direction: c.direction })),
    },
    {
      id: 'requirements',
      title: 'Requirements whose result changed',
      header: ['Requirement', 'Before', 'After', 'Change'],
      rows: diff.requirements.map((c) => ({ cells: [c.id, holds(c.before), holds(c.after), c.direction], direction: c.direction })),
    },
    { id: 'findings', title: 'Findings added, removed or changed', header: ['Change', 'Severity', 'Rule', 'Subjects', 'Message'], rows: findingRows(diff) },
    {
      id: 'throughput',
      title: 'Throughput, MTU and overhead per flow (SPEC T2, T6)',
      header: ['Flow', 'Max Gbit/s', 'Bottleneck', 'Inner MTU', 'Overhead B'],
      rows: diff.flows.map((c) => ({ cells: flowCells(c.flow, c.before, c.after) })),
    },
    {
      id: 'hosts',
      title: 'Crypto cores per host at the demanded rates (SPEC T7)',
      header: ['Host', 'Crypto cores', 'Saturated'],
      rows: diff.hosts.map((c) => ({
        cells: [c.host, moved(c.beforeCores ?? undefined, c.afterCores ?? undefined, (v) => v.toFixed(2)), moved(c.beforeSaturated, c.afterSaturated, (v) => (v ? 'yes' : 'no'))],
      })),
    },
  ];
}

/** One sentence: how many changes make the posture worse or better. */
export function diffSummary(diff: ScenarioDiff): string {
  const worse = (list: readonly { direction: Direction }[]): number => list.filter((c) => c.direction === 'worse').length;
  const better = (list: readonly { direction: Direction }[]): number => list.filter((c) => c.direction === 'better').length;
  // Entries on one side only (another document's links and flows) or changed without a direction.
  const other = (list: readonly { direction: Direction }[]): string => {
    const n = list.length - worse(list) - better(list);
    return n > 0 ? `, ${n} added, removed or changed` : '';
  };
  const parts = [
    `links ${worse(diff.links)} worse, ${better(diff.links)} better${other(diff.links)}`,
    `exposures ${worse(diff.exposures)} worse, ${better(diff.exposures)} better${other(diff.exposures)}`,
    `requirements ${worse(diff.requirements)} now failing, ${better(diff.requirements)} now holding${other(diff.requirements)}`,
    `findings +${diff.findingsAdded.length} −${diff.findingsRemoved.length} ~${diff.findingsChanged.length}`,
    `throughput changed for ${plural(diff.flows.length, "flow")}, crypto load for ${plural(diff.hosts.length, "host")}`,
  ];
  const entries = diff.links.length + diff.exposures.length + diff.requirements.length;
  const verdict =
    diff.regressions > 0
      ? `${diff.regressions} changes make it worse, ${diff.improvements} better`
      : diff.improvements > 0
        ? `nothing gets worse, ${diff.improvements} changes make it better`
        : entries > 0
          ? 'nothing gets worse or better, but links, exposures or requirements were added, removed or changed'
          : 'no change to links, exposures or requirements';
  return `${verdict}: ${parts.join('; ')}.`;
}
