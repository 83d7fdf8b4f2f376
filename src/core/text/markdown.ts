/**
 * The small markdown subset Flowdeck renders in details, and nothing more:
 * paragraphs, lists (`-`, `*` or `1.`), line breaks, **bold**, _italic_,
 * `code` and links to http, https and mailto. Everything else is text, so a
 * renderer that turns these tokens into elements (never into HTML strings)
 * cannot be made to run markup that someone put in a diagram.
 */
export type Inline =
  | { type: 'text'; text: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'em'; children: Inline[] }
  | { type: 'code'; text: string }
  | { type: 'link'; href: string; children: Inline[] }
  | { type: 'break' };

export type Block =
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'list'; ordered: boolean; items: Inline[][] };

const LIST_ITEM = /^\s*(?:([-*+])|(\d{1,9})[.)])\s+(.*)$/;

/** Blocks of a markdown text: blank lines separate paragraphs; list items start with `-`, `*`, `+` or `1.`. */
export function parseMarkdown(text: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0)
      blocks.push({ type: 'paragraph', children: parseInline(paragraph.join('\n')) });
    paragraph = [];
  };
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const item = LIST_ITEM.exec(line);
    if (item) {
      flush();
      const ordered = item[2] !== undefined;
      const last = blocks.at(-1);
      const content = parseInline(item[3] ?? '');
      if (last?.type === 'list' && last.ordered === ordered) last.items.push(content);
      else blocks.push({ type: 'list', ordered, items: [content] });
    } else if (line.trim() === '') {
      flush();
    } else {
      const last = blocks.at(-1);
      // A line right under a list item, indented, continues that item.
      if (paragraph.length === 0 && last?.type === 'list' && /^\s+\S/.test(line)) {
        const items = last.items;
        items[items.length - 1] = [
          ...(items.at(-1) ?? []),
          { type: 'text', text: ' ' },
          ...parseInline(line.trim()),
        ];
      } else paragraph.push(line.trim());
    }
  }
  flush();
  return blocks;
}

/** Whether a link target is one we let through: http, https or mailto, nothing else. */
export function safeHref(href: string): string | null {
  const trimmed = href.trim();
  return /^(https?:\/\/|mailto:)[^\s<>"'`]+$/i.test(trimmed) ? trimmed : null;
}

/** Inline markup of one paragraph or list item. Newlines become breaks. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let plain = '';
  const push = (node: Inline) => {
    if (plain) out.push({ type: 'text', text: plain });
    plain = '';
    out.push(node);
  };
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const ch = text[i] ?? '';
    if (ch === '\\' && i + 1 < text.length && /[\\`*_[\]()]/.test(text[i + 1] ?? '')) {
      plain += text[i + 1];
      i += 2;
      continue;
    }
    if (ch === '\n') {
      push({ type: 'break' });
      i += 1;
      continue;
    }
    if (ch === '`') {
      const end = text.indexOf('`', i + 1);
      if (end > i + 1) {
        push({ type: 'code', text: text.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    }
    const strong = /^(\*\*|__)(?=\S)([\s\S]*?\S)\1/.exec(rest);
    if (strong?.[2]) {
      push({ type: 'strong', children: parseInline(strong[2]) });
      i += strong[0].length;
      continue;
    }
    const em = /^([*_])(?=\S)([\s\S]*?\S)\1/.exec(rest);
    if (em?.[2] && !(ch === '_' && /\w/.test(text[i - 1] ?? ''))) {
      push({ type: 'em', children: parseInline(em[2]) });
      i += em[0].length;
      continue;
    }
    const link = /^\[([^\]\n]+)\]\(((?:[^()\s]|\([^()\s]*\))+)\)/.exec(rest);
    if (link?.[1] && link[2]) {
      const href = safeHref(link[2]);
      // An unsafe target keeps its words, as text, and loses the link.
      if (href) push({ type: 'link', href, children: parseInline(link[1]) });
      else plain += link[1];
      i += link[0].length;
      continue;
    }
    const bare = /^(https?:\/\/[^\s<>"'`)\]]+[^\s<>"'`)\].,;:!?])/.exec(rest);
    if (bare?.[1] && !/\w/.test(text[i - 1] ?? '')) {
      push({ type: 'link', href: bare[1], children: [{ type: 'text', text: bare[1] }] });
      i += bare[1].length;
      continue;
    }
    plain += ch;
    i += 1;
  }
  if (plain) out.push({ type: 'text', text: plain });
  return out;
}
