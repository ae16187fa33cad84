import { appendFileSync, mkdirSync } from 'node:fs';

/** Appends a measurement to `test-results/metrics.txt` and prints it: the figures a run leaves behind. */
export function report(lines: string | string[]) {
  const text = Array.isArray(lines) ? lines.join('\n') : lines;
  console.log(text);
  mkdirSync('test-results', { recursive: true });
  appendFileSync('test-results/metrics.txt', text + '\n');
}
