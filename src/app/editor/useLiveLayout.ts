import { useEffect, useState } from 'react';
import type { LaidOutDiagram } from '../../core/layout/types.ts';
import type { Diagnostic } from '../../core/model/types.ts';
import { bundledIcons, bundledPrefixes } from '../icons/bundledIcons.ts';
import { iconWarnings } from '../icons/iconWarnings.ts';
import type { LayoutClient } from '../layoutClient.ts';
import type { LayoutState } from '../useLayout.ts';
import { useScreenShape } from '../useScreenShape.ts';
import { useWalkthroughTitle } from '../useWalkthroughTitle.ts';

/** How long typing must pause before the diagram follows. */
export const TYPING_PAUSE_MS = 250;

export interface LiveLayout extends LayoutState {
  /** The diagnostics of the text as it was last laid out (warnings too). */
  diagnostics: Diagnostic[];
  /** Lays the same text out again (after a layout that took too long). */
  retry: () => void;
}

/**
 * The diagram following text as it is typed: laid out in the worker once
 * typing pauses, on the `editor` channel so a newer text cancels a layout
 * still on its way. While the text has errors the last good diagram stays,
 * with the errors beside it. Icons no bundled set has are warned about once
 * their sets' files have answered.
 */
export function useLiveLayout(
  client: LayoutClient | null,
  text: string,
  file: string,
  collapsed: readonly string[] = [],
): LiveLayout {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<Omit<LiveLayout, 'retry'>>({
    diagram: null,
    phase: 'starting',
    error: null,
    diagnostics: [],
  });
  const collapsedKey = collapsed.join('\n');
  const screen = useScreenShape();
  useEffect(() => {
    if (!client) return;
    let live = true;
    const timer = setTimeout(() => {
      setState((previous) => ({ ...previous, phase: previous.phase ?? 'queued' }));
      void client
        .request({
          text,
          file,
          collapsed: collapsedKey ? collapsedKey.split('\n') : [],
          screen,
          channel: 'editor',
          // Every pause in typing is a new text: none is worth keeping across visits.
          persist: false,
          onProgress: (phase) => {
            if (live) setState((previous) => ({ ...previous, phase }));
          },
        })
        .then((result) => {
          if (!live || 'cancelled' in result) return;
          setState((previous) =>
            result.ok
              ? {
                  diagram: result.diagram,
                  phase: null,
                  error: null,
                  diagnostics: result.diagnostics,
                }
              : {
                  diagram: previous.diagram as LaidOutDiagram | null,
                  phase: null,
                  error: result,
                  diagnostics: result.diagnostics,
                },
          );
          if (!result.ok) return;
          // The diagram shows at once; warnings follow when the icons' files answer.
          void iconWarnings(result.diagram.nodes, text, bundledIcons, bundledPrefixes).then(
            (icons) => {
              if (live && icons.length > 0) {
                setState((previous) => ({
                  ...previous,
                  diagnostics: [...previous.diagnostics, ...icons],
                }));
              }
            },
            () => undefined,
          );
        });
    }, TYPING_PAUSE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [client, text, file, collapsedKey, screen, attempt]);
  const diagram = useWalkthroughTitle(state.diagram);
  return { ...state, diagram, retry: () => setAttempt((n) => n + 1) };
}
