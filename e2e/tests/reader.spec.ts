import { expect, test, type Page } from '@playwright/test';
import { AppPage } from '../pages/app-page';

/** Interactive elements with no accessible name: aria-label(ledby), a <label>, text, title or alt. */
async function unnamedControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const controls = Array.from(
      document.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href], [role="slider"], [tabindex]:not([tabindex="-1"])'),
    ).filter((el) => el.offsetParent !== null || el.getClientRects().length > 0);
    return controls
      .filter((el) => {
        const labelledBy = el.getAttribute('aria-labelledby');
        const named =
          (el.getAttribute('aria-label') ?? '').trim() ||
          (labelledBy && document.getElementById(labelledBy)?.textContent?.trim()) ||
          ((el as HTMLInputElement).labels?.length ?? 0) > 0 ||
          (el.textContent ?? '').trim() ||
          (el.getAttribute('title') ?? '').trim();
        return !named;
      })
      .map((el) => el.outerHTML.slice(0, 120));
  });
}

test('every control has a name for screen readers, and the clock is reachable by Tab', async ({ page }) => {
  const app = new AppPage(page);
  await app.gotoApp();
  await expect(page.locator('.comparison, .pictures-error').first()).toBeAttached();
  expect(await unnamedControls(page)).toEqual([]);
  // Tab from the top of the page reaches the play button and the scrubber.
  const reached = new Set<string>();
  await page.locator('body').focus();
  for (let i = 0; i < 200 && !(reached.has('play') && reached.has('scrubber')); i++) {
    await page.keyboard.press('Tab');
    const cls = await page.evaluate(() => document.activeElement?.getAttribute('class') ?? '');
    if (cls.includes('play')) reached.add('play');
    if (cls.includes('scrubber')) reached.add('scrubber');
  }
  expect([...reached].sort()).toEqual(['play', 'scrubber']);
});

test('the dark theme is chosen by a button and remembered across a reload', async ({ page }) => {
  const app = new AppPage(page);
  await app.gotoApp();
  const sea = () => page.locator('rect.sea').evaluate((el) => getComputedStyle(el).fill);
  const light = await sea();
  await page.locator('button.theme-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('button.theme-toggle')).toHaveAttribute('aria-pressed', 'true');
  const dark = await sea();
  expect(dark).not.toBe(light);
  await page.reload();
  await app.gotoApp();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await sea()).toBe(dark);
  await page.locator('button.theme-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

test('the estimates behind the models are one click away', async ({ page }) => {
  const app = new AppPage(page);
  await app.gotoApp();
  await page.getByRole('button', { name: 'Sources and estimates' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sources and estimates' });
  await expect(dialog).toBeVisible();
  // Every catalog missile and sensor, with its source.
  await expect(dialog.locator('tr', { hasText: 'Hwasong-15' })).toHaveCount(1);
  expect(await dialog.locator('tbody tr').count()).toBeGreaterThan(8 + 10);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
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
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const map = await page.locator('.map').boundingBox();
    expect(map!.width).toBeGreaterThan(width * 0.5);
    expect(map!.height).toBeGreaterThan(200);
    await expect(page.locator('button.play')).toBeInViewport();
    await page.screenshot({ path: `test-results/viewport-${width}x${height}.png` });
  });
}
