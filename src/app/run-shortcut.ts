/**
 * Carries out a keyboard shortcut's action on the app.
 */
import type { AppContext } from './context.ts';
import type { ShortcutAction } from './shortcuts.ts';
import { connectSelection, copySelection, deleteSelection, paste } from './commands.ts';
import { downloadText, pickScenarioFile } from './files/file-io.ts';

/** Runs one shortcut action. */
export function runShortcut(app: AppContext, action: ShortcutAction): void {
  switch (action) {
    case 'undo':
      return app.scenario.undo();
    case 'redo':
      return app.scenario.redo();
    case 'copy':
      return void copySelection(app);
    case 'paste':
      return paste(app);
    case 'delete':
      return deleteSelection(app);
    case 'connect':
      return void connectSelection(app);
    case 'select-all':
      return app.selection.select(app.canvas.view?.core().elements(':visible').map((e) => e.id()) ?? []);
    case 'fit':
      return app.canvas.view?.fit(app.selection.ids);
    case 'open':
      return void pickScenarioFile().then((f) => f && app.scenario.load(f.text, f.fileName));
    case 'save':
      return downloadText(app.scenario.text, app.scenario.fileName);
    case 'yaml':
      return void (app.view.showYaml = !app.view.showYaml);
    case 'theme':
      return app.view.toggleTheme();
    case 'help':
      return void (app.view.showHelp = !app.view.showHelp);
    case 'escape':
      app.view.showHelp = false;
      app.view.showLibrary = false;
      return app.selection.clear();
  }
}
