/**
 * `plainsight analyze <file>`: parse, analyse, render, and exit 0/1 on the requirements (SPEC §4).
 */
import { resolve } from 'node:path';
import { analyzeScenario } from '../../engine/analyze-scenario.ts';
import { rules } from '../../engine/exposure/rules/index.ts';
import { compareProtections, type Comparison } from '../../engine/throughput/compare-protections.ts';
import { startComparison } from '../compare-in-worker.ts';
import { explainFlowEstimates } from '../../engine/throughput/explain-flows.ts';
import { applyCpuCalibrations } from '../calibrate-hosts.ts';
import { formatComparisonText } from '../../report/format/format-comparison.ts';
import type { Scenario } from '../../model/types.ts';
import type { Analysis } from '../../engine/types.ts';
import { EXIT, UsageError, type CliIo } from '../cli-io.ts';
import { gathered } from '../../model/long-lists.ts';
import { formatJsonPieces } from '../../report/format/format-json.ts';
import { formatTextPieces } from '../../report/format/format-text.ts';
import { DEFAULT_WIDTH, type RuleInfo } from '../../report/format/report.ts';
import { loadScenario } from '../load-scenario.ts';
import type { OutputFormat } from '../parse-args.ts';

/** Options of one `analyze` run. */
export interface AnalyzeRequest {
  file: string;
  format: OutputFormat;
  out?: string;
  attackers: string[];
  compare?: boolean;
  cpuCalibrations?: string[];
  /** Date line of html/md/pdf reports (`YYYY-MM-DD`). */
  date?: string;
  /** Invoked as `plainsight report`: json output is the report's (comparison included). */
  report?: boolean;
}

/** Throws a usage error naming the unknown `--attacker` ids and the known ones. */
export function checkAttackers(model: Scenario, wanted: readonly string[]): void {
  const known = model.attackers.map((a) => a.id);
  const unknown = wanted.filter((id) => !known.includes(id));
  if (unknown.length === 0) return;
  const list =
    known.length > 0 ? `known attackers: ${known.join(', ')}` : 'the scenario defines no attackers';
  throw new UsageError(`unknown attacker ${unknown.map((id) => `'${id}'`).join(', ')} (${list})`);
}

function ruleInfo(id: string): RuleInfo | undefined {
  return rules.find((rule) => rule.id === id);
}

/** Above this many flows the text report leaves out the per-flow throughput reasons. */
const WHY_FLOW_LIMIT = 2000;

/**
 * The output in pieces (joined, the text). JSON pieces are made as they are written: a 5,000-host
 * region's is about a gigabyte, more than one string holds and more than should be held at once.
 */
function render(analysis: Analysis, scenario: Scenario, request: AnalyzeRequest, io: CliIo, comparison?: Comparison): Iterable<string> {
  if (request.format === 'json') return gathered(formatJsonPieces(comparison ? { ...analysis, comparison } : analysis));
  const toTerminal = request.out === undefined;
  const width = toTerminal ? Math.min(io.columns ?? DEFAULT_WIDTH, DEFAULT_WIDTH) : DEFAULT_WIDTH;
  // The reasons behind each estimate cost one more pass; worth it for a report a person reads.
  const throughputWhy = scenario.flows.length <= WHY_FLOW_LIMIT ? explainFlowEstimates(scenario) : undefined;
  const pieces = formatTextPieces({ analysis, scenario, ...(throughputWhy ? { throughputWhy } : {}) }, { color: toTerminal && io.color === true, width, ruleInfo });
  if (comparison) pieces.push(`\n${formatComparisonText(comparison, width)}`);
  return pieces;
}

/** Runs `analyze` and returns its exit status. */
export async function analyzeCommand(request: AnalyzeRequest, io: CliIo): Promise<number> {
  // Documents (html, md, pdf) and everything `report` writes come from the report builders.
  if (request.report || ['html', 'md', 'pdf'].includes(request.format))
    return (await import('./report-command.ts')).reportCommand(request, io);
  const loaded = await loadScenario(request.file, io);
  if ('exit' in loaded) return loaded.exit;
  const attackers = [...new Set(request.attackers)];
  checkAttackers(loaded.model, attackers);
  const model = await applyCpuCalibrations(loaded.model, request.cpuCalibrations ?? [], io);
  // The comparison's other half is worked out in a worker thread meanwhile (compare-in-worker.ts).
  const split = request.compare ? startComparison(model) : undefined;
  // Every format lists every exposure's reasons: they are made with the analysis, while each trace is at hand.
  const analysis = analyzeScenario(model, { ...(attackers.length > 0 ? { attackers } : {}), detailsNow: 'all' });
  // Over every attacker, the analysis is the comparison's first row as it stands.
  const comparison = split ? await split.join(compareProtections(model, attackers.length > 0 ? undefined : analysis, split.rows)) : undefined;
  const output = render(analysis, model, request, io, comparison);
  if (request.out === undefined) {
    for (const text of output) io.stdout(text);
  } else {
    try {
      await io.writeFile(resolve(io.cwd ?? process.cwd(), request.out), output);
    } catch (error) {
      io.stderr(
        `plainsight: cannot write '${request.out}': ${error instanceof Error ? error.message : String(error)}\n`,
      );
      return EXIT.cantCreate;
    }
  }
  return analysis.requirements.every((r) => r.pass) ? EXIT.ok : EXIT.requirementFailed;
}
