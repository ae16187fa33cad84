import { expect, test } from '../pages/test';
import { AppPage } from '../pages/app-page';
import { picture, type DetectRow, type HorizonOut } from '../pages/picture-cli';
import type { WalkStep } from '../pages/explorer';

/** The walk-through's launch, as `picture detect` takes it: the 2017-08-29 Hwasong-12 from Sunan. */
const LAUNCH = ['--missile', 'hwasong-12', '--from', 'Sunan', '--azimuth', '75.4', '--range-km', '2700', '--apogee-km', '550'];
const KOREA = 'Green Pine (Chungcheong N)';
const JAPAN = 'J/FPS-5 Sado';
const SHARIKI = 'AN/TPY-2 Shariki';
/** Antenna heights in the sensor catalog (sensors.csv), m. */
const HEIGHT_M: Record<string, number> = { [KOREA]: 150, [JAPAN]: 200 };

/** A refraction as the command line takes it: a constant k, or rays traced through the atmosphere. */
type Refraction = number | 'ray';
const refractionArgs = (k: Refraction) => (k === 'ray' ? ['--refraction', 'ray'] : ['--k', String(k)]);

function riseS(k: Refraction, sensor: string): number {
  const rows = picture<DetectRow[]>(['detect', ...LAUNCH, ...refractionArgs(k)]);
  const row = rows.find((r) => r.sensor === sensor);
  if (!row || row.above_horizon_s === null) throw new Error(`${sensor} never rises at k = ${k}`);
  return row.above_horizon_s;
}

function horizon(radarM: number, targetKm: number, k: Refraction): HorizonOut {
  return picture<HorizonOut>([
    'horizon', '--radar-height-m', String(radarM), '--target-alt-km', String(targetKm), ...refractionArgs(k),
  ]);
}

/** The app with the explorer open. */
async function openExplorer(page: import('@playwright/test').Page): Promise<AppPage> {
  const app = new AppPage(page);
  await app.gotoApp();
  await app.explorer.open();
  return app;
}

test('the numbers shown equal `picture horizon` for the same inputs', async ({ page }) => {
  const x = (await openExplorer(page)).explorer;
  const cases: { radarM: number; targetKm: number; k: number | 'standard' | 'geometric' | 'ray' }[] = [
    { radarM: 150, targetKm: 100, k: 'ray' },
    { radarM: 150, targetKm: 100, k: 1.2 },
    { radarM: 3000, targetKm: 800, k: 'standard' },
    { radarM: 0, targetKm: 1, k: 'geometric' },
    { radarM: 680, targetKm: 37, k: 2.75 },
  ];
  for (const c of cases) {
    await x.set('radar-height', c.radarM);
    await x.set('target-alt', c.targetKm);
    let k: Refraction;
    if (c.k === 'ray') {
      await x.tracedK.click();
      k = 'ray';
    } else if (c.k === 'standard') {
      await x.standardK.click();
      k = 4 / 3;
    } else if (c.k === 'geometric') {
      await x.geometricK.click();
      k = 1;
    } else {
      await x.set('k', c.k);
      k = c.k;
    }
    if (k === 'ray') await expect(x.output('k')).toHaveText('traced');
    else await expect.poll(() => x.value('k')).toBeCloseTo(k, 9);
    expect(await x.value('radar-height')).toBe(c.radarM);
    expect(await x.value('target-alt')).toBe(c.targetKm);
    const cli = horizon(c.radarM, c.targetKm, k);
    const slant = await x.fact('slant');
    const ground = await x.fact('ground');
    expect(slant.text).toBe(`${cli.slant_range_km.toFixed(1)} km`);
    expect(ground.text).toBe(`${cli.ground_range_km.toFixed(1)} km`);
    expect(Math.abs(slant.value - cli.slant_range_km)).toBeLessThan(1e-9);
    expect(Math.abs(ground.value - cli.ground_range_km)).toBeLessThan(1e-9);
    // The formula's exact line ends in the same number; traced, it says what k = 4/3 would claim.
    if (k === 'ray') {
      await expect(x.formula).toContainText(`line of sight: ${cli.slant_range_km.toFixed(1)} km`);
      const k43 = horizon(c.radarM, c.targetKm, 4 / 3).ground_range_km;
      await expect(x.formula).toContainText(`k = 4/3 says ${k43.toFixed(1)} km (+${(k43 - cli.ground_range_km).toFixed(1)} km`);
      expect(k43 - cli.ground_range_km).toBeGreaterThan(50);
    } else {
      await expect(x.formula).toContainText(`= ${cli.slant_range_km.toFixed(1)} km (line of sight)`);
    }
  }
});

