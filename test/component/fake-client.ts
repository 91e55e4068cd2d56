/**
 * An in-thread stand-in for the worker client (jsdom has no Worker): returns a fixed result, or
 * diagnostics for text that contains `BROKEN`.
 */
import type { AnalysisClient, AnalyzeRequest, AnalyzeResult } from '../../src/app/analysis-client.ts';
import type { FlowTrace } from '../../src/engine/types.ts';
import { analysis, model } from './fixtures/two-hosts.ts';

export function createFakeClient(): { client: AnalysisClient; requests: AnalyzeRequest[] } {
  const requests: AnalyzeRequest[] = [];
  const fake = {
    async analyze(req: AnalyzeRequest): Promise<AnalyzeResult> {
      requests.push(req);
      if (req.text?.includes('BROKEN'))
        return { diagnostics: [{ code: 'link_unknown_endpoint', severity: 'error', message: 'link l1 ends at unknown host ghost', path: ['links', 0, 'between', 1], line: 3, column: 24 }] };
      return { diagnostics: [], model, analysis };
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
    async validate() {
      return { diagnostics: [] };
    },
    call() {
      return Promise.reject(new Error('not available'));
    },
    dispose() {},
  };
  return { client: fake as unknown as AnalysisClient, requests };
}
