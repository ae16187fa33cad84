import { expect, test } from '@playwright/test';
import { appendFileSync, mkdirSync } from 'node:fs';
import { ScenarioPage } from '../pages/scenario-page';

test('a preset loads with its note, its sources and its launches', async ({ page }) => {
  const app = new ScenarioPage(page);
  await app.gotoApp();
  await app.preset('2019-07-25-kn-23-salvo');
  await expect(app.launchRows).toHaveCount(2);
  await expect(page.locator('.map .flight-track')).toHaveCount(2);
  await expect(page.locator('.preset-note')).toContainText('Hodo');
  await expect(page.locator('.preset-note .sources')).toContainText('Joint Chiefs of Staff');
  const launches = await app.launches();
  expect(launches.map((l) => l.time)).toEqual([0, 1380]);
  expect(launches[0].label).toContain('hwasong-11');
  // Selecting the second launch puts it in the launch editor.
  await page.locator('.launch-list tr[data-launch="1"] button.select-launch').click();
  await expect(page.locator('input[name="azimuth-deg"]')).toHaveValue('65.0');
  await app.preset('2023-07-12-hwasong-18');
  await expect(app.launchRows).toHaveCount(1);
  await expect(page.locator('select[name="missile"]')).toHaveValue('hwasong-18');
});

