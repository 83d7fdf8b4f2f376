import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  decodeShare,
  encodeShare,
  MAX_SHARE_FRAGMENT,
  MAX_SHARE_TEXT_BYTES,
  SHARE_VERSION,
  ShareTooLargeError,
} from './share.ts';

// Every file in diagrams/, decks too: a link carries any text.
const diagrams = import.meta.glob('/diagrams/*', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/** A fragment in the link format around any bytes, for data `encodeShare` would never write. */
async function fragmentOf(data: string | Uint8Array<ArrayBuffer>): Promise<string> {
  const deflated = await new Response(
    new Blob([data]).stream().pipeThrough(new CompressionStream('deflate-raw')),
  ).arrayBuffer();
  const binary = String.fromCharCode(...new Uint8Array(deflated));
  return SHARE_VERSION + btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function roundTrip(text: string) {
  return decodeShare(await encodeShare(text));
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('share links', () => {
  it.each([
    ['ASCII', 'flowchart LR\n  a[Client] --> b[(DB)]'],
    ['Korean', 'title: CRI 호출 체인\nnodes:\n  kubelet: 쿠블렛 — 노드 에이전트 🙂'],
    ['empty', ''],
    ['a byte-order mark and CRLF', '\uFEFFtitle: x\r\n'],
  ])('round-trips %s text', async (_name, text) => {
    expect(await roundTrip(text)).toEqual({ ok: true, text });
  });

  it('round-trips every file in diagrams/, in a URL-safe fragment', async () => {
    const files = Object.entries(diagrams);
    expect(files.length).toBeGreaterThanOrEqual(10);
    for (const [file, text] of files) {
      const fragment = await encodeShare(text);
      expect(fragment, file).toMatch(/^1[A-Za-z0-9_-]+$/);
      expect(await decodeShare(fragment), file).toEqual({ ok: true, text });
    }
  });

  it('keeps a typical diagram link short', async () => {
    const lengths: string[] = [];
    for (const file of ['/diagrams/kubectl-apply.yaml', '/diagrams/apply-flow.mmd']) {
      const text = diagrams[file] ?? '';
      const fragment = await encodeShare(text);
      const bytes = new TextEncoder().encode(text).length;
      const escaped = encodeURIComponent(text).length;
      lengths.push(
        `${file}: ${text.length} characters, ${bytes} UTF-8 bytes, ${escaped} percent-encoded → ${fragment.length}`,
      );
      // Far shorter than the text percent-encoded into a URL (Korean takes 9 characters a letter).
      expect(fragment.length).toBeLessThan(escaped / 2);
      expect(fragment.length).toBeLessThan(8000);
    }
    console.info(`share link fragments: ${lengths.join('; ')}`);
  });

  it('refuses to encode a text no link could open', async () => {
    const text = 'x'.repeat(MAX_SHARE_TEXT_BYTES + 1);
    await expect(encodeShare(text)).rejects.toBeInstanceOf(ShareTooLargeError);
  });
});

describe('decoding a link is bounded', () => {
  /** The real DecompressionStream, counting the bytes it hands out. */
  function countInflatedBytes() {
    const Real = DecompressionStream;
    const counter = { streams: 0, bytes: 0 };
    class Counting {
      readonly writable: WritableStream<BufferSource>;
      readonly readable: ReadableStream<Uint8Array>;
      constructor(format: CompressionFormat) {
        counter.streams++;
        const real = new Real(format);
        this.writable = real.writable;
        this.readable = real.readable.pipeThrough(
          new TransformStream<Uint8Array, Uint8Array>({
            transform(chunk, controller) {
              counter.bytes += chunk.length;
              controller.enqueue(chunk);
            },
          }),
        );
      }
    }
    vi.stubGlobal('DecompressionStream', Counting);
    return counter;
  }

  it('refuses a zip bomb quickly, without inflating all of it', async () => {
    // 50 MB of one character deflates to about 48 KB: a link just under the length limit.
    const bomb = await fragmentOf('a'.repeat(50_000_000));
    expect(bomb.length).toBeLessThanOrEqual(MAX_SHARE_FRAGMENT);
    const counter = countInflatedBytes();
    const started = performance.now();
    const result = await decodeShare(bomb);
    const elapsed = performance.now() - started;
    expect(result).toMatchObject({ ok: false, reason: 'too-large' });
    expect(counter.streams).toBe(1);
    expect(counter.bytes).toBeGreaterThan(MAX_SHARE_TEXT_BYTES);
    expect(counter.bytes).toBeLessThan(2 * 1024 * 1024);
    expect(elapsed).toBeLessThan(2000);
  });

  it('refuses an over-long link before inflating anything', async () => {
    const counter = countInflatedBytes();
    const result = await decodeShare(SHARE_VERSION + 'A'.repeat(MAX_SHARE_FRAGMENT));
    expect(result).toMatchObject({ ok: false, reason: 'too-large' });
    expect(counter.streams).toBe(0);
  });

  it('calls a cut-short link corrupt, wherever it was cut', async () => {
    const fragment = await encodeShare(diagrams['/diagrams/kubectl-apply.yaml'] ?? '');
    for (const length of [1, 2, 5, 100, fragment.length / 2, fragment.length - 2]) {
      const result = await decodeShare(fragment.slice(0, Math.floor(length)));
      expect(result, `cut at ${length}`).toMatchObject({ ok: false, reason: 'corrupt' });
    }
  });

  it.each([
    ['characters base64url lacks', `${SHARE_VERSION}abc+/def`],
    ['padding', `${SHARE_VERSION}YWI=`],
    ['an impossible length', `${SHARE_VERSION}abcde`],
    ['bytes that are not deflate data', `${SHARE_VERSION}garbagegarbage`],
    ['no version character', '%7Bnot-a-link'],
    ['nothing at all', ''],
  ])('calls a link with %s corrupt', async (_name, fragment) => {
    const result = await decodeShare(fragment);
    expect(result).toMatchObject({ ok: false, reason: 'corrupt' });
    if (!result.ok) expect(result.message).toMatch(/^The link /);
  });

  it('calls data that is not UTF-8 text corrupt', async () => {
    const fragment = await fragmentOf(new Uint8Array([0x61, 0xff, 0xfe, 0x62]));
    expect(await decodeShare(fragment)).toEqual({
      ok: false,
      reason: 'corrupt',
      message: 'The link is damaged: its data is not text.',
    });
  });

  it('calls a link in a format it does not know unsupported', async () => {
    const fragment = await encodeShare('flowchart LR\n  a --> b');
    const result = await decodeShare(`2${fragment.slice(1)}`);
    expect(result).toMatchObject({ ok: false, reason: 'unsupported' });
  });
});
