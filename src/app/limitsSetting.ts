import { type Limits, readLimits } from '../core/parse/limits.ts';

/** What `?limits=` sets: limits over `DEFAULT_LIMITS`, and how long a layout may run. */
export interface LimitsSetting {
  limits: Partial<Limits>;
  /** Undefined: the layout client's default (`DEFAULT_LAYOUT_TIMEOUT_MS`). */
  timeoutMs: number | undefined;
  /** What was wrong with the setting, which is then ignored as a whole. */
  problem?: string;
}

/**
 * Reads the app's limits from the page's query string, e.g.
 * `?limits=nodes=8000,edges=20000,timeout=60#/d/big`: the CLI's `--limit`
 * names (docs/hardening.md#limits), plus `timeout` in seconds. In the query,
 * not the hash, so every route keeps it and a link can carry it.
 *
 * @example readLimitsSetting('?limits=nodes=8000,timeout=60') // { limits: { maxNodes: 8000 }, timeoutMs: 60000 }
 */
export function readLimitsSetting(search: string): LimitsSetting {
  const items = new URLSearchParams(search).getAll('limits');
  let timeoutMs: number | undefined;
  const rest: string[] = [];
  for (const item of items.flatMap((i) => i.split(','))) {
    const [name, value] = item.split('=');
    if (name?.trim() !== 'timeout') {
      rest.push(item);
      continue;
    }
    const seconds = Number(value);
    if (!(Number.isFinite(seconds) && seconds > 0)) {
      const problem = `limit timeout must be a number of seconds above 0, not "${value ?? ''}"`;
      return { limits: {}, timeoutMs: undefined, problem };
    }
    timeoutMs = seconds * 1000;
  }
  const limits = readLimits(rest);
  if (typeof limits === 'string') return { limits: {}, timeoutMs: undefined, problem: limits };
  return { limits, timeoutMs };
}
