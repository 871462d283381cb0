/* The time control: a slider, Back / Play-Pause / Forward, a speed, the clock and the four counters,
 * all in the browser. It draws the st_folium map at every step and tells Python the time only on
 * release (see ui/time_control.py for the data it gets and the state it sends).
 *
 * - Each step goes to the map iframe found afresh (".st-key-<mapKey> iframe") as a "juliaca:step"
 *   event dispatched on its window, with the step {...numbers and ids...} as `detail`: data, never
 *   code. The map draws it inside this key or input handler, so the browser paints it in the very
 *   next frame; a posted message would run only after that frame (Chromium renders first after an
 *   input), a frame later. Only a window of this origin can be reached so; any other gets
 *   {type: "juliaca:step", step} by postMessage. A new map iframe announces itself
 *   ("juliaca:map-ready") and gets the current step.
 * - The bundle's core.json is fetched as soon as the control mounts, and shared with the map
 *   (window.JuliacaBundles), which then need not fetch it again before its first drawing.
 * - The clock and the counters are drawn in an animation frame from the time the map has drawn
 *   (the map frame is on this origin), so a painted frame never shows them at another time.
 * - Python hears the time (setStateValue "at") 300 ms after the last key step or at pointer
 *   release, on Pause and at the end of Play; never during Play.
 * - A time decided by the server comes with a new `rev` and is applied once.
 * - Asked to (`reportDrawn`), it tells Python once ("drawn") when the map has painted its first step:
 *   the page holds back its list and downloads until then (and Python stops waiting after a few seconds).
 * - Nothing plays by itself (prefers-reduced-motion: the map's moves are not animated either); the
 *   live region says the time once it settles, never during Play.
 * - Initialised once per parentElement: Streamlit calls this function again on every data change.
 * Every text goes in with textContent.
 */
const INSTANCES = new WeakMap();  // parentElement -> control
const LIVE = new Map();  // component key -> the control alive for it (one, whatever Streamlit remounts)
const RELEASE_MS = 300;
const MESSAGE = "juliaca:";
const EDITABLE = /^(textarea|select)$/i;
const STEP_KEYS = new Map([["ArrowRight", 1], ["PageDown", 1], ["ArrowLeft", -1], ["PageUp", -1]]);

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function loadTimeModel(staticRoot) {
  if (window.JuliacaTime) return Promise.resolve(window.JuliacaTime);
  return import(new URL(staticRoot + "/timemodel.js", document.baseURI).href).then(() => window.JuliacaTime);
}

// bundle URL -> Promise of core.json: one fetch per page, whatever remounts, shared with the map's iframe
const cores = window.JuliacaBundles = window.JuliacaBundles || new Map();
function loadCore(url) {
  if (!cores.has(url)) {
    const attempt = (n) => fetch(url).then((r) => { if (!r.ok) throw new Error(url + ": " + r.status); return r.json(); })
      .catch((error) => {
        if (n >= 5) throw error;
        return new Promise((resolve) => setTimeout(resolve, 250 * 2 ** n)).then(() => attempt(n + 1));
      });
    cores.set(url, attempt(0));
  }
  return cores.get(url);
}

function build(root) {
  const box = el("div", "jt");
  const present = el("div", "jt-present");
  const title = el("h2", "jt-title"), position = el("p", "jt-position"), caption = el("p", "jt-caption");
  present.append(title, position, caption);
  const clock = el("p", "jt-clock");
  const controls = el("div", "jt-controls");
  const back = el("button", "jt-back"), play = el("button", "jt-play"), forward = el("button", "jt-forward");
  [back, play, forward].forEach((b) => { b.type = "button"; });
  const slider = el("input", "jt-slider");
  slider.type = "range"; slider.min = "0"; slider.step = "1";
  const stepName = el("span", "jt-step-name");
  stepName.setAttribute("aria-hidden", "true");
  const speedLabel = el("label", "jt-speed");
  const speedText = el("span");
  const speed = el("select");
  speedLabel.append(speedText, speed);
  controls.append(back, play, forward, slider, stepName, speedLabel);
  const counters = el("div", "jt-counters");
  /* what the counters count, in words; what they include, on demand */
  const note = el("details", "jt-note"), noteSummary = el("summary"), noteBody = el("p");
  note.append(noteSummary, noteBody);
  const live = el("div", "jt-live");
  live.setAttribute("aria-live", "polite");
  live.setAttribute("role", "status");
  box.append(present, clock, controls, counters, note, live);
  root.append(box);
  return {box, present, title, position, caption, clock, back, play, forward, slider, stepName, speed, speedText,
          counters, note, noteSummary, noteBody, live};
}

