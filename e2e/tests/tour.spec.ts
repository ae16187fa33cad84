import { expect, test } from '../pages/test';
import { AppPage } from '../pages/app-page';
import { AxeAudit } from '../pages/a11y';
import { Tour } from '../pages/tour';

/** Seconds after launch as the page writes them: "T+01:35". */
function tPlus(s: number): string {
  const t = Math.max(0, Math.round(s));
  return `T+${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
}

/** A length of time as the tour writes it: "40 s", "2 min", "1 min 05 s", each number held to its unit by a
 * no-break space. */
function span(s: number): string {
  const t = Math.max(0, Math.round(s));
  const [m, r] = [Math.floor(t / 60), t % 60];
  if (m === 0) return `${r}\u00a0s`;
  return r === 0 ? `${m}\u00a0min` : `${m}\u00a0min ${String(r).padStart(2, '0')}\u00a0s`;
}

test.describe('a first visit', () => {
  test.use({ tourSeen: false });

  test('the tour stops at South Korea\'s and Japan\'s first detections and at what sharing adds, with the page\'s own numbers', async ({ page }) => {
    const app = new AppPage(page);
    const tour = new Tour(app.root);
    await app.gotoApp();
    await app.analysesSettled();
    // A non-modal dialog named by its title: the page around it still works.
    await expect(tour.card).toBeVisible();
    await expect(tour.card).toHaveAccessibleName('What this page shows');
    await expect(tour.card).not.toHaveAttribute('aria-modal', 'true');
    await expect(tour.count).toHaveText(/^Tour: step 1 of [345]$/);
    await expect(tour.back).toBeDisabled();
    const impactS = await app.clock.endS();
    await expect(tour.text).toContainText(`T+00:00: a missile is launched; it comes down at ${tPlus(impactS)}.`);

    // The numbers the page shows elsewhere: each sensor's first detection (the sensors list), the pictures'
    // first tracks (the scrubber's markers).
    const rows = (await app.sensors.list()).filter((r) => r.first !== null);
    const first = (n: string) => Math.min(...rows.filter((r) => r.nation === n).map((r) => r.first!));
    const [kr, jp] = [first('KR'), first('JP')];
    expect(kr).toBeLessThan(jp);
    const line = page.locator('.now-line');

    await tour.next.click();
    await expect(tour.count).toHaveText(/^Tour: step 2 of /);
    await expect(tour.card).toHaveAccessibleName('South Korea sees it');
    // The clock stops at Korea's first detection, paused, and the "now" line tells the same moment.
    await expect(app.clock.elapsed).toHaveText(tPlus(kr));
    await expect(app.clock.playButton).toBeVisible();
    expect(Math.abs((await app.clock.seconds()) - kr)).toBeLessThanOrEqual(0.5);
    await expect(tour.text).toContainText(`${tPlus(kr)}: South Korea's first detection: `);
    await expect(line).toHaveText(new RegExp(`^${tPlus(kr).replace('+', '\\+')}: `));
    await expect(line).toContainText("South Korea's");
    const waits = (await line.textContent())!.match(/Japan's sensors cannot see it until about T\+\d\d:\d\d[^.]*\./)![0];
    expect(waits).toContain(tPlus(jp));
    await expect(tour.text).toContainText(waits);

    await tour.next.click();
    await expect(tour.card).toHaveAccessibleName('Japan sees it');
    await expect(app.clock.elapsed).toHaveText(tPlus(jp));
    await expect(tour.text).toContainText(`${tPlus(jp)}: Japan's first detection: `);
    await expect(tour.text).toContainText(`South Korea's sensors have had it since ${tPlus(kr)}, ${span(jp - kr)} earlier.`);
    await expect(line).toContainText("Japan's");

    // Back returns to Korea's moment, Next to Japan's again.
    await tour.back.click();
    await expect(app.clock.elapsed).toHaveText(tPlus(kr));
    await tour.next.click();
    await expect(app.clock.elapsed).toHaveText(tPlus(jp));

    // What sharing adds: Japan's picture with sharing against Japan's own, at the later first track.
    const shared = await app.clock.markerTime(app.clock.pictureMarker('Japan with sharing', 'first track'));
    const alone = await app.clock.markerTime(app.clock.pictureMarker('Japan alone', 'first track'));
    expect(shared).toBeLessThan(alone);
    await tour.next.click();
    await expect(tour.card).toHaveAccessibleName('What sharing adds');
    await expect(app.clock.elapsed).toHaveText(tPlus(alone));
    await expect(tour.text).toHaveText(
      `${tPlus(alone)}: Japan alone has its first track only now; Japan with sharing has had one since ${tPlus(shared)}: ` +
        `${span(alone - shared)} sooner, from its partners' radars. That leaves ${span(impactS - shared)} of warning ` +
        `before the impact at ${tPlus(impactS)} instead of ${span(impactS - alone)}.`,
    );
    // The "now" line at that moment says the same of the two pictures.
    await expect(line).toContainText(`Japan with sharing: tracked since ${tPlus(shared)} (Japan alone: since ${tPlus(alone)}).`);
    await expect(tour.count).toHaveText('Tour: step 4 of 4');

    // The last step ends it, and it is remembered.
    await tour.done.click();
    await expect(tour.card).toBeHidden();
    await expect(tour.restart).toBeFocused();
    await page.reload();
    await app.flightDrawn();
    await app.analysesSettled();
    await expect(tour.card).toBeHidden();
  });

  test('Skip is remembered across a reload; the header\'s Tour button starts it again and Escape closes it', async ({ page }) => {
    const app = new AppPage(page);
    const tour = new Tour(app.root);
    await app.gotoApp();
    await expect(tour.card).toBeVisible();
    await tour.skip.click();
    await expect(tour.card).toBeHidden();
    expect(await page.evaluate(() => localStorage.getItem('shared-picture-tour'))).toBe('seen');
    await page.reload();
    await app.flightDrawn();
    await app.analysesSettled();
    await expect(tour.card).toBeHidden();
    await expect(tour.restart).toHaveAttribute('aria-expanded', 'false');

    // Started again from its first step, from anywhere on the clock, with the focus on Next.
    await app.clock.seek(200);
    await tour.restart.click();
    await expect(tour.card).toBeVisible();
    await expect(tour.restart).toHaveAttribute('aria-expanded', 'true');
    await expect(tour.count).toHaveText(/^Tour: step 1 of /);
    await expect(app.clock.elapsed).toHaveText('T+00:00');
    await expect(tour.next).toBeFocused();
    await tour.next.click();
    await expect(tour.count).toHaveText(/^Tour: step 2 of /);
    await page.keyboard.press('Escape');
    await expect(tour.card).toBeHidden();
    await expect(tour.restart).toBeFocused();
  });

  test('the tour\'s card passes axe in both themes', async ({ page }) => {
    const app = new AppPage(page);
    const tour = new Tour(app.root);
    await app.gotoApp();
    await expect(tour.card).toBeVisible();
    const audit = new AxeAudit(page);
    await audit.check('tour, first step, light');
    await tour.next.click();
    await app.themeToggle.click();
    await audit.check('tour, second step, dark', '.tour');
    audit.expectNone();
  });
});

