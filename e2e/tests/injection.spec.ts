import { expect, test } from '../pages/test';
import type { Page } from '@playwright/test';
import { AppPage } from '../pages/app-page';

/** Markup that would run script, or add an element, if the page ever wrote a name into its HTML or SVG as markup
 * instead of text. Each is a valid picture name (at most 64 bytes) and sets `window.__pwned` if it runs. */
const PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  '<svg onload="window.__pwned=2"></svg>',
  '"><script>window.__pwned=3</script>',
  '</text><image href=x onerror="__pwned=4"/>',
  `'><iframe srcdoc="<script>parent.__pwned=5</script>">`,
  '<math><mtext><img src=x onerror="__pwned=6"></mtext></math>',
  '<a href="javascript:__pwned=7" onmouseover="__pwned=7">x</a>',
  '<details open ontoggle="__pwned=8">',
];

/** What injected markup would leave in the page: elements that load `x`, script, frames, event-handler
 * attributes (in HTML and in every SVG, the plotters charts' among them), and whether any payload ran. */
function traces(page: Page) {
  return page.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    return {
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      loadsX: document.querySelectorAll('img[src="x"], image[href="x"]').length,
      scripts: document.querySelectorAll('script').length,
      frames: document.querySelectorAll('iframe, object, embed').length,
      handlers: all.filter((e) => [...e.attributes].some((a) => a.name.toLowerCase().startsWith('on'))).map((e) => e.outerHTML.slice(0, 120)),
    };
  });
}

/** The page's own: its loader script, and nothing else that injection would add. */
const CLEAN = { pwned: undefined, loadsX: 0, scripts: 1, frames: 0, handlers: [] };

/** The scenario the page exports now, with every picture renamed to a payload. */
async function scenarioNamedByPayloads(app: AppPage) {
  const file = JSON.parse(await app.scenario.exportFile());
  expect(file.pictures.length).toBe(PAYLOADS.length);
  file.pictures.forEach((p: { name: string }, i: number) => { p.name = PAYLOADS[i]; });
  return file;
}

test('picture names made of HTML and SVG markup are shown as text everywhere, and nothing runs', async ({ page }) => {
  for (const p of PAYLOADS) expect(Buffer.byteLength(p), p).toBeLessThanOrEqual(64);
  const app = new AppPage(page);
  await app.gotoApp();
  expect(await traces(page)).toEqual(CLEAN);

  await app.scenario.importFile('payloads.json', JSON.stringify(await scenarioNamedByPayloads(app)));
  await expect(app.scenario.error).toHaveCount(0);
  await expect(app.pictures.comparisonRows).toHaveCount(PAYLOADS.length);
  await app.charts.waitForCharts();
  // As text: in the pictures' choices, the comparison table and the plotters warning-time chart.
  expect(await app.pictures.shown.locator('option').allTextContents()).toEqual(PAYLOADS);
  const rows = await app.pictures.comparisonRows.allTextContents();
  for (const p of PAYLOADS) expect(rows.some((r) => r.includes(p)), p).toBe(true);
  // The chart labels a row with the name's first 26 characters.
  const chartText = await app.charts.allText('warning-time');
  for (const p of PAYLOADS) expect(chartText, p).toContain(p.slice(0, 26));
  // Played through the detections and tracks, so every view that names a picture has drawn.
  await app.pictures.show(PAYLOADS[0]);
  await app.pictures.compare(PAYLOADS[4]);
  await app.clock.seek(300);
  await expect(app.map.trackMarks('primary').first()).toBeAttached();
  expect(await traces(page)).toEqual(CLEAN);

  // The exported figures hold the names as text too.
  for (const what of ['warning-time-svg', 'map-svg', 'figure-svg'] as const) {
    const svg = await app.exports.save(what);
    const parsed = await app.exports.parseXml(svg.text, 'image/svg+xml', ['img', 'image', 'script', 'iframe', 'foreignObject']);
    expect(parsed.error, what).toBe(false);
    expect(parsed.counts, what).toEqual({ img: 0, image: 0, script: 0, iframe: 0, foreignObject: 0 });
    expect(parsed.handlers, what).toBe(0);
  }
  expect((await app.exports.save('warning-time-svg')).text).toContain('&lt;img src=x onerror=');
  // The briefing figure's caption names the pictures shown and compared.
  expect((await app.exports.save('figure-svg')).text).toContain('The picture of &lt;img src=x onerror=');

  // Kept across a reload (local storage and the address bar carry the names), and still text.
  await page.reload();
  await app.gotoApp();
  await expect(app.pictures.comparisonRows).toHaveCount(PAYLOADS.length);
  expect(await app.pictures.shown.locator('option').allTextContents()).toEqual(PAYLOADS);
  expect(await traces(page)).toEqual(CLEAN);
});

test('markup in fields the page refuses is quoted as text in the refusal', async ({ page }) => {
  const app = new AppPage(page);
  await app.gotoApp();
  const good = JSON.parse(await app.scenario.exportFile());
  // A different payload each time, so each refusal is seen to replace the one before.
  const cases: [string, (f: any, payload: string) => void][] = [
    ['launches[0].missile', (f, p) => { f.launches[0].missile = p; }],
    ['sensors[0]', (f, p) => { f.sensors = [p]; }],
    ['ships[0].sensor', (f, p) => { f.ships = [{ sensor: p, lat_deg: 38, lon_deg: 134 }]; }],
    ['pictures[0].links[0].from', (f, p) => { f.pictures[0].links[0].from = p; }],
  ];
  for (const [i, [field, spoil]] of cases.entries()) {
    const payload = PAYLOADS[i];
    const file = structuredClone(good);
    spoil(file, payload);
    await app.scenario.importFile('payload.json', JSON.stringify(file));
    await expect(app.scenario.error, field).toContainText(payload);
    expect(await traces(page), field).toEqual(CLEAN);
  }
});
