import { expect, test } from '../pages/test';
import { AppPage } from '../pages/app-page';
import { Poster, PrintView } from '../pages/poster';

test('without JavaScript the page shows a still of the picture with its caption', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${baseURL}/`);
  const poster = new Poster(page);
  await expect(poster.figure).toBeVisible();
  await expect.poll(() => poster.imageLoaded()).toBe(true);
  await expect(poster.caption).toContainText('Japan, South Korea and the United States');
  await expect(poster.image).toHaveAttribute('alt', /Hwasong-12/);
  await context.close();
});

test('without WebAssembly the page says why and shows the same still', async ({ page }) => {
  await page.addInitScript(() => {
    // A browser without WebAssembly.
    delete (window as unknown as { WebAssembly?: unknown }).WebAssembly;
  });
  await page.goto('/');
  const poster = new Poster(page);
  await expect(poster.figure).toBeVisible();
  await expect(poster.figure).toContainText('this browser has no WebAssembly');
  await expect.poll(() => poster.imageLoaded()).toBe(true);
});

test('printed, the page keeps the map, legend, clock and comparison on one page, without the controls', async ({ page }) => {
  const app = new AppPage(page);
  await app.gotoApp();
  await page.emulateMedia({ media: 'print' });
  const print = new PrintView(page);
  for (const part of [print.map, print.legend, print.nowLine, print.zones, print.comparison]) {
    await expect(part).toBeVisible();
  }
  for (const control of print.controls) await expect(control).toBeHidden();
  // One A4 landscape page: the PDF Chromium prints holds a single page object.
  const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
  const pages = pdf.match(/\/Type\s*\/Page[^s]/g) ?? [];
  console.log(`printed: ${pages.length} page(s), ${pdf.length} bytes`);
  expect(pages.length).toBe(1);
});
