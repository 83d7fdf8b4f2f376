import type { StepChanges } from './changes.ts';
import { allConnections, type Graph, type LinkGroup, plainLabel } from './structure.ts';
import type { Words } from './words.ts';

/** One entry of a connection list: "kubelet ×3 (watch · status)". */
function entry(group: LinkGroup, words: Words): string {
  const count = group.nodes.length > 1 ? ` ${words.times(group.nodes.length)}` : '';
  const labels = group.edgeLabels.length > 0 ? ` (${group.edgeLabels.join(' · ')})` : '';
  return `${group.label}${count}${labels}`;
}

/**
 * A node as a screen reader announces it: its label, what it is when it is
 * a group, the groups around it, and what it connects to.
 *
 * @example describeNode(k8s, 'api', WORDS.en)
 * // 'API Server, in Control plane, in Cluster. 2 outgoing: etcd (store), kubelet ×2 (watch). 1 incoming: kubectl (HTTPS).'
 */
export function describeNode(graph: Graph, id: string, words: Words): string {
  return describeNodes(graph, words).get(id) ?? id;
}

/** `describeNode()` of every node, in time linear in the diagram's size. */
export function describeNodes(graph: Graph, words: Words): Map<string, string> {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const members = new Map<string, number>();
  for (const node of graph.nodes) {
    if (node.parent) members.set(node.parent, (members.get(node.parent) ?? 0) + 1);
  }
  const links = allConnections(graph);
  const list = (groups: LinkGroup[]) => groups.map((g) => entry(g, words)).join(words.comma);
  const count = (groups: LinkGroup[]) => groups.reduce((sum, g) => sum + g.nodes.length, 0);
  const texts = new Map<string, string>();
  for (const node of graph.nodes) {
    const head = [plainLabel(node)];
    // A folded group holds nothing drawn; it says how many nodes it hides.
    if (node.kind === 'group') {
      head.push(
        words.group(node.collapsed ? (node.hiddenCount ?? 0) : (members.get(node.id) ?? 0)),
      );
    }
    const seen = new Set([node.id]);
    for (let at = node.parent; at && !seen.has(at); at = byId.get(at)?.parent ?? null) {
      seen.add(at);
      const group = byId.get(at);
      if (group) head.push(words.inGroup(plainLabel(group)));
    }
    const { outgoing, incoming } = links.get(node.id) ?? { outgoing: [], incoming: [] };
    const parts = [head.join(words.comma)];
    if (outgoing.length > 0) parts.push(`${words.outgoing(count(outgoing))}: ${list(outgoing)}`);
    if (incoming.length > 0) parts.push(`${words.incoming(count(incoming))}: ${list(incoming)}`);
    if (outgoing.length === 0 && incoming.length === 0) parts.push(words.unconnected);
    texts.set(node.id, `${parts.join('. ')}.`);
  }
  return texts;
}

/** How many names a list of what a step changed says before "and n more". */
const MAX_NAMES = 6;

/**
 * What a step changed, in words: "Lights: kubelet, Pod B. Fails: Pod B."
 * A long list names its first few and counts the rest, so a step that
 * lights everything does not read the whole diagram aloud. Empty when the
 * step changes nothing a reader is told.
 */
export function describeChanges(graph: Graph, changes: StepChanges, words: Words): string {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  // Nodes with one label read as one entry: "kubelet ×3".
  const names = (ids: readonly string[]) => {
    const counts = new Map<string, number>();
    for (const id of ids) {
      const node = byId.get(id);
      const label = node ? plainLabel(node) : id;
      counts.set(label, (counts.get(label) ?? 0) + 1);
    }
    return [...counts].map(([label, n]) => (n > 1 ? `${label} ${words.times(n)}` : label));
  };
  const parts: string[] = [];
  const say = (word: string, ids: readonly string[]) => {
    const all = names(ids);
    if (all.length === 0) return;
    const shown = all.slice(0, all.length > MAX_NAMES ? MAX_NAMES - 1 : MAX_NAMES);
    if (shown.length < all.length) shown.push(words.more(all.length - shown.length));
    parts.push(`${word}: ${shown.join(words.comma)}`);
  };
  say(words.lights, changes.lit);
  say(words.shows, changes.shown);
  say(words.hides, changes.hidden);
  say(words.fails, changes.failed);
  say(words.heals, changes.healed);
  return parts.length > 0 ? `${parts.join('. ')}.` : '';
}
