import { chromium } from '@playwright/test';
const [,, url, out, w, h, sel] = process.argv;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-dev-shm-usage','--disable-background-networking','--disable-component-update','--no-first-run'] });
const p = await b.newPage({ viewport: { width: +w, height: +h } });
await p.goto(url); await p.waitForSelector('.flight-track path', { state: 'attached' });
await p.waitForTimeout(1500);
await p.locator('input.scrubber').evaluate((el) => { el.value = '300'; el.dispatchEvent(new Event('input', { bubbles: true })); });
await p.waitForTimeout(500);
if (sel) { await p.locator(sel).first().screenshot({ path: out }); } else { await p.screenshot({ path: out, fullPage: true }); }
await b.close();
