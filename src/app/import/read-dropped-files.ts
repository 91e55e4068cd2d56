/**
 * Reading the files of an import: a drop (files or whole folders), a file picker or a folder
 * picker (`webkitdirectory`). Dot files are skipped, as by `plainsight import`; the total is capped
 * so a mistaken drop of a home directory cannot exhaust the tab's memory.
 */

/** A file's name (with its folder path when known) and text. */
export interface TextFile {
  name: string;
  text: string;
}

/** Status outputs of a few hundred hosts are a few megabytes; far beyond this is a wrong drop. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** Raised when the dropped files exceed MAX_IMPORT_BYTES. */
export class TooLargeError extends Error {}

function isHidden(path: string): boolean {
  return path.split('/').some((part) => part.startsWith('.'));
}

interface Located {
  path: string;
  file: File;
}

async function readLocated(located: Located[]): Promise<TextFile[]> {
  const list = located.filter((l) => !isHidden(l.path));
  const total = list.reduce((s, l) => s + l.file.size, 0);
  if (total > MAX_IMPORT_BYTES) throw new TooLargeError(`${Math.round(total / 1048576)} MB is too much to import at once`);
  const out = await Promise.all(list.map(async (l) => ({ name: l.path, text: await l.file.text() })));
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** Reads plain files (from an `<input type=file>`, possibly with `webkitdirectory`). */
export function readFiles(files: Iterable<File>): Promise<TextFile[]> {
  return readLocated([...files].map((file) => ({ path: file.webkitRelativePath || file.name, file })));
}

/** Every file of a drop, descending into dropped folders. */
export async function readDropped(data: DataTransfer): Promise<TextFile[]> {
  const entries = [...data.items].map((item) => item.webkitGetAsEntry?.()).filter((e): e is FileSystemEntry => !!e);
  if (entries.length === 0) return readFiles(data.files);
  const files: Located[] = [];
  for (const entry of entries) await collect(entry, files);
  return readLocated(files);
}

async function collect(entry: FileSystemEntry, out: Located[]): Promise<void> {
  if (entry.name.startsWith('.')) return;
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    // Keep the folder path (as webkitRelativePath does), so two hosts' files of one name stay apart.
    out.push({ path: entry.fullPath.replace(/^\//, ''), file });
    return;
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries returns at most 100 entries per call; repeat until it returns none.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return;
    for (const child of batch) await collect(child, out);
  }
}
