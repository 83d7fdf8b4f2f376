import { useEffect, useRef } from 'react';
import { currentDiagrams } from '../diagrams.ts';
import { useLanguage, useT } from '../i18n/useT.ts';
import { Skeleton } from '../view/Skeleton.tsx';
import { openNewDraft } from './newDraft.ts';
import { STARTERS } from './starter.ts';

/**
 * `#/new` and `#/edit/<id>`: makes a draft (blank but for a starter, or a
 * copy of a diagram's text) and moves on to it, replacing this URL so Back
 * does not make another.
 */
export function StartDraft({ copyOf }: { copyOf?: string }) {
  const t = useT();
  const { language } = useLanguage();
  const source = copyOf === undefined ? undefined : currentDiagrams().find((d) => d.id === copyOf);
  // Once per visit, even when React runs the effect twice (StrictMode).
  const started = useRef(false);
  useEffect(() => {
    if (started.current || (copyOf !== undefined && !source)) return;
    started.current = true;
    void openNewDraft(source?.text ?? STARTERS[language], {
      ...(source ? { source: source.id } : {}),
      replace: true,
    });
  }, [copyOf, source, language]);
  if (copyOf !== undefined && !source) {
    return (
      <div className="fd-card-error-view" role="alert">
        <h2>{t('diagram.notFound', { id: copyOf })}</h2>
      </div>
    );
  }
  // The draft is being made: the editor's place holds its skeleton meanwhile.
  return <Skeleton />;
}
