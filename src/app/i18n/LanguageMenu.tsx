import { useId } from 'react';
import { LANGUAGE_NAMES, LANGUAGES } from './messages.ts';
import { parseLanguage } from './translate.ts';
import { useLanguage, useT } from './useT.ts';

/** The UI language chooser for the header; each language is named in itself. */
export function LanguageMenu({ className }: { className?: string }) {
  const { language, setLanguage } = useLanguage();
  const t = useT();
  const id = useId();
  return (
    <div className={className ? `fd-menu ${className}` : 'fd-menu'}>
      <label className="fd-menu-label" htmlFor={id}>
        {t('language.label')}
      </label>
      <select
        id={id}
        className="fd-menu-select"
        data-testid="language-menu"
        value={language}
        onChange={(event) => setLanguage(parseLanguage(event.currentTarget.value) ?? language)}
      >
        {LANGUAGES.map((option) => (
          <option key={option} value={option} lang={option}>
            {LANGUAGE_NAMES[option]}
          </option>
        ))}
      </select>
    </div>
  );
}
