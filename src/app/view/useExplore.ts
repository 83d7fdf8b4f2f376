import { type KeyboardEvent, type RefObject, useMemo, useRef, useState } from 'react';
import type { StepScene } from '../../core/animate/timeline.ts';
import type { LaidOutDiagram } from '../../core/layout/types.ts';
import { edgeHop, type StructuralMove, structuralMove } from '../../core/outline/navigate.ts';
import { plainLabel } from '../../core/outline/structure.ts';
import { useT } from '../i18n/useT.ts';
import { isTyping } from '../isTyping.ts';
import { type Direction, nearestInDirection } from './graph.ts';

const ARROWS: Record<string, Direction> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
};
/** Shift with an arrow moves by structure: ↓ into a group, ↑ out of it, → and ← between its members. */
const STRUCTURAL: Record<string, StructuralMove> = {
  ArrowDown: 'into',
  ArrowUp: 'out',
  ArrowRight: 'next',
  ArrowLeft: 'prev',
};

/** The last step along an edge, so `}` and `{` can take the next edge from the same node. */
interface LastHop {
  from: string;
  to: string;
  way: 'forward' | 'back';
  index: number;
}

/**
 * The keys that explore a diagram from a focused node (listed in the `?`
 * help, KeyHelp.tsx): arrows to the nearest node that way, Shift+arrows by
 * structure, `]`/`[` along an edge out or back, `}`/`{` the next edge from
 * the node just left, Enter to open. The focused node's name says where it
 * is (its `aria-label`, `describeNodes()`); `message` is what the move
 * itself adds ("from kubectl along HTTPS, 1 of 1"), for a live region.
 * Hidden nodes of a flow's step are skipped.
 */
export function useExplore({
  diagram,
  scene,
  root,
  selected,
  onSelect,
}: {
  diagram: LaidOutDiagram;
  scene: StepScene | undefined;
  root: RefObject<HTMLDivElement | null>;
  selected: string | null;
  onSelect: (id: string | null) => void;
}) {
  const t = useT();
  const [message, setMessage] = useState('');
  const lastHop = useRef<LastHop | null>(null);
  // What the step shows: hidden nodes (and their edges) are not there to move to.
  const graph: LaidOutDiagram = useMemo(() => {
    if (!scene || !Object.values(scene.nodes).includes('hidden')) return diagram;
    const nodes = diagram.nodes.filter((n) => scene.nodes[n.id] !== 'hidden');
    const shown = new Set(nodes.map((n) => n.id));
    const edges = diagram.edges.filter((e) => shown.has(e.source) && shown.has(e.target));
    return { ...diagram, nodes, edges };
  }, [diagram, scene]);
  const label = (id: string) => {
    const node = graph.nodes.find((n) => n.id === id);
    return node ? plainLabel(node) : id;
  };
  // A repeated message is still spoken: it alternates a trailing no-break space.
  const say = (text: string) => setMessage((before) => (before === text ? `${text}\u00a0` : text));

  const focusNode = (id: string) => {
    root.current
      ?.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`)
      ?.focus();
    if (selected) onSelect(id);
  };

  const structural = (from: string, move: StructuralMove) => {
    const to = structuralMove(graph, from, move);
    if (to) {
      say('');
      focusNode(to);
      return;
    }
    const parent = graph.nodes.find((n) => n.id === from)?.parent;
    const group = parent && graph.nodes.some((n) => n.id === parent) ? label(parent) : null;
    if (move === 'into') say(t('explore.noInto', { label: label(from) }));
    else if (move === 'out') say(t('explore.noOut', { label: label(from) }));
    else if (move === 'next') say(group ? t('explore.noNext', { group }) : t('explore.noNextTop'));
    else say(group ? t('explore.noPrev', { group }) : t('explore.noPrevTop'));
  };

  const hop = (current: string, way: 'forward' | 'back', another: boolean) => {
    const last = lastHop.current;
    const again = another && last && last.to === current && last.way === way;
    const from = again ? last.from : current;
    const found = edgeHop(graph, from, way, again ? last.index + 1 : 0);
    if (!found) {
      say(
        t(way === 'forward' ? 'explore.noOutgoing' : 'explore.noIncoming', { label: label(from) }),
      );
      return;
    }
    lastHop.current = { from, to: found.node, way, index: found.index };
    const vars = { from: label(from), index: found.index + 1, count: found.count };
    const text = found.edge.label?.replace(/\s*\n\s*/g, ' ').trim();
    say(
      way === 'forward'
        ? text
          ? t('explore.along', { ...vars, label: text })
          : t('explore.alongPlain', vars)
        : text
          ? t('explore.back', { ...vars, label: text })
          : t('explore.backPlain', vars),
    );
    focusNode(found.node);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
    const current =
      (event.target as HTMLElement).closest<HTMLElement>('.react-flow__node')?.dataset.id ?? null;
    const key = event.key;
    if (current && event.shiftKey && STRUCTURAL[key]) {
      event.preventDefault();
      structural(current, STRUCTURAL[key]);
    } else if (current && (key === ']' || key === '}' || key === '[' || key === '{')) {
      event.preventDefault();
      hop(current, key === ']' || key === '}' ? 'forward' : 'back', key === '}' || key === '{');
    } else if (
      !event.shiftKey &&
      ARROWS[key] &&
      !(scene && (key === 'ArrowLeft' || key === 'ArrowRight'))
    ) {
      // During a flow, ← and → belong to the player; ↑ and ↓ still move between nodes.
      event.preventDefault();
      const from = current ?? selected ?? graph.nodes[0]?.id;
      const next = from && (current ? nearestInDirection(graph, from, ARROWS[key]) : from);
      if (next) {
        say('');
        focusNode(next);
      }
    } else if ((key === 'Enter' || key === ' ') && current) {
      event.preventDefault();
      onSelect(current);
    }
  };

  return { onKeyDown, message };
}