test('a shared link opened in a new page shows the same tracks at the same time', async ({ page, browser }) => {
  const app = new ScenarioPage(page);
  await app.gotoApp();
  await app.preset('2017-11-29-hwasong-15');
  await app.addLaunch();
  await app.setLaunchTime(1, 200);
  await app.slide('scrubber', 700);
  await expect(page.locator('.elapsed')).toHaveText('T+11:40');
  const tracks = await app.trackPositions();
  expect(tracks.length).toBeGreaterThan(0);
  const { link, snippet } = await app.openShareDialog();
  expect(link).toMatch(/#s=1\.[A-Za-z0-9_-]+&t=700$/);
  expect(snippet).toContain('?embed#s=1.');
  await expect.poll(() => page.url()).toBe(link);

  // A fresh browser profile (nothing stored) opens the link.
  const other = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page2 = await other.newPage();
  const app2 = new ScenarioPage(page2);
  await page2.goto(link);
  await expect(page2.locator('.elapsed')).toHaveText('T+11:40');
  await expect(app2.launchRows).toHaveCount(2);
  expect(await app2.launches()).toEqual(await app.launches());
  await expect.poll(() => app2.trackPositions(), { timeout: 20_000 }).toEqual(tracks);
  await other.close();
});

test('a malformed import shows the field and why, and changes nothing', async ({ page }) => {
  const app = new ScenarioPage(page);
  await app.gotoApp();
  await app.preset('2019-07-25-kn-23-salvo');
  const before = await app.launches();
  await app.addressBarWritten();
  const url = page.url();
  const bad = {
    version: 1,
    seed: 3,
    launches: [{ missile: 'scud-z', site: { lat_rad: 0.684, lon_rad: 2.193, h_m: 0 }, aim: { kind: 'point', lat_deg: 40, lon_deg: 135 }, shape: { kind: 'min_energy' }, launch_time: 0 }],
  };
  await app.importFile('bad.json', JSON.stringify(bad));
  await expect(app.error).toContainText('launches[0].missile');
  await expect(app.error).toContainText('unknown missile');
  await expect(app.error).toContainText('unchanged');
  await app.importFile('broken.json', '{"version": 1, "seed": ');
  await expect(app.error).toContainText('scenario file');
  expect(await app.launches()).toEqual(before);
  expect(page.url()).toBe(url);

  // A good file (exported by the page itself) imports.
  const download = page.waitForEvent('download');
  await page.locator('button.export-scenario').click();
  const file = await download;
  const text = await (await file.createReadStream()).toArray().then((c) => Buffer.concat(c).toString());
  const parsed = JSON.parse(text);
  expect(parsed.version).toBe(1);
  expect(parsed.launches).toHaveLength(2);
  await app.preset('2017-08-29-hwasong-12');
  await expect(app.launchRows).toHaveCount(1);
  await app.importFile('scenario.json', text);
  await expect(app.launchRows).toHaveCount(2);
  await expect(app.error).toHaveCount(0);
});

test('an invalid launch time names the field and keeps the scenario', async ({ page }) => {
  const app = new ScenarioPage(page);
  await app.gotoApp();
  await app.addLaunch();
  const before = await app.launches();
  await app.setLaunchTime(1, -5);
  await expect(app.error).toContainText('Launch 2 time');
  await app.setLaunchTime(1, 100000);
  await expect(app.error).toContainText('between 0 and 86400 s');
  expect(await app.launches()).toEqual(before);
});

test('the scenario survives a reload, and a bad link leaves it in storage', async ({ page }) => {
  const app = new ScenarioPage(page);
  await app.gotoApp();
  await app.preset('2022-10-04-hwasong-12');
  await app.addLaunch();
  await app.setLaunchTime(1, 125);
  await expect.poll(async () => (await app.launches()).map((l) => l.time)).toEqual([0, 125]);
  // The address bar and storage are written once the edit's frame has painted.
  await app.addressBarWritten();
  await page.reload();
  await expect.poll(async () => (await app.launches()).map((l) => l.time)).toEqual([0, 125]);
  // Without the link, from local storage.
  await app.gotoApp();
  await expect.poll(async () => (await app.launches()).map((l) => l.time)).toEqual([0, 125]);
  await expect(page.locator('select[name="site"]')).toHaveValue('Mupyong-ni');
  // A link from an unknown version says why and opens the stored scenario instead.
  await page.goto('about:blank');
  await page.goto('/#s=7.e30&t=5');
  await expect(app.notice).toContainText('link version 7');
  await expect(app.notice).toContainText('unchanged');
  await expect.poll(async () => (await app.launches()).map((l) => l.time)).toEqual([0, 125]);
  // A link pasted into the open page (only the fragment changes) opens too.
  const salvo = await app.launches();
  // The address bar follows the scenario once the edit's frame has painted: wait for each write.
  await expect.poll(() => page.url()).toContain('#s=1.');
  const salvoUrl = page.url();
  await app.preset('2017-11-29-hwasong-15');
  await expect(app.launchRows).toHaveCount(1);
  await expect.poll(() => page.url()).not.toBe(salvoUrl);
  const single = page.url();
  await app.preset('2019-07-25-kn-23-salvo');
  await expect.poll(() => app.launches()).not.toEqual(salvo);
  await page.evaluate((u) => { location.hash = new URL(u).hash; }, single);
  await expect(app.launchRows).toHaveCount(1);
  await expect(page.locator('select[name="missile"]')).toHaveValue('hwasong-15');
});

test('dragging a ship moves its fan', async ({ page }) => {
  const app = new ScenarioPage(page);
  await app.gotoApp();
  const name = 'KDX-III Aegis (East Sea)';
  const ship = app.ship(name);
  const fan = app.fan(name);
  await expect(ship).toBeVisible();
  const s0 = (await ship.boundingBox())!;
  const f0 = (await fan.boundingBox())!;
  const detections0 = await page.locator(`.sensor-list tr[data-sensor="${name}"]`).getAttribute('data-first-detection-s');
  const [x, y] = [s0.x + s0.width / 2, s0.y + s0.height / 2];
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(x + 8 * i, y + 4 * i);
  await page.mouse.up();
  await expect.poll(async () => (await fan.boundingBox())!.x).toBeGreaterThan(f0.x + 60);
  const f1 = (await fan.boundingBox())!;
  const s1 = (await ship.boundingBox())!;
  // The fan moves with the ship (80 px right, 40 px down), and the map did not pan.
  expect(s1.x - s0.x).toBeGreaterThan(70);
  expect(Math.abs(f1.x - f0.x - (s1.x - s0.x))).toBeLessThan(15);
  expect(Math.abs(f1.y - f0.y - (s1.y - s0.y))).toBeLessThan(15);
  // The ship's station is part of the scenario: it is in the share link.
  const { link } = await app.openShareDialog();
  expect(link).toContain('#s=1.');
  expect(detections0 === null || typeof detections0 === 'string').toBe(true);
});

/** Waits until the page has drawn frames on time for half a second (the analyses of an edit have finished). */
async function settle(page: import('@playwright/test').Page) {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        let last = performance.now();
        let calm = 0;
        const give_up = last + 20_000;
        const step = (now: number) => {
          calm = now - last < 25 ? calm + (now - last) : 0;
          last = now;
          if (calm >= 500 || now > give_up) resolve();
          else requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      }),
  );
}

/** Per frame of playback (ms): `interval`, from the previous frame's start (60 Hz gives 16.7); `work`, from the
 * frame's start (its animation-frame time stamp) to the task after its paint: the clock's tick, every view it
 * updates, style, layout and paint, and any wait for work still running when the frame was due. */
interface Frame { interval: number; work: number }

