import { expect, type Locator, type Page } from '@playwright/test';
import { MapPage } from './map-page';

/** The whole app: the map plus the launch editor, flight figures, sensors panel and clock. */
export class AppPage extends MapPage {
  readonly editor: Locator;
  readonly sensors: Locator;

  constructor(page: Page) {
    super(page);
    this.editor = page.locator('.launch-editor');
    this.sensors = page.locator('.sensors-panel');
  }

  async gotoApp() {
    await this.goto();
    await expect(this.page.locator('.flight-track path').first()).toBeAttached();
  }

  async fact(key: string): Promise<string> {
    return (await this.page.locator(`.fact[data-fact="${key}"] dd`).textContent()) ?? '';
  }

  async rangeKm(): Promise<number> {
    return parseFloat(await this.fact('range'));
  }

  async choose(name: 'site' | 'missile' | 'shape' | 'k' | 'picture' | 'compare-with', value: string) {
    await this.page.locator(`select[name="${name}"]`).selectOption(value);
  }

  async typeNumber(name: string, value: number) {
    const input = this.page.locator(`input[name="${name}"]`);
    await input.fill(String(value));
    await input.dispatchEvent('change');
  }

  /** Sets a range input (Playwright cannot fill those) as a user's drag would. */
  async slide(name: string, value: number) {
    await this.page.locator(`input[name="${name}"], input.${name}`).first().evaluate((el, v) => {
      const input = el as HTMLInputElement;
      input.value = String(v);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }, value);
  }

  async aimPoint(): Promise<{ lat: number; lon: number }> {
    return {
      lat: Number(await this.page.locator('input[name="aim-lat"]').inputValue()),
      lon: Number(await this.page.locator('input[name="aim-lon"]').inputValue()),
    };
  }

  fan(sensor: string): Locator {
    return this.page.locator(`path.fan[data-sensor="${sensor}"]`);
  }

  /** Sensor rows in the order the list shows them (by first detection). */
  async sensorRows(): Promise<{ name: string; nation: string; first: number | null }[]> {
    return this.page.locator('.sensor-list tbody tr').evaluateAll((rows) =>
      rows.map((r) => ({
        name: r.getAttribute('data-sensor') ?? '',
        nation: r.getAttribute('data-nation') ?? '',
        first: r.getAttribute('data-first-detection-s') ? Number(r.getAttribute('data-first-detection-s')) : null,
      })),
    );
  }
}

/** Great-circle distance on the WGS84 mean sphere (km): within 0.5% of the geodesic. */
export function greatCircleKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * r) / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(((b.lon - a.lon) * r) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}
