import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import App from '../../src/app/App.svelte';
import { createAppContext } from '../../src/app/create-app-context.ts';
import { createMemoryStore } from '../../src/app/files/scenario-store.ts';
import { createFakeClient } from './fake-client.ts';
import type { AnalyzeResult, ModelUpdate, Progress } from '../../src/app/analysis-client.ts';
import { PREVIEW_FLOWS } from '../../src/app/state/analysis-state.svelte.ts';
import { analysis, model } from './fixtures/two-hosts.ts';

function setup(options: { packed?: boolean } = {}) {
  const { client, requests, reasonsAsked, holds } = createFakeClient(options);
  const store = createMemoryStore();
  const app = createAppContext({ client, store });
  render(App, { props: { app, headless: true } });
  return { app, requests, store, reasonsAsked, holds };
}

/**
 * An app whose client answers an analysis when the test says so (`finish`), having sent the
 * topology of a file large enough to be previewed ahead of it, as the worker does for a file opened.
 */
function openedAhead() {
  const { client } = createFakeClient();
  const large = {
    ...model,
    flows: Array.from({ length: PREVIEW_FLOWS }, (_, i) => ({ ...model.flows[0]!, id: `f${i}` })),
  };
  let answer: (r: AnalyzeResult) => void = () => {};
  client.analyze = (_req, _onProgress, onModel?: (u: ModelUpdate) => void) => {
    onModel?.({ model: { ...large, flows: [] }, complete: false, flowCount: PREVIEW_FLOWS });
    return new Promise((resolve) => (answer = resolve));
  };
  return { app: createAppContext({ client, store: createMemoryStore() }), finish: (r: AnalyzeResult) => answer(r) };
}

