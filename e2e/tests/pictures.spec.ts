import { expect, test } from '../pages/test';
import { AppPage } from '../pages/app-page';

/** Shows a picture on the map and reads its first track (s after launch) and its warning when established. */
async function pictureFigures(app: AppPage, name: string) {
  await app.pictures.show(name);
  await expect(app.pictures.summary).toHaveAttribute('data-picture', name);
  return { firstTrack: await app.pictures.firstTrackS(), warning: await app.pictures.warningS(name) };
}

test('switching from Japan alone to Japan with sharing shows an earlier first track and more warning', async ({ page }) => {
  const app = new AppPage(page);
  await app.gotoApp();
  const japan = await pictureFigures(app, 'Japan alone');
  await expect(app.pictures.summary).toContainText(`Japan alone: first track T+${japan.firstTrack.toFixed(0)} s`);
  const tri = await pictureFigures(app, 'Japan with sharing');
  expect(tri.firstTrack).toBeLessThan(japan.firstTrack);
  expect(tri.warning).toBeGreaterThan(japan.warning);
  // The figures are on screen, and the gain row says the same.
  await expect(app.pictures.gainRow('Japan: gain from sharing')).toContainText('+');
  // Sharing completes Japan's picture: a larger share of the flight tracked (SIAP completeness).
  const complete = (name: string) => app.pictures.siap(name, 'siap_completeness');
  expect(await complete('Japan alone')).toBeLessThan(await complete('Japan with sharing'));
  expect(await app.pictures.siap('Japan with sharing', 'siap_ambiguity')).toBeGreaterThanOrEqual(1);
});

test('the map shows the chosen picture\'s tracks, and a second picture to compare with', async ({ page }) => {
  const app = new AppPage(page);
  await app.gotoApp();
  await app.clock.seek(300);
  await expect(app.map.trackMarks('primary').first()).toBeAttached();
  await expect(app.map.predictedImpacts('primary').first()).toBeAttached();
  await app.pictures.compare('Japan alone');
  await expect(app.map.tracks('secondary')).toHaveAttribute('data-picture', 'Japan alone');
  await expect(app.map.trackMarks('secondary').first()).toBeAttached();
  // Before the first track, no picture shows one.
  await app.clock.seek(5);
  await expect(app.map.trackMarks()).toHaveCount(0);
});

test("the first track is the selected launch's, counted from its own launch", async ({ page }) => {
  const app = new AppPage(page);
  await app.gotoApp();
  await app.scenario.preset('2017-11-29-hwasong-15');
  await app.scenario.addLaunch();
  await app.scenario.setLaunchTime(1, 600);
  await expect(app.scenario.launchRows).toHaveCount(2);
  await app.pictures.show('Trilateral (Hawaii hub)');
  await expect(app.pictures.summary).not.toHaveAttribute('data-first-track-s', '');
  await app.scenario.selectLaunch(0);
  await expect(app.pictures.summary).toHaveAttribute('data-first-track-s', /\d/);
  const first = await app.pictures.firstTrackS();
  // The second launch is the same missile and path, 600 s later: its first track comes as soon after its own
  // launch as the first launch's did (within a couple of update intervals), not 600 s later.
  await app.scenario.selectLaunch(1);
  await expect.poll(() => app.pictures.firstTrackS()).toBeGreaterThan(0);
  const second = await app.pictures.firstTrackS();
  expect(first).toBeGreaterThan(0);
  expect(Math.abs(second - first)).toBeLessThan(30);
});
