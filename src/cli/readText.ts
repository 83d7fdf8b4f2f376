import { readFile } from 'node:fs/promises';

/** A diagram file's text, or the line that says why there is none. */
export type ReadResult = { ok: true; text: string } | { ok: false; problem: string };

/**
 * Reads a file as UTF-8 text for the commands that go through many files:
 * a file that cannot be read (missing, a folder named `x.yaml`, no
 * permission) or that is not text (bytes that are not UTF-8, a NUL byte)
 * gives a problem line, `file: error: …` or `file:line:col: error: …`
 * where there is a place, so the command reports it and carries on.
 */
export async function readDiagramText(file: string): Promise<ReadResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return { ok: false, problem: `${file}: error: ${unreadable(error as NodeJS.ErrnoException)}` };
  }
  const bad = firstInvalidByte(bytes);
  const nul = bytes.indexOf(0);
  if (bad === -1 && nul === -1) return { ok: true, text: new TextDecoder().decode(bytes) };
  const offset = bad === -1 ? nul : nul === -1 ? bad : Math.min(bad, nul);
  const { line, col } = placeOf(bytes, offset);
  const what =
    offset === nul
      ? 'binary content (a NUL byte): a diagram is a text file'
      : `not UTF-8 text (byte 0x${(bytes[offset] ?? 0).toString(16).padStart(2, '0')}): save it as UTF-8, or is it a binary file?`;
  return { ok: false, problem: `${file}:${line}:${col}: error: ${what}` };
}

function unreadable(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'EISDIR':
      return 'is a folder, not a diagram file';
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'cannot be read: permission denied';
    default:
      return `cannot be read: ${error.message}`;
  }
}

/** The offset of the first byte that does not start or continue a well-formed UTF-8 sequence; -1 if none. */
export function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    // Lead bytes and the range their first continuation byte may take (RFC 3629's table).
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      const [min, max] = k === 1 ? [low, high] : [0x80, 0xbf];
      if (c === undefined || c < min || c > max) return i;
    }
    i += length;
  }
  return -1;
}

/** 1-based line and column (in characters) of a byte offset, counting the valid text before it. */
function placeOf(bytes: Uint8Array, offset: number): { line: number; col: number } {
  const before = new TextDecoder().decode(bytes.subarray(0, offset));
  const lines = before.split('\n');
  return { line: lines.length, col: [...(lines.at(-1) ?? '')].length + 1 };
}