describe('App', () => {
  it('[issue 8] a gesture on the map, a click or a key tells the analysis worker that the user is busy; a pointer passing over does not', async () => {
    const { app, holds } = setup();
    await waitFor(() => expect(app.canvas.view?.stats().nodes).toBe(7));
    const canvas = screen.getByTestId('canvas');
    expect(holds.count).toBe(0);
    await fireEvent.pointerMove(canvas, { buttons: 0 });
    expect(holds.count).toBe(0);
    await fireEvent.pointerDown(canvas, { buttons: 1 });
    await fireEvent.pointerMove(canvas, { buttons: 1 });
    await fireEvent.wheel(canvas, { deltaY: 120 });
    await fireEvent.keyDown(document.body, { key: 'ArrowDown' });
    await fireEvent.pointerDown(screen.getAllByRole('button')[0]!, { buttons: 1 });
    // The client sends at most one message per 150 ms; the page tells it every time.
    expect(holds.count).toBe(5);
  });

  it('opens a scenario on start and shows the analysis: canvas elements and the matrix', async () => {
    const { app } = setup();
    await waitFor(() => expect(app.analysis.completed).toBeGreaterThan(0));
    // dc1, c1, c2, tor1, vm-a, vm-b (hosts expanded: 2 workloads ≤ 60), ov1 hub.
    expect(app.canvas.view?.stats().nodes).toBe(7);
    const cell = await screen.findByTestId('cell-f-ab-tap');
    expect(cell.textContent).toContain('payload');
    expect(cell.textContent).toContain('tamper');
  });

  it('an opened finding shows its reasons at once when the analysis came whole', async () => {
    const { app, reasonsAsked } = setup();
    await waitFor(() => expect(app.analysis.completed).toBeGreaterThan(0));
    await fireEvent.click(screen.getByTestId('tab-findings'));
    await fireEvent.click(await screen.findByText('f-ab crosses l-c1 in plaintext'));
    expect(screen.getByTestId('reasons').textContent).toContain('flow f-ab on l-c1: Ethernet → IPv4 → TCP → payload');
    expect(reasonsAsked).toEqual([]);
  });

  it('[X9] a matrix cell opens its reasons one click away', async () => {
    setup();
    await fireEvent.click(await screen.findByTestId('cell-f-ab-tap'));
    // The reasons come from the worker: the page holds each pair's level alone.
    await waitFor(() => expect(screen.getByTestId('cell-reasons').textContent).toContain('no encryption layer'));
  });

  it('picking an attacker in the lens lists what it reads and marks its vantage on the map', async () => {
    const { app } = setup();
    await fireEvent.click(await screen.findByTestId('attacker-tap'));
    expect((await screen.findByTestId('lens-exposed')).textContent).toContain('f-ab');
    await waitFor(() =>
      expect(app.canvas.view?.core().getElementById('l-c1').hasClass('vantage')).toBe(true),
    );
  });

  it('an invalid text lists its diagnostics in the problems panel and keeps the last good map', async () => {
    const { app } = setup();
    await waitFor(() => expect(app.analysis.completed).toBe(1));
    app.scenario.setText('BROKEN');
    await waitFor(() => expect(app.analysis.completed).toBe(2), { timeout: 2000 });
    const problems = await screen.findByTestId('problems');
    expect(problems.textContent).toContain('link_unknown_endpoint');
    expect(problems.textContent).toMatch(/:3:24/);
    expect(app.canvas.view?.stats().nodes).toBe(7);
  });

  it('a finished edit (inspector, undo) is analysed at once; typing is analysed after a pause', async () => {
    const { app, requests } = setup();
    await waitFor(() => expect(app.analysis.completed).toBe(1));
    const asked = requests.length;
    await app.scenario.edit([{ op: 'set', path: ['name'], value: 'Edited' }]);
    flushSync();
    expect(requests.length).toBe(asked + 1);
    expect(requests.at(-1)?.text).toContain('Edited');
    app.scenario.undo();
    flushSync();
    expect(requests.length).toBe(asked + 2);
    // Typing: nothing yet (more keystrokes may follow), then one analysis of the last text.
    app.scenario.setText(`${app.scenario.text}# a`, { coalesce: 'typing' });
    app.scenario.setText(`${app.scenario.text}b`, { coalesce: 'typing' });
    flushSync();
    expect(requests.length).toBe(asked + 2);
    await waitFor(() => expect(requests.length).toBe(asked + 3), { timeout: 2000 });
    expect(requests.at(-1)?.text).toContain('# ab');
  });

  it('every change of the text is autosaved', async () => {
    const { app, store } = setup();
    await waitFor(() => expect(app.analysis.completed).toBe(1));
    app.scenario.setText('plainsight: 1\nname: Edited\n');
    await waitFor(() => expect(app.library.savedRevision).toBe(app.scenario.revision), { timeout: 2000 });
    expect((await store.loadWorkingCopy())?.text).toContain('Edited');
  });

  it('the help panel lists the keyboard shortcuts', async () => {
    setup();
    await fireEvent.keyDown(window, { key: '?' });
    const help = await screen.findByTestId('help');
    expect(help.textContent).toContain('Ctrl+Shift+Z');
  });

  it('a large file being opened is drawn before its analysis: grey links and an “analysing” note, then the statuses', async () => {
    const { app, finish } = openedAhead();
    app.view.layers.flows = true;
    render(App, { props: { app, headless: true } });
    await waitFor(() => expect(app.canvas.view?.stats().nodes).toBe(7));
    expect(app.analysis.analysis).toBeUndefined();
    expect([app.canvas.firstTopologyAt !== undefined, app.canvas.firstRenderAt]).toEqual([true, undefined]);
    expect(app.canvas.view?.stats().links['l-c1']).toBe('unknown');
    expect(screen.getByTestId('canvas-analysing').textContent).toContain('Analysing');
    // Flows arrive later; the flows layer is off for a file with this many, decided from their count.
    expect(app.view.layers.flows).toBe(false);
    // The answer carries the fixture's own flow: 5,000 flow edges would only slow headless Cytoscape down.
    finish({ diagnostics: [], model, analysis });
    await waitFor(() => expect(app.canvas.view?.stats().links['l-c1']).toBe('plaintext'));
    expect(screen.queryByTestId('canvas-analysing')).toBeNull();
  });
  it.each(['model first', 'statuses first'])(
    'a large file being opened shows the link statuses its analysis reports ahead, before the analysis (%s)',
    async (order) => {
      const { client } = createFakeClient();
      const large = {
        ...model,
        flows: Array.from({ length: PREVIEW_FLOWS }, (_, i) => ({ ...model.flows[0]!, id: `f${i}` })),
      };
      let finish: (r: AnalyzeResult) => void = () => {};
      client.analyze = (_req, onProgress?: (p: Progress) => void, onModel?: (u: ModelUpdate) => void) => {
        const topology = () => onModel?.({ model: { ...large, flows: [] }, complete: false, flowCount: PREVIEW_FLOWS });
        // The statuses of the analysis that will arrive (the fixture's), as the worker reports them after tracing.
        const ahead = () => onProgress?.({ fraction: 1 / 3, phase: 'paths', links: analysis.links });
        for (const send of order === 'model first' ? [topology, ahead] : [ahead, topology]) send();
        return new Promise((resolve) => (finish = resolve));
      };
      const app = createAppContext({ client, store: createMemoryStore() });
      render(App, { props: { app, headless: true } });
      await waitFor(() => expect(app.canvas.view?.stats().links['l-c1']).toBe('plaintext'));
      // Links carry their status; the analysis itself (flows, exposures, findings) is still to come.
      expect(app.analysis.analysis).toBeUndefined();
      expect(app.canvas.firstStatusesAt).toBeDefined();
      expect(app.canvas.firstRenderAt).toBeUndefined();
      expect(screen.getByTestId('canvas-analysing').textContent).toContain('link statuses are in');
      expect(app.analysis.progress.links).toBeUndefined();
      finish({ diagnostics: [], model, analysis });
      await waitFor(() => expect(app.canvas.firstRenderAt).toBeDefined());
      expect(app.analysis.statusesAhead).toBeUndefined();
      expect(app.canvas.view?.stats().links['l-c1']).toBe('plaintext');
      expect(screen.queryByTestId('canvas-analysing')).toBeNull();
    },
  );

  it('a large file shown ahead of its flows whose flows are invalid: its problems over an empty map', async () => {
    const { app, finish } = openedAhead();
    render(App, { props: { app, headless: true } });
    await waitFor(() => expect(app.canvas.view?.stats().nodes).toBe(7));
    finish({
      diagnostics: [{ code: 'flow_unknown_endpoint', severity: 'error', message: 'flow f1 starts at unknown workload ghost', path: ['flows', 1, 'from'] }],
    });
    await waitFor(() => expect(screen.getByText('This file has problems.')).toBeTruthy());
    expect(app.analysis.model).toBeUndefined();
    expect(app.canvas.view?.stats()).toMatchObject({ nodes: 0, edges: 0 });
  });

  it('statuses reported for a file that is not previewed (an edit, a small file) are not shown ahead', async () => {
    const { client } = createFakeClient();
    let finish: (r: AnalyzeResult) => void = () => {};
    client.analyze = (_req, onProgress?: (p: Progress) => void) => {
      onProgress?.({ fraction: 1 / 3, phase: 'paths', links: analysis.links.map((l) => ({ ...l, status: 'encrypted' as const })) });
      return new Promise((resolve) => (finish = resolve));
    };
    const app = createAppContext({ client, store: createMemoryStore() });
    render(App, { props: { app, headless: true } });
    await waitFor(() => expect(app.analysis.running).toBe(true));
    expect(app.analysis.statusesAhead).toBeUndefined();
    finish({ diagnostics: [], model, analysis });
    await waitFor(() => expect(app.canvas.view?.stats().links['l-c1']).toBe('plaintext'));
  });
});

