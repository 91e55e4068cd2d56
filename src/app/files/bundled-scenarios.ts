/**
 * The example scenarios shipped in `scenarios/`, bundled as raw text at build time.
 */

/** File name of the scenario the app opens the first time. */
export const DEFAULT_SCENARIO = 'scs-openstack-region.yaml';

// The folder also holds the JSON Schema for editors, which is no scenario.
const raw = import.meta.glob(['/scenarios/*.{yaml,yml,json}', '!/scenarios/*.schema.json'], { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/** A bundled example. */
export interface BundledScenario {
  fileName: string;
  /** The `name:` line of the file, for the library list. */
  title: string;
  text: string;
}

/** Every bundled scenario, the default first, then by file name. */
export const bundledScenarios: BundledScenario[] = Object.entries(raw)
  .map(([path, text]) => ({ fileName: path.slice(path.lastIndexOf('/') + 1), title: titleOf(text), text }))
  .sort((a, b) => Number(b.fileName === DEFAULT_SCENARIO) - Number(a.fileName === DEFAULT_SCENARIO) || a.fileName.localeCompare(b.fileName));

/** Reads the scenario's `name:` without parsing the whole file. */
function titleOf(text: string): string {
  const m = /^name:\s*["']?(.*?)["']?\s*$/m.exec(text);
  return m?.[1] ?? 'Untitled';
}
