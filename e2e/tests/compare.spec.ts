import { expect, test } from '@playwright/test';
import { AppPage } from '../pages/app-page';

test('two pictures side by side: one map each, same clock, moving together', async ({ page }) => {
  const app = new AppPage(page);
  await app.gotoApp();
  await app.choose('compare-with', 'Japan');
  await page.locator('input[name="side-by-side"]').check();
  const frames = page.locator('.map-frame');
  await expect(frames).toHaveCount(2);
  await expect(frames.nth(0).locator('figcaption')).toHaveText('Trilateral (Hawaii hub)');
  await expect(frames.nth(1).locator('figcaption')).toHaveText('Japan');
  const left = frames.nth(0).locator('.map');
  const right = frames.nth(1).locator('.map');
  // Each map shows its own picture, solid; neither overlays the other.
  await expect(left.locator('.tracks.primary')).toHaveAttribute('data-picture', 'Trilateral (Hawaii hub)');
  await expect(right.locator('.tracks.primary')).toHaveAttribute('data-picture', 'Japan');
  await expect(page.locator('.tracks.secondary .track')).toHaveCount(0);
  // At a moment when the trilateral picture has a track and Japan alone has none yet, the maps differ.
  const tri = Number(await page.locator('.marker.track[aria-label^="Trilateral"]').getAttribute('data-t'));
  const japan = Number(await page.locator('.marker.track[aria-label^="Japan:"]').getAttribute('data-t'));
  expect(tri).toBeLessThan(japan);
  await app.slide('scrubber', Math.ceil((tri + japan) / 2));
  await expect(left.locator('.tracks.primary .track').first()).toBeAttached();
  await expect(right.locator('.tracks.primary .track')).toHaveCount(0);
  // Panning the left map pans the right one by the same amount.
  const before = await right.locator('g.world').getAttribute('transform');
  const box = (await left.boundingBox())!;
  await app.drag({ x: box.x + box.width / 2, y: box.y + box.height / 2 }, 80, 40);
  await expect.poll(() => right.locator('g.world').getAttribute('transform')).not.toBe(before);
  // Same scale, and the same map point at each map's centre (the panes may differ by a pixel in size).
  const centre = async (m: typeof left) => {
    const b = (await m.boundingBox())!;
    const [a, , , , e, f] = ((await m.locator('g.world').getAttribute('transform')) ?? '').match(/matrix\(([^)]*)\)/)![1].split(/[ ,]+/).map(Number);
    return { scale: a, x: (b.width / 2 - e) / a, y: (b.height / 2 - f) / a };
  };
  const [l, r] = [await centre(left), await centre(right)];
  expect(r.scale).toBeCloseTo(l.scale, 9);
  expect(Math.abs(r.x - l.x) * l.scale).toBeLessThan(1);
  expect(Math.abs(r.y - l.y) * l.scale).toBeLessThan(1);
  // Back to one map.
  await page.locator('input[name="side-by-side"]').uncheck();
  await expect(frames).toHaveCount(1);
});
