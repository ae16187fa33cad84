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
