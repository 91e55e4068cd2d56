/**
 * Start-up: reopen the autosaved working copy if there is one, else the default scenario; and the
 * test hook the end-to-end tests read (enabled with `?testhook`).
 */
import type { AppContext } from './context.ts';
import { bundledScenarios, DEFAULT_SCENARIO } from './files/bundled-scenarios.ts';
import { templates } from './files/templates.ts';
import { decodeShareHash, isShareHash } from './export/share-link.ts';

/**
 * Loads the first scenario of the session: a shared link's scenario (as a new document; the
 * autosaved copy it replaces is archived in the history when the shared one is first saved, and
 * the user is told), else the autosaved working copy, else the default example.
 */
export async function bootScenario(app: AppContext): Promise<void> {
  // The analysis worker starts loading while the working copy is read: a large file reaches it sooner.
  app.client.prestart();
  const saved = await app.library.loadWorkingCopy();
  if (isShareHash(location.hash)) {
    const hash = location.hash;
    // The scenario now lives in the app; a reload must not re-open the link over later edits.
    history.replaceState(null, '', location.pathname + location.search);
    try {
      app.scenario.load(await decodeShareHash(hash), 'shared.yaml', 'shared-link');
      app.library.note(
        saved
          ? `Opened the scenario from a shared link. Your previous working copy (“${saved.fileName}”) is kept: Library → History, or Export → Compare.`
          : 'Opened the scenario from a shared link.',
      );
      return;
    } catch {
      app.library.note('The shared link is damaged (cut short when it was copied?) and could not be opened; showing your own scenario instead.');
    }
  }
  if (saved && new URLSearchParams(location.search).get('fresh') === null) {
    app.scenario.load(saved.text, saved.fileName, saved.source);
    return;
  }
  const def = bundledScenarios.find((s) => s.fileName === DEFAULT_SCENARIO) ?? bundledScenarios[0];
  if (def) app.scenario.load(def.text, def.fileName, `bundled:${def.fileName}`);
  else app.scenario.load(templates[1]?.text ?? '', 'scenario.yaml');
}

/** A read-only view of the app for end-to-end tests: counts, statuses, progress. */
export interface TestHook {
  ready(): boolean;
  completed(): number;
  savedRevision(): number;
  revision(): number;
  stats(): { nodes: number; edges: number; links: Record<string, string>; textured: boolean } | undefined;
  diagnostics(): { code: string; line?: number }[];
  modelName(): string | undefined;
  lastRunMs(): number;
  /** Storage state: a conflict with another tab, a save error, a notice. */
  storage(): { conflict: boolean; saveError?: string; notice?: string };
  text(): string;
  openGroups(): string[];
  lastRunWindow(): { start: number; end: number };
  /** performance.now() when the canvas first showed an analysed scenario. */
  firstRenderAt(): number | undefined;
  /** performance.now() when the canvas first showed a scenario, analysed or not (a large file's topology). */
  topologyAt(): number | undefined;
  /** performance.now() when the canvas first showed link statuses (ahead of the analysis or with it). */
  statusesAt(): number | undefined;
  classesOf(id: string): string[];
  /** Position of a node, or an edge's midpoint, on screen (for clicks), relative to the canvas element. */
  rendered(id: string): { x: number; y: number } | undefined;
  /** Ids of the drawn summary nodes (collapsed racks and sites), in drawing order. */
  summaries(): string[];
  /** A link drawn on screen, away from the canvas's edges (for a click). */
  visibleLink(): string | undefined;
}

/** Exposes `window.__plainsight` when the page was opened with `?testhook`. */
export function installTestHook(app: AppContext): void {
  if (new URLSearchParams(location.search).get('testhook') === null) return;
  const hook: TestHook = {
    ready: () => app.analysis.completed > 0 && !app.analysis.running,
    completed: () => app.analysis.completed,
    savedRevision: () => app.library.savedRevision,
    revision: () => app.scenario.revision,
    stats: () => app.canvas.view?.stats(),
    diagnostics: () => app.analysis.diagnostics.map((d) => ({ code: d.code, line: d.line })),
    modelName: () => app.analysis.model?.name,
    lastRunMs: () => app.analysis.lastRunMs,
    storage: () => ({
      conflict: app.library.conflict !== undefined,
      saveError: app.library.saveError,
      notice: app.library.notice,
    }),
    text: () => app.scenario.text,
    openGroups: () => [...app.view.openGroups],
    lastRunWindow: () => app.analysis.lastRunWindow,
    firstRenderAt: () => app.canvas.firstRenderAt,
    topologyAt: () => app.canvas.firstTopologyAt,
    statusesAt: () => app.canvas.firstStatusesAt,
    classesOf: (id) => {
      const el = app.canvas.view?.core().getElementById(id);
      return el && el.nonempty() ? el.classes() : [];
    },
    rendered: (id) => {
      const el = app.canvas.view?.core().getElementById(id);
      if (!el || el.empty()) return undefined;
      // An edge is clicked at its midpoint.
      return el.edges().map((e) => e.renderedMidpoint())[0] ?? el.renderedPosition();
    },
    summaries: () => app.canvas.view?.core().nodes('[?summary]').map((n) => n.id()) ?? [],
    visibleLink: () => {
      const cy = app.canvas.view?.core();
      const inside = (p: { x: number; y: number }) =>
        !!cy && p.x > 60 && p.y > 60 && p.x < cy.width() - 60 && p.y < cy.height() - 60;
      return cy
        ?.edges('.link:visible:not(.folded)')
        .filter((e) => inside(e.renderedMidpoint()))
        .map((e) => e.id())[0];
    },
  };
  (window as unknown as { __plainsight: TestHook }).__plainsight = hook;
}
