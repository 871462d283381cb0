/* The map: draws the context layers, the legend and the labels once, then each step of the timeline by
 * changing only what differs from the step before.
 *
 * Up to SYMBOL_LIMIT events, each is a symbol whose colour and shape give its category; beyond, events
 * are gathered per place into canvas circles sized by how many there are, which stays fast at 100,000
 * events. What it has drawn is written on its container (`.jm-map`: data-t, data-ms, data-events,
 * data-marches, data-markers, data-context, data-painted-at) for the host, the tests and the benchmark.
 * Every text from the data reaches the page through textContent or an attribute, never as markup.
 */
import { countUpTo, sourceMask } from "./timemodel.js";
import { el } from "./text.js";
import { svg, symbol } from "./symbols.js";
import { eventDetails, eventName, eventTip } from "./eventview.js";
import { Fans, TARGET, alive } from "./fans.js";
import { Labels } from "./labels.js";
import { fitPopups, focusInPlace, foldCredit, giveWay, quietLine, watchTiles } from "./screen.js";
import { addFurniture, addLegend, keepInFrame } from "./furniture.js";

const SYMBOL_LIMIT = 3000;
const ROOM_SYMBOL = 36;  // px: the smallest symbol in classroom mode, seen from the back of a room (issue 23)

/* Sources differ: a square with "≠" drawn in it (a shape, and no text in the marker: its name says it). */
function differBadge() {
  const box = el("span", "jm-differ-badge");
  box.append(svg("0 0 12 12", 12, 12, [{d: "M0.5 0.5h11v11h-11z", fill: "#ffffff", stroke: "#111111"},
                                       {d: "M3 4.6h6M3 7.4h6M7.6 2.4 4.4 9.6", fill: "none", stroke: "#111111",
                                        "stroke-width": "1.3"}]));
  return box;
}

export class MapView {
  /* Once per Leaflet map: context layers, labels, legend, the offline base when the tiles cannot be reached;
     then the dataset (a Promise of a Dataset) and, if given, the step to draw first. `config.room`:
     classroom mode, sized for a room. */
  constructor(map, config, dataset) {
    this.map = map;
    this.config = config;
    this.data = null;
    this.pending = null;
    this.last = null;
    this.viewKey = null;
    this.container = map.getContainer();
    this.container.classList.add("jm-map");
    this.labelDocument();
    map.attributionControl.setPrefix("Leaflet");
    map.attributionControl.addAttribution(config.credit);
    this.contextLayers = [];
    this.container.dataset.base = config.tiles ? "tiles" : "offline";
    this.addContext();
    if (config.room) this.container.classList.add("jm-room");
    addLegend(map, config.legend, {folded: Boolean(config.room), picture: Boolean(config.snapshot)});
    if (config.tiles) watchTiles(map, () => this.goOffline());
    keepInFrame(map, config.frame);
    addFurniture(map, config, () => this.categoriesInView());
    if (!config.snapshot) foldCredit(map, config.creditButton);  // a picture keeps its credit whole
    this.labels = new Labels(map, config);  // after the controls: labels avoid them
    this.canvas = L.canvas({padding: 0.3});
    this.group = L.featureGroup().addTo(map);  // persists across steps: each step draws a difference
    fitPopups(map);
    giveWay(map, this.group);
    focusInPlace(map);
    this.marchLayers = L.layerGroup().addTo(this.group);
    this.reset();
    if (config.firstStep) {
      this.container.dataset.first = config.firstStep.iso;  // the step this map was built with (it keeps it)
      this.takeStep(config.firstStep);
    }
    dataset.then((data) => this.setData(data));
  }

  setData(data) {
    this.data = data;
    this.fans = new Fans(this.map, data, {markers: () => Object.keys(this.markers).map(Number),
                                          restyle: () => this.restyleSymbols(), size: (i) => this.sizeOf(i)});
    if (data.core.n <= data.core.chunk) data.loadText(0);
    if (this.pending) this.drawStep(this.pending);
  }

