/**
 * Every string the app shows, in English and Korean. `en` defines the keys;
 * `ko` must have exactly the same ones (a missing or extra key is a type
 * error). `{name}` marks a value filled in by `t(key, { name })`; both
 * languages must use the same names (checked by translate.test.ts).
 *
 * A message that shows a `{count}` is an object with one text per plural
 * form of its language (`Plural`): English needs `one` and `other`, Korean
 * only `other`. `t()` picks the form with `Intl.PluralRules`; a missing or
 * extra form is a type error.
 */
export const en = {
  'gallery.title': 'Diagrams',
  'gallery.search': 'Search diagrams',
  'gallery.more': 'More diagrams',
  'gallery.noMatch': 'No diagram matches “{query}”.',
  'gallery.broken': 'This diagram has errors',
  'gallery.nodes': { one: '{count} node', other: '{count} nodes' },
  'gallery.startLesson': 'Start lesson',
  'gallery.presentLesson': 'Present',
  'gallery.presentHint': 'Full screen from the first slide; → and a clicker step, Esc leaves',

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
  'view.through': 'Through {group}',
  'view.throughHint': 'Connections of the group {group}, which this is inside',
  'view.showMore': {
    one: 'Show {count} more connection',
    other: 'Show {count} more connections',
  },
  'view.openLink': 'Open link',
  'view.collapse': 'Collapse group',
  'view.expand': 'Expand group',
  'view.collapseGroup': 'Collapse {name}',
  'view.expandGroup': 'Expand {name}',
  'view.hiddenCount': { one: '{count} node folded away', other: '{count} nodes folded away' },
  'view.loading': 'Loading…',
  'view.phase.starting': 'Starting the layout engine…',
  'view.phase.queued': 'Waiting for the layout engine…',
  'view.phase.parsing': 'Reading the diagram…',
  'view.phase.layout': 'Laying out…',
  'view.seconds': '({seconds} s)',
  'view.errorTitle': 'This diagram could not be drawn',
  'view.crashed': 'The layout engine failed: {message}',
  'view.retry': 'Try again',
  'view.slow': 'This is taking longer than usual.',
  'view.relayoutFailed': 'Could not update the layout: {message}',
  'view.staleFile': 'The file has errors; this is its last version that worked.',
  'view.timedOut':
    'Laying out this diagram took longer than {seconds} s, so it was stopped. Try again, or make it smaller: fold or split big groups, or split it into several diagrams.',
  'player.label': 'Flow player',
  'player.flows': 'Flows',
  'player.flow': 'Flow',
  'player.stepOf': 'Step {step} of {count}',
  'player.stepCount': { one: '{count} step', other: '{count} steps' },
  'player.noCaption': '(no caption)',
  'player.walkthrough': 'Walkthrough',
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
  'editor.text': 'Diagram text',
  'editor.diagram': 'Diagram',
  'editor.new': 'New diagram',
  'editor.editCopy': 'Edit a copy',
  'editor.drafts': 'Drafts',
  'editor.draftsTitle': 'Your drafts',
  'editor.draftsEmpty':
    'No drafts yet. Start a new diagram, edit a copy of one, or paste a Mermaid flowchart anywhere on the home page.',
  'editor.draftsLocal': 'Drafts are kept in this browser only.',
  'editor.delete': 'Delete',
  'editor.deleteConfirm': 'Delete the draft “{title}”? This cannot be undone.',
  'editor.untitled': 'Untitled',
  'editor.missing': 'This draft is not in this browser.',
  'editor.saved': 'Saved',
  'editor.saving': 'Saving…',
  'editor.notSaved': 'Not saved: {message}. The text stays in this tab; download it to keep it.',
  'editor.convert': 'Convert to Flowdeck YAML',
  'editor.converted': 'Converted to Flowdeck YAML, flows included.',
  'editor.convertFailed': 'Fix the errors first: only a flowchart that reads can be converted.',
  'editor.convertStale': 'The text changed while it was being converted: convert it again.',
  'editor.convertCrashed': 'Could not convert: {message}',
  'editor.moreProblems': {
    one: '…and {count} more problem, underlined in the text.',
    other: '…and {count} more problems, underlined in the text.',
  },
  'editor.share': 'Share',
  'editor.shareCopied': 'Share link copied to the clipboard',
  'editor.shareLink': 'Share link',
  'editor.download': 'Download',
  'editor.shareTooLarge': 'Too large to share as a link ({message}); download the file instead.',
  'editor.problems': {
    one: '{count} error: the diagram shows the last version that read',
    other: '{count} errors: the diagram shows the last version that read',
  },
  'editor.noDiagramYet': 'Nothing to draw yet: fix the errors on the left.',
  'share.readOnly': 'Shared diagram (read-only)',
  'share.corrupt': 'This share link is damaged: {message}',
  'share.tooLarge': 'This share link is too large to open: {message}',
  'share.unsupported': 'This share link was made by a newer Flowdeck: {message}',
  'paste.hint':
    'Paste or drop a Mermaid flowchart or a Flowdeck spec anywhere here to open it in the editor.',
  'export.button': 'Export',
  'export.svgView': 'SVG of this view',
  'export.svgStep': 'SVG of step {step}',
  'export.svgFlow': 'Animated SVG of the flow',
  'export.copySvg': 'Copy SVG',
  'export.copyEmbed': 'Copy embed code',
  'export.working': 'Exporting…',
  'export.saved': 'Saved {name}',
  'export.copied': 'SVG copied to the clipboard',
  'export.embedCopied': 'Embed code copied to the clipboard',
  'export.failed': 'Export failed: {message}',
  'embed.open': 'Open in Flowdeck',
  'present.button': 'Present',
  'present.buttonHint': 'Full screen with large captions (p)',
  'present.hint': 'Presenting · Esc leaves · b black · w white · l laser · z zoom',
  'speaker.open': 'Speaker view',
  'speaker.openHint': 'Notes, next step and time in a second window (s)',
  'speaker.title': 'Speaker view',
  'speaker.now': 'Now',
  'speaker.next': 'Next',
  'speaker.notes': 'Notes',
  'speaker.noNotes': 'No notes for this step.',
  'speaker.end': 'End of the flow',
  'speaker.preview': 'The next step, drawn small',
  'speaker.elapsed': 'Elapsed',
  'speaker.clock': 'Time',
  'speaker.reset': 'Reset',
  'speaker.deckEnd': 'End of the deck',
  'deck.label': 'Deck player',
  'deck.slideOf': 'Slide {slide} of {count}',
  'deck.prev': 'Previous slide',
  'deck.next': 'Next slide',
  'deck.first': 'First slide',
  'deck.diagram': 'Open this diagram',
  'deck.part': 'Part of the lesson',
  'deck.partOption': '{part} of {count}: {title}',
  'deck.preparing': {
    one: 'Laying out the deck: {done} of {count} diagram…',
    other: 'Laying out the deck: {done} of {count} diagrams…',
  },
  'deck.notFound': 'No deck called “{id}”.',
  'deck.noSlides': 'The deck “{id}” has no slides.',
  'deck.outOfRange': 'The deck “{id}” has no slide {slide}: its slides are 1 to {count}.',
  'deck.broken': 'The diagram “{id}” of this deck has errors.',
  'deck.loadFailed': 'The lesson decks could not be loaded: {message}',
  'deck.speakerHint': 'Notes, next slide and time in a second window (s)',
  'crash.app': 'Flowdeck stopped working',
  'crash.page': 'This page stopped working',
  'crash.diagram': 'The diagram stopped working',
  'crash.details': 'The details panel stopped working',
  'crash.player': 'The flow player stopped working',
  'crash.presenter': 'Presenter mode stopped working',
  'crash.export': 'The export menu stopped working',
  'crash.editor': 'The editor stopped working',
  'crash.thumbnail': 'The preview could not be drawn',
  'crash.error': 'Error: {message}',
  'crash.hint': 'The rest of Flowdeck still works: try again, or go back to all diagrams.',
  'crash.hintEditor':
    'Your text is kept in this browser: try again, or reload the page, to go on where you were.',
  'crash.hintEditorDiagram':
    'The text editor still works and your text is saved; the diagram is drawn again when you change the text.',
  'crash.hintApp': 'Saved drafts are kept in this browser: try again, or go back to all diagrams.',
  'gallery.brokenAt': 'Line {line}, column {col}: {message}',
  'limits.ignored': 'The link’s ?limits= was ignored, so the usual limits apply: {problem}',
  'gallery.crashed': 'Could not be laid out: {message}',
  'editor.storageFull':
    'Not saved: this browser’s storage for Flowdeck is full. Your text is still here: download it, or delete old drafts to make room, and it saves when you type again.',
} as const satisfies Record<string, string | Plural<'en'>>;

