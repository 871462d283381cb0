/* The time control: a slider, Back / Play-Pause / Forward, a speed, the clock, the four counters with the
 * figures reported by then under them (each step's `reported`, worded in Python), and a live region, the
 * same in every host (the app's page, the exported page).
 *
 * The host draws the map (`host.draw(step)`) inside the key or input handler, so the browser paints the
 * step in its next frame; the clock and the counters follow in an animation frame from the time the map
 * has drawn (`host.drawnTime()`), so a painted frame never shows them at another time. The host hears the
 * time once it settles (`host.release(step)`; stepper.js says when). A time decided by the host's server
 * comes with a new `rev` and is applied once. Nothing plays by itself; the live region says the time once
 * it settles, never during Play. Every text goes in with textContent.
 */
import { el } from "./text.js";
import { totalsAt } from "./timemodel.js";
import { Stepper, keyStep, keyTarget } from "./stepper.js";

const SETTLE_MS = 700;  // the live region speaks the clock this long after the last step

function build(root) {
  const ui = {box: el("div", "jt"), present: el("div", "jt-present"), title: el("h2", "jt-title"),
              position: el("p", "jt-position"), caption: el("p", "jt-caption"), clock: el("p", "jt-clock"),
              controls: el("div", "jt-controls"), back: el("button", "jt-back"), play: el("button", "jt-play"),
              forward: el("button", "jt-forward"), slider: el("input", "jt-slider"), stepName: el("span", "jt-step-name"),
              speedLabel: el("label", "jt-speed"), speedText: el("span"), speed: el("select"),
              counters: el("div", "jt-counters"), reported: el("p", "jt-reported"), note: el("details", "jt-note"),
              noteSummary: el("summary"),
              noteBody: el("p"), live: el("div", "jt-live"), summary: el("section", "jt-summary"), summaryText: el("p")};
  for (const button of [ui.back, ui.play, ui.forward]) button.type = "button";
  Object.assign(ui.slider, {type: "range", min: "0", step: "1"});
  ui.stepName.setAttribute("aria-hidden", "true");
  ui.live.setAttribute("aria-live", "polite");
  ui.live.setAttribute("role", "status");
  ui.present.append(ui.title, ui.position, ui.caption);
  ui.speedLabel.append(ui.speedText, ui.speed);
  ui.controls.append(ui.back, ui.play, ui.forward, ui.slider, ui.stepName, ui.speedLabel);
  ui.note.append(ui.noteSummary, ui.noteBody);  // what the counters count, in words; what they include, on demand
  ui.scope = el("p", "jt-scope");  // what the counters count, in one plain sentence; the details under "What is counted"
  ui.summary.append(ui.summaryText);  // the moment in words, for screen readers: what stands in for the map
  ui.box.append(ui.present, ui.clock, ui.controls, ui.counters, ui.reported, ui.note, ui.live, ui.summary);
  root.append(ui.box);
  ui.counters.after(ui.scope);  // right under the numbers it speaks of, before the figures reported
  return ui;
}

export class TimeControl {
  /* `host`: {draw(step), drawnTime() (epoch ms, or null), release(step), map() (a map container in this
     document, whose arrows pan), timers}. */
  constructor(root, host) {
    this.host = host;
    this.ui = build(root);
    this.data = null;
    this.core = null;
    this.rev = null;
    this.jumps = 0;  // how many server jumps were applied (for the tests)
    this.frame = 0;
    this.liveTimer = null;
    this.stepper = new Stepper({show: (i, origin) => this.shown(i, origin), release: (i) => host.release(this.steps[i]),
                                playing: (on) => this.playing(on)}, host.timers || globalThis);
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
    on(ui.play, "click", () => stepper.togglePlay(Number(ui.speed.value) || 1000));
    on(document, "keydown", (event) => {
      const target = event.composedPath()[0];
      const at = keyTarget(target, ui.slider, this.host.map && this.host.map(), ui.box);
      const delta = keyStep(event, {...at, classroom: Boolean(this.data && this.data.mode === "present")});
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
    if (first || data.rev !== this.rev) {  // a time decided by the server: applied once per revision
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
  setCore(core) {
    this.core = core;
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
    labels.forEach((label, c) => { ui.counters.children[c].lastChild.textContent = label; });
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
    if (origin === "user" || origin === "server") this.announce(step);  // not again after each rerun
  }

  paintText() {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.drawText(0));
  }

  drawText(tries) {
    const wanted = this.step, drawn = this.host.drawnTime();
    /* until the map shows the new time, keep showing the time it shows (a few frames at most) */
    const t = drawn !== null && tries < 120 ? drawn : wanted.map.t;
    if (t !== wanted.map.t) this.frame = requestAnimationFrame(() => this.drawText(tries + 1));
    const step = wanted.map.t === t ? wanted : this.steps.find((s) => s.map.t === t) || wanted, ui = this.ui;
    ui.clock.textContent = step.clock;
    ui.reported.textContent = step.reported || "";
    ui.reported.hidden = !step.reported;
    ui.summary.hidden = !step.summary;
    ui.summaryText.textContent = step.summary || "";
    ui.box.dataset.textT = String(t);
    if (step.scope) { ui.scope.textContent = step.scope; ui.scope.hidden = false; }  // classroom moments: each on its own scale
    if (this.data.mode === "present") {
      ui.title.textContent = step.title;
      ui.position.textContent = step.position;
      ui.caption.textContent = step.caption;
    }
    const totals = step.toll || !this.core ? null : totalsAt(this.core, t, step.tollFrom);
    this.data.counters.forEach((_, c) => {
      const value = ui.counters.children[c].firstChild;
      /* as the source words them ("over 100") where the host gave the words; else the time model's count */
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
    this.ui.play.textContent = playing ? words.pause : words.play;  // the name says what a press does
    this.ui.box.dataset.playing = String(playing);
  }
}
