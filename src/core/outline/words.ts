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
}

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
};

export const WORDS: Readonly<Record<Words['lang'], Words>> = { en, ko };

/** The phrases for a language tag ('ko', 'ko-KR', 'en-US'…); English for any other. */
export function wordsFor(lang: string | undefined): Words {
  return lang?.toLowerCase().startsWith('ko') ? ko : en;
}
