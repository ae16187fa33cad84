import { expect, test } from '../pages/test';
import { AppPage } from '../pages/app-page';

const SHARIKI = 'AN/TPY-2 Shariki';

test('the radar fans shrink as the target altitude falls', async ({ page }) => {
  const app = new AppPage(page);
  await app.gotoApp();
  await app.sensors.setFanAltitudeKm(800);
  await expect(app.sensors.fanAltitudeOutput).toHaveText('800 km');
  const high = await app.map.fanWidth(SHARIKI);
  await app.sensors.setFanAltitudeKm(10);
  await expect(app.sensors.fanAltitudeOutput).toHaveText('10 km');
  const low = await app.map.fanWidth(SHARIKI);
  expect(low).toBeLessThan(high / 2);
});

test('refraction: traced rays by default; k = 1 gives smaller fans, k = 4/3 larger ones high up', async ({ page }) => {
  const app = new AppPage(page);
  await app.gotoApp();
  await expect(app.sensors.k).toHaveValue('ray');
  await app.sensors.setFanAltitudeKm(20);
  await expect(app.sensors.fanAltitudeOutput).toHaveText('20 km');
  const traced = await app.map.fanWidth(SHARIKI);
  await app.sensors.chooseK('1');
  await expect.poll(() => app.map.fanWidth(SHARIKI)).toBeLessThan(traced * 0.97);
  // 100 km up, where the air no longer bends the rays, the rule k = 4/3 reaches too far (about 100 km of
  // horizon; the fan is bounded by the horizon there, not by the radar's range).
  await app.sensors.chooseK('ray');
  await app.sensors.setFanAltitudeKm(100);
  await expect(app.sensors.fanAltitudeOutput).toHaveText('100 km');
  const tracedHigh = await app.map.fanWidth(SHARIKI);
  await app.sensors.chooseK('4/3');
  await expect.poll(() => app.map.fanWidth(SHARIKI)).toBeGreaterThan(tracedHigh * 1.02);
});

test('a launch from Sunan: a South Korean radar detects it first, the radars in Japan later', async ({ page }) => {
  const app = new AppPage(page);
  await app.gotoApp();
  const rows = (await app.sensors.list()).filter((r) => !r.name.includes('SBIRS') && r.first !== null);
  expect(rows.length).toBeGreaterThan(3);
  expect(rows[0].nation).toBe('KR');
  const firstJapan = rows.find((r) => r.nation === 'JP')!;
  expect(firstJapan.first!).toBeGreaterThan(rows[0].first!);
  // Lines of sight appear once the clock passes the first detection.
  await app.clock.seek(Math.ceil(rows[0].first!) + 1);
  await expect(app.map.sightLines.first()).toBeAttached();
  // The detection timeline (plotters) has a labelled row for every sensor.
  const labels = await app.charts.texts('detection-timeline');
  for (const r of await app.sensors.list()) expect(labels).toContain(r.name.slice(0, 26));
});

test('switching a sensor off removes its fan and its row keeps the list honest', async ({ page }) => {
  const app = new AppPage(page);
  await app.gotoApp();
  await expect(app.map.fan(SHARIKI)).toHaveCount(1);
  await app.sensors.use(SHARIKI).uncheck();
  await expect(app.map.fan(SHARIKI)).toHaveCount(0);
  await expect(app.sensors.firstDetection(SHARIKI)).toHaveText('off');
});

test('pointing at a sensor lights its fan and its row; fans can be shown by nation', async ({ page }) => {
  const app = new AppPage(page);
  await app.gotoApp();
  // Pointing at the sensor's row in the list lights its fan on the map, and only its fan.
  await app.sensors.row(SHARIKI).hover();
  await expect(app.map.fan(SHARIKI)).toHaveAttribute('data-lit', '');
  await expect(app.sensors.row(SHARIKI)).toHaveAttribute('data-lit', '');
  await expect(page.locator('path.fan[data-lit]')).toHaveCount(1);
  // Pointing at another sensor's row moves the light.
  const other = (await app.sensors.list()).find((r) => r.name !== SHARIKI)!.name;
  await app.sensors.row(other).hover();
  await expect(app.map.fan(SHARIKI)).not.toHaveAttribute('data-lit', '');
  await expect(page.locator('.sensor-list tr[data-lit]')).toHaveCount(1);
  // Japan's fans hidden, and shown again; the others stay.
  const nations = await app.sensors.list();
  const japanese = nations.filter((r) => r.nation === 'JP').map((r) => r.name);
  const korean = nations.find((r) => r.nation === 'KR')!.name;
  await app.sensors.fansOf('JP').uncheck();
  for (const name of japanese) await expect(app.map.fan(name)).toBeHidden();
  await expect(app.map.fan(korean)).toBeVisible();
  await app.sensors.fansOf('JP').check();
  await expect(app.map.fan(japanese[0])).toBeVisible();
});

test('the fans can follow the missile: its altitude as the clock runs, until the altitude is moved by hand', async ({ page }) => {
  const app = new AppPage(page);
  await app.gotoApp();
  const follow = app.sensors.region.getByRole('checkbox', { name: "Follow the missile's altitude" });
  await expect(follow).not.toBeChecked();
  await follow.check();
  await app.clock.seek(0);
  await expect(app.sensors.fanAltitudeOutput).toHaveText('0 km');
  // Near the middle of a minimum-energy flight the missile is near its apogee.
  const apogee = await app.facts.apogeeKm();
  const t = await app.facts.flightTimeS();
  await app.clock.seek(Math.round(t / 2));
  await expect
    .poll(async () => Number((await app.sensors.fanAltitudeOutput.textContent())!.replace(' km', '')))
    .toBeGreaterThan(apogee * 0.85);
  const shown = Number((await app.sensors.fanAltitudeOutput.textContent())!.replace(' km', ''));
  expect(shown % 10).toBe(0);
  expect(shown).toBeLessThanOrEqual(Math.round(apogee / 10) * 10);
  // Moving the altitude by hand stops the following.
  await app.sensors.setFanAltitudeKm(500);
  await expect(follow).not.toBeChecked();
  await app.clock.seek(10);
  await expect(app.sensors.fanAltitudeOutput).toHaveText('500 km');
});
