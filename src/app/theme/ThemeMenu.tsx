import { useId } from 'react';
import { useT } from '../i18n/useT.ts';
import { parseThemePreference, THEME_PREFERENCES } from './theme.ts';
import { useTheme } from './useTheme.ts';

/** The theme chooser for the header: a labelled native select. */
export function ThemeMenu({ className }: { className?: string }) {
  const { preference, theme, setPreference } = useTheme();
  const t = useT();
  const id = useId();
  return (
    <div className={className ? `fd-menu ${className}` : 'fd-menu'}>
      <label className="fd-menu-label" htmlFor={id}>
        {t('theme.label')}
      </label>
      <select
        id={id}
        className="fd-menu-select"
        data-testid="theme-menu"
        value={preference}
        onChange={(event) => setPreference(parseThemePreference(event.currentTarget.value))}
      >
        {THEME_PREFERENCES.map((option) => (
          <option key={option} value={option}>
            {option === 'system'
              ? t('theme.systemResolved', { theme: t(`theme.${theme}`) })
              : t(`theme.${option}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
