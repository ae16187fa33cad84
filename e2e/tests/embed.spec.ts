import { expect, test } from '../pages/test';
import { AppPage } from '../pages/app-page';
import { EmbedHost, snippetSrc, StoryPage } from '../pages/embed-host';

// The article's server listens 1000 ports above the app's, so parallel checkouts (E2E_PORT) do not clash.
const host = new EmbedHost(Number(process.env.E2E_PORT ?? 8091) + 1000);

test.beforeAll(() => host.start());
test.afterAll(() => host.stop());

/** The share dialog's embed snippet for a preset. */
async function embedSnippet(app: AppPage): Promise<string> {
  await app.gotoApp();
  await app.scenario.preset('2017-08-29-hwasong-12');
  const { snippet } = await app.scenario.openShareDialog();
  // Responsive: it keeps the map's shape at the column's width, never wider than the column.
  expect(snippet).toMatch(/^<div style="[^"]*max-width:960px;aspect-ratio:16\/10"><iframe src="http:\/\/127\.0\.0\.1:\d+\/\?embed#s=1\./);
  expect(snippet).not.toContain('800');
  return snippet;
}

test('an embed inside a cross-origin iframe fills its frame and plays', async ({ page }) => {
  const snippet = await embedSnippet(new AppPage(page));
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // The host server has no favicon: only the app's own messages count.
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.location().url.startsWith(host.origin)) errors.push(`${m.location().url}: ${m.text()}`);
  });
  for (const w of [800, 360]) {
    const embed = await host.open(page, snippet, w);
    await embed.flightDrawn(20_000);
    // No editing chrome; play and the scrubber stay.
    await expect(embed.topbar).toHaveCount(0);
    await expect(embed.sidePanel).toHaveCount(0);
    await expect(embed.clock.scrubber).toBeVisible();
    // The frame keeps its shape at the column's width; the title strip, the map and the clock fill it.
    const frame = (await embed.iframe.boundingBox())!;
    expect(Math.abs(frame.width - w)).toBeLessThan(2);
    expect(Math.abs(frame.height - (w * 10) / 16)).toBeLessThan(2);
    const map = (await embed.map.svg.boundingBox())!;
    const clock = (await embed.clock.bar.boundingBox())!;
    const strip = (await embed.titleStrip.boundingBox())!;
    expect(Math.abs(map.width - frame.width)).toBeLessThan(2);
    expect(Math.abs(strip.height + map.height + clock.height - frame.height)).toBeLessThan(3);
    await expect(embed.caption).toHaveText('Shared Picture');
    await expect(embed.openFull).toBeVisible();
    // It plays.
    await expect(embed.clock.elapsed).toHaveText('T+00:00');
    const alt0 = await embed.map.missileAltKm();
    await embed.clock.play();
    await expect(embed.clock.elapsed).not.toHaveText('T+00:00');
    await expect.poll(() => embed.map.missileAltKm()).toBeGreaterThan(alt0 + 5);
    await embed.clock.pause();
  }
  expect(errors).toEqual([]);
});

test('an embed opens at the shared moment and stores nothing', async ({ page }) => {
  const app = new AppPage(page);
  await app.gotoApp();
  await app.scenario.preset('2022-10-04-hwasong-12');
  await app.clock.seek(300);
  const { snippet } = await app.scenario.openShareDialog();
  const src = snippetSrc(snippet);
  expect(src).toContain('&t=300');
  // The user's own scenario is in storage (written once the edit's frame has painted); opening an embed of
  // another must not replace it.
  await app.scenario.preset('2017-11-29-hwasong-15');
  await expect.poll(async () => (await app.scenario.stored())?.launches.map((l) => l.missile)).toEqual(['hwasong-15']);
  const stored = await app.scenario.storedText();
  await page.goto(src);
  await expect(app.clock.elapsed).toHaveText('T+05:00');
  await expect(app.sidePanel).toHaveCount(0);
  expect(await app.scenario.storedText()).toBe(stored);
});

