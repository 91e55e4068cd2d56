import { describe, expect, it } from 'vitest';
import {
  SupersededError,
  type AnalysisClient,
  type AnalyzeResult,
  type ModelUpdate,
} from '../../src/app/analysis-client.ts';
import { AnalysisState, PREVIEW_FLOWS } from '../../src/app/state/analysis-state.svelte.ts';
import type { Diagnostic, Scenario } from '../../src/model/types.ts';
import { analysis, model as small } from './fixtures/two-hosts.ts';

/** A client whose analyses finish when the test says so; the test also plays the worker's model messages. */
function controlledClient() {
  const calls: {
    text?: string;
    topologyFirst?: number;
    onModel?: (u: ModelUpdate) => void;
    resolve: (r: AnalyzeResult) => void;
    reject: (e: unknown) => void;
  }[] = [];
  const client = {
    analyze(
      req: { text?: string; topologyFirst?: number },
      _onProgress?: unknown,
      onModel?: (u: ModelUpdate) => void,
    ) {
      return new Promise<AnalyzeResult>((resolve, reject) =>
        calls.push({ text: req.text, topologyFirst: req.topologyFirst, onModel, resolve, reject }),
      );
    },
  };
  return { client: client as unknown as AnalysisClient, calls };
}

/** A scenario with enough flows to be previewed, and its topology as the worker sends it first. */
const large: Scenario = {
  ...small,
  name: 'Large',
  flows: Array.from({ length: PREVIEW_FLOWS }, (_, i) => ({ ...small.flows[0]!, id: `f${i}` })),
};
const topology: Scenario = { ...large, flows: [] };
const ahead = (m: Scenario, complete: boolean): ModelUpdate => ({
  model: m,
  complete,
  flowCount: PREVIEW_FLOWS,
});

/** Lets a finished analysis be applied (the state applies it in a task of its own). */
const settle = async () => {
  for (let i = 0; i < 3; i++) await new Promise((r) => setTimeout(r, 0));
};

/** A small file opened and analysed, then a large one opened whose topology has come ahead of it. */
async function largeOpenedAfterSmall() {
  const { client, calls } = controlledClient();
  const state = new AnalysisState(client);
  state.schedule('small', 'small.yaml', { now: true, opening: true });
  calls[0]!.resolve({ diagnostics: [], model: small, analysis });
  await settle();
  state.schedule('large', 'large.yaml', { now: true, opening: true });
  calls[1]!.onModel?.(ahead(topology, false));
  return { state, calls };
}