test('every walk-through step sets the radar, k, altitude, distance, clock and its fact', async ({ page }) => {
  const app = await openExplorer(page);
  const x = app.explorer;
  const expected: { id: WalkStep; radar: string; k: Refraction; kText: string; clockFrom: string }[] = [
    { id: 'korea', radar: KOREA, k: 'ray', kText: 'traced', clockFrom: KOREA },
    { id: 'japan', radar: JAPAN, k: 'ray', kText: 'traced', clockFrom: JAPAN },
    { id: 'refraction', radar: JAPAN, k: 1, kText: '1', clockFrom: JAPAN },
    { id: 'shared', radar: JAPAN, k: 'ray', kText: 'traced', clockFrom: KOREA },
  ];
  await expect(x.steps).toHaveCount(expected.length);
  const seen: Record<string, number> = {};
  for (const s of expected) {
    // Start each step from a view it must change.
    await x.chooseRadar(SHARIKI);
    await x.set('k', 2.5);
    await app.clock.seek(600);
    await x.step(s.id);
    await expect(x.stepButton(s.id)).toHaveAttribute('aria-pressed', 'true');
    expect(await x.radar()).toBe(s.radar);
    await expect(x.output('k')).toHaveText(s.kText);
    expect(await x.value('radar-height')).toBe(HEIGHT_M[s.radar]);
    const clockS = riseS(s.k, s.clockFrom);
    expect(Math.abs((await app.clock.seconds()) - clockS)).toBeLessThanOrEqual(0.5);
    // The missile at that clock: the altitude and distance sliders hold it, and the map's fans follow.
    const altKm = await x.value('target-alt');
    const distKm = await x.value('distance');
    await expect(app.sensors.fanAltitudeOutput).toHaveText(`${Math.round(altKm)} km`);
    const fact = await x.stepFact();
    if (s.clockFrom === s.radar) {
      // At its rise the missile stands on the radar's horizon: its distance is the horizon range for its altitude.
      const cli = horizon(HEIGHT_M[s.radar], altKm, s.k);
      expect(Math.abs(distKm - cli.ground_range_km)).toBeLessThan(2);
      if (s.id === 'refraction') {
        // The refraction step compares the three models' first sight, as `picture detect` gives them.
        expect(fact).toContain(`${s.radar} first sees the missile at T+${Math.round(riseS('ray', s.radar))} s,`);
        expect(fact).toMatch(new RegExp(`at T\\+${Math.round(riseS(4 / 3, s.radar))} s, \\d+ km up, with k = 4/3 \\(too early\\)`));
        expect(fact).toContain(`at T+${Math.round(clockS)} s, ${Math.round(altKm)} km up, with straight rays (k = 1)`);
      } else {
        const said = s.k === 'ray' ? 'traced atmosphere' : `with k = ${s.kText}`;
        expect(fact).toContain(`${s.radar} (${said}): rises into view at T+${Math.round(clockS)} s, altitude ${Math.round(altKm)} km`);
      }
      const rise = await x.rise();
      expect(Math.abs(rise.t - clockS)).toBeLessThan(0.01);
      expect(rise.text).toContain(`rises into view at T+${Math.round(clockS)} s, altitude ${Math.round(altKm)} km`);
      await expect(x.riseMark).toHaveText(`In view T+${Math.round(clockS)} s, ${Math.round(altKm)} km`);
      await expect(x.target).toHaveAttribute('data-visible', 'true');
    } else {
      const later = riseS(s.k, s.radar);
      expect(fact).toContain(`${s.clockFrom} has it above its horizon at T+${Math.round(clockS)} s, ${s.radar} only at T+${Math.round(later)} s`);
      // The difference of the times as written, and why the pictures' table gains less.
      expect(fact).toContain(`see it ${Math.round(later) - Math.round(clockS)} s sooner`);
      expect(fact).toContain("The pictures' table gains less");
      // At that moment the missile is below the radar's horizon.
      const cli = horizon(HEIGHT_M[s.radar], altKm, s.k);
      expect(distKm).toBeGreaterThan(cli.ground_range_km);
      await expect(x.target).toHaveAttribute('data-visible', 'false');
    }
    seen[s.id] = clockS;
  }
  // The story: Korea within seconds, Japan tens of seconds later, later still without refraction.
  expect(seen.korea).toBeLessThan(60);
  expect(seen.japan).toBeGreaterThan(seen.korea + 30);
  expect(seen.refraction).toBeGreaterThan(seen.japan);
  // Next and Back walk the same steps.
  await x.back.click();
  await expect(x.card).toHaveAttribute('data-step', 'refraction');
  await x.next.click();
  await expect(x.card).toHaveAttribute('data-step', 'shared');
  await expect(x.next).toBeDisabled();
});