export type MessageKey = keyof typeof en;

/**
 * The plural forms each language's messages give, named as
 * `Intl.PluralRules` names them: English says "1 step" and "2 steps", Korean
 * "1단계" and "2단계" alike (translate.test.ts checks these against the rules).
 */
interface PluralCategories {
  en: 'one' | 'other';
  ko: 'other';
}

/** A message that shows `{count}`: one text for each plural form of the language. */
export type Plural<L extends Language> = { readonly [C in PluralCategories[L]]: string };

/** A language's messages: English's keys, and the language's own forms where English has forms. */
export type Messages<L extends Language> = {
  readonly [K in MessageKey]: (typeof en)[K] extends string ? string : Plural<L>;
};

export const ko: Messages<'ko'> = {
  'gallery.title': '다이어그램',
  'gallery.search': '다이어그램 검색',
  'gallery.more': '그 밖의 다이어그램',
  'gallery.noMatch': '“{query}”에 맞는 다이어그램이 없습니다.',
  'gallery.broken': '이 다이어그램에 오류가 있습니다',
  'gallery.nodes': { other: '노드 {count}개' },
  'gallery.startLesson': '수업 시작',
  'gallery.presentLesson': '발표',
  'gallery.presentHint': '첫 슬라이드부터 전체 화면으로; →와 클리커로 넘기고 Esc로 나갑니다',

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
  'view.through': '{group} 경유',
  'view.throughHint': '이 항목을 담은 그룹 {group}의 연결',
  'view.showMore': { other: '연결 {count}개 더 보기' },
  'view.openLink': '링크 열기',
  'view.collapse': '그룹 접기',
  'view.expand': '그룹 펼치기',
  'view.collapseGroup': '{name} 접기',
  'view.expandGroup': '{name} 펼치기',
  'view.hiddenCount': { other: '노드 {count}개가 접혀 있음' },
  'view.loading': '불러오는 중…',
  'view.phase.starting': '배치 엔진을 준비하는 중…',
  'view.phase.queued': '배치 엔진을 기다리는 중…',
  'view.phase.parsing': '다이어그램을 읽는 중…',
  'view.phase.layout': '배치하는 중…',
  'view.seconds': '({seconds}초)',
  'view.errorTitle': '이 다이어그램을 그릴 수 없습니다',
  'view.crashed': '배치 엔진이 실패했습니다: {message}',
  'view.retry': '다시 시도',
  'view.slow': '평소보다 오래 걸리고 있습니다.',
  'view.relayoutFailed': '배치를 바꾸지 못했습니다: {message}',
  'view.staleFile': '파일에 오류가 있어, 마지막으로 제대로 그려진 버전을 보여 줍니다.',
  'view.timedOut':
    '이 다이어그램을 배치하는 데 {seconds}초가 넘게 걸려 멈췄습니다. 다시 시도하거나, 큰 그룹을 접거나 나누고, 여러 다이어그램으로 나눠 크기를 줄이세요.',
  'player.label': '흐름 재생',
  'player.flows': '흐름',
  'player.flow': '흐름',
  'player.stepOf': '{count}단계 중 {step}',
  'player.stepCount': { other: '{count}단계' },
  'player.noCaption': '(설명 없음)',
  'player.walkthrough': '둘러보기',
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
  'editor.text': '다이어그램 텍스트',
  'editor.diagram': '다이어그램',
  'editor.new': '새 다이어그램',
  'editor.editCopy': '사본 편집',
  'editor.drafts': '초안',
  'editor.draftsTitle': '내 초안',
  'editor.draftsEmpty':
    '아직 초안이 없습니다. 새 다이어그램을 시작하거나, 다이어그램의 사본을 편집하거나, 홈 화면 아무 곳에나 Mermaid 플로우차트를 붙여 넣으세요.',
  'editor.draftsLocal': '초안은 이 브라우저에만 저장됩니다.',
  'editor.delete': '삭제',
  'editor.deleteConfirm': '초안 “{title}”을(를) 삭제할까요? 되돌릴 수 없습니다.',
  'editor.untitled': '제목 없음',
  'editor.missing': '이 초안은 이 브라우저에 없습니다.',
  'editor.saved': '저장됨',
  'editor.saving': '저장 중…',
  'editor.notSaved': '저장하지 못함: {message}. 텍스트는 이 탭에 남아 있으니 내려받아 보관하세요.',
  'editor.convert': 'Flowdeck YAML로 변환',
  'editor.converted': '흐름까지 Flowdeck YAML로 변환했습니다.',
  'editor.convertFailed': '먼저 오류를 고치세요: 읽히는 플로우차트만 변환할 수 있습니다.',
  'editor.convertStale': '변환하는 동안 텍스트가 바뀌었습니다. 다시 변환하세요.',
  'editor.convertCrashed': '변환하지 못했습니다: {message}',
  'editor.moreProblems': { other: '…그리고 {count}개 더 있습니다. 텍스트에 밑줄로 표시됩니다.' },
  'editor.share': '공유',
  'editor.shareCopied': '공유 링크를 클립보드에 복사했습니다',
  'editor.shareLink': '공유 링크',
  'editor.download': '내려받기',
  'editor.shareTooLarge': '링크로 공유하기에는 너무 큽니다 ({message}). 파일을 내려받아 전하세요.',
  'editor.problems': { other: '오류 {count}개: 다이어그램은 마지막으로 읽힌 버전입니다' },
  'editor.noDiagramYet': '아직 그릴 것이 없습니다: 왼쪽의 오류를 고치세요.',
  'share.readOnly': '공유된 다이어그램 (읽기 전용)',
  'share.corrupt': '공유 링크가 손상되었습니다: {message}',
  'share.tooLarge': '공유 링크가 너무 커서 열 수 없습니다: {message}',
  'share.unsupported': '더 새로운 Flowdeck이 만든 공유 링크입니다: {message}',
  'paste.hint':
    'Mermaid 플로우차트나 Flowdeck 스펙을 이 화면 아무 곳에나 붙여 넣거나 끌어다 놓으면 편집기에서 열립니다.',
  'export.button': '내보내기',
  'export.svgView': '이 화면 SVG',
  'export.svgStep': '{step}단계 SVG',
  'export.svgFlow': '흐름 전체 애니메이션 SVG',
  'export.copySvg': 'SVG 복사',
  'export.copyEmbed': '임베드 코드 복사',
  'export.working': '내보내는 중…',
  'export.saved': '{name} 저장함',
  'export.copied': 'SVG를 클립보드에 복사했습니다',
  'export.embedCopied': '임베드 코드를 클립보드에 복사했습니다',
  'export.failed': '내보내기 실패: {message}',
  'embed.open': 'Flowdeck에서 열기',
  'present.button': '발표',
  'present.buttonHint': '큰 자막과 함께 전체 화면으로 (p)',
  'present.hint': '발표 중 · Esc 나가기 · b 검은 화면 · w 흰 화면 · l 레이저 · z 확대',
  'speaker.open': '발표자 보기',
  'speaker.openHint': '노트, 다음 단계, 시간을 새 창에 (s)',
  'speaker.title': '발표자 보기',
  'speaker.now': '지금',
  'speaker.next': '다음',
  'speaker.notes': '발표자 노트',
  'speaker.noNotes': '이 단계에는 노트가 없습니다.',
  'speaker.end': '흐름의 끝',
  'speaker.preview': '다음 단계 미리 보기',
  'speaker.elapsed': '경과 시간',
  'speaker.clock': '현재 시각',
  'speaker.reset': '초기화',
  'speaker.deckEnd': '덱의 끝',
  'deck.label': '덱 재생',
  'deck.slideOf': '{count}장 중 {slide}',
  'deck.prev': '이전 슬라이드',
  'deck.next': '다음 슬라이드',
  'deck.first': '첫 슬라이드',
  'deck.diagram': '이 다이어그램 열기',
  'deck.part': '수업의 부분',
  'deck.partOption': '{count}개 중 {part}: {title}',
  'deck.preparing': { other: '덱을 배치하는 중: 다이어그램 {count}개 중 {done}개…' },
  'deck.notFound': '“{id}” 덱이 없습니다.',
  'deck.noSlides': '“{id}” 덱에는 슬라이드가 없습니다.',
  'deck.outOfRange': '“{id}” 덱에는 {slide}번 슬라이드가 없습니다: 1부터 {count}까지입니다.',
  'deck.broken': '이 덱의 “{id}” 다이어그램에 오류가 있습니다.',
  'deck.loadFailed': '레슨 덱을 불러오지 못했습니다: {message}',
  'deck.speakerHint': '노트, 다음 슬라이드, 시간을 새 창에 (s)',
  'crash.app': 'Flowdeck에서 오류가 났습니다',
  'crash.page': '이 화면에서 오류가 났습니다',
  'crash.diagram': '다이어그램을 그리다 오류가 났습니다',
  'crash.details': '자세히 패널에서 오류가 났습니다',
  'crash.player': '흐름 재생에서 오류가 났습니다',
  'crash.presenter': '발표 모드에서 오류가 났습니다',
  'crash.export': '내보내기 메뉴에서 오류가 났습니다',
  'crash.editor': '편집기에서 오류가 났습니다',
  'crash.thumbnail': '미리 보기를 그리지 못했습니다',
  'crash.error': '오류: {message}',
  'crash.hint': '나머지 기능은 그대로 작동합니다. 다시 시도하거나 모든 다이어그램으로 돌아가세요.',
  'crash.hintEditor':
    '텍스트는 이 브라우저에 보관되어 있습니다. 다시 시도하거나 페이지를 새로 고치면 하던 곳에서 이어집니다.',
  'crash.hintEditorDiagram':
    '텍스트 편집기는 그대로 작동하고 텍스트도 저장됩니다. 텍스트를 고치면 다이어그램을 다시 그립니다.',
  'crash.hintApp':
    '저장된 초안은 이 브라우저에 보관되어 있습니다. 다시 시도하거나 모든 다이어그램으로 돌아가세요.',
  'gallery.brokenAt': '{line}행 {col}열: {message}',
  'limits.ignored': '링크의 ?limits= 설정을 무시하고 기본 한도를 씁니다: {problem}',
  'gallery.crashed': '배치하지 못했습니다: {message}',
  'editor.storageFull':
    '저장하지 못함: 이 브라우저에서 Flowdeck이 쓸 저장 공간이 가득 찼습니다. 텍스트는 그대로 있습니다. 내려받아 두거나 오래된 초안을 지워 공간을 만들면, 다음에 입력할 때 저장됩니다.',
};

export const LANGUAGES = ['ko', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const MESSAGES: { readonly [L in Language]: Messages<L> } = { ko, en };

/** Each language's name in itself, for the language menu. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { ko: '한국어', en: 'English' };

/** The `{name}` placeholders of a message, as a union of names. */
type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

/** The texts of a message: itself, or each of its plural forms. */
type TextsOf<M> = Extract<M extends string ? M : M[keyof M], string>;

/**
 * The values `t(key, vars)` needs for a key: one per placeholder of its
 * English text, and for a plural message a numeric `count` to choose the form by.
 */
export type MessageVars<K extends MessageKey> = (typeof en)[K] extends string
  ? Record<Placeholders<(typeof en)[K]>, string | number>
  : Record<Exclude<Placeholders<TextsOf<(typeof en)[K]>>, 'count'>, string | number> & {
      count: number;
    };
