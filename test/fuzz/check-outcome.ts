/**
 * What "never throws, always yields diagnostics or a result" means, checked on every fuzz case:
 * a parse result has a model exactly when it has no error diagnostic (SPEC §1.2: an invalid file
 * is never analysed half-way), every diagnostic is well-formed, the result is plain data, and a
 * model that comes out is one the engine analyses without throwing (SPEC §4 shape).
 */
import { analyzeScenario } from '../../src/engine/analyze-scenario.ts';
import type { ParseResult, Scenario } from '../../src/model/types.ts';

const CODE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

function fail(message: string): never {
  throw new Error(message);
}

function isPositiveInteger(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1;
}

/** Checks a parse or validation result; `positions` demands line and column on every diagnostic (SPEC §1.2: of text input). */
export function checkParseResult(result: ParseResult, options: { positions: boolean }): void {
  if (!Array.isArray(result.diagnostics)) fail('no diagnostics array');
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (result.model === undefined && errors.length === 0) fail('neither a model nor an error diagnostic');
  if (result.model !== undefined && errors.length > 0) fail(`a model despite ${errors.length} error(s): ${errors[0]!.code}`);
  for (const d of result.diagnostics) {
    const where = `diagnostic ${JSON.stringify(d.code)}`;
    if (typeof d.code !== 'string' || !CODE.test(d.code)) fail(`${where}: code is not snake_case`);
    if (d.severity !== 'error' && d.severity !== 'warning') fail(`${where}: severity ${String(d.severity)}`);
    if (typeof d.message !== 'string' || d.message.trim() === '') fail(`${where}: empty message`);
    if (!Array.isArray(d.path) || !d.path.every((p) => typeof p === 'string' || (typeof p === 'number' && Number.isInteger(p) && p >= 0))) fail(`${where}: bad path`);
    if (d.line !== undefined && !isPositiveInteger(d.line)) fail(`${where}: line ${d.line}`);
    if (d.column !== undefined && !isPositiveInteger(d.column)) fail(`${where}: column ${d.column}`);
    if (options.positions && (d.line === undefined || d.column === undefined)) fail(`${where}: no line/column`);
  }
  // Plain data: it crosses worker boundaries (STYLE) and a cycle would make this throw.
  JSON.stringify(result);
  if (result.model) checkAnalysable(result.model);
}

/** Analyses a model and checks the one-entry-per-flow-×-attacker shape of SPEC §4. */
export function checkAnalysable(model: Scenario): void {
  const analysis = analyzeScenario(model);
  const expected = model.flows.length * model.attackers.length;
  if (analysis.exposures.length !== expected) fail(`${analysis.exposures.length} exposures for ${expected} flow × attacker pairs`);
  JSON.stringify(analysis);
}
