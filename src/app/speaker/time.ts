function two(n: number): string {
  return String(n).padStart(2, '0');
}

/** Time since a start, as mm:ss (minutes keep counting past 59: `75:02`). */
export function formatElapsed(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${two(Math.floor(seconds / 60))}:${two(seconds % 60)}`;
}

/** The wall clock as HH:MM, 24-hour. */
export function formatClock(date: Date): string {
  return `${two(date.getHours())}:${two(date.getMinutes())}`;
}
