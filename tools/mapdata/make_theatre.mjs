// Builds assets/map/theatre.bin: Natural Earth land and country borders (public domain, via the world-atlas
// npm package) clipped to the theatre and simplified for the closest zoom the app allows.
//
// Run from this folder: npm ci && node make_theatre.mjs
//
// Format (all integers little-endian; "varint" is LEB128, "zz" is zigzag-encoded varint):
//   "SPM2" magic, u8 layer count, then per layer: u8 kind (0 = land rings, 1 = border lines), varint ring
//   count, per ring: varint point count. Then the points of every ring of every layer in that order, in two
//   streams: first every longitude as zz(lon * Q), then every latitude as zz(lat * Q), each ring's first point
//   absolute and the rest as deltas from the previous point. Q = 500 per degree (0.002 deg, about 220 m; see
//   TOLERANCE_DEG). Longitudes and latitudes apart, because gzip finds more repeats in each stream than in the
//   two interleaved ("SPM1" interleaved them, at Q = 2000).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { feature, mesh } from 'topojson-client';

const Q = 500;
// The theatre (115-160 E, 22-50 N) with a margin, so that panning a little past it still shows land.
const BOX = { west: 88, east: 180, south: 8, north: 62 };
// Douglas-Peucker tolerance in degrees of latitude (about 390 m): with the quantisation's rounding (at most
// 0.001 deg, 111 m) a point is at most a pixel from the coastline at the closest zoom (0.5 km per pixel, see
// src/map/viewport.rs MAX_SCALE). It was 0.003 deg at 0.0005 deg, interleaved: this pair, still within a pixel,
// and the two streams take the file from 70 KB to 51 KB of gzip in the page's download.
const TOLERANCE_DEG = 0.0035;
// Islands smaller than this (square degrees, about 4 km^2) are dropped: invisible at every zoom but the closest.
const MIN_RING_AREA_DEG2 = 0.0004;

const atlas = (name) => JSON.parse(readFileSync(new URL(`node_modules/world-atlas/${name}`, import.meta.url)));
const land10 = atlas('land-10m.json');
const countries10 = atlas('countries-10m.json');

const landGeom = feature(land10, land10.objects.land);
const borderGeom = mesh(countries10, countries10.objects.countries, (a, b) => a !== b);

function perpDist(p, a, b) {
  const k = Math.cos((a[1] * Math.PI) / 180);
  const [px, py, ax, ay, bx, by] = [p[0] * k, p[1], a[0] * k, a[1], b[0] * k, b[1]];
  const dx = bx - ax, dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
  t = Math.max(0, Math.min(1, t));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function simplify(points, tol) {
  if (points.length < 3) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [i, j] = stack.pop();
    let best = -1, bestD = tol;
    for (let k = i + 1; k < j; k++) {
      const d = perpDist(points[k], points[i], points[j]);
      if (d > bestD) { bestD = d; best = k; }
    }
    if (best >= 0) { keep[best] = 1; stack.push([i, best], [best, j]); }
  }
  return points.filter((_, i) => keep[i]);
}

// Sutherland-Hodgman against each edge of the box: correct for any ring against a convex window.
function clipRing(ring) {
  const edges = [
    [(p) => p[0] >= BOX.west, (a, b) => cross(a, b, 0, BOX.west)],
    [(p) => p[0] <= BOX.east, (a, b) => cross(a, b, 0, BOX.east)],
    [(p) => p[1] >= BOX.south, (a, b) => cross(a, b, 1, BOX.south)],
    [(p) => p[1] <= BOX.north, (a, b) => cross(a, b, 1, BOX.north)],
  ];
  let out = ring;
  for (const [inside, meet] of edges) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const cur = input[i], prev = input[(i + input.length - 1) % input.length];
      if (inside(cur)) {
        if (!inside(prev)) out.push(meet(prev, cur));
        out.push(cur);
      } else if (inside(prev)) out.push(meet(prev, cur));
    }
    if (!out.length) break;
  }
  return out;
}

function cross(a, b, axis, v) {
  const t = (v - a[axis]) / (b[axis] - a[axis]);
  return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
}

function inBox(p) {
  return p[0] >= BOX.west && p[0] <= BOX.east && p[1] >= BOX.south && p[1] <= BOX.north;
}

// Splits a line into the runs that lie inside the box (points outside end a run; the border data is dense
// enough that the lost sliver at the box edge is far outside the theatre).
function clipLine(line) {
  const runs = [];
  let run = [];
  for (const p of line) {
    if (inBox(p)) run.push(p);
    else { if (run.length > 1) runs.push(run); run = []; }
  }
  if (run.length > 1) runs.push(run);
  return runs;
}

function ringArea(r) {
  let s = 0;
  for (let i = 0; i < r.length; i++) {
    const a = r[i], b = r[(i + 1) % r.length];
    s += a[0] * b[1] - b[0] * a[1];
  }
  return Math.abs(s / 2) * Math.cos((r[0][1] * Math.PI) / 180);
}

const bboxOverlaps = (r) => r.some(inBox) || (Math.min(...r.map((p) => p[0])) < BOX.east && Math.max(...r.map((p) => p[0])) > BOX.west &&
  Math.min(...r.map((p) => p[1])) < BOX.north && Math.max(...r.map((p) => p[1])) > BOX.south);

const landRings = [];
const polys = landGeom.type === 'MultiPolygon' ? landGeom.coordinates : landGeom.features.flatMap((f) => f.geometry.coordinates);
for (const poly of polys) {
  for (const ring of poly) {
    if (!bboxOverlaps(ring)) continue;
    if (ringArea(ring) < MIN_RING_AREA_DEG2) continue;
    const clipped = clipRing(simplify(ring.slice(0, -1), TOLERANCE_DEG));
    if (clipped.length >= 3 && ringArea(clipped) >= MIN_RING_AREA_DEG2) landRings.push(clipped);
  }
}

const borderLines = [];
for (const line of borderGeom.coordinates) {
  for (const run of clipLine(line)) {
    const s = simplify(run, TOLERANCE_DEG);
    if (s.length > 1) borderLines.push(s);
  }
}

const bytes = [];
const varint = (out, n) => { do { let b = n & 0x7f; n = Math.floor(n / 128); if (n) b |= 0x80; out.push(b); } while (n); };
const zz = (out, n) => varint(out, n >= 0 ? 2 * n : -2 * n - 1);
const lons = [], lats = [];
function layer(kind, rings) {
  bytes.push(kind);
  varint(bytes, rings.length);
  for (const r of rings) {
    const q = r.map(([lon, lat]) => [Math.round(lon * Q), Math.round(lat * Q)]);
    varint(bytes, q.length);
    let [px, py] = [0, 0];
    for (const [x, y] of q) { zz(lons, x - px); zz(lats, y - py); px = x; py = y; }
  }
}
for (const c of 'SPM2') bytes.push(c.charCodeAt(0));
bytes.push(2);
layer(0, landRings);
layer(1, borderLines);
bytes.push(...lons, ...lats);

const outDir = new URL('../../assets/map/', import.meta.url);
mkdirSync(outDir, { recursive: true });
writeFileSync(new URL('theatre.bin', outDir), Buffer.from(bytes));
const pts = (rs) => rs.reduce((s, r) => s + r.length, 0);
console.log(`land: ${landRings.length} rings, ${pts(landRings)} points; borders: ${borderLines.length} lines, ${pts(borderLines)} points; ${bytes.length} bytes`);
