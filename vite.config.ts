import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is one static bundle that both faces load: Electron from file:// (hence the relative base)
// and the server face over HTTP from its UI port.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
  },
});
