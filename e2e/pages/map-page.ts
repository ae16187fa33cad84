import { expect, type Locator, type Page } from '@playwright/test';

/** The regional map, as a user sees and drives it. */
export class MapPage {
  readonly page: Page;
  readonly map: Locator;
  readonly svg: Locator;
  readonly world: Locator;
  readonly readout: Locator;

  constructor(page: Page) {
    this.page = page;
    this.map = page.locator('.map');
    this.svg = page.locator('.map svg.map-svg');
    this.world = page.locator('.map g.world');
    this.readout = page.locator('.map .readout');
  }

  async goto(path = '/') {
    await this.page.goto(path);
    await expect(this.page.locator('path.land').first()).toBeAttached();
  }

  landShapes(): Promise<number> {
    return this.page.locator('path.land').count();
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

  /** The centre of a place's marker, in page coordinates. */
  async placePosition(name: string): Promise<{ x: number; y: number }> {
    const box = await this.page.locator(`g.place[data-place="${name}"] circle`).boundingBox();
    if (!box) throw new Error(`place ${name} is not drawn`);
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }

  async drag(from: { x: number; y: number }, dx: number, dy: number) {
    await this.page.mouse.move(from.x, from.y);
    await this.page.mouse.down();
    await this.page.mouse.move(from.x + dx / 2, from.y + dy / 2, { steps: 4 });
    await this.page.mouse.move(from.x + dx, from.y + dy, { steps: 4 });
    await this.page.mouse.up();
  }

  async wheel(at: { x: number; y: number }, deltaY: number) {
    await this.page.mouse.move(at.x, at.y);
    await this.page.mouse.wheel(0, deltaY);
  }

  /** Hovers a page point and reads the latitude and longitude shown. */
  async readAt(at: { x: number; y: number }): Promise<{ lat: number; lon: number }> {
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
}
