import { expect, type Locator, type Page } from '@playwright/test';
import { gzipSync } from 'node:zlib';

export type Point = { x: number; y: number };
export type TrackLayer = 'primary' | 'secondary';

/** One regional map, as a user sees and drives it. `root` is the map's element: the page's only map by
 * default, or one of the two side-by-side maps. */
export class MapPage {
  readonly page: Page;
  readonly root: Locator;
  readonly svg: Locator;
  readonly world: Locator;
  readonly readout: Locator;
  readonly land: Locator;
  readonly borders: Locator;
  readonly sea: Locator;
  readonly graticuleLabels: Locator;
  readonly scaleBar: Locator;
  readonly zoomIn: Locator;
  readonly zoomOut: Locator;
  readonly resetView: Locator;
  readonly flightTracks: Locator;
  readonly missileNow: Locator;
  readonly sightLines: Locator;

  constructor(page: Page, root?: Locator) {
    this.page = page;
    this.root = root ?? page.locator('.map');
    this.svg = this.root.locator('svg.map-svg');
    this.world = this.root.locator('g.world');
    this.readout = this.root.locator('.readout');
    this.land = this.root.locator('path.land');
    this.borders = this.root.locator('path.borders');
    this.sea = this.root.locator('rect.sea');
    this.graticuleLabels = this.root.locator('.graticule-labels text');
    this.scaleBar = this.root.locator('.scale-bar text');
    this.zoomIn = this.root.getByRole('button', { name: 'Zoom in', exact: true });
    this.zoomOut = this.root.getByRole('button', { name: 'Zoom out', exact: true });
    this.resetView = this.root.getByRole('button', { name: 'Reset view', exact: true });
    this.flightTracks = this.root.locator('.flight-track');
    this.missileNow = this.root.locator('.missile-now');
    this.sightLines = this.root.locator('.sight-line');
  }

  /** Opens the page and waits for the land to be drawn. */
  async goto(path = '/') {
    await this.page.goto(path);
    await expect(this.land.first()).toBeAttached();
  }

  landShapes(): Promise<number> {
    return this.land.count();
  }

  place(name: string): Locator {
    return this.root.locator(`g.place[data-place="${name}"]`);
  }

  placeLabel(name: string): Locator {
    return this.place(name).locator('text');
  }

  graticuleLabel(text: string): Locator {
    return this.graticuleLabels.filter({ hasText: text });
  }

  /** The map's scale, px per projected km (throws if the map does not expose it). */
  async scale(): Promise<number> {
    const v = await this.svg.getAttribute('data-scale');
    const s = Number(v);
    if (v === null || !Number.isFinite(s) || s <= 0) throw new Error(`map scale is "${v}"`);
    return s;
  }

