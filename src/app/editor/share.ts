/**
 * Share links: a diagram's text, deflated and base64url-encoded into the URL
 * fragment, so a link carries the whole diagram and no server sees it.
 *
 * Format: one version character, then base64url without padding of the
 * raw-deflated UTF-8 text. `1` is the only version so far; a later format
 * takes another character and old links keep opening.
 *
 * Decoding trusts nothing in the link: it checks the length before anything
 * else, inflates incrementally and stops once the text passes its limit (a
 * few kilobytes can inflate to gigabytes), and reports every failure as a
 * value, never by throwing.
 */

/** The current format's version character. */
export const SHARE_VERSION = '1';

/** Longest fragment decoded, in characters: 64 KiB, checked before any work. */
export const MAX_SHARE_FRAGMENT = 64 * 1024;

/** Largest text a link may inflate to, in UTF-8 bytes: 512 KiB. */
export const MAX_SHARE_TEXT_BYTES = 512 * 1024;

export type DecodedShare =
  | { ok: true; text: string }
  | { ok: false; reason: 'corrupt' | 'too-large' | 'unsupported'; message: string };

/** Thrown by `encodeShare` for a text no link can carry within the limits. */
export class ShareTooLargeError extends RangeError {
  override name = 'ShareTooLargeError';
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;
// Characters a future version might start with; anything else is not a share link at all.
const VERSION_LIKE = /^[A-Za-z0-9]$/;

/**
 * The fragment for a text (without `#`; URL-safe as it is). Rejects with
 * `ShareTooLargeError` when the text is over `MAX_SHARE_TEXT_BYTES` or its
 * fragment over `MAX_SHARE_FRAGMENT`, since such a link would not open.
 *
 * @example await encodeShare('flowchart LR\n  a --> b') // '1S8vJ…'
 */
export async function encodeShare(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  if (bytes.length > MAX_SHARE_TEXT_BYTES) {
    throw new ShareTooLargeError(
      `The diagram is ${kib(bytes.length)}; a share link holds at most ${kib(MAX_SHARE_TEXT_BYTES)} of text.`,
    );
  }
  const deflated = new Uint8Array(
    await new Response(
      new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw')),
    ).arrayBuffer(),
  );
  const fragment = SHARE_VERSION + toBase64Url(deflated);
  if (fragment.length > MAX_SHARE_FRAGMENT) {
    throw new ShareTooLargeError(
      `The diagram does not compress into a link of ${kib(MAX_SHARE_FRAGMENT)}; download it as a file instead.`,
    );
  }
  return fragment;
}

/**
 * The text a fragment carries, or why it can't be read. Never throws;
 * `reason` is the stable part, `message` a plain-English explanation.
 *
 * @example await decodeShare('1S8vJ…') // { ok: true, text: 'flowchart LR\n  a --> b' }
 */
export async function decodeShare(fragment: string): Promise<DecodedShare> {
  if (fragment.length > MAX_SHARE_FRAGMENT) {
    return failure(
      'too-large',
      `The link is ${fragment.length} characters long; share links are at most ${MAX_SHARE_FRAGMENT}.`,
    );
  }
  const version = fragment.slice(0, 1);
  if (version === '') return failure('corrupt', 'The link holds no diagram: its data is missing.');
  if (version !== SHARE_VERSION) {
    return VERSION_LIKE.test(version)
      ? failure(
          'unsupported',
          `The link uses a format this version of Flowdeck does not know (\`${version}\`); it may come from a newer version.`,
        )
      : failure('corrupt', 'The link is not a Flowdeck share link.');
  }
  const bytes = fromBase64Url(fragment.slice(1));
  if (!bytes) {
    return failure(
      'corrupt',
      'The link is damaged: it has characters or a length no share link has. Was it cut or changed when copied?',
    );
  }
  const inflated = await inflateAtMost(bytes, MAX_SHARE_TEXT_BYTES);
  if (inflated === 'too-large') {
    return failure(
      'too-large',
      `The diagram in the link is larger than ${kib(MAX_SHARE_TEXT_BYTES)}, too large to open.`,
    );
  }
  if (inflated === 'corrupt') {
    return failure(
      'corrupt',
      'The link is damaged or incomplete: its data does not decompress. Was it cut short when copied?',
    );
  }
  try {
    // ignoreBOM keeps a leading U+FEFF the author had, so the text comes back exactly.
    return {
      ok: true,
      text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(inflated),
    };
  } catch {
    return failure('corrupt', 'The link is damaged: its data is not text.');
  }
}

function failure(reason: 'corrupt' | 'too-large' | 'unsupported', message: string): DecodedShare {
  return { ok: false, reason, message };
}

/**
 * Inflates raw deflate data, reading the output chunk by chunk and
 * cancelling the stream as soon as it passes `limit` bytes, so a bomb costs
 * about `limit` bytes of work and memory, not its full size.
 */
async function inflateAtMost(
  bytes: Uint8Array<ArrayBuffer>,
  limit: number,
): Promise<Uint8Array | 'too-large' | 'corrupt'> {
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  try {
    reader = new Blob([bytes])
      .stream()
      .pipeThrough(new DecompressionStream('deflate-raw'))
      .getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > limit) {
        // Don't wait on cancel: it only frees the stream, and the answer is known.
        reader.cancel().catch(() => undefined);
        return 'too-large';
      }
      chunks.push(value);
    }
    const out = new Uint8Array(total);
    let at = 0;
    for (const chunk of chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  } catch {
    // Truncated data, bad block headers, bytes after the end: the stream errors.
    reader?.cancel().catch(() => undefined);
    return 'corrupt';
  }
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode takes its bytes as arguments, and those are limited.
  for (let at = 0; at < bytes.length; at += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Bytes, or null for text that isn't unpadded base64url. */
function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  // A length of 4n+1 leaves 6 stray bits: no encoder writes that.
  if (!BASE64URL.test(text) || text.length % 4 === 1) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, (char) => char.charCodeAt(0));
  } catch {
    return null;
  }
}

function kib(bytes: number): string {
  return `${Math.round(bytes / 1024)} KB`;
}
