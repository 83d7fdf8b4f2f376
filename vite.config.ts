import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  // Relative URLs in the build, so dist/ works from any folder of any static
  // host (https://example.org/talks/flowdeck/) with no rewrites: routes live
  // in the hash. Sources keep naming public/ files root-absolute ('/fonts/…'),
  // as Vite asks; the build rewrites those relative to the page or the CSS
  // file. The dev server serves at '/' either way.
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  server: { host: '127.0.0.1' },
  build: { chunkSizeWarningLimit: 2500 },
});