test.describe('a first visit on a phone', () => {
  test.use({ tourSeen: false, viewport: { width: 360, height: 740 } });

  test('the card sits above the clock bar, covering neither the map nor the controls', async ({ page }) => {
    const app = new AppPage(page);
    const tour = new Tour(app.root);
    await app.gotoApp();
    await expect(tour.card).toBeVisible();
    await tour.next.click();
    await expect(tour.count).toHaveText(/^Tour: step 2 of /);
    const card = (await tour.card.boundingBox())!;
    const clock = (await app.clock.bar.boundingBox())!;
    const workspace = (await page.locator('main.workspace').boundingBox())!;
    expect(card.x).toBeGreaterThanOrEqual(0);
    expect(card.x + card.width).toBeLessThanOrEqual(360.5);
    expect(card.y).toBeGreaterThanOrEqual(workspace.y + workspace.height - 0.5);
    expect(card.y + card.height).toBeLessThanOrEqual(clock.y + 0.5);
    expect(clock.y + clock.height).toBeLessThanOrEqual(740.5);
    // Korea and Japan stay in sight above it.
    for (const place of ['Seoul', 'Tokyo']) {
      const p = await app.map.placePosition(place);
      expect(p.y, `${place} above the card`).toBeLessThan(card.y);
      expect(p.y, `${place} below the header`).toBeGreaterThan(workspace.y);
    }
    for (const b of [tour.back, tour.next, tour.skip]) await expect(b).toBeInViewport();
  });
});

test.describe('an embed', () => {
  test.use({ tourSeen: false });

  test('has no tour, even on a first visit', async ({ page }) => {
    const app = new AppPage(page);
    await app.goto('/?embed');
    await app.flightDrawn();
    // The analyses have answered once the pictures' first-track markers are on the scrubber.
    await expect(app.clock.markers('track').first()).toBeAttached({ timeout: 30_000 });
    await expect(page.locator('.tour')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Tour', exact: true })).toHaveCount(0);
  });
});

test.describe('a shared link', () => {
  test('opens on its own scenario and moment: no tour over it, though the header can start one', async ({ page }) => {
    const app = new AppPage(page);
    // A link made by a reader who had seen the tour, at T+11:40 of a preset.
    await app.gotoApp();
    await app.scenario.preset('2017-11-29-hwasong-15');
    await app.clock.seek(700);
    const { link } = await app.scenario.openShareDialog();
    // Opened where nothing is stored: a first visit, but to the link's moment.
    const other = await page.context().browser()!.newContext({ viewport: { width: 1280, height: 800 } });
    const reader = new AppPage(await other.newPage());
    await reader.page.goto(link);
    await expect(reader.clock.elapsed).toHaveText('T+11:40');
    await expect(reader.clock.markers('track').first()).toBeAttached({ timeout: 30_000 });
    await expect(reader.page.locator('#tour')).toBeHidden();
    await expect(reader.clock.elapsed).toHaveText('T+11:40');
    await expect(reader.page.getByRole('button', { name: 'Tour', exact: true })).toBeVisible();
    await other.close();
  });
});
