import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, test } from '../pages/test';
import { AppPage } from '../pages/app-page';
import { pngSize, svgWords } from '../pages/export-panel';
import { PrintView } from '../pages/poster';

/** Spaces as a reader sees them: wrapped lines and the page's line breaks are all one space. */
const words = (s: string) => s.replace(/\s+/g, ' ').trim();

test('the briefing figure stands alone: map, legend, time, caption and sources in one SVG, and as a PNG', async ({ page }) => {
  const app = new AppPage(page);
  await app.gotoApp();
  await app.scenario.preset('2017-08-29-hwasong-12');
  await app.analysesSettled();
  await app.charts.waitForCharts();
  // Mid-flight, where the "now" line and the tracks have something to say.
  await app.clock.seek(300);
  await expect(app.clock.elapsed).toHaveText('T+05:00');
  const shown = new PrintView(page);
  const title = await app.scenario.presetChoice.locator('option:checked').textContent();
  const sources = words((await app.scenario.presetSources.textContent()) ?? '');
  const now = words((await shown.nowLine.textContent()) ?? '');
  const legend = (await shown.legend.locator('li').allTextContents()).map(words);
  const utc = await app.clock.zone('UTC').getAttribute('title');
  const jst = await app.clock.zoneTime('JST').textContent();
  expect(title).toMatch(/Hwasong-12/);
  expect(sources).toMatch(/^Sources: /);
  expect(now.length).toBeGreaterThan(20);
  expect(legend.length).toBeGreaterThan(10);

  const svg = await app.exports.save('figure-svg');
  expect(svg.name).toBe('shared-picture-figure.svg');
  const parsed = await app.exports.parseXml(svg.text, 'image/svg+xml', ['svg', 'path', 'text']);
  expect(parsed.error).toBe(false);
  expect(parsed.root).toBe('svg');
  expect(parsed.handlers).toBe(0);
  // The map (its land, coasts and arcs) and a swatch per legend row, each a drawing of its own.
  expect(parsed.counts.path).toBeGreaterThan(100);
  expect(parsed.counts.svg).toBe(1 + 1 + legend.length);
  // The map's styles travel with it.
  expect(svg.text).toMatch(/<path[^>]*style="[^"]*fill:\s*rgb/);
  const figure = await svgWords(page, svg.text);
  const text = words(figure.words);
  expect(text).toContain(title!);
  expect(text).toContain('The picture of Japan with sharing, compared with Japan alone (dashed)');
  expect(text).toContain(`${utc} UTC`);
  expect(text).toContain(`${jst} JST`);
  expect(text).toContain('T+05:00 after launch');
  expect(text).toContain(now);
  for (const row of legend) expect(text).toContain(row);
  // The page's sources line, ended as a sentence.
  expect(text).toContain(`${sources}.`);
  expect(text).toMatch(/Shared Picture, model \d+/);
  // Wider than the map: the legend stands beside it.
  const box = (await app.map.svg.boundingBox())!;
  expect(figure.width).toBeGreaterThan(Math.round(box.width) + 200);
  expect(figure.height).toBeGreaterThan(Math.round(box.height) + 100);

  const png = await app.exports.save('figure-png');
  expect(png.name).toBe('shared-picture-figure.png');
  const size = pngSize(png.body);
  // Drawn at twice the figure's size.
  expect(size).toEqual({ width: 2 * figure.width, height: 2 * figure.height });
  expect(png.body.length).toBeGreaterThan(50_000);
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/export-figure.png', png.body);
  await expect(app.exports.alerts).toHaveCount(0);
});
