import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (p: string) => fileURLToPath(new URL(`./packages/${p}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      '@shiryo/model': src('model'),
      '@shiryo/extractor': src('extractor'),
      '@shiryo/normalizer': src('normalizer'),
      '@shiryo/store': src('store'),
      '@shiryo/cli': src('cli'),
    },
  },
  test: {
    include: ['test/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'forks',
  },
});
