import type { Locator } from '@playwright/test';
import { slide } from './controls';

export type KChoice = 'ray' | '1' | '4/3' | 'custom';

/** A sensor as the list shows it: its name, nation and first detection (s after the scenario start). */
export type SensorRow = { name: string; nation: string; first: number | null };

/** The sensors panel: the radar fans' altitude, refraction, and each sensor with its first detection. */
export class SensorsPanel {
  readonly region: Locator;
  readonly fanAltitude: Locator;
  /** The fan altitude as the panel shows it ("100 km"). */
  readonly fanAltitudeOutput: Locator;
  readonly k: Locator;
  readonly rows: Locator;

  constructor(root: Locator) {
    this.region = root.getByRole('region', { name: 'Sensors', exact: true });
    this.fanAltitude = this.region.getByRole('slider', { name: 'Fan altitude (km)', exact: true });
    this.fanAltitudeOutput = this.region.locator('.fan-altitude output');
    this.k = this.region.getByRole('combobox', { name: /^Refraction/ });
    this.rows = this.region.locator('.sensor-list tbody tr');
  }

  async setFanAltitudeKm(km: number) {
    await slide(this.fanAltitude, km);
  }

  async chooseK(k: KChoice) {
    await this.k.selectOption(k);
  }

  /** The checkbox that switches a sensor on and off. */
  use(sensor: string): Locator {
    return this.region.getByRole('checkbox', { name: `Use ${sensor}`, exact: true });
  }

  row(sensor: string): Locator {
    return this.region.locator(`.sensor-list tbody tr[data-sensor="${sensor}"]`);
  }

  /** A sensor's first-detection cell ("T+12 s", "off", "none (…)"). */
  firstDetection(sensor: string): Locator {
    return this.row(sensor).locator('.first');
  }

  /** Sensor rows in the order the list shows them (by first detection). */
  async list(): Promise<SensorRow[]> {
    return this.rows.evaluateAll((rows) =>
      rows.map((r) => ({
        name: r.getAttribute('data-sensor') ?? '',
        nation: r.getAttribute('data-nation') ?? '',
        first: r.getAttribute('data-first-detection-s') ? Number(r.getAttribute('data-first-detection-s')) : null,
      })),
    );
  }

  /** The "Fans shown" checkbox of a nation (`JP`, `KR`, `US`). */
  fansOf(nation: string): Locator {
    return this.region.locator(`.fan-nations input[value="${nation}"]`);
  }

  /** A row's details (figures and source), closed until its summary is clicked. */
  details(row: Locator): SensorDetails {
    return new SensorDetails(row.locator('details.sensor-details'));
  }

  /** Rows whose details list a figure of this name (a radar lists its instrumented range). */
  rowsWithFigure(name: string): Locator {
    // The inner locator is matched inside each row: it is built from the page, not from this panel.
    return this.rows.filter({ has: this.rows.page().locator('dt', { hasText: name }) });
  }

  /** Opens every sensor's details at once. */
  async openAllDetails() {
    await this.rows
      .locator('details.sensor-details summary')
      .evaluateAll((els) => els.forEach((e) => (e as HTMLElement).click()));
  }
}

/** One sensor's figures and their source. */
export class SensorDetails {
  readonly root: Locator;
  readonly summary: Locator;
  readonly figures: Locator;

  constructor(root: Locator) {
    this.root = root;
    this.summary = root.locator('summary');
    this.figures = root.locator('dl');
  }

  async open() {
    await this.summary.click();
  }

  labels(): Promise<string[]> {
    return this.figures.locator('dt').allTextContents();
  }

  /** The value shown for a figure, by its label. */
  value(label: string): Locator {
    return this.figures.locator('dt', { hasText: label }).locator('xpath=following-sibling::dd[1]');
  }
}
