import AxeBuilder from '@axe-core/playwright';
import type { Result } from 'axe-core';
import { expect, type Locator, type Page } from '@playwright/test';
import { AppPage } from './app-page';

/** The WCAG 2.0 and 2.1 success criteria of levels A and AA, as axe-core tags its rules. */
export const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** One violation of one rule in one state of the page, as a reader of a failed test needs it: the rule, its
 * impact, what it asks, and each offending element's selector with axe's reason (a contrast ratio, a missing
 * name). */
export function describeViolation(state: string, v: Result): string {
  const nodes = v.nodes.map((n) => {
    const why = [...n.any, ...n.all, ...n.none].map((c) => c.message).filter(Boolean)[0] ?? n.failureSummary ?? '';
    return `    ${n.target.join(' >>> ')}: ${why.replace(/\s+/g, ' ').trim()}`;
  });
  return [`[${state}] ${v.id} (${v.impact ?? 'no impact'}, ${v.nodes.length} element(s)): ${v.help}`, ...nodes].join('\n');
}

/** Runs axe-core on the whole page (frames included) against WCAG 2.1 A and AA, state by state, and keeps
 * what it finds, so that one test can walk through many states and fail once with all of them. */
export class AxeAudit {
  readonly page: Page;
  readonly found: string[] = [];
  /** The states checked, with the number of rules that found elements to pass in each (a check that ran nothing
   * is no check) and how long axe took. */
  readonly checked: { state: string; passes: number; ms: number }[] = [];

  constructor(page: Page) {
    this.page = page;
  }

  /** Checks the page as it is now (or only the part `include` selects, where nothing else changed since the
   * last check), recording each violation under `state`. */
  async check(state: string, include?: string): Promise<Result[]> {
    const t0 = Date.now();
    // Only the violations in full: the passes' elements would be thousands (the map's), one each is enough.
    const builder = new AxeBuilder({ page: this.page }).withTags(WCAG_AA_TAGS).options({ resultTypes: ['violations'] });
    if (include) builder.include(include);
    const results = await builder.analyze();
    this.checked.push({ state, passes: results.passes.length, ms: Date.now() - t0 });
    for (const v of results.violations) this.found.push(describeViolation(state, v));
    return results.violations;
  }

  /**
   * Checks the colour contrast of everything in a scrolling part of the page (the side panel, the explorer,
   * the phone's one scrolling column, a dialog), a screenful at a time: axe-core judges contrast only where the
   * text is on screen, and would otherwise pass over whatever is scrolled out of view. Each element is reported
   * once. Runs the axe-core that `check` put in the page (call `check` first).
   */
  async sweep(state: string, selector: string) {
    const t0 = Date.now();
    const container = this.page.locator(selector).first();
    const seen = new Set<string>();
    const bad = new Map<string, Result>();
    const steps = await container.evaluate((el) => Math.max(1, Math.ceil((el.scrollHeight - el.clientHeight) / (el.clientHeight * 0.9)) + 1));
    let passes = 0;
    for (let i = 0; i < steps; i++) {
      const results = await container.evaluate(async (el, { i, selector }) => {
        el.scrollTop = i * el.clientHeight * 0.9;
        const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
        const r = await axe.run({ include: [selector] } as import('axe-core').ElementContext, {
          runOnly: { type: 'rule', values: ['color-contrast'] },
          resultTypes: ['violations'],
        });
        return { violations: r.violations, passes: r.passes.length };
      }, { i, selector });
      passes += results.passes;
      for (const v of results.violations) {
        const had = bad.get(v.id);
        const nodes = v.nodes.filter((n) => !seen.has(n.target.join(' ')));
        nodes.forEach((n) => seen.add(n.target.join(' ')));
        bad.set(v.id, had ? { ...had, nodes: [...had.nodes, ...nodes] } : { ...v, nodes });
      }
    }
    await container.evaluate((el) => { el.scrollTop = 0; });
    const where = `${state}, ${selector} scrolled through in ${steps}`;
    this.checked.push({ state: where, passes, ms: Date.now() - t0 });
    for (const v of bad.values()) this.found.push(describeViolation(where, v));
  }

  /** How long each check took (printed with the test's figures). */
  timings(): string {
    return this.checked.map((c) => `  ${c.state}: ${c.passes} rules passed, ${c.ms} ms`).join('\n');
  }

  /** Fails, listing every violation of every state checked so far. */
  expectNone() {
    expect(this.checked.length, 'states checked').toBeGreaterThan(0);
    for (const c of this.checked) expect(c.passes, `rules passed in ${c.state}`).toBeGreaterThan(0);
    expect(this.found.join('\n'), `WCAG 2.1 AA violations (axe-core) in ${this.checked.length} states`).toBe('');
  }
}

/** The parts of the page an accessibility audit opens, and the keyboard aids: the skip links, the legend, the
 * side panel's closed sections, the dialogs and the horizon explorer's walk-through. */
export class A11yPage {
  readonly page: Page;
  readonly app: AppPage;
  readonly skipToMap: Locator;
  readonly skipToControls: Locator;
  readonly legend: Locator;
  readonly legendSummary: Locator;
  readonly siapDetails: Locator;
  readonly pictureLog: Locator;
  /** The map first in the page (the one a skip link leads to). */
  readonly firstMap: Locator;

  constructor(page: Page) {
    this.page = page;
    this.app = new AppPage(page);
    this.skipToMap = page.getByRole('link', { name: 'Skip to the map', exact: true });
    this.skipToControls = page.getByRole('link', { name: 'Skip to the controls', exact: true });
    this.legend = page.locator('details.map-legend').first();
    this.legendSummary = this.legend.locator('summary');
    this.siapDetails = this.app.pictures.region.locator('details.siap');
    this.pictureLog = page.getByRole('region', { name: 'Picture log', exact: true }).locator('details');
    this.firstMap = page.locator('.map').first();
  }

  /** Opens a `<details>` if it is closed. */
  async openDetails(details: Locator) {
    if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').first().click();
    await expect(details).toHaveAttribute('open', '');
  }

  /** Opens the legend, the links of the pictures, the SIAP table, the picture log and every sensor's details. */
  async openAllSections() {
    await this.openDetails(this.legend);
    await this.openDetails(this.app.scenario.pictureLinks.root);
    await this.openDetails(this.siapDetails);
    await this.openDetails(this.pictureLog);
    await this.app.sensors.openAllDetails();
  }

  /** The element that has the focus: its tag, class and accessible label, for messages. */
  focused(): Promise<string> {
    return this.page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '(none)';
      return `${el.tagName.toLowerCase()}.${el.className} "${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? ''}"`;
    });
  }

  /** The map's focus ring as painted: a screenshot of the map's edge (a band `band` px wide inside each side). */
  async mapEdge(band = 4): Promise<Buffer[]> {
    const box = (await this.firstMap.boundingBox())!;
    const clips = [
      { x: box.x, y: box.y, width: box.width, height: band },
      { x: box.x, y: box.y + box.height - band, width: box.width, height: band },
      { x: box.x, y: box.y, width: band, height: box.height },
      { x: box.x + box.width - band, y: box.y, width: band, height: box.height },
    ];
    const shots: Buffer[] = [];
    for (const clip of clips) shots.push(await this.page.screenshot({ clip, animations: 'disabled', caret: 'hide' }));
    return shots;
  }
}
