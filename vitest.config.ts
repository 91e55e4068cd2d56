import { defineConfig, mergeConfig } from 'vitest/config';
import { svelteTesting } from '@testing-library/svelte/vite';
import viteConfig from './vite.config.ts';

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      // Several tests build regions of hundreds of hosts and take 3–4 s on the 2-core benchmark
      // machine, where memory touched for the first time is slow: room beyond the default 5 s, so
      // that a busy hour does not fail them. A test that hangs still fails.
      testTimeout: 20_000,
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
