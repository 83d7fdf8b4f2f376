import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isDiagramFile } from '../core/parse/files.ts';

/** Every diagram file named, or inside a named folder (recursively), sorted so output is stable. */
export async function collectDiagramFiles(paths: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    // A path that cannot be looked at is kept, so reading it reports why, among the others.
    const info = await stat(path).catch(() => null);
    if (!info?.isDirectory()) {
      found.push(path);
      continue;
    }
    const entries = await readdir(path, { recursive: true });
    for (const entry of entries.sort()) {
      if (isDiagramFile(entry)) found.push(join(path, entry));
    }
  }
  return found;
}
