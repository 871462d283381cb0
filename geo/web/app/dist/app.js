/* Built by geo/web/app/build.mjs from host-streamlit.js: do not edit; edit the modules. */

// control.css
var control_default = `/* The time control (control.js). Sober, large targets (24 px at least), focus always visible. */
.jt { font-family: inherit; color: inherit; display: flex; flex-direction: column; gap: 0.4rem; }
.jt-present { display: none; }
.jt-presenting .jt-present { display: block; }
.jt-title { font-size: 2.1rem; font-weight: 650; margin: 0 0 0.2rem; line-height: 1.2; }
.jt-position { margin: 0; opacity: 0.8; }
.jt-caption { font-size: 1.25rem; line-height: 1.5; margin: 0.5rem 0 0; max-width: 70rem; }
.jt-clock { font-size: 1.45rem; font-weight: 600; margin: 0; font-variant-numeric: tabular-nums; }
.jt-presenting .jt-clock { font-size: 1.1rem; font-weight: 500; }
.jt-controls { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; }
.jt button, .jt select {
  font: inherit; min-height: 2.25rem; min-width: 2.25rem; padding: 0.25rem 0.8rem; border-radius: 0.4rem;
  border: 1px solid #767676; background: #ffffff; color: #1d1d1d; cursor: pointer;
}
.jt[data-playing="true"] .jt-play { background: #e6f0f7; border-color: #0072B2; }
.jt-slider { flex: 1 1 14rem; min-width: 10rem; height: 2rem; accent-color: #0072B2; cursor: pointer; }
.jt-step-name { min-width: 4.5em; font-variant-numeric: tabular-nums; }
.jt-speed { display: inline-flex; align-items: center; gap: 0.3rem; font-size: 0.9rem; }
.jt :focus-visible { outline: 3px solid #0072B2; outline-offset: 2px; }
.jt-counters { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 0.5rem; }
.jt-value { font-size: 2rem; font-weight: 650; font-variant-numeric: tabular-nums; line-height: 1.2; }
.jt-presenting .jt-value { font-size: 2.6rem; }
.jt-label { font-size: 0.9rem; }
.jt-reported { font-size: 0.85rem; margin: 0; }
.jt-note { font-size: 0.8rem; margin: 0; opacity: 0.85; }
.jt-live { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
/* What the counters count: one plain sentence, then the details under "What is counted" (issue 23). */
.jt-scope { font-size: 0.95rem; line-height: 1.4; margin: 0; }
.jt .jt-note { font-size: 0.85rem; opacity: 1; }
.jt-note summary { cursor: pointer; min-height: 24px; line-height: 24px; }
.jt-note p { margin: 0.2rem 0 0; line-height: 1.45; }
/* Classroom mode, for a room: type that scales with the screen's height, from 16 px (the clock and the
   counters' names 28 px at 1080 px); the counters two by two beside the map. */
.jt-presenting { font-size: max(16px, 1.9vh); }
.jt-presenting .jt-title { font-size: max(24px, 4.2vh); }
.jt-presenting .jt-position { font-size: max(16px, 2vh); opacity: 1; }
.jt-presenting .jt-caption { font-size: max(16px, 2.1vh); line-height: 1.45; }
.jt-presenting .jt-clock { font-size: max(18px, 2.7vh); font-weight: 600; }
.jt-presenting .jt-counters { grid-template-columns: repeat(2, minmax(0, 1fr)); row-gap: 0.6rem; }
.jt-presenting .jt-value { font-size: max(28px, 5vh); }
.jt-presenting .jt-label { font-size: max(16px, 2.7vh); line-height: 1.2; }
.jt-presenting .jt-scope, .jt-presenting .jt-reported, .jt-presenting .jt-note, .jt-presenting .jt-speed, .jt-presenting .jt-step-name,
.jt-presenting button, .jt-presenting select { font-size: max(16px, 1.8vh); }
@media (max-width: 640px) {
  .jt-counters { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .jt-clock { font-size: 1.15rem; }
  .jt-value { font-size: 1.6rem; }
}
/* The list of events and the downloads (list.js, downloads.js), and the texts to copy (host-streamlit.js). */
.jl-at { font-size: 0.85rem; opacity: 0.85; margin: 0 0 0.3rem; }
.jl-heading { font-size: 1rem; font-weight: 650; margin: 0 0 0.2rem; }
.jl-newest { font-size: 0.8rem; margin: 0 0 0.3rem; opacity: 0.85; }
.jl-newest:empty { display: none; }
.jl-events { border: 1px solid #c8c8c8; border-radius: 0.4rem; margin: 0; padding: 0.3rem 0.5rem; max-height: 330px; overflow-y: auto; }
.jl-help { font-size: 0.85rem; padding: 0 0.2rem; }
.jl-item { display: flex; gap: 0.45rem; align-items: flex-start; padding: 0.3rem 0; font-size: 0.9rem; line-height: 1.35; cursor: pointer; }
.jl-item input { margin-top: 0.2rem; accent-color: #0072B2; min-width: 1rem; min-height: 1rem; }
.jl-item input:focus-visible { outline: 3px solid #0072B2; outline-offset: 2px; }
.jl-details .jl-event { border: 1px solid #c8c8c8; border-radius: 0.4rem; padding: 0.5rem 0.7rem; margin-top: 0.5rem; font-size: 0.9rem; }
.jd { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; margin: 0.5rem 0; }
.jd button, .jm-copy button { font: inherit; min-height: 2.25rem; padding: 0.25rem 0.8rem; border-radius: 0.4rem;
  border: 1px solid #767676; background: #ffffff; color: #1d1d1d; cursor: pointer; }
.jd button:focus-visible, .jm-copy button:focus-visible { outline: 3px solid #0072B2; outline-offset: 2px; }
.jd-status { font-size: 0.85rem; }
.jm-copy label { display: block; font-size: 0.9rem; }
.jm-copy textarea { display: block; width: 100%; margin-top: 4px; font: 0.8rem ui-monospace, monospace; resize: vertical; }
.jm-copy-row { display: flex; gap: 10px; align-items: center; margin: 4px 0 10px; }
.jm-copy-status { font-size: 0.9rem; font-weight: 600; color: #1b5e20; }
.jt-summary { position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
  clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0; }
.jl-event .jm-popup-title { font-weight: 600; }
.jl-event .jm-popup-time, .jl-event .jm-popup-place, .jl-event .jm-popup-by, .jl-event .jm-popup-section { font-size: 0.85rem; opacity: 0.85; }
.jl-event .jm-popup-status { display: inline-block; font-size: 0.85rem; padding: 1px 6px; border-radius: 3px; background: #eeeeee; color: #1d1d1d; }
.jl-event .jm-popup-quote { margin: 6px 0; padding-left: 8px; border-left: 3px solid #999; font-style: italic; }
/* An event's sources in the list's details (eventview.js, as in a popup). */
.jl-event a, .jp a, .js-sources a { color: #00557a; text-decoration: underline; }
.jl-event .jm-popup-count { font-weight: 600; margin-top: 0.4rem; }
.jl-event .jm-popup-people { margin-top: 0.4rem; }
.jl-event .jm-sources summary, .jp-summary { cursor: pointer; min-height: 24px; }
.jl-event .jm-source-list, .jl-event .jm-readings { margin: 0.2rem 0 0; padding-left: 1.1rem; }
.jl-event .jm-source { margin-bottom: 0.3rem; }
.jl-event .jm-differ { margin-top: 0.5rem; border-top: 1px solid #c8c8c8; padding-top: 0.3rem; }
.jl-event .jm-differ-title { font-size: 0.95rem; margin: 0 0 0.2rem; }
.jl-event .jm-aspect { font-weight: 600; }
/* The people killed (people.js) and every source (sourcelist.js): plain text, no images. */
.jp { border: 1px solid #c8c8c8; border-radius: 0.4rem; margin: 0.5rem 0; padding: 0.3rem 0.6rem; }
.jp-summary { font-weight: 650; line-height: 1.6; }
.jp-intro, .ja-body { font-size: 0.85rem; line-height: 1.45; }
.jp-people { margin: 0; padding-left: 1.2rem; max-height: 480px; overflow-y: auto; }
.jp-person { margin: 0.6rem 0; font-size: 0.88rem; line-height: 1.4; }
.jp-name { font-size: 1rem; margin: 0; }
.jp-name:focus-visible { outline: 3px solid #0072B2; outline-offset: 2px; }
.jp-note { margin: 0; font-size: 0.8rem; font-style: italic; }
.jp-facts { margin: 0.2rem 0 0; }
.jp-facts dt { font-weight: 600; margin-top: 0.25rem; }
.jp-facts dd { margin: 0 0 0 0.6rem; }
.jp-sources { margin: 0; padding-left: 1rem; }
.js-heading { font-size: 1rem; margin: 0.5rem 0 0.2rem; }
.js-count { font-size: 0.85rem; margin: 0 0 0.3rem; }
.js-list { margin: 0; padding-left: 1.1rem; font-size: 0.88rem; line-height: 1.4; }
.js-source { margin-bottom: 0.45rem; }
.js-title, .js-about { font-size: 0.82rem; }
.jm-sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
  clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0; }
.jl-event a:focus-visible, .jp a:focus-visible, .js-sources a:focus-visible, .jp summary:focus-visible,
.jl-event summary:focus-visible { outline: 3px solid #0072B2; outline-offset: 2px; }
/* Links to sources and people are at least 24 px high (WCAG 2.5.8), whatever the font size. */
.jm-source-link, .jm-person-link, .jp-event-link, .jp-sources a, .js-source > a { display: inline-block; min-height: 24px;
  line-height: 24px; }
.jl-event .jm-popup-ours { margin: 4px 0 0; padding-left: 8px; border-left: 3px solid #d0d0d0; }
/* Touch screens: every target at least 44 px (WCAG 2.5.5), the list's radios too. Last: it overrides the sizes above. */
@media (pointer: coarse) {
  .jt button, .jt select, .jt-slider, .jd button, .jm-copy button { min-height: 44px; min-width: 44px; }
  .jt-note summary, .jl-details summary, .jp summary, .js-sources summary { min-height: 44px; line-height: 44px; }
  .jl-item { min-height: 44px; align-items: center; }
  .jl-item input { width: 24px; height: 24px; min-width: 24px; margin-top: 0; }
}
`;