/* A step to a map window: drawn at once if it is on this origin, else posted (see the top of this file). */
function deliver(w, message) {
  let event = null;
  try { event = new w.CustomEvent(message.type, {detail: message.step}); } catch (error) { event = null; }
  if (event) w.dispatchEvent(event);
  else w.postMessage(message, window.location.origin);
}

class TimeControl {
  constructor(root, setStateValue) {
    this.ui = build(root);
    this.setStateValue = setStateValue;
    this.data = null;
    this.index = 0;           // the step shown
    this.heard = null;        // the step key Python last heard (or decided)
    this.rev = null;          // the server revision last applied
    this.jumps = 0;           // how many server jumps were applied (for the tests)
    this.releaseTimer = null;
    this.liveTimer = null;
    this.playTimer = null;
    this.dragging = false;
    this.frame = 0;
    this.core = null;
    this.time = null;
    this.drawnFrame = 0;      // watching for the map's first painted step (0: not watching)
    this.drawnReported = false;
    this.wire();
  }

  wire() {
    const ui = this.ui, listeners = [];
    const on = (target, type, handler, options) => {
      target.addEventListener(type, handler, options);
      listeners.push(() => target.removeEventListener(type, handler, options));
    };
    on(ui.slider, "input", () => this.show(Number(ui.slider.value), "user"));
    on(ui.slider, "pointerdown", () => { this.dragging = true; });
    on(window, "pointerup", () => { if (this.dragging) { this.dragging = false; this.scheduleRelease(0); } });
    on(window, "pointercancel", () => { if (this.dragging) { this.dragging = false; this.scheduleRelease(0); } });
    on(ui.back, "click", () => this.show(this.index - 1, "user"));
    on(ui.forward, "click", () => this.show(this.index + 1, "user"));
    on(ui.play, "click", () => this.togglePlay());
    on(document, "keydown", (event) => this.onKey(event));
    on(window, "message", (event) => this.onMessage(event));
    on(window, MESSAGE + "key", (event) => this.onMapKey(event));
    this.removeListeners = () => listeners.forEach((off) => off());
  }

  destroy() {
    this.stopPlay(false);
    clearTimeout(this.releaseTimer);
    clearTimeout(this.liveTimer);
    cancelAnimationFrame(this.frame);
    cancelAnimationFrame(this.drawnFrame);
    this.removeListeners();
    this.ui.box.remove();
  }

  /* New data from Python (language, scale, filter, selection, or a server jump). */
  update(data) {
    const first = this.data === null;
    this.data = data;
    this.steps = data.steps;
    const ui = this.ui, s = data.strings;
    ui.box.classList.toggle("jt-presenting", data.mode === "present");
    ui.back.textContent = s.previous;
    ui.forward.textContent = s.next;
    ui.slider.max = String(this.steps.length - 1);
    ui.slider.setAttribute("aria-label", s.time);
    ui.speedText.textContent = s.speed + " ";
    ui.noteSummary.textContent = s.scope || s.note || "";
    ui.noteBody.textContent = s.scope ? s.note || "" : "";
    this.fillSpeeds();
    this.buildCounters();
    if (first || data.rev !== this.rev) {  // a time decided by the server: applied once per revision
      if (!first) this.jumps += 1;
      this.rev = data.rev;
      this.heard = this.steps[data.step].key;
      this.stopPlay(false);
      this.show(data.step, "server");
    } else {
      this.show(Math.min(this.index, this.steps.length - 1), "data");
    }
    this.ui.box.dataset.jumps = String(this.jumps);
    if (data.reportDrawn) this.watchFirstPaint();
    if (first) {  // both at once: the map may be waiting for the bundle too
      Promise.all([loadTimeModel(data.staticRoot), loadCore(data.bundle)])
        .then(([time, core]) => { this.time = time; this.core = core; this.paintText(); })
        .catch(() => { ui.noteSummary.textContent = s.counters_failed || ""; });
    }
  }

