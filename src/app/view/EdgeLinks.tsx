import { useState } from 'react';
import type { LaidOutEdge } from '../../core/layout/types.ts';
import { useT } from '../i18n/useT.ts';

/** How many connections a list shows before "Show n more": a busy group's edges stay skimmable. */
const SHOWN = 8;

/** A list of edges, each a button to the node at its far end (`end`), with the edge's label. */
export function EdgeLinks({
  edges,
  end,
  nameOf,
  onSelect,
}: {
  edges: readonly LaidOutEdge[];
  end: 'source' | 'target';
  nameOf: (id: string) => string;
  onSelect: (id: string) => void;
}) {
  const t = useT();
  const [all, setAll] = useState(false);
  const shown = all || edges.length <= SHOWN + 1 ? edges : edges.slice(0, SHOWN);
  return (
    <ul className="fd-links">
      {shown.map((edge) => (
        <li key={edge.id}>
          <button type="button" onClick={() => onSelect(edge[end])}>
            <span aria-hidden="true">{end === 'source' ? '← ' : '→ '}</span>
            {nameOf(edge[end])}
          </button>
          {edge.label ? <span className="fd-edge-note">{edge.label}</span> : null}
        </li>
      ))}
      {shown.length < edges.length ? (
        <li>
          <button type="button" className="fd-more" onClick={() => setAll(true)}>
            {t('view.showMore', { count: edges.length - shown.length })}
          </button>
        </li>
      ) : null}
    </ul>
  );
}
