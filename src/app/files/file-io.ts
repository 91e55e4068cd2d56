/**
 * Opening and saving scenario files in the browser: file picker, drag-and-drop and download.
 * JSON files are accepted as they are (YAML is a superset of JSON, so the parser reads both).
 */

/** Text and name of a file the user opened. */
export interface OpenedFile {
  text: string;
  fileName: string;
}

/** Whether a file name looks like a scenario the app can open. */
export function isScenarioFile(name: string): boolean {
  return /\.(ya?ml|json)$/i.test(name);
}

/** Reads the first scenario file of a FileList or DataTransfer. */
export async function readScenarioFile(files: FileList | File[] | null | undefined): Promise<OpenedFile | undefined> {
  const file = [...(files ?? [])].find((f) => isScenarioFile(f.name)) ?? [...(files ?? [])][0];
  if (!file) return undefined;
  return { text: await file.text(), fileName: file.name };
}

/** Asks the user for a file with the browser's picker. */
export function pickScenarioFile(): Promise<OpenedFile | undefined> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.yaml,.yml,.json,application/json,text/yaml';
    input.addEventListener('change', () => void readScenarioFile(input.files).then(resolve));
    input.addEventListener('cancel', () => resolve(undefined));
    input.click();
  });
}

/** Offers `text` as a download named `fileName`. */
export function downloadText(text: string, fileName: string): void {
  const type = fileName.endsWith('.json') ? 'application/json' : 'application/yaml';
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Offers a blob (an image, a report) as a download. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