  reset() {
    this.shown = 0;       // events [0, shown) are revealed
    this.newFrom = 0;     // events [newFrom, shown) are new in this step
    this.cats = null;     // enabled categories (array of booleans) or null for all
    this.src = null;      // the source whose events alone are shown, or null for every source
    this.bySource = null; // its events (array of booleans by event), or null
    this.selected = -1;
    this.highlight = null;
    this.markers = {};    // symbol mode: event index -> marker
    this.places = {};     // cluster mode: place index -> {marker, count, latest}
  }

  /* The map's language and name for assistive technology: the document's lang and a named landmark. */
  labelDocument() {
    document.documentElement.lang = this.config.lang;
    const viewport = document.querySelector('meta[name="viewport"]');  // folium's forbids zooming (WCAG 1.4.4)
    if (viewport) viewport.setAttribute("content", "width=device-width, initial-scale=1");
    this.container.setAttribute("role", "region");
    this.container.setAttribute("aria-label", this.config.strings.map_name);
  }

  /* The tiles cannot be reached (screen.js, watchTiles): the offline base instead, by itself, said in one
     quiet line; nothing is asked of the visitor (issue 23). `config.offline` holds the offline base's layers. */
  goOffline() {
    const offline = this.config.offline, map = this.map;
    if (!offline || this.container.dataset.base === "offline" || !alive(map)) return;
    map.eachLayer((layer) => { if (layer instanceof L.TileLayer) map.removeLayer(layer); });
    for (const layer of this.contextLayers.splice(0)) map.removeLayer(layer);  // the borders drawn over tiles
    this.config = {...this.config, tiles: false, context: offline.context, areas: offline.areas, frame: offline.frame};
    this.addContext();
    map.setMaxZoom(offline.maxZoom);
    keepInFrame(map, offline.frame);
    this.labels.addAreas(offline.areas);
    quietLine(map, this.config.strings.tiles_failed);
    this.container.dataset.base = "offline";
  }

  /* A symbol's size in px: as the data gives it (18 px and up, geo/map/payload.py), and in classroom mode
     ROOM_SYMBOL px and up, the same steps added (doubled, the largest would cover a district). */
  sizeOf(i) {
    const size = this.data.core.size[i];
    return this.config.room ? size + ROOM_SYMBOL - 18 : size;
  }

  addContext() {
    const map = this.map, styles = this.config.contextStyles;
    ["jm-land", "jm-lake", "jm-borders"].forEach((name, i) => {
      map.createPane(name).style.zIndex = String(201 + i);
      map.getPane(name).style.pointerEvents = "none";
    });
    let drawn = 0;
    const context = this.config.context;
    for (const layer of context) {
      const draw = (geojson) => {
        if (context !== this.config.context) return;  // the base changed meanwhile (goOffline)
        this.contextLayers.push(L.geoJSON(geojson, {style: styles[layer.style], pane: layer.pane, interactive: false}).addTo(map));
        this.container.dataset.context = String(drawn += 1);
      };
      if (layer.data) draw(layer.data);
      else fetch(layer.url).then((r) => r.json()).then(draw).catch(() => {});
    }
  }

  /* A step from the host, if it is one (see step.js): a preset view that comes with it, then the step. */
  takeStep(step) {
    if (step.view) this.moveTo(step.view);
    this.drawStep(step);
  }

  /* A preset view that comes with a step (classroom moments); once per change, not at every step. */
  moveTo(view) {
    const key = `${view.center.join(",")}/${view.zoom}`;
    if (this.viewKey === key) return;
    this.viewKey = key;
    const still = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    this.map.setView(view.center, view.zoom, {animate: !still});
  }

  /* The map's name at the time shown ("Map of Juliaca at 17:00 on 9 January 2023"): on the iframe that
     holds it in the app (`nameFrame`), on the map's region elsewhere. */
  nameStep(title) {
    if (!title) return;
    const frame = this.config.nameFrame ? window.frameElement : null;
    (frame || this.container).setAttribute(frame ? "title" : "aria-label", title);
  }

