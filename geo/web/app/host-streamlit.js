/* Host: the app's page (a Streamlit Custom Components v2 component, ui/time_control.py). One module for
 * every mount of the component, by `data.role`:
 *   control  the time control; it draws the map in streamlit-folium's iframe (same origin) at every step;
 *   panel    the list of events, the downloads of the moment and the list of the people killed, beside the map;
 *   sources  every source of the record, at the foot of the page;
 *   copy     a text to copy (a link, an embed code), kept at the time shown.
 * In the explorer the browser keeps the address bar (Python gives the rest of the view as `address`), and
 * a released time goes to it, the list and the downloads: Python is not asked. It hears the time only for
 * what needs the server: in classroom mode, and a file it makes (the PNG, the alt text). Streamlit sends
 * the address it last wrote itself with each run, never the one the browser keeps, so Python writes no
 * address in the explorer. Mounts share this module, so they share the time shown.
 */
import controlCss from "./control.css";
import { addStyle, el } from "./text.js";
import { TimeControl } from "./control.js";
import { EventList } from "./list.js";
import { PeopleList } from "./people.js";
import { SourceList } from "./sourcelist.js";
import { Downloads, ServerFile } from "./downloads.js";
import { Dataset } from "./dataset.js";
import { fetchJson } from "./fetch.js";
import { stepMessage } from "./step.js";
import { visibleAt, whereEvent } from "./timemodel.js";
import { writeAddress } from "./address.js";

const MOUNTS = new WeakMap();    // parentElement -> its mount
const LIVE = new Map();          // component key -> the mount alive for it (one, whatever Streamlit remounts)
const CORES = new Map();         // core.json's address -> a Promise of it: one fetch per page, shared with the map
const RECORDS = new Map();       // a record list's address (people-<lang>.json, sources-<lang>.json) -> a Promise of it
const shared = new EventTarget();  // "shown": the explorer's time settled, or its selection changed
const explorer = {step: null, selected: null, cats: null, src: null, control: null};

/* A list of the record (`name`: "people" or "sources") in `lang`, from the bundle folder `url`, fetched once. */
function recordList(url, name, lang) {
  const address = `${url}/${name}-${lang}.json`;
  if (!RECORDS.has(address)) RECORDS.set(address, fetchJson(address).catch((error) => { RECORDS.delete(address); throw error; }));
  return RECORDS.get(address);
}

/* The core arrays at `url`, fetched once; those of any other dataset (an upload replaced) are let go. */
function core(url) {
  if (!CORES.has(url)) {
    CORES.clear();
    CORES.set(url, fetchJson(url));
  }
  return CORES.get(url);
}

class ControlMount {
  constructor(root, component) {
    this.component = component;
    this.lastSent = null;
    this.heard = null;
    this.control = new TimeControl(root, {draw: (step, origin) => this.drawn(step, origin), drawnTime: () => this.mapTime(),
                                          release: (step) => this.release(step), map: () => null});
  }

  update(data) {
    const first = !this.data;
    this.data = data;
    if (data.mode === "explore") {
      Object.assign(explorer, {cats: data.cats, src: data.src || null, control: this});
      if (first || data.rev !== this.control.rev) explorer.selected = data.selected;
    }
    this.control.update(data);
    if (this.explore) writeAddress({t: this.control.step.key, ...data.address, event: explorer.selected}, true);
    if (first) core(data.bundle).then((loaded) => this.control.setCore(loaded), () => {});
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
    for (const win of windows) win.dispatchEvent(new win.CustomEvent("juliaca:step", {detail: message}));
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
      writeAddress({t: step.key});
      shared.dispatchEvent(new Event("shown"));
      return;
    }
    if (step.key === this.heard) return;
    this.heard = step.key;
    this.component.setStateValue("at", {key: step.key, n: Date.now()});  // n: the same key again is news too
  }

  /* Once: Python is told when a map of ours has painted a step (the page holds back the rest until then). */
  watchPainted() {
    if (this.painted !== undefined) return;
    this.painted = false;
    const check = () => {
      if (this.painted) return;
      const done = this.frames().some((frame) => {
        const map = frame.contentDocument && frame.contentDocument.querySelector(".jm-map");
        return Boolean(map && map.dataset.paintedAt);
      });
      if (done) { this.painted = true; this.component.setStateValue("drawn", true); } else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }

  destroy() {
    if (explorer.control === this) explorer.control = null;
    this.control.destroy();
  }
}

