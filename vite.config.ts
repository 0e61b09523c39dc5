import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * `vite serve` only (npm run dev): hot reload needs inline scripts and styles and Vite's websocket, which the
 * page's Content Security Policy forbids. The built page (both faces) keeps the strict policy from index.html.
 */
function devContentSecurityPolicy(): Plugin {
  return {
    name: 'shelfwatch-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws: http://localhost:*"),
  };
}

// The renderer is one static bundle that both faces load: Electron from file:// (hence the relative base)
// and the server face over HTTP from its UI port.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), devContentSecurityPolicy()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
  },
});
