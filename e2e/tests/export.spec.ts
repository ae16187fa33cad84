import { expect, test } from '../pages/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { AppPage } from '../pages/app-page';
import { CHARTS } from '../pages/charts';
import { report } from '../pages/metrics';
import { parseCsv, pngSize, type ExportPanel } from '../pages/export-panel';

/** The app with its pictures computed (the comparison table is there) and its charts drawn, so every export
 * has data; and its export panel. */
async function ready(page: import('@playwright/test').Page): Promise<{ app: AppPage; ex: ExportPanel }> {
  const app = new AppPage(page);
  await app.gotoApp();
  await expect(app.pictures.comparisonRows.first()).toBeAttached();
  await app.charts.waitForCharts();
  return { app, ex: app.exports };
}

test('CSV exports: trajectories, measurements and tracks parse into rows and columns', async ({ page }) => {
  const { ex } = await ready(page);

  const traj = await ex.save('trajectories');
  expect(traj.name).toBe('shared-picture-trajectories.csv');
  const t = parseCsv(traj.text);
  expect(t[0]).toEqual(['launch', 't_s', 'lat_deg', 'lon_deg', 'alt_m', 'speed_m_s']);
  expect(t.length).toBeGreaterThan(100);
  for (const r of t.slice(1)) expect(r.length).toBe(6);
  const times = t.slice(1).map((r) => Number(r[1]));
  expect(times.every((v, i) => i === 0 || v > times[i - 1])).toBe(true);
  const apogeeM = Math.max(...t.slice(1).map((r) => Number(r[4])));
  expect(apogeeM).toBeGreaterThan(100_000);

  const meas = parseCsv((await ex.save('measurements')).text);
  expect(meas[0].slice(0, 4)).toEqual(['sensor', 'nation', 't_s', 'kind']);
  expect(meas.length).toBeGreaterThan(10);
  for (const r of meas) expect(r.length).toBe(meas[0].length);
  expect(meas.slice(1).some((r) => r[3] === 'radar' && Number(r[6]) > 0)).toBe(true);

  const tracks = parseCsv((await ex.save('tracks')).text);
  expect(tracks[0].slice(0, 4)).toEqual(['picture', 'track_id', 'snapshot_t_s', 'estimate_t_s']);
  expect(tracks.length).toBeGreaterThan(10);
  for (const r of tracks) expect(r.length).toBe(tracks[0].length);
  expect(tracks.slice(1).some((r) => r[0].startsWith('Trilateral'))).toBe(true);

  // Each picture's milestones and SIAP measures, one row per picture.
  const pictures = parseCsv((await ex.save('pictures')).text);
  expect(pictures[0][0]).toBe('picture');
  expect(pictures[0]).toContain('siap_completeness');
  const row = (name: string) => pictures.find((r) => r[0] === name)!;
  const c = pictures[0].indexOf('siap_completeness');
  expect(Number(row('Japan alone')[c])).toBeLessThan(Number(row('Japan with sharing')[c]));
  for (const r of pictures) expect(r.length).toBe(pictures[0].length);
});

