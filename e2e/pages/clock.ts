import { expect, type Locator, type Page } from '@playwright/test';
import { numberAttribute, slide } from './controls';

export type Zone = 'UTC' | 'JST' | 'KST';
export type MarkerKind = 'launch' | 'impact' | 'detection' | 'track' | 'impact-100' | 'impact-25';
/** The playback speeds the clock offers, simulated seconds per real second. */
export type Speed = 1 | 2 | 4 | 8 | 16 | 32 | 64 | 128;

/** Per frame of playback (ms): `interval`, from the previous frame's start (60 Hz gives 16.7); `work`, from the
 * frame's start (its animation-frame time stamp) to the task after its paint: the clock's tick, every view it
 * updates, style, layout and paint, and any wait for work still running when the frame was due. */
export interface Frame {
  interval: number;
  work: number;
}

/** The clock bar: play and pause, speed, the scrubber with its event markers, the time in three zones. */
export class Clock {
  readonly page: Page;
  readonly bar: Locator;
  readonly group: Locator;
  readonly playButton: Locator;
  readonly pauseButton: Locator;
  readonly speed: Locator;
  readonly scrubber: Locator;
  readonly elapsed: Locator;

  constructor(page: Page, root: Locator) {
    this.page = page;
    this.bar = root.locator('.clockbar');
    this.group = root.getByRole('group', { name: 'Time', exact: true });
    this.playButton = this.group.getByRole('button', { name: 'Play', exact: true });
    this.pauseButton = this.group.getByRole('button', { name: 'Pause', exact: true });
    this.speed = this.group.getByRole('combobox', { name: /^Speed/ });
    this.scrubber = this.group.getByRole('slider', { name: 'Time after launch', exact: true });
    this.elapsed = this.group.locator('output.elapsed');
  }

  async play() {
    await this.playButton.click();
    await expect(this.pauseButton).toBeVisible();
  }

  async pause() {
    await this.pauseButton.click();
    await expect(this.playButton).toBeVisible();
  }

  async chooseSpeed(speed: Speed) {
    await this.speed.selectOption(String(speed));
  }

  /** Moves the scrubber to `s` seconds after the scenario start, as a drag would. */
  async seek(s: number) {
    await slide(this.scrubber, s);
  }

  /** The clock, seconds after the scenario start, as the scrubber holds it (whole seconds). */
  async seconds(): Promise<number> {
    return Number(await this.scrubber.inputValue());
  }

  /** The scrubber's end: when the last flight ends, seconds. */
  async endS(): Promise<number> {
    return numberAttribute(this.scrubber, 'max');
  }

  /** A zone's clock (its `<time>`, hh:mm:ss) */
  zoneTime(zone: Zone): Locator {
    return this.zone(zone).locator('time');
  }

  /** A zone's entry, whose title is the full date and time. */
  zone(zone: Zone): Locator {
    return this.group.locator(`.zone[data-zone="${zone}"]`);
  }

  /** Every marker, in the order of their times (the order the arrow keys walk). */
  allMarkers(): Locator {
    return this.group.locator('.marker');
  }

  /** The markers' toolbar: one Tab stop for all of them. */
  markerBar(): Locator {
    return this.group.getByRole('toolbar', { name: 'Events', exact: true });
  }

  /** The scrubber's markers of one kind. */
  markers(kind: MarkerKind): Locator {
    return this.group.locator(`.marker.${kind}`);
  }

  /** A picture's marker for one event, by the name a screen reader hears ("Japan: first track (T+…)"). */
  pictureMarker(picture: string, event: 'first detection' | 'first track'): Locator {
    const escaped = picture.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return this.group.getByRole('button', { name: new RegExp(`^${escaped}: ${event} \\(`) });
  }

  /** The time a marker marks, seconds after the scenario start. */
  async markerTime(marker: Locator): Promise<number> {
    return numberAttribute(marker, 'data-t');
  }

  /** Each impact marker's time, seconds after the scenario start, in order. */
  impactTimes(): Promise<number[]> {
    return this.markers('impact').evaluateAll((ms) => ms.map((m) => Number(m.getAttribute('data-t'))));
  }

  /** Drags the scrubber through `frames` positions, one per animation frame, and returns the mean time per
   * frame (ms): what scrubbing costs with everything that follows the clock. */
  async scrubFrames(frames: number, stepS: number): Promise<number> {
    return this.scrubber.evaluate(
      async (el, { frames, stepS }) => {
        const input = el as HTMLInputElement;
        const t0 = performance.now();
        for (let i = 0; i < frames; i++) {
          input.value = String(stepS * i);
          input.dispatchEvent(new Event('input', { bubbles: true }));
          await new Promise((r) => requestAnimationFrame(() => r(null)));
        }
        return (performance.now() - t0) / frames;
      },
      { frames, stepS },
    );
  }

  /** Plays for `ms` of real time and times every frame drawn (see `Frame`); then pauses and returns to the
   * start. `reachedS` is where the clock had got to when paused. */
  async timePlayback(ms: number): Promise<{ frames: Frame[]; reachedS: number }> {
    await this.play();
    const frames = await this.page.evaluate(
      (ms) =>
        new Promise<{ interval: number; work: number }[]>((resolve) => {
          const out: { interval: number; work: number }[] = [];
          let last = -1;
          let end = -1;
          let pending = 0;
          const step = (frameStart: number) => {
            if (end < 0) end = frameStart + ms;
            const interval = last < 0 ? NaN : frameStart - last;
            last = frameStart;
            const c = new MessageChannel();
            pending++;
            c.port1.onmessage = () => {
              out.push({ interval, work: performance.now() - frameStart });
              if (--pending === 0 && frameStart >= end) resolve(out.slice(1));
            };
            c.port2.postMessage(0);
            if (frameStart < end) requestAnimationFrame(step);
          };
          requestAnimationFrame(step);
        }),
      ms,
    );
    await this.pause();
    const reachedS = await this.seconds();
    await this.seek(0);
    return { frames, reachedS };
  }
}