  /* One step: {t, newFrom (epoch ms), cats (names, or null for all), src (a source id, or null for all),
     selected (id or null), highlight}. Draws the difference from the step before. */
  drawStep(step) {
    if (!this.data) { this.pending = step; return; }
    this.pending = null;
    const core = this.data.core;
    const cats = step.cats ? core.categories.map((c) => step.cats.includes(c)) : null;
    if (JSON.stringify(cats) !== JSON.stringify(this.cats) || (step.src || null) !== this.src) {  // a new filter: start again
      this.clear();
      this.cats = cats;
      this.src = step.src || null;
      this.bySource = sourceMask(core, this.src);
    }
    const shown = countUpTo(core.reveal, step.t), newFrom = countUpTo(core.reveal, step.newFrom);
    const selected = step.selected ? core.ids.indexOf(step.selected) : -1;
    /* classroom mode names the events that stand out, in place of "new in this step" */
    let highlight = null;
    if (step.highlight) {
      highlight = {};
      for (const id of step.highlight) { const k = core.ids.indexOf(id); if (k >= 0) highlight[k] = true; }
    }
    const cluster = core.n > SYMBOL_LIMIT, touched = new Set();
    for (let i = this.shown; i < shown; i++) this.add(i, cluster, touched);
    for (let i = this.shown - 1; i >= shown; i--) this.remove(i, cluster, touched);
    /* what was new, or selected, before and is not now (and the reverse) is restyled */
    for (let i = Math.min(this.newFrom, newFrom); i < Math.max(this.shown, shown); i++) touched.add(i);
    for (const i of [this.selected, selected]) if (i >= 0) touched.add(i);
    for (const set of [this.highlight, highlight]) for (const k of Object.keys(set || {})) touched.add(Number(k));
    Object.assign(this, {shown, newFrom, selected, highlight});
    for (const i of touched) this.restyle(i, cluster);
    const marches = this.drawMarches(step.t, cluster);
    const marker = this.markers[selected];
    if (marker) setTimeout(() => { if (marker._map) marker.openPopup(); }, 0);
    const events = cluster ? Object.values(this.places).reduce((sum, spot) => sum + spot.count, 0)
      : Object.keys(this.markers).length;
    this.report({t: step.iso, ms: step.t, events, marches, markers: cluster ? Object.keys(this.places).length : events});
    this.nameStep(step.title);
  }

