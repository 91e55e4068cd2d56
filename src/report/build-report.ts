/**
 * Builds the report model of a scenario: the analysis of SPEC §4, the protection comparison of
 * SPEC T8, the executive summary, per-flow path diagrams, CPU assumptions and the documentation of
 * every rule that fired. Pure and deterministic: the date is an input, never read from a clock.
 */
import { analysisOf } from '../engine/analyze-scenario.ts';
import { analyzeExposure } from '../engine/exposure/analyze-exposure.ts';
import { rules } from '../engine/exposure/rules/index.ts';
import { compareProtections } from '../engine/throughput/compare-protections.ts';
import { sha256Hex } from '../import/sha256.ts';
import type { Scenario } from '../model/types.ts';
import { buildPathDiagrams } from './build-path-diagrams.ts';
import { summarizeReport } from './summarize-report.ts';
import type { CpuProfile, ReportInput, ReportModel, RuleDoc } from './types.ts';
import { rowsArray } from '../engine/row-list.ts';

/** Every host's CPU and NIC figures, in file order (SPEC §1.1 defaults already applied). */
function cpuProfiles(scenario: Scenario): CpuProfile[] {
  return scenario.hosts.map((h) => ({
    host: h.id,
    ghz: h.cpu.ghz,
    cores: h.cpu.cores,
    aes: h.cpu.aes,
    arch: h.cpu.arch,
    calibrated: Object.keys(h.cpu.calibration ?? {}).sort(),
    nicGbps: h.nic.gbps,
    nicMtu: h.nic.mtu,
    offload: [...h.nic.offload],
  }));
}

function firedRules(fired: ReadonlySet<string>): RuleDoc[] {
  return rules
    .filter((r) => fired.has(r.id))
    .map(({ id, title, severity, description, rationale, remediation, falsePositives }) => ({
      id,
      title,
      severity,
      description,
      rationale,
      remediation,
      falsePositives,
    }));
}

/** Analyses the scenario and gathers everything the HTML, Markdown and JSON reports show. */
export function buildReport(input: ReportInput): ReportModel {
  const { model } = input;
  // One run gives the analysis and the traces the path diagrams draw (tracing is most of an analysis).
  let { analysis, traces } = input.analysed ?? {};
  if (!analysis || !traces) {
    // A report lists every exposure's reasons: they are made with the analysis, while each trace is at hand.
    const run = analyzeExposure(model, { ...(input.attackers ? { attackers: input.attackers } : {}), detailsNow: 'all' });
    analysis = analysisOf(model, run);
    traces = run.traces;
  }
  return {
    title: model.name,
    source: {
      fileName: input.fileName,
      sha256: sha256Hex(input.text),
      date: input.date,
      ...(input.version !== undefined ? { version: input.version } : {}),
    },
    scenarioText: input.text,
    scenario: model,
    analysis,
    // The analysis over every attacker is the comparison's first row as it stands.
    comparison: input.comparison ?? compareProtections(model, input.attackers ? undefined : analysis, input.comparisonRows),
    summary: summarizeReport(analysis, model),
    ...buildPathDiagrams(model, traces, rowsArray(analysis.flows)),
    cpuProfiles: cpuProfiles(model),
    rules: firedRules(new Set(analysis.findings.map((f) => f.rule))),
  };
}
