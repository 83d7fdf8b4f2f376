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
