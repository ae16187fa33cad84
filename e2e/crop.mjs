import { chromium } from '@playwright/test';
const [,, url, w, h] = process.argv;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-dev-shm-usage','--disable-background-networking','--disable-component-update','--no-first-run'] });
const p = await b.newPage({ viewport: { width: +w, height: +h } });
await p.goto(url); await p.waitForSelector('.flight-track path', { state: 'attached' });
await p.waitForTimeout(1500);
await p.locator('input.scrubber').evaluate((el) => { el.value = '300'; el.dispatchEvent(new Event('input', { bubbles: true })); });
await p.waitForTimeout(500);
const box = await p.locator('.side-panel').boundingBox();
for (let i = 0; i * 1100 < box.height; i++) {
  await p.screenshot({ path: `/tmp/panel${i}.png`, clip: { x: box.x, y: box.y + i * 1100, width: box.width, height: Math.min(1100, box.height - i * 1100) } });
}
await b.close();