test('GeoJSON, KML and CZML exports parse with the expected features and packets', async ({ page }) => {
  const { app, ex } = await ready(page);
  // Mid-flight, so the pictures hold tracks with predicted impacts.
  await app.clock.seek(400);

  const geo = JSON.parse((await ex.save('geojson')).text);
  expect(geo.type).toBe('FeatureCollection');
  const kinds = (k: string) => geo.features.filter((f: any) => f.properties.kind === k);
  expect(kinds('arc').length).toBe(1);
  expect(kinds('arc')[0].geometry.type).toBe('LineString');
  expect(kinds('fan').length).toBeGreaterThan(3);
  expect(kinds('fan').every((f: any) => f.geometry.type === 'Polygon')).toBe(true);
  expect(kinds('impact-ellipse').length).toBeGreaterThan(0);
  const ring = kinds('impact-ellipse')[0].geometry.coordinates[0];
  expect(ring[0]).toEqual(ring[ring.length - 1]);
  expect(kinds('fan')[0].properties.nation).toMatch(/^(JP|KR|US)$/);

  const kml = await ex.save('kml');
  expect(kml.name).toBe('shared-picture.kml');
  const k = await ex.parseXml(kml.text, 'application/xml', ['Placemark', 'LineString', 'Polygon']);
  expect(k.error).toBe(false);
  expect(k.root).toBe('kml');
  expect(k.counts.LineString).toBe(1);
  expect(k.counts.Polygon).toBe(geo.features.length - 1);
  expect(k.counts.Placemark).toBe(geo.features.length);

  const czml = JSON.parse((await ex.save('czml')).text);
  expect(Array.isArray(czml)).toBe(true);
  expect(czml[0].id).toBe('document');
  expect(czml[0].version).toBe('1.0');
  expect(czml[0].clock.interval).toMatch(/^\d{4}-\d\d-\d\dT.*Z\/\d{4}-/);
  const missile = czml.find((p: any) => p.id === 'missile/1');
  expect(missile.position.cartographicDegrees.length % 4).toBe(0);
  expect(missile.availability).toContain('/');
  const tracks = czml.filter((p: any) => String(p.id).startsWith('track/'));
  expect(tracks.length).toBeGreaterThan(0);
  for (const p of tracks) expect(p.position.cartographicDegrees.length % 4).toBe(0);
});

test('the map and every chart export as standalone SVG and as PNG', async ({ page }) => {
  const { app, ex } = await ready(page);
  const lines: string[] = [];

  const map = await ex.save('map-svg');
  expect(map.name).toBe('shared-picture-map.svg');
  const m = await ex.parseXml(map.text, 'image/svg+xml', ['path', 'text']);
  expect(m.error).toBe(false);
  expect(m.root).toBe('svg');
  expect(m.counts.path).toBeGreaterThan(100);
  // The styles travel with the file: land is filled without the page's style sheets.
  expect(map.text).toMatch(/<path[^>]*style="[^"]*fill:\s*rgb/);
  lines.push(`map.svg ${(map.body.length / 1024).toFixed(0)} KiB`);

  const mapPng = await ex.save('map-png');
  expect(mapPng.name).toBe('shared-picture-map.png');
  const size = pngSize(mapPng.body);
  const box = (await app.map.svg.boundingBox())!;
  expect(size.width).toBe(Math.round(box.width) * 2);
  expect(mapPng.body.length).toBeGreaterThan(20_000);
  // Kept for a look by eye.
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/export-map.png', mapPng.body);
  lines.push(`map.png ${size.width}x${size.height} ${(mapPng.body.length / 1024).toFixed(0)} KiB`);

  for (const c of CHARTS) {
    const svg = await ex.save(`${c}-svg`);
    const parsed = await ex.parseXml(svg.text, 'image/svg+xml', ['text']);
    expect(parsed.error, c).toBe(false);
    expect(parsed.root, c).toBe('svg');
    expect(parsed.counts.text, c).toBeGreaterThan(3);
    const png = await ex.save(`${c}-png`);
    const s = pngSize(png.body);
    // At twice the chart's drawn width (its viewBox), whatever size the page shows it at.
    const viewWidth = Number((svg.text.match(/viewBox="0 0 (\d+)/) ?? [])[1]);
    expect(viewWidth, c).toBeGreaterThan(0);
    expect(s.width, c).toBe(2 * viewWidth);
    expect(png.body.length, c).toBeGreaterThan(5_000);
    writeFileSync(`test-results/export-${c}.png`, png.body);
    lines.push(`${c}.png ${s.width}x${s.height} ${(png.body.length / 1024).toFixed(0)} KiB`);
  }
  await expect(ex.alerts).toHaveCount(0);
  report(`exports: ${lines.join(', ')}`);
});
