// Shared by the benchmarks: run `shiryo ingest` in this process and measure it.
import { performance } from 'node:perf_hooks';
import { run } from '../packages/cli/dist/main.js';

/** `shiryo ingest <path> --db <db> -q --no-summary [extra…]`: exit code, seconds and peak RSS (bytes). */
export async function measureIngest(path, db, extra = []) {
  global.gc?.();
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const t0 = performance.now();
  try {
    const code = await run(['node', 'shiryo', 'ingest', path, '--db', db, ...extra, '-q', '--no-summary']);
    return { code, secs: (performance.now() - t0) / 1000, peak: Math.max(peak, process.memoryUsage().rss) };
  } finally {
    clearInterval(timer);
  }
}
