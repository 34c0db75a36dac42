#!/usr/bin/env node
// The `shiryo` command. Runs the compiled CLI (`pnpm build` makes packages/*/dist).
import { existsSync } from 'node:fs';

const main = new URL('../dist/main.js', import.meta.url);
if (!existsSync(main)) {
  console.error('shiryo: the CLI is not built yet: run `pnpm build` (or `pnpm setup`) in the repository first');
  process.exit(2);
}
// `shiryo export … | head`: a closed pipe ends the command quietly.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
const { run } = await import(main.href);
process.exitCode = await run(process.argv);
