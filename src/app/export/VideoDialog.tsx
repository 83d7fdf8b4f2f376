import { useEffect, useId, useRef, useState } from 'react';
import './video.css';
import type { ExportTheme } from '../../core/export/types.ts';
import type { LaidOutDiagram } from '../../core/layout/types.ts';
import { useT } from '../i18n/useT.ts';
import { fileSize, NO_ENCODER, pictureSize, type VideoChoices } from './videoOptions.ts';

const SPEEDS = [0.5, 1, 1.5, 2] as const;

/**
 * The Video or GIF dialog: the choices, then the file made in the browser
 * (`videoFile.ts`, loaded on Export) with progress, time left and Cancel.
 * Closing it while it works cancels too. The export menu loads it on first
 * use (the default export), so none of it is in the first paint.
 */
export default function VideoDialog({
  diagram,
  flowId,
  theme,
  open,
  onClose,
}: {
  diagram: LaidOutDiagram;
  flowId: string;
  theme: ExportTheme;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const working = useRef<AbortController | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(0);
  const [status, setStatus] = useState('');
  const [choices, setChoices] = useState<VideoChoices>(() => ({
    format: 'video',
    size: '720p',
    theme,
    captions: true,
    speed: 1,
    camera: true,
    motion: document.documentElement.dataset.motion === 'reduce' ? 'stills' : 'full',
  }));
  const screen = { width: window.innerWidth, height: window.innerHeight };
  const windowSize = fileSize(pictureSize({ format: 'video', size: 'window' }, screen));
  const size = pictureSize(choices, screen);
  const out = fileSize(size);
  const set = <K extends keyof VideoChoices>(key: K, value: VideoChoices[K]) =>
    setChoices((c) => ({ ...c, [key]: value }));

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  useEffect(() => () => working.current?.abort(), []);

  const start = async () => {
    const controller = new AbortController();
    working.current = controller;
    setBusy(true);
    setDone(0);
    setStatus(t('video.preparing'));
    try {
      const lib = await import('./videoFile.ts');
      const result = await lib.makeVideo(diagram, flowId, choices, screen, {
        signal: controller.signal,
        onProgress: ({ done, secondsLeft }) => {
          setDone(done);
          const percent = Math.floor(done * 100);
          setStatus(
            secondsLeft === null
              ? t('video.working', { percent })
              : t('video.left', { percent, seconds: Math.max(1, Math.round(secondsLeft)) }),
          );
        },
      });
      const { download } = await import('../download.ts');
      download(result.name, result.blob);
      setStatus(t('export.saved', { name: result.name }));
      // For the curious (devtools' verbose level) and measurements: what it took.
      console.debug('flowdeck video', JSON.stringify({ bytes: result.blob.size, ...result.stats }));
    } catch (error) {
      setStatus(
        controller.signal.aborted
          ? t('video.cancelled')
          : (error as Error).name === NO_ENCODER
            ? t('video.noEncoder')
            : t('export.failed', { message: (error as Error).message }),
      );
    } finally {
      working.current = null;
      setBusy(false);
    }
  };

  const radio = (name: keyof VideoChoices, value: string, label: string) => (
    <label>
      <input
        type="radio"
        name={`${id}-${name}`}
        checked={choices[name] === value}
        disabled={busy}
        onChange={() => set(name, value as never)}
      />
      {label}
    </label>
  );

  return (
    <dialog
      ref={ref}
      className="fd-video"
      aria-labelledby={`${id}-title`}
      onClose={() => {
        working.current?.abort();
        onClose();
      }}
    >
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          if (!busy) void start();
        }}
      >
        <h2 id={`${id}-title`}>{t('video.title')}</h2>
        <fieldset disabled={busy}>
          <legend>{t('video.format')}</legend>
          {radio('format', 'video', t('video.formatVideo'))}
          {radio('format', 'gif', t('video.formatGif'))}
          {radio('format', 'steps', t('video.formatSteps'))}
        </fieldset>
        <div className="fd-video-grid">
          <label>
            {t('video.size')}
            <select
              value={choices.size}
              disabled={busy}
              onChange={(e) => set('size', e.target.value as VideoChoices['size'])}
            >
              <option value="720p">720p</option>
              <option value="1080p">1080p</option>
              <option value="window">
                {t('video.sizeWindow', { width: windowSize.width, height: windowSize.height })}
              </option>
            </select>
          </label>
          <label>
            {t('video.speed')}
            <select
              value={choices.speed}
              disabled={busy}
              onChange={(e) => set('speed', Number(e.target.value) as VideoChoices['speed'])}
            >
              {SPEEDS.map((s) => (
                <option key={s} value={s}>
                  {s}×
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('theme.label')}
            <select
              value={choices.theme}
              disabled={busy}
              onChange={(e) => set('theme', e.target.value as ExportTheme)}
            >
              <option value="light">{t('theme.light')}</option>
              <option value="dark">{t('theme.dark')}</option>
            </select>
          </label>
          <label>
            {t('video.motion')}
            <select
              value={choices.motion}
              disabled={busy}
              onChange={(e) => set('motion', e.target.value as VideoChoices['motion'])}
            >
              <option value="full">{t('video.motionFull')}</option>
              <option value="stills">{t('video.motionStills')}</option>
            </select>
          </label>
        </div>
        <label className="fd-video-check">
          <input
            type="checkbox"
            checked={choices.captions}
            disabled={busy}
            onChange={(e) => set('captions', e.target.checked)}
          />
          {t('video.captions')}
        </label>
        <label className="fd-video-check">
          <input
            type="checkbox"
            checked={choices.camera}
            disabled={busy}
            onChange={(e) => set('camera', e.target.checked)}
          />
          {t('video.camera')}
        </label>
        <p className="fd-video-note">
          {t('video.summary', { width: out.width, height: out.height, fps: size.fps })}
        </p>
        {busy ? <progress max={1} value={done} /> : null}
        <p className="fd-video-status" role="status" aria-live="polite">
          {status}
        </p>
        <div className="fd-video-actions">
          {busy ? (
            <button type="button" onClick={() => working.current?.abort()}>
              {t('video.cancel')}
            </button>
          ) : (
            <>
              <button type="button" onClick={() => ref.current?.close()}>
                {t('video.close')}
              </button>
              <button type="submit" className="fd-video-go">
                {t('video.export')}
              </button>
            </>
          )}
        </div>
      </form>
    </dialog>
  );
}
