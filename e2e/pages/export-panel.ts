import type { Locator, Page } from '@playwright/test';
import type { ChartName } from './charts';
import { download } from './controls';

export type SavedFile = { name: string; body: Buffer; text: string };
export type DataExport = 'trajectories' | 'measurements' | 'tracks' | 'pictures' | 'geojson' | 'kml' | 'czml';
export type PictureExport = `${'map' | 'figure' | ChartName}-${'svg' | 'png'}`;

/** The export panel: each button saves a file, which the tests read back. */
export class ExportPanel {
  readonly page: Page;
  readonly region: Locator;
  /** A failed export says why here. */
  readonly alerts: Locator;

  constructor(page: Page, root: Locator) {
    this.page = page;
    this.region = root.getByRole('region', { name: 'Export', exact: true });
    this.alerts = this.region.getByRole('alert');
  }

  /** Clicks an export button and returns the file it downloads. */
  async save(what: DataExport | PictureExport): Promise<SavedFile> {
    const file = await download(this.page, () => this.region.locator(`button[data-export="${what}"]`).click());
    return { ...file, text: file.body.toString('utf8') };
  }

  /** Parses XML (KML or SVG) with the browser's DOMParser: the root's name, any parser error, tag counts, and
   * how many elements carry an event-handler attribute (`onload`, `onerror`...). In a blank page: a document
   * parsed in the app's page takes on its Content-Security-Policy, which refuses the file's style attributes. */
  async parseXml(text: string, mime: 'application/xml' | 'image/svg+xml', tags: string[]) {
    const blank = await this.page.context().newPage();
    try {
      return await blank.evaluate(
        ({ text, mime, tags }) => {
          const doc = new DOMParser().parseFromString(text, mime as DOMParserSupportedType);
          const counts: Record<string, number> = {};
          for (const t of tags) counts[t] = doc.getElementsByTagName(t).length;
          const all = [...doc.getElementsByTagName('*')];
          return {
            root: doc.documentElement.nodeName,
            error: doc.getElementsByTagName('parsererror').length > 0,
            counts,
            handlers: all.filter((e) => [...e.attributes].some((a) => a.name.toLowerCase().startsWith('on'))).length,
          };
        },
        { text, mime, tags },
      );
    } finally {
      await blank.close();
    }
  }
}

/** An SVG document's words, as a reader of the file sees them: its `text` elements' contents in document order
 * (wrapped lines joined by a space), and its width and height attributes. Parsed in a blank page, as `parseXml`. */
export async function svgWords(page: Page, text: string): Promise<{ words: string; width: number; height: number }> {
  const blank = await page.context().newPage();
  try {
    return await blank.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const root = doc.documentElement;
      const words = Array.from(doc.getElementsByTagName('text'), (t) => t.textContent ?? '').join(' ');
      return { words, width: Number(root.getAttribute('width')), height: Number(root.getAttribute('height')) };
    }, text);
  } finally {
    await blank.close();
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
