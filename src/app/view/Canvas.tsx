import {
  ControlButton,
  Controls,
  getViewportForBounds,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useStoreApi,
} from '@xyflow/react';
import { type KeyboardEvent, type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { boundingBox } from '../../core/animate/pointAlong.ts';
import type { ElementState } from '../../core/animate/timeline.ts';
import type { Box, LaidOutDiagram } from '../../core/layout/types.ts';
import { GroupNode } from '../flow/GroupNode.tsx';
import { RoutedEdge } from '../flow/RoutedEdge.tsx';
import { ShapeNode } from '../flow/ShapeNode.tsx';
import { toReactFlow } from '../flow/toReactFlow.ts';
import { flowAriaLabels } from '../i18n/flowAriaLabels.ts';
import { useT } from '../i18n/useT.ts';
import { usePresenter } from '../present/usePresenter.ts';
import { useTheme } from '../theme/useTheme.ts';
import { createCamera } from './camera.ts';
import { centredView } from './cameraPath.ts';
import { type Direction, nearestInDirection, neighbourhood } from './graph.ts';
import { useInParts } from './inParts.ts';
import { CameraContext } from './useCamera.ts';

const nodeTypes = { shape: ShapeNode, container: GroupNode };
const edgeTypes = { routed: RoutedEdge };
const FIT = { padding: { x: '4%', y: '4%' }, maxZoom: 1.5 } as const;
const MIN_ZOOM = 0.02;
const ARROWS: Record<string, Direction> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
};
/** Room around a flow step's focus, as a share of its size on each side. */
const FOCUS_PADDING = 0.2;
/** The camera never zooms a step's focus in further than this. */
const FOCUS_MAX_ZOOM = 1.25;
/** How long a collapse or expand glides (the CSS transitions use the same). */
const MORPH_MS = 450;
/** How long the camera flies to a flow step's focus. */
const STEP_GLIDE_MS = 700;

export interface CanvasProps {
  diagram: LaidOutDiagram;
  selected: string | null;
  onSelect: (id: string | null) => void;
  /** A flow step's states; everything is `idle` without. */
  states?: { nodes: Record<string, ElementState>; edges: Record<string, ElementState> } | undefined;
  /** What the camera frames (a flow step's focus); the whole diagram without. */
  focus?: Box | undefined;
  /** Drawn inside React Flow, e.g. a step's tokens. */
  children?: ReactNode;
}

/** The diagram drawn by React Flow, where ELK put everything, with pointer and keyboard reading aids. */
export function Canvas(props: CanvasProps) {
  return (
    <ReactFlowProvider>
      <CanvasInner {...props} />
    </ReactFlowProvider>
  );
}

type FlowElements = ReturnType<typeof toReactFlow>;
type Leaving = { nodes: FlowElements['nodes']; edges: FlowElements['edges'] };

/**
 * What `before` draws and `after` does not, marked `hidden` so it fades out
 * in place (diagram.css) while the rest glides. Edges between nodes that stay
 * are kept too, their ends being there.
 */
function leavingOf(before: FlowElements, after: FlowElements): Leaving | null {
  const nodeIds = new Set(after.nodes.map((n) => n.id));
  const edgeIds = new Set(after.edges.map((e) => e.id));
  const nodes = before.nodes
    .filter((n) => !nodeIds.has(n.id))
    .map((n) => ({
      ...n,
      data: { ...n.data, state: 'hidden' as const },
      focusable: false,
      selectable: false,
    }));
  const edges = before.edges
    .filter((e) => !edgeIds.has(e.id))
    .map((e) => (e.data ? { ...e, data: { ...e.data, state: 'hidden' as const } } : e));
  return nodes.length === 0 && edges.length === 0 ? null : { nodes, edges };
}

/** The theme store resolves the reader's choice against the system and marks the root. */
function reducedMotion(): boolean {
  return document.documentElement.dataset.motion === 'reduce';
}

