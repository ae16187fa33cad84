import { expect, test } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScenarioPage } from '../pages/scenario-page';

// The host page lives on another origin: a second static server on another port (Chromium's local-network
// checks refuse a loopback frame inside a page that Playwright fulfils itself, so it must be a real server).
const HOST_PORT = Number(process.env.E2E_PORT ?? 8091) + 1000;
const HOST = `http://127.0.0.1:${HOST_PORT}/host.html`;
const hostDir = mkdtempSync(join(tmpdir(), 'embed-host-'));
let hostServer: ChildProcess | undefined;

test.beforeAll(async () => {
  hostServer = spawn('python3', ['-m', 'http.server', String(HOST_PORT), '--bind', '127.0.0.1', '--directory', hostDir], { stdio: 'ignore' });
  for (let i = 0; i < 50; i++) {
    try {
      await fetch(`http://127.0.0.1:${HOST_PORT}/`);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error('the host page server did not start');
});

test.afterAll(() => {
  hostServer?.kill();
});

async function embedSnippet(app: ScenarioPage): Promise<string> {
  await app.gotoApp();
  await app.preset('2017-08-29-hwasong-12');
  const { snippet } = await app.openShareDialog();
  expect(snippet).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?embed#s=1\./);
  return snippet;
}

test('an embed inside a cross-origin iframe fills its frame and plays', async ({ page }) => {
  const app = new ScenarioPage(page);
  const snippet = await embedSnippet(app);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // The host server has no favicon: only the app's own messages count.
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.location().url.startsWith(`http://127.0.0.1:${HOST_PORT}`)) errors.push(`${m.location().url}: ${m.text()}`);
  });
  for (const [w, h] of [[800, 500], [420, 300]]) {
    const sized = snippet.replace('width="800" height="500"', `width="${w}" height="${h}"`);
    writeFileSync(join(hostDir, 'host.html'), `<!doctype html><html><body style="margin:0"><h1>A news article</h1>${sized}</body></html>`);
    await page.goto(`${HOST}?w=${w}`);
    const frame = page.frameLocator('iframe');
    await expect(frame.locator('.map .flight-track path').first()).toBeAttached({ timeout: 20_000 });
    // No editing chrome; play and the scrubber stay.
    await expect(frame.locator('.topbar')).toHaveCount(0);
    await expect(frame.locator('.side-panel')).toHaveCount(0);
    await expect(frame.locator('.scrubber')).toBeVisible();
    // The map and the clock fill the frame.
    const iframe = (await page.locator('iframe').boundingBox())!;
    const map = (await frame.locator('.map svg.map-svg').boundingBox())!;
    const clock = (await frame.locator('.clockbar').boundingBox())!;
    expect(Math.abs(map.width - iframe.width)).toBeLessThan(2);
    expect(Math.abs(map.height + clock.height - iframe.height)).toBeLessThan(3);
    // It plays.
    await expect(frame.locator('.elapsed')).toHaveText('T+00:00');
    const alt0 = Number(await frame.locator('.missile-now').getAttribute('data-alt-km'));
    await frame.locator('button.play').click();
    await expect(frame.locator('.elapsed')).not.toHaveText('T+00:00');
    await expect.poll(async () => Number(await frame.locator('.missile-now').getAttribute('data-alt-km'))).toBeGreaterThan(alt0 + 5);
    await frame.locator('button.play').click();
  }
  expect(errors).toEqual([]);
});

test('an embed opens at the shared moment and stores nothing', async ({ page }) => {
  const app = new ScenarioPage(page);
  await app.gotoApp();
  await app.preset('2022-10-04-hwasong-12');
  await app.slide('scrubber', 300);
  const { snippet } = await app.openShareDialog();
  const src = snippet.match(/src="([^"]+)"/)![1];
  expect(src).toContain('&t=300');
  // The user's own scenario is in storage; opening an embed of another must not replace it.
  await app.preset('2017-11-29-hwasong-15');
  await page.waitForTimeout(200);
  const stored = await page.evaluate(() => localStorage.getItem('shared-picture.scenario'));
  await page.goto(src);
  await expect(page.locator('.elapsed')).toHaveText('T+05:00');
  await expect(page.locator('.side-panel')).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('shared-picture.scenario'))).toBe(stored);
});
