import { expect, test } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { appendFileSync, mkdirSync } from 'node:fs';
import { MapPage } from '../pages/map-page';

test('the page loads with no console error and requests nothing from another origin', async ({ page, baseURL }) => {
  const errors: string[] = [];
  const foreign: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.protocol !== 'data:' && url.origin !== new URL(baseURL!).origin) foreign.push(r.url());
  });
  const map = new MapPage(page);
  await map.goto();
  await page.waitForLoadState('networkidle');
  expect(errors).toEqual([]);
  expect(foreign).toEqual([]);
});

test('the map shows land, borders, places and a graticule', async ({ page }) => {
  const map = new MapPage(page);
  await map.goto();
  expect(await map.landShapes()).toBeGreaterThan(100);
  await expect(page.locator('path.borders')).toHaveAttribute('d', /M.*L/);
  for (const name of ['Seoul', 'Pyongyang', 'Tokyo', 'Busan', 'Sapporo', 'Vladivostok', 'Beijing']) {
    await expect(page.locator(`g.place[data-place="${name}"] text`)).toHaveText(name);
  }
  await expect(page.locator('.graticule-labels text', { hasText: '130°E' })).toBeVisible();
  await expect(page.locator('.scale-bar text')).toHaveText(/^\d+ km$/);
  mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: 'test-results/map.png' });
});

test('a drag pans the map by the distance dragged', async ({ page }) => {
  const map = new MapPage(page);
  await map.goto();
  const [s0, x0, y0] = await map.transform();
  await map.drag({ x: 600, y: 400 }, 150, -80);
  const [s1, x1, y1] = await map.transform();
  expect(s1).toBeCloseTo(s0, 9);
  expect(x1 - x0).toBeCloseTo(150, 3);
  expect(y1 - y0).toBeCloseTo(-80, 3);
});

test('the wheel zooms about the pointer', async ({ page }) => {
  const map = new MapPage(page);
  await map.goto();
  const at = await map.placePosition('Busan');
  const before = await map.readAt(at);
  const s0 = await map.scale();
  await map.wheel(at, -300);
  await expect.poll(() => map.scale()).toBeGreaterThan(s0 * 1.5);
  // The place under the pointer stays under it.
  const after = await map.placePosition('Busan');
  expect(Math.abs(after.x - at.x)).toBeLessThan(1);
  expect(Math.abs(after.y - at.y)).toBeLessThan(1);
  const still = await map.readAt(at);
  expect(Math.abs(still.lat - before.lat)).toBeLessThan(0.01);
  await map.wheel(at, 300);
  await expect.poll(() => map.scale()).toBeCloseTo(s0, 6);
});

test('the zoom buttons and reset work', async ({ page }) => {
  const map = new MapPage(page);
  await map.goto();
  const s0 = await map.scale();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(() => map.scale()).toBeCloseTo(s0 * 1.5, 6);
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await expect.poll(() => map.scale()).toBeCloseTo(s0 / 1.5, 6);
  await map.drag({ x: 500, y: 400 }, 200, 100);
  await page.getByRole('button', { name: 'Reset view' }).click();
  await expect.poll(() => map.scale()).toBeCloseTo(s0, 9);
});

test('the readout over Seoul reads Seoul within 0.1 degree', async ({ page }) => {
  const map = new MapPage(page);
  await map.goto();
  // Zoomed in, so that one pixel is well under 0.1 degree.
  await map.wheel(await map.placePosition('Seoul'), -400);
  const pos = await map.readAt(await map.placePosition('Seoul'));
  expect(Math.abs(pos.lat - 37.5665)).toBeLessThan(0.1);
  expect(Math.abs(pos.lon - 126.978)).toBeLessThan(0.1);
});

test('size and speed: gzip bytes of everything loaded, time to the first drawn map', async ({ page }) => {
  const bodies: Promise<[string, number, number]>[] = [];
  page.on('response', (r) => {
    bodies.push(r.body().then((b) => [new URL(r.url()).pathname, b.length, gzipSync(b, { level: 9 }).length]));
  });
  const map = new MapPage(page);
  await map.goto();
  await page.waitForLoadState('networkidle');
  const files = await Promise.all(bodies);
  const total = files.reduce((s, [, , gz]) => s + gz, 0);
  const drawn = await page.waitForFunction(() => {
    const m = performance.getEntriesByName('map-drawn')[0];
    return m ? m.startTime : null;
  });
  const firstMapMs = (await drawn.jsonValue()) as number;
  const lines = files.map(([path, raw, gz]) => `  ${path.padEnd(48)} ${String(raw).padStart(8)} B  ${String(gz).padStart(7)} B gzip`);
  const report = [
    'Page weight (everything the page loads):',
    ...lines,
    `  total: ${(total / 1024).toFixed(1)} KiB = ${(total / 1000).toFixed(1)} kB gzip (budget 600 KB)`,
    `Time from navigation to the first drawn map: ${firstMapMs.toFixed(0)} ms (budget 1000 ms)`,
  ].join('\n');
  console.log(report);
  mkdirSync('test-results', { recursive: true });
  appendFileSync('test-results/metrics.txt', report + '\n');
  expect(files.length).toBeGreaterThan(3);
});
