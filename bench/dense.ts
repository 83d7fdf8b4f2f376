/**
 * Dense architecture graphs for the layout benchmark (bench/denseLayout.ts),
 * harder than our diagrams: zones hold clusters hold pods of about six
 * services (three levels of groups, about one group per five nodes), about
 * 1.3 edges per node, a chosen share of them crossing group borders (most to
 * a neighbouring pod or cluster, some anywhere, as an API server talks to
 * every node), a few ending on a group, English and Korean labels, some on
 * two lines, some edges labelled. Seeded: the same text for the same
 * arguments, every time.
 */
export interface DenseOptions {
  /** Leaf nodes (groups come on top, about one per five). */
  nodes: number;
  /** Share of edges whose ends sit in different groups, 0–1. Default 0.45. */
  crossing?: number;
  /** Edges per node. Default 1.3. */
  edgesPerNode?: number;
  seed?: number;
}

const NAMES = ['api', 'auth', 'queue', 'db', 'cache', 'proxy', 'worker', 'gateway'];
const KOREAN = ['서비스', '저장소', '파드', '노드', '캐시', '컨트롤러', '스케줄러', '로그'];
const VERBS = ['watch', '호출', 'sync', '저장', 'HTTPS', '상태 보고'];

/** A Mermaid flowchart of the dense shape above. */
export function denseFlowchart(options: DenseOptions): string {
  const n = options.nodes;
  const crossing = options.crossing ?? 0.45;
  const edgeCount = Math.round(n * (options.edgesPerNode ?? 1.3));
  const random = mulberry32(options.seed ?? 1);
  const pick = (k: number) => Math.floor(random() * k);
  const perPod = 6;
  const pods = Math.max(1, Math.ceil(n / perPod));
  const clusters = Math.max(1, Math.ceil(pods / 3));
  const zones = Math.max(1, Math.ceil(clusters / 3));
  // Which pod each node sits in, and the nodes of each pod.
  const podNodes: number[][] = Array.from({ length: pods }, () => []);
  for (let i = 0; i < n; i++) podNodes[Math.floor((i * pods) / n)]?.push(i);
  const clusterOf = (pod: number) => Math.floor((pod * clusters) / pods);
  const zoneOf = (cluster: number) => Math.floor((cluster * zones) / clusters);
  const podOf = new Map<number, number>();
  podNodes.forEach((list, p) => {
    for (const i of list) podOf.set(i, p);
  });

  const label = (i: number) => {
    const name = `${NAMES[i % NAMES.length]}-${i}`;
    const korean = `${KOREAN[(i * 7) % KOREAN.length]} ${i}`;
    if (i % 5 === 0) return `${name}<br/>${korean}`;
    return i % 2 === 0 ? name : korean;
  };
  const lines = ['flowchart TB'];
  for (let z = 0; z < zones; z++) {
    lines.push(`subgraph z${z}["Zone ${z} 영역"]`);
    for (let c = 0; c < clusters; c++) {
      if (zoneOf(c) !== z) continue;
      lines.push(`  subgraph c${c}["Cluster ${c} 클러스터"]`);
      for (let p = 0; p < pods; p++) {
        if (clusterOf(p) !== c) continue;
        lines.push(`    subgraph p${p}["Pods ${p}"]`);
        for (const i of podNodes[p] ?? []) lines.push(`      n${i}["${label(i)}"]`);
        lines.push('    end');
      }
      lines.push('  end');
    }
    lines.push('end');
  }

  const seen = new Set<string>();
  const edges: string[] = [];
  const add = (from: string, to: string) => {
    const key = `${from} ${to}`;
    if (from === to || seen.has(key)) return false;
    seen.add(key);
    const k = edges.length;
    const arrow = k % 9 === 4 ? '-.->' : '-->';
    const text = k % 5 === 2 ? `|${VERBS[k % VERBS.length]}|` : '';
    edges.push(`${from} ${arrow}${text} ${to}`);
    return true;
  };
  const cross = Math.round(edgeCount * crossing);
  const toGroups = Math.max(1, Math.round(edgeCount * 0.02));
  // Inside pods: each node calls one or two written after it, so a pod
  // reads as a small flow, not a clique.
  for (let tries = 0; edges.length < edgeCount - cross && tries < edgeCount * 20; tries++) {
    const p = pick(pods);
    const list = podNodes[p] ?? [];
    if (list.length < 2) continue;
    const a = pick(list.length - 1);
    const b = a + 1 + pick(Math.min(2, list.length - a - 1));
    add(`n${list[a]}`, `n${list[b]}`);
  }
  // Across groups: hubs (the first node of each zone) talk to nodes anywhere;
  // the rest mostly go to a neighbouring pod or cluster.
  const hubs = Array.from({ length: zones }, (_, z) => {
    const pod = podNodes.findIndex((_, p) => zoneOf(clusterOf(p)) === z);
    return podNodes[pod]?.[0] ?? 0;
  });
  const groupEdges: string[] = [];
  for (let tries = 0; edges.length < edgeCount && tries < edgeCount * 20; tries++) {
    const from = pick(n);
    const p = podOf.get(from) ?? 0;
    const r = random();
    const toPod =
      r < 0.45 ? (p + 1 + pick(2)) % pods : r < 0.8 ? (p + pods - 1 - pick(3)) % pods : pick(pods);
    if (toPod === p && pods > 1) continue;
    const list = podNodes[toPod] ?? [];
    const to = list[pick(list.length)] ?? 0;
    if (groupEdges.length < toGroups && r > 0.9) {
      const cluster = clusterOf(toPod);
      if (clusterOf(p) !== cluster && add(`n${from}`, `c${cluster}`)) groupEdges.push('');
      continue;
    }
    if (r > 0.95) add(`n${hubs[zoneOf(clusterOf(p))]}`, `n${to}`);
    else add(`n${from}`, `n${to}`);
  }
  return [...lines, ...edges].join('\n');
}

/** A small seeded generator (mulberry32): the same sequence for the same seed. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
