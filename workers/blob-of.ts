/**
 * A file's text, in pieces, made into a Blob without the whole text in memory at any time. The
 * 5,000-host region's HTML report is 554 million characters, in the renderer process that the
 * page and the analysis session already fill towards its limit. The pieces are taken as they are
 * made (the report renderers make them when asked), and each batch goes into a Blob before the
 * next is made.
 */

import { runs } from '../src/model/long-lists.ts';

/** Pieces are gathered into Blobs of about this many characters. */
export const BLOB_CHUNK = 32 * 2 ** 20;

/**
 * A Blob of the pieces, made `chunk` characters at a time: no piece is held once its batch is in a
 * Blob. A Blob made of Blobs refers to them without copying.
 */
export function blobOf(parts: Iterable<string>, type: string, chunk = BLOB_CHUNK): Blob {
  const blobs: Blob[] = [];
  for (const run of runs(parts, chunk)) blobs.push(new Blob(run));
  return new Blob(blobs, { type });
}
