import { expect, test } from '../pages/test';
import { AppPage } from '../pages/app-page';
import { EmbedHost } from '../pages/embed-host';

// The article's server listens 1000 ports above the app's, so parallel checkouts (E2E_PORT) do not clash.
const host = new EmbedHost(Number(process.env.E2E_PORT ?? 8091) + 1000);

test.beforeAll(() => host.start());
test.afterAll(() => host.stop());

/** The share dialog's embed snippet for a preset. */
async function embedSnippet(app: AppPage): Promise<string> {
  await app.gotoApp();
  await app.scenario.preset('2017-08-29-hwasong-12');
  const { snippet } = await app.scenario.openShareDialog();
  expect(snippet).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?embed#s=1\./);
  return snippet;
}

test('an embed inside a cross-origin iframe fills its frame and plays', async ({ page }) => {
  const snippet = await embedSnippet(new AppPage(page));
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // The host server has no favicon: only the app's own messages count.
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.location().url.startsWith(host.origin)) errors.push(`${m.location().url}: ${m.text()}`);
  });
  for (const [w, h] of [[800, 500], [420, 300]]) {
    const embed = await host.open(page, snippet, w, h);
    await embed.flightDrawn(20_000);
    // No editing chrome; play and the scrubber stay.
    await expect(embed.topbar).toHaveCount(0);
    await expect(embed.sidePanel).toHaveCount(0);
    await expect(embed.clock.scrubber).toBeVisible();
    // The map and the clock fill the frame.
    const frame = (await embed.iframe.boundingBox())!;
    const map = (await embed.map.svg.boundingBox())!;
    const clock = (await embed.clock.bar.boundingBox())!;
    expect(Math.abs(map.width - frame.width)).toBeLessThan(2);
    expect(Math.abs(map.height + clock.height - frame.height)).toBeLessThan(3);
    // It plays.
    await expect(embed.clock.elapsed).toHaveText('T+00:00');
    const alt0 = await embed.map.missileAltKm();
    await embed.clock.play();
    await expect(embed.clock.elapsed).not.toHaveText('T+00:00');
    await expect.poll(() => embed.map.missileAltKm()).toBeGreaterThan(alt0 + 5);
    await embed.clock.pause();
  }
  expect(errors).toEqual([]);
});

test('an embed opens at the shared moment and stores nothing', async ({ page }) => {
  const app = new AppPage(page);
  await app.gotoApp();
  await app.scenario.preset('2022-10-04-hwasong-12');
  await app.clock.seek(300);
  const { snippet } = await app.scenario.openShareDialog();
  const src = snippet.match(/src="([^"]+)"/)![1];
  expect(src).toContain('&t=300');
  // The user's own scenario is in storage (written once the edit's frame has painted); opening an embed of
  // another must not replace it.
  await app.scenario.preset('2017-11-29-hwasong-15');
  await expect.poll(async () => (await app.scenario.stored())?.launches.map((l) => l.missile)).toEqual(['hwasong-15']);
  const stored = await app.scenario.storedText();
  await page.goto(src);
  await expect(app.clock.elapsed).toHaveText('T+05:00');
  await expect(app.sidePanel).toHaveCount(0);
  expect(await app.scenario.storedText()).toBe(stored);
});
