import { expect, test } from '@playwright/test';
import { appendFileSync, mkdirSync } from 'node:fs';
import { CHARTS, ChartsPage } from '../pages/charts-page';

test('the four plotters charts are drawn, with their series and axis labels', async ({ page }) => {
  const charts = new ChartsPage(page);
  await charts.gotoApp();
  await charts.waitForCharts();
  const text = async (name: (typeof CHARTS)[number]) => (await charts.body(name).locator('text').allTextContents()).join('|');
  expect(await text('altitude-speed')).toContain('altitude (km)');
  expect(await text('altitude-speed')).toContain('speed (km/s)');
  expect(await charts.body('altitude-speed').locator('polyline').count()).toBeGreaterThanOrEqual(2);
  expect(await text('detection-timeline')).toContain('time after launch (s)');
  expect(await text('warning-time')).toContain('Japan');
  expect(await text('track-error')).toContain('track position error (km)');
  expect(await charts.body('track-error').locator('polyline').count()).toBeGreaterThanOrEqual(1);
  // Each cursor overlay lies exactly over its chart body (same box, same viewBox), so their pixels agree.
  for (const c of CHARTS) {
    const body = (await charts.body(c).boundingBox())!;
    const overlay = (await charts.chart(c).locator('svg.chart-cursor').boundingBox())!;
    for (const k of ['x', 'y', 'width', 'height'] as const) expect(Math.abs(overlay[k] - body[k]), `${c} ${k}`).toBeLessThan(1);
    expect(await charts.chart(c).locator('svg.chart-cursor').getAttribute('viewBox')).toBe(await charts.body(c).getAttribute('viewBox'));
  }
  mkdirSync('test-results', { recursive: true });
  await charts.chart('detection-timeline').screenshot({ path: 'test-results/detection-timeline.png' });
});

test('the cursors follow the scrubber, and scrubbing does not redraw the chart bodies', async ({ page }) => {
  const charts = new ChartsPage(page);
  await charts.gotoApp();
  await charts.waitForCharts();
  await charts.slide('scrubber', 100);
  await expect.poll(async () => (await charts.cursor('altitude-speed')).value).toBe(100);
  const before = Object.fromEntries(await Promise.all(CHARTS.map(async (c) => [c, await charts.cursor(c)] as const)));
  const bodies = await Promise.all(CHARTS.map((c) => charts.body(c).evaluate((e) => e.outerHTML)));
  await charts.slide('scrubber', 400);
  await expect.poll(async () => (await charts.cursor('altitude-speed')).value).toBe(400);
  for (const c of ['altitude-speed', 'detection-timeline', 'track-error'] as const) {
    const after = await charts.cursor(c);
    expect(after.value, c).toBe(400);
    expect(after.x, c).toBeGreaterThan(before[c].x);
  }
  // The warning chart's cursor is the time left to impact: it moves the other way.
  const warning = await charts.cursor('warning-time');
  expect(warning.x).toBeLessThan(before['warning-time'].x);
  expect(warning.value).toBeCloseTo(before['warning-time'].value - 300, 0);
  // The cursor's x is linear in time: 0 s, 100 s and 400 s are evenly placed.
  await charts.slide('scrubber', 0);
  await expect.poll(async () => (await charts.cursor('altitude-speed')).value).toBe(0);
  const x0 = (await charts.cursor('altitude-speed')).x;
  const per100 = before['altitude-speed'].x - x0;
  expect(per100).toBeGreaterThan(0);
  await charts.slide('scrubber', 400);
  await expect.poll(async () => (await charts.cursor('altitude-speed')).x).toBeCloseTo(x0 + 4 * per100, 0);
  const after = await Promise.all(CHARTS.map((c) => charts.body(c).evaluate((e) => e.outerHTML)));
  expect(after).toEqual(bodies);
});

test('scrubbing costs little per frame (printed)', async ({ page }) => {
  const charts = new ChartsPage(page);
  await charts.gotoApp();
  await charts.waitForCharts();
  const msPerFrame = await page.locator('input.scrubber').evaluate(async (el) => {
    const input = el as HTMLInputElement;
    const frames = 60;
    const t0 = performance.now();
    for (let i = 0; i < frames; i++) {
      input.value = String(10 * i);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(() => r(null)));
    }
    return (performance.now() - t0) / frames;
  });
  const line = `charts: scrubbing with 4 charts open: ${msPerFrame.toFixed(1)} ms per frame (60 frames, rAF-paced)`;
  console.log(line);
  mkdirSync('test-results', { recursive: true });
  appendFileSync('test-results/metrics.txt', line + '\n');
  expect(msPerFrame).toBeGreaterThan(0);
});
