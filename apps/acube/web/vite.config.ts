// A-Cube's front end. `npm run acube` serves the build from dist/ (made by the install, or at start
// when the sources changed); `npm run dev:acube` runs this with hot reload, the API proxied.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = process.env.ACUBE_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  build: {
    target: 'es2022',
    // No inline scripts or data URLs for modules: the app's CSP allows scripts from 'self' only.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  server: {
    port: 5174,
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/docs': api,
      '/openapi.json': api,
    },
  },
});
