import { ControlButton } from '@xyflow/react';
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import './keyHelp.css';
import type { MessageKey } from '../i18n/messages.ts';
import { useT } from '../i18n/useT.ts';
import { isTyping } from '../isTyping.ts';
import { playbackStore } from '../playback/playbackStore.ts';

type Row = [keys: string[][], what: MessageKey];

/** Every key of a diagram view, by what it is for (useExplore.ts, Canvas, FlowBar, Presenter, LiveLayer). */
const SECTIONS: [MessageKey, Row[]][] = [
  [
    'help.explore',
    [
      [[['Tab'], ['Shift', 'Tab']], 'help.tab'],
      [[['↑'], ['↓'], ['←'], ['→']], 'help.arrows'],
      [
        [
          ['Shift', '↓'],
          ['Shift', '↑'],
        ],
        'help.into',
      ],
      [
        [
          ['Shift', '→'],
          ['Shift', '←'],
        ],
        'help.siblings',
      ],
      [[[']'], ['[']], 'help.along'],
      [[['}'], ['{']], 'help.another'],
      [[['Enter']], 'help.details'],
    ],
  ],
  [
    'help.view',
    [
      [[['f']], 'help.fit'],
      [[['m']], 'help.minimap'],
      [[['?']], 'help.help'],
    ],
  ],
  [
    'help.flow',
    [
      [[['→'], ['←'], ['PageDown'], ['PageUp']], 'help.step'],
      [[['Space']], 'help.play'],
      [[['Home'], ['End']], 'help.ends'],
    ],
  ],
  [
    'help.present',
    [
      [[['p']], 'help.presenter'],
      [[['b'], ['w']], 'help.blank'],
      [[['l'], ['z']], 'help.pointer'],
      [[['j'], ['?']], 'help.live'],
    ],
  ],
];

/**
 * The `?` button in the canvas controls and the list of keys it opens (a
 * modal `<dialog>`: Esc or the button closes it, focus returns). `?`
 * anywhere on the page opens it too, except in presenter mode, where a live
 * class's `?` asks the students (LiveLayer).
 */
export function KeyHelp() {
  const t = useT();
  // Every key listed here is a plain message, without values.
  const text = t as (key: MessageKey) => string;
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '?' || event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.defaultPrevented || isTyping(event.target) || playbackStore().getState().on) return;
      event.preventDefault();
      setOpen((now) => !now);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    else if (!open && element.open) element.close();
  }, [open]);

  return (
    <>
      <ControlButton
        onClick={() => setOpen(true)}
        aria-label={t('help.open')}
        aria-haspopup="dialog"
        title={`${t('help.open')} (?)`}
      >
        <span className="fd-help-mark" aria-hidden="true">
          ?
        </span>
      </ControlButton>
      {createPortal(
        <dialog
          ref={dialog}
          className="fd-key-help"
          aria-labelledby="fd-key-help-title"
          onClose={() => setOpen(false)}
          onClick={(event) => {
            // A click on the backdrop (the dialog itself, outside its content) closes it.
            if (event.target === event.currentTarget) setOpen(false);
          }}
        >
          <div className="fd-key-help-body">
            <header>
              <h2 id="fd-key-help-title">{t('help.title')}</h2>
              {/* First, so opening the list starts at its top. */}
              <button type="button" onClick={() => setOpen(false)} aria-label={t('help.close')}>
                <span aria-hidden="true">✕</span>
              </button>
            </header>
            <div className="fd-key-help-sections">
              {SECTIONS.map(([title, rows]) => (
                <section key={title}>
                  <h3>{text(title)}</h3>
                  <dl>
                    {rows.map(([keys, what]) => (
                      <div key={what}>
                        <dt>
                          {keys.map((combo, i) => (
                            <span key={combo.join('+')}>
                              {i > 0 ? ' / ' : null}
                              {combo.map((key, j) => (
                                <span key={key}>
                                  {j > 0 ? '+' : null}
                                  <kbd>{key}</kbd>
                                </span>
                              ))}
                            </span>
                          ))}
                        </dt>
                        <dd>{text(what)}</dd>
                      </div>
                    ))}
                  </dl>
                </section>
              ))}
            </div>
          </div>
        </dialog>,
        document.body,
      )}
    </>
  );
}
