import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import './export.css';
import type { StepScene, Timeline } from '../../core/animate/timeline.ts';
import type { LaidOutDiagram } from '../../core/layout/types.ts';
import { wordsFor } from '../../core/outline/words.ts';
import { useLanguage, useT } from '../i18n/useT.ts';
import { embedHref } from '../route.ts';
import { useTheme } from '../theme/useTheme.ts';
import type { ExportKind } from './exportFiles.ts';

type Lib = typeof import('./exportFiles.ts');

const VideoDialog = lazy(() => import('./VideoDialog.tsx'));

/**
 * The export menu over every diagram view: the view or the current step as
 * SVG or PNG (1×, 2×, 4×), the whole flow as an animated SVG, a video or GIF
 * of it (`VideoDialog`), the Outline as Markdown (the diagram as text), the
 * SVG to the clipboard, and an embed snippet. Files are drawn in the app's theme
 * (the contrast theme exports as light) with the glyphs they use embedded.
 */
export function ExportMenu({
  diagram,
  step,
}: {
  diagram: LaidOutDiagram;
  /** The step on screen, when a flow (or a deck) is playing. */
  step: { timeline: Timeline; scene: StepScene } | null;
}) {
  const t = useT();
  const menu = useMenu();
  const { theme } = useTheme();
  const { language } = useLanguage();
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [video, setVideo] = useState(false);
  // Files are drawn in the app's theme and speak to screen readers in its language.
  const look = { theme: theme === 'dark' ? 'dark' : 'light', lang: language } as const;
  const flowId = step?.timeline.flowId ?? diagram.flows[0]?.id;
  const current: ExportKind = step ? { kind: 'step', ...step } : { kind: 'view' };

  const run = async (action: (lib: Lib) => Promise<string>) => {
    setBusy(true);
    setStatus(t('export.working'));
    try {
      setStatus(await action(await import('./exportFiles.ts')));
    } catch (error) {
      setStatus(t('export.failed', { message: (error as Error).message }));
    } finally {
      setBusy(false);
    }
  };
  const saveSvg = (what: ExportKind) =>
    run(async (lib) => {
      const file = await lib.makeSvg(diagram, what, look);
      lib.download(file.name, file.svg);
      return t('export.saved', { name: file.name });
    });
  const savePng = (scale: number) =>
    run(async (lib) => {
      const file = await lib.makeSvg(diagram, current, look);
      const name = file.name.replace(/\.svg$/, scale === 1 ? '.png' : `@${scale}x.png`);
      lib.download(name, await lib.svgToPng(file.svg, scale, diagram.shape));
      return t('export.saved', { name });
    });
  const saveOutline = () =>
    run(async (lib) => {
      const name = `${diagram.id}.md`;
      const text = lib.diagramMarkdown(diagram, wordsFor(language));
      lib.download(name, text, 'text/markdown;charset=utf-8');
      return t('export.saved', { name });
    });
  const copySvg = () =>
    run(async (lib) => {
      const file = await lib.makeSvg(diagram, current, look);
      await navigator.clipboard.writeText(file.svg);
      return t('export.copied');
    });
  const copyEmbed = () =>
    run(async () => {
      const at = step ? step.scene.index + 1 : undefined;
      const url = new URL(
        embedHref(diagram.id, step ? flowId : undefined, at),
        window.location.href,
      ).href;
      await navigator.clipboard.writeText(embedSnippet(url, diagram.title));
      return t('export.embedCopied');
    });

  return (
    <>
      <details className="fd-export fd-chrome" ref={menu}>
        <summary className="fd-icon-button">{t('export.button')}</summary>
        <div className="fd-export-menu">
          <button type="button" disabled={busy} onClick={() => saveSvg({ kind: 'view' })}>
            {t('export.svgView')}
          </button>
          {step ? (
            <button type="button" disabled={busy} onClick={() => saveSvg(current)}>
              {t('export.svgStep', { step: step.scene.index + 1 })}
            </button>
          ) : null}
          {flowId ? (
            <button type="button" disabled={busy} onClick={() => saveSvg({ kind: 'flow', flowId })}>
              {t('export.svgFlow')}
            </button>
          ) : null}
          {flowId ? (
            <button
              type="button"
              disabled={busy}
              aria-haspopup="dialog"
              onClick={() => {
                if (menu.current) menu.current.open = false;
                setVideo(true);
              }}
            >
              {t('export.video')}
            </button>
          ) : null}
          <div className="fd-export-row" role="group" aria-label="PNG">
            {[1, 2, 4].map((scale) => (
              <button key={scale} type="button" disabled={busy} onClick={() => savePng(scale)}>
                PNG {scale}×
              </button>
            ))}
          </div>
          <button type="button" disabled={busy} onClick={saveOutline}>
            {t('outline.markdown')}
          </button>
          <button type="button" disabled={busy} onClick={copySvg}>
            {t('export.copySvg')}
          </button>
          <button type="button" disabled={busy} onClick={copyEmbed}>
            {t('export.copyEmbed')}
          </button>
          <p className="fd-export-status" role="status" aria-live="polite">
            {status}
          </p>
        </div>
      </details>
      {flowId && video ? (
        <Suspense fallback={null}>
          <VideoDialog
            diagram={diagram}
            flowId={flowId}
            theme={look.theme}
            open={video}
            onClose={() => {
              setVideo(false);
              menu.current?.querySelector('summary')?.focus();
            }}
          />
        </Suspense>
      ) : null}
    </>
  );
}

/** A `<details>` menu that also closes on Escape (focus back on its button) and on a click outside. */
function useMenu() {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const close = (event: Event) => {
      const details = ref.current;
      if (!details?.open) return;
      if (event instanceof KeyboardEvent) {
        if (event.key !== 'Escape') return;
        // Before the view's own Escape (closing the details panel, leaving presenter mode).
        event.stopPropagation();
        details.open = false;
        details.querySelector('summary')?.focus();
      } else if (!details.contains(event.target as Node)) {
        details.open = false;
      }
    };
    window.addEventListener('keydown', close, true);
    window.addEventListener('pointerdown', close, true);
    return () => {
      window.removeEventListener('keydown', close, true);
      window.removeEventListener('pointerdown', close, true);
    };
  }, []);
  return ref;
}

/** An `<iframe>` for a blog post; docs/export.md documents it. */
export function embedSnippet(url: string, title: string): string {
  const safeTitle = title.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<iframe src="${url.replace(/"/g, '%22')}" title="${safeTitle}" width="800" height="520" style="border:0;max-width:100%" loading="lazy" allowfullscreen></iframe>`;
}
