/**
 * Importing a real deployment (issue 6): status-command outputs from several hosts — one file
 * per host or any mix — become one scenario, the problems with the inputs, the inconsistencies
 * between hosts, and a summary of what the user still has to add. Pure: the caller reads files.
 */
import { buildScenario } from './merge/build-scenario.ts';
import type { DecidedPair } from './merge/build-overlays.ts';
import { decideIpsec } from './merge/decide-ipsec.ts';
import { evaluateEnd } from './merge/end-ipsec.ts';
import { dedupeGaps, findSaGaps, tunnelGap, type SaGap } from './merge/find-sa-gaps.ts';
import { findOvnIpsecNotApplied, findSharedPsks, type EvaluatedEnd } from './merge/find-deployment-issues.ts';
import { buildHostRegistry } from './merge/host-registry.ts';
import { pairTunnels, type TunnelPair } from './merge/pair-tunnels.ts';
import { summarizeImport } from './merge/summarize-import.ts';
import { collectTunnelEnds, type TunnelEnd } from './merge/tunnel-ends.ts';
import type { InputFile } from './input-file.ts';
import { readInputFile } from './read-input-file.ts';
import type { ImportFinding, ImportResult } from './types.ts';

/** Options of an import. */
export interface ImportOptions {
  /** Scenario name; defaults to "Imported deployment". */
  name?: string;
}

/** One end per host: a host with two interfaces to the same peer is judged by the first. */
function endsPerHost(ends: readonly TunnelEnd[]): TunnelEnd[] {
  return ends.filter((end, i) => ends.findIndex((e) => e.host === end.host) === i);
}

function evaluatePairs(
  pairs: readonly TunnelPair[],
  inputs: readonly InputFile[],
): { pair: TunnelPair; ends: EvaluatedEnd[] }[] {
  const byFile = new Map(inputs.map((i) => [i.file, i]));
  return pairs.map((pair) => ({
    pair,
    ends: endsPerHost(pair.ends).map((end) => ({ end, ipsec: evaluateEnd(end, byFile.get(end.file)!) })),
  }));
}

const byIdThenSubjects = (a: ImportFinding, b: ImportFinding): number =>
  compare(a.id, b.id) || compare(a.subjects.join(','), b.subjects.join(',')) || compare(a.message, b.message);

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The scenario's description: where it came from and the user's to-do list (Markdown). */
function describeImport(fileCount: number, missing: readonly string[]): string {
  return [
    `Imported by \`plainsight import\` from ${fileCount} file(s) of status-command outputs.`,
    '',
    'Still to add or check:',
    '',
    ...missing.map((m) => `- ${m}`),
  ].join('\n');
}

/** Imports the outputs in `files`; each file's formats are recognised by content, never by name. */
export function importDeployment(
  files: readonly { name: string; text: string }[],
  options: ImportOptions = {},
): ImportResult {
  const inputs = files.map(readInputFile);
  const registry = buildHostRegistry(inputs);
  const { ends, diagnostics } = collectTunnelEnds(registry, inputs);
  const { pairs, findings } = pairTunnels(registry, ends);
  const ovnIpsec = inputs.map((i) => i.nbIpsec).find((v) => v !== undefined);
  const evaluated = evaluatePairs(pairs, inputs);
  const decided: DecidedPair[] = evaluated.map(({ pair, ends: e }) => ({
    pair,
    decision: decideIpsec(
      pair,
      e.map((x) => x.ipsec),
      ovnIpsec,
    ),
  }));
  const gaps: SaGap[] = inputs.flatMap((input) => {
    const host = registry.byFile.get(input.file);
    return host ? findSaGaps(host, input) : [];
  });
  for (const { ends: e } of evaluated)
    for (const x of e) gaps.push(...[tunnelGap(x.end, x.ipsec)].filter((g): g is SaGap => g !== undefined));
  findings.push(
    ...decided.flatMap((d) => d.decision.findings),
    ...dedupeGaps(gaps),
    ...findSharedPsks(evaluated.flatMap((p) => p.ends)),
    ...findOvnIpsecNotApplied(evaluated, ovnIpsec),
  );
  const scenario = buildScenario(options.name ?? 'Imported deployment', registry, inputs, decided);
  const summary = summarizeImport(scenario, inputs, decided, ovnIpsec);
  scenario.description = describeImport(files.length, summary.missing);
  return {
    scenario,
    diagnostics: [...inputs.flatMap((i) => i.diagnostics), ...registry.diagnostics, ...diagnostics].sort(
      (a, b) => compare(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0),
    ),
    findings: findings.sort(byIdThenSubjects),
    summary,
    sources: inputs.map((i) => ({
      file: i.file,
      formats: i.formats,
      ...(registry.byFile.get(i.file) ? { host: registry.byFile.get(i.file)!.id } : {}),
    })),
  };
}
