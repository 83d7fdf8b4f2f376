/**
 * Every string the app shows, in English and Korean. `en` defines the keys;
 * `ko` must have exactly the same ones (a missing or extra key is a type
 * error). `{name}` marks a value filled in by `t(key, { name })`; both
 * languages must use the same names (checked by messages.test.ts).
 */
export const en = {
  'gallery.title': 'Diagrams',
  'gallery.search': 'Search diagrams',
  'gallery.more': 'More diagrams',
  'gallery.noMatch': 'No diagram matches “{query}”.',
  'gallery.broken': 'This diagram has errors',
  'gallery.nodes': '{count} nodes',

  'diagram.loading': 'Laying out…',
  'diagram.notFound': 'No diagram called “{id}”.',
  'diagram.allDiagrams': 'All diagrams',
  'diagram.hasErrors': 'The diagram has errors.',
  'diagram.nothingToShow': 'Nothing to show',

  'theme.label': 'Theme',
  'theme.system': 'System',
  'theme.systemResolved': 'System ({theme})',
  'theme.light': 'Light',
  'theme.dark': 'Dark',
  'theme.contrast': 'High contrast',

  'language.label': 'Language',

  'flow.controls': 'Diagram controls',
  'flow.zoomIn': 'Zoom in',
  'flow.zoomOut': 'Zoom out',
  'flow.fitView': 'Fit to screen',
  'flow.interactive': 'Toggle interactivity',
  'flow.minimap': 'Overview map',
  'flow.nodeHint': 'Press Enter or Space to select this node.',
  'flow.edgeHint': 'Press Enter or Space to select this connection.',
  'view.breadcrumb': 'Breadcrumb',
  'view.details': 'Details',
  'view.close': 'Close',
  'view.node': 'Node',
  'view.group': 'Group',
  'view.inside': 'Inside',
  'view.incoming': 'Comes from',
  'view.outgoing': 'Goes to',
  'view.none': 'Nothing',
  'view.openLink': 'Open link',
  'view.collapse': 'Collapse group',
  'view.expand': 'Expand group',
  'view.collapseGroup': 'Collapse {name}',
  'view.expandGroup': 'Expand {name}',
  'view.hiddenCount': '{count} nodes folded away',
  'view.phase.starting': 'Starting the layout engine…',
  'view.phase.queued': 'Waiting for the layout engine…',
  'view.phase.parsing': 'Reading the diagram…',
  'view.phase.layout': 'Laying out…',
  'view.seconds': '({seconds} s)',
  'view.errorTitle': 'This diagram could not be drawn',
  'view.crashed': 'The layout engine failed: {message}',
  'view.retry': 'Try again',
  'view.relayoutFailed': 'Could not update the layout: {message}',
  'player.label': 'Flow player',
  'player.flows': 'Flows',
  'player.flow': 'Flow',
  'player.stepOf': 'Step {step} of {count}',
  'player.stepCount': '{count} steps',
  'player.noCaption': '(no caption)',
  'player.restart': 'Restart',
  'player.prev': 'Previous step',
  'player.next': 'Next step',
  'player.play': 'Play',
  'player.pause': 'Pause',
  'player.speed': 'Speed',
  'player.steps': 'Steps',
  'player.exit': 'Explore',
  'player.noSuchFlow': 'This diagram has no flow called “{flow}”.',
  'player.reduceMotion': 'Less motion',
  'player.reduceMotionHint': 'No travelling packets or camera flights; steps change at once',
} as const satisfies Record<string, string>;

export type MessageKey = keyof typeof en;
export type Messages = { readonly [K in MessageKey]: string };

export const ko: Messages = {
  'gallery.title': '다이어그램',
  'gallery.search': '다이어그램 검색',
  'gallery.more': '그 밖의 다이어그램',
  'gallery.noMatch': '“{query}”에 맞는 다이어그램이 없습니다.',
  'gallery.broken': '이 다이어그램에 오류가 있습니다',
  'gallery.nodes': '노드 {count}개',

  'diagram.loading': '배치하는 중…',
  'diagram.notFound': '“{id}”라는 다이어그램이 없습니다.',
  'diagram.allDiagrams': '모든 다이어그램',
  'diagram.hasErrors': '다이어그램에 오류가 있습니다.',
  'diagram.nothingToShow': '표시할 내용이 없습니다',

  'theme.label': '테마',
  'theme.system': '시스템 설정',
  'theme.systemResolved': '시스템 설정 ({theme})',
  'theme.light': '라이트',
  'theme.dark': '다크',
  'theme.contrast': '고대비',

  'language.label': '언어',

  'flow.controls': '다이어그램 조작',
  'flow.zoomIn': '확대',
  'flow.zoomOut': '축소',
  'flow.fitView': '화면에 맞추기',
  'flow.interactive': '상호작용 켜기/끄기',
  'flow.minimap': '미니맵',
  'flow.nodeHint': 'Enter 또는 Space 키를 누르면 이 노드를 선택합니다.',
  'flow.edgeHint': 'Enter 또는 Space 키를 누르면 이 연결을 선택합니다.',
  'view.breadcrumb': '현재 위치',
  'view.details': '자세히',
  'view.close': '닫기',
  'view.node': '노드',
  'view.group': '그룹',
  'view.inside': '안에 있는 것',
  'view.incoming': '들어오는 연결',
  'view.outgoing': '나가는 연결',
  'view.none': '없음',
  'view.openLink': '링크 열기',
  'view.collapse': '그룹 접기',
  'view.expand': '그룹 펼치기',
  'view.collapseGroup': '{name} 접기',
  'view.expandGroup': '{name} 펼치기',
  'view.hiddenCount': '노드 {count}개가 접혀 있음',
  'view.phase.starting': '배치 엔진을 준비하는 중…',
  'view.phase.queued': '배치 엔진을 기다리는 중…',
  'view.phase.parsing': '다이어그램을 읽는 중…',
  'view.phase.layout': '배치하는 중…',
  'view.seconds': '({seconds}초)',
  'view.errorTitle': '이 다이어그램을 그릴 수 없습니다',
  'view.crashed': '배치 엔진이 실패했습니다: {message}',
  'view.retry': '다시 시도',
  'view.relayoutFailed': '배치를 바꾸지 못했습니다: {message}',
  'player.label': '흐름 재생',
  'player.flows': '흐름',
  'player.flow': '흐름',
  'player.stepOf': '{count}단계 중 {step}',
  'player.stepCount': '{count}단계',
  'player.noCaption': '(설명 없음)',
  'player.restart': '처음부터',
  'player.prev': '이전 단계',
  'player.next': '다음 단계',
  'player.play': '재생',
  'player.pause': '일시 정지',
  'player.speed': '속도',
  'player.steps': '단계 목록',
  'player.exit': '둘러보기',
  'player.noSuchFlow': '이 다이어그램에는 “{flow}” 흐름이 없습니다.',
  'player.reduceMotion': '움직임 줄이기',
  'player.reduceMotionHint': '패킷 이동과 카메라 이동 없이 단계가 바로 바뀝니다',
};

export const LANGUAGES = ['ko', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const MESSAGES: Readonly<Record<Language, Messages>> = { ko, en };

/** Each language's name in itself, for the language menu. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { ko: '한국어', en: 'English' };

/** The `{name}` placeholders of a message, as a union of names. */
type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

/** The values `t(key, vars)` needs for a key: one per placeholder of its English text. */
export type MessageVars<K extends MessageKey> = Record<
  Placeholders<(typeof en)[K]>,
  string | number
>;
