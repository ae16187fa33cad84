import { expect, type Locator, type Page } from '@playwright/test';
import { Charts } from './charts';
import { Clock } from './clock';
import { nextPaint } from './controls';
import { Explorer } from './explorer';
import { ExportPanel } from './export-panel';
import { FlightFacts, LaunchEditor } from './launch-editor';
import { MapPage } from './map-page';
import { PicturesPanel } from './pictures-panel';
import { ScenarioEditor } from './scenario-editor';
import { SensorsPanel } from './sensors-panel';

/** The whole app, as a user sees it: the map, the clock, the panels beside them and the header's dialogs.
 * `root` is the document's root element: the page's own, or an embedding frame's. */
export class AppPage {
  readonly page: Page;
  readonly root: Locator;
  readonly map: MapPage;
  readonly clock: Clock;
  readonly launch: LaunchEditor;
  readonly facts: FlightFacts;
  readonly sensors: SensorsPanel;
  readonly pictures: PicturesPanel;
  readonly scenario: ScenarioEditor;
  readonly charts: Charts;
  readonly explorer: Explorer;
  readonly exports: ExportPanel;
  readonly title: Locator;
  readonly topbar: Locator;
  readonly sidePanel: Locator;
  readonly sideViewMissile: Locator;
  readonly themeToggle: Locator;
  readonly sourcesButton: Locator;
  readonly sourcesDialog: Locator;
  /** The map panes: one, or two side by side. */
  readonly mapFrames: Locator;

  constructor(page: Page, root?: Locator) {
    this.page = page;
    this.root = root ?? page.locator(':root');
    this.map = new MapPage(page, this.root.locator('.map'));
    this.clock = new Clock(page, this.root);
    this.launch = new LaunchEditor(page, this.root);
    this.facts = new FlightFacts(this.root);
    this.sensors = new SensorsPanel(this.root);
    this.pictures = new PicturesPanel(this.root);
    this.scenario = new ScenarioEditor(page, this.root);
    this.charts = new Charts(this.root);
    this.explorer = new Explorer(this.root);
    this.exports = new ExportPanel(page, this.root);
    this.title = this.root.getByRole('heading', { name: 'Shared Picture', exact: true, level: 1 });
    this.topbar = this.root.locator('.topbar');
    this.sidePanel = this.root.locator('.side-panel');
    this.sideViewMissile = this.root.getByRole('region', { name: /^Side view/ }).locator('.missile-now');
    this.themeToggle = this.root.getByRole('button', { name: /^Dark theme/ });
    this.sourcesButton = this.root.getByRole('button', { name: 'Sources and estimates', exact: true });
    this.sourcesDialog = this.root.getByRole('dialog', { name: 'Sources and estimates', exact: true });
    this.mapFrames = this.root.locator('.map-frame');
  }

  /** Opens a page of the app and waits for the map's land. */
  async goto(path = '/') {
    await this.map.goto(path);
  }

  /** Opens the app and waits for the launch's arc and the analyses of the scenario (detections and
   * pictures, which arrive from the analyses' worker after the arc). */
  async gotoApp(path = '/') {
    await this.goto(path);
    await this.flightDrawn();
    await expect(this.page.locator('.pictures-panel .analysis-status')).toHaveAttribute('data-pending', 'false', { timeout: 30_000 });
  }

  /** Waits until an arc is drawn on the map. */
  async flightDrawn(timeout?: number) {
    await expect(this.map.flightTracks.locator('path').first()).toBeAttached({ timeout });
  }

