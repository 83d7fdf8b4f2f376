import type { Box } from '../../core/layout/types.ts';

/**
 * The class an element carries when it may sit over a diagram's canvas (a
 * header, buttons, a caption band, an inset, a presenter's hint): the
 * camera frames around wherever one covers the canvas. Anything new drawn
 * over the canvas adds it; nothing here knows the elements by name.
 */
export const CHROME = 'fd-chrome';

/** The parts of `canvas` that chrome covers, in px from the canvas's top-left corner. */
export function coveredParts(canvas: HTMLElement): Box[] {
  const frame = canvas.getBoundingClientRect();
  const parts: Box[] = [];
  for (const element of document.getElementsByClassName(CHROME)) {
    const style = getComputedStyle(element);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    const box = element.getBoundingClientRect();
    const x = Math.max(box.left, frame.left);
    const y = Math.max(box.top, frame.top);
    const right = Math.min(box.right, frame.right);
    const bottom = Math.min(box.bottom, frame.bottom);
    if (right - x < 1 || bottom - y < 1) continue;
    parts.push({ x: x - frame.left, y: y - frame.top, width: right - x, height: bottom - y });
  }
  return parts;
}

/**
 * Calls `onChange` when chrome comes, goes or changes size. A few frames'
 * worth of changes come as one call.
 */
export function watchChrome(onChange: () => void): () => void {
  const watched = new Set<Element>();
  let pending = 0;
  const later = () => {
    if (pending) return;
    pending = requestAnimationFrame(() => {
      pending = 0;
      onChange();
    });
  };
  const sizes = new ResizeObserver(later);
  const look = () => {
    const now = new Set(document.getElementsByClassName(CHROME));
    let changed = false;
    for (const element of now) {
      if (watched.has(element)) continue;
      watched.add(element);
      sizes.observe(element);
      changed = true;
    }
    for (const element of watched) {
      if (now.has(element)) continue;
      watched.delete(element);
      sizes.unobserve(element);
      changed = true;
    }
    if (changed) later();
  };
  const added = new MutationObserver(look);
  added.observe(document.body, { childList: true, subtree: true });
  look();
  return () => {
    cancelAnimationFrame(pending);
    added.disconnect();
    sizes.disconnect();
  };
}
