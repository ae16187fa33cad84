import { expect, test } from '../pages/test';
import { mkdirSync } from 'node:fs';
import { AppPage } from '../pages/app-page';
import { CHARTS } from '../pages/charts';
import { report } from '../pages/metrics';

test('the four plotters charts are drawn, with their series and axis labels', async ({ page }) => {
  const app = new AppPage(page);
  const charts = app.charts;
  await app.gotoApp();
  await charts.waitForCharts();
  expect(await charts.allText('altitude-speed')).toContain('altitude (km)');
  expect(await charts.allText('altitude-speed')).toContain('speed (km/s)');
  expect(await charts.series('altitude-speed')).toBeGreaterThanOrEqual(2);
  expect(await charts.allText('detection-timeline')).toContain('time after launch (s)');
  expect(await charts.allText('warning-time')).toContain('Japan');
  expect(await charts.allText('track-error')).toContain('track position error (km)');
  expect(await charts.series('track-error')).toBeGreaterThanOrEqual(1);
  // Each cursor overlay lies exactly over its chart body (same box, same viewBox), so their pixels agree.
  for (const c of CHARTS) {
    const body = (await charts.body(c).boundingBox())!;
    const overlay = (await charts.overlay(c).boundingBox())!;
    for (const k of ['x', 'y', 'width', 'height'] as const) expect(Math.abs(overlay[k] - body[k]), `${c} ${k}`).toBeLessThan(1);
    expect(await charts.overlay(c).getAttribute('viewBox')).toBe(await charts.body(c).getAttribute('viewBox'));
  }
  mkdirSync('test-results', { recursive: true });
  await charts.chart('detection-timeline').screenshot({ path: 'test-results/detection-timeline.png' });
});

test('the cursors follow the scrubber, and scrubbing does not redraw the chart bodies', async ({ page }) => {
  const app = new AppPage(page);
  const charts = app.charts;
  await app.gotoApp();
  await charts.waitForCharts();
  await app.clock.seek(100);
  await expect.poll(async () => (await charts.cursor('altitude-speed')).value).toBe(100);
  const before = Object.fromEntries(await Promise.all(CHARTS.map(async (c) => [c, await charts.cursor(c)] as const)));
  const bodies = await Promise.all(CHARTS.map((c) => charts.markup(c)));
  await app.clock.seek(400);
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
  await app.clock.seek(0);
  await expect.poll(async () => (await charts.cursor('altitude-speed')).value).toBe(0);
  const x0 = (await charts.cursor('altitude-speed')).x;
  const per100 = before['altitude-speed'].x - x0;
  expect(per100).toBeGreaterThan(0);
  await app.clock.seek(400);
  await expect.poll(async () => (await charts.cursor('altitude-speed')).x).toBeCloseTo(x0 + 4 * per100, 0);
  const after = await Promise.all(CHARTS.map((c) => charts.markup(c)));
  expect(after).toEqual(bodies);
});

test('scrubbing costs little per frame (printed)', async ({ page }) => {
  const app = new AppPage(page);
  await app.gotoApp();
  await app.charts.waitForCharts();
  const frames = 60;
  const msPerFrame = await app.clock.scrubFrames(frames, 10);
  // Printed, not asserted: the time per frame depends on the machine and on what else it runs.
  report(`charts: scrubbing with 4 charts open: ${msPerFrame.toFixed(1)} ms per frame (${frames} frames, rAF-paced)`);
  // What is asserted: the scrub drove the charts, to the last position.
  await expect.poll(async () => (await app.charts.cursor('altitude-speed')).value).toBe(10 * (frames - 1));
  expect(Number.isFinite(msPerFrame)).toBe(true);
});

test('the altitude-and-speed chart opens as a table: a row a minute and one at impact', async ({ page }) => {
  const app = new AppPage(page);
  await app.gotoApp();
  const data = page.locator('.flight-chart-panel details.chart-data');
  await expect(data.locator('table')).toHaveCount(0);
  await data.locator('summary').click();
  const rows = data.locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  await expect(data.locator('thead th')).toHaveText(['Time', 'Altitude (km)', 'Range (km)', 'Speed (km/s)']);
  const t = await app.facts.flightTimeS();
  const count = await rows.count();
  expect(count).toBeGreaterThanOrEqual(Math.floor((t - 1) / 60) + 2);
  expect(count).toBeLessThanOrEqual(Math.floor((t + 1) / 60) + 2);
  await expect(rows.first().locator('td').first()).toHaveText('T+00:00');
  // The last row is the impact: the range the figures give.
  const lastRange = Number(await rows.last().locator('td').nth(2).textContent());
  expect(Math.abs(lastRange - (await app.facts.rangeKm()))).toBeLessThanOrEqual(1);
});

test('the detection timeline and the track error open as tables; the warning chart names its column', async ({ page }) => {
  const app = new AppPage(page);
  await app.gotoApp();
  await app.charts.waitForCharts();
  // The timeline: a row per sensor, in the list's order, its detecting spans and count.
  const timeline = page.locator('.sensors-panel details.chart-data');
  await expect(timeline.locator('table')).toHaveCount(0);
  await timeline.locator('summary').click();
  await expect(timeline.locator('thead th')).toHaveText(['Sensor', 'Detecting the missile', 'Detections']);
  const sensors = await app.sensors.list();
  await expect(timeline.locator('tbody tr')).toHaveCount(sensors.length);
  const first = sensors.find((s) => s.first !== null)!;
  const row = timeline.locator('tbody tr', { has: page.getByRole('cell', { name: first.name, exact: true }) });
  const firstS = Math.round(first.first!);
  const mmss = `T+${String(Math.floor(firstS / 60)).padStart(2, '0')}:${String(firstS % 60).padStart(2, '0')}`;
  await expect(row.locator('td').nth(1)).toContainText(`${mmss} to `);
  expect(Number(await row.locator('td').nth(2).textContent())).toBeGreaterThan(0);
  // The track error: a column a picture, a row a minute, errors in km or a dash before a track.
  const errors = page.locator('.pictures-panel details.chart-data');
  await errors.locator('summary').click();
  await expect(errors.locator('thead th').first()).toHaveText('Time');
  await expect(errors.locator('thead th', { hasText: 'Japan with sharing (km)' })).toHaveCount(1);
  const cells = await errors.locator('tbody tr').nth(3).locator('td').allTextContents();
  expect(cells[0]).toBe('T+03:00');
  expect(cells.slice(1).some((c) => Number.isFinite(Number(c)))).toBe(true);
  await expect(page.locator('.pictures-panel p.note', { hasText: 'The chart\'s figures are the "Track" column' })).toBeVisible();
});
