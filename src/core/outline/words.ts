/**
 * The phrases text renderers of a diagram's structure use (announcements,
 * the Outline, Markdown, an SVG's accessible names), in the app's two
 * languages. They live in the core, not in the app's messages, because the
 * CLI writes them too.
 */
export interface Words {
  lang: 'en' | 'ko';
  /** "in Control plane" */
  inGroup: (group: string) => string;
  /** A group's kind and size: "group of 3" */
  group: (count: number) => string;
  /** "4 outgoing" */
  outgoing: (count: number) => string;
  /** "2 incoming" */
  incoming: (count: number) => string;
  /** A node without edges. */
  unconnected: string;
  /** Several other ends with one label: "×3" */
  times: (count: number) => string;
  /** What a step does, before the labels it names. */
  lights: string;
  shows: string;
  hides: string;
  fails: string;
  heals: string;
  /** After the first names of a long list: "and 12 more" */
  more: (count: number) => string;
  /** Between items of a list, and between edge labels of one entry. */
  comma: string;
  /** Between an edge's ends: "kubectl → API Server" */
  arrow: string;
  /** The Outline's heading: "Outline of Kubernetes" */
  outlineOf: (title: string) => string;
  /** The heading over the nested list of groups and nodes. */
  parts: string;
  /** The heading over the flows. */
  flows: string;
  /** A step without a caption: "Step 3" */
  step: (number: number) => string;
  /** A plain Mermaid chart's untitled flow (`titleWalkthroughs()`). */
  walkthrough: string;
  /** Between the ends of an edge with heads at both ends: "A ↔ B" */
  bothWays: string;
  /** Between the ends of an edge without heads: "A — B" */
  line: string;
  /** Where a step stands in its flow: "Step 2 of 5" */
  stepOf: (step: number, count: number) => string;
  /** What a diagram holds, when its author wrote no description: "12 nodes in 3 groups, 14 edges." */
  summary: (nodes: number, groups: number, edges: number) => string;
}

/** "1 node", "3 nodes" */
const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

const en: Words = {
  lang: 'en',
  inGroup: (group) => `in ${group}`,
  group: (count) => `group of ${count}`,
  outgoing: (count) => `${count} outgoing`,
  incoming: (count) => `${count} incoming`,
  unconnected: 'No connections',
  times: (count) => `×${count}`,
  lights: 'Lights',
  shows: 'Shows',
  hides: 'Hides',
  fails: 'Fails',
  heals: 'Recovers',
  more: (count) => `and ${count} more`,
  comma: ', ',
  arrow: ' → ',
  outlineOf: (title) => `Outline of ${title}`,
  parts: 'Parts',
  flows: 'Flows',
  step: (number) => `Step ${number}`,
  walkthrough: 'Walkthrough',
  bothWays: ' ↔ ',
  line: ' — ',
  stepOf: (step, count) => `Step ${step} of ${count}`,
  summary: (nodes, groups, edges) =>
    `${count(nodes, 'node')}${groups ? ` in ${count(groups, 'group')}` : ''}, ${count(edges, 'edge')}.`,
};

const ko: Words = {
  lang: 'ko',
  inGroup: (group) => `${group} 안`,
  group: (count) => `그룹, ${count}개 포함`,
  outgoing: (count) => `나가는 연결 ${count}개`,
  incoming: (count) => `들어오는 연결 ${count}개`,
  unconnected: '연결 없음',
  times: (count) => `×${count}`,
  lights: '강조',
  shows: '나타남',
  hides: '사라짐',
  fails: '실패',
  heals: '복구',
  more: (count) => `외 ${count}개`,
  comma: ', ',
  arrow: ' → ',
  outlineOf: (title) => `${title} 개요`,
  parts: '구성',
  flows: '흐름',
  step: (number) => `${number}단계`,
  walkthrough: '둘러보기',
  bothWays: ' ↔ ',
  line: ' — ',
  stepOf: (step, count) => `${count}단계 중 ${step}단계`,
  summary: (nodes, groups, edges) =>
    `노드 ${nodes}개${groups ? `, 그룹 ${groups}개` : ''}, 연결 ${edges}개.`,
};

export const WORDS: Readonly<Record<Words['lang'], Words>> = { en, ko };

/** The phrases for a language tag ('ko', 'ko-KR', 'en-US'…); English for any other. */
export function wordsFor(lang: string | undefined): Words {
  return lang?.toLowerCase().startsWith('ko') ? ko : en;
}
