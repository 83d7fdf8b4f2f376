// File names only: no parser is imported here, so the app's first screen can
// use these without loading YAML, zod or the Mermaid importer.

/** File extensions Flowdeck reads, by format. */
export const MERMAID_EXTENSIONS = ['.mmd', '.mermaid'] as const;
export const SPEC_EXTENSIONS = ['.yaml', '.yml'] as const;

/** A diagram's id: its file name without directory and extension (`diagrams/cri-chain.yaml` → `cri-chain`). */
export function diagramId(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/** Whether a file name is one Flowdeck reads. */
export function isDiagramFile(file: string): boolean {
  const lower = file.toLowerCase();
  return [...MERMAID_EXTENSIONS, ...SPEC_EXTENSIONS].some((ext) => lower.endsWith(ext));
}
