/**
 * The JSON report: the machine-readable result of SPEC §4 with the protection comparison of T8,
 * byte for byte what `plainsight analyze --format json --compare` prints.
 */
import { formatJson, formatJsonPieces } from './format/format-json.ts';
import { gathered } from '../model/long-lists.ts';
import type { ReportModel } from './types.ts';

/** Serialises the analysis and the comparison as sorted, two-space-indented JSON. */
export function renderJsonReport(report: ReportModel): string {
  return formatJson({ ...report.analysis, comparison: report.comparison });
}

/** `renderJsonReport` in pieces made as they are asked for (joined, the same text): a 5,000-host region's is over a gigabyte. */
export function jsonReportPieces(report: ReportModel): Iterable<string> {
  return gathered(formatJsonPieces({ ...report.analysis, comparison: report.comparison }));
}