test('a link carries the view: picture, comparison, fans, speed, panel and preset', async ({ browser, page }) => {
  const app = new AppPage(page);
  await app.gotoApp();
  await app.scenario.preset('2017-11-29-hwasong-15');
  await app.clock.chooseSpeed(128);
  await app.clock.seek(200);
  // The reader zooms in and pans.
  await app.map.wheel(await app.map.paneCentre(), -400);
  const centre = await app.map.paneCentre();
  await app.map.drag(centre, -120, 80);
  const looked = { at: await app.map.readAt(centre), scale: await app.map.scale() };
  const { link } = await app.scenario.openShareDialog();
  expect(link).toMatch(/&v=1&p=\d+&c=\d+&a=100&k=ray&z=[\d.]+,[\d.]+,[\d.]+&x=128&pr=2017-11-29-hwasong-15$/);
  // Each link opened in a page of its own (a reader's first visit), of the same size.
  const open = async (hash: string) => {
    const opened = new AppPage(await (await browser.newContext({ viewport: page.viewportSize() })).newPage());
    await opened.goto(`/${hash}`);
    return opened;
  };
  // The link as it is: the same moment, speed and preset, and the map where the reader left it.
  let other = await open(new URL(link).hash);
  await expect(other.clock.elapsed).toHaveText('T+03:20');
  await expect(other.clock.speed).toHaveValue('128');
  await expect(other.scenario.presetNote).toHaveAttribute('data-preset', '2017-11-29-hwasong-15');
  const at = await other.map.readAt(await other.map.paneCentre());
  expect(Math.abs(at.lat - looked.at.lat) + Math.abs(at.lon - looked.at.lon)).toBeLessThan(0.02);
  expect(Math.abs((await other.map.scale()) / looked.scale - 1)).toBeLessThan(0.01);
  // A link whose view shows Japan with sharing against Japan alone, side by side, with fans at 300 km.
  other = await open(new URL(link).hash.replace(/&p=\d+&c=\d+s?/, '&p=3&c=0s').replace('&a=100', '&a=300'));
  await expect(other.mapFrames).toHaveCount(2);
  // The page writes the view it opened back into its address.
  await expect.poll(() => other.page.url()).toContain('&a=300&');
  // A link made before links carried the view opens as it did.
  const old = new URL(link).hash.replace(/&v=1.*$/, '');
  other = await open(old);
  await expect(other.clock.elapsed).toHaveText('T+03:20');
  await expect(other.mapFrames).toHaveCount(1);
  // The open panel.
  other = await open(`${old}&v=1&o=explorer`);
  await expect(other.explorer.root).toBeVisible();
  // A hostile view field is refused with its name.
  other = await open(`${old}&v=1&a=1e308`);
  await expect(other.root.getByText("link view a: '1e308' is not a number from 0 to 1000")).toBeVisible();
});

