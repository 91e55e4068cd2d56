import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import App from '../../src/app/App.svelte';
import { createAppContext } from '../../src/app/create-app-context.ts';
import { createMemoryStore } from '../../src/app/files/scenario-store.ts';
import { createFakeClient } from './fake-client.ts';

function setup() {
  const { client, requests } = createFakeClient();
  const store = createMemoryStore();
  const app = createAppContext({ client, store });
  render(App, { props: { app, headless: true } });
  return { app, requests, store };
}

describe('App', () => {
  it('opens a scenario on start and shows the analysis: canvas elements and the matrix', async () => {
    const { app } = setup();
    await waitFor(() => expect(app.analysis.completed).toBeGreaterThan(0));
    // dc1, c1, c2, tor1, vm-a, vm-b (hosts expanded: 2 workloads ≤ 60), ov1 hub.
    expect(app.canvas.view?.stats().nodes).toBe(7);
    const cell = await screen.findByTestId('cell-f-ab-tap');
    expect(cell.textContent).toContain('payload');
    expect(cell.textContent).toContain('tamper');
  });

  it('[X9] a matrix cell opens its reasons one click away', async () => {
    setup();
    await fireEvent.click(await screen.findByTestId('cell-f-ab-tap'));
    expect((await screen.findByTestId('cell-reasons')).textContent).toContain('no encryption layer');
  });

  it('picking an attacker in the lens lists what it reads and marks its vantage on the map', async () => {
    const { app } = setup();
    await fireEvent.click(await screen.findByTestId('attacker-tap'));
    expect((await screen.findByTestId('lens-exposed')).textContent).toContain('f-ab');
    await waitFor(() => expect(app.canvas.view?.core().getElementById('l-c1').hasClass('vantage')).toBe(true));
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
});
