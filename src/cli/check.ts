import { readFile } from 'node:fs/promises';
import { formatDiagnostic } from '../core/model/formatDiagnostic.ts';
import { parseDiagram } from '../core/parse/parseDiagram.ts';
import { collectDiagramFiles } from './files.ts';

/** `flowdeck check`: validates files, prints `file:line:col: …`, and returns the exit code. */
export async function check(paths: string[], out: (line: string) => void): Promise<number> {
  const files = await collectDiagramFiles(paths);
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    const { diagnostics } = parseDiagram(await readFile(file, 'utf8'), { file });
    for (const d of diagnostics) {
      out(formatDiagnostic(d));
      if (d.severity === 'error') errors++;
      else warnings++;
    }
  }
  out(`${files.length} file(s) checked: ${errors} error(s), ${warnings} warning(s)`);
  return errors > 0 || files.length === 0 ? 1 : 0;
}
