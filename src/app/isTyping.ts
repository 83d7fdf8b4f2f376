/** Whether a key event's target is a field the reader types in: such keys are theirs, not a shortcut's. */
export function isTyping(target: EventTarget | null): boolean {
  // Duck-typed: the window and the document have no `closest`, and tests hand in plain objects.
  const closest = (target as Partial<Element> | null)?.closest;
  return (
    typeof closest === 'function' &&
    closest.call(target, 'input, textarea, select, [contenteditable]') !== null
  );
}
