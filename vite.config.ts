import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  plugins: [svelte()],
  worker: { format: 'es' },
  // Dependencies reached only through the worker are optimised late otherwise, which makes the
  // dev server reload once on a cold start.
  optimizeDeps: { include: ['comlink', 'yaml', 'cytoscape', 'cytoscape-fcose', 'd3', 'idb'] },
  build: { chunkSizeWarningLimit: 900, target: 'es2022' },
});
