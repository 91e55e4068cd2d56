/**
 * Jumping from a diagnostic to the text and the element it is about.
 */
import type { Diagnostic, ModelPath } from '../../model/types.ts';
import type { AppContext } from '../context.ts';

/** `['links', 3, 'between', 1]` → `links[3].between[1]` (STYLE "Naming"). */
export function formatPath(path: ModelPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** Asks the YAML view to show a line; it listens for this event. */
export const REVEAL_EVENT = 'plainsight:reveal';

/** Opens the YAML view at the diagnostic and selects the entity it belongs to, if any. */
export function revealDiagnostic(app: AppContext, d: Diagnostic): void {
  app.view.showYaml = true;
  const [collection, index] = d.path;
  const entity = typeof collection === 'string' && typeof index === 'number' ? (app.analysis.model as unknown as Record<string, { id: string }[] | undefined> | undefined)?.[collection]?.[index] : undefined;
  if (entity) app.selection.select([entity.id]);
  // The view may be mounting right now; let it subscribe first.
  setTimeout(() => window.dispatchEvent(new CustomEvent(REVEAL_EVENT, { detail: { line: d.line ?? 1, column: d.column ?? 1 } })), 0);
}