describe('App with a packed analysis (exposures read by position, as for a large region)', () => {
  it('the matrix shows each pair’s level, the plain `none` pair included, and a cell opens its reasons', async () => {
    const { app } = setup({ packed: true });
    await waitFor(() => expect(app.analysis.completed).toBeGreaterThan(0));
    expect(Array.isArray(app.analysis.analysis?.exposures)).toBe(false);
    const tap = await screen.findByTestId('cell-f-ab-tap');
    expect(tap.textContent).toContain('payload');
    expect(tap.textContent).toContain('tamper');
    const idle = screen.getByTestId('cell-f-ab-idle');
    expect(idle.textContent).toContain('none');
    expect(idle.textContent).not.toContain('tamper');
    await fireEvent.click(tap);
    await waitFor(() => expect(screen.getByTestId('cell-reasons').textContent).toContain('no encryption layer'));
    await fireEvent.click(idle);
    await waitFor(() => expect(screen.getByTestId('cell-reasons').textContent).toContain('idle → f-ab: none'));
    await waitFor(() => expect(screen.getByTestId('cell-reasons').textContent).toContain('No reasons recorded.'));
  });

  it('an opened finding shows its reasons, which come from the worker: the page holds findings without them', async () => {
    const { app, reasonsAsked } = setup({ packed: true });
    await waitFor(() => expect(app.analysis.completed).toBeGreaterThan(0));
    expect('reasons' in app.analysis.analysis!.findings[0]!).toBe(false);
    await fireEvent.click(screen.getByTestId('tab-findings'));
    await fireEvent.click(await screen.findByText('f-ab crosses l-c1 in plaintext'));
    await waitFor(() => expect(screen.getByTestId('reasons').textContent).toContain('flow f-ab on l-c1: Ethernet → IPv4 → TCP → payload'));
    expect(reasonsAsked).toEqual([0]);
    // Closed and opened again: the reasons loaded are the finding's still, not asked for again.
    await fireEvent.click(screen.getByText('f-ab crosses l-c1 in plaintext'));
    expect(screen.queryByTestId('reasons')).toBeNull();
    await fireEvent.click(screen.getByText('f-ab crosses l-c1 in plaintext'));
    expect(screen.getByTestId('reasons').textContent).toContain('flow f-ab on l-c1');
    expect(reasonsAsked).toEqual([0]);
  });

  it('picking attackers lists what they read and marks their vantage; one that sees nothing adds nothing', async () => {
    const { app } = setup({ packed: true });
    await fireEvent.click(await screen.findByTestId('attacker-idle'));
    expect((await screen.findByTestId('lens-exposed')).textContent).not.toContain('f-ab');
    await fireEvent.click(screen.getByTestId('attacker-tap'));
    await waitFor(() => expect(screen.getByTestId('lens-exposed').textContent).toContain('f-ab'));
    expect(screen.getByTestId('attacker-list').textContent).toContain('1 payload');
    await waitFor(() =>
      expect(app.canvas.view?.core().getElementById('l-c1').hasClass('vantage')).toBe(true),
    );
    expect(app.canvas.view?.core().getElementById('f-ab').hasClass('exposure-payload')).toBe(true);
  });
});
