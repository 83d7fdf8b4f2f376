/**
 * A nested Mermaid flowchart of about `count` nodes, the same every time:
 * clusters of eight nodes in groups three deep, chains inside each cluster
 * and one edge in eight crossing to another cluster (the costly kind in ELK).
 */
export function syntheticFlowchart(count: number): string {
  const lines = ['flowchart TB'];
  const perCluster = 8;
  const clusters = Math.ceil(count / perCluster);
  const edges: string[] = [];
  let made = 0;
  for (let c = 0; c < clusters && made < count; c++) {
    const outer = Math.floor(c / 4);
    if (c % 4 === 0) lines.push(`subgraph region${outer}["Region ${outer} 영역"]`);
    lines.push(`  subgraph cluster${c}["Cluster ${c}"]`);
    lines.push(`    subgraph inner${c}["Pods ${c}"]`);
    for (let i = 0; i < perCluster && made < count; i++, made++) {
      lines.push(`      n${made}["Node ${made}<br/>서비스 ${i}"]`);
      if (i > 0) edges.push(`n${made - 1} --> n${made}`);
      if (i === perCluster - 1 && c > 0) edges.push(`n${made} -.-> n${(c - 1) * perCluster}`);
    }
    lines.push('    end', '  end');
    if (c % 4 === 3 || c === clusters - 1 || made >= count) lines.push('end');
  }
  return [...lines, ...edges].join('\n');
}

/**
 * A Mermaid flowchart to play a flow on (bench/frames.ts): `leaves` nodes in
 * clusters of eight, each cluster a pods group inside a cluster group, four
 * clusters to a region (three levels of subgraphs), about 1.3 edges per node.
 * Plain Mermaid, so the app gives it the `main` flow, one step per edge in
 * written order. The edges that cross groups come first: a spine from each
 * cluster to the one below it in the next region (every third labelled), so
 * the first steps hop across the diagram and the camera travels. Then, in
 * each cluster, a small tree and two extra edges, and from every other
 * cluster a dotted edge to a cluster further on. Short labels, English and
 * Korean. The same text every time; about 2200 × 6300 px laid out.
 */
export function syntheticFlowDiagram(leaves: number): string {
  const perCluster = 8;
  const perRegion = 4;
  const clusters = Math.ceil(leaves / perCluster);
  const size = (c: number) => Math.min(perCluster, leaves - c * perCluster);
  const id = (c: number, i: number) => `c${c}n${i}`;
  const labels = ['api', '서비스', 'queue', '파드', 'db', '캐시', 'proxy', '노드'];
  const lines = ['flowchart TB'];
  for (let c = 0; c < clusters; c++) {
    const region = Math.floor(c / perRegion);
    if (c % perRegion === 0) lines.push(`subgraph r${region}["Region ${region} 영역"]`);
    lines.push(`  subgraph k${c}["Cluster ${c}"]`, `    subgraph p${c}["Pods ${c} 파드"]`);
    for (let i = 0; i < size(c); i++) {
      lines.push(`      ${id(c, i)}["${labels[i % labels.length]} ${c}.${i}"]`);
    }
    lines.push('    end', '  end');
    if (c % perRegion === perRegion - 1 || c === clusters - 1) lines.push('end');
  }
  for (let c = 0; c + perRegion < clusters; c++) {
    const label = c % 3 === 0 ? `|호출 ${c}|` : '';
    lines.push(`${id(c, 0)} -->${label} ${id(c + perRegion, 0)}`);
  }
  for (let c = 0; c < clusters; c++) {
    const n = size(c);
    for (let i = 1; i < n; i++) lines.push(`${id(c, Math.floor((i - 1) / 2))} --> ${id(c, i)}`);
    if (n > 7) lines.push(`${id(c, 4)} --> ${id(c, 7)}`);
    if (n > 6) lines.push(`${id(c, 5)} --> ${id(c, 6)}`);
    if (c % 2 === 0 && c + 5 < clusters) lines.push(`${id(c, 5)} -.-> ${id(c + 5, 2)}`);
  }
  return lines.join('\n');
}
