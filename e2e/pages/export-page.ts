import { expect, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { ChartsPage } from './charts-page';

export type SavedFile = { name: string; body: Buffer; text: string };

/** The export panel: each button saves a file, which the tests read back. */
export class ExportPage extends ChartsPage {
  readonly panel: Locator;

  constructor(page: Page) {
    super(page);
    this.panel = page.locator('.export-panel');
  }

  /** The app with its pictures computed (the comparison table is there), so every export has data. */
  async gotoReady() {
    await this.gotoApp();
    await expect(this.page.locator('.comparison tbody tr').first()).toBeAttached();
    await this.waitForCharts();
  }

  /** Clicks an export button and returns the file it downloads. */
  async save(what: string): Promise<SavedFile> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.panel.locator(`button[data-export="${what}"]`).click(),
    ]);
    const path = await download.path();
    if (!path) throw new Error(`${what}: the download has no file`);
    const body = readFileSync(path);
    return { name: download.suggestedFilename(), body, text: body.toString('utf8') };
  }

  /** Parses XML (KML or SVG) with the browser's DOMParser: the root's name, any parser error, tag counts. */
  async parseXml(text: string, mime: 'application/xml' | 'image/svg+xml', tags: string[]) {
    return this.page.evaluate(
      ({ text, mime, tags }) => {
        const doc = new DOMParser().parseFromString(text, mime as DOMParserSupportedType);
        const counts: Record<string, number> = {};
        for (const t of tags) counts[t] = doc.getElementsByTagName(t).length;
        return {
          root: doc.documentElement.nodeName,
          error: doc.getElementsByTagName('parsererror').length > 0,
          counts,
        };
      },
      { text, mime, tags },
    );
  }
}

/** RFC 4180 rows (quoted fields may hold commas and doubled quotes; no line breaks in fields here). */
export function parseCsv(text: string): string[][] {
  return text
    .split('\n')
    .filter((l) => l.length > 0)
    .map((line) => {
      const cells: string[] = [];
      let cell = '';
      let quoted = false;
      for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (c === '"' && quoted && line[i + 1] === '"') {
          cell += '"';
          i++;
        } else if (c === '"') quoted = !quoted;
        else if (c === ',' && !quoted) {
          cells.push(cell);
          cell = '';
        } else cell += c;
      }
      cells.push(cell);
      return cells;
    });
}

/** Width and height of a PNG from its IHDR chunk, after checking the 8-byte signature. */
export function pngSize(body: Buffer): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  signature.forEach((b, i) => {
    if (body[i] !== b) throw new Error(`not a PNG: byte ${i} is ${body[i]}`);
  });
  return { width: body.readUInt32BE(16), height: body.readUInt32BE(20) };
}
