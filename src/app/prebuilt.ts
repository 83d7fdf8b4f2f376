import { endpoint, files, layouts } from 'virtual:flowdeck/diagrams';
import { hashString } from '../core/layout/hash.ts';
import type { LayoutAnswer } from '../core/layoutSource.ts';
import type { ScreenShape } from '../core/model/screenShape.ts';
import type { LayoutJob } from './layoutClient.ts';

const FOLDER = new Set(files.map((f) => f.file));

/**
 * Where a layout made ahead of time for this job is (docs/instant.md): a
 * file of the build, or the dev server's answer on demand. Only for a
 * diagram of `diagrams/` as written there (its text's hash must match), for
 * a screen shape, with no group collapsed. Anything else, or a job whose
 * answer should not be kept (the editor's), goes to the worker.
 */
export function prebuiltUrl(job: LayoutJob): string | undefined {
  if (!job.screen || job.collapsed?.length || job.persist === false) return undefined;
  if (!FOLDER.has(job.file)) return undefined;
  const text = hashString(job.text);
  if (endpoint) {
    const query = new URLSearchParams({ file: job.file, shape: job.screen, text });
    return `${endpoint}?${query}`;
  }
  const entry = layouts?.diagrams[job.file];
  return entry?.text === text ? entry.shapes[job.screen] : undefined;
}

/** Fetches started, by URL: a prefetch and the request after it share one. */
const fetches = new Map<string, Promise<LayoutAnswer | undefined>>();
const KEPT = 32;

/**
 * The layout made ahead of time for this job, once fetched; undefined when
 * there is none for it, or it cannot be had (offline, or the dev server has
 * another version of the file): the worker lays it out then.
 */
export function prebuiltAnswer(job: LayoutJob): Promise<LayoutAnswer | undefined> | undefined {
  const url = prebuiltUrl(job);
  return url ? fetchLayout(url) : undefined;
}

/**
 * Starts fetching a built layout before the app has even read the texts
 * (`prefetch.ts`): the build's own files are of the texts it bundled.
 */
export function prefetchLayout(file: string, screen: ScreenShape) {
  const url = layouts?.diagrams[file]?.shapes[screen];
  if (url) void fetchLayout(url);
}

/** The diagram files the build laid out; none in dev. */
export function builtFiles(): readonly string[] {
  return Object.keys(layouts?.diagrams ?? {});
}

/** The diagram files a built deck shows; none in dev or for an unknown deck. */
export function builtDeckFiles(deck: string): readonly string[] {
  return layouts?.decks[deck] ?? [];
}

function fetchLayout(url: string): Promise<LayoutAnswer | undefined> {
  let answer = fetches.get(url);
  if (!answer) {
    answer = fetch(url).then(
      (response) => (response.ok ? (response.json() as Promise<LayoutAnswer>) : undefined),
      () => undefined,
    );
    // A failed fetch is not kept: the next request tries again.
    answer.then((got) => got === undefined && fetches.delete(url));
    fetches.set(url, answer);
    for (const oldest of fetches.keys()) {
      if (fetches.size <= KEPT) break;
      fetches.delete(oldest);
    }
  }
  return answer;
}
