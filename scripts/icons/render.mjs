// Renders public/icon-192.png and icon-512.png (the manifest's PNG icons) from public/favicon.svg in Chromium.
// Run from e2e/ (it has @playwright/test): node ../scripts/icons/render.mjs
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
// From the e2e folder's packages, where this is run from.
const { chromium } = createRequire(`${process.cwd()}/`)('@playwright/test');
const svg = readFileSync(new URL('../../public/favicon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-background-networking', '--disable-component-update', '--no-first-run'] });
for (const size of [192, 512]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const inner = svg.replace('<svg ', `<svg width="${size}" height="${size}" `);
  await page.setContent(`<html><body style="margin:0;background:transparent">${inner}</body></html>`);
  await page.screenshot({ path: new URL(`../../public/icon-${size}.png`, import.meta.url).pathname, omitBackground: true });
  await page.close();
}
await browser.close();
