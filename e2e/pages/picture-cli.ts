import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';

/** The `picture` command line, built before the tests start (`scripts/test.sh` builds it and sets
 * PICTURE_BIN; a relative PICTURE_BIN is taken from the e2e directory). The tests never build it: a compile
 * inside a timed test would time out on a fresh clone. */
const REPO = path.resolve(__dirname, '..', '..');

export const PICTURE_BIN = path.resolve(__dirname, '..', process.env.PICTURE_BIN ?? path.join('..', 'target', 'release', 'picture'));

/** Runs the `picture` command line with `--json` and parses its output. */
export function picture<T>(args: string[]): T {
  if (!existsSync(PICTURE_BIN)) {
    throw new Error(
      `the picture command line is not at ${PICTURE_BIN}: build it first (cargo build -p picture-cli --release), ` +
        'or set PICTURE_BIN to the built binary',
    );
  }
  const out = execFileSync(PICTURE_BIN, [...args, '--json'], { cwd: REPO, encoding: 'utf8' });
  return JSON.parse(out) as T;
}

export interface HorizonOut {
  slant_range_km: number;
  ground_range_km: number;
}

export interface DetectRow {
  sensor: string;
  nation: string;
  above_horizon_s: number | null;
}
