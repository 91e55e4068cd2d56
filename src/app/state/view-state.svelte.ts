/**
 * How the workspace looks: canvas layers, collapsed hosts, theme and which panels are open.
 * Preferences (theme, layers) persist in localStorage; nothing here goes into the scenario.
 */

/** Canvas layers the user can toggle (issue: physical / overlay / protections / flows). */
export type LayerName = 'physical' | 'overlay' | 'protections' | 'flows';
/** Colour scheme. */
export type Theme = 'light' | 'dark';
/** Tabs of the right-hand panel. */
export type SideTab = 'inspector' | 'lens' | 'findings' | 'throughput' | 'yaml';
/** Tabs of the bottom panel. */
export type BottomTab = 'problems' | 'matrix' | 'trace';

const PREFS_KEY = 'plainsight:prefs';

interface Prefs {
  theme: Theme;
  layers: Record<LayerName, boolean>;
}

function systemTheme(): Theme {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export class ViewState {
  theme = $state<Theme>('light');
  layers = $state<Record<LayerName, boolean>>({ physical: true, overlay: true, protections: true, flows: false });
  /** Hosts whose workloads and bridges are drawn; the rest show a count (level of detail). */
  // A snapshot replaced on every change ($state.raw), never mutated: a plain set is the point here.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  expanded = $state.raw<ReadonlySet<string>>(new Set());
  /** Set once per scenario when the default expansion was decided. */
  expansionDecided = $state(false);
  sideTab = $state<SideTab>('lens');
  bottomTab = $state<BottomTab>('matrix');
  showHelp = $state(false);
  showLibrary = $state(false);
  showYaml = $state(false);
  /** The open dialog besides help and library (import, compare, generate), if any. */
  dialog = $state<'import' | 'compare' | 'generate' | undefined>(undefined);
  /** Files handed to the import dialog by a drop on the window. */
  importFiles = $state.raw<{ name: string; text: string }[]>([]);
  /** Summary nodes (`site:` / `rack:` groups) the user opened; the rest stay collapsed. */
  // Replaced, never mutated, like `expanded`.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  openGroups = $state.raw<ReadonlySet<string>>(new Set());
  /** Whether racks and sites are drawn as summary nodes (decided per file, by its size). */
  detail = $state.raw<{ racks: boolean; sites: boolean }>({ racks: false, sites: false });
  /** The canvas search / filter text. */
  search = $state('');

  constructor() {
    const prefs = readPrefs();
    this.theme = prefs?.theme ?? systemTheme();
    if (prefs?.layers) this.layers = { ...this.layers, ...prefs.layers };
  }

  toggleTheme(): void {
    this.theme = this.theme === 'dark' ? 'light' : 'dark';
    this.save();
  }

  toggleLayer(name: LayerName): void {
    this.layers[name] = !this.layers[name];
    this.save();
  }

  toggleExpanded(hostId: string): void {
    const ids = [...this.expanded];
    this.setExpanded(this.expanded.has(hostId) ? ids.filter((id) => id !== hostId) : [...ids, hostId]);
  }

  toggleGroup(id: string): void {
    const ids = [...this.openGroups];
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    this.openGroups = new Set(this.openGroups.has(id) ? ids.filter((x) => x !== id) : [...ids, id]);
  }

  collapseGroups(): void {
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    this.openGroups = new Set();
  }

  openGroupsOf(ids: Iterable<string>): void {
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    this.openGroups = new Set([...this.openGroups, ...ids]);
  }

  setExpanded(ids: Iterable<string>): void {
    // Replaced, never mutated (see `expanded`).
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    this.expanded = new Set(ids);
  }

  save(): void {
    try {
      const prefs: Prefs = { theme: this.theme, layers: $state.snapshot(this.layers) };
      localStorage.setItem(PREFS_KEY, JSON.stringify(prefs));
    } catch {
      // Private mode or a full quota: preferences are a convenience, the scenario is autosaved elsewhere.
    }
  }
}

function readPrefs(): Partial<Prefs> | undefined {
  try {
    const raw = typeof localStorage === 'undefined' ? null : localStorage.getItem(PREFS_KEY);
    return raw ? (JSON.parse(raw) as Partial<Prefs>) : undefined;
  } catch {
    return undefined;
  }
}
