/**
 * A file's text, in pieces, made into a Blob without a second copy of the whole text in memory.
 * The 5,000-host region's HTML report is 554 MB of pieces; one `new Blob(pieces)` encodes them all
 * while they are still held, in the renderer process that the page and the analysis session
 * already fill towards its limit.
 */

/** Pieces are gathered into Blobs of about this many characters. */
export const BLOB_CHUNK = 32 * 2 ** 20;

/**
 * A Blob of the pieces, made `chunk` characters at a time; each piece is let go (its place in
 * `parts` emptied) once it is in one. A Blob made of Blobs refers to them without copying.
 */
export function blobOf(parts: string[], type: string, chunk = BLOB_CHUNK): Blob {
  const blobs: Blob[] = [];
  let batch: string[] = [];
  let size = 0;
  for (let i = 0; i < parts.length; i++) {
    batch.push(parts[i]!);
    size += parts[i]!.length;
    parts[i] = '';
    if (size < chunk) continue;
    blobs.push(new Blob(batch));
    batch = [];
    size = 0;
  }
  if (batch.length > 0 || blobs.length === 0) blobs.push(new Blob(batch));
  return new Blob(blobs, { type });
}
