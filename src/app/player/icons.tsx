/** The player's icons, drawn (fonts do not all have the media-control glyphs). */
const PATHS = {
  restart: 'M4 3h2v10H4zM13 3v10L6.5 8z',
  prev: 'M11.5 3v10L4 8z',
  next: 'M4.5 3v10L12 8z',
  play: 'M5 2.5v11L13.5 8z',
  pause: 'M4 3h3v10H4zM9 3h3v10H9z',
} as const;

export function Icon({ name }: { name: keyof typeof PATHS }) {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}
