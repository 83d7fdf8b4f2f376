import { useCallback, useMemo, useState } from 'react';
import { DiagramPane } from '../diagram/DiagramView.tsx';
import type { LayoutClient } from '../layoutClient.ts';
import { type StepHref, StepHrefContext } from '../view/StepHref.tsx';
import { ViewContext } from '../view/ViewContext.tsx';
import { type LiveLayout, useLiveLayout } from './useLiveLayout.ts';

/**
 * Text laid out live, with the groups the reader folded: what the editor
 * and a shared link both show. A flow plays on the whole diagram.
 */
export function useLiveDiagram(
  client: LayoutClient | null,
  text: string,
  file: string,
  flow: string | undefined,
): { live: LiveLayout; toggleCollapsed: (group: string) => void } {
  const [collapsed, setCollapsed] = useState<string[]>([]);
  const toggleCollapsed = useCallback(
    (group: string) =>
      setCollapsed((now) =>
        now.includes(group) ? now.filter((g) => g !== group) : [...now, group],
      ),
    [],
  );
  const live = useLiveLayout(client, text, file, flow ? [] : collapsed);
  return { live, toggleCollapsed };
}

/** A live diagram drawn with everything around it, its steps addressed by `steps`. */
export function LiveDiagramPane({
  live,
  toggleCollapsed,
  steps,
  flow,
  step,
}: {
  live: LiveLayout & { diagram: NonNullable<LiveLayout['diagram']> };
  toggleCollapsed: (group: string) => void;
  steps: StepHref;
  flow: string | undefined;
  step: number | undefined;
}) {
  const [selected, setSelected] = useState<string | null>(null);
  const actions = useMemo(() => ({ toggleCollapsed, expectRelayout: () => {} }), [toggleCollapsed]);
  return (
    <StepHrefContext.Provider value={steps}>
      <ViewContext.Provider value={actions}>
        <DiagramPane
          diagram={live.diagram}
          flow={flow}
          step={step ?? 1}
          selected={selected}
          setSelected={setSelected}
          toggleCollapsed={toggleCollapsed}
          phase={live.phase}
          error={null}
        />
      </ViewContext.Provider>
    </StepHrefContext.Provider>
  );
}
