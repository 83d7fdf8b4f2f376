import type { LaidOutDiagram, LaidOutNode } from '../../core/layout/types.ts';
import { safeHref } from '../../core/text/markdown.ts';
import { useT } from '../i18n/useT.ts';
import { EdgeLinks } from './EdgeLinks.tsx';
import { edgesOf, throughGroups } from './graph.ts';
import { Markdown } from './Markdown.tsx';

/**
 * Everything the diagram knows about one node or group, and the way to its
 * neighbours: its own edges, and those that reach it through a group around it.
 */
export function DetailsPanel({
  diagram,
  node,
  onSelect,
  onClose,
  onToggleCollapsed,
}: {
  diagram: LaidOutDiagram;
  node: LaidOutNode;
  onSelect: (id: string) => void;
  onClose: () => void;
  onToggleCollapsed: (id: string) => void;
}) {
  const t = useT();
  const byId = new Map(diagram.nodes.map((n) => [n.id, n]));
  const nameOf = (id: string) => byId.get(id)?.label || id;
  const { incoming, outgoing } = edgesOf(diagram, node.id);
  const through = throughGroups(diagram, node.id);
  const children = diagram.nodes.filter((n) => n.parent === node.id);
  const parent = node.parent ? byId.get(node.parent) : undefined;
  const href = node.link ? safeHref(node.link) : null;
  const isGroup = node.kind === 'group';

  // Per direction: the node's own edges, then those of each group around it.
  const edgeList = (direction: 'incoming' | 'outgoing', title: string) => {
    const end = direction === 'incoming' ? 'source' : 'target';
    const own = direction === 'incoming' ? incoming : outgoing;
    const groups = through.filter((g) => g[direction].length > 0);
    return (
      <section className="fd-panel-section" data-direction={direction}>
        <h3>{title}</h3>
        {own.length === 0 && groups.length === 0 ? (
          <p className="fd-muted">{t('view.none')}</p>
        ) : null}
        {own.length > 0 ? (
          <EdgeLinks key={node.id} edges={own} end={end} nameOf={nameOf} onSelect={onSelect} />
        ) : null}
        {groups.map((g) => (
          <div key={g.group} className="fd-through" data-through={g.group}>
            <p
              className="fd-through-head"
              title={t('view.throughHint', { group: nameOf(g.group) })}
            >
              {t('view.through', { group: nameOf(g.group) })}
            </p>
            <EdgeLinks
              key={node.id}
              edges={g[direction]}
              end={end}
              nameOf={nameOf}
              onSelect={onSelect}
            />
          </div>
        ))}
      </section>
    );
  };

  return (
    <aside className="fd-panel" aria-label={t('view.details')} data-panel-node={node.id}>
      <header className="fd-panel-head">
        <p className="fd-kind">
          {t(isGroup ? 'view.group' : 'view.node')}
          {parent ? (
            <>
              {' · '}
              <button type="button" className="fd-inline" onClick={() => onSelect(parent.id)}>
                {nameOf(parent.id)}
              </button>
            </>
          ) : null}
        </p>
        <h2>{node.label || node.id}</h2>
        <button
          type="button"
          className="fd-close"
          aria-label={t('view.close')}
          title={`${t('view.close')} (Esc)`}
          onClick={onClose}
        >
          ×
        </button>
      </header>
      {node.description ? <p className="fd-description">{node.description}</p> : null}
      {node.details ? <Markdown text={node.details} /> : null}
      {href ? (
        <p>
          <a href={href} target="_blank" rel="noopener noreferrer">
            {t('view.openLink')}
          </a>
        </p>
      ) : null}
      {isGroup ? (
        <section className="fd-panel-section">
          <h3>{t('view.inside')}</h3>
          {node.collapsed ? (
            <p className="fd-muted">{t('view.hiddenCount', { count: node.hiddenCount ?? 0 })}</p>
          ) : (
            <ul className="fd-links">
              {children.map((child) => (
                <li key={child.id}>
                  <button type="button" onClick={() => onSelect(child.id)}>
                    {nameOf(child.id)}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <button type="button" className="fd-button" onClick={() => onToggleCollapsed(node.id)}>
            {t(node.collapsed ? 'view.expand' : 'view.collapse')}
          </button>
        </section>
      ) : null}
      {edgeList('incoming', t('view.incoming'))}
      {edgeList('outgoing', t('view.outgoing'))}
    </aside>
  );
}
