import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const apiTarget = 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1000,
    rolldownOptions: {
      output: {
        // a module's pages and strings are named after it: sme-….js, sme.ja-….js
        chunkFileNames: (chunk) => {
          const match = /\/modules\/([\w-]+)\/(?:pages\/index\.ts|i18n\/(ja|en)\.json)$/.exec(
            chunk.facadeModuleId ?? '',
          );
          const name = match ? (match[2] ? `${match[1]}.${match[2]}` : match[1]) : '[name]';
          return `assets/${name}-[hash].js`;
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
    },
  },
});
