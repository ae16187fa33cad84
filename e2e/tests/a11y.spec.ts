import { expect, test } from '../pages/test';
import { A11yPage, AxeAudit } from '../pages/a11y';
import type { WalkStep } from '../pages/explorer';
import { report } from '../pages/metrics';

const SALVO = '2019-07-25-kn-23-salvo';
const STEPS: WalkStep[] = ['korea', 'japan', 'refraction', 'shared'];

/**
 * axe-core (WCAG 2.0 and 2.1, levels A and AA) on every state a reader can put the page in, at a phone's width
 * and a desktop's, in both themes. Each theme is reached both ways: by the system's preference (the browser's
 * colour scheme) and by the page's own button over the opposite preference, since the stylesheet states the
 * dark theme once for each. One page per width and theme, walked through its states, so that the run stays
 * short; the test fails once at the end with every violation of every state.
 */
const RUNS = [
  { width: 'desktop', viewport: { width: 1280, height: 800 }, theme: 'light', system: 'light', toggle: false },
  { width: 'desktop', viewport: { width: 1280, height: 800 }, theme: 'dark', system: 'dark', toggle: false },
  { width: 'phone', viewport: { width: 390, height: 844 }, theme: 'light', system: 'dark', toggle: true },
  { width: 'phone', viewport: { width: 390, height: 844 }, theme: 'dark', system: 'light', toggle: true },
] as const;

for (const run of RUNS) {
  test.describe(`${run.width} (${run.viewport.width}x${run.viewport.height}), ${run.theme} theme`, () => {
    // A first visit: the legend opens by itself where there is room for it.
    test.use({ viewport: run.viewport, colorScheme: run.system, legendSeen: false });

    test(`no WCAG 2.1 AA violation in any state (${run.toggle ? 'chosen by the theme button' : 'from the system preference'})`, async ({ page }) => {
      test.setTimeout(240_000);
      const a = new A11yPage(page);
      const { app } = a;
      const audit = new AxeAudit(page);
      await app.gotoApp();
      if (run.toggle) {
        await app.themeToggle.click();
        await expect(app.root).toHaveAttribute('data-theme', run.theme);
      }
      await audit.check('first load');

      // Every closed section open (the legend, who reports to whom, the SIAP table, each sensor's details), with
      // the clock where sensors have the missile and pictures track it.
      await a.openAllSections();
      await app.clock.seek(300);
      await audit.check('sections open, T+300 s');
      // Everything the panels hold, scrolled into view in turn (one column on a phone, the side panel beside
      // the map on a desktop).
      await audit.sweep('sections open, T+300 s', run.width === 'phone' ? '.workspace' : '.side-panel');

      // Two launches, the second selected (the selected row stands out), two maps side by side.
      await app.scenario.preset(SALVO);
      await expect(app.scenario.launchRows).toHaveCount(2);
      await app.scenario.selectLaunch(1);
      await expect(app.scenario.launchRows.nth(1)).toHaveClass(/selected/);
      await app.analysesSettled();
      await app.pictures.sideBySide.check();
      await expect(app.mapFrames).toHaveCount(2);
      await audit.check('salvo, second launch selected, two maps');
      await app.pictures.sideBySide.uncheck();
      await expect(app.mapFrames).toHaveCount(1);

      // The dialogs.
      await app.scenario.openShareDialog();
      await expect(app.scenario.shareDialog.preview).toBeAttached();
      await audit.check('share and embed dialog');
      await audit.sweep('share and embed dialog', '.embed-dialog');
      await app.scenario.shareDialog.close();
      await app.sourcesButton.click();
      await expect(app.sourcesDialog).toBeVisible();
      await audit.check('sources dialog');
      await audit.sweep('sources dialog', 'dialog.sources');
      await page.keyboard.press('Escape');
      await expect(app.sourcesDialog).toBeHidden();

      // The horizon explorer and each step of its walk-through.
      await app.explorer.open();
      await audit.check('horizon explorer');
      await audit.sweep('horizon explorer', 'section.explorer');
      for (const step of STEPS) {
        await app.explorer.step(step);
        // Only the explorer changes from step to step.
        await audit.check(`horizon explorer, step "${step}"`, 'section.explorer');
      }
      await app.explorer.close();

      report([`axe-core, ${run.width}, ${run.theme} theme:`, audit.timings()]);
      audit.expectNone();
    });
  });
}