/** Plays at 32x for 4 s and times every frame. */
async function playbackFrames(page: import('@playwright/test').Page): Promise<Frame[]> {
  await page.locator('button.play').click();
  const frames: Frame[] = await page.evaluate(
    () =>
      new Promise<{ interval: number; work: number }[]>((resolve) => {
        const out: { interval: number; work: number }[] = [];
        let last = -1;
        let end = -1;
        let pending = 0;
        const step = (frameStart: number) => {
          if (end < 0) end = frameStart + 4000;
          const interval = last < 0 ? NaN : frameStart - last;
          last = frameStart;
          const c = new MessageChannel();
          pending++;
          c.port1.onmessage = () => {
            out.push({ interval, work: performance.now() - frameStart });
            if (--pending === 0 && frameStart >= end) resolve(out.slice(1));
          };
          c.port2.postMessage(0);
          if (frameStart < end) requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      }),
  );
  await page.locator('button.play').click();
  await page.locator('input.scrubber').evaluate((el) => {
    (el as HTMLInputElement).value = '0';
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  return frames;
}

function summary(label: string, frames: Frame[]): string {
  const at = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))].toFixed(1);
  const work = frames.map((f) => f.work);
  const intervals = frames.map((f) => f.interval);
  const vsync = Number(at(intervals, 0.5));
  const late = intervals.filter((i) => i > 1.5 * vsync).length;
  return (
    `Playback, ${label} at 32x, ${frames.length} frames over 4 s: frame work median ${at(work, 0.5)} ms, p95 ${at(work, 0.95)} ms, ` +
    `max ${at(work, 1)} ms (budget p95 16 ms); frame interval median ${vsync} ms, p95 ${at(intervals, 0.95)} ms, ` +
    `${late} of ${frames.length} frames late by more than half a frame`
  );
}

test('speed: playback of a 10-launch scenario (95th-percentile frame time, budget 16 ms)', async ({ page }) => {
  const app = new ScenarioPage(page);
  await app.gotoApp();
  await app.preset('2017-08-29-hwasong-12');
  await app.choose('speed' as 'site', '32');
  await expect(page.locator('.sensor-list tbody tr[data-first-detection-s]').first()).toBeAttached({ timeout: 30_000 });
  // One launch first, on the same machine at the same moment, to show what the nine others cost.
  await settle(page);
  const one = await playbackFrames(page);
  for (let i = 0; i < 9; i++) await app.addLaunch();
  await expect(app.launchRows).toHaveCount(10);
  await expect(page.locator('.map .flight-track')).toHaveCount(10);
  await expect(page.locator('.sensor-list tbody tr[data-first-detection-s]').first()).toBeAttached({ timeout: 30_000 });
  await settle(page);
  const ten = await playbackFrames(page);
  const lines = [summary('1 launch', one), summary('10 launches', ten)];
  console.log(lines.join('\n'));
  mkdirSync('test-results', { recursive: true });
  appendFileSync('test-results/metrics.txt', lines.join('\n') + '\n');
  // The clock moved on every frame it drew: playback played (the figures above are the measurement).
  expect(ten.length).toBeGreaterThan(60);
  expect(one.length).toBeGreaterThan(60);
});

test('pictures: membership and latencies are edited, and a bad latency names its field', async ({ page }) => {
  const app = new ScenarioPage(page);
  await app.gotoApp();
  await page.locator('.picture-links summary').click();
  const firstRow = page.locator('.picture-links tbody tr').first();
  const picture = (await firstRow.getAttribute('data-picture')) ?? '';
  // Find a nation that does not report to the first picture, and link it with a 4.5 s latency.
  const boxes = firstRow.locator('input[type="checkbox"]');
  let added = -1;
  for (let i = 0; i < 3; i++) {
    if (!(await boxes.nth(i).isChecked())) { added = i; break; }
  }
  expect(added).toBeGreaterThanOrEqual(0);
  await boxes.nth(added).check();
  const latency = firstRow.locator('input[type="number"]').nth(added);
  await expect(latency).toBeEnabled();
  await latency.fill('4.5');
  await latency.dispatchEvent('change');
  await latency.fill('-3');
  await latency.dispatchEvent('change');
  await expect(app.error).toContainText(`${picture} latency from`);
  await expect(app.error).toContainText('-3');
  const download = page.waitForEvent('download');
  await page.locator('button.export-scenario').click();
  const file = await download;
  const text = await (await file.createReadStream()).toArray().then((c) => Buffer.concat(c).toString());
  const links = JSON.parse(text).pictures[0].links as { from: string; latency_ms: number }[];
  expect(links.map((l) => l.latency_ms)).toContain(4500);
  expect(links.length).toBeGreaterThan(1);
});
