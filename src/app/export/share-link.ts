/**
 * Share links: the scenario text, deflated (`CompressionStream('deflate-raw')`, RFC 1951) and
 * base64url-encoded (RFC 4648 §5), in the URL *fragment* — browsers never send the fragment to a
 * server (RFC 3986 §3.5), so the scenario stays between the people who hold the link.
 */

/** Longer links are cut by chat tools, mail clients and some browsers' address bars. */
export const SHARE_LIMIT_BYTES = 64 * 1024;

const PREFIX = 's=';

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const body = new Response(bytes as BodyInit).body as ReadableStream<Uint8Array>;
  const out = new Response(body.pipeThrough(stream as unknown as ReadableWritablePair<Uint8Array, Uint8Array>));
  return new Uint8Array(await out.arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  // Chunks keep String.fromCharCode's argument list well under engine limits.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** The fragment (without `#`) that carries `text`. */
export async function encodeShareFragment(text: string): Promise<string> {
  return PREFIX + toBase64Url(await pipe(new TextEncoder().encode(text), new CompressionStream('deflate-raw')));
}

/** A share link, or why there is none: too long for a link. */
export async function shareLink(text: string, base: string): Promise<{ url: string } | { tooLong: number }> {
  const url = `${base.replace(/#.*$/, '')}#${await encodeShareFragment(text)}`;
  return url.length > SHARE_LIMIT_BYTES ? { tooLong: url.length } : { url };
}

/** Whether a location hash carries a shared scenario. */
export function isShareHash(hash: string): boolean {
  return hash.startsWith(`#${PREFIX}`);
}

/** The scenario text of a `#s=…` hash; throws on a damaged link (truncated, not base64url, not deflate). */
export async function decodeShareHash(hash: string): Promise<string> {
  const bytes = fromBase64Url(hash.slice(1 + PREFIX.length));
  return new TextDecoder('utf-8', { fatal: true }).decode(await pipe(bytes, new DecompressionStream('deflate-raw')));
}