  /** The world group's transform as [scale, tx, ty]. */
  async transform(): Promise<[number, number, number]> {
    const t = (await this.world.getAttribute('transform')) ?? '';
    const m = t.match(/matrix\(([^)]*)\)/);
    if (!m) throw new Error(`no matrix in transform "${t}"`);
    const [a, , , , e, f] = m[1].trim().split(/[ ,]+/).map(Number);
    return [a, e, f];
  }

  /** The map point (world units) at the centre of this map's pane, and the scale. */
  async centre(): Promise<{ scale: number; x: number; y: number }> {
    const box = await this.root.boundingBox();
    if (!box) throw new Error('the map is not drawn');
    const [a, e, f] = await this.transform();
    return { scale: a, x: (box.width / 2 - e) / a, y: (box.height / 2 - f) / a };
  }

  /** The centre of the map's pane, in page coordinates. */
  async paneCentre(): Promise<Point> {
    const box = await this.root.boundingBox();
    if (!box) throw new Error('the map is not drawn');
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }

  /** The centre of a place's marker, in page coordinates. */
  async placePosition(name: string): Promise<Point> {
    return centreOf(this.place(name).locator('circle'), `place ${name}`);
  }

  async drag(from: Point, dx: number, dy: number) {
    await this.page.mouse.move(from.x, from.y);
    await this.page.mouse.down();
    await this.page.mouse.move(from.x + dx / 2, from.y + dy / 2, { steps: 4 });
    await this.page.mouse.move(from.x + dx, from.y + dy, { steps: 4 });
    await this.page.mouse.up();
  }

  async wheel(at: Point, deltaY: number) {
    await this.page.mouse.move(at.x, at.y);
    await this.page.mouse.wheel(0, deltaY);
  }

  async click(at: Point) {
    await this.page.mouse.click(at.x, at.y);
  }

  /** Hovers a page point and reads the latitude and longitude shown. */
  async readAt(at: Point): Promise<{ lat: number; lon: number }> {
    await this.page.mouse.move(at.x, at.y);
    await expect(this.readout).toContainText('°');
    const text = (await this.readout.textContent()) ?? '';
    const m = text.match(/([\d.]+)° ([NS])\s+([\d.]+)° ([EW])/);
    if (!m) throw new Error(`readout "${text}" is not a position`);
    return {
      lat: Number(m[1]) * (m[2] === 'S' ? -1 : 1),
      lon: Number(m[3]) * (m[4] === 'W' ? -1 : 1),
    };
  }

  /** The sea's fill as the page's style sheets (and its theme) paint it. */
  seaFill(): Promise<string> {
    return this.sea.evaluate((el) => getComputedStyle(el).fill);
  }

  /** How many vertices the flight tracks are drawn with, over all their paths. */
  flightTrackVertices(): Promise<number> {
    return this.flightTracks
      .locator('path')
      .evaluateAll((ps) => ps.reduce((n, p) => n + (p.getAttribute('d') ?? '').split(/[ML]/).length - 1, 0));
  }

  /** A flight's marked event on the arc: its launch, apogee or impact. */
  flightEvent(kind: 'launch' | 'apogee' | 'impact'): Locator {
    return this.root.locator(`.flight-event.${kind}`);
  }

  /** Where the impact marker sits, in page coordinates. */
  impactPosition(): Promise<Point> {
    return centreOf(this.flightEvent('impact').locator('circle'), 'the impact marker');
  }

  /** The missile's altitude now, km, as the map's moving marker carries it. */
  async missileAltKm(): Promise<number> {
    return Number(await this.missileNow.getAttribute('data-alt-km'));
  }

  /** A picture's track layer, which names its picture. */
  tracks(layer: TrackLayer): Locator {
    return this.root.locator(`.tracks.${layer}`);
  }

  /** The tracks drawn in a layer (or in both). */
  trackMarks(layer?: TrackLayer): Locator {
    return this.root.locator(layer ? `.tracks.${layer} .track` : '.tracks .track');
  }

  predictedImpacts(layer: TrackLayer): Locator {
    return this.tracks(layer).locator('.predicted-impact');
  }

  /** Waits until the shown picture has tracks, then returns their screen positions. */
  async trackPositions(): Promise<string[]> {
    await expect(this.trackMarks('primary').first()).toBeAttached({ timeout: 20_000 });
    return this.tracks('primary')
      .locator('ellipse.track-sigma')
      .evaluateAll((es) => es.map((e) => `${e.getAttribute('cx')},${e.getAttribute('cy')}`));
  }

  /** A sensor's radar fan. */
  fan(sensor: string): Locator {
    return this.root.locator(`path.fan[data-sensor="${sensor}"]`);
  }

  /** The width of a sensor's fan on screen, px. */
  async fanWidth(sensor: string): Promise<number> {
    const box = await this.fan(sensor).boundingBox();
    if (!box) throw new Error(`no fan for ${sensor}`);
    return box.width;
  }

  /** A ship's marker, which the user can drag to a new station. */
  ship(name: string): Locator {
    return this.root.locator(`circle.ship[data-sensor="${name}"]`);
  }

  /** Drags a ship by (dx, dy) px with the mouse, in `steps` even moves. */
  async dragShip(name: string, dx: number, dy: number, steps = 10) {
    const at = await centreOf(this.ship(name), `ship ${name}`);
    await this.page.mouse.move(at.x, at.y);
    await this.page.mouse.down();
    for (let i = 1; i <= steps; i++) await this.page.mouse.move(at.x + (dx * i) / steps, at.y + (dy * i) / steps);
    await this.page.mouse.up();
  }
}

async function centreOf(el: Locator, what: string): Promise<Point> {
  const box = await el.boundingBox();
  if (!box) throw new Error(`${what} is not drawn`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** One file the page loaded: its path, its size and its size gzipped (level 9). */
export type LoadedFile = { path: string; bytes: number; gzipBytes: number };

/** Records every response the page receives from now on; `loaded()` gives them once they have all arrived. */
export function recordLoads(page: Page): { loaded: () => Promise<LoadedFile[]> } {
  const files: Promise<LoadedFile>[] = [];
  // Each address once: a second load of the same file (the analyses' worker importing the page's hashed
  // script, the icon) comes from the browser's cache.
  const seen = new Set<string>();
  page.on('response', (r) => {
    if (seen.has(r.url())) return;
    seen.add(r.url());
    files.push(
      r.body().then((b) => ({ path: new URL(r.url()).pathname, bytes: b.length, gzipBytes: gzipSync(b, { level: 9 }).length })),
    );
  });
  return { loaded: () => Promise.all(files) };
}

/** Time from navigation to the map's first drawing, ms: the page marks it (`performance.mark('map-drawn')`). */
export async function firstMapDrawnMs(page: Page): Promise<number> {
  const drawn = await page.waitForFunction(() => {
    const m = performance.getEntriesByName('map-drawn')[0];
    return m ? m.startTime : null;
  });
  return (await drawn.jsonValue()) as number;
}