  /* Once: "drawn" when a map frame has painted a step (it is on this origin). */
  watchFirstPaint() {
    if (this.drawnFrame || this.drawnReported) return;
    const painted = (frame) => {
      try {
        const map = frame.contentWindow && frame.contentWindow.JuliacaMap;
        return !!(map && map.lastStep && map.lastStep.paintedAt);
      } catch (error) { return false; }
    };
    const check = () => {
      if (this.mapFrames().some(painted)) {
        this.drawnFrame = 0;
        this.drawnReported = true;
        this.setStateValue("drawn", true);
        return;
      }
      this.drawnFrame = requestAnimationFrame(check);
    };
    this.drawnFrame = requestAnimationFrame(check);
  }

  fillSpeeds() {
    const ui = this.ui, speeds = this.data.speeds;
    const keep = ui.speed.value;
    ui.speed.textContent = "";
    speeds.forEach((speed) => {
      const option = el("option", null, speed.label);
      option.value = String(speed.ms);
      ui.speed.append(option);
    });
    const wanted = speeds.some((speed) => String(speed.ms) === keep) ? keep : String(speeds[this.data.speed].ms);
    ui.speed.value = wanted;
  }

  buildCounters() {
    const ui = this.ui, labels = this.data.counters;
    if (ui.counters.childElementCount !== labels.length) {
      ui.counters.textContent = "";
      labels.forEach(() => {
        const box = el("div", "jt-counter");
        box.append(el("div", "jt-value"), el("div", "jt-label"));
        ui.counters.append(box);
      });
    }
    labels.forEach((label, c) => { ui.counters.children[c].lastChild.textContent = label; });
  }

  /* Show step i: the slider and the map at once; the clock and counters in the frame the map is drawn. */
  show(i, origin) {
    const last = this.steps.length - 1;
    this.index = Math.max(0, Math.min(last, i));
    const step = this.steps[this.index], ui = this.ui;
    ui.slider.value = String(this.index);
    ui.slider.setAttribute("aria-valuetext", step.clock);
    ui.stepName.textContent = step.name;
    ui.box.dataset.t = step.iso;
    this.sendStep();
    this.paintText();
    if (origin === "user") {
      this.stopPlay(false);
      if (!this.dragging) this.scheduleRelease(RELEASE_MS);
    }
    if (origin === "user" || origin === "server") this.announce(step);  // not again after each rerun
  }

  /* The message for the map: numbers, ids and category names only. */
  stepMessage() {
    const step = this.steps[this.index], d = this.data;
    const message = {t: step.t, iso: step.iso, newFrom: step.newFrom, cats: d.cats, selected: d.selected,
                     title: step.mapTitle};
    if (step.highlight) message.highlight = step.highlight;
    if (step.view) message.view = step.view;
    return {type: MESSAGE + "step", step: message};
  }

  mapFrames() {
    return Array.from(document.querySelectorAll(".st-key-" + this.data.mapKey + " iframe"));
  }

  /* To `target` (a map that just announced itself), or to the map if the step differs from the last sent. */
  sendStep(target) {
    const message = this.stepMessage(), text = JSON.stringify(message);
    if (!target && text === this.lastSent) return;  // a new map iframe asks for it itself
    const frames = target ? [target] : this.mapFrames().map((f) => f.contentWindow).filter(Boolean);
    frames.forEach((w) => deliver(w, message));
    if (!target) this.lastSent = text;
  }

  onMessage(event) {
    if (event.origin !== window.location.origin || !event.data || typeof event.data.type !== "string") return;
    const frame = this.mapFrames().find((f) => f.contentWindow === event.source);
    if (!frame) return;  // only our map's iframe may talk to us
    if (event.data.type === MESSAGE + "map-ready") this.sendStep(event.source);
    if (event.data.type === MESSAGE + "key") this.stepByKey(event.data.key, null);
  }

  /* A clicker key the map hands over at once (same origin): only from our map's iframe. */
  onMapKey(event) {
    const detail = event.detail;
    if (!detail || !this.mapFrames().some((f) => f.contentWindow === detail.from)) return;
    this.stepByKey(detail.key, null);
  }

  onKey(event) {
    const target = event.composedPath()[0];
    if (event.altKey || event.ctrlKey || event.metaKey || !target) return;
    const own = target === this.ui.slider;
    const tag = target.tagName || "";
    const role = target.getAttribute ? target.getAttribute("role") || "" : "";
    const typing = EDITABLE.test(tag) || target.isContentEditable || (tag === "INPUT" && !own);
    if (typing) return;
    const isArrow = event.key === "ArrowLeft" || event.key === "ArrowRight";
    if (isArrow && (own || /^(slider|radio|tab|option|menuitem|checkbox|switch)/.test(role))) return;  // they move themselves
    this.stepByKey(event.key, event);
  }