  /* What is drawn, on the container; and, once the browser has painted it, when (a message posted from
     the frame callback is handled right after that frame is painted). */
  report(drawn) {
    this.last = drawn;
    const data = this.container.dataset;
    for (const [name, value] of Object.entries(drawn)) data[name] = String(value);
    delete data.paintedAt;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        if (this.last !== drawn) return;
        data.paintedAt = String(performance.timeOrigin + performance.now());
        this.container.dispatchEvent(new CustomEvent("jm-painted", {detail: drawn}));
      };
      channel.port2.postMessage(null);
    });
  }

  enabled(i) {
    const core = this.data.core;
    return core.lat[i] !== null && (!this.cats || this.cats[core.cat[i]]) && (!this.bySource || this.bySource[i]);
  }

  add(i, cluster, touched) {
    if (!this.enabled(i)) return;
    if (!cluster) {
      const marker = this.symbolMarker(i);
      this.markers[i] = marker;
      this.group.addLayer(marker);
      touched.add(i);
      return;
    }
    const p = this.data.core.place[i];
    let spot = this.places[p];
    if (!spot) {
      spot = this.places[p] = {count: 0, latest: -1, marker: this.placeMarker(p)};
      this.group.addLayer(spot.marker);
    }
    spot.count += 1;
    spot.latest = Math.max(spot.latest, i);
    touched.add(i);
  }

  remove(i, cluster, touched) {
    if (!this.enabled(i)) return;
    if (!cluster) {
      if (this.markers[i]) { this.group.removeLayer(this.markers[i]); delete this.markers[i]; }
      return;
    }
    const p = this.data.core.place[i], spot = this.places[p];
    if (!spot) return;
    spot.count -= 1;
    if (spot.count <= 0) { this.group.removeLayer(spot.marker); delete this.places[p]; return; }
    if (spot.latest === i) {  // the place's latest visible event is now the one before it
      const list = this.data.byPlace[p];
      let k = list.indexOf(i) - 1;
      while (k >= 0 && (list[k] >= this.shown || !this.enabled(list[k]))) k--;
      spot.latest = k >= 0 ? list[k] : -1;
    }
    touched.add(i);
  }

  clear() {
    this.group.eachLayer((layer) => { if (layer !== this.marchLayers) this.group.removeLayer(layer); });
    this.marchLayers.clearLayers();
    this.reset();
  }

  /* The symbol keeps its drawn size; its hit area (the icon box) is at least TARGET px (WCAG 2.5.8). */
  symbolIcon(i, isNew, selected) {
    const core = this.data.core, size = this.sizeOf(i), box = Math.max(size, TARGET);
    const {x: dx, y: dy} = this.fans.offset(i);
    const wrap = el("div", `jm-symbol ${isNew ? "jm-new" : "jm-earlier"}${selected ? " jm-selected" : ""}`);
    wrap.append(symbol(core.styles[core.cat[i]], size, {approx: Boolean(core.approx[i]), isNew, selected}));
    if (core.badge[i]) wrap.append(el("span", "jm-badge", core.badge[i]));
    if (core.differ && core.differ[i]) wrap.append(differBadge());
    return L.divIcon({className: "jm-icon", html: wrap, iconSize: [box, box], iconAnchor: [box / 2 - dx, box / 2 - dy],
                      popupAnchor: [dx, dy - box / 2], tooltipAnchor: [dx + box / 2, dy]});
  }

  /* A marker is named "title, time, place" as soon as it exists (until its text arrives, by its category).
     It is a button that screen readers can press, but not a tab stop: the event list is the keyboard path. */
  nameMarker(marker, i) {
    const text = this.data.textOf(i), icon = marker.getElement();
    if (!icon) return;
    const label = text ? eventName(text, this.config.strings)
      : (this.config.legend.items[this.data.core.cat[i]] || {}).label || "";
    icon.setAttribute("role", "button");
    icon.setAttribute("tabindex", "-1");
    icon.setAttribute("aria-label", label);
    if (!text) this.data.loadText(i).then(() => this.nameMarker(marker, i));
  }

  /* Content filled in when the text's chunk arrives (at once when it is already loaded). */
  lazy(layer, i, build, kind) {
    return () => {
      const text = this.data.textOf(i);
      if (text) return build(text);
      this.data.loadText(i).then((loaded) => {
        const bound = kind === "popup" ? layer.getPopup() : layer.getTooltip();
        if (bound) bound.setContent(build(loaded));
      });
      return el("div", "jm-tip", "\u2026");
    };
  }

  symbolMarker(i) {
    const core = this.data.core, words = this.config.strings;
    const marker = L.marker([core.lat[i], core.lon[i]], {icon: this.symbolIcon(i, false, false), keyboard: false,
                                                         riseOnHover: true});
    marker.on("add", () => this.nameMarker(marker, i));
    const actions = this.config.actions || {};
    marker.bindPopup(this.lazy(marker, i, (text) => eventDetails(text, words, "jm-popup", {person: actions.person}), "popup"),
                     {maxWidth: 320, maxHeight: 380, autoPanPadding: [20, 20]});
    marker.bindTooltip(this.lazy(marker, i, eventTip, "tooltip"), {direction: "right", opacity: 0.95});
    marker.jmIndex = i;
    return marker;
  }

  placeMarker(p) {
    const data = this.data, core = data.core, first = data.byPlace[p][0], words = this.config.strings;
    const marker = L.circleMarker([core.lat[first], core.lon[first]],
                                  {renderer: this.canvas, weight: 1, color: "#1a1a1a", fillOpacity: 0.5});
    marker.bindTooltip(() => {
      const spot = this.places[p], box = el("div", "jm-tip");
      if (!spot) return box;
      box.append(el("strong", null, `${spot.count} ${words.events_here}`));
      const text = data.textOf(spot.latest);
      if (text) box.append(el("div", null, `${text.title} \u2014 ${text.time}`));
      else data.loadText(spot.latest);
      return box;
    }, {sticky: true});
    marker.bindPopup(() => this.placePopup(p), {maxWidth: 340});
    return marker;
  }

  /* A cluster's popup: its visible events, newest first (all of them are in the list too). */
  placePopup(p) {
    const data = this.data, box = el("div", "jm-popup"), list = el("ul", "jm-cluster-list");
    const here = data.byPlace[p].filter((i) => i < this.shown && this.enabled(i)).reverse();
    box.append(el("div", "jm-popup-title", `${here.length} ${this.config.strings.events_here}`));
    for (const i of here.slice(0, 30)) {
      const text = data.textOf(i);
      if (!text) data.loadText(i);
      list.append(el("li", null, text ? `${text.time} \u2014 ${text.title}` : "\u2026"));
    }
    if (here.length > 30) list.append(el("li", null, `+ ${here.length - 30}`));
    box.append(list);
    return box;
  }

  restyleSymbols() {
    for (const i of Object.keys(this.markers)) this.restyle(Number(i), false);
  }

  restyle(i, cluster) {
    const isNew = this.highlight ? Boolean(this.highlight[i]) : i >= this.newFrom && i < this.shown;
    const selected = i === this.selected;
    if (!cluster) {
      const marker = this.markers[i];
      if (!marker) return;
      marker.setIcon(this.symbolIcon(i, isNew, selected));
      marker.setZIndexOffset(selected ? 2000 : isNew ? 1000 : 0);
      return;
    }
    const core = this.data.core, spot = this.places[core.place[i]];
    if (!spot || spot.latest < 0) return;
    const fresh = spot.latest >= this.newFrom;
    spot.marker.setStyle({radius: Math.min(3 + 2 * Math.sqrt(spot.count), 22), fillColor: core.styles[core.cat[spot.latest]].color,
                          fillOpacity: fresh ? 0.9 : 0.35, weight: fresh ? 1.5 : 0.8});
  }

  drawMarches(t, cluster) {
    const core = this.data.core, words = this.config.strings;
    this.marchLayers.clearLayers();
    if (this.cats && !this.cats[core.categories.indexOf("march")]) return 0;
    let drawn = 0;
    for (const m of core.marches) {
      if (this.bySource && !this.bySource[m.i]) continue;  // a source that does not report this march
      const done = t >= m.arrive;
      if (t <= m.drawFrom || (cluster && done)) continue;  // at scale, only marches under way are drawn
      drawn += 1;
      const f = Math.min(1, (t - m.drawFrom) / (m.arrive - m.drawFrom));
      const a = m.route[0], b = m.route[m.route.length - 1], tip = [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f];
      const label = el("div", "jm-tip");
      label.append(el("strong", null, `${words.march_from} ${m.name[this.config.lang]}`), el("div", null, words.schematic));
      /* opacities keep 3:1 against the light base maps (WCAG 1.4.11), faded or not */
      this.marchLayers.addLayer(L.polyline([a, tip], {color: "#0072B2", weight: 3, opacity: done ? 0.8 : 1, dashArray: "6 6"})
        .bindTooltip(label, {sticky: true}));
      this.marchLayers.addLayer(L.circleMarker(tip, {radius: 4, color: "#0072B2", weight: 2, fillColor: "#ffffff",
                                                     fillOpacity: 1, opacity: done ? 0.8 : 1}).bindTooltip(label));
    }
    /* Chromium makes an SVG shape with focus listeners (Leaflet's tooltips) a tab stop: not these. */
    this.marchLayers.eachLayer((layer) => layer.getElement().setAttribute("tabindex", "-1"));
    return drawn;
  }

  /* The categories drawn inside the picture now, and whether marches are (a snapshot's legend). */
  categoriesInView() {
    if (!this.data) return null;
    const shown = new Set();
    const core = this.data.core, view = this.map.getBounds().pad(0.02);  // what is in the picture, not off its edges
    for (const [i, marker] of Object.entries(this.markers)) {
      if (view.contains(marker.getLatLng())) shown.add(core.categories[core.cat[i]]);
    }
    if (this.last && this.last.marches) shown.add("march");
    return shown;
  }
}