/* The list, the downloads and the people killed, at the explorer's time. */
class PanelMount {
  constructor(root, component) {
    this.component = component;
    this.list = new EventList(root, {select: (id) => select(id), person: (id) => this.people.go(id)});
    this.downloads = new Downloads(root, {make: (what) => this.make(what)});
    this.people = new PeopleList(root, {load: () => recordList(this.data.recordUrl, "people", this.data.lang),
                                        selectEvent: (id) => this.chooseEvent(id),
                                        whereEvent: (id) => this.whereEvent(id)});
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
    if (!old || old.bundle !== data.bundle || old.lang !== data.lang) {  // another dataset (an upload), or language
      this.dataset = core(data.bundle).then((loaded) => { this.core = loaded; return Dataset.served(loaded, data.bundleUrl, data.lang); });
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
    writeAddress({event: id});
    const later = this.core.reveal[i] > now.map.t ? steps.findIndex((step) => step.map.t >= this.core.reveal[i]) : -1;
    if (later >= 0) {  // a time decided here, as the server's would be: drawn, said, and the list follows at once
      control.control.stepper.stopPlay(false);
      control.control.stepper.show(later, "server");
      writeAddress({t: control.control.step.key});
    } else {
      control.send();
      shared.dispatchEvent(new Event("shown"));
    }
  }

  make(what) {
    this.component.setStateValue("make", {what, key: shownKey(), n: Date.now()});
  }

  draw() {
    const control = explorer.control;
    if (!control || !this.dataset) return;
    const step = explorer.step || control.control.step, data = this.data;
    this.dataset.then((dataset) => {
      const all = visibleAt(dataset.core, step.map.t, explorer.cats, explorer.src);
      const fresh = new Set(all.filter((i) => dataset.core.reveal[i] > step.map.newFrom));
      if (explorer.selected && !all.some((i) => dataset.core.ids[i] === explorer.selected)) select(null);
      this.downloads.show({data: dataset, indices: all, stamp: step.stamp, words: data.words, png: data.png});
      return this.list.show({data: dataset, indices: all.slice(0, data.limit), total: all.length, fresh,
                             selected: explorer.selected, clock: step.clock, words: data.words, limit: data.limit});
    }).then(() => {
      if (this.focusChosen) this.list.focusChosen();
      this.focusChosen = false;
    });
  }

  destroy() {
    shared.removeEventListener("shown", this.onShown);
  }
}

/* Every source of the record, at the foot of the page (inside its "Sources, method and licences" expander). */
class SourcesMount {
  constructor(root) {
    this.root = root;
    this.list = null;
  }

  update(data) {
    if (this.list && this.lang === data.lang && this.url === data.recordUrl) return;
    Object.assign(this, {lang: data.lang, url: data.recordUrl});
    if (!this.list) this.list = new SourceList(this.root, () => recordList(this.url, "sources", this.lang));
    this.list.show(data.words).catch(() => {});
  }

  destroy() {}
}

/* The key of the step the explorer shows (settled), or of the control shown in classroom mode. */
function shownKey() {
  if (explorer.step) return explorer.step.key;
  const control = explorer.control || [...LIVE.values()].find((mount) => mount instanceof ControlMount);
  return control ? control.control.step.key : null;
}

/* A file the server makes at the time shown (the alt text): a button, and the file when it comes. */
class FileMount {
  constructor(root, component) {
    this.component = component;
    this.file = new ServerFile(root, () => this.component.setStateValue("make", {what: this.data.what, key: shownKey(), n: Date.now()}));
  }

  update(data) {
    this.data = data;
    this.file.label(data.label, data.help, data.making);
    if (data.made && data.made.id !== this.madeId) {
      this.madeId = data.made.id;
      this.file.made(data.made);
    }
  }

  destroy() {}
}

/* An event chosen in the list: selected on the map and in the address. */
function select(id) {
  if (explorer.selected === id) return;
  explorer.selected = id;
  writeAddress({event: id});
  if (explorer.control) explorer.control.send();
}

/* A text to copy, with a Copy button that says when it has copied; `follow`: "address" (the address bar)
   or "time" (the value's t=<key> follows the time shown). Values go in with .value and textContent. */
class CopyMount {
  constructor(root) {
    this.box = el("div", "jm-copy");
    const label = el("label");
    this.label = el("span", "jm-copy-label");
    this.field = el("textarea");
    Object.assign(this.field, {readOnly: true, spellcheck: false});
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
    const words = this.data, done = () => { this.status.textContent = `\u2713 ${words.copied}`; };
    const byHand = () => {
      this.field.focus();
      this.field.select();
      let ok;
      try { ok = document.execCommand("copy"); } catch { ok = false; }
      this.status.textContent = ok ? `\u2713 ${words.copied}` : words.failed;
    };
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(this.field.value).then(done, byHand);
    else byHand();
  }

  destroy() {
    shared.removeEventListener("shown", this.onShown);
  }
}

const ROLES = {control: ControlMount, panel: PanelMount, sources: SourcesMount, copy: CopyMount, file: FileMount};

/* The maps of the page (each in its iframe, same origin) talk to the control whose map they are. */
function fromOurMap(event) {
  const control = explorer.control && explorer.control.owns(event.detail.from) ? explorer.control
    : [...LIVE.values()].find((mount) => mount instanceof ControlMount && mount.owns(event.detail.from));
  return control || null;
}
window.addEventListener("juliaca:map-ready", (event) => {
  const control = fromOurMap(event);
  if (!control) return;
  if (CORES.has(event.detail.url)) event.detail.core = CORES.get(event.detail.url);
  control.send(event.detail.from);
});
window.addEventListener("juliaca:person", (event) => {  // a popup's link to a person killed: the list opens there
  if (!fromOurMap(event) || typeof event.detail.id !== "string") return;
  const panel = [...LIVE.values()].find((mount) => mount instanceof PanelMount);
  if (panel) panel.people.go(event.detail.id);
});
window.addEventListener("juliaca:key", (event) => {
  const control = fromOurMap(event), delta = event.detail.delta;
  if (control && (delta === 1 || delta === -1)) control.control.stepBy(delta);
});

export default function (component) {
  const {data, parentElement, key} = component;
  let mount = MOUNTS.get(parentElement);
  if (!mount) {
    const old = LIVE.get(key);  // a remount into a new element: the old one must not keep listening
    if (old) old.destroy();
    parentElement.textContent = "";
    mount = new ROLES[data.role](parentElement, component);
    MOUNTS.set(parentElement, mount);
    LIVE.set(key, mount);
  }
  addStyle(parentElement.getRootNode(), "jt-style", controlCss);  // in the component's shadow root, if it has one
  mount.component = component;
  mount.update(data);
  return () => {
    mount.destroy();
    MOUNTS.delete(parentElement);
    if (LIVE.get(key) === mount) LIVE.delete(key);
  };
}
