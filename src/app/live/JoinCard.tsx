import { useT } from '../i18n/useT.ts';
import { QrCode } from './QrCode.tsx';

/**
 * The join card on the projector (`j`): the room code, the join page's
 * address and its QR code, big enough for the back row of a 1024×768 room.
 * Not chrome the camera frames around: it covers the diagram while it shows.
 */
export function JoinCard({
  room,
  url,
  onClose,
}: {
  room: string;
  /** From the server's welcome (its LAN address); the page's own origin without one. */
  url: string | null;
  onClose: () => void;
}) {
  const t = useT();
  const address = url ?? `${window.location.origin}/#/join/${room}`;
  return (
    // A click anywhere puts it away, as j does.
    <div
      className="fd-live-card"
      role="dialog"
      aria-label={t('live.joinTitle')}
      onClick={onClose}
      data-takes-escape=""
    >
      <div className="fd-live-card-body">
        <QrCode text={address} label={t('live.qrLabel', { url: address })} />
        <div className="fd-live-card-text">
          <h2>{t('live.joinTitle')}</h2>
          <p className="fd-live-card-label">{t('live.roomCode')}</p>
          <p className="fd-live-code">{room}</p>
          <p className="fd-live-card-label">{t('live.joinAt')}</p>
          <p className="fd-live-url">{address.replace(/^https?:\/\//, '')}</p>
        </div>
      </div>
      <p className="fd-live-card-hint">{t('live.joinCardHint')}</p>
    </div>
  );
}
