import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { flowdeckDiagrams } from './src/build/diagramsPlugin.ts';
import { flowdeckIcons } from './src/build/iconsPlugin.ts';

/**
 * The built app's Content-Security-Policy, as a <meta> so any static host
 * serves it: scripts only from the site's own files (no inline script, no
 * handler attributes, no eval: the export's font subsetter, which needs
 * eval and wasm, runs in a worker), nothing loaded from elsewhere. Styles may
 * be inline: React Flow and CodeMirror set them. Not in dev: the dev server's
 * React refresh runs an inline script. See docs/hardening.md.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'flowdeck-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  // Relative URLs in the build, so dist/ works from any folder of any static
  // host (https://example.org/talks/flowdeck/) with no rewrites: routes live
  // in the hash. Sources keep naming public/ files root-absolute ('/fonts/…'),
  // as Vite asks; the build rewrites those relative to the page or the CSS
  // file. The dev server serves at '/' either way.
  base: './',
  plugins: [react(), contentSecurityPolicy(), flowdeckDiagrams(), flowdeckIcons()],
  worker: { format: 'es' },
  // The dev server's dependency scan does not follow `?worker&url` imports; a
  // worker's dependency found late makes the optimizer reload the page (the
  // font worker's woff2-encoder; the layout worker's elkjs and zod, found
  // when the home page's first thumbnail is laid out).
  optimizeDeps: { include: ['woff2-encoder', 'elkjs/lib/elk.bundled.js', 'zod'] },
  server: { host: '127.0.0.1' },
  build: { chunkSizeWarningLimit: 2500 },
});
