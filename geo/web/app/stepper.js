/* The time control's logic, without the page: which step is shown, Play, and when the time is released.
 *
 * A step shown by the user (a key, a button, the slider) stops Play and releases the time RELEASE_MS
 * after the last one, or at once when a drag ends; Play releases only when it stops. Nothing plays by
 * itself. `timers` (setTimeout, clearTimeout, setInterval, clearInterval) can be fakes: test/stepper.test.js.
 */
export const RELEASE_MS = 300;
const STEP_KEYS = new Map([["ArrowRight", 1], ["PageDown", 1], ["ArrowLeft", -1], ["PageUp", -1]]);

/* Which way a key steps the time (+1, -1) or 0, given where it was pressed (`at`: {slider, editable,
   selfMoving, inMap, inControl, classroom}): Page Up/Down (a clicker) in classroom mode, or while the focus
   is in the time control or the map (elsewhere they scroll the page, issue 22), never in a text field; the
   arrows only where they would not move something else (the slider, a radio group, the map, which pans).
   Never with a modifier (Alt+← is the browser's Back). */
export function keyStep(event, at) {
  const delta = STEP_KEYS.get(event.key);  // a Map: no inherited name ("constructor") is a key
  if (!delta) return 0;
  if (event.altKey || event.ctrlKey || event.metaKey || at.editable) return 0;
  const arrow = event.key === "ArrowLeft" || event.key === "ArrowRight";
  if (arrow && (at.slider || at.selfMoving || at.inMap)) return 0;
  if (!arrow && !(at.classroom || at.inControl || at.inMap)) return 0;
  return delta;
}

const SELF_MOVING = /^(slider|radio|tab|option|menuitem|checkbox|switch)/;

/* Where a key was pressed, for keyStep: `target` the element, `slider` the control's own, `map` a map's
   container, `control` the time control's box. */
export function keyTarget(target, slider, map, control = null) {
  if (!target) return {editable: true};
  const tag = target.tagName || "", own = target === slider;
  const role = target.getAttribute ? target.getAttribute("role") || "" : "";
  return {slider: own, selfMoving: SELF_MOVING.test(role),
          editable: /^(textarea|select)$/i.test(tag) || Boolean(target.isContentEditable) || (tag === "INPUT" && !own),
          inMap: Boolean(map && (target === map || map.contains(target))),
          inControl: Boolean(control && (target === control || control.contains(target)))};
}

export class Stepper {
  /* `count` steps; `show(index, origin)` draws one, `release(index)` tells the host the time settled,
     `playing(on)` says whether Play runs. */
  constructor({show, release, playing}, timers = globalThis) {
    Object.assign(this, {onShow: show, onRelease: release, onPlaying: playing, timers});
    this.count = 1;
    this.index = 0;
    this.dragging = false;
    this.player = null;
    this.releaseTimer = null;
  }

  /* Show step i (clamped). `origin`: "user" (stops Play, releases later), "play", "server" or "data". */
  show(i, origin) {
    this.index = Math.max(0, Math.min(this.count - 1, i));
    this.onShow(this.index, origin);
    if (origin === "user") {
      this.stopPlay(false);
      if (!this.dragging) this.scheduleRelease(RELEASE_MS);
    }
  }

  step(delta) {
    this.show(this.index + delta, "user");
  }

  startDrag() {
    this.dragging = true;
  }

  endDrag() {
    if (!this.dragging) return;
    this.dragging = false;
    this.scheduleRelease(0);
  }

  scheduleRelease(delay) {
    this.timers.clearTimeout(this.releaseTimer);
    this.releaseTimer = this.timers.setTimeout(() => {
      if (!this.player && !this.dragging) this.onRelease(this.index);
    }, delay);
  }

  get playing() {
    return this.player !== null;
  }

  /* Play from here (from the start if at the end), one step every `every` ms, to the last step; or stop. */
  togglePlay(every) {
    if (this.player) { this.stopPlay(true); return; }
    if (this.index >= this.count - 1) this.show(0, "play");
    this.player = this.timers.setInterval(() => {
      if (this.index < this.count - 1) this.show(this.index + 1, "play");
      if (this.index >= this.count - 1) this.stopPlay(true);
    }, every);
    this.onPlaying(true);
  }

  stopPlay(release) {
    if (!this.player) return;
    this.timers.clearInterval(this.player);
    this.player = null;
    this.onPlaying(false);
    if (release) this.scheduleRelease(0);
  }

  destroy() {
    this.stopPlay(false);
    this.timers.clearTimeout(this.releaseTimer);
  }
}
