import { expect, test } from '@playwright/test';
import { AppPage } from '../pages/app-page';

const SHARIKI = 'AN/TPY-2 Shariki';

async function fanWidth(app: AppPage, sensor: string): Promise<number> {
  const box = await app.fan(sensor).boundingBox();
  if (!box) throw new Error(`no fan for ${sensor}`);
  return box.width;
}

test('the radar fans shrink as the target altitude falls', async ({ page }) => {
  const app = new AppPage(page);
  await app.gotoApp();
  await app.slide('fan-altitude', 800);
  await expect(page.locator('.fan-altitude output')).toHaveText('800 km');
  const high = await fanWidth(app, SHARIKI);
  await app.slide('fan-altitude', 10);
  await expect(page.locator('.fan-altitude output')).toHaveText('10 km');
  const low = await fanWidth(app, SHARIKI);
  expect(low).toBeLessThan(high / 2);
});

test('refraction: k = 1 gives smaller fans than k = 4/3', async ({ page }) => {
  const app = new AppPage(page);
  await app.gotoApp();
  await app.slide('fan-altitude', 20);
  const standard = await fanWidth(app, SHARIKI);
  await app.choose('k', '1');
  await expect.poll(() => fanWidth(app, SHARIKI)).toBeLessThan(standard * 0.97);
});

test('a launch from Sunan: a South Korean radar detects it first, the radars in Japan later', async ({ page }) => {
  const app = new AppPage(page);
  await app.gotoApp();
  const rows = (await app.sensorRows()).filter((r) => !r.name.includes('SBIRS') && r.first !== null);
  expect(rows.length).toBeGreaterThan(3);
  expect(rows[0].nation).toBe('KR');
  const firstJapan = rows.find((r) => r.nation === 'JP')!;
  expect(firstJapan.first!).toBeGreaterThan(rows[0].first!);
  // Lines of sight appear once the clock passes the first detection.
  await app.slide('scrubber', Math.ceil(rows[0].first!) + 1);
  await expect(page.locator('.sight-line').first()).toBeAttached();
  // The detection timeline (plotters) has a labelled row for every sensor.
  const labels = (await page.locator('.detection-timeline .plot svg text').allTextContents()).map((t) => t.trim());
  for (const r of await app.sensorRows()) expect(labels).toContain(r.name.slice(0, 26));
});

test('switching a sensor off removes its fan and its row keeps the list honest', async ({ page }) => {
  const app = new AppPage(page);
  await app.gotoApp();
  await expect(app.fan(SHARIKI)).toHaveCount(1);
  await page.getByRole('checkbox', { name: `Use ${SHARIKI}` }).uncheck();
  await expect(app.fan(SHARIKI)).toHaveCount(0);
  await expect(page.locator(`.sensor-list tr[data-sensor="${SHARIKI}"] .first`)).toHaveText('off');
});
