import { expect, test } from '../pages/test';
import { AppPage } from '../pages/app-page';

test.describe('a first visit', () => {
  test.use({ legendSeen: false });

  test('the legend is open, names each nation in its map colour, and stays closed once closed', async ({ page }) => {
    const app = new AppPage(page);
    await app.gotoApp();
    const legend = page.locator('details.map-legend');
    await expect(legend).toHaveAttribute('open', '');
    await expect(legend.locator('summary')).toHaveText('Legend');
    // The nations' swatches are the colours the map draws their radars' fans in.
    const sensors = await app.sensors.list();
    for (const [key, name] of [['KR', 'South Korea'], ['JP', 'Japan'], ['US', 'United States']]) {
      const row = legend.locator(`li[data-nation="${key}"]`);
      await expect(row).toHaveText(name);
      const swatch = await row.locator('rect').getAttribute('fill');
      const fans = sensors.filter((s) => s.nation === key).map((s) => page.locator(`path.fan[data-sensor="${s.name}"]`));
      const fills = await Promise.all(fans.map(async (f) => ((await f.count()) ? f.first().getAttribute('fill') : null)));
      const fill = fills.find((f) => f !== null);
      expect(fill, `a fan of ${name}`).toBeTruthy();
      expect(swatch?.toLowerCase()).toBe(fill!.toLowerCase());
    }
    for (const words of ['Fan:', 'Line of sight', 'Track in the picture shown', 'Predicted impact']) {
      await expect(legend).toContainText(words);
    }
    // It lies over the map, clear of Korea and Japan.
    const box = (await legend.boundingBox())!;
    for (const place of ['Seoul', 'Pyongyang', 'Tokyo']) {
      const p = await app.map.placePosition(place);
      const inside = p.x >= box.x && p.x <= box.x + box.width && p.y >= box.y && p.y <= box.y + box.height;
      expect(inside, `${place} under the legend`).toBe(false);
    }
    await legend.locator('summary').click();
    await expect(legend).not.toHaveAttribute('open', '');
    await page.reload();
    await app.flightDrawn();
    await expect(page.locator('details.map-legend')).not.toHaveAttribute('open', '');
  });
});

test.describe('a first visit on a phone', () => {
  test.use({ legendSeen: false, viewport: { width: 360, height: 740 } });

  test('the legend waits closed, one tap away, so that it does not cover the map', async ({ page }) => {
    const app = new AppPage(page);
    await app.gotoApp();
    const legend = page.locator('details.map-legend');
    await expect(legend).not.toHaveAttribute('open', '');
    await legend.locator('summary').click();
    await expect(legend).toHaveAttribute('open', '');
    await expect(legend.locator('li[data-nation="JP"]')).toBeVisible();
  });
});

test('the "now" line tells the horizon story from the models\' events as the clock moves', async ({ page }) => {
  const app = new AppPage(page);
  await app.gotoApp();
  const line = page.locator('.now-line');
  await expect(line).toHaveText(/^T\+00:00: /);
  // The sensors' first detections, from the sensors list (seconds after launch).
  const rows = (await app.sensors.list()).filter((r) => r.first !== null);
  const first = (n: string) => Math.min(...rows.filter((r) => r.nation === n).map((r) => r.first!));
  const [kr, jp] = [first('KR'), first('JP')];
  expect(kr).toBeLessThan(jp);
  // Between Korea's first detection and Japan's: Korea has it, Japan waits for its horizon.
  const t = Math.round((kr + jp) / 2);
  await app.clock.seek(t);
  await expect(line).toContainText("South Korea's");
  await expect(line).toContainText("Japan's sensors cannot see it until about T+");
  await expect(line).toContainText('when it clears their horizon');
  await expect(line).not.toContainText('-0');
  // After impact: the first detections of each nation, in the order of the story.
  await app.clock.seek(await app.clock.endS());
  await expect(line).toContainText('impact at');
  await expect(line).toContainText('First detections: South Korea at T+');
  // Measured against Japan's own picture: what sharing adds.
  await expect(line).toContainText(/Japan with sharing: first track at T\+\d\d:\d\d \(Japan alone: T\+\d\d:\d\d\)\./);
});