test('the map fans follow the explorer altitude and k', async ({ page }) => {
  const app = await openExplorer(page);
  const x = app.explorer;
  const width = () => app.map.fanWidth(SHARIKI);
  await x.set('target-alt', 800);
  await expect(app.sensors.fanAltitudeOutput).toHaveText('800 km');
  const high = await width();
  await x.set('target-alt', 10);
  await expect(app.sensors.fanAltitudeOutput).toHaveText('10 km');
  const low = await width();
  expect(low).toBeLessThan(high / 2);
  await x.set('k', 1);
  await expect(app.sensors.k).toHaveValue('1');
  await expect.poll(width).toBeLessThan(low * 0.97);
  await x.set('k', 2);
  await expect(app.sensors.k).toHaveValue('custom');
});

test('sliders are labelled and keyboard driven; the charts and cross-section draw', async ({ page }) => {
  const app = await openExplorer(page);
  const x = app.explorer;
  await x.set('target-alt', 100);
  await x.slider('target-alt').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(x.output('target-alt')).toHaveText('102 km');
  await x.slider('radar-height').focus();
  await page.keyboard.press('End');
  expect(await x.outputText('radar-height')).toBe('3000 m');
  await expect(x.slider('distance')).toBeVisible();
  await expect(x.slider('k')).toBeVisible();
  // Four horizon rays when k is neither 1 nor 4/3 (the traced one always), each labelled; the exaggeration
  // is stated.
  await x.set('k', 1.7);
  await expect(x.rays).toHaveCount(4);
  await expect(x.section.locator('text.ray-label.ray-traced')).toHaveText('traced');
  await expect(x.userRayLabel).toHaveText('k = 1.7');
  await x.chooseExaggeration('10');
  await expect(x.scaleNote).toHaveText('Heights ×10 (vertical exaggeration)');
  // A chosen exaggeration keeps the ground near the radar in view and may cut the flight's top: it says so.
  await x.chooseExaggeration('100');
  await expect(x.section.locator('.cut-note')).toHaveText(
    /^Heights above about \d+ km are off the top: a smaller exaggeration, or Automatic, shows them$/,
  );
  await x.chooseExaggeration('auto');
  await expect(x.section.locator('.cut-note')).toHaveCount(0);
  await x.chooseExaggeration('1');
  await expect(x.scaleNote).toContainText('True scale');
  await expect(x.horizonChart).toContainText('k = 1.7');
  await expect(x.horizonChart).toContainText('traced atmosphere');
  await expect(x.blakeChart).toContainText('horizon ray');
  await expect(x.blakeChart).toContainText('° limit');
  // Close and reopen from the header.
  await x.close();
  await expect(x.root).toHaveCount(0);
  await expect(x.openButton).toHaveAttribute('aria-expanded', 'false');
});

