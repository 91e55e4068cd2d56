import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/model/parse-scenario.ts';
import { analysisApi, type AnalysisProgress } from '../../../workers/analysis.api.ts';
import { AGAINST_ALL, INVALID } from '../cli/fixtures/scenarios.ts';
import { TEXT_BASE_MISSING } from '../../../src/model/text-edit.ts';

const modelOf = (text: string) => {
  const { model } = parseScenario(text, { fileName: 's.yaml' });
  if (!model) throw new Error('fixture must be valid');
  return model;
};

describe('analysisApi.analyze', () => {
  it('[§4] parses scenario text and returns the model and its analysis', async () => {
    const response = await analysisApi.analyze({ text: AGAINST_ALL, fileName: 's.yaml' });
    expect(response.diagnostics).toEqual([]);
    expect(response.model?.name).toBe('Two hosts on one cable');
    // 2 flows × 2 attackers (see fixtures/scenarios.ts).
    expect(response.analysis?.exposures).toHaveLength(4);
    expect(response.analysis?.requirements.map((r) => r.pass)).toEqual([false]);
  });

  it('[§1.2] returns every diagnostic and no analysis for an invalid file', async () => {
    const response = await analysisApi.analyze({ text: INVALID, fileName: 'bad.yaml' });
    expect(response.analysis).toBeUndefined();
    expect(response.model).toBeUndefined();
    expect(response.diagnostics).toEqual(parseScenario(INVALID, { fileName: 'bad.yaml' }).diagnostics);
  });

  it('validates and analyses a model object as the app sends it', async () => {
    const model = modelOf(AGAINST_ALL);
    const fromModel = await analysisApi.analyze({ model });
    const fromText = await analysisApi.analyze({ text: AGAINST_ALL });
    expect(fromModel.analysis).toEqual(fromText.analysis);
  });

  it('rejects a model object that is not a valid scenario with diagnostics, not an exception', async () => {
    const broken = { ...modelOf(AGAINST_ALL), links: [{ id: 'l1', between: ['a', 'nowhere'] }] };
    const response = await analysisApi.analyze({ model: broken as never });
    expect(response.analysis).toBeUndefined();
    expect(response.diagnostics.some((d) => d.severity === 'error')).toBe(true);
  });

  it('restricts exposures to the requested attackers', async () => {
    const response = await analysisApi.analyze({ text: AGAINST_ALL, attackers: ['tap'] });
    expect(response.analysis?.exposures.map((e) => e.attacker)).toEqual(['tap', 'tap']);
  });

  it('reports progress phase by phase, every report before the result', async () => {
    const seen: AnalysisProgress[] = [];
    await analysisApi.analyze({ text: AGAINST_ALL }, (p) => void seen.push(p));
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.at(-1)?.done).toBe(seen.at(-1)?.total);
  });
});

describe('analysisApi.validate, traceFlow, serialize', () => {
  it('[§1.2] validate returns the diagnostics of the text', async () => {
    expect((await analysisApi.validate(INVALID, 'bad.yaml')).diagnostics).toEqual(
      parseScenario(INVALID, { fileName: 'bad.yaml' }).diagnostics,
    );
    expect((await analysisApi.validate(AGAINST_ALL)).model?.name).toBe('Two hosts on one cable');
  });

  it('[X1, X2] traceFlow gives one flow’s path and the header stack on each hop', async () => {
    const trace = await analysisApi.traceFlow({ text: AGAINST_ALL }, 'f1');
    expect(trace?.path).toEqual(['host:a', 'link:l1', 'host:b']);
    expect(trace?.hops.map((h) => h.link)).toEqual(['l1']);
    // f1 has no TLS, no tunnel, no IPsec: the payload is the innermost layer, nothing encrypts it.
    expect(trace?.hops[0]?.stack.at(-1)?.kind).toBe('payload');
    expect(trace?.hops[0]?.stack.some((l) => l.protection?.confidential)).toBe(false);
    // Asking again for the same text answers from the cache with the same trace.
    expect(await analysisApi.traceFlow({ text: AGAINST_ALL }, 'f1')).toBe(trace);
  });

  it('traceFlow answers undefined for an unknown flow or an invalid file', async () => {
    expect(await analysisApi.traceFlow({ text: AGAINST_ALL }, 'nope')).toBeUndefined();
    expect(await analysisApi.traceFlow({ text: INVALID }, 'f1')).toBeUndefined();
  });

  it('serialize writes YAML that parses back to the same model', async () => {
    const model = modelOf(AGAINST_ALL);
    const yaml = await analysisApi.serialize(model);
    expect(parseScenario(yaml, { fileName: 'round-trip.yaml' }).model).toEqual(model);
  });
});

