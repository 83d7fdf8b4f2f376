import { useT } from '../i18n/useT.ts';
import type { SessionState } from './session.ts';

/** Where the session is, in words: live in a room, connecting, reconnecting, or why it ended. */
export function StatusText({ session }: { session: SessionState }) {
  const t = useT();
  const status = session.status;
  switch (status.kind) {
    case 'live':
      return <>{session.room ? t('live.liveIn', { room: session.room }) : t('live.live')}</>;
    case 'connecting':
      return <>{t('live.connecting')}</>;
    case 'reconnecting':
      return <>{t('live.reconnecting')}</>;
    case 'error':
      return <>{t(`live.error.${status.code}`)}</>;
    case 'off':
      return <>{t('live.ended')}</>;
  }
}
