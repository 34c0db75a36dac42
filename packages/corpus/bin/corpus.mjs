#!/usr/bin/env node
// `pnpm corpus`: runs the compiled runner (`pnpm build` makes packages/corpus/dist).
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  console.error('corpus: not built yet: run `pnpm build` in the repository first');
  process.exit(2);
}
const { main } = await import(cli.href);
try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  console.error(`corpus: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
}
