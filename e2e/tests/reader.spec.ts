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

test('a preset frames its flights: the 2022-10-04 arc lands on screen, a short one opens on the theatre', async ({ page }) => {
  const app = new AppPage(page);
  await app.gotoApp();
  const impact = app.map.root.locator('.flight-event[data-event="Impact"] circle').first();
  const inside = async () => {
    const [m, i] = [(await app.map.svg.boundingBox())!, (await impact.boundingBox())!];
    return i.x >= m.x && i.y >= m.y && i.x + i.width <= m.x + m.width && i.y + i.height <= m.y + m.height;
  };
  // The Hwasong-12 of 2022-10-04 lands near 177 E, far east of the theatre's 153 E.
  await app.scenario.preset('2022-10-04-hwasong-12');
  await expect(impact).toHaveCount(1);
  await expect.poll(inside, { message: 'the impact marker is on the map' }).toBe(true);
  const transform = () => app.map.root.locator('.flight-track').first().getAttribute('transform');
  const wide = await transform();
  // A KN-23 salvo into the Sea of Japan: back to the opening view, whatever the last preset needed.
  await app.scenario.preset('2019-07-25-kn-23-salvo');
  await expect.poll(inside).toBe(true);
  await expect.poll(transform).not.toBe(wide);
});

test('on a phone the capitals stay named: no radar or ship marker is drawn over Pyongyang or Seoul', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const app = new AppPage(page);
  await app.gotoApp();
  await expect(app.map.root.locator('.sensor-site').first()).toBeAttached();
  for (const name of ['Pyongyang', 'Seoul']) {
    const label = app.map.root.locator(`.place[data-place="${name}"] text`);
    // Every marker whose box meets the label's is painted before it (beneath it), so the name stays readable.
    const over = await label.evaluate((text) => {
      const box = text.getBoundingClientRect();
      const meets = (r: DOMRect) => r.left < box.right && r.right > box.left && r.top < box.bottom && r.bottom > box.top;
      return [...document.querySelectorAll('.map .overlays *')]
        .filter((e) => meets(e.getBoundingClientRect()))
        .filter((e) => text.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING)
        .map((e) => e.getAttribute('class') ?? e.tagName);
    });
    expect(over, `drawn over ${name}`).toEqual([]);
  }
});
