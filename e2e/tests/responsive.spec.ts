import { expect, test } from '../pages/test';
import { AppPage } from '../pages/app-page';
import { Analyses, LongTasks, throttleCpu } from '../pages/analyses';
import { report } from '../pages/metrics';

const SALVO = '2019-07-25-kn-23-salvo';

/** Opens the app with the analyses' worker refused (as a host or browser without workers would). */
async function withoutWorker(page: import('@playwright/test').Page) {
  await page.route('**/analysis-worker.js', (r) => r.abort());
}

test('the analyses run in a worker, and its results are the page\'s own, bit for bit', async ({ browser }) => {
  const fingerprints: Record<string, { worker: string; page: string }> = {};
  for (const mode of ['worker', 'page'] as const) {
    const context = await browser.newContext();
    const page = await context.newPage();
    if (mode === 'page') await withoutWorker(page);
    const app = new AppPage(page);
    const analyses = new Analyses(page);
    await app.gotoApp();
    const first = await analyses.settled();
    expect(first.venue).toBe(mode);
    (fingerprints['default'] ??= { worker: '', page: '' })[mode] = first.fingerprint;
    await app.scenario.preset(SALVO);
    await expect(app.scenario.launchRows).toHaveCount(2);
    const salvo = await analyses.settled();
    (fingerprints[SALVO] ??= { worker: '', page: '' })[mode] = salvo.fingerprint;
    if (mode === 'page') {
      // Said once, however many analyses ran since.
      await expect(analyses.notice).toHaveCount(1);
      await expect(analyses.notice).toContainText('run in the page');
    } else {
      await expect(analyses.notice).toHaveCount(0);
    }
    await context.close();
  }
  report(Object.entries(fingerprints).map(([k, f]) => `Analysis fingerprint ${k}: worker ${f.worker}, page ${f.page}`));
  for (const f of Object.values(fingerprints)) expect(f.worker).toBe(f.page);
  expect(fingerprints['default'].worker).not.toBe(fingerprints[SALVO].worker);
});

test('a newer edit supersedes older work: only the last edit\'s analysis is shown', async ({ page, browser }) => {
  const app = new AppPage(page);
  const analyses = new Analyses(page);
  await app.gotoApp();
  await analyses.settled();
  // Three edits in quick succession, each superseding the last before its analysis can come back.
  for (const km of [1200, 1700, 2200]) await app.launch.setRangeKm(km);
  await expect(analyses.status).toHaveAttribute('data-pending', 'true');
  await expect(analyses.status).toContainText('Computing');
  // The previous figures stay, marked as out of date.
  await expect(page.locator('.pictures-panel.stale table.comparison')).toBeVisible();
  const shown = await analyses.settled();
  await app.analysesSettled();
  // The same scenario opened afresh (its share link is in the address bar) gives the same analysis.
  await expect.poll(() => page.url()).toContain('#');
  const fresh = await browser.newPage();
  const again = new Analyses(fresh);
  await fresh.goto(page.url());
  expect((await again.settled()).fingerprint).toBe(shown.fingerprint);
  await fresh.close();
});

test('responsiveness at 4x CPU throttling: main-thread long tasks while loading, choosing the salvo, editing, playing and scrubbing (printed)', async ({ page }) => {
  test.setTimeout(180_000);
  const long = new LongTasks(page);
  await long.install();
  await throttleCpu(page, 4);
  const app = new AppPage(page);
  const analyses = new Analyses(page);
  const flows: [string, number[]][] = [];
  await app.gotoApp();
  expect((await analyses.settled(120_000)).venue).toBe('worker');
  flows.push(['load and first analysis', await long.take()]);
  await app.scenario.preset(SALVO);
  await expect(app.scenario.launchRows).toHaveCount(2);
  await analyses.settled(120_000);
  flows.push(['KN-23 salvo preset, chosen and analysed', await long.take()]);
  await app.launch.setRangeKm(500);
  await analyses.settled(120_000);
  flows.push(['an edit of a launch (range) and its analysis', await long.take()]);
  await app.clock.timePlayback(3000);
  flows.push(['3 s of playback', await long.take()]);
  await app.clock.scrubFrames(30, 10);
  flows.push(['scrubbing, 30 frames', await long.take()]);
  const worst = (xs: number[]) => (xs.length ? Math.max(...xs) : 0);
  report([
    'Main-thread tasks over 50 ms at 4x CPU throttling (Long Tasks API), analyses in the worker:',
    ...flows.map(([name, xs]) => `  ${name.padEnd(48)} ${xs.length} tasks, longest ${worst(xs)} ms${xs.length ? ` [${xs.join(', ')}]` : ''}`),
  ]);
  // The lengths are printed, not asserted: they depend on the machine and its load.
});
