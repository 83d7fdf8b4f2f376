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
}

const en: Words = {
  lang: 'en',
  inGroup: (group) => `in ${group}`,
  group: (count) => `group of ${count}`,
  outgoing: (count) => `${count} outgoing`,
  incoming: (count) => `${count} incoming`,
  unconnected: 'no connections',
  times: (count) => `×${count}`,
  lights: 'Lights',
  shows: 'Shows',
  hides: 'Hides',
  fails: 'Fails',
  heals: 'Recovers',
  comma: ', ',
  arrow: ' → ',
  outlineOf: (title) => `Outline of ${title}`,
  parts: 'Parts',
  flows: 'Flows',
  step: (number) => `Step ${number}`,
  walkthrough: 'Walkthrough',
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
  comma: ', ',
  arrow: ' → ',
  outlineOf: (title) => `${title} 개요`,
  parts: '구성',
  flows: '흐름',
  step: (number) => `${number}단계`,
  walkthrough: '둘러보기',
};

export const WORDS: Readonly<Record<Words['lang'], Words>> = { en, ko };

/** The phrases for a language tag ('ko', 'ko-KR', 'en-US'…); English for any other. */
export function wordsFor(lang: string | undefined): Words {
  return lang?.toLowerCase().startsWith('ko') ? ko : en;
}
