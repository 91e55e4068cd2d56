import { defineConfig, mergeConfig } from 'vitest/config';
import { svelteTesting } from '@testing-library/svelte/vite';
import viteConfig from './vite.config.ts';

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      projects: [
        {
          extends: true,
          test: { name: 'unit', environment: 'node', include: ['test/unit/**/*.test.ts', 'test/samples/**/*.test.ts', 'test/scenarios/**/*.test.ts', 'test/calibration/**/*.test.ts'] },
        },
        {
          extends: true,
          plugins: [svelteTesting()],
          test: { name: 'component', environment: 'jsdom', include: ['test/component/**/*.test.ts'] },
        },
      ],
    },
  }),
);
