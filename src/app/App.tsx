import { useEffect, useState } from 'react';
import { DiagramView } from './DiagramView.tsx';
import { DIAGRAMS } from './diagrams.ts';
import { createLayoutClient, type LayoutClient } from './layoutClient.ts';
import { parseRoute } from './route.ts';

export function App() {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const onHash = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  // One worker per mounted app; created in the effect so StrictMode's
  // mount-unmount-mount never leaves us holding a terminated worker.
  const [client, setClient] = useState<LayoutClient | null>(null);
  useEffect(() => {
    const created = createLayoutClient();
    setClient(created);
    return () => created.destroy();
  }, []);
  const route = parseRoute(hash);
  const source = route.kind === 'diagram' ? DIAGRAMS.find((d) => d.id === route.id) : undefined;

  return (
    <div className="fd-app">
      <header className="fd-header">
        <a href="#/" className="fd-brand">
          Flowdeck
        </a>
        {source ? <span className="fd-crumb">{source.id}</span> : null}
      </header>
      <main className="fd-main">
        {route.kind === 'diagram' && source ? (
          client ? (
            <DiagramView source={source} client={client} />
          ) : null
        ) : route.kind === 'diagram' ? (
          <p className="fd-error" role="alert">
            No diagram called “{route.id}”. <a href="#/">All diagrams</a>
          </p>
        ) : (
          <nav className="fd-gallery" aria-label="Diagrams">
            <h1>Diagrams</h1>
            <ul>
              {DIAGRAMS.map((d) => (
                <li key={d.id}>
                  <a href={`#/d/${encodeURIComponent(d.id)}`}>{d.id}</a>
                  <span className="fd-file">{d.file}</span>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </main>
    </div>
  );
}
