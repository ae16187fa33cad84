import { expect, test } from '../pages/test';
import { AppPage } from '../pages/app-page';

test('every control has a name for screen readers, and the clock is reachable by Tab', async ({ page }) => {
  const app = new AppPage(page);
  await app.gotoApp();
  await expect(app.pictures.result).toBeAttached();
  expect(await app.unnamedControls()).toEqual([]);
  // Tab from the top of the page reaches the play button and the scrubber.
  expect(await app.tabReaches([app.clock.playButton, app.clock.scrubber])).toEqual([true, true]);
});

test('the dark theme is chosen by a button and remembered across a reload', async ({ page }) => {
  const app = new AppPage(page);
  await app.gotoApp();
  const light = await app.map.seaFill();
  await app.themeToggle.click();
  await expect(app.root).toHaveAttribute('data-theme', 'dark');
  await expect(app.themeToggle).toHaveAttribute('aria-pressed', 'true');
  const dark = await app.map.seaFill();
  expect(dark).not.toBe(light);
  await page.reload();
  await app.gotoApp();
  await expect(app.root).toHaveAttribute('data-theme', 'dark');
  expect(await app.map.seaFill()).toBe(dark);
  await app.themeToggle.click();
  await expect(app.root).toHaveAttribute('data-theme', 'light');
});

test('the estimates behind the models are one click away', async ({ page }) => {
  const app = new AppPage(page);
  await app.gotoApp();
  await app.sourcesButton.click();
  await expect(app.sourcesDialog).toBeVisible();
  // Every catalog missile and sensor, with its source.
  await expect(app.sourceRows('Hwasong-15')).toHaveCount(1);
  expect(await app.sourceRows().count()).toBeGreaterThan(8 + 10);
  await page.keyboard.press('Escape');
  await expect(app.sourcesDialog).toBeHidden();
});

for (const [name, width, height] of [
  ['a phone', 360, 740],
  ['a 4K screen', 3840, 2160],
] as const) {
  test(`the page works on ${name} (${width}x${height})`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    const app = new AppPage(page);
    await app.gotoApp();
    // Nothing spills sideways, the map has room, and the clock is on screen.
    expect(await app.overflowPx()).toBeLessThanOrEqual(0);
    const map = (await app.map.root.boundingBox())!;
    expect(map.width).toBeGreaterThan(width * 0.5);
    expect(map.height).toBeGreaterThan(200);
    await expect(app.clock.playButton).toBeInViewport();
    await page.screenshot({ path: `test-results/viewport-${width}x${height}.png` });
  });
}