test('the audit fails on a violation, and says which rule, how bad, where and why', async ({ page }) => {
  const a = new A11yPage(page);
  await a.app.gotoApp();
  // Text nearly the colour of its ground, and a button with no name: what the audit exists to catch.
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.id = 'faint';
    p.textContent = 'Nearly invisible';
    document.querySelector('.side-panel')!.prepend(p);
    p.style.setProperty('color', '#e6eaee');
    const b = document.createElement('button');
    b.id = 'nameless';
    document.querySelector('.side-panel')!.prepend(b);
  });
  const audit = new AxeAudit(page);
  const ids = (await audit.check('planted')).map((v) => v.id);
  expect(ids).toEqual(expect.arrayContaining(['color-contrast', 'button-name']));
  const text = audit.found.join('\n');
  expect(text).toContain('[planted] color-contrast (serious');
  expect(text).toContain('#faint');
  expect(text).toMatch(/insufficient color contrast of 1\.\d+ \(foreground color: #e6eaee/);
  expect(text).toContain('#nameless');
  expect(() => audit.expectNone()).toThrow(/button-name/);
});

test('the first Tab stops skip to the map and to the controls, and the focused map shows a ring', async ({ page }) => {
  const a = new A11yPage(page);
  const { app } = a;
  await app.gotoApp();
  const unfocused = await a.mapEdge();

  // From the top of the page, the first Tab stop is "Skip to the map", shown once it has the focus.
  await app.root.locator('body').focus();
  await page.keyboard.press('Tab');
  await expect(a.skipToMap, await a.focused()).toBeFocused();
  await expect(a.skipToMap).toBeInViewport({ ratio: 1 });
  const shown = (await a.skipToMap.boundingBox())!;
  expect(shown.width).toBeGreaterThan(40);
  expect(shown.height).toBeGreaterThan(12);
  await page.keyboard.press('Enter');
  await expect(a.firstMap).toBeFocused();
  // The map took the focus where the reader was: the address (which holds the scenario) keeps its fragment.
  expect(new URL(page.url()).hash).not.toBe('#map');

  // The focused map's ring is painted over the map's own drawing, on all four sides.
  const ring = await a.firstMap.evaluate((el) => {
    const s = getComputedStyle(el, '::after');
    return { width: s.borderTopWidth, style: s.borderTopStyle, colour: s.borderTopColor };
  });
  expect(ring.style, JSON.stringify(ring)).toBe('solid');
  expect(parseFloat(ring.width)).toBeGreaterThanOrEqual(3);
  const focused = await a.mapEdge();
  for (const [i, side] of ['top', 'bottom', 'left', 'right'].entries()) {
    expect(focused[i].equals(unfocused[i]), `the map's ${side} edge changes when it has the focus`).toBe(false);
  }
  // Keys now go to the map: + zooms it.
  const before = await app.map.svg.getAttribute('data-scale');
  await page.keyboard.press('+');
  await expect.poll(() => app.map.svg.getAttribute('data-scale')).not.toBe(before);

  // On a fresh page, the second Tab stop skips past the map and the panels to the clock's controls.
  await app.gotoApp();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(a.skipToControls, await a.focused()).toBeFocused();
  await expect(a.skipToControls).toBeInViewport({ ratio: 1 });
  await page.keyboard.press('Enter');
  await expect(app.clock.playButton).toBeFocused();
  // Out of focus, the skip links take no room and show nothing.
  await expect(a.skipToMap).not.toBeInViewport();
});

test.describe('a reader who asks for less motion', () => {
  test.use({ reducedMotion: 'reduce' });

  test('nothing on the page transitions or animates', async ({ page }) => {
    const a = new A11yPage(page);
    await a.app.gotoApp();
    await a.openAllSections();
    // While the analyses run, the panels' figures fade as out of date: marked so here, for as long as the check
    // takes.
    await page.locator('.side-panel .panel').evaluateAll((els) => els.forEach((el) => el.classList.add('stale')));
    const moving = await page.evaluate(() =>
      Array.from(document.querySelectorAll('*'))
        .flatMap((el) => [getComputedStyle(el), getComputedStyle(el, '::before'), getComputedStyle(el, '::after')].map((s) => ({ el, s })))
        .filter(({ s }) => s.transitionDuration.split(',').some((d) => parseFloat(d) > 0) || (s.animationName !== 'none' && s.animationName !== ''))
        .map(({ el, s }) => `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}: transition ${s.transitionDuration}, animation ${s.animationName}`),
    );
    expect(moving).toEqual([]);
  });
});
