import { Fragment, type ReactNode } from 'react';
import { type Inline, parseMarkdown } from '../../core/text/markdown.ts';

/** Details text in Flowdeck's markdown subset, built as elements: nothing in it can become markup. */
export function Markdown({ text }: { text: string }) {
  return (
    <div className="fd-markdown">
      {parseMarkdown(text).map((block, i) => {
        if (block.type === 'paragraph') return <p key={i}>{inlines(block.children)}</p>;
        const items = block.items.map((item, j) => <li key={j}>{inlines(item)}</li>);
        return block.ordered ? <ol key={i}>{items}</ol> : <ul key={i}>{items}</ul>;
      })}
    </div>
  );
}

function inlines(nodes: Inline[]): ReactNode {
  return nodes.map((node, i) => {
    switch (node.type) {
      case 'text':
        return <Fragment key={i}>{node.text}</Fragment>;
      case 'break':
        return <br key={i} />;
      case 'code':
        return <code key={i}>{node.text}</code>;
      case 'strong':
        return <strong key={i}>{inlines(node.children)}</strong>;
      case 'em':
        return <em key={i}>{inlines(node.children)}</em>;
      case 'link':
        return (
          <a key={i} href={node.href} target="_blank" rel="noopener noreferrer">
            {inlines(node.children)}
          </a>
        );
    }
  });
}
