import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import type { Model, ModelNode } from '../model/types.ts';
import { round } from './nodeSize.ts';
import type { LayoutSettings, Measured } from './toElk.ts';
import type { LaidOutDiagram, LaidOutEdge, LaidOutNode, Point } from './types.ts';

/**
 * Reads ELK's result (absolute coordinates: shapeCoords and edgeCoords are
 * ROOT) back onto the model, in model order, rounded to 1/100 px.
 */
export function fromElk(
  model: Model,
  graph: ElkNode,
  measured: Measured,
  settings: LayoutSettings,
  pieces: Map<string, string[]> = new Map(),
): LaidOutDiagram {
  const shapes = new Map<string, ElkNode>();
  const edges = new Map<string, ElkExtendedEdge>();
  const walk = (node: ElkNode) => {
    for (const child of node.children ?? []) {
      shapes.set(child.id, child);
      walk(child);
    }
    for (const edge of node.edges ?? []) edges.set(edge.id, edge);
  };
  walk(graph);

  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const nodes = model.nodes.map((node): LaidOutNode => {
    const shape = shapes.get(node.id);
    const x = round(shape?.x ?? 0);
    const y = round(shape?.y ?? 0);
    const width = round(shape?.width ?? 0);
    const height = round(shape?.height ?? 0);
    const label = measured.labels.get(node.id);
    const text = label?.text ?? { lines: [], width: 0, height: 0 };
    const font = node.kind === 'group' ? settings.groupFont : settings.nodeFont;
    const pad = settings.groupPadding;
    // A group's title is centred at the top; a leaf's label (and a collapsed
    // group's title) sits where nodeSize / collapsedGroupSize put it, moved
    // by half of what ELK grew the box by to fit its edges' ends (edgeEnds.ts).
    // The label and icon move together as their content box (iconRoom.ts).
    const box = label?.box;
    const content = label?.content ?? {
      width: text.width,
      height: text.height,
      label: { x: 0, y: 0 },
    };
    const at =
      node.kind === 'group' && !box
        ? { x: x + (width - content.width) / 2, y: y + pad }
        : {
            x: x + (box?.labelX ?? 0) + (width - (box?.width ?? width)) / 2,
            y: y + (box?.labelY ?? 0) + (height - (box?.height ?? height)) / 2,
          };
    const inner = { x: at.x + content.label.x, y: at.y + content.label.y };
    const icon = content.icon;
    return {
      ...node,
      ...(icon && {
        iconBox: {
          x: round(at.x + icon.x),
          y: round(at.y + icon.y),
          width: icon.size,
          height: icon.size,
        },
      }),
      x,
      y,
      width,
      height,
      depth: depth(node, byId),
      labelBox: {
        x: round(inner.x),
        y: round(inner.y),
        width: text.width,
        height: text.height,
        lines: text.lines.map((l) => l.text),
        fontSize: font.fontSize,
      },
    };
  });

  const laidEdges = model.edges.map((edge): LaidOutEdge => {
    // An edge lifted for bottom-up layout comes back in pieces that meet at
    // ports on the group borders it crosses.
    const parts = (pieces.get(edge.id) ?? [edge.id]).map((id) => edges.get(id));
    const points: Point[] = [];
    for (const section of parts.flatMap((part) => part?.sections ?? [])) {
      const sectionPoints = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint];
      for (const p of sectionPoints) {
        const last = points[points.length - 1];
        const q = { x: round(p.x), y: round(p.y) };
        if (!last || last.x !== q.x || last.y !== q.y) points.push(q);
      }
    }
    const result: LaidOutEdge = {
      ...edge,
      points: pieces.has(edge.id) ? straighten(points) : points,
    };
    const label = parts.find((part) => part?.labels?.length)?.labels?.[0];
    const text = measured.edgeLabels.get(edge.id);
    if (label && text) {
      const p = settings.edgeLabelPadding;
      result.labelBox = {
        x: round((label.x ?? 0) + p),
        y: round((label.y ?? 0) + p),
        width: text.width,
        height: text.height,
        lines: text.lines.map((l) => l.text),
        fontSize: settings.edgeFont.fontSize,
      };
    }
    return result;
  });

  const diagram: LaidOutDiagram = {
    id: model.id,
    title: model.title,
    direction: model.direction,
    width: round(graph.width ?? 0),
    height: round(graph.height ?? 0),
    nodes,
    edges: laidEdges,
    flows: model.flows,
    classDefs: model.classDefs,
  };
  if (model.description !== undefined) diagram.description = model.description;
  return diagram;
}

/** Drops points in the middle of a straight run, where pieces of a lifted edge meet. */
function straighten(points: Point[]): Point[] {
  return points.filter((p, i) => {
    const a = points[i - 1];
    const b = points[i + 1];
    if (!a || !b) return true;
    return !((a.x === p.x && p.x === b.x) || (a.y === p.y && p.y === b.y));
  });
}

function depth(node: ModelNode, byId: Map<string, ModelNode>): number {
  let d = 0;
  let parent = node.parent;
  while (parent !== null && d < byId.size) {
    d++;
    parent = byId.get(parent)?.parent ?? null;
  }
  return d;
}