test('a host page drives a cross-origin embed through every command and hears every event', async ({ page }) => {
  const app = new AppPage(page);
  await app.gotoApp();
  // A scenario file (the stored one), and a share link of another preset, for the scenario command.
  await app.scenario.preset('2017-11-29-hwasong-15');
  await expect.poll(async () => (await app.scenario.stored())?.launches.map((l) => l.missile)).toEqual(['hwasong-15']);
  const scenarioFile = JSON.parse((await app.scenario.storedText())!);
  await app.scenario.preset('2022-10-04-hwasong-12');
  const otherLink = new URL((await app.scenario.openShareDialog()).link).hash.slice(1);
  await app.scenario.shareDialog.close();
  await app.scenario.preset('2017-08-29-hwasong-12');
  await app.scenario.openShareDialog();
  const dialog = app.scenario.shareDialog;
  // A caption is the author's text: shown as text, never as markup.
  const caption = '<img src=x onerror="document.title=1">Japan sees it at its horizon';
  await dialog.caption.fill(caption);
  await dialog.caption.press('Tab');
  await dialog.origin.fill('https://a.example/path');
  await dialog.origin.press('Tab');
  await expect(dialog.optionError).toHaveText(/^embed option origin: 'https:\/\/a\.example\/path' is not \* or an origin/);
  await dialog.origin.fill(host.origin);
  await dialog.origin.press('Tab');
  await expect(dialog.optionError).toHaveCount(0);
  await expect(dialog.snippet).toHaveValue(/origin=http%3A%2F%2F127\.0\.0\.1%3A\d+#s=1\./);
  await expect(dialog.preview).toHaveAttribute('src', /\?embed&caption=/);
  const snippet = await dialog.snippet.inputValue();

  const embed = await host.open(page, snippet, 800);
  const ready = await embed.hears('ready');
  expect(ready.pictures).toContain('Japan alone');
  expect(ready.preset).toBe('2017-08-29-hwasong-12');
  await expect(embed.caption).toHaveText(caption);
  await expect(embed.titleStrip.locator('img')).toHaveCount(0);
  await expect(embed.openFull).toHaveAttribute('target', '_blank');
  // The full view of what the embed shows: the page itself (no embed query), with its scenario and view.
  await expect(embed.openFull).toHaveAttribute('href', /^\.\/#s=1\.[^&]+&m=\d+&t=0&v=1&.*pr=2017-08-29-hwasong-12$/);
  await embed.analysesDone();

  // speed, play, pause
  await embed.tell({ sharedPicture: 1, command: 'speed', speed: 128 });
  await expect(embed.clock.speed).toHaveValue('128');
  await embed.tell({ sharedPicture: 1, command: 'play' });
  await embed.hears('time', { playing: true });
  await embed.tell({ sharedPicture: 1, command: 'pause' });
  await embed.hears('time', { playing: false });
  // picture and compare: the alerts are the shown picture's.
  await embed.tell({ sharedPicture: 1, command: 'seek', t_s: 0 });
  await embed.hears('time', { t_s: 0 });
  await embed.tell({ sharedPicture: 1, command: 'picture', name: 'Japan alone' });
  await embed.tell({ sharedPicture: 1, command: 'compare', name: 'Japan with sharing', side_by_side: true });
  await expect(embed.mapFrames).toHaveCount(2);
  await embed.forget();
  // seek through the whole flight: every event on the way, in time order.
  await embed.tell({ sharedPicture: 1, command: 'seek', t_s: 5000 });
  const impact = await embed.hears('impact');
  const detection = await embed.hears('first-detection', { picture: 'Japan alone' });
  const track = await embed.hears('track-established', { picture: 'Japan with sharing' });
  const alert = await embed.hears('alert', { picture: 'Japan alone' });
  expect(detection.t_s as number).toBeLessThan(impact.t_s as number);
  expect(track.t_s as number).toBeLessThan(impact.t_s as number);
  expect([100, 25]).toContain(alert.within_km);
  await embed.tell({ sharedPicture: 1, command: 'compare', name: null });
  await expect(embed.mapFrames).toHaveCount(1);

  // preset, and a scenario as a link and as a file: each answered by ready.
  await embed.forget();
  await embed.tell({ sharedPicture: 1, command: 'preset', id: '2017-11-29-hwasong-15' });
  await embed.hears('ready', { preset: '2017-11-29-hwasong-15' });
  await embed.forget();
  await embed.tell({ sharedPicture: 1, command: 'scenario', link: otherLink });
  await embed.hears('ready', { preset: '2022-10-04-hwasong-12' });
  await embed.forget();
  await embed.tell({ sharedPicture: 1, command: 'scenario', file: scenarioFile });
  await embed.hears('ready', { preset: null });

  // Hostile commands: each answered by an error naming the field; nothing else changes.
  for (const [command, field] of [
    [{ sharedPicture: 1, command: 'seek', t_s: 1e308 }, 't_s'],
    [{ sharedPicture: 1, command: 'seek', t_s: '10' }, 't_s'],
    [{ sharedPicture: 1, command: 'speed', speed: 3 }, 'speed'],
    [{ sharedPicture: 1, command: 'picture', name: 42 }, 'name'],
    [{ sharedPicture: 1, command: 'picture', name: 'x'.repeat(100_000) }, 'name'],
    [{ sharedPicture: 1, command: 'compare', name: 'Mars' }, 'name'],
    [{ sharedPicture: 1, command: 'preset', id: '<img src=x>' }, 'id'],
    [{ sharedPicture: 1, command: 'scenario', link: 's=1.%%%' }, 'link'],
    [{ sharedPicture: 1, command: 'scenario', file: { version: 1, launches: 'x' } }, 'file'],
    [{ sharedPicture: 1, command: 'fly' }, 'command'],
    [{ sharedPicture: 2, command: 'play' }, 'sharedPicture'],
  ] as const) {
    await embed.forget();
    await embed.tell(command);
    const e = await embed.hears('error', { field });
    expect(String(e.message)).toMatch(new RegExp(`^${field}: `));
  }
  // Someone else's messages are ignored.
  await embed.forget();
  await embed.tell({ type: 'play' });
  await embed.tell({ sharedPicture: 1, command: 'seek', t_s: 1 });
  await embed.hears('time', { t_s: 1 });
  expect((await embed.heard()).filter((e) => e.event === 'error')).toEqual([]);
});

test('by default an embed takes no commands from, and tells nothing to, another origin', async ({ page }) => {
  const embed = await host.open(page, await embedSnippet(new AppPage(page)), 800);
  await embed.flightDrawn(20_000);
  await embed.tell({ sharedPicture: 1, command: 'seek', t_s: 300 });
  // The reader's own choice, made after the command arrived, shows the embed running; the command was not taken.
  await embed.clock.chooseSpeed(64);
  await expect(embed.clock.speed).toHaveValue('64');
  await expect(embed.clock.elapsed).toHaveText('T+00:00');
  expect(await embed.heard()).toEqual([]);
});

test('an embed plays at once, loops between its start and end, and hides the chrome its link names', async ({ page }) => {
  const snippet = await embedSnippet(new AppPage(page));
  const options = `?embed&amp;autoplay&amp;loop&amp;from=100&amp;to=130&amp;hide=legend,clock&amp;origin=${encodeURIComponent(host.origin)}`;
  const embed = await host.open(page, snippet.replace('?embed', options), 800);
  const ready = await embed.hears('ready');
  expect(ready.t_s).toBe(100);
  await embed.hears('time', { playing: true });
  // It reaches the end time, then starts again from the start time.
  await expect
    .poll(async () => {
      const times = (await embed.heard()).filter((e) => e.event === 'time').map((e) => e.t_s as number);
      const end = times.findIndex((t) => t >= 125);
      return end >= 0 && times.slice(end).some((t) => t < 110);
    }, { timeout: 20_000 })
    .toBe(true);
  expect(Math.max(...(await embed.heard()).filter((e) => e.event === 'time').map((e) => e.t_s as number))).toBeLessThanOrEqual(130);
  await expect(embed.legend).toBeHidden();
  await expect(embed.clock.bar).toBeHidden();
  await expect(embed.caption).toHaveText('Shared Picture');
  // A bad option is left out and named, in the strip and to the host.
  const bad = await host.open(page, snippet.replace('?embed', `?embed&amp;from=1e308&amp;origin=*`), 800);
  await expect(bad.titleStrip.getByRole('alert')).toHaveText("embed option from: '1e308' is not a time from 0 to 93600 s after the start");
  await bad.hears('error', { field: 'from' });
});

test('the scrolling story of docs/embed drives its embed as each section comes into view', async ({ page, baseURL }) => {
  const story = await StoryPage.open(host, page, `${baseURL}/`);
  await story.embed.flightDrawn(20_000);
  await story.scrollTo(0);
  await expect(story.log).toContainText('"preset":"2017-08-29-hwasong-12"');
  await story.scrollTo(1);
  await expect(story.status).toHaveText('T+1:00');
  await story.scrollTo(2);
  await expect(story.embed.mapFrames).toHaveCount(2);
  await expect(story.status).toHaveText('T+2:00');
  await expect(story.log).toContainText('"event":"first-detection"');
  await story.scrollTo(3);
  await expect(story.embed.mapFrames).toHaveCount(1);
  await expect(story.status).toContainText('(playing)');
  await expect(story.log).toContainText('"event":"impact"', { timeout: 60_000 });
  await expect(story.log).not.toContainText('error');
});
