import {
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useStoreApi,
} from '@xyflow/react';
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import type { StepScene } from '../../core/animate/timeline.ts';
import { keepInSight } from '../../core/frame/keepInSight.ts';
import type { LaidOutDiagram } from '../../core/layout/types.ts';
import { describeEdges } from '../../core/outline/describeEdge.ts';
import { describeNodes } from '../../core/outline/describeNode.ts';
import { WORDS } from '../../core/outline/words.ts';
import { GroupNode } from '../flow/GroupNode.tsx';
import { RoutedEdge } from '../flow/RoutedEdge.tsx';
import { ShapeNode } from '../flow/ShapeNode.tsx';
import { toReactFlow } from '../flow/toReactFlow.ts';
import { flowAriaLabels } from '../i18n/flowAriaLabels.ts';
import { useLanguage, useT } from '../i18n/useT.ts';
import { isTyping } from '../isTyping.ts';
import { usePlayback } from '../playback/usePlayback.ts';
import { useTheme } from '../theme/useTheme.ts';
import { createCamera } from './camera.ts';
import { CHROME } from './chrome.ts';
import { neighbourhood } from './graph.ts';
import { useInParts } from './inParts.ts';
import { KeyHelp } from './KeyHelp.tsx';
import { useFramesWhole, useOnReframe } from './reframe.ts';
import { CameraContext } from './useCamera.ts';
import { useExplore } from './useExplore.ts';
import {
  MIN_ZOOM,
  reducedMotion,
  STEP_GLIDE_MS,
  useFraming,
  WHOLE_MAX_ZOOM,
} from './useFraming.ts';

const nodeTypes = { shape: ShapeNode, container: GroupNode };
const edgeTypes = { routed: RoutedEdge };
const FIT = { padding: { x: '4%', y: '4%' }, maxZoom: WHOLE_MAX_ZOOM } as const;
/** React Flow's fit-view icon, for the button that frames as `f` does. */
const FIT_ICON =
  'M3.692 4.63c0-.53.4-.938.939-.938h5.215V0H4.708C2.13 0 0 2.054 0 4.63v5.216h3.692V4.631zM27.354 0h-5.2v3.692h5.17c.53 0 .984.4.984.939v5.215H32V4.631A4.624 4.624 0 0027.354 0zm.954 24.83c0 .532-.4.94-.939.94h-5.215v3.768h5.215c2.577 0 4.631-2.13 4.631-4.707v-5.139h-3.692v5.139zm-23.677.94c-.531 0-.939-.4-.939-.94v-5.138H0v5.139c0 2.577 2.13 4.707 4.708 4.707h5.138V25.77H4.631z';
/** How long a collapse or expand glides (the CSS transitions use the same). */
const MORPH_MS = 450;