  /** Waits until the analyses that follow an edit (detections, tracking, and the scrubber's markers drawn from
   * them) have caught up with the flights, then for the frame that shows them. The page runs the analyses once
   * an edit's frame has painted (`AppState::settled`) and redraws the markers with them; the markers then hold
   * one impact per launch, the selected launch's at its launch time plus the flight time the figures show. */
  async analysesSettled(timeout = 30_000) {
    const rows = await this.scenario.launchRows.evaluateAll((rs) =>
      rs.map((r) => ({
        selected: r.classList.contains('selected'),
        offset: Number((r.querySelector('input[type="number"]') as HTMLInputElement).value),
      })),
    );
    const offset = rows.find((r) => r.selected)?.offset ?? 0;
    const impactS = offset + (await this.facts.flightTimeS());
    await expect
      .poll(
        async () => {
          const impacts = await this.clock.impactTimes();
          // The figures show whole seconds.
          return impacts.length === rows.length && impacts.some((t) => Math.abs(t - impactS) <= 0.51);
        },
        { timeout, message: `the scrubber's impact markers never showed ${rows.length} launches, one at ${impactS} s` },
      )
      .toBe(true);
    // The analyses' answer to the newest request (they run in a worker, after the edit's frame).
    await expect(this.page.locator('.pictures-panel .analysis-status')).toHaveAttribute('data-pending', 'false', { timeout });
    await nextPaint(this.page);
  }

  /** Interactive elements with no accessible name: aria-label(ledby), a <label>, text, title or alt. */
  unnamedControls(): Promise<string[]> {
    return this.page.evaluate(() => {
      const controls = Array.from(
        document.querySelectorAll<HTMLElement>(
          'button, input, select, textarea, a[href], [role="slider"], [tabindex]:not([tabindex="-1"])',
        ),
      ).filter((el) => el.offsetParent !== null || el.getClientRects().length > 0);
      return controls
        .filter((el) => {
          const labelledBy = el.getAttribute('aria-labelledby');
          const named =
            (el.getAttribute('aria-label') ?? '').trim() ||
            (labelledBy && document.getElementById(labelledBy)?.textContent?.trim()) ||
            ((el as HTMLInputElement).labels?.length ?? 0) > 0 ||
            (el.textContent ?? '').trim() ||
            (el.getAttribute('title') ?? '').trim();
          return !named;
        })
        .map((el) => el.outerHTML.slice(0, 120));
    });
  }

  /** Presses Tab from the top of the page (at most `presses` times) and says which targets took the focus. */
  async tabReaches(targets: Locator[], presses = 200): Promise<boolean[]> {
    const reached = targets.map(() => false);
    await this.root.locator('body').focus();
    for (let i = 0; i < presses && !reached.every(Boolean); i++) {
      await this.page.keyboard.press('Tab');
      for (const [j, target] of targets.entries()) {
        if (!reached[j]) reached[j] = await target.evaluate((el) => el === document.activeElement);
      }
    }
    return reached;
  }

  /** Moves the focus off any control (a click on the page title), so keys go to the page itself. */
  async focusPage() {
    await this.title.click();
  }

  /** How far the page spills sideways, px (0 or less when it fits its window). */
  overflowPx(): Promise<number> {
    return this.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  }

  /** Rows of the sources dialog (one per catalog missile and sensor), optionally those that mention `text`. */
  sourceRows(text?: string): Locator {
    const rows = this.sourcesDialog.locator('tbody tr');
    return text === undefined ? rows : rows.filter({ hasText: text });
  }

  /** One of the side-by-side map panes: its caption (the picture's name), whether that picture has a track
   * yet, and its map. */
  mapFrame(i: number): { caption: Locator; trackStatus: Locator; map: MapPage } {
    const frame = this.mapFrames.nth(i);
    return {
      caption: frame.locator('figcaption .picture-name'),
      trackStatus: frame.locator('figcaption .track-status'),
      map: new MapPage(this.page, frame.locator('.map')),
    };
  }
}

/** Great-circle distance on the WGS84 mean sphere (km): within 0.5% of the geodesic. */
export function greatCircleKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = Math.PI / 180;
  const h =
    Math.sin(((b.lat - a.lat) * r) / 2) ** 2 +
    Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(((b.lon - a.lon) * r) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}