describe('AnalysisState: a large file is drawn before its analysis arrives', () => {
  it('opening a large file shows its topology at once, then its flows, then the analysis; nothing claims a status before', async () => {
    const { state, calls } = await largeOpenedAfterSmall();
    // The other file's analysis is gone: its statuses would be claimed for this model.
    expect([state.model, state.analysis, state.pendingFlows, state.flowCount, state.running]).toEqual([
      topology,
      undefined,
      PREVIEW_FLOWS,
      PREVIEW_FLOWS,
      true,
    ]);
    calls[1]!.onModel?.(ahead(large, true));
    expect([state.model, state.analysis, state.pendingFlows]).toEqual([large, undefined, 0]);
    calls[1]!.resolve({ diagnostics: [], model: large, analysis });
    await settle();
    expect([state.model, state.analysis, state.running, state.stale, state.completed]).toEqual([
      large,
      analysis,
      false,
      false,
      2,
    ]);
  });

  it('asks for the topology ahead of the flows when a file is opened, not for an edit', async () => {
    const { client, calls } = controlledClient();
    const state = new AnalysisState(client);
    state.schedule('large', 'large.yaml', { now: true, opening: true });
    state.schedule('large edited', 'large.yaml', { now: true });
    expect(calls.map((c) => c.topologyFirst)).toEqual([PREVIEW_FLOWS, undefined]);
  });

  it('a file opened whose topology was shown ahead but whose flows are invalid: no model, its problems listed', async () => {
    const { state, calls } = await largeOpenedAfterSmall();
    expect(state.model).toBe(topology);
    const problem: Diagnostic = {
      code: 'flow_unknown_endpoint',
      severity: 'error',
      message: 'flow f1 starts at unknown workload ghost',
      path: ['flows', 0, 'from'],
    };
    calls[1]!.resolve({ diagnostics: [problem] });
    await settle();
    expect([
      state.model,
      state.analysis,
      state.pendingFlows,
      state.flowCount,
      state.errors,
      state.running,
    ]).toEqual([undefined, undefined, 0, 0, [problem], false]);
  });

  it('an edit, and a small file being opened, show model and analysis together, as before', async () => {
    const { client, calls } = controlledClient();
    const state = new AnalysisState(client);
    const edit = state.run('large', 'large.yaml', false);
    calls[0]!.onModel?.(ahead(topology, false));
    expect(state.model).toBeUndefined();
    calls[0]!.resolve({ diagnostics: [], model: large, analysis });
    await edit;
    const open = state.run('small', 'small.yaml', true);
    calls[1]!.onModel?.({ model: small, complete: true, flowCount: small.flows.length });
    expect([state.model, state.analysis]).toEqual([large, analysis]);
    calls[1]!.resolve({ diagnostics: [], model: small, analysis });
    await open;
    expect([state.model, state.analysis]).toEqual([small, analysis]);
  });

  it('a superseded run’s model and result are dropped; the newer file’s are shown', async () => {
    const { client, calls } = controlledClient();
    const state = new AnalysisState(client);
    const older = state.run('large', 'large.yaml', true);
    const newer = state.run('other', 'other.yaml', true);
    const other: Scenario = { ...topology, name: 'Other' };
    calls[0]!.onModel?.(ahead(topology, false));
    expect(state.model).toBeUndefined();
    calls[1]!.onModel?.(ahead(other, false));
    expect(state.model).toBe(other);
    // The real client rejects a superseded call; a late answer would be dropped all the same.
    calls[0]!.reject(new SupersededError());
    calls[1]!.resolve({ diagnostics: [], model: { ...other, flows: large.flows }, analysis });
    await Promise.all([older, newer]);
    expect([state.model?.name, state.analysis, state.pendingFlows, state.error, state.completed]).toEqual([
      'Other',
      analysis,
      0,
      undefined,
      1,
    ]);
  });

  it('an invalid edit of a previewed file keeps the preview on screen, marked stale, with its problems', async () => {
    const { client, calls } = controlledClient();
    const state = new AnalysisState(client);
    state.schedule('large', 'large.yaml', { now: true, opening: true });
    calls[0]!.onModel?.(ahead(topology, false));
    state.schedule('BROKEN', 'large.yaml', { now: true });
    const problem: Diagnostic = {
      code: 'link_unknown_endpoint',
      severity: 'error',
      message: 'link l1 ends at unknown host ghost',
      path: ['links', 0, 'between', 1],
    };
    calls[0]!.reject(new SupersededError());
    calls[1]!.resolve({ diagnostics: [problem] });
    await settle();
    expect([state.model, state.analysis, state.stale, state.errors.length, state.flowCount]).toEqual([
      topology,
      undefined,
      true,
      1,
      PREVIEW_FLOWS,
    ]);
  });
});

describe('AnalysisState.loadCell', () => {
  it('keeps the answer for the pair asked for last, even when an earlier answer arrives after it', async () => {
    const { client, calls } = controlledClient();
    const answers: { flow: string; resolve: (e: unknown) => void }[] = [];
    Object.assign(client, {
      exposureDetail(_req: unknown, flow: string, attacker: string) {
        return new Promise((resolve) =>
          answers.push({ flow, resolve: () => resolve({ ...analysis.exposures.at(0)!, flow, attacker }) }),
        );
      },
    });
    const state = new AnalysisState(client);
    const done = state.run('small', 'small.yaml');
    calls[0]!.resolve({ diagnostics: [], model: small, analysis });
    await done;
    const first = { flow: 'f-first', attacker: 'a' };
    const second = { flow: 'f-second', attacker: 'a' };
    const asked = [state.loadCell(first), state.loadCell(second)];
    expect(state.cellOf(second)).toBeUndefined();
    // The second answer comes first (another worker), then the first one's.
    answers[1]!.resolve(undefined);
    await asked[1];
    answers[0]!.resolve(undefined);
    await asked[0];
    expect(state.cellOf(second)?.exposure?.flow).toBe('f-second');
    expect(state.cellOf(first)).toBeUndefined();
    // Nothing asked: nothing held.
    await state.loadCell(undefined);
    expect(state.cell).toBeUndefined();
  });
});
