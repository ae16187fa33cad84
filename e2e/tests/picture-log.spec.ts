import { expect, test } from '../pages/test';
import { AppPage } from '../pages/app-page';
import { PictureLog } from '../pages/picture-log';

/** "T+01:35" as seconds. */
function tPlus(text: string): number {
  const m = text.match(/^T\+(\d+):(\d\d)/);
  if (!m) throw new Error(`"${text}" does not begin with its T+ time`);
  return Number(m[1]) * 60 + Number(m[2]);
}

test('the picture log lists the events up to the clock and announces the newest', async ({ page }) => {
  const app = new AppPage(page);
  await app.gotoApp();
  await app.analysesSettled();
  const log = new PictureLog(app.root);
  await log.open();

  // At the end: launch first, impact last, in time order, Korea's first detection before Japan's, and the
  // shown picture's track.
  await app.clock.seek(await app.clock.endS());
  await expect(log.items.last()).toHaveText(/: impact\.$/);
  const all = await log.texts();
  expect(all[0]).toBe('T+00:00: launch.');
  const times = all.map(tPlus);
  expect(times).toEqual([...times].sort((a, b) => a - b));
  const at = (needle: string) => all.findIndex((t) => t.includes(needle));
  expect(at("South Korea's first detection")).toBeGreaterThan(0);
  expect(at("Japan's first detection")).toBeGreaterThan(at("South Korea's first detection"));
  expect(at('a track is established and kept')).toBeGreaterThan(0);
  await expect(log.announcer).toHaveText(all[all.length - 1]);

  // Back between Korea's and Japan's first detections: Japan's is not in the log yet, and the announcer says
  // the newest that is.
  const korea = times[at("South Korea's first detection")];
  const japan = times[at("Japan's first detection")];
  expect(japan).toBeGreaterThan(korea + 2);
  await app.clock.seek(Math.floor((korea + japan) / 2));
  await expect(log.items).not.toHaveCount(all.length);
  const now = await log.texts();
  expect(now.some((t) => t.includes("South Korea's first detection"))).toBe(true);
  expect(now.some((t) => t.includes("Japan's first detection"))).toBe(false);
  await expect(log.announcer).toHaveText(now[now.length - 1]);
});
