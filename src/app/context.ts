/**
 * The app's shared state, handed to components through a typed Svelte context.
 */
import { createContext } from 'svelte';
import type { AnalysisClient } from './analysis-client.ts';
import type { AnalysisState } from './state/analysis-state.svelte.ts';
import type { ScenarioState } from './state/scenario-state.svelte.ts';
import type { SelectionState } from './state/selection-state.svelte.ts';
import type { ViewState } from './state/view-state.svelte.ts';
import type { TopologyView } from './canvas/topology-view.ts';
import type { LibraryState } from './files/library-state.svelte.ts';

/** Everything a component may read or change. */
export interface AppContext {
  scenario: ScenarioState;
  analysis: AnalysisState;
  selection: SelectionState;
  view: ViewState;
  library: LibraryState;
  client: AnalysisClient;
  /**
   * The mounted canvas, once there is one; performance.now() when it first drew a scenario
   * (`firstTopologyAt`, analysed or not), its link statuses (`firstStatusesAt`: reported ahead of
   * the analysis, or with it) and an analysed one (`firstRenderAt`).
   */
  canvas: { view?: TopologyView; firstRenderAt?: number; firstTopologyAt?: number; firstStatusesAt?: number };
}

export const [getApp, setApp] = createContext<AppContext>();
