import type { DiagramPart, LayoutResponse, LayoutResult } from './protocol.ts';

/**
 * Nodes and edges per `part` message. Reading a message's data happens on
 * the main thread in one go; a thousand laid-out nodes take a few ms there,
 * the 8000 of a 3000-leaf diagram took over 50 ms in one message.
 */
export const PART_SIZE = 1000;

/**
 * The messages that carry one response: a big diagram's nodes and edges in
 * `part` messages first, then the answer with what is left. Anything else
 * goes as it is.
 */
export function inParts(response: LayoutResponse, size = PART_SIZE): LayoutResponse[] {
  if (!('ok' in response) || !response.ok) return [response];
  const { nodes, edges } = response.diagram;
  if (nodes.length + edges.length <= size) return [response];
  const messages: LayoutResponse[] = [];
  const { requestId } = response;
  for (let i = 0; i < nodes.length; i += size) {
    messages.push({ requestId, part: { nodes: nodes.slice(i, i + size), edges: [] } });
  }
  for (let i = 0; i < edges.length; i += size) {
    messages.push({ requestId, part: { nodes: [], edges: edges.slice(i, i + size) } });
  }
  messages.push({ ...response, diagram: { ...response.diagram, nodes: [], edges: [] } });
  return messages;
}

/** The answer with the nodes and edges of its `part` messages put back, in order. */
export function joinParts(result: LayoutResult, parts: DiagramPart[]): LayoutResult {
  if (parts.length === 0 || !('ok' in result) || !result.ok) return result;
  const nodes = parts.flatMap((p) => p.nodes);
  const edges = parts.flatMap((p) => p.edges);
  const { diagram } = result;
  return {
    ...result,
    diagram: {
      ...diagram,
      nodes: [...nodes, ...diagram.nodes],
      edges: [...edges, ...diagram.edges],
    },
  };
}
