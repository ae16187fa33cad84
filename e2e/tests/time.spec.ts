import { expect, test } from '../pages/test';
import { AppPage } from '../pages/app-page';

test('the clock shows the launch in UTC, JST and KST, and follows the scrubber', async ({ page }) => {
  const app = new AppPage(page);
  const clock = app.clock;
  await app.gotoApp();
  // JMOD: the 2017-08-29 Hwasong-12 was launched at 05:58 JST, 20:58 UTC the day before.
  await expect(clock.zoneTime('JST')).toHaveText('05:58:00');
  await expect(clock.zoneTime('KST')).toHaveText('05:58:00');
  await expect(clock.zoneTime('UTC')).toHaveText('20:58:00');
  await expect(clock.zone('UTC')).toHaveAttribute('title', '2017-08-28 20:58:00');
  await clock.seek(600);
  await expect(clock.zoneTime('JST')).toHaveText('06:08:00');
});

test('the keyboard plays, pauses and moves the clock: space, arrows, Home and End', async ({ page }) => {
  const app = new AppPage(page);
  const clock = app.clock;
  await app.gotoApp();
  await app.focusPage();
  const end = await clock.endS();
  expect(end).toBeGreaterThan(600);
  await page.keyboard.press('ArrowRight');
  expect(await clock.seconds()).toBe(10);
  await page.keyboard.press('Shift+ArrowRight');
  expect(await clock.seconds()).toBe(70);
  await page.keyboard.press('ArrowLeft');
  expect(await clock.seconds()).toBe(60);
  await page.keyboard.press('End');
  expect(await clock.seconds()).toBeCloseTo(end, 0);
  await page.keyboard.press('Home');
  expect(await clock.seconds()).toBe(0);
  await page.keyboard.press('Space');
  await expect(clock.pauseButton).toBeVisible();
  await expect.poll(() => clock.seconds()).toBeGreaterThan(0);
  await page.keyboard.press('Space');
  await expect(clock.playButton).toBeVisible();
});

test('the scrubber marks launch, impact and each picture\'s first detection and track; a marker seeks', async ({ page }) => {
  const app = new AppPage(page);
  const clock = app.clock;
  await app.gotoApp();
  await expect(clock.markers('launch')).toHaveCount(1);
  await expect(clock.markers('impact')).toHaveCount(1);
  // Eight pictures, each with its first detection and first track on this launch.
  await expect.poll(() => clock.markers('detection').count()).toBeGreaterThanOrEqual(4);
  await expect(clock.markers('track').first()).toBeAttached();
  const tri = clock.pictureMarker('Japan with sharing', 'first track');
  const tTri = await clock.markerTime(tri);
  const tJapan = await clock.markerTime(clock.pictureMarker('Japan alone', 'first track'));
  expect(tTri).toBeLessThan(tJapan);
  // Markers a few seconds apart overlap on the track: each is a button, reachable by keyboard too.
  await tri.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => clock.seconds()).toBe(Math.round(tTri));
});

test('the markers are one Tab stop: the arrows, Home and End move along them without moving the clock', async ({ page }) => {
  const app = new AppPage(page);
  const clock = app.clock;
  await app.gotoApp();
  await app.analysesSettled();
  const markers = clock.allMarkers();
  await expect.poll(() => markers.count()).toBeGreaterThanOrEqual(6);
  const count = await markers.count();
  // Only one marker is in the Tab order.
  await expect(clock.markerBar().locator('[tabindex="0"]')).toHaveCount(1);
  await expect(clock.markerBar().locator('[tabindex="-1"]')).toHaveCount(count - 1);
  const before = await clock.seconds();
  await markers.first().focus();
  await page.keyboard.press('ArrowRight');
  await expect(markers.nth(1)).toBeFocused();
  await page.keyboard.press('End');
  await expect(markers.nth(count - 1)).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(markers.nth(count - 2)).toBeFocused();
  // The focused one is now the Tab stop, and the clock has not moved.
  await expect(markers.nth(count - 2)).toHaveAttribute('tabindex', '0');
  await expect(clock.markerBar().locator('[tabindex="0"]')).toHaveCount(1);
  expect(await clock.seconds()).toBe(before);
  // Enter seeks to the focused marker.
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect.poll(() => clock.seconds()).toBe(Math.round(await clock.markerTime(markers.nth(1))));
});