for (const size of [
  { width: 360, height: 740 },
  { width: 1920, height: 1080 },
]) {
  test(`fits a ${size.width} px wide screen`, async ({ page }) => {
    await page.setViewportSize(size);
    const app = await openExplorer(page);
    const x = app.explorer;
    await x.step('japan');
    expect(await x.overflowPx()).toBeLessThanOrEqual(0);
    const box = (await x.section.boundingBox())!;
    expect(box.width).toBeLessThanOrEqual(size.width);
    if (size.width < 640) {
      // One column: the cross-section takes the width.
      expect(box.width).toBeGreaterThan(size.width * 0.8);
    } else {
      // Controls, cross-section and charts side by side.
      const charts = (await x.charts.boundingBox())!;
      expect(charts.x).toBeGreaterThan(box.x + box.width - 1);
      expect(box.width).toBeGreaterThan(700);
    }
    await expect(app.map.svg).toBeVisible();
    await x.slider('target-alt').scrollIntoViewIfNeeded();
    await expect(x.slider('target-alt')).toBeInViewport();
  });
}

test('the explorer is built only when opened, after the map has painted', async ({ page }) => {
  const app = new AppPage(page);
  const x = app.explorer;
  await app.gotoApp();
  await expect(x.root).toHaveCount(0);
  const t0 = Date.now();
  await x.openButton.click();
  await expect(x.missilePath).toBeAttached();
  await expect(x.blakeChart).toBeAttached();
  const openMs = Date.now() - t0;
  // A slider move redraws the cross-section, the numbers and both charts.
  const t1 = Date.now();
  await x.set('radar-height', 2500);
  await expect(x.output('radar-height')).toHaveText('2500 m');
  await expect(x.horizonChart).toBeAttached();
  const moveMs = Date.now() - t1;
  // A k move also redraws the map's fans and reruns the detections and pictures.
  const t2 = Date.now();
  await x.set('k', 1.9);
  await expect(x.output('k')).toHaveText('1.9');
  await expect(app.sensors.k).toHaveValue('custom');
  const kMs = Date.now() - t2;
  // Printed, not asserted: wall-clock times on a shared machine, with Playwright's round trips in them.
  console.log(
    `explorer: opened and drawn in ${openMs} ms; a radar-height move redrawn in ${moveMs} ms; a k move (fans, detections, pictures too) in ${kMs} ms (wall clock, includes Playwright round trips)`,
  );
});

test('both explorer charts open as tables: the horizon lines as `picture horizon` gives them, and the path with its rise', async ({ page }) => {
  const app = await openExplorer(page);
  const x = app.explorer;
  await x.set('radar-height', 150);
  await x.set('target-alt', 137);
  await x.tracedK.click();
  const [horizonTable, pathTable] = [0, 1].map((i) => x.root.locator('.explorer-charts details.chart-data').nth(i));
  await expect(horizonTable.locator('table')).toHaveCount(0);
  await horizonTable.locator('summary').click();
  await expect(horizonTable.locator('thead th')).toHaveText([
    'Target altitude (km)',
    'Horizon range, traced atmosphere (km)',
    'Horizon range, k = 1 (km)',
    'Horizon range, k = 4/3 (km)',
  ]);
  // The slider's altitude is a row of its own, and every cell is the command line's figure for it.
  const row = horizonTable.locator('tbody tr', { hasText: "137 (the slider's)" });
  await expect(row).toHaveCount(1);
  const cells = (await row.locator('td').allTextContents()).slice(1).map(Number);
  const want = (['ray', 1, 4 / 3] as Refraction[]).map((k) => Math.round(horizon(150, 137, k).ground_range_km));
  expect(cells).toEqual(want);
  // The path: a row each half minute and the rise, hidden before it and seen after.
  await pathTable.locator('summary').click();
  await expect(pathTable.locator('thead th')).toHaveText([
    'Time after launch', 'Distance from the radar (km)', 'Height (km)', "Above the radar's horizon",
  ]);
  const seen = await pathTable.locator('tbody tr td:nth-child(4)').allTextContents();
  const risen = seen.indexOf('yes: rises into view');
  expect(risen).toBeGreaterThan(0);
  expect(seen.slice(0, risen).every((s) => s === 'no')).toBe(true);
  const rise = await x.rise();
  const riseRow = await pathTable.locator('tbody tr').nth(risen).locator('td').allTextContents();
  expect(Number(riseRow[2])).toBe(Math.round(rise.alt));
});