describe('analysisApi: successive texts go through one analysis session', () => {
  it('an edited text is re-analysed incrementally and equals a fresh analysis of it', async () => {
    await analysisApi.analyze({ text: AGAINST_ALL, fileName: 's.yaml' });
    // One edit, as the app sends it: the whole text again. A third attacker on the same cable.
    const edited = AGAINST_ALL.replace(/attackers:\n/, 'attackers:\n  - id: extra-tap\n    at: { links: [l1] }\n    can: [read]\n');
    expect(edited).not.toBe(AGAINST_ALL);
    const seen: AnalysisProgress[] = [];
    const updated = await analysisApi.analyze({ text: edited, fileName: 's.yaml' }, (p) => void seen.push(p));
    expect(seen.at(-1)?.done).toBe(seen.at(-1)?.total);
    const { analyzeScenario } = await import('../../../src/engine/analyze-scenario.ts');
    expect(JSON.stringify(updated.analysis)).toBe(JSON.stringify(analyzeScenario(modelOf(edited))));
    // 2 flows × 3 attackers; the new tap reads what the first one reads.
    expect(updated.analysis?.exposures).toHaveLength(6);
    // Per-flow detail of the edited text comes from the same session.
    const flow = updated.model!.flows[0]!.id;
    expect((await analysisApi.traceFlow({ text: edited }, flow))?.flow).toBe(flow);
  });

  it('a text can come as an edit of the last one this worker was sent, for analyses and per-flow detail alike', async () => {
    const edited = AGAINST_ALL.replace(/attackers:\n/, 'attackers:\n  - id: extra-tap\n    at: { links: [l1] }\n    can: [read]\n');
    const whole = await analysisApi.analyze({ text: edited, fileName: 's.yaml' });
    await analysisApi.analyze({ text: AGAINST_ALL, fileName: 's.yaml', textId: 101 });
    const at = AGAINST_ALL.indexOf('attackers:\n') + 'attackers:\n'.length;
    const inserted = '  - id: extra-tap\n    at: { links: [l1] }\n    can: [read]\n';
    const updated = await analysisApi.analyze({ fileName: 's.yaml', textId: 102, textEdit: { base: 101, at, removed: 0, inserted } });
    expect(JSON.stringify(updated)).toBe(JSON.stringify(whole));
    // Detail of that text: an edit that changes nothing names it.
    const flow = whole.model!.flows[0]!.id;
    const trace = await analysisApi.traceFlow({ textId: 103, textEdit: { base: 102, at: 0, removed: 0, inserted: '' } }, flow);
    expect(trace?.flow).toBe(flow);
    // An edit of a text this worker was not sent (it restarted since): the caller must send it whole.
    await expect(analysisApi.analyze({ fileName: 's.yaml', textId: 104, textEdit: { base: 99, at: 0, removed: 0, inserted: '' } })).rejects.toThrow(TEXT_BASE_MISSING);
    await expect(analysisApi.flowDetail({ textId: 105, textEdit: { base: 102, at: 0, removed: 0, inserted: '' } }, flow)).rejects.toThrow(TEXT_BASE_MISSING);
  });

  it('going back to an earlier text and changing the attacker filter both give fresh, equal results', async () => {
    const first = await analysisApi.analyze({ text: AGAINST_ALL });
    const filtered = await analysisApi.analyze({ text: AGAINST_ALL, attackers: ['tap'] });
    const again = await analysisApi.analyze({ text: AGAINST_ALL });
    expect(filtered.analysis?.exposures.every((e) => e.attacker === 'tap')).toBe(true);
    expect(JSON.stringify(again.analysis)).toBe(JSON.stringify(first.analysis));
  });
});
