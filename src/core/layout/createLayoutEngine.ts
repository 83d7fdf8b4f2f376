import ELK from 'elkjs/lib/elk.bundled.js';
import { effectiveShape, type ScreenShape } from '../model/screenShape.ts';
import type { Model } from '../model/types.ts';
import { clipEndpoints } from './clipEndpoints.ts';
import { fromElk } from './fromElk.ts';
import { hashString } from './hash.ts';
import { createRunCache, type ElkPort, layoutRuns } from './layoutRuns.ts';
import { restoreOrder } from './restoreOrder.ts';
import { type LayOut, shapeLayout } from './shapeLayout.ts';
import { type LayoutSettings, type MeasureFn, measureModel, toElk } from './toElk.ts';
import type { LaidOutDiagram } from './types.ts';

/** The layout port: Node runs it in-process, the browser runs it inside a Web Worker. */
export interface LayoutEngine {
  layout(model: Model, options?: LayoutOptions): Promise<LaidOutDiagram>;
}

export interface LayoutOptions {
  /**
   * The shape of the screen the diagram will be shown on. The model's own
   * `aspect` wins (`effectiveShape`); without either the layout is as written.
   */
  screen?: ScreenShape | undefined;
}

export interface CreateLayoutEngineParams {
  measure: MeasureFn;
  settings: LayoutSettings;
  /**
   * Defaults to elkjs running in this thread. A pool (`elkPool`) lays out
   * the runs of a bottom-up layout in parallel.
   */
  elk?: ElkPort;
  /** How many laid-out diagrams to keep, keyed by content hash. Default 32. */
  cacheSize?: number;
  /**
   * The most nodes (groups included) ELK lays out in one hierarchical run;
   * bigger diagrams are laid out bottom-up in runs of at most this size
   * (`planRuns`). Default `MAX_RUN`; `Infinity` always uses one run.
   */
  maxRun?: number;
}

/**
 * Up to this many nodes, a diagram is laid out in one ELK run, which finds
 * the fewest crossings; past it, ELK's hierarchical run costs much more per
 * node than several small runs.
 */
export const MAX_RUN = 150;

/**
 * A layout engine with a content-hash cache: the same model and settings
 * give the same (byte-identical) result without running ELK again.
 *
 * @example
 * const engine = createLayoutEngine({ measure: measureText, settings: DEFAULT_LAYOUT_SETTINGS });
 * const diagram = await engine.layout(model);
 */
export function createLayoutEngine(params: CreateLayoutEngineParams): LayoutEngine {
  const elk: ElkPort = params.elk ?? new ELK();
  const cacheSize = params.cacheSize ?? 32;
  const maxRun = params.maxRun ?? MAX_RUN;
  const cache = new Map<string, Promise<LaidOutDiagram>>();
  // Runs of bottom-up layouts, so an edit lays out only the runs it touches.
  const runs = createRunCache();

  const layOut: LayOut = async (model, options) => {
    const measured = measureModel(model, params.measure, params.settings);
    const { graph, separated, pieces } = toElk(model, measured, params.settings, {
      maxRun,
      ...options,
    });
    const result = await layoutRuns(graph, elk, runs);
    const laidOut = fromElk(model, result, measured, params.settings, pieces);
    return clipEndpoints(restoreOrder(laidOut, separated));
  };
  const run = async (model: Model, shape: ScreenShape | undefined): Promise<LaidOutDiagram> => {
    // Shaping tries several layouts; past one run's size that costs too much.
    if (!shape || model.nodes.length > maxRun) return layOut(model, {});
    return { ...(await shapeLayout(model, shape, layOut)), shape };
  };

  return {
    layout(model, options = {}) {
      const shape = effectiveShape(model.aspect, options.screen);
      const key = hashString(JSON.stringify([model, params.settings, shape ?? null]));
      const hit = cache.get(key);
      if (hit) {
        // Refresh its place so the cache evicts the least recently used entry.
        cache.delete(key);
        cache.set(key, hit);
        return hit;
      }
      const pending = run(model, shape);
      cache.set(key, pending);
      pending.catch(() => cache.delete(key));
      while (cache.size > cacheSize) {
        const oldest = cache.keys().next().value;
        if (oldest === undefined) break;
        cache.delete(oldest);
      }
      return pending;
    },
  };
}
