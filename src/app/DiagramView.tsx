import { Background, Controls, MiniMap, ReactFlow } from '@xyflow/react';
import { useEffect, useMemo, useState } from 'react';
import type { LaidOutDiagram } from '../core/layout/types.ts';
import { formatDiagnostic } from '../core/model/formatDiagnostic.ts';
import type { DiagramSource } from './diagrams.ts';
import { GroupNode } from './flow/GroupNode.tsx';
import { RoutedEdge } from './flow/RoutedEdge.tsx';
import { ShapeNode } from './flow/ShapeNode.tsx';
import { toReactFlow } from './flow/toReactFlow.ts';
import type { LayoutClient } from './layoutClient.ts';

const nodeTypes = { shape: ShapeNode, container: GroupNode };
const edgeTypes = { routed: RoutedEdge };

type ViewState =
  | { kind: 'loading' }
  | { kind: 'ready'; diagram: LaidOutDiagram }
  | { kind: 'error'; message: string; details: string[] };

/** One diagram, laid out in the worker and drawn by React Flow where ELK put everything. */
export function DiagramView({ source, client }: { source: DiagramSource; client: LayoutClient }) {
  const [state, setState] = useState<ViewState>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    client.request(source.text, source.file).then((response) => {
      if (!live || 'cancelled' in response) return;
      if (response.ok) setState({ kind: 'ready', diagram: response.diagram });
      else
        setState({
          kind: 'error',
          message: response.message,
          details: response.diagnostics.map(formatDiagnostic),
        });
    });
    return () => {
      live = false;
    };
  }, [source, client]);
  const flow = useMemo(() => (state.kind === 'ready' ? toReactFlow(state.diagram) : null), [state]);

  if (state.kind === 'loading')
    return (
      <p className="fd-status" role="status">
        Laying out…
      </p>
    );
  if (state.kind === 'error' || !flow) {
    const details = state.kind === 'error' ? state.details : [];
    return (
      <div className="fd-error" role="alert">
        <h2>{state.kind === 'error' ? state.message : 'Nothing to show'}</h2>
        <pre>{details.join('\n')}</pre>
      </div>
    );
  }
  return (
    <div className="fd-canvas" data-diagram-id={source.id}>
      <ReactFlow
        nodes={flow.nodes}
        edges={flow.edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        fitView
        fitViewOptions={{ maxZoom: 1.5, padding: 0.08 }}
        minZoom={0.1}
        nodesDraggable={false}
        nodesConnectable={false}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={24} size={1} />
        <Controls showInteractive={false} />
        <MiniMap pannable zoomable />
      </ReactFlow>
    </div>
  );
}
