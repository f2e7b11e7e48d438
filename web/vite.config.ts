import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API the console calls in `npm run dev:web` (the built console is served by numberyard itself).
const API_ORIGIN = 'http://127.0.0.1:8080';
const API_PATHS = [
  '/console/api',
  '/phone-numbers',
  '/phone-number-orders',
  '/search',
  '/voice-connectors',
  '/voice-connector-groups',
  '/sip-media-applications',
  '/sip-rules',
  '/accounts',
  '/settings',
];

export default defineConfig({
  // numberyard serves the build under /console/ (src/http/routes/console-static.routes.ts).
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Cloudscape makes one large bundle; its name is hashed and it is cached for good, so it is paid once.
    chunkSizeWarningLimit: 2500,
  },
  server: {
    proxy: Object.fromEntries(API_PATHS.map((path) => [path, { target: API_ORIGIN }])),
  },
});
