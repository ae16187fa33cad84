import { type BrowserContext, type Page } from '@playwright/test';
import { expect, test } from '../pages/test';
import { AppPage } from '../pages/app-page';
import { Analyses } from '../pages/analyses';
import { OfflineCopy } from '../pages/offline';
import { E2E_NEXT_CSS, SUB_PATH } from '../server.cjs';

/** Opens the app under the sub-path once, waits for its offline copy, and returns the worker's scope. */
async function firstVisit(page: Page, baseURL: string, path = SUB_PATH) {
  const app = new AppPage(page);
  const offline = new OfflineCopy(page);
  await app.gotoApp(path);
  const online = await new Analyses(page).settled();
  const scope = await offline.ready();
  expect(scope).toBe(new URL(SUB_PATH, baseURL).href);
  return { app, offline, scope, online };
}

/** Goes offline and checks that the network is gone for the page and its service worker alike (a request for a
 * file the cache does not hold fails), so that what the page shows next came from the cache. */
async function goOffline(context: BrowserContext, offline: OfflineCopy) {
  await context.setOffline(true);
  expect(await offline.network()).toBe('failed');
}

test('after one visit the app starts offline under a sub-path, draws the map and runs the analyses in its worker', async ({
  page,
  context,
  baseURL,
}) => {
  const { app, offline, scope, online } = await firstVisit(page, baseURL!);
  // The first visit came from the network: the worker answers from the next one on.
  expect(await offline.controlled()).toBe(false);
  const cached = await offline.cachedPaths(scope);
  for (const file of [
    /^$/,
    /^shared-picture-[0-9a-f]{12,16}\.js$/,
    /^shared-picture-[0-9a-f]{12,16}_bg\.wasm$/,
    /^app-[0-9a-f]{12,16}\.css$/,
    /^loader-[0-9a-f]{12,16}\.js$/,
    /^public\/analysis-worker\.js$/,
    /^public\/favicon\.svg$/,
    /^manifest\.webmanifest$/,
  ]) {
    expect(cached.some((p) => file.test(p)), `${file} among ${cached.join(', ')}`).toBe(true);
  }
  // The still for readers without WebAssembly is not copied to every visitor.
  expect(cached).not.toContain('public/poster.jpg');

  await goOffline(context, offline);
  const fromNetwork: string[] = [];
  page.on('response', (r) => {
    if (!r.fromServiceWorker()) fromNetwork.push(r.url());
  });
  const response = await page.reload();
  expect(response!.ok()).toBe(true);
  expect(response!.fromServiceWorker()).toBe(true);
  expect(await offline.controlled()).toBe(true);
  expect(await offline.network()).toBe('failed');
  await app.flightDrawn();
  expect(await app.map.landShapes()).toBeGreaterThan(100);
  // The analyses' worker (its script and the page's glue, fetched again by it) came from the cache too, and
  // found what the online page found.
  const offlineResult = await new Analyses(page).settled();
  expect(offlineResult).toEqual(online);
  await app.charts.waitForCharts();
  const before = await app.clock.seconds();
  await app.clock.play();
  await expect.poll(() => app.clock.seconds(), { message: 'the clock advances offline' }).toBeGreaterThan(before + 1);
  await app.clock.pause();
  expect(fromNetwork).toEqual([]);
  await expect(offline.updateLine).toHaveCount(0);
});

test('a new build is cached with its files while the old one runs, says it takes effect on the next visit, and does', async ({
  page,
  context,
  baseURL,
}) => {
  const { app, offline } = await firstVisit(page, baseURL!);
  const next = `./${E2E_NEXT_CSS}`;
  expect(await offline.styleSheets()).not.toContain(next);

  // The server now has a next build (one more style sheet named): this visit is served the cached build at once.
  const response = await page.goto(`${SUB_PATH}?e2e-build=next`);
  expect(response!.fromServiceWorker()).toBe(true);
  await app.flightDrawn();
  expect(await offline.styleSheets()).not.toContain(next);
  await expect(offline.updateLine).toBeVisible();
  await expect(offline.updateLine).toHaveText(/it takes effect on your next visit/);
  await offline.dismiss.click();
  await expect(offline.updateLine).toHaveCount(0);

  // The next visit, offline: the new page, and the file it names, both from the cache.
  await goOffline(context, offline);
  await page.reload();
  await app.flightDrawn();
  expect(await offline.styleSheets()).toContain(next);
  expect(await offline.rootProperty('--e2e-build')).toBe('next');
  expect(await app.map.landShapes()).toBeGreaterThan(100);
  await new Analyses(page).settled();
});

test('a new build whose files cannot all be fetched is not stored: offline, the last whole build starts', async ({
  page,
  context,
  baseURL,
}) => {
  const { app, offline, scope } = await firstVisit(page, baseURL!);
  const before = await offline.cachedPaths(scope);
  // The worker says, in its console, when it keeps its copy: after the missing file's 404.
  const kept = new Promise<string>((resolve) => {
    context.on('console', (m) => {
      if (m.text().includes('the cached copy was kept')) resolve(m.text());
    });
  });
  await page.goto(`${SUB_PATH}?e2e-build=broken`);
  await app.flightDrawn();
  expect(await kept).toContain('e2e-missing.css: 404');
  expect(await offline.cachedPaths(scope)).toEqual(before);

  await goOffline(context, offline);
  await page.reload();
  await app.flightDrawn();
  expect(await offline.styleSheets()).not.toContain('./e2e-missing.css');
  await new Analyses(page).settled();
  await expect(offline.updateLine).toHaveCount(0);
});

test('the page can be installed from the sub-path: its manifest starts and scopes the app there, standalone, with an icon', async ({
  page,
  baseURL,
}) => {
  const { offline } = await firstVisit(page, baseURL!);
  const site = new URL(SUB_PATH, baseURL).href;
  const { errors, manifest, installabilityErrors } = await offline.manifest();
  expect(errors).toEqual([]);
  expect(manifest!.name).toMatch(/^Shared Picture/);
  expect(manifest!.startUrl).toBe(site);
  expect(manifest!.scope).toBe(site);
  expect(manifest!.display).toBe('kStandalone');
  // The drawing, and PNGs for the platforms that do not take an SVG icon (rendered from it by Chromium).
  expect(manifest!.icons.map((i) => i.url)).toEqual(
    ['favicon.svg', 'icon-192.png', 'icon-512.png'].map((f) => `${site}public/${f}`),
  );
  for (const size of [192, 512]) {
    const png = await (await page.request.get(`${site}public/icon-${size}.png`)).body();
    // The PNG's IHDR: width and height, big-endian, at bytes 16 and 20.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)], `icon-${size}.png`).toEqual([size, size]);
  }
  // Nothing but the test browser's incognito profile stands in the way.
  expect(installabilityErrors).toEqual(['in-incognito']);
});
