/* Host: the exported page (geo/output/export.py), self-contained and offline, from file:// too. It reads
 * its data from the page (<script type="application/json" id="juliaca-page">) and runs the same modules
 * as the app: the map, the time control, the list, the downloads, the people killed and every source. A
 * released time goes to the list and, in an iframe, to the page that embeds it. A snapshot's credit line
 * names the sources of exactly the events of the step it shows. `#t=…&lang=…&view=…` (or the same as a query) shows a
 * view; so do the embedding page's messages (README, "Images, animations and embeds"):
 *   to the parent:  {type: "juliaca:ready"} once; {type: "juliaca:height", height}; {type: "juliaca:step", t, scale, lang}
 *   from the parent only: {type: "juliaca:goto", t, lang?, view?}, {type: "juliaca:lang", lang}, {type: "juliaca:view", view}
 * Every message field is checked against a pattern or a list; nothing is evaluated or put in as markup.
 * A snapshot (data.snapshot) draws one step, still, for geo/output/render.py.
 */
import mapCss from "./map.css";
import screenCss from "./screen.css";
import controlCss from "./control.css";
import { addStyle, el, fill } from "./text.js";
import { MapView } from "./map.js";
import { Dataset } from "./dataset.js";
import { TimeControl } from "./control.js";
import { EventList } from "./list.js";
import { PeopleList } from "./people.js";
import { SourceList } from "./sourcelist.js";
import { Downloads } from "./downloads.js";
import { stepMessage } from "./step.js";
import { visibleAt, whereEvent } from "./timemodel.js";
import { addressParams, stepFor } from "./address.js";

const page = JSON.parse(document.getElementById("juliaca-page").textContent);
const state = {lang: page.lang, scale: page.scale, rev: 0, map: null, view: null};
const framed = (() => { try { return window.self !== window.top; } catch { return true; } })();
const $ = (id) => document.getElementById(id);

addStyle(document, "jm-style", mapCss);
addStyle(document, "jt-style", controlCss);
addStyle(document, "jm-screen", screenCss);
const data = Dataset.inlined(page.core, page.text[state.lang], page.rows);
const control = new TimeControl($("control"), {
  draw: (step) => shown(step), drawnTime: () => (state.view && state.view.last ? state.view.last.ms : null),
  release: () => settled(), map: () => $("map")});
const list = page.snapshot ? null : new EventList($("panel"), {select: (id) => { state.selected = id; draw(); },
                                                             person: (id) => people.go(id)});
if (list) list.heading.id = "list-heading";
const downloads = page.snapshot ? null : new Downloads($("panel"), {make: () => {}});
const people = page.snapshot ? null : new PeopleList($("panel"), {
  load: () => Promise.resolve(page.record[state.lang].people), selectEvent: (id) => chooseEvent(id),
  whereEvent: (id) => whereEvent(page.core, steps(), id, page.cats, page.src)});
const about = page.snapshot ? null : aboutBox($("panel"));  // "Sources, method and licences", with every source
const sources = page.snapshot ? null : new SourceList(about.holder, () => Promise.resolve(page.record[state.lang].sources));
if (about) about.box.addEventListener("toggle", () => { if (about.box.open) sources.show(words()); });

function aboutBox(root) {
  const box = el("details", "jp ja"), summary = el("summary", "jp-summary"), body = el("p", "ja-body"), holder = el("div");
  box.append(summary, body, holder);
  root.append(box);
  return {box, summary, body, holder};
}

function words() {
  return page.strings[state.lang];
}

function steps() {
  return page.scales[state.scale][state.lang];
}

function buildMap() {
  if (state.map) state.map.remove();
  const map = L.map("map", {zoomControl: !page.snapshot, attributionControl: true, fadeAnimation: false,
                            zoomAnimation: !page.snapshot, minZoom: 4, maxZoom: page.maxZoom}).setView(page.view.center, page.view.zoom);
  L.control.scale().addTo(map);
  if (page.tiles) L.tileLayer(page.tiles.url, {attribution: page.tiles.attribution, maxZoom: page.maxZoom}).addTo(map);
  const config = {...page.config[state.lang], actions: people ? {person: (id) => people.go(id)} : {}};
  for (const layer of config.context) layer.data = page.layers[layer.name];
  for (const layer of config.offline ? config.offline.context : []) layer.data = page.layers[layer.name];  // should the tiles fail
  data.chunks.text = page.text[state.lang];
  state.view = new MapView(map, config, Promise.resolve(data));
  if (page.snapshot) document.querySelectorAll(".jm-legend").forEach((legend) => { legend.open = true; });
  state.map = map;
}

