import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** `npm run dev`: Vite on 5173 with the API (and its SSE stream) proxied to the server (SWITCHBOARD_API_URL). */
const apiTarget = process.env.SWITCHBOARD_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: true },
      '/metrics': { target: apiTarget, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
});