export interface CanvasProps {
  diagram: LaidOutDiagram;
  selected: string | null;
  onSelect: (id: string | null) => void;
  /**
   * A flow step: its states (everything is `idle` without) and what the
   * camera frames (its subjects; the whole diagram without).
   */
  scene?: StepScene | undefined;
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

function CanvasInner({ diagram, selected, onSelect, scene, children }: CanvasProps) {
  const t = useT();
  const { colorMode } = useTheme();
  const { on: presenting } = usePlayback();
  // The camera flies without React Flow's store until it arrives (camera.ts).
  const store = useStoreApi();
  const [camera] = useState(() => createCamera({ store }));
  useEffect(() => () => camera.destroy(), [camera]);
  const root = useRef<HTMLDivElement>(null);
  // While the reader has not moved the view, the camera keeps it framed.
  const fitted = useRef(true);
  const whole = useFramesWhole();
  const framed = whole ? undefined : scene;
  const { frame, overview } = useFraming({
    root,
    camera,
    diagram,
    scene: framed,
    presenting,
    fitted,
  });
  const refit = (duration: number) => {
    fitted.current = true;
    frame.current(reducedMotion() ? 0 : duration);
  };
  // Framing the whole diagram, or the step again, is a flight of its own.
  const framedWhole = useRef(whole);
  useEffect(() => {
    if (framedWhole.current === whole) return;
    framedWhole.current = whole;
    refit(450);
  });
  const [minimap, setMinimap] = useState(false);
  // The minimap draws the camera from the store: in flight, it follows only if the store does.
  useEffect(() => camera.update({ followStore: minimap }), [camera, minimap]);
  const ariaLabelConfig = useMemo(() => flowAriaLabels(t), [t]);

  // A new layout (a group folded or unfolded, or the next diagram of a deck)
  // glides from the old one: nodes with the same id keep their elements and
  // CSS transitions move them; new ones fade in; the ones that leave stay a
  // moment as `hidden`, so they fade out rather than vanish. Worked out while
  // rendering, so a leaving node's element is never dropped in between.
  const { language } = useLanguage();
  const base = useMemo(
    () =>
      toReactFlow(diagram, {
        nodes: describeNodes(diagram, WORDS[language]),
        edges: describeEdges(diagram, WORDS[language]),
      }),
    [diagram, language],
  );
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

  // The camera follows a flow: each step glides to its subjects.
  useEffect(() => {
    if (!scene) return;
    fitted.current = true;
    frame.current(reducedMotion() ? 0 : STEP_GLIDE_MS);
  }, [scene, frame]);

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
        const state = scene?.nodes[node.id];
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
    [base, selected, entering, scene],
  );
  const shownEdges = useMemo(
    () =>
      base.edges.map((edge) => {
        const state = scene?.edges[edge.id];
        const cached = made.current.edges.get(edge.id) as
          | { key: string; value: typeof edge }
          | undefined;
        if (cached?.key === (state ?? '')) return cached.value;
        const value = state && edge.data ? { ...edge, data: { ...edge.data, state } } : edge;
        made.current.edges.set(edge.id, { key: state ?? '', value });
        return value;
      }),
    [base, scene],
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
  const hover = presenting ? 'none' : scene ? 'hint' : 'full';
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

  const { onKeyDown, message } = useExplore({ diagram, scene, root, selected, onSelect });

  // A node reached by the keyboard is brought wholly into sight (React Flow's
  // own pan waits until it is wholly out): the camera glides to centre it
  // (a group, its title) at its zoom. Judged where the camera is going, not
  // where it is in a flight.
  const showFocused = (id: string) => {
    const node = diagram.nodes.find((n) => n.id === id);
    if (!node) return;
    const centreOn = node.kind === 'group' ? node.labelBox : node;
    const view = keepInSight(node, centreOn, camera.destination(), camera.size());
    if (!view) return;
    fitted.current = false;
    camera.glide(view, reducedMotion() ? 0 : 300);
  };

  // f and m work wherever the focus is on the page (but not while typing).
  const refitKey = useRef(refit);
  refitKey.current = refit;
  useOnReframe(() => refit(300));
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
      if (isTyping(event.target)) return;
      if (event.key === 'f') {
        refitKey.current(300);
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
      data-overview={overview || undefined}
      onKeyDown={onKeyDown}
      onFocus={(event) => {
        const element = (event.target as HTMLElement).closest<HTMLElement>('.react-flow__node');
        const id = element?.dataset.id;
        if (!id) return;
        light(id);
        if (element.matches(':focus-visible')) showFocused(id);
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
        autoPanOnNodeFocus={false}
        aria-label={t('explore.canvas', { title: diagram.title })}
        proOptions={{ hideAttribution: true }}
      >
        <Controls className={CHROME} showInteractive={false} showFitView={false}>
          <ControlButton
            className="react-flow__controls-fitview"
            onClick={() => refit(300)}
            aria-label={t('flow.fitView')}
            title={`${t('flow.fitView')} (f)`}
          >
            <svg viewBox="0 0 32 30" aria-hidden="true">
              <path d={FIT_ICON} />
            </svg>
          </ControlButton>
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
          <KeyHelp />
        </Controls>
        {minimap || overview ? (
          // Shown by itself (presenting too) when the frame leaves subjects out:
          // where they are, and where the frame is (its mask).
          <MiniMap
            className={overview ? `${CHROME} fd-inset` : CHROME}
            pannable
            zoomable
            ariaLabel={t('flow.minimap')}
            nodeClassName={(node) => `fd-mini-${node.data.state ?? 'idle'}`}
          />
        ) : null}
        <CameraContext value={camera}>{children}</CameraContext>
      </ReactFlow>
      <p className="fd-sr-only" role="status" aria-live="polite" data-testid="explore-status">
        {message}
      </p>
    </div>
  );
}
