import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../pages/test';
import { AppPage } from '../pages/app-page';
import { CSP, SUB_PATH } from '../server.cjs';

test('the built site served under a sub-path loads, draws the map and plays, asking for nothing outside its path', async ({ page, baseURL }) => {
  const site = new URL(SUB_PATH, baseURL).href;
  const outside: string[] = [];
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith('data:') && !url.startsWith('blob:') && !url.startsWith(site)) outside.push(url);
  });
  const app = new AppPage(page);
  const response = await app.page.goto(SUB_PATH);
  expect(response!.headers()['content-security-policy']).toBe(CSP);
  await app.gotoApp(SUB_PATH);
  expect(await app.map.landShapes()).toBeGreaterThan(100);
  await app.charts.waitForCharts();
  const before = await app.clock.seconds();
  await app.clock.play();
  await expect.poll(() => app.clock.seconds(), { message: 'the clock advances while playing' }).toBeGreaterThan(before + 1);
  await app.clock.pause();
  await page.waitForLoadState('networkidle');
  expect(outside).toEqual([]);
});

test('the built page has no inline script and only relative asset paths', async ({ page, request }) => {
  const html = await (await request.get(SUB_PATH)).text();
  // Read as a browser reads it (the release build minifies the page: attributes may go unquoted).
  const doc = await page.evaluate((text) => {
    const d = new DOMParser().parseFromString(text, 'text/html');
    const attr = (sel: string, name: string) => [...d.querySelectorAll(sel)].map((e) => e.getAttribute(name) ?? '');
    return {
      scripts: [...d.querySelectorAll('script')].map((s) => ({ src: s.getAttribute('src'), body: s.textContent ?? '' })),
      styled: d.querySelectorAll('[style]').length,
      refs: [...attr('[href]', 'href'), ...attr('[src]', 'src')],
      modulepreload: attr('link[rel="modulepreload"]', 'href'),
      preload: attr('link[rel="preload"]', 'href'),
    };
  }, html);
  expect(doc.scripts.length, 'the loader is a script of the site').toBeGreaterThan(0);
  for (const { src, body } of doc.scripts) {
    expect(src ?? '', 'every script is a file of the site').toMatch(/^\.\//);
    expect(body.trim()).toBe('');
  }
  expect(doc.styled, 'no style attribute').toBe(0);
  // Every asset the page names resolves inside the folder the page is in.
  expect(doc.refs.length).toBeGreaterThan(5);
  for (const ref of doc.refs) expect(ref, ref).toMatch(/^(\.\/)?[\w.-]+(\/[\w.-]+)*$/);
  // The glue and the wasm stay preloaded: the loader, and any worker, find them through these links.
  expect(doc.modulepreload.some((h) => /^\.\/shared-picture-[0-9a-f]+\.js$/.test(h))).toBe(true);
  expect(doc.preload.some((h) => /^\.\/shared-picture-[0-9a-f]+_bg\.wasm$/.test(h))).toBe(true);
});

test('the served policy is enforced and a violation fails the run', async ({ page, csp }) => {
  const app = new AppPage(page);
  await app.gotoApp();
  expect(csp.seen).toEqual([]);
  // A style attribute set as text, as an injected or careless `style="..."` would be: refused and reported.
  const colour = await page.evaluate(() => {
    const probe = document.createElement('p');
    probe.textContent = 'probe';
    document.body.append(probe);
    probe.setAttribute('style', 'color: rgb(255, 0, 0)');
    return getComputedStyle(probe).color;
  });
  expect(colour).not.toBe('rgb(255, 0, 0)');
  // Seen both ways: the document's event and Chromium's console message.
  await expect.poll(() => csp.seen.filter((v) => v.includes('style-src-attr')).length).toBeGreaterThanOrEqual(1);
  await expect.poll(() => csp.seen.filter((v) => v.startsWith('console') && v.includes('inline style')).length).toBe(1);
  csp.clear();
});

test('every spec runs with the policy guard', () => {
  // A spec that imported Playwright's own `test` would run without the check for violations.
  const dir = __dirname;
  const specs = readdirSync(dir).filter((f) => f.endsWith('.spec.ts'));
  expect(specs.length).toBeGreaterThan(10);
  const unguarded = specs.filter((f) => !/import \{[^}]*\btest\b[^}]*\} from '\.\.\/pages\/test'/.test(readFileSync(join(dir, f), 'utf8')));
  expect(unguarded).toEqual([]);
});
