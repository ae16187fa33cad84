import { expect, test } from '@playwright/test';
import { appendFileSync, mkdirSync } from 'node:fs';
import { AppPage, greatCircleKm } from '../pages/app-page';

const SUNAN = { lat: 39.2, lon: 125.673 };

test('the page opens on the 2017-08-29 Hwasong-12 as reported, with its figures', async ({ page }) => {
  const app = new AppPage(page);
  await app.gotoApp();
  expect(await app.rangeKm()).toBeCloseTo(2700, -1);
  expect(parseFloat(await app.fact('apogee'))).toBeCloseTo(550, -1);
  // The track is drawn in runs of one colour: many vertices, in a few dozen paths.
  const vertices = await page.locator('.flight-track path').evaluateAll((ps) =>
    ps.reduce((n, p) => n + (p.getAttribute('d') ?? '').split(/[ML]/).length - 1, 0));
  expect(vertices).toBeGreaterThan(200);
  await expect(page.locator('.flight-event.impact')).toHaveCount(1);
  await expect(page.locator('.flight-event.apogee')).toHaveCount(1);
});

test('choosing a missile and clicking an aim point draws an arc whose reported range matches', async ({ page }) => {
  const app = new AppPage(page);
  await app.gotoApp();
  await app.choose('missile', 'hwasong-15');
  await app.choose('shape', 'min-energy');
  // Click a point in the Sea of Japan, off Sado (a click, not a drag).
  const tokyo = await app.placePosition('Tokyo');
  const target = { x: tokyo.x - 90, y: tokyo.y - 120 };
  const clicked = await app.readAt(target);
  await page.mouse.click(target.x, target.y);
  await expect(page.locator('input[name="aim-lat"]')).toBeVisible();
  const aim = await app.aimPoint();
  expect(Math.abs(aim.lat - clicked.lat)).toBeLessThan(0.01);
  expect(Math.abs(aim.lon - clicked.lon)).toBeLessThan(0.01);
  const expected = greatCircleKm(SUNAN, aim);
  await expect.poll(async () => Math.abs((await app.rangeKm()) - expected) / expected).toBeLessThan(0.01);
  // The arc ends at the aim: the impact marker is where the user clicked.
  const impact = await page.locator('.flight-event.impact circle').boundingBox();
  expect(Math.abs(impact!.x + impact!.width / 2 - target.x)).toBeLessThan(4);
  expect(Math.abs(impact!.y + impact!.height / 2 - target.y)).toBeLessThan(4);
});

test('an azimuth and range aim flies that range', async ({ page }) => {
  const app = new AppPage(page);
  await app.gotoApp();
  await app.choose('shape', 'min-energy');
  await app.typeNumber('range-km', 1500);
  await expect.poll(() => app.rangeKm()).toBeCloseTo(1500, -1);
});

test('an impossible launch says why and keeps the form', async ({ page }) => {
  const app = new AppPage(page);
  await app.gotoApp();
  await app.choose('missile', 'hwasong-11');
  await app.choose('shape', 'min-energy');
  await expect(page.locator('.flight-error')).toContainText('hwasong-11 cannot reach');
  await expect(page.locator('input[name="range-km"]')).toHaveValue('2700');
  await app.typeNumber('range-km', 600);
  await expect(page.locator('.flight-error')).toHaveCount(0);
  await expect.poll(() => app.rangeKm()).toBeCloseTo(600, -1);
  // A field that is not a number is named, and the last good value stays.
  await page.locator('input[name="azimuth-deg"]').evaluate((el) => {
    (el as HTMLInputElement).value = '';
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await expect(page.locator('.field-error')).toContainText('Azimuth');
});

test('the scrubber moves the missile along the arc and the side view', async ({ page }) => {
  const app = new AppPage(page);
  await app.gotoApp();
  await app.slide('scrubber', 400);
  await expect(page.locator('.elapsed')).toHaveText('T+06:40');
  const alt = Number(await page.locator('.map .missile-now').getAttribute('data-alt-km'));
  expect(alt).toBeGreaterThan(300);
  expect(alt).toBeLessThan(560);
  await expect(page.locator('.side-view .missile-now')).toHaveCount(1);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.locator('.elapsed')).not.toHaveText('T+06:40');
});

/** One edit of the range field, timed (ms):
 * - `dom`: from the change event to the new arc in the page (the flight solve and every view it updates);
 * - `render`: the style, layout and paint of the frame that shows it (from that frame's animation callback to
 *   the task after it);
 * - `painted`: from the change event to that frame painted, which also waits for the display's next frame. */
interface EditTiming { dom: number; render: number; painted: number }

async function timeEdits(app: AppPage, ranges: number[]): Promise<EditTiming[]> {
  const samples: EditTiming[] = [];
  for (const range of ranges) {
    const t = await app.page.evaluate(async (km) => {
      const input = document.querySelector('input[name="range-km"]') as HTMLInputElement;
      // The layer, not one launch's track: an edited launch's track is replaced, not changed in place.
      const layer = document.querySelector('.flight-layer')!;
      const done = new Promise<{ dom: number; render: number; painted: number }>((resolve) => {
        new MutationObserver((_, obs) => {
          obs.disconnect();
          const dom = performance.now();
          requestAnimationFrame(() => {
            const r0 = performance.now();
            const c = new MessageChannel();
            c.port1.onmessage = () => {
              const end = performance.now();
              resolve({ dom: dom - t0, render: end - r0, painted: end - t0 });
            };
            c.port2.postMessage(0);
          });
        }).observe(layer, { subtree: true, childList: true, attributes: true });
      });
      const t0 = performance.now();
      input.value = String(km);
      input.dispatchEvent(new Event('change', { bubbles: true }));
      return done;
    }, range);
    samples.push(t);
    await expect.poll(() => app.rangeKm()).toBeCloseTo(range, -1);
    // Let the analyses that follow an edit finish, so each edit starts from a quiet page.
    await app.page.waitForTimeout(300);
  }
  return samples;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

test('speed: editing a launch redraws its arc (measured, budget one frame)', async ({ page }) => {
  const app = new AppPage(page);
  await app.gotoApp();
  const ranges = [1800, 2100, 2400, 1500, 2000, 2600, 1700, 2300, 1850, 2150, 2450, 1550, 2050, 2550, 1750, 2250];
  const lines: string[] = [];
  for (const shape of ['as-reported', 'min-energy']) {
    await app.choose('shape', shape);
    await expect(page.locator('.flight-error')).toHaveCount(0);
    // As after each edit: the analyses that follow the change of shape finish before the first timed edit.
    await page.waitForTimeout(300);
    const s = await timeEdits(app, ranges);
    const work = s.map((x) => x.dom + x.render);
    const f = (x: number) => x.toFixed(1);
    lines.push(
      `Edit to redrawn arc, Hwasong-12 ${shape}, ${s.length} edits, medians: edit to arc in the page ${f(median(s.map((x) => x.dom)))} ms ` +
        `+ its frame's style, layout and paint ${f(median(s.map((x) => x.render)))} ms = ${f(median(work))} ms of work (budget 16 ms; max ${f(Math.max(...work))} ms); ` +
        `edit to painted frame ${f(median(s.map((x) => x.painted)))} ms (includes waiting for the display's frame)`,
    );
  }
  console.log(lines.join('\n'));
  mkdirSync('test-results', { recursive: true });
  appendFileSync('test-results/metrics.txt', lines.join('\n') + '\n');
  expect(lines.length).toBe(2);
});