  stepByKey(key, event) {
    const delta = STEP_KEYS.get(key);  // a Map: no inherited name ("constructor") is a key
    if (!delta) return;
    if (event) event.preventDefault();
    this.show(this.index + delta, "user");
  }

  /* ---- the clock and counters, from the time the map has drawn ---- */

  mapTime() {
    for (const frame of this.mapFrames()) {
      let map = null;
      try { map = frame.contentWindow && frame.contentWindow.JuliacaMap; } catch (e) { map = null; }
      if (map && map.lastStep) return map.lastStep.ms;
    }
    return null;
  }

  paintText() {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.drawText(0));
  }

  drawText(tries) {
    const wanted = this.steps[this.index];
    const drawn = this.mapTime();
    /* until the map shows the new time, keep showing the time it shows (a few frames at most) */
    const t = drawn !== null && tries < 120 ? drawn : wanted.t;
    if (t !== wanted.t) this.frame = requestAnimationFrame(() => this.drawText(tries + 1));
    const step = wanted.t === t ? wanted : this.steps.find((s) => s.t === t) || wanted;
    const ui = this.ui;
    ui.clock.textContent = step.clock;
    ui.box.dataset.textT = String(t);
    if (step.scope) ui.noteSummary.textContent = step.scope;  // classroom moments: each on its own scale
    if (this.data.mode === "present") {
      ui.title.textContent = step.title;
      ui.position.textContent = step.position;
      ui.caption.textContent = step.caption;
    }
    if (!this.core || !this.time) return;
    const totals = this.time.totalsAt(this.core, t, step.tollFrom);
    this.core.countColumns.forEach((name, c) => {
      const value = ui.counters.children[c] && ui.counters.children[c].firstChild;
      /* as the source words them ("over 100") where Python gave the words; else the time model's count */
      if (value) value.textContent = step.toll ? step.toll[c] : String(totals[name]);
    });
  }

  /* The live region speaks the clock once the time settles, never during Play. */
  announce(step) {
    clearTimeout(this.liveTimer);
    this.liveTimer = setTimeout(() => {
      if (!this.playTimer) this.ui.live.textContent = this.data.mode === "present" ? step.title + ". " + step.clock : step.clock;
    }, 700);
  }

  /* ---- Python hears the time ---- */

  scheduleRelease(delay) {
    clearTimeout(this.releaseTimer);
    this.releaseTimer = setTimeout(() => this.release(), delay);
  }

  release() {
    if (this.playTimer || this.dragging) return;
    const key = this.steps[this.index].key;
    if (key === this.heard) return;
    this.heard = key;
    this.setStateValue("at", {key: key, n: Date.now()});  // n: a release of the same key again is news too
  }

  /* ---- Play ---- */

  togglePlay() {
    if (this.playTimer) { this.stopPlay(true); return; }
    if (this.index >= this.steps.length - 1) this.show(0, "play");
    const every = Number(this.ui.speed.value) || 1000;
    this.playTimer = setInterval(() => {
      if (this.index >= this.steps.length - 1) { this.stopPlay(true); return; }
      this.show(this.index + 1, "play");
      if (this.index >= this.steps.length - 1) this.stopPlay(true);
    }, every);
    this.ui.live.textContent = "";
    this.paintPlay();
  }

  stopPlay(release) {
    if (!this.playTimer) return;
    clearInterval(this.playTimer);
    this.playTimer = null;
    this.paintPlay();
    this.announce(this.steps[this.index]);
    if (release) this.scheduleRelease(0);
  }

  paintPlay() {
    const s = this.data.strings, playing = !!this.playTimer;
    this.ui.play.textContent = playing ? s.pause : s.play;  // the name says what a press does
    this.ui.box.dataset.playing = String(playing);
  }
}

export default function (component) {
  const {data, parentElement, setStateValue, key} = component;
  let control = INSTANCES.get(parentElement);
  if (!control) {
    const old = LIVE.get(key);  // a remount into a new element: the old control must not keep listening
    if (old) old.destroy();
    parentElement.querySelectorAll(".jt").forEach((node) => node.remove());
    control = new TimeControl(parentElement, setStateValue);
    INSTANCES.set(parentElement, control);
    LIVE.set(key, control);
  }
  control.setStateValue = setStateValue;
  control.update(data);
  control.paintPlay();
  return () => {
    control.destroy();
    INSTANCES.delete(parentElement);
    if (LIVE.get(key) === control) LIVE.delete(key);
  };
}
