import { expect, test } from '../pages/test';
import { AppPage } from '../pages/app-page';

/** Waits until the page has acted on the scenario as it is now. Storage and the address bar are written once
 * a change's frame has painted, in the order the changes came; a seek made after the change is written after
 * it, so once the address bar shows the seek, storage holds whatever the page decided to store. */
async function settled(app: AppPage, seconds: number) {
  await app.clock.seek(seconds);
  await expect.poll(() => app.page.url()).toMatch(new RegExp(`&t=${seconds}&v=1&`));
}

/** A share link to a preset's scenario, made in the open page (which then shows that preset). */
async function linkTo(app: AppPage, preset: string): Promise<string> {
  await app.scenario.preset(preset);
  await app.scenario.addressBarWritten();
  return app.page.url();
}

test('a link opened in the open page is shown, not stored, and says so', async ({ page }) => {
  const app = new AppPage(page);
  const scenario = app.scenario;
  await app.gotoApp();
  const link = await linkTo(app, '2017-11-29-hwasong-15');
  // The reader's own scenario: two launches, stored.
  await scenario.preset('2019-07-25-kn-23-salvo');
  await expect(scenario.launchRows).toHaveCount(2);
  await scenario.saved();
  await expect(scenario.sharedLink).toBeHidden();

  await scenario.openInPlace(link);
  await expect(scenario.launchRows).toHaveCount(1);
  await expect(app.launch.missile).toHaveValue('hwasong-15');
  await expect(scenario.sharedLink).toContainText('Your own scenario is kept in this browser.');
  await expect(scenario.keepButton).toBeVisible();
  await expect(scenario.backButton).toBeVisible();
  await settled(app, 120);
  expect((await scenario.stored())?.launches).toHaveLength(2);

  // Without the link, the stored scenario opens.
  await app.gotoApp();
  await expect(scenario.launchRows).toHaveCount(2);
  await expect(scenario.sharedLink).toBeHidden();

  // "Back to my scenario" shows it again, and the address bar follows.
  await scenario.openInPlace(link);
  await expect(scenario.launchRows).toHaveCount(1);
  await scenario.backButton.click();
  await expect(scenario.launchRows).toHaveCount(2);
  await expect(scenario.sharedLink).toBeHidden();
  await expect.poll(() => page.url()).not.toContain(new URL(link).hash);
  expect((await scenario.stored())?.launches).toHaveLength(2);
});

test('a link is stored once the reader keeps it or changes it', async ({ page }) => {
  const app = new AppPage(page);
  const scenario = app.scenario;
  await app.gotoApp();
  const link = await linkTo(app, '2017-11-29-hwasong-15');
  const salvo = await linkTo(app, '2019-07-25-kn-23-salvo');
  await scenario.saved();

  // Opened at start: the banner offers to keep it.
  // From another page, so that the link opens at start (not only its fragment changing).
  await page.goto('about:blank');
  await app.gotoApp(link);
  await expect(scenario.launchRows).toHaveCount(1);
  await expect(scenario.sharedLink).toBeVisible();
  await scenario.keepButton.click();
  await expect(scenario.sharedLink).toBeHidden();
  await app.gotoApp();
  await expect(scenario.launchRows).toHaveCount(1);
  await expect(app.launch.missile).toHaveValue('hwasong-15');
  await expect(scenario.sharedLink).toBeHidden();

  // An edit keeps it too.
  await scenario.openInPlace(salvo);
  await expect(scenario.launchRows).toHaveCount(2);
  await expect(scenario.sharedLink).toBeVisible();
  await scenario.setLaunchTime(1, 600);
  await expect(scenario.sharedLink).toBeHidden();
  await scenario.saved();
  await app.gotoApp();
  await expect.poll(() => scenario.launchTimes()).toEqual([0, 600]);
});

test('a link opened with nothing stored offers to keep it, not to go back', async ({ page, browser }) => {
  const app = new AppPage(page);
  const scenario = app.scenario;
  await app.gotoApp();
  const link = await linkTo(app, '2017-11-29-hwasong-15');
  const other = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const fresh = new AppPage(await other.newPage());
  await fresh.page.goto(link);
  await fresh.flightDrawn();
  await expect(fresh.scenario.sharedLink).toContainText('not kept in this browser');
  await expect(fresh.scenario.keepButton).toBeVisible();
  await expect(fresh.scenario.backButton).toBeHidden();
  expect(await fresh.scenario.storedText()).toBeNull();
  await other.close();
});

/** Stores `text` as the scenario, reloads, and checks that the page set it aside, says so, and offers it. */
async function unreadableIsKeptAside(app: AppPage, text: string, why: string) {
  const scenario = app.scenario;
  await scenario.store(text);
  await app.gotoApp();
  await expect(scenario.notice).toContainText('Your saved scenario could not be opened');
  await expect(scenario.notice).toContainText(why);
  await expect(scenario.notice).toContainText('kept aside');
  expect(await scenario.asideText()).toBe(text);
  // An edit stores the reader's scenario; the unreadable one stays aside.
  await scenario.addLaunch();
  await scenario.saved();
  expect((await scenario.stored())?.launches).toHaveLength(2);
  expect(await scenario.asideText()).toBe(text);
  const file = await scenario.downloadUnreadable();
  expect(file.name).toBe('unreadable-scenario.json');
  expect(file.text).toBe(text);
}

test('a corrupt stored scenario is kept aside and can be downloaded', async ({ page }) => {
  const app = new AppPage(page);
  await app.gotoApp();
  await unreadableIsKeptAside(app, '{"version": 1, "seed": ', 'scenario file');
});

test('a stored scenario from a newer version is kept aside and can be downloaded', async ({ page }) => {
  const app = new AppPage(page);
  await app.gotoApp();
  const file = JSON.parse(await app.scenario.exportFile());
  file.version = 999;
  await unreadableIsKeptAside(app, JSON.stringify(file, null, 2), 'the file is version 999');
});

test('a stored text too long to be a scenario is kept aside unread', async ({ page }) => {
  const app = new AppPage(page);
  await app.gotoApp();
  await unreadableIsKeptAside(app, ' '.repeat(1_100_000), 'is more than the 1048576 bytes');
});

test('keeping a link does not write over an unreadable stored scenario before it is set aside', async ({ page }) => {
  const app = new AppPage(page);
  const scenario = app.scenario;
  await app.gotoApp();
  const link = await linkTo(app, '2017-11-29-hwasong-15');
  await scenario.saved();
  const corrupt = '{"launches": [';
  await scenario.store(corrupt);
  // From another page, so that the link opens at start (not only its fragment changing).
  await page.goto('about:blank');
  await app.gotoApp(link);
  await expect(scenario.notice).toContainText('kept aside');
  await expect(scenario.backButton).toBeHidden();
  await scenario.keepButton.click();
  await expect(scenario.sharedLink).toBeHidden();
  expect((await scenario.stored())?.launches).toHaveLength(1);
  expect(await scenario.asideText()).toBe(corrupt);
});