// text.js
function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== void 0 && text !== null) node.textContent = String(text);
  return node;
}
function fill(template, values) {
  return String(template).replace(/\{(\w+)\}/g, (all, name) => Object.hasOwn(values, name) ? String(values[name]) : all);
}
function addStyle(root, id, css) {
  if (root.getElementById(id)) return;
  const style = document.createElement("style");
  style.id = id;
  style.textContent = css;
  (root.head || root).append(style);
}

// timemodel.js
function countUpTo(values, x) {
  let lo = 0, hi = values.length;
  while (lo < hi) {
    const mid = lo + hi >>> 1;
    if (values[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
function shownAt(core2, t) {
  return countUpTo(core2.reveal, t);
}
function totalsAt(core2, t, tollFrom) {
  const shown = shownAt(core2, t);
  const base = tollFrom === null || tollFrom === void 0 ? 0 : Math.min(countUpTo(core2.reveal, tollFrom - 1), shown);
  const out = {};
  core2.countColumns.forEach((name, c) => {
    out[name] = core2.running[c][shown] - core2.running[c][base];
  });
  return out;
}
function categoryMask(core2, cats) {
  if (!cats) return null;
  return core2.categories.map((c) => cats.includes(c));
}
function sourceMask(core2, src) {
  if (!src) return null;
  const k = (core2.sourceIds || []).indexOf(src);
  return Array.from({ length: core2.n }, (_, i) => k >= 0 && (core2.src || [])[i].includes(k));
}
function visibleAt(core2, t, cats, src) {
  const mask = categoryMask(core2, cats), by = sourceMask(core2, src), out = [];
  for (let i = shownAt(core2, t) - 1; i >= 0; i--) if ((!mask || mask[core2.cat[i]]) && (!by || by[i])) out.push(i);
  return out;
}
function whereEvent(core2, steps, id, cats = null, src = null) {
  const i = core2.ids.indexOf(id);
  if (i < 0 || !steps.length) return null;
  const mask = categoryMask(core2, cats), by = sourceMask(core2, src);
  if (mask && !mask[core2.cat[i]] || by && !by[i]) return null;
  if (core2.reveal[i] <= steps[steps.length - 1].map.t) return "map";
  return String(steps[0].key).includes("T") ? "days" : null;
}

// stepper.js
var RELEASE_MS = 300;
var STEP_KEYS = /* @__PURE__ */ new Map([["ArrowRight", 1], ["PageDown", 1], ["ArrowLeft", -1], ["PageUp", -1]]);
function keyStep(event, at) {
  const delta = STEP_KEYS.get(event.key);
  if (!delta) return 0;
  if (event.altKey || event.ctrlKey || event.metaKey || at.editable) return 0;
  const arrow = event.key === "ArrowLeft" || event.key === "ArrowRight";
  if (arrow && (at.slider || at.selfMoving || at.inMap)) return 0;
  if (!arrow && !(at.classroom || at.inControl || at.inMap)) return 0;
  return delta;
}
var SELF_MOVING = /^(slider|radio|tab|option|menuitem|checkbox|switch)/;
function keyTarget(target, slider, map, control = null) {
  if (!target) return { editable: true };
  const tag = target.tagName || "", own = target === slider;
  const role = target.getAttribute ? target.getAttribute("role") || "" : "";
  return {
    slider: own,
    selfMoving: SELF_MOVING.test(role),
    editable: /^(textarea|select)$/i.test(tag) || Boolean(target.isContentEditable) || tag === "INPUT" && !own,
    inMap: Boolean(map && (target === map || map.contains(target))),
    inControl: Boolean(control && (target === control || control.contains(target)))
  };
}
var Stepper = class {
  /* `count` steps; `show(index, origin)` draws one, `release(index)` tells the host the time settled,
     `playing(on)` says whether Play runs. */
  constructor({ show, release, playing }, timers = globalThis) {
    Object.assign(this, { onShow: show, onRelease: release, onPlaying: playing, timers });
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
    if (this.player) {
      this.stopPlay(true);
      return;
    }
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
};

// control.js
var SETTLE_MS = 700;
function build(root) {
  const ui = {
    box: el("div", "jt"),
    present: el("div", "jt-present"),
    title: el("h2", "jt-title"),
    position: el("p", "jt-position"),
    caption: el("p", "jt-caption"),
    clock: el("p", "jt-clock"),
    controls: el("div", "jt-controls"),
    back: el("button", "jt-back"),
    play: el("button", "jt-play"),
    forward: el("button", "jt-forward"),
    slider: el("input", "jt-slider"),
    stepName: el("span", "jt-step-name"),
    speedLabel: el("label", "jt-speed"),
    speedText: el("span"),
    speed: el("select"),
    counters: el("div", "jt-counters"),
    reported: el("p", "jt-reported"),
    note: el("details", "jt-note"),
    noteSummary: el("summary"),
    noteBody: el("p"),
    live: el("div", "jt-live"),
    summary: el("section", "jt-summary"),
    summaryText: el("p")
  };
  for (const button of [ui.back, ui.play, ui.forward]) button.type = "button";
  Object.assign(ui.slider, { type: "range", min: "0", step: "1" });
  ui.stepName.setAttribute("aria-hidden", "true");
  ui.live.setAttribute("aria-live", "polite");
  ui.live.setAttribute("role", "status");
  ui.present.append(ui.title, ui.position, ui.caption);
  ui.speedLabel.append(ui.speedText, ui.speed);
  ui.controls.append(ui.back, ui.play, ui.forward, ui.slider, ui.stepName, ui.speedLabel);
  ui.note.append(ui.noteSummary, ui.noteBody);
  ui.scope = el("p", "jt-scope");
  ui.summary.append(ui.summaryText);
  ui.box.append(ui.present, ui.clock, ui.controls, ui.counters, ui.reported, ui.note, ui.live, ui.summary);
  root.append(ui.box);
  ui.counters.after(ui.scope);
  return ui;
}
var TimeControl = class {
  /* `host`: {draw(step), drawnTime() (epoch ms, or null), release(step), map() (a map container in this
     document, whose arrows pan), timers}. */
  constructor(root, host) {
    this.host = host;
    this.ui = build(root);
    this.data = null;
    this.core = null;
    this.rev = null;
    this.jumps = 0;
    this.frame = 0;
    this.liveTimer = null;
    this.stepper = new Stepper({
      show: (i, origin) => this.shown(i, origin),
      release: (i) => host.release(this.steps[i]),
      playing: (on) => this.playing(on)
    }, host.timers || globalThis);
    this.wire();
  }
  wire() {
    const ui = this.ui, stepper = this.stepper, off = [];
    const on = (target, type, handler) => {
      target.addEventListener(type, handler);
      off.push(() => target.removeEventListener(type, handler));
    };
    on(ui.slider, "input", () => stepper.show(Number(ui.slider.value), "user"));
    on(ui.slider, "pointerdown", () => stepper.startDrag());
    on(window, "pointerup", () => stepper.endDrag());
    on(window, "pointercancel", () => stepper.endDrag());
    on(ui.back, "click", () => stepper.step(-1));
    on(ui.forward, "click", () => stepper.step(1));
    on(ui.play, "click", () => stepper.togglePlay(Number(ui.speed.value) || 1e3));
    on(document, "keydown", (event) => {
      const target = event.composedPath()[0];
      const at = keyTarget(target, ui.slider, this.host.map && this.host.map(), ui.box);
      const delta = keyStep(event, { ...at, classroom: Boolean(this.data && this.data.mode === "present") });
      if (!delta) return;
      event.preventDefault();
      stepper.step(delta);
    });
    this.unwire = () => off.forEach((remove) => remove());
  }
  /* A step asked for elsewhere (a key pressed in a map of another frame). */
  stepBy(delta) {
    this.stepper.step(delta);
  }
  destroy() {
    this.stepper.destroy();
    clearTimeout(this.liveTimer);
    cancelAnimationFrame(this.frame);
    this.unwire();
    this.ui.box.remove();
  }
  get steps() {
    return this.data.steps;
  }
  get step() {
    return this.steps[this.stepper.index];
  }
  /* New data from the host (language, scale, filter, or a time its server decided). */
  update(data) {
    const first = this.data === null, ui = this.ui, words = data.strings;
    this.data = data;
    this.stepper.count = data.steps.length;
    ui.box.classList.toggle("jt-presenting", data.mode === "present");
    ui.back.textContent = words.previous;
    ui.forward.textContent = words.next;
    ui.slider.max = String(data.steps.length - 1);
    ui.slider.setAttribute("aria-label", words.time);
    ui.speedText.textContent = `${words.speed} `;
    ui.scope.textContent = words.scope || "";
    ui.scope.hidden = !words.scope;
    ui.noteSummary.textContent = words.counted || "";
    ui.noteBody.textContent = words.note || "";
    ui.note.hidden = !words.note;
    ui.summary.setAttribute("aria-label", words.summary || "");
    this.fillSpeeds();
    this.buildCounters();
    if (first || data.rev !== this.rev) {
      if (!first) this.jumps += 1;
      this.rev = data.rev;
      this.stepper.stopPlay(false);
      this.stepper.show(data.step, "server");
    } else {
      this.stepper.show(this.stepper.index, "data");
    }
    ui.box.dataset.jumps = String(this.jumps);
    this.paintPlay();
  }
  /* The dataset's core arrays: the counters count from them where no step has its words. */
  setCore(core2) {
    this.core = core2;
    this.paintText();
  }
  fillSpeeds() {
    const ui = this.ui, speeds = this.data.speeds, keep = ui.speed.value;
    ui.speed.textContent = "";
    for (const speed of speeds) {
      const option = el("option", null, speed.label);
      option.value = String(speed.ms);
      ui.speed.append(option);
    }
    ui.speed.value = speeds.some((speed) => String(speed.ms) === keep) ? keep : String(speeds[this.data.speed].ms);
  }
  buildCounters() {
    const ui = this.ui, labels = this.data.counters;
    if (ui.counters.childElementCount !== labels.length) {
      ui.counters.textContent = "";
      for (let c = 0; c < labels.length; c++) {
        const box = el("div", "jt-counter");
        box.append(el("div", "jt-value"), el("div", "jt-label"));
        ui.counters.append(box);
      }
    }
    labels.forEach((label, c) => {
      ui.counters.children[c].lastChild.textContent = label;
    });
  }
  /* Step i is shown: the slider and the map at once; the clock and counters in the frame the map is drawn. */
  shown(i, origin) {
    const step = this.steps[i], ui = this.ui;
    ui.slider.value = String(i);
    ui.slider.setAttribute("aria-valuetext", step.clock);
    ui.stepName.textContent = step.name;
    ui.box.dataset.t = step.map.iso;
    this.host.draw(step, origin);
    this.paintText();
    if (origin === "user" || origin === "server") this.announce(step);
  }
  paintText() {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.drawText(0));
  }
  drawText(tries) {
    const wanted = this.step, drawn = this.host.drawnTime();
    const t = drawn !== null && tries < 120 ? drawn : wanted.map.t;
    if (t !== wanted.map.t) this.frame = requestAnimationFrame(() => this.drawText(tries + 1));
    const step = wanted.map.t === t ? wanted : this.steps.find((s) => s.map.t === t) || wanted, ui = this.ui;
    ui.clock.textContent = step.clock;
    ui.reported.textContent = step.reported || "";
    ui.reported.hidden = !step.reported;
    ui.summary.hidden = !step.summary;
    ui.summaryText.textContent = step.summary || "";
    ui.box.dataset.textT = String(t);
    if (step.scope) {
      ui.scope.textContent = step.scope;
      ui.scope.hidden = false;
    }
    if (this.data.mode === "present") {
      ui.title.textContent = step.title;
      ui.position.textContent = step.position;
      ui.caption.textContent = step.caption;
    }
    const totals = step.toll || !this.core ? null : totalsAt(this.core, t, step.tollFrom);
    this.data.counters.forEach((_, c) => {
      const value = ui.counters.children[c].firstChild;
      if (step.toll) value.textContent = step.toll[c];
      else if (totals) value.textContent = String(totals[this.core.countColumns[c]]);
    });
  }
  /* The live region speaks the clock once the time settles, never during Play. */
  announce(step) {
    clearTimeout(this.liveTimer);
    this.liveTimer = setTimeout(() => {
      if (this.stepper.playing) return;
      this.ui.live.textContent = this.data.mode === "present" ? `${step.title}. ${step.clock}` : step.clock;
    }, SETTLE_MS);
  }
  playing(on) {
    this.paintPlay();
    if (on) this.ui.live.textContent = "";
    else this.announce(this.step);
  }
  paintPlay() {
    const words = this.data.strings, playing = this.stepper.playing;
    this.ui.play.textContent = playing ? words.pause : words.play;
    this.ui.box.dataset.playing = String(playing);
  }
};

// links.js
function safeUrl(value) {
  if (typeof value !== "string" || !/^https?:\/\//i.test(value)) return null;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}
function sourceLink(url, text, newTab) {
  const href = safeUrl(url);
  if (!href) return el("span", "jm-source-name", text);
  const link = el("a", "jm-source-link", text);
  Object.assign(link, { href, target: "_blank", rel: "noopener noreferrer" });
  if (newTab) link.append(el("span", "jm-sr-only", ` ${newTab}`));
  return link;
}
function actionLink(text, fragment, act, className) {
  const link = el("a", className, text);
  link.href = `#${fragment}`;
  link.addEventListener("click", (event) => {
    event.preventDefault();
    act();
  });
  return link;
}

// eventview.js
var PARTS = [
  ["title", "div", (t) => t.title],
  ["time", "div", (t) => t.time],
  ["place", "div", (t, words) => t.place || words.not_mapped],
  ["summary", "p", (t) => t.summary],
  ["status", "div", (t) => t.status_label],
  ["by", "div", (t, words) => t.by ? `${words.reported_by}: ${t.by}` : null],
  ["quote", "blockquote", (t) => t.quote ? `“${t.quote}”` : null],
  // the quote's language and section ("Wikipedia (English), section …"), then our translation, marked as ours
  ["section", "div", (t, words) => t.quote && (t.quote_label || t.section) ? `${words.source}: ${t.quote_label || t.section}` : null],
  ["ours", "p", (t) => t.quote ? t.quote_ours : null]
];
function eventDetails(record, words, className = "jm-popup", options = {}) {
  const box = el("div", className);
  for (const [part, tag, text] of PARTS) {
    const value = text(record, words);
    if (value) box.append(el(tag, `jm-popup-${part}`, value));
  }
  if (record.quote) box.querySelector(".jm-popup-quote").lang = "en";
  if (record.people && record.people.length) box.append(peopleKilled(record.people, words, options.person));
  if (record.sources) box.append(...sourcesOf(record.sources, words, options.heading || 3));
  return box;
}
function peopleKilled(people, words, person) {
  const line = el("div", "jm-popup-people");
  line.append(el("span", null, `${words.people_in_event}: `));
  people.forEach(({ id, name }, k) => {
    if (k) line.append(", ");
    line.append(person ? actionLink(name, `person-${id}`, () => person(id), "jm-person-link") : name);
  });
  return line;
}
function sourcesOf(sources, words, heading) {
  const parts = [el("div", "jm-popup-count", sources.countLabel)];
  const list = el("details", "jm-sources"), items = el("ul", "jm-source-list");
  list.append(el("summary", null, fill(words.sources_open, { n: sources.citations.length })), items);
  for (const citation of sources.citations) items.append(citationItem(citation, words));
  parts.push(list);
  if (sources.differ && sources.differ.length) parts.push(differ(sources.differ, words, heading));
  return parts;
}
function citationItem(citation, words) {
  const item2 = el("li", citation.contradicts ? "jm-source jm-contradicts" : "jm-source");
  item2.append(sourceLink(citation.url, citation.label, words.link_new_tab));
  const about = [citation.role, citation.saidBy, citation.later].filter(Boolean).join("; ");
  item2.append(el("span", "jm-source-role", ` — ${about}`));
  if (citation.note) item2.append(el("div", "jm-source-note", citation.note));
  return item2;
}
function differ(aspects, words, heading) {
  const box = el("section", "jm-differ");
  box.append(el(`h${Math.min(Math.max(heading, 2), 6)}`, "jm-differ-title", words.sources_differ));
  for (const aspect of aspects) {
    box.append(el("div", "jm-aspect", aspect.aspect));
    const readings = el("ul", "jm-readings");
    for (const reading of aspect.readings) {
      const item2 = el("li", "jm-reading", reading.text);
      item2.append(el("span", "jm-reading-by", ` (${reading.by})`));
      readings.append(item2);
    }
    box.append(readings);
  }
  return box;
}

// list.js
var groups = 0;
var EventList = class {
  /* `host`: {select(id or null), person(id)}; `words`: the list's words (see show). */
  constructor(root, host) {
    this.host = host;
    this.name = `jl-events-${++groups}`;
    this.box = el("section", "jl");
    this.at = el("p", "jl-at");
    this.heading = el("h3", "jl-heading");
    this.newest = el("p", "jl-newest");
    this.group = el("fieldset", "jl-events");
    this.legend = el("legend", "jl-help");
    this.items = el("div", "jl-items");
    this.details = el("div", "jl-details");
    this.group.append(this.legend, this.items);
    this.box.append(this.at, this.heading, this.newest, this.group, this.details);
    root.append(this.box);
    this.shown = [];
    this.items.addEventListener("change", (event) => {
      const id = event.target.value;
      this.showDetails(id);
      this.host.select(id);
    });
  }
  /* The list at a step: `indices` newest first (at most `limit`), `total` in all, `fresh` the indices
     new in this step, `selected` an event id or null; `clock` the time in words. */
  show({ data, indices, total, fresh, selected, clock, words, limit }) {
    this.words = words;
    this.data = data;
    this.at.textContent = fill(words.list_at, { clock });
    this.heading.textContent = fill(words.list_heading, { n: total });
    this.newest.textContent = total > indices.length ? fill(words.list_newest, { n: indices.length }) : "";
    this.legend.textContent = words.list_help;
    const wanted = indices.slice(0, limit);
    return data.fetchAll("text", wanted).then((texts) => {
      const root = this.items.getRootNode(), had = root.activeElement && this.items.contains(root.activeElement);
      this.items.textContent = "";
      this.shown = wanted.map((i, k) => ({ i, id: data.core.ids[i], text: texts[k] }));
      if (!this.shown.length) this.items.append(el("p", "jl-empty", words.list_empty));
      for (const { i, id, text } of this.shown) this.items.append(this.item(i, id, text, fresh.has(i), id === selected));
      this.showDetails(this.shown.some((e) => e.id === selected) ? selected : null);
      if (had && !this.focusChosen()) {
        const first = this.items.querySelector("input");
        if (first) first.focus();
      }
    });
  }
  item(i, id, text, isNew, checked) {
    const core2 = this.data.core, words = this.words, label = el("label", "jl-item");
    const input = el("input");
    Object.assign(input, { type: "radio", name: this.name, value: id, checked });
    const where = text.place || words.not_mapped;
    const category = words.categories[core2.categories[core2.cat[i]]];
    const marks = [isNew ? words.new_badge : null, core2.differ && core2.differ[i] ? words.sources_differ_badge : null];
    const tail = marks.filter(Boolean).map((mark) => ` · ${mark}`).join("");
    label.append(input, el("span", null, `${text.time} — ${text.title} (${category}; ${where})${tail}`));
    return label;
  }
  showDetails(id) {
    const chosen = this.shown.find((e) => e.id === id);
    this.details.textContent = "";
    if (chosen) {
      this.details.append(eventDetails(
        chosen.text,
        this.words,
        "jm-popup jl-event",
        { heading: 4, person: (person) => this.host.person(person) }
      ));
    }
  }
  /* The radio of the event chosen, focused (after a link elsewhere chose it); false if it is not listed. */
  focusChosen() {
    const input = this.items.querySelector("input:checked");
    if (input) input.focus();
    return Boolean(input);
  }
};

// people.js
var lists = 0;
var PeopleList = class {
  /* `host`: {load() (a Promise of the records), selectEvent(id) (show it on the map), whereEvent(id): "map" (the
     time control can reach it), "days" (only the day scale can), or null (not in the dataset shown)}. */
  constructor(root, host) {
    this.host = host;
    this.prefix = `jp${++lists}-`;
    this.box = el("details", "jp");
    this.summary = el("summary", "jp-summary");
    this.body = el("div", "jp-body");
    this.box.append(this.summary, this.body);
    root.append(this.box);
    this.records = null;
    this.box.addEventListener("toggle", () => {
      if (this.box.open) this.fill();
    });
  }
  /* The words of this language (list_words) and how many people the list holds; another `key` (a language, a
     record) empties the list, refilled at once if it is open. */
  show(words, count, key) {
    const changed = this.key !== key;
    Object.assign(this, { words, count, key });
    this.summary.textContent = count ? `${words.people_heading} (${count})` : words.people_heading;
    if (changed) {
      this.records = null;
      this.body.textContent = "";
      if (this.box.open) this.fill();
    }
  }
  /* Fill the list once its records are here; a Promise that resolves when it is drawn. */
  fill() {
    if (this.records) return Promise.resolve();
    if (!this.pending) {
      this.pending = this.host.load().then((records) => {
        this.pending = null;
        this.records = records;
        this.draw();
      }, () => {
        this.pending = null;
      });
    }
    return this.pending || Promise.resolve();
  }
  draw() {
    const words = this.words, list = el("ol", "jp-people");
    this.body.textContent = "";
    this.body.append(el("p", "jp-intro", words.people_intro));
    if (words.hrw_aggregates) this.body.append(el("p", "jp-intro", words.hrw_aggregates));
    for (const person of this.records) list.append(this.person(person));
    this.body.append(list);
  }
  person(p) {
    const words = this.words, item2 = el("li", "jp-person");
    item2.id = `${this.prefix}${p.id}`;
    const name = el("h4", "jp-name", p.name);
    name.tabIndex = -1;
    item2.append(name);
    if (p.nameNote) item2.append(el("p", "jp-note", p.nameNote));
    const facts = el("dl", "jp-facts");
    const add = (label, ...values) => {
      const shown = values.filter((v) => v && (typeof v !== "string" || v.trim()));
      if (!shown.length) return;
      const value = el("dd");
      for (const v of shown) value.append(typeof v === "string" ? el("div", null, v) : v);
      facts.append(el("dt", null, label), value);
    };
    add(words.people_names, ...p.names.map((n) => `${n.value} (${n.by})`));
    add(words.people_age, ...p.ages.map((a) => `${a.value} (${a.by})`));
    add(words.people_about, p.about);
    add(words.people_shot, p.shot);
    add(words.people_died, p.died);
    add(words.people_protesting, p.protesting, p.protestingText);
    add(words.people_event, this.eventLink(p));
    const sources = el("ul", "jp-sources");
    for (const s of p.sources) {
      const li = el("li");
      li.append(sourceLink(s.url, s.label, words.link_new_tab));
      sources.append(li);
    }
    if (p.sources.length) add(words.people_sources, sources);
    item2.append(facts);
    return item2;
  }
  /* The event the person belongs to, as a link that selects it on the map; text where this map or scale lacks it. */
  eventLink(p) {
    if (!p.eventId || !p.eventTitle) return null;
    const where = this.host.whereEvent(p.eventId), words = this.words;
    if (where === "days") return `${p.eventTitle} (${fill(words.people_event_days, { scale: words.scale_day })})`;
    if (where !== "map") return `${p.eventTitle} (${words.people_event_absent})`;
    return actionLink(p.eventTitle, `event-${p.eventId}`, () => this.host.selectEvent(p.eventId), "jp-event-link");
  }
  /* Open the list at a person (a link from a popup or from an event's details): scrolled to, and focused. */
  go(id) {
    this.box.open = true;
    return this.fill().then(() => {
      const item2 = this.body.querySelector(`[id="${CSS.escape(this.prefix + id)}"]`);
      if (!item2) return;
      item2.scrollIntoView({ block: "start" });
      item2.querySelector(".jp-name").focus({ preventScroll: true });
    });
  }
};

// sourcelist.js
var SourceList = class {
  /* `load()`: a Promise of the records. */
  constructor(root, load) {
    this.load = load;
    this.box = el("section", "js-sources");
    this.heading = el("h3", "js-heading");
    this.count = el("p", "js-count");
    this.list = el("ul", "js-list");
    this.box.append(this.heading, this.count, this.list);
    root.append(this.box);
  }
  /* Draw the list in `words`' language (list_words); a Promise that resolves once it is drawn. */
  show(words) {
    this.heading.textContent = words.sources_list_heading;
    return this.load().then((sources) => {
      this.count.textContent = fill(words.sources_list_count, { n: sources.length });
      this.list.textContent = "";
      for (const source of sources) this.list.append(item(source, words));
    });
  }
};
function item(source, words) {
  const li = el("li", "js-source");
  li.id = `source-${source.id}`;
  li.append(sourceLink(source.url, source.label, words.link_new_tab));
  li.append(el("div", "js-title", source.title));
  const about = [source.kind, source.cited, source.later].filter(Boolean).join(" · ");
  li.append(el("div", "js-about", about));
  return li;
}

// downloads.js
function save(content, name, type) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = el("a");
  Object.assign(link, { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 6e4);
}
function eventsCsv(header, lines) {
  return `\uFEFF${[header, ...lines].join("\n")}
`;
}
function eventsGeojson(features) {
  return JSON.stringify({ type: "FeatureCollection", features }, null, 1);
}
var ServerFile = class {
  constructor(root, ask) {
    this.button = el("button", "jd-server");
    this.button.type = "button";
    this.status = el("span", "jd-status");
    this.status.setAttribute("role", "status");
    root.append(this.button, this.status);
    this.button.addEventListener("click", () => {
      this.status.textContent = this.making;
      ask();
    });
  }
  label(text, help, making) {
    this.button.textContent = text;
    this.button.title = help || "";
    this.making = making;
  }
  /* The server's file has come (bytes as base64), or could not be made (`error`: what to say). */
  made({ name, type, base64, error }) {
    this.status.textContent = error || "";
    if (!error) save(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)), name, type);
  }
};
var Downloads = class {
  /* `host.make(what)`: ask the server for a file. */
  constructor(root, host) {
    this.box = el("div", "jd");
    this.heading = el("strong", "jd-heading");
    this.csv = el("button", "jd-csv");
    this.geojson = el("button", "jd-geojson");
    for (const button of [this.csv, this.geojson]) button.type = "button";
    this.box.append(this.heading);
    this.png = new ServerFile(this.box, () => host.make("png"));
    this.box.append(this.csv, this.geojson);
    root.append(this.box);
    this.csv.addEventListener("click", () => this.file("csv"));
    this.geojson.addEventListener("click", () => this.file("geojson"));
  }
  /* What the files hold now: `indices` of the events shown (newest first), the step's `stamp`. */
  show({ data, indices, stamp, words, png }) {
    Object.assign(this, { data, indices, stamp, words });
    this.heading.textContent = `${words.download_heading}:`;
    this.csv.textContent = words.download_csv;
    this.geojson.textContent = words.download_geojson;
    this.png.label(words.download_png, words.download_png_help, words.download_making);
    this.png.button.hidden = !png;
  }
  file(kind) {
    const oldest = [...this.indices].reverse();
    return this.data.fetchAll("rows", oldest).then((rows) => {
      if (kind === "csv") save(eventsCsv(this.data.core.csvHeader, rows.map((r) => r.csv)), `juliaca-events-${this.stamp}.csv`, "text/csv");
      else save(eventsGeojson(rows.map((r) => r.feature)), `juliaca-events-${this.stamp}.geojson`, "application/geo+json");
    });
  }
};

// fetch.js
function fetchJson(url, attempt = 0) {
  return fetch(url).then((response) => {
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return response.json();
  }).catch((error) => {
    if (attempt >= 5) throw error;
    return new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt)).then(() => fetchJson(url, attempt + 1));
  });
}

// dataset.js
var Dataset = class _Dataset {
  /* `load(kind, k)`: a Promise of chunk k of "text" or "rows". */
  constructor(core2, load) {
    this.core = core2;
    this.load = load;
    this.chunks = { text: [], rows: [] };
    this.byPlace = {};
    for (let i = 0; i < core2.n; i++) {
      const p = core2.place[i];
      if (p >= 0) (this.byPlace[p] = this.byPlace[p] || []).push(i);
    }
  }
  /* A dataset whose chunks are all here already (the exported page). */
  static inlined(core2, text, rows) {
    const data = new _Dataset(core2, (kind, k) => Promise.resolve(kind === "text" ? text[k] : rows[k]));
    text.forEach((chunk, k) => {
      data.chunks.text[k] = chunk;
    });
    rows.forEach((chunk, k) => {
      data.chunks.rows[k] = chunk;
    });
    return data;
  }
  /* The dataset served under `url` (a bundle's folder), with its text in `lang`. */
  static served(core2, url, lang) {
    return new _Dataset(core2, (kind, k) => fetchJson(`${url}/${kind === "text" ? `text-${lang}` : "rows"}-${k}.json`));
  }
  /* Event i's fields from a chunk of `kind` ({title, time, …} or {csv, feature}), or null if not loaded yet. */
  field(kind, i) {
    const k = Math.floor(i / this.core.chunk), chunk = this.chunks[kind][k];
    if (!chunk || chunk.then) return null;
    const j = i - k * this.core.chunk, out = {};
    for (const name of Object.keys(chunk)) out[name] = chunk[name][j];
    return out;
  }
  textOf(i) {
    return this.field("text", i);
  }
  /* A Promise of event i's fields of `kind`, fetching its chunk once. */
  fetch(kind, i) {
    const k = Math.floor(i / this.core.chunk);
    if (!this.chunks[kind][k]) {
      this.chunks[kind][k] = this.load(kind, k).then((chunk) => {
        this.chunks[kind][k] = chunk;
        return chunk;
      });
    }
    return Promise.resolve(this.chunks[kind][k]).then(() => this.field(kind, i));
  }
  loadText(i) {
    return this.fetch("text", i);
  }
  /* A Promise of the fields of `kind` of each of `indices`, in that order. */
  fetchAll(kind, indices) {
    return Promise.all(indices.map((i) => this.fetch(kind, i)));
  }
};

// step.js
function stepMessage(step, cats, selected, src) {
  return { ...step.map, cats: cats || null, selected: selected || null, src: src || null };
}

// address.js
var HOUR = 36e5;
var DAY = 24 * HOUR;
function queryOf(values) {
  const encode = (value) => encodeURIComponent(value).replaceAll("%3A", ":").replaceAll("%2C", ",");
  return Object.entries(values).filter(([, value]) => value !== null && value !== void 0).map(([name, value]) => `${encode(name)}=${encode(value)}`).join("&");
}
function writeAddress(values, whole = false) {
  const current = whole ? {} : Object.fromEntries(new URLSearchParams(window.location.search));
  const query = queryOf({ ...current, ...values });
  const next = `${window.location.pathname}${query ? `?${query}` : ""}${window.location.hash}`;
  if (next !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
    window.history.replaceState(window.history.state, "", next);
  }
}

// host-streamlit.js
var MOUNTS = /* @__PURE__ */ new WeakMap();
var LIVE = /* @__PURE__ */ new Map();
var CORES = /* @__PURE__ */ new Map();
var RECORDS = /* @__PURE__ */ new Map();
var shared = new EventTarget();
var explorer = { step: null, selected: null, cats: null, src: null, control: null };
function recordList(url, name, lang) {
  const address = `${url}/${name}-${lang}.json`;
  if (!RECORDS.has(address)) RECORDS.set(address, fetchJson(address).catch((error) => {
    RECORDS.delete(address);
    throw error;
  }));
  return RECORDS.get(address);
}
function core(url) {
  if (!CORES.has(url)) {
    CORES.clear();
    CORES.set(url, fetchJson(url));
  }
  return CORES.get(url);
}
var ControlMount = class {
  constructor(root, component) {
    this.component = component;
    this.lastSent = null;
    this.heard = null;
    this.control = new TimeControl(root, {
      draw: (step, origin) => this.drawn(step, origin),
      drawnTime: () => this.mapTime(),
      release: (step) => this.release(step),
      map: () => null
    });
  }
  update(data) {
    const first = !this.data;
    this.data = data;
    if (data.mode === "explore") {
      Object.assign(explorer, { cats: data.cats, src: data.src || null, control: this });
      if (first || data.rev !== this.control.rev) explorer.selected = data.selected;
    }
    this.control.update(data);
    if (this.explore) writeAddress({ t: this.control.step.key, ...data.address, event: explorer.selected }, true);
    if (first) core(data.bundle).then((loaded) => this.control.setCore(loaded), () => {
    });
    if (data.reportDrawn) this.watchPainted();
  }
  get explore() {
    return this.data.mode === "explore";
  }
  frames() {
    return [...document.querySelectorAll(`.st-key-${this.data.mapKey} iframe`)];
  }
  owns(win) {
    return this.frames().some((frame) => frame.contentWindow === win);
  }
  message() {
    const selected = this.explore ? explorer.selected : this.data.selected;
    return stepMessage(this.control.step, this.data.cats, selected, this.data.src);
  }
  /* The step to the map: an event on its window (same origin), drawn inside this handler; `to` a map
     that just announced itself, else every map of ours if the step differs from the last sent. */
  send(to) {
    const message = this.message(), text = JSON.stringify(message);
    if (!to && text === this.lastSent) return;
    const windows = to ? [to] : this.frames().map((frame) => frame.contentWindow).filter(Boolean);
    for (const win of windows) win.dispatchEvent(new win.CustomEvent("juliaca:step", { detail: message }));
    if (!to) this.lastSent = text;
  }
  /* A step is shown: to the map at once; a time the server decided, or new data, to the list too. */
  drawn(step, origin) {
    this.send();
    if (!this.explore || origin === "user" || origin === "play") return;
    explorer.step = step;
    shared.dispatchEvent(new Event("shown"));
  }
  /* The time the map shows now (its container says it), or null. */
  mapTime() {
    for (const frame of this.frames()) {
      const map = frame.contentDocument && frame.contentDocument.querySelector(".jm-map");
      if (map && map.dataset.ms) return Number(map.dataset.ms);
    }
    return null;
  }
  release(step) {
    if (this.explore) {
      explorer.step = step;
      writeAddress({ t: step.key });
      shared.dispatchEvent(new Event("shown"));
      return;
    }
    if (step.key === this.heard) return;
    this.heard = step.key;
    this.component.setStateValue("at", { key: step.key, n: Date.now() });
  }
  /* Once: Python is told when a map of ours has painted a step (the page holds back the rest until then). */
  watchPainted() {
    if (this.painted !== void 0) return;
    this.painted = false;
    const check = () => {
      if (this.painted) return;
      const done = this.frames().some((frame) => {
        const map = frame.contentDocument && frame.contentDocument.querySelector(".jm-map");
        return Boolean(map && map.dataset.paintedAt);
      });
      if (done) {
        this.painted = true;
        this.component.setStateValue("drawn", true);
      } else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }
  destroy() {
    if (explorer.control === this) explorer.control = null;
    this.control.destroy();
  }
};
var PanelMount = class {
  constructor(root, component) {
    this.component = component;
    this.list = new EventList(root, { select: (id) => select(id), person: (id) => this.people.go(id) });
    this.downloads = new Downloads(root, { make: (what) => this.make(what) });
    this.people = new PeopleList(root, {
      load: () => recordList(this.data.recordUrl, "people", this.data.lang),
      selectEvent: (id) => this.chooseEvent(id),
      whereEvent: (id) => this.whereEvent(id)
    });
    this.core = null;
    this.focusChosen = false;
    this.madeId = null;
    this.onShown = () => this.draw();
    shared.addEventListener("shown", this.onShown);
  }
  update(data) {
    const old = this.data;
    this.data = data;
    if (data.made && data.made.id !== this.madeId) {
      this.madeId = data.made.id;
      this.downloads.png.made(data.made);
    }
    if (!old || old.bundle !== data.bundle || old.lang !== data.lang) {
      this.dataset = core(data.bundle).then((loaded) => {
        this.core = loaded;
        return Dataset.served(loaded, data.bundleUrl, data.lang);
      });
    }
    this.people.box.hidden = !data.people;
    if (data.people) this.people.show(data.words, data.people, `${data.lang} ${data.recordUrl}`);
    this.draw();
  }
  whereEvent(id) {
    const control = explorer.control;
    return this.core && control ? whereEvent(this.core, control.control.steps, id, explorer.cats, explorer.src) : null;
  }
  /* An event chosen from the list of the people killed: the time moves on to when it is shown (if later
     than the time shown), the event is selected on the map and in the list, and the list's radio takes the
     focus. */
  chooseEvent(id) {
    const control = explorer.control;
    if (!control || !this.core) return;
    const i = this.core.ids.indexOf(id), steps = control.control.steps, now = control.control.step;
    if (i < 0) return;
    this.focusChosen = true;
    explorer.selected = id;
    writeAddress({ event: id });
    const later = this.core.reveal[i] > now.map.t ? steps.findIndex((step) => step.map.t >= this.core.reveal[i]) : -1;
    if (later >= 0) {
      control.control.stepper.stopPlay(false);
      control.control.stepper.show(later, "server");
      writeAddress({ t: control.control.step.key });
    } else {
      control.send();
      shared.dispatchEvent(new Event("shown"));
    }
  }
  make(what) {
    this.component.setStateValue("make", { what, key: shownKey(), n: Date.now() });
  }
  draw() {
    const control = explorer.control;
    if (!control || !this.dataset) return;
    const step = explorer.step || control.control.step, data = this.data;
    this.dataset.then((dataset) => {
      const all = visibleAt(dataset.core, step.map.t, explorer.cats, explorer.src);
      const fresh = new Set(all.filter((i) => dataset.core.reveal[i] > step.map.newFrom));
      if (explorer.selected && !all.some((i) => dataset.core.ids[i] === explorer.selected)) select(null);
      this.downloads.show({ data: dataset, indices: all, stamp: step.stamp, words: data.words, png: data.png });
      return this.list.show({
        data: dataset,
        indices: all.slice(0, data.limit),
        total: all.length,
        fresh,
        selected: explorer.selected,
        clock: step.clock,
        words: data.words,
        limit: data.limit
      });
    }).then(() => {
      if (this.focusChosen) this.list.focusChosen();
      this.focusChosen = false;
    });
  }
  destroy() {
    shared.removeEventListener("shown", this.onShown);
  }
};
var SourcesMount = class {
  constructor(root) {
    this.root = root;
    this.list = null;
  }
  update(data) {
    if (this.list && this.lang === data.lang && this.url === data.recordUrl) return;
    Object.assign(this, { lang: data.lang, url: data.recordUrl });
    if (!this.list) this.list = new SourceList(this.root, () => recordList(this.url, "sources", this.lang));
    this.list.show(data.words).catch(() => {
    });
  }
  destroy() {
  }
};
function shownKey() {
  if (explorer.step) return explorer.step.key;
  const control = explorer.control || [...LIVE.values()].find((mount) => mount instanceof ControlMount);
  return control ? control.control.step.key : null;
}
var FileMount = class {
  constructor(root, component) {
    this.component = component;
    this.file = new ServerFile(root, () => this.component.setStateValue("make", { what: this.data.what, key: shownKey(), n: Date.now() }));
  }
  update(data) {
    this.data = data;
    this.file.label(data.label, data.help, data.making);
    if (data.made && data.made.id !== this.madeId) {
      this.madeId = data.made.id;
      this.file.made(data.made);
    }
  }
  destroy() {
  }
};
function select(id) {
  if (explorer.selected === id) return;
  explorer.selected = id;
  writeAddress({ event: id });
  if (explorer.control) explorer.control.send();
}
var CopyMount = class {
  constructor(root) {
    this.box = el("div", "jm-copy");
    const label = el("label");
    this.label = el("span", "jm-copy-label");
    this.field = el("textarea");
    Object.assign(this.field, { readOnly: true, spellcheck: false });
    label.append(this.label, this.field);
    const row = el("div", "jm-copy-row");
    this.button = el("button");
    this.button.type = "button";
    this.status = el("span", "jm-copy-status");
    this.status.setAttribute("role", "status");
    row.append(this.button, this.status);
    this.box.append(label, row);
    root.append(this.box);
    this.button.addEventListener("click", () => this.copy());
    this.onShown = () => this.fill();
    shared.addEventListener("shown", this.onShown);
  }
  update(data) {
    this.data = data;
    this.label.textContent = data.label;
    this.field.rows = Number(data.rows) || 2;
    this.button.textContent = data.copy;
    this.fill();
  }
  fill() {
    const data = this.data, step = explorer.step;
    let value = data.value;
    if (data.follow === "address") value = window.location.href;
    else if (data.follow === "time" && step) value = value.replace(`t=${data.key}`, `t=${step.key}`);
    if (this.field.value !== value) this.status.textContent = "";
    this.field.value = value;
  }
  copy() {
    const words = this.data, done = () => {
      this.status.textContent = `✓ ${words.copied}`;
    };
    const byHand = () => {
      this.field.focus();
      this.field.select();
      let ok;
      try {
        ok = document.execCommand("copy");
      } catch {
        ok = false;
      }
      this.status.textContent = ok ? `✓ ${words.copied}` : words.failed;
    };
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(this.field.value).then(done, byHand);
    else byHand();
  }
  destroy() {
    shared.removeEventListener("shown", this.onShown);
  }
};
var ROLES = { control: ControlMount, panel: PanelMount, sources: SourcesMount, copy: CopyMount, file: FileMount };
function fromOurMap(event) {
  const control = explorer.control && explorer.control.owns(event.detail.from) ? explorer.control : [...LIVE.values()].find((mount) => mount instanceof ControlMount && mount.owns(event.detail.from));
  return control || null;
}
window.addEventListener("juliaca:map-ready", (event) => {
  const control = fromOurMap(event);
  if (!control) return;
  if (CORES.has(event.detail.url)) event.detail.core = CORES.get(event.detail.url);
  control.send(event.detail.from);
});
window.addEventListener("juliaca:person", (event) => {
  if (!fromOurMap(event) || typeof event.detail.id !== "string") return;
  const panel = [...LIVE.values()].find((mount) => mount instanceof PanelMount);
  if (panel) panel.people.go(event.detail.id);
});
window.addEventListener("juliaca:key", (event) => {
  const control = fromOurMap(event), delta = event.detail.delta;
  if (control && (delta === 1 || delta === -1)) control.control.stepBy(delta);
});
function host_streamlit_default(component) {
  const { data, parentElement, key } = component;
  let mount = MOUNTS.get(parentElement);
  if (!mount) {
    const old = LIVE.get(key);
    if (old) old.destroy();
    parentElement.textContent = "";
    mount = new ROLES[data.role](parentElement, component);
    MOUNTS.set(parentElement, mount);
    LIVE.set(key, mount);
  }
  addStyle(parentElement.getRootNode(), "jt-style", control_default);
  mount.component = component;
  mount.update(data);
  return () => {
    mount.destroy();
    MOUNTS.delete(parentElement);
    if (LIVE.get(key) === mount) LIVE.delete(key);
  };
}
export {
  host_streamlit_default as default
};
