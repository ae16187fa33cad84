import { expect, test } from '@playwright/test';
import { AppPage } from '../pages/app-page';

/** The elapsed time shown (T+mm:ss or similar) as seconds. */
async function elapsedS(app: AppPage): Promise<number> {
  return Number(await app.page.locator('input.scrubber').inputValue());
}

test('the clock shows the launch in UTC, JST and KST, and follows the scrubber', async ({ page }) => {
  const app = new AppPage(page);
  await app.gotoApp();
  // JMOD: the 2017-08-29 Hwasong-12 was launched at 05:58 JST, 20:58 UTC the day before.
  await expect(page.locator('.zone[data-zone="JST"] time')).toHaveText('05:58:00');
  await expect(page.locator('.zone[data-zone="KST"] time')).toHaveText('05:58:00');
  await expect(page.locator('.zone[data-zone="UTC"] time')).toHaveText('20:58:00');
  await expect(page.locator('.zone[data-zone="UTC"]')).toHaveAttribute('title', '2017-08-28 20:58:00');
  await app.slide('scrubber', 600);
  await expect(page.locator('.zone[data-zone="JST"] time')).toHaveText('06:08:00');
});

test('the keyboard plays, pauses and moves the clock: space, arrows, Home and End', async ({ page }) => {
  const app = new AppPage(page);
  await app.gotoApp();
  await page.locator('.topbar h1').click();
  const max = Number(await page.locator('input.scrubber').getAttribute('max'));
  expect(max).toBeGreaterThan(600);
  await page.keyboard.press('ArrowRight');
  expect(await elapsedS(app)).toBe(10);
  await page.keyboard.press('Shift+ArrowRight');
  expect(await elapsedS(app)).toBe(70);
  await page.keyboard.press('ArrowLeft');
  expect(await elapsedS(app)).toBe(60);
  await page.keyboard.press('End');
  expect(await elapsedS(app)).toBeCloseTo(max, 0);
  await page.keyboard.press('Home');
  expect(await elapsedS(app)).toBe(0);
  await page.keyboard.press('Space');
  await expect(page.locator('button.play')).toHaveAttribute('aria-label', 'Pause');
  await expect.poll(() => elapsedS(app)).toBeGreaterThan(0);
  await page.keyboard.press('Space');
  await expect(page.locator('button.play')).toHaveAttribute('aria-label', 'Play');
});

test('the scrubber marks launch, impact and each picture\'s first detection and track; a marker seeks', async ({ page }) => {
  const app = new AppPage(page);
  await app.gotoApp();
  await expect(page.locator('.marker.launch')).toHaveCount(1);
  await expect(page.locator('.marker.impact')).toHaveCount(1);
  // Five pictures, each with its first detection and first track on this launch.
  await expect.poll(() => page.locator('.marker.detection').count()).toBeGreaterThanOrEqual(4);
  await expect(page.locator('.marker.track').first()).toBeAttached();
  const tri = page.locator('.marker.track[aria-label^="Trilateral"]');
  const japan = page.locator('.marker.track[aria-label^="Japan:"]');
  const tTri = Number(await tri.getAttribute('data-t'));
  const tJapan = Number(await japan.getAttribute('data-t'));
  expect(tTri).toBeLessThan(tJapan);
  // Markers a few seconds apart overlap on the track: each is a button, reachable by keyboard too.
  await tri.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => elapsedS(app)).toBe(Math.round(tTri));
});
