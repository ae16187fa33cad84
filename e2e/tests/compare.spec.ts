import { expect, test } from '../pages/test';
import { AppPage } from '../pages/app-page';

test('two pictures side by side: one map each, same clock, moving together', async ({ page }) => {
  const app = new AppPage(page);
  await app.gotoApp();
  await app.pictures.compare('Japan alone');
  await app.pictures.sideBySide.check();
  await expect(app.mapFrames).toHaveCount(2);
  const [left, right] = [app.mapFrame(0), app.mapFrame(1)];
  await expect(left.caption).toHaveText('Japan with sharing');
  await expect(right.caption).toHaveText('Japan alone');
  // Each map shows its own picture, solid; neither overlays the other.
  await expect(left.map.tracks('primary')).toHaveAttribute('data-picture', 'Japan with sharing');
  await expect(right.map.tracks('primary')).toHaveAttribute('data-picture', 'Japan alone');
  await expect(left.map.trackMarks('secondary')).toHaveCount(0);
  await expect(right.map.trackMarks('secondary')).toHaveCount(0);
  // At a moment when Japan's picture with sharing has a track and Japan alone has none yet, the maps differ.
  const tri = await app.clock.markerTime(app.clock.pictureMarker('Japan with sharing', 'first track'));
  const japan = await app.clock.markerTime(app.clock.pictureMarker('Japan alone', 'first track'));
  expect(tri).toBeLessThan(japan);
  await app.clock.seek(Math.ceil((tri + japan) / 2));
  await expect(left.map.trackMarks('primary').first()).toBeAttached();
  await expect(right.map.trackMarks('primary')).toHaveCount(0);
  // Each says so under its name, at the time the scrubber's marker gives.
  const mmss = (s: number) => {
    const t = Math.round(s);
    return `T+${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
  };
  await expect(left.trackStatus).toHaveText(`: track since ${mmss(tri)}`);
  await expect(right.trackStatus).toHaveText(': no track yet');
  // Each map draws only its own picture's radars: Japan alone has no South Korean fan, site or line of sight.
  const nations = async (m: typeof left.map) =>
    new Set(await m.root.locator('.sensor-layer [data-nation]').evaluateAll((els) => els.map((e) => e.getAttribute('data-nation'))));
  expect([...(await nations(right.map))]).toEqual(['JP']);
  expect(await nations(left.map)).toContain('KR');
  // Panning the left map pans the right one by the same amount.
  const before = await right.map.transform();
  await left.map.drag(await left.map.paneCentre(), 80, 40);
  await expect.poll(() => right.map.transform()).not.toEqual(before);
  // Same scale, and the same map point at each map's centre (the panes may differ by a pixel in size).
  const [l, r] = [await left.map.centre(), await right.map.centre()];
  expect(r.scale).toBeCloseTo(l.scale, 9);
  expect(Math.abs(r.x - l.x) * l.scale).toBeLessThan(1);
  expect(Math.abs(r.y - l.y) * l.scale).toBeLessThan(1);
  // Back to one map.
  await app.pictures.sideBySide.uncheck();
  await expect(app.mapFrames).toHaveCount(1);
});