/* The control and the page in the language and on the scale of `state`; `index`: the step to show. */
function render(index) {
  const all = steps(), w = words();
  document.documentElement.lang = state.lang;
  $("title").textContent = w.title;
  $("credit").textContent = page.credit[state.lang];
  if (!page.snapshot) {
    about.summary.textContent = w.sources_heading;
    about.body.textContent = w.sources_body;
    if (about.box.open) sources.show(w);
    people.show(w, page.record[state.lang].people.length, state.lang);
    people.box.hidden = !page.record[state.lang].people.length;
  }
  for (const button of document.querySelectorAll("[data-lang]")) {
    button.setAttribute("aria-pressed", String(button.getAttribute("data-lang") === state.lang));
  }
  state.rev += index === null ? 0 : 1;
  control.update({mode: "explore", steps: all, step: index === null ? control.stepper.index : index, rev: state.rev,
                  strings: {...w.control, scope: w[`toll_scope_${state.scale === "hour" ? "hour" : "day"}`],
                            note: `${w[`precision_note_${state.scale}`]} ${w.counted[state.scale]}`},
                  counters: page.counters[state.lang], speeds: page.speeds, speed: 1});
  control.setCore(page.core);
}

/* A step is shown: the map at once, the words around it. */
function shown(step) {
  if (!state.view) return;
  state.view.takeStep(stepMessage(step, page.cats, state.selected, page.src));
  if (page.snapshot) $("credit").textContent = fill(page.creditParts[state.lang], {sources: step.credit});
  tell({type: "juliaca:step", t: step.key, scale: state.scale, lang: state.lang});
  if (!list) return;
  if (!state.settled) settled();
}

/* The time settled: the list and the downloads follow. */
function settled() {
  state.settled = true;
  draw();
}

function draw() {
  if (!list) return Promise.resolve();
  const step = control.step, all = visibleAt(page.core, step.map.t, page.cats, page.src);
  const fresh = new Set(all.filter((i) => page.core.reveal[i] > step.map.newFrom));
  if (state.selected && !all.some((i) => page.core.ids[i] === state.selected)) state.selected = null;
  downloads.show({data, indices: all, stamp: step.stamp, words: words(), png: false});
  return list.show({data, indices: all.slice(0, page.listLimit), total: all.length, fresh, selected: state.selected,
                    clock: step.clock, words: words(), limit: page.listLimit});
}

/* An event chosen from the list of the people killed: the time moves on to when it is shown (if later than
   the time shown), the event is selected on the map and in the list, and the list's radio takes the focus. */
function chooseEvent(id) {
  const i = page.core.ids.indexOf(id);
  if (i < 0) return;
  state.selected = id;
  if (page.core.reveal[i] > control.step.map.t) {
    const later = steps().findIndex((step) => step.map.t >= page.core.reveal[i]);
    if (later >= 0) {
      control.stepper.stopPlay(false);
      control.stepper.show(later, "server");
    }
  } else {
    shown(control.step);
  }
  draw().then(() => list.focusChosen());
}

function setLanguage(lang) {
  if (!Object.hasOwn(page.strings, lang)) return false;
  state.lang = lang;
  buildMap();
  render(null);
  draw();
  return true;
}

function setView(name) {
  if (!Object.hasOwn(page.views, name)) return false;
  page.view = page.views[name];  // kept when a change of language rebuilds the map
  state.map.setView(page.view.center, page.view.zoom);
  return true;
}

/* {t, lang, view}: every field optional and checked; an unknown value is ignored, not guessed. */
function apply(request) {
  if (typeof request.lang === "string" && request.lang !== state.lang) setLanguage(request.lang);
  if (typeof request.view === "string") setView(request.view);
  const found = typeof request.t === "string" ? stepFor(request.t, timesOf(page.scales)) : null;
  if (found) {
    state.scale = found.scale;
    render(found.index);
    draw();
  }
  return found;
}

function timesOf(scales) {
  return Object.fromEntries(Object.entries(scales).map(([scale, byLang]) =>
    [scale, byLang[page.lang].map((step) => ({key: step.key, t: step.map.t}))]));
}

function fromAddress() {
  const params = addressParams(window.location);
  apply({t: params.get("t") || undefined, lang: params.get("lang") || undefined, view: params.get("view") || undefined});
}

function tell(message) {
  if (state.ready) window.parent.postMessage(message, "*");  // nothing private: heights and step names
}

let lastHeight = -1;
function postHeight() {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height !== lastHeight) { lastHeight = height; tell({type: "juliaca:height", height}); }
}

function onMessage(event) {
  if (event.source !== window.parent) return;  // only the page that embeds us
  const message = event.data;
  if (!message || typeof message !== "object" || typeof message.type !== "string") return;
  if (message.type === "juliaca:goto") apply({t: message.t, lang: message.lang, view: message.view});
  else if (message.type === "juliaca:lang") apply({lang: message.lang});
  else if (message.type === "juliaca:view") apply({view: message.view});
}

for (const button of document.querySelectorAll("[data-lang]")) {
  button.addEventListener("click", () => setLanguage(button.getAttribute("data-lang")));
}
buildMap();
render(page.step);
fromAddress();
window.addEventListener("hashchange", fromAddress);
if (framed && !page.snapshot) {
  document.documentElement.classList.add("embedded");
  window.addEventListener("message", onMessage);
  if (window.ResizeObserver) new ResizeObserver(postHeight).observe(document.body);
  window.addEventListener("resize", postHeight);
  window.addEventListener("load", postHeight);
  state.ready = true;
  tell({type: "juliaca:ready"});
  tell({type: "juliaca:step", t: control.step.key, scale: state.scale, lang: state.lang});
  postHeight();
}
