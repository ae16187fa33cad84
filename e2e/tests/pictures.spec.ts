import { expect, test } from '@playwright/test';
import { AppPage } from '../pages/app-page';

async function pictureFigures(app: AppPage, name: string) {
  await app.choose('picture', name);
  const summary = app.page.locator('.picture-summary');
  await expect(summary).toHaveAttribute('data-picture', name);
  const firstTrack = Number(await summary.getAttribute('data-first-track-s'));
  const warning = Number(await app.page.locator(`.comparison tr[data-picture="${name}"] td[data-event="established"]`).getAttribute('data-warning-s'));
  return { firstTrack, warning };
}

test('switching from Japan alone to the trilateral picture shows an earlier first track and more warning', async ({ page }) => {
  const app = new AppPage(page);
  await app.gotoApp();
  const japan = await pictureFigures(app, 'Japan');
  await expect(page.locator('.picture-summary')).toContainText(`Japan: first track T+${japan.firstTrack.toFixed(0)} s`);
  const tri = await pictureFigures(app, 'Trilateral (Hawaii hub)');
  expect(tri.firstTrack).toBeLessThan(japan.firstTrack);
  expect(tri.warning).toBeGreaterThan(japan.warning);
  // The figures are on screen, and the gain row says the same.
  await expect(page.locator('.comparison tr.gain', { hasText: 'over Japan' })).toContainText('+');
});

test('the map shows the chosen picture\'s tracks, and a second picture to compare with', async ({ page }) => {
  const app = new AppPage(page);
  await app.gotoApp();
  await app.slide('scrubber', 300);
  await expect(page.locator('.tracks.primary .track').first()).toBeAttached();
  await expect(page.locator('.tracks.primary .predicted-impact').first()).toBeAttached();
  await app.choose('compare-with', 'Japan');
  await expect(page.locator('.tracks.secondary[data-picture="Japan"] .track').first()).toBeAttached();
  // Before the first track, no picture shows one.
  await app.slide('scrubber', 5);
  await expect(page.locator('.tracks .track')).toHaveCount(0);
});

test("the first track is the selected launch's, counted from its own launch", async ({ page }) => {
  const { ScenarioPage } = await import('../pages/scenario-page');
  const app = new ScenarioPage(page);
  await app.gotoApp();
  await app.preset('2017-11-29-hwasong-15');
  await app.addLaunch();
  await app.setLaunchTime(1, 600);
  await expect(app.launchRows).toHaveCount(2);
  const summary = page.locator('.picture-summary');
  await app.choose('picture', 'Trilateral (Hawaii hub)');
  await expect(summary).not.toHaveAttribute('data-first-track-s', '');
  await page.locator('.launch-list button.select-launch').nth(0).click();
  await expect(summary).toHaveAttribute('data-first-track-s', /\d/);
  const first = Number(await summary.getAttribute('data-first-track-s'));
  // The second launch is the same missile and path, 600 s later: its first track comes as soon after its own
  // launch as the first launch's did (within a couple of update intervals), not 600 s later.
  await page.locator('.launch-list button.select-launch').nth(1).click();
  await expect.poll(async () => Number(await summary.getAttribute('data-first-track-s'))).toBeGreaterThan(0);
  const second = Number(await summary.getAttribute('data-first-track-s'));
  expect(first).toBeGreaterThan(0);
  expect(Math.abs(second - first)).toBeLessThan(30);
});
