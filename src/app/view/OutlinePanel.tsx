import { useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { titleWalkthroughs } from '../../core/animate/defaultFlow.ts';
import type { LaidOutDiagram } from '../../core/layout/types.ts';
import { linkLine, nodeLine, stepLines, stepTitle } from '../../core/outline/markdown.ts';
import { type OutlineNode, outline } from '../../core/outline/outline.ts';
import { wordsFor } from '../../core/outline/words.ts';
import { useLanguage, useT } from '../i18n/useT.ts';
import './outline.css';

/**
 * The diagram as text, the same words as its Markdown export: a region a
 * screen reader finds by its landmark at any time. Closed, it is visually
 * hidden and holds nothing focusable; open, it is a side panel whose node
 * names select the node on the canvas.
 */
export function OutlinePanel({
  diagram,
  open,
  onClose,
  onSelect,
}: {
  diagram: LaidOutDiagram;
  open: boolean;
  onClose: () => void;
  onSelect: (id: string) => void;
}) {
  const t = useT();
  const { language } = useLanguage();
  const words = wordsFor(language);
  // The hidden outline of a big diagram is many elements (0.4 s to add 9,000 on a busy
  // laptop): made once the canvas is drawn and the page idle, and in the background after.
  const idle = useIdle();
  const shown = useDeferredValue<LaidOutDiagram | null>(idle || open ? diagram : null, null);
  const tree = useMemo(
    () => (shown ? outline(titleWalkthroughs(shown, words.walkthrough)) : null),
    [shown, words],
  );
  const heading = useId();
  const head = useRef<HTMLHeadingElement>(null);

  const ready = tree !== null;
  useEffect(() => {
    // Opened (or drawn, when opened before it was): the reader starts at its heading.
    if (open && ready) head.current?.focus();
  }, [open, ready]);
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      // A details panel open over it closes first (its own Escape).
      if (event.key !== 'Escape' || document.querySelector('.fd-panel[data-panel-node]')) return;
      onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, onClose]);

  if (!tree) return null;
  const name = (node: OutlineNode) =>
    open ? (
      <button type="button" className="fd-inline" onClick={() => onSelect(node.id)}>
        {node.label}
      </button>
    ) : (
      node.label
    );
  const item = (node: OutlineNode) => (
    <li key={node.id}>
      {name(node)}
      {nodeLine(node, words).slice(node.label.length)}
      {node.links.length > 0 || node.children.length > 0 ? (
        <ul>
          {node.links.map((link) => (
            <li key={link.edge} className="fd-outline-link">
              {linkLine(link, words)}
            </li>
          ))}
          {node.children.map(item)}
        </ul>
      ) : null}
    </li>
  );
  return (
    <section
      className={open ? 'fd-panel fd-outline' : 'fd-sr-only'}
      aria-labelledby={heading}
      data-outline={open ? 'open' : 'hidden'}
    >
      <header className="fd-panel-head">
        <h2 id={heading} ref={head} tabIndex={open ? -1 : undefined}>
          {words.outlineOf(tree.title)}
        </h2>
        {open ? (
          <button
            type="button"
            className="fd-close"
            aria-label={t('outline.close')}
            title={`${t('outline.close')} (Esc)`}
            onClick={onClose}
          >
            ×
          </button>
        ) : null}
      </header>
      {tree.description ? <p className="fd-description">{tree.description}</p> : null}
      <h3>{words.parts}</h3>
      <ul className="fd-outline-list">{tree.nodes.map(item)}</ul>
      {tree.flows.length > 0 ? <h3>{words.flows}</h3> : null}
      {tree.flows.map((flow) => (
        <section key={flow.id} className="fd-outline-flow">
          <h4>{flow.title}</h4>
          {flow.description ? <p>{flow.description}</p> : null}
          <ol className="fd-outline-list">
            {flow.steps.map((step) => (
              <li key={step.number}>
                {stepTitle(step, words)}
                <StepChanges lines={stepLines(step, words)} />
              </li>
            ))}
          </ol>
        </section>
      ))}
    </section>
  );
}

function StepChanges({ lines }: { lines: string[] }) {
  if (lines.length === 0) return null;
  return (
    <ul>
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

/** False until the page has first been idle (the canvas drawn), then true. */
function useIdle(): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (typeof requestIdleCallback !== 'function') {
      const timer = setTimeout(() => setIdle(true), 500);
      return () => clearTimeout(timer);
    }
    const id = requestIdleCallback(() => setIdle(true), { timeout: 3000 });
    return () => cancelIdleCallback(id);
  }, []);
  return idle;
}