function CanvasInner({ diagram, selected, onSelect, states, focus, children }: CanvasProps) {
  const t = useT();
  const { colorMode } = useTheme();
  const { on: presenting } = usePresenter();
  // The camera flies without React Flow's store until it arrives (camera.ts).
  const store = useStoreApi();
  const [camera] = useState(() => createCamera({ store }));
  useEffect(() => () => camera.destroy(), [camera]);
  // "Fit" frames the flow step's focus when there is one, else the diagram.
  // A small focus (one node) is not blown up past FOCUS_MAX_ZOOM.
  const frame = useRef<(duration: number) => void>(() => {});
  frame.current = (duration) => {
    const element = root.current;
    const size = camera.size();
    // Not laid out yet (a first render, an embed's iframe): a camera flight
    // into a 0×0 box gives NaN viewports. The resize observer frames it once
    // it has a size.
    if (!element || element.clientWidth === 0 || element.clientHeight === 0) return;
    if (size.width === 0 || size.height === 0) return;
    if (!focus) {
      // React Flow's fitView, over the boxes ELK gave the nodes.
      const bounds = boundingBox(diagram.nodes);
      if (!bounds) return;
      const { width, height } = size;
      camera.glide(
        getViewportForBounds(bounds, width, height, MIN_ZOOM, FIT.maxZoom, FIT.padding),
        duration,
      );
      return;
    }
    const room = 1 + 2 * FOCUS_PADDING;
    const zoom = Math.min(
      FOCUS_MAX_ZOOM,
      element.clientWidth / Math.max(focus.width * room, 1),
      element.clientHeight / Math.max(focus.height * room, 1),
    );
    const centre = { x: focus.x + focus.width / 2, y: focus.y + focus.height / 2 };
    camera.glide(centredView(centre, Math.max(zoom, MIN_ZOOM), size), duration);
  };
  const root = useRef<HTMLDivElement>(null);
  const [minimap, setMinimap] = useState(false);
  // The minimap draws the camera from the store: in flight, it follows only if the store does.
  useEffect(() => camera.update({ followStore: minimap }), [camera, minimap]);
  const ariaLabelConfig = useMemo(() => flowAriaLabels(t), [t]);

  // While the reader has not moved the view, it stays fitted: when the panel
  // opens or closes, the window resizes or the phone turns.
  const fitted = useRef(true);

  // A new layout (a group folded or unfolded, or the next diagram of a deck)
  // glides from the old one: nodes with the same id keep their elements and
  // CSS transitions move them; new ones fade in; the ones that leave stay a
  // moment as `hidden`, so they fade out rather than vanish. Worked out while
  // rendering, so a leaving node's element is never dropped in between.
  const base = useMemo(() => toReactFlow(diagram), [diagram]);
  const [shownBase, setShownBase] = useState(base);
  const [entering, setEntering] = useState<ReadonlySet<string>>(new Set());
  const [leaving, setLeaving] = useState<Leaving | null>(null);
  const [morphing, setMorphing] = useState(false);
  if (shownBase !== base) {
    setShownBase(base);
    const animate = !reducedMotion();
    const had = new Set(shownBase.nodes.map((n) => n.id));
    setEntering(
      animate ? new Set(base.nodes.filter((n) => !had.has(n.id)).map((n) => n.id)) : new Set(),
    );
    setLeaving(animate ? leavingOf(shownBase, base) : null);
    setMorphing(animate);
  }
  const previous = useRef<LaidOutDiagram | null>(null);
  useEffect(() => {
    const before = previous.current;
    previous.current = diagram;
    light(null);
    if (!before || before === diagram) return;
    if (fitted.current) frame.current(reducedMotion() ? 0 : MORPH_MS);
    if (reducedMotion()) return;
    const done = setTimeout(() => {
      setMorphing(false);
      setEntering(new Set());
      setLeaving(null);
    }, MORPH_MS);
    return () => clearTimeout(done);
  }, [diagram]);

  useEffect(() => {
    const element = root.current;
    if (!element) return;
    const observer = new ResizeObserver(() => {
      if (fitted.current) frame.current(0);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // The camera follows a flow: each step glides to its focus.
  useEffect(() => {
    if (!focus) return;
    fitted.current = true;
    frame.current(reducedMotion() ? 0 : STEP_GLIDE_MS);
  }, [focus]);

  // A node or edge object is made again only when what it shows changed
  // (its state, selection or entrance), so a flow step re-renders the handful
  // of elements it touches, not the whole graph.
  const made = useRef({
    base,
    nodes: new Map<string, unknown>(),
    edges: new Map<string, unknown>(),
  });
  if (made.current.base !== base) made.current = { base, nodes: new Map(), edges: new Map() };
  const shownNodes = useMemo(
    () =>
      base.nodes.map((node) => {
        const state = states?.nodes[node.id];
        const isSelected = node.id === selected;
        const isEntering = entering.has(node.id);
        const key = `${state ?? ''}|${isSelected}|${isEntering}`;
        const cached = made.current.nodes.get(node.id) as
          | { key: string; value: typeof node }
          | undefined;
        if (cached?.key === key) return cached.value;
        const value =
          !isSelected && !isEntering && !state
            ? node
            : {
                ...node,
                selected: isSelected,
                ...(isEntering ? { className: 'fd-entering' } : {}),
                ...(state ? { data: { ...node.data, state } } : {}),
              };
        made.current.nodes.set(node.id, { key, value });
        return value;
      }),
    [base, selected, entering, states],
  );
  const shownEdges = useMemo(
    () =>
      base.edges.map((edge) => {
        const state = states?.edges[edge.id];
        const cached = made.current.edges.get(edge.id) as
          | { key: string; value: typeof edge }
          | undefined;
        if (cached?.key === (state ?? '')) return cached.value;
        const value = state && edge.data ? { ...edge, data: { ...edge.data, state } } : edge;
        made.current.edges.set(edge.id, { key: state ?? '', value });
        return value;
      }),
    [base, states],
  );
  const nodes = useMemo(
    () => (leaving ? [...shownNodes, ...leaving.nodes] : shownNodes),
    [shownNodes, leaving],
  );
  const edges = useMemo(
    () => (leaving ? [...shownEdges, ...leaving.edges] : shownEdges),
    [shownEdges, leaving],
  );

  // A big diagram fills in a part per task; React Flow's fit on start saw
  // the first part only, so the whole is framed once it is all there.
  const drawn = useInParts(nodes, edges, () => {
    if (fitted.current) frame.current(0);
  });

  // Pointing lights a node and its neighbours and dims the rest, but never
  // over a story: while presenting it does nothing (the laser and the
  // spotlight sweep across nodes), and while a flow plays it only rings the
  // node pointed at, so the step's subjects keep their emphasis.
  const hovered = useRef<string | null>(null);
  const hover = presenting ? 'none' : states ? 'hint' : 'full';
  const light = (id: string | null) => {
    hovered.current = id;
    const element = root.current;
    if (!element) return;
    for (const lit of element.querySelectorAll('[data-lit]')) lit.removeAttribute('data-lit');
    if (id === null || hover === 'none') {
      element.removeAttribute('data-hovering');
      return;
    }
    element.setAttribute('data-hovering', hover);
    if (hover === 'hint') {
      element.querySelector(`[data-node-id="${CSS.escape(id)}"]`)?.setAttribute('data-lit', '');
      return;
    }
    const { nodes: litNodes, edges: litEdges } = neighbourhood(diagram, id);
    for (const el of element.querySelectorAll<HTMLElement>('[data-node-id]')) {
      if (litNodes.has(el.dataset.nodeId ?? '')) el.setAttribute('data-lit', '');
    }
    for (const el of element.querySelectorAll<SVGElement>('[data-edge-id]')) {
      if (litEdges.has(el.dataset.edgeId ?? '')) el.setAttribute('data-lit', '');
    }
  };

  const lightAgain = useRef(light);
  lightAgain.current = light;
  useEffect(() => {
    lightAgain.current(hovered.current);
  }, [hover]);

  const focusNode = (id: string) => {
    const target = root.current?.querySelector<HTMLElement>(
      `.react-flow__node[data-id="${CSS.escape(id)}"]`,
    );
    target?.focus();
  };

  const focusedId = (event: KeyboardEvent): string | null => {
    const element = (event.target as HTMLElement).closest<HTMLElement>('.react-flow__node');
    return element?.dataset.id ?? null;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if ((event.target as HTMLElement).closest('input, textarea, select, [contenteditable]')) return;
    const current = focusedId(event);
    // During a flow, ← and → belong to the player; ↑ and ↓ still move between nodes.
    const direction =
      states && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')
        ? undefined
        : ARROWS[event.key];
    if (direction) {
      event.preventDefault();
      const from = current ?? selected ?? diagram.nodes[0]?.id;
      const next = from && (current ? nearestInDirection(diagram, from, direction) : from);
      if (next) {
        focusNode(next);
        if (selected) onSelect(next);
      }
    } else if ((event.key === 'Enter' || event.key === ' ') && current) {
      event.preventDefault();
      onSelect(current);
    }
  };

  // f and m work wherever the focus is on the page (but not while typing).
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable]')) return;
      if (event.key === 'f') {
        fitted.current = true;
        frame.current(reducedMotion() ? 0 : 300);
      } else if (event.key === 'm') {
        setMinimap((on) => !on);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div
      ref={root}
      className="fd-canvas"
      data-diagram-id={diagram.id}
      data-shape={diagram.shape}
      data-morphing={morphing || undefined}
      onKeyDown={onKeyDown}
      onFocus={(event) => {
        const id = (event.target as HTMLElement).closest<HTMLElement>('.react-flow__node')?.dataset
          .id;
        if (id) light(id);
      }}
      onBlur={() => light(null)}
    >
      <ReactFlow
        nodes={drawn.nodes}
        edges={drawn.edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        colorMode={colorMode}
        ariaLabelConfig={ariaLabelConfig}
        fitView
        fitViewOptions={FIT}
        minZoom={MIN_ZOOM}
        maxZoom={4}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        edgesFocusable={false}
        onNodeClick={(_, node) => onSelect(node.id)}
        onPaneClick={() => onSelect(null)}
        onMove={(event) => {
          // Only the reader's own pan or zoom carries an event.
          if (event) fitted.current = false;
        }}
        onNodeMouseEnter={(_, node) => light(node.id)}
        onNodeMouseLeave={() => light(null)}
        proOptions={{ hideAttribution: true }}
      >
        <Controls
          showInteractive={false}
          fitViewOptions={FIT}
          onFitView={() => {
            fitted.current = true;
          }}
        >
          <ControlButton
            onClick={() => setMinimap((on) => !on)}
            aria-label={t('flow.minimap')}
            aria-pressed={minimap}
            title={`${t('flow.minimap')} (m)`}
          >
            <svg viewBox="0 0 16 16" aria-hidden="true">
              <rect
                x="1.5"
                y="2.5"
                width="13"
                height="11"
                rx="1"
                fill="none"
                stroke="currentColor"
              />
              <rect x="8" y="8" width="5" height="4" fill="currentColor" />
            </svg>
          </ControlButton>
        </Controls>
        {minimap ? <MiniMap pannable zoomable ariaLabel={t('flow.minimap')} /> : null}
        <CameraContext value={camera}>{children}</CameraContext>
      </ReactFlow>
    </div>
  );
}
