import { diagramId } from '../core/parse/files.ts';

export interface DiagramSource {
  id: string;
  file: string;
  text: string;
}

// Bundled at build time, so the app works offline from any static host.
const files = import.meta.glob('/diagrams/*.{mmd,mermaid,yaml,yml}', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/** Every diagram in diagrams/, sorted by id. */
export const DIAGRAMS: DiagramSource[] = Object.entries(files)
  .map(([path, text]) => ({ id: diagramId(path), file: path.slice(1), text }))
  .sort((a, b) => a.id.localeCompare(b.id));
