import type { Locator, Page } from '@playwright/test';
import { clearField, text, typeNumber } from './controls';

export type Shape = 'as-reported' | 'min-energy' | 'lofted' | 'depressed' | 'pull-up';

/** The launch editor: site, missile, trajectory and aim of the selected launch, and why it cannot fly. */
export class LaunchEditor {
  readonly page: Page;
  readonly region: Locator;
  readonly site: Locator;
  readonly missile: Locator;
  readonly shape: Locator;
  readonly azimuth: Locator;
  readonly range: Locator;
  readonly apogee: Locator;
  readonly aimLat: Locator;
  readonly aimLon: Locator;
  /** Why the launch cannot fly (the form is kept as typed). */
  readonly flightError: Locator;
  /** A field that is not a number, named. */
  readonly fieldError: Locator;

  constructor(page: Page, root: Locator) {
    this.page = page;
    this.region = root.getByRole('region', { name: 'Launch', exact: true });
    this.site = this.region.getByRole('combobox', { name: /^Launch site/ });
    this.missile = this.region.getByRole('combobox', { name: /^Missile/ });
    this.shape = this.region.getByRole('combobox', { name: /^Trajectory/ });
    this.azimuth = this.region.getByLabel('Azimuth (°)', { exact: true });
    this.range = this.region.getByLabel('Range (km)', { exact: true });
    this.apogee = this.region.getByLabel('Apogee (km)', { exact: true });
    this.aimLat = this.region.getByLabel('Latitude (°)', { exact: true });
    this.aimLon = this.region.getByLabel('Longitude (°)', { exact: true });
    this.flightError = this.region.locator('.flight-error');
    this.fieldError = this.region.locator('.field-error');
  }

  async chooseMissile(id: string) {
    await this.missile.selectOption(id);
  }

  async chooseShape(shape: Shape) {
    await this.shape.selectOption(shape);
  }

  async setRangeKm(km: number) {
    await typeNumber(this.range, km);
  }

  async setApogeeKm(km: number) {
    await typeNumber(this.apogee, km);
  }

  /** Empties the azimuth field and leaves it, as a user who deletes the number would. */
  async clearAzimuth() {
    await clearField(this.azimuth);
  }

  async aimPoint(): Promise<{ lat: number; lon: number }> {
    return { lat: Number(await this.aimLat.inputValue()), lon: Number(await this.aimLon.inputValue()) };
  }

  /** Types a new range and times it (see `EditTiming`); resolves once the frame that shows it has painted. */
  async timedRangeEdit(km: number): Promise<EditTiming> {
    const layer = this.page.locator('.map .flight-layer');
    return this.range.evaluate(
      (el, { km, layer }) => {
        const input = el as HTMLInputElement;
        const done = new Promise<EditTiming>((resolve) => {
          new MutationObserver((_, obs) => {
            obs.disconnect();
            const dom = performance.now();
            requestAnimationFrame(() => {
              const r0 = performance.now();
              const c = new MessageChannel();
              c.port1.onmessage = () => {
                const end = performance.now();
                resolve({ dom: dom - t0, render: end - r0, painted: end - t0 });
              };
              c.port2.postMessage(0);
            });
          }).observe(layer, { subtree: true, childList: true, attributes: true });
        });
        const t0 = performance.now();
        input.value = String(km);
        input.dispatchEvent(new Event('change', { bubbles: true }));
        return done;
      },
      // The layer, not one launch's track: an edited launch's track is replaced, not changed in place.
      { km, layer: await layer.elementHandle() },
    );
  }
}

/** One edit of the range field, timed (ms):
 * - `dom`: from the change event to the new arc in the page (the flight solve and every view it updates);
 * - `render`: the style, layout and paint of the frame that shows it (from that frame's animation callback to
 *   the task after it);
 * - `painted`: from the change event to that frame painted, which also waits for the display's next frame. */
export interface EditTiming {
  dom: number;
  render: number;
  painted: number;
}

export type FactKey = 'apogee' | 'range' | 'flight-time' | 'max-speed' | 'burnout' | 'impact';

/** The selected launch's figures beside the map. */
export class FlightFacts {
  readonly region: Locator;

  /** What the solve changed to fly the shape (a cut burn, a lighter payload), in words. */
  readonly adjusted: Locator;

  constructor(root: Locator) {
    this.region = root.getByRole('region', { name: 'Flight figures', exact: true });
    this.adjusted = this.region.locator('p.flight-adjusted');
  }

  fact(key: FactKey): Locator {
    return this.region.locator(`.fact[data-fact="${key}"] dd`);
  }

  async text(key: FactKey): Promise<string> {
    return text(this.fact(key));
  }

  async rangeKm(): Promise<number> {
    return parseFloat(await this.text('range'));
  }

  async apogeeKm(): Promise<number> {
    return parseFloat(await this.text('apogee'));
  }

  /** The flight time in whole seconds, as shown in brackets ("23:47 (1427 s)"). */
  async flightTimeS(): Promise<number> {
    const shown = await this.text('flight-time');
    const m = shown.match(/\((\d+) s\)/);
    if (!m) throw new Error(`flight time "${shown}" has no seconds`);
    return Number(m[1]);
  }
}
