import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Dev: the API runs separately (`pnpm dev:api`, port 3000); production serves the build and the API on one port.
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  build: { target: 'es2022', sourcemap: true },
});
