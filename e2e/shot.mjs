import { chromium } from '@playwright/test';
const [,, url, out, w, h, theme] = process.argv;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-dev-shm-usage','--disable-background-networking','--disable-component-update','--no-first-run'] });
const p = await b.newPage({ viewport: { width: +w, height: +h }, colorScheme: theme || 'light' });
await p.goto(url); await p.waitForSelector('.flight-track path', { state: 'attached' });
await p.waitForTimeout(1500);
await p.screenshot({ path: out });
await b.close();
