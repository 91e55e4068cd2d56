/**
 * An in-thread stand-in for the worker client (jsdom has no Worker): returns a fixed result, or
 * diagnostics for text that contains `BROKEN`. With `packed`, the result is the one the real
 * client gives for a large analysis: the exposures kept packed and read by position, with the
 * worker's summary, and one more attacker that sees nothing (its pair is made when asked for).
 */
import type { AnalysisClient, AnalyzeRequest, AnalyzeResult } from '../../src/app/analysis-client.ts';
import type { Exposure, FlowTrace, Reason } from '../../src/engine/types.ts';
import { findingHead } from '../../workers/result-heads.ts';
import { createPackedRows } from '../../workers/exposure-rows.ts';
import { summarizeExposures } from '../../workers/exposure-summary.ts';
import { packExposures } from '../../workers/packed-exposures.ts';
import { analysis, model } from './fixtures/two-hosts.ts';
import { rowsArray } from '../../src/engine/row-list.ts';

/** The fixture with an attacker that sees nothing, its exposures packed as the real client keeps them. */
export function packedResult(): AnalyzeResult {
  const idle = { id: 'idle', name: 'Nowhere', at: { links: [], devices: [], hosts: [], workloads: [], sites: [] }, can: ['read' as const], knows: [] };
  const none = { flow: 'f-ab', attacker: 'idle', level: 'none' as const, tamper: false, vantages: [], reasons: [] };
  const exposures = [...analysis.exposures, none];
  const packed = packExposures(exposures, rowsArray(analysis.flows))!;
  return {
    diagnostics: [],
    model: { ...model, attackers: [...model.attackers, idle] },
    // As the worker sends a large result: the findings without their reasons (`findingReasons`).
    analysis: { ...analysis, exposures: createPackedRows(packed, rowsArray(analysis.flows)), findings: analysis.findings.map(findingHead) },
    summary: summarizeExposures(exposures),
  };
}

export function createFakeClient(options: { packed?: boolean } = {}): { client: AnalysisClient; requests: AnalyzeRequest[]; reasonsAsked: number[]; holds: { count: number } } {
  const requests: AnalyzeRequest[] = [];
  const reasonsAsked: number[] = [];
  const holds = { count: 0 };
  const fake = {
    async analyze(req: AnalyzeRequest): Promise<AnalyzeResult> {
      requests.push(req);
      if (req.text?.includes('BROKEN'))
        return { diagnostics: [{ code: 'link_unknown_endpoint', severity: 'error', message: 'link l1 ends at unknown host ghost', path: ['links', 0, 'between', 1], line: 3, column: 24 }] };
      return options.packed ? packedResult() : { diagnostics: [], model, analysis };
    },
    async traceFlow(): Promise<FlowTrace | undefined> {
      return undefined;
    },
    async explainThroughput(): Promise<string[] | undefined> {
      return undefined;
    },
    async flowDetail(): Promise<{ trace?: FlowTrace; reasons?: string[] }> {
      return {};
    },
    /** The pair as the fake's analysis lists it, with its reasons. */
    async exposureDetail(_req: AnalyzeRequest, flow: string, attacker: string): Promise<Exposure | undefined> {
      return [...analysis.exposures].find((e) => e.flow === flow && e.attacker === attacker);
    },
    /** The reasons of a finding as the fake's analysis lists it; each question is noted. */
    async findingReasons(_req: AnalyzeRequest, index: number): Promise<Reason[] | undefined> {
      reasonsAsked.push(index);
      return analysis.findings[index]?.reasons;
    },
    async validate() {
      return { diagnostics: [] };
    },
    call() {
      return Promise.reject(new Error('not available'));
    },
    prestart() {},
    dispose() {},
    /** Counted: the page says the user is busy with it. */
    holdIdleWork() {
      holds.count++;
    },
  };
  return { client: fake as unknown as AnalysisClient, requests, reasonsAsked, holds };
}
