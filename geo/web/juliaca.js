/* Juliaca map: draws the context layers once, loads the dataset once, and then draws each step of
 * the timeline by changing only what differs from the step before.
 *
 * The dataset ("bundle", see geo/map/bundle.py) holds arrays sorted by reveal time, so the events
 * visible at t are a prefix found by binary search (geo/web/timemodel.js, shared with the time
 * control and the exported page). Up to SYMBOL_LIMIT events, each is a symbol
 * whose colour and shape give its category; beyond, events are gathered per place into canvas
 * circles sized by how many there are (clustering), which stays fast at 100,000 events.
 *
 * Safety: every text from the data reaches the page through textContent or an attribute, never
 * innerHTML, so no value in a data file can run as code. SVG symbols are built from the fixed
 * table below; colours are checked against a hex pattern.
 */
(function () {
  "use strict";
  var SVG_NS = "http://www.w3.org/2000/svg";
  var SHAPES = {
    circle: "M12 4a8 8 0 1 1 0 16a8 8 0 1 1 0-16z",
    square: "M4.5 4.5h15v15h-15z",
    diamond: "M12 2.5 21.5 12 12 21.5 2.5 12z",
    triangle: "M12 3 21.5 20H2.5z",
    triangle_down: "M12 21 2.5 4h19z",
    cross: "M5 8.5 8.5 5 12 8.5 15.5 5 19 8.5 15.5 12 19 15.5 15.5 19 12 15.5 8.5 19 5 15.5 8.5 12z",
    hexagon: "M7 3.5h10l5 8.5-5 8.5H7L2 12z",
    pentagon: "M12 2.5 21.5 9.4 17.9 20.5H6.1L2.5 9.4z",
    star: "M12 2.5l2.8 6.2 6.7.6-5.1 4.5 1.5 6.6L12 17l-5.9 3.4 1.5-6.6-5.1-4.5 6.7-.6z"
  };
  var HEX = /^#[0-9a-fA-F]{6}$/;
  var GOLDEN = 2.399963;
  var TARGET = 24;       // px: the smallest hit area of a symbol (WCAG 2.2, 2.5.8 target size)
  var FAN_SPACING = 14;  // px: the fan's spiral grows by this radius per sqrt(slot)
  var FAN_GAP = 2;       // px kept clear between two hit areas at one place
  var SYMBOL_LIMIT = 3000;

  function el(tag, className, textValue) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (textValue !== undefined && textValue !== null) node.textContent = String(textValue);
    return node;
  }

  function symbol(style, size, opts) {
    var svg = document.createElementNS(SVG_NS, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("width", size);
    svg.setAttribute("height", size);
    svg.setAttribute("aria-hidden", "true");
    var path = document.createElementNS(SVG_NS, "path");
    path.setAttribute("d", SHAPES[style.shape] || SHAPES.circle);
    path.setAttribute("fill", HEX.test(style.color) ? style.color : "#777777");
    path.setAttribute("stroke", opts.selected ? "#000000" : "#1a1a1a");
    path.setAttribute("stroke-width", opts.selected ? "3" : opts.isNew ? "1.6" : "1");
    if (opts.approx) path.setAttribute("stroke-dasharray", "2.5 1.8");
    svg.appendChild(path);
    return svg;
  }

  var countUpTo = window.JuliacaTime.countUpTo;  // geo/web/timemodel.js, loaded first

  /* ---- the dataset: core arrays at once, text by chunks on demand ---- */

  function Dataset(core, textSource) {
    this.core = core;
    this.textSource = textSource;  // function(chunkIndex) -> Promise of the chunk's columns
    this.chunks = {};
    this.byPlace = {};
    for (var i = 0; i < core.n; i++) {
      var p = core.place[i];
      if (p >= 0) (this.byPlace[p] = this.byPlace[p] || []).push(i);
    }
  }
  Dataset.prototype.textOf = function (i) {
    var k = Math.floor(i / this.core.chunk), chunk = this.chunks[k];
    if (!chunk || chunk.then) return null;
    var j = i - k * this.core.chunk, out = {};
    for (var field in chunk) out[field] = chunk[field][j];
    return out;
  };
  Dataset.prototype.loadText = function (i) {
    var self = this, k = Math.floor(i / this.core.chunk);
    if (!this.chunks[k]) {
      this.chunks[k] = this.textSource(k).then(function (chunk) { self.chunks[k] = chunk; return chunk; });
    }
    return Promise.resolve(this.chunks[k]).then(function () { return self.textOf(i); });
  };

  function eventPopup(t, strings) {
    var box = el("div", "jm-popup");
    box.appendChild(el("div", "jm-popup-title", t.title));
    box.appendChild(el("div", "jm-popup-time", t.time));
    if (t.place) box.appendChild(el("div", "jm-popup-place", t.place));
    box.appendChild(el("p", "jm-popup-summary", t.summary));
    box.appendChild(el("div", "jm-popup-status", t.status_label));
    if (t.by) box.appendChild(el("div", "jm-popup-by", strings.reported_by + ": " + t.by));
    box.appendChild(el("blockquote", "jm-popup-quote", "\u201c" + t.quote + "\u201d"));
    box.appendChild(el("div", "jm-popup-section", strings.source + ": " + t.section));
    return box;
  }

  function tooltipOf(t) {
    var box = el("div", "jm-tip");
    box.appendChild(el("strong", null, t.title));
    box.appendChild(el("div", null, t.time));
    return box;
  }

  /* Content filled in when the chunk arrives (at once when it is already loaded). */
  function lazy(layer, dataset, i, build, open) {
    return function () {
      var t = dataset.textOf(i);
      if (t) return build(t);
      dataset.loadText(i).then(function (loaded) {
        var bound = open === "popup" ? layer.getPopup() : layer.getTooltip();
        if (bound) bound.setContent(build(loaded));
      });
      return el("div", "jm-tip", "\u2026");
    };
  }

  /* ---- one step ---- */

  function View(group) {
    this.group = group;
    this.shown = 0;             // events [0, shown) are revealed
    this.newFrom = 0;           // events [newFrom, shown) are new in this step
    this.cats = null;           // enabled categories (array of booleans) or null for all
    this.selected = -1;
    this.markers = {};          // symbol mode: event index -> marker
    this.places = {};           // cluster mode: place index -> {marker, count, latest}
    this.marchLayers = L.layerGroup().addTo(group);
  }

  var JuliacaMap = {
    lastStep: null,
    countUpTo: countUpTo,

    /* Once per base map: context layers, place labels, legend, the dataset, a notice when tiles fail. */
    setup: function (map, config) {
      JuliacaMap.config = config;
      JuliacaMap.contextDrawn = 0;
      JuliacaMap.map = map;
      JuliacaMap.dataset = null;
      JuliacaMap.pending = null;
      JuliacaMap.fans = {};  // place index -> the fan's offsets (see fanOffset)
      var strings = config.strings;
      JuliacaMap.labelDocument(map, config);
      map.attributionControl.setPrefix("Leaflet");
      map.attributionControl.addAttribution(config.credit);
      JuliacaMap.addContext(map, config);
      JuliacaMap.addLegend(map, config.legend);
      JuliacaCarto.setup(map, config);  // the view kept on the land data; place labels that never collide
      if (config.tiles) {
        map.eachLayer(function (layer) {
          if (layer instanceof L.TileLayer) {
            layer.once("tileerror", function () {
              var note = L.control({position: "topright"});
              note.onAdd = function () { return el("div", "jm-notice", strings.tiles_failed); };
              note.addTo(map);
            });
          }
        });
      }
      JuliacaMap.canvas = L.canvas({padding: 0.3});
      JuliacaMap.layer = L.featureGroup().addTo(map);  // persists across steps: each step draws a difference
      /* The app gives the map the step to show first, so that it draws as soon as its data is there
         without waiting for the time control to mount and send it (later steps come from the control). */
      if (config.firstStep) JuliacaMap.takeStep(config.firstStep);
      JuliacaMap.loadDataset(config.dataset);
      window.JuliacaMap.ready = true;
      JuliacaMap.listen();
    },

    /* In the app, the time control in the parent page drives this map with steps (data only: numbers,
       ids, category names), checked by checkedStep. It dispatches a "juliaca:step" event on this
       window, with the step as its `detail`: the map draws it at once, inside the key or input handler,
       and the browser paints it in its next frame. (A posted message would wait until after that frame:
       Chromium renders first after an input.) Only a document of this origin can dispatch an event
       here; a message, the control's fallback, is taken from the parent window on this origin only.
       The map announces itself so that a new iframe (another language or base map) gets the current
       time, and hands the clicker's keys to the control, even while it has focus. */
    listen: function () {
      if (window.parent === window || JuliacaMap.listening) return;
      JuliacaMap.listening = true;
      window.addEventListener("juliaca:step", function (event) { JuliacaMap.takeStep(event.detail); });
      window.addEventListener("message", function (event) {
        if (event.source !== window.parent || event.origin !== window.location.origin) return;
        var message = event.data;
        if (message && message.type === "juliaca:step") JuliacaMap.takeStep(message.step);
      });
      document.addEventListener("keydown", function (event) {
        var map = JuliacaMap.map && JuliacaMap.map.getContainer();
        var arrow = event.key === "ArrowLeft" || event.key === "ArrowRight";
        if (event.altKey || event.ctrlKey || event.metaKey) return;
        if (arrow && map && (event.target === map || map.contains(event.target))) return;  // Leaflet pans
        if (!arrow && event.key !== "PageUp" && event.key !== "PageDown") return;
        event.preventDefault();
        /* at once, as the steps come (so the step paints in the next frame), else by message */
        var parent = window.parent, handed = null;
        try { handed = new parent.CustomEvent("juliaca:key", {detail: {key: event.key, from: window}}); }
        catch (error) { handed = null; }
        if (handed) parent.dispatchEvent(handed);
        else parent.postMessage({type: "juliaca:key", key: event.key}, window.location.origin);
      });
      window.parent.postMessage({type: "juliaca:map-ready"}, window.location.origin);
    },

    /* Draw a step from the time control (or the one the app gave at setup), if it is one. */
    takeStep: function (message) {
      var step = JuliacaMap.checkedStep(message);
      if (!step) return;
      if (step.view) JuliacaMap.moveTo(step.view);
      JuliacaMap.drawStep(null, step);
    },

    /* A step message as drawStep takes it, or null if it is not one: nothing else gets through. */
    checkedStep: function (step) {
      var isTime = function (x) { return typeof x === "number" && isFinite(x); };
      var isNames = function (x) {
        return Array.isArray(x) && x.every(function (v) { return typeof v === "string"; });
      };
      if (!step || !isTime(step.t) || !isTime(step.newFrom) || typeof step.iso !== "string") return null;
      if (step.cats !== null && step.cats !== undefined && !isNames(step.cats)) return null;
      if (step.selected !== null && step.selected !== undefined && typeof step.selected !== "string") return null;
      if (step.highlight !== undefined && !isNames(step.highlight)) return null;
      if (step.title !== undefined && step.title !== null && typeof step.title !== "string") return null;
      /* the title is the frame's name at this time (an attribute, never markup) */
      var out = {t: step.t, iso: step.iso, newFrom: step.newFrom, cats: step.cats || null,
                 selected: step.selected || null, highlight: step.highlight || null,
                 title: step.title ? step.title.slice(0, 200) : null};
      var view = step.view;
      if (view && Array.isArray(view.center) && view.center.length === 2 && view.center.every(isTime) && isTime(view.zoom)) {
        out.view = {center: [view.center[0], view.center[1]], zoom: view.zoom};
      }
      return out;
    },

    /* A preset view that comes with a step (classroom moments); once per change, not at every step. */
    moveTo: function (view) {
      var key = view.center.join(",") + "/" + view.zoom;
      if (JuliacaMap.viewKey === key) return;
      JuliacaMap.viewKey = key;
      var still = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      JuliacaMap.map.setView(view.center, view.zoom, {animate: !still});
    },

    /* The map's language and name for assistive technology: the document's lang (Streamlit's component
       page says "en" whatever the language) and a landmark named after the map. */
    labelDocument: function (map, config) {
      document.documentElement.lang = config.lang;
      var viewport = document.querySelector('meta[name="viewport"]');  // folium's forbids zooming (WCAG 1.4.4)
      if (viewport) viewport.setAttribute("content", "width=device-width, initial-scale=1");
      var container = map.getContainer();
      container.setAttribute("role", "region");
      container.setAttribute("aria-label", config.strings.map_name);
    },

    /* The map's name at the time shown ("Map of Juliaca at 17:00 on 9 January 2023"): on the iframe that holds
       it in the app (same origin: window.frameElement), on the map's region elsewhere. */
    nameStep: function (title) {
      if (!title) return;
      var frame = JuliacaMap.config.nameFrame ? window.frameElement : null;
      if (frame) frame.setAttribute("title", title);
      else JuliacaMap.map.getContainer().setAttribute("aria-label", title);
    },

    loadDataset: function (source) {
      var done = function (core, textSource) {
        JuliacaMap.dataset = new Dataset(core, textSource);
        if (source.text) source.text.forEach(function (chunk, k) { JuliacaMap.dataset.chunks[k] = chunk; });
        if (JuliacaMap.pending) JuliacaMap.drawStep(JuliacaMap.pending.group, JuliacaMap.pending.step);
      };
      var lang = JuliacaMap.config.lang;
      if (source.core) {  // inlined (the exported page): every chunk is there already
        done(source.core, function (k) { return Promise.resolve(source.text[k]); });
        return;
      }
      /* A busy server may drop a request: try again, waiting longer each time, rather than leave the map empty. */
      var fetchJson = function (url, attempt) {
        attempt = attempt || 0;
        return fetch(url).then(function (r) {
          if (!r.ok) throw new Error(url + ": " + r.status);
          return r.json();
        }).catch(function (error) {
          if (attempt >= 5) throw error;
          return new Promise(function (resolve) { window.setTimeout(resolve, 250 * Math.pow(2, attempt)); })
            .then(function () { return fetchJson(url, attempt + 1); });
        });
      };
      /* The time control in the app's page fetches the same core.json as soon as it mounts, often
         before this map has loaded its scripts: take that one (same origin) rather than fetch again. */
      var url = source.url + "/core.json", shared = null;
      try { shared = window.parent !== window && window.parent.JuliacaBundles && window.parent.JuliacaBundles.get(url); }
      catch (error) { shared = null; }
      var coreReady = shared ? Promise.resolve(shared).catch(function () { return fetchJson(url); }) : fetchJson(url);
      coreReady.then(function (core) {
        done(core, function (k) { return fetchJson(source.url + "/text-" + lang + "-" + k + ".json"); });
        if (core.n <= core.chunk) JuliacaMap.dataset.loadText(0);
      });
    },

    addContext: function (map, config) {
      var styles = config.contextStyles;
      ["jm-land", "jm-lake", "jm-borders"].forEach(function (name, i) {
        map.createPane(name).style.zIndex = String(201 + i);
        map.getPane(name).style.pointerEvents = "none";
      });
      config.context.forEach(function (layer) {
        var draw = function (geojson) {
          L.geoJSON(geojson, {style: styles[layer.style], pane: layer.pane, interactive: false}).addTo(map);
          JuliacaMap.contextDrawn += 1;
        };
        if (layer.data) { draw(layer.data); return; }
        fetch(layer.url).then(function (r) { return r.json(); }).then(draw).catch(function () {});
      });
    },

    addLegend: function (map, legend) {
      var control = L.control({position: "bottomleft"});
      control.onAdd = function () {
        var box = el("details", "jm-legend");
        if (map.getSize().x >= 900) box.open = true;
        box.appendChild(el("summary", null, legend.title));
        var list = el("ul");
        legend.items.forEach(function (item) {
          var li = el("li");
          li.appendChild(symbol(item.style, 14, {approx: false, isNew: true}));
          li.appendChild(el("span", null, item.label));
          list.appendChild(li);
        });
        box.appendChild(list);
        var notes = el("ul", "jm-legend-notes");
        legend.notes.forEach(function (note) { notes.appendChild(el("li", null, note)); });
        box.appendChild(notes);
        L.DomEvent.disableClickPropagation(box);
        L.DomEvent.disableScrollPropagation(box);
        return box;
      };
      control.addTo(map);
    },

    /* One step: {t, newFrom (epoch ms), cats (names, or null for all), selected (id or null)}.
       Draws the difference from the step before into `group`. */
    drawStep: function (group, step) {
      group = group || JuliacaMap.layer;
      var data = JuliacaMap.dataset;
      if (!data) { JuliacaMap.pending = {group: group, step: step}; return; }
      JuliacaMap.pending = null;
      var core = data.core;
      var view = group.jmView;
      if (!view) view = group.jmView = new View(group);
      var cats = null;
      if (step.cats) {
        cats = core.categories.map(function (c) { return step.cats.indexOf(c) >= 0; });
      }
      if (JSON.stringify(cats) !== JSON.stringify(view.cats)) {  // a new filter: start again
        JuliacaMap.clear(view);
        view.cats = cats;
      }
      var shown = countUpTo(core.reveal, step.t);
      var newFrom = countUpTo(core.reveal, step.newFrom);
      var selected = step.selected ? core.ids.indexOf(step.selected) : -1;
      /* classroom mode names the events that stand out, in place of "new in this step" */
      var highlight = null;
      if (step.highlight) {
        highlight = {};
        step.highlight.forEach(function (id) { var k = core.ids.indexOf(id); if (k >= 0) highlight[k] = true; });
      }
      var cluster = core.n > SYMBOL_LIMIT;
      var touched = {};
      var i;
      for (i = view.shown; i < shown; i++) JuliacaMap.add(view, i, cluster, touched);
      for (i = view.shown - 1; i >= shown; i--) JuliacaMap.remove(view, i, cluster, touched);
      /* what was new, or selected, before and is not now (and the reverse) is restyled */
      var lo = Math.min(view.newFrom, newFrom), hi = Math.max(view.shown, shown);
      for (i = lo; i < hi; i++) touched[i] = true;
      if (view.selected >= 0) touched[view.selected] = true;
      if (selected >= 0) touched[selected] = true;
      [view.highlight, highlight].forEach(function (set) { for (var k in set || {}) touched[k] = true; });
      view.shown = shown; view.newFrom = newFrom; view.selected = selected; view.highlight = highlight;
      for (var key in touched) JuliacaMap.restyle(view, Number(key), cluster);
      var marches = JuliacaMap.drawMarches(view, step.t, cluster);
      if (selected >= 0 && view.markers[selected]) {
        var marker = view.markers[selected];
        window.setTimeout(function () { if (marker._map) marker.openPopup(); }, 0);
      }
      var drawnEvents = 0;
      if (cluster) { for (var p in view.places) drawnEvents += view.places[p].count; }
      else drawnEvents = Object.keys(view.markers).length;
      var painted = {t: step.iso, ms: step.t, events: drawnEvents, marches: marches,
                     markers: cluster ? Object.keys(view.places).length : drawnEvents, paintedAt: null};
      JuliacaMap.lastStep = painted;
      JuliacaMap.nameStep(step.title);
      /* When the browser has painted this step: a message posted from the frame callback is
         handled right after that frame is painted. (For the benchmark and the tests.) */
      window.requestAnimationFrame(function () {
        var channel = new MessageChannel();
        channel.port1.onmessage = function () { painted.paintedAt = performance.timeOrigin + performance.now(); };
        channel.port2.postMessage(null);
      });
    },

    enabled: function (view, i) {
      var core = JuliacaMap.dataset.core;
      return core.lat[i] !== null && (!view.cats || view.cats[core.cat[i]]);
    },

    add: function (view, i, cluster, touched) {
      if (!JuliacaMap.enabled(view, i)) return;
      var core = JuliacaMap.dataset.core;
      if (!cluster) {
        var marker = JuliacaMap.symbolMarker(i);
        view.markers[i] = marker;
        view.group.addLayer(marker);
        touched[i] = true;
        return;
      }
      var p = core.place[i], spot = view.places[p];
      if (!spot) {
        spot = view.places[p] = {count: 0, latest: -1, marker: JuliacaMap.placeMarker(view, p)};
        view.group.addLayer(spot.marker);
      }
      spot.count += 1;
      spot.latest = Math.max(spot.latest, i);
      touched[i] = true;
    },

    remove: function (view, i, cluster, touched) {
      if (!JuliacaMap.enabled(view, i)) return;
      if (!cluster) {
        if (view.markers[i]) { view.group.removeLayer(view.markers[i]); delete view.markers[i]; }
        return;
      }
      var p = JuliacaMap.dataset.core.place[i], spot = view.places[p];
      if (!spot) return;
      spot.count -= 1;
      if (spot.count <= 0) { view.group.removeLayer(spot.marker); delete view.places[p]; return; }
      if (spot.latest === i) {  // the place's latest visible event is now the one before it
        var list = JuliacaMap.dataset.byPlace[p], k = list.indexOf(i) - 1;
        while (k >= 0 && (list[k] >= view.shown || !JuliacaMap.enabled(view, list[k]))) k--;
        spot.latest = k >= 0 ? list[k] : -1;
      }
      touched[i] = true;
    },

    clear: function (view) {
      view.group.eachLayer(function (layer) { if (layer !== view.marchLayers) view.group.removeLayer(layer); });
      view.marchLayers.clearLayers();
      view.markers = {}; view.places = {}; view.shown = 0; view.newFrom = 0; view.selected = -1;
    },

    /* The symbol keeps its drawn size; its hit area (the icon box) is at least TARGET px (WCAG 2.5.8). */
    symbolIcon: function (i, isNew, selected) {
      var core = JuliacaMap.dataset.core, size = core.size[i], box = Math.max(size, TARGET);
      var offset = JuliacaMap.fanOffset(i), dx = offset.x, dy = offset.y;
      var shift = JuliacaCarto.fanShift(core.place[i]);  // places that fall together at this zoom: fans apart
      dx += shift[0]; dy += shift[1];
      var wrap = el("div", "jm-symbol" + (isNew ? " jm-new" : " jm-earlier") + (selected ? " jm-selected" : ""));
      wrap.appendChild(symbol(core.styles[core.cat[i]], size, {approx: core.approx[i], isNew: isNew, selected: selected}));
      if (core.badge[i]) wrap.appendChild(el("span", "jm-badge", core.badge[i]));
      return L.divIcon({className: "jm-icon", html: wrap, iconSize: [box, box],
                        iconAnchor: [box / 2 - dx, box / 2 - dy], popupAnchor: [dx, dy - box / 2],
                        tooltipAnchor: [dx + box / 2, dy]});
    },

    /* Events at the same place fan out on a spiral, in the order they appear, so that an event never moves
       once drawn; each hit area keeps FAN_GAP px clear of the others. Offsets are computed once per event. */
    fanOffset: function (i) {
      var data = JuliacaMap.dataset, core = data.core, p = core.place[i], list = data.byPlace[p] || [i];
      var fan = JuliacaMap.fans[p] || (JuliacaMap.fans[p] = {placed: [], s: 0});
      var clear = function (x, y, half) {
        return fan.placed.every(function (q) {
          var apart = q.half + half + FAN_GAP;
          return Math.abs(q.x - x) >= apart || Math.abs(q.y - y) >= apart;
        });
      };
      while (fan.placed.length <= core.slot[i]) {
        var half = Math.max(core.size[list[fan.placed.length]], TARGET) / 2, x = 0, y = 0;
        for (;; fan.s += 0.1) {
          var r = FAN_SPACING * Math.sqrt(fan.s);
          x = Math.round(r * Math.cos(fan.s * GOLDEN)); y = Math.round(r * Math.sin(fan.s * GOLDEN));
          if (clear(x, y, half)) break;
        }
        fan.placed.push({x: x, y: y, half: half});
      }
      return fan.placed[core.slot[i]];
    },

    /* A marker is named "title, time, place" in the map's language as soon as it exists (its text may
       arrive later: then it is named by its category until the text comes). It is a button that screen
       readers can press, but not a tab stop: the event list is the keyboard path to every event. */
    nameMarker: function (marker, i) {
      var data = JuliacaMap.dataset, t = data.textOf(i), icon = marker.getElement();
      if (!icon) return;
      var label = t ? [t.title, t.time, t.place].filter(Boolean).join(", ")
                    : (JuliacaMap.config.legend.items[data.core.cat[i]] || {}).label || "";
      icon.setAttribute("role", "button");
      icon.setAttribute("tabindex", "-1");
      icon.setAttribute("aria-label", label);
      if (!t) data.loadText(i).then(function () { JuliacaMap.nameMarker(marker, i); });
    },

    symbolMarker: function (i) {
      var data = JuliacaMap.dataset, core = data.core, strings = JuliacaMap.config.strings;
      var marker = L.marker([core.lat[i], core.lon[i]], {
        icon: JuliacaMap.symbolIcon(i, false, false), keyboard: false, riseOnHover: true
      });
      marker.on("add", function () { JuliacaMap.nameMarker(marker, i); });
      marker.bindPopup(lazy(marker, data, i, function (text) { return eventPopup(text, strings); }, "popup"),
                       {maxWidth: 320, autoPanPadding: [20, 20]});
      marker.bindTooltip(lazy(marker, data, i, tooltipOf, "tooltip"), {direction: "right", opacity: 0.95});
      marker.jmIndex = i;
      return marker;
    },

    placeMarker: function (view, p) {
      var data = JuliacaMap.dataset, core = data.core, first = data.byPlace[p][0];
      var marker = L.circleMarker([core.lat[first], core.lon[first]],
                                  {renderer: JuliacaMap.canvas, weight: 1, color: "#1a1a1a", fillOpacity: 0.5});
      marker.bindTooltip(function () {
        var spot = view.places[p], box = el("div", "jm-tip");
        if (!spot) return box;
        box.appendChild(el("strong", null, spot.count + " " + JuliacaMap.config.strings.events_here));
        var t = data.textOf(spot.latest);
        if (t) box.appendChild(el("div", null, t.title + " \u2014 " + t.time));
        else data.loadText(spot.latest);
        return box;
      }, {sticky: true});
      marker.bindPopup(function () { return JuliacaMap.placePopup(view, p); }, {maxWidth: 340});
      return marker;
    },

    /* A cluster's popup: its visible events, newest first (all of them are in the list too). */
    placePopup: function (view, p) {
      var data = JuliacaMap.dataset, box = el("div", "jm-popup"), list = el("ul", "jm-cluster-list");
      var here = data.byPlace[p].filter(function (i) { return i < view.shown && JuliacaMap.enabled(view, i); }).reverse();
      box.appendChild(el("div", "jm-popup-title", here.length + " " + JuliacaMap.config.strings.events_here));
      here.slice(0, 30).forEach(function (i) {
        var t = data.textOf(i);
        if (!t) data.loadText(i);
        list.appendChild(el("li", null, t ? t.time + " \u2014 " + t.title : "\u2026"));
      });
      if (here.length > 30) list.appendChild(el("li", null, "+ " + (here.length - 30)));
      box.appendChild(list);
      return box;
    },

    restyle: function (view, i, cluster) {
      var isNew = view.highlight ? !!view.highlight[i] : (i >= view.newFrom && i < view.shown);
      var selected = i === view.selected;
      if (!cluster) {
        var marker = view.markers[i];
        if (!marker) return;
        marker.setIcon(JuliacaMap.symbolIcon(i, isNew, selected));
        marker.setZIndexOffset(selected ? 2000 : isNew ? 1000 : 0);
        return;
      }
      var core = JuliacaMap.dataset.core, spot = view.places[core.place[i]];
      if (!spot || spot.latest < 0) return;
      var fresh = spot.latest >= view.newFrom;
      spot.marker.setStyle({
        radius: Math.min(3 + 2 * Math.sqrt(spot.count), 22),
        fillColor: core.styles[core.cat[spot.latest]].color,
        fillOpacity: fresh ? 0.9 : 0.35, weight: fresh ? 1.5 : 0.8
      });
    },

    drawMarches: function (view, t, cluster) {
      var core = JuliacaMap.dataset.core, strings = JuliacaMap.config.strings;
      view.marchLayers.clearLayers();
      if (view.cats && !view.cats[core.categories.indexOf("march")]) return 0;
      var drawn = 0;
      core.marches.forEach(function (m) {
        if (t <= m.drawFrom) return;
        var done = t >= m.arrive;
        if (cluster && done) return;  // at scale, only marches under way are drawn
        drawn += 1;
        var f = Math.min(1, (t - m.drawFrom) / (m.arrive - m.drawFrom));
        var a = m.route[0], b = m.route[m.route.length - 1];
        var tip = [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f];
        var label = el("div", "jm-tip");
        label.appendChild(el("strong", null, strings.march_from + " " + m.name[JuliacaMap.config.lang]));
        label.appendChild(el("div", null, strings.schematic));
        /* opacities keep 3:1 against the light base maps (WCAG 1.4.11), faded or not */
        view.marchLayers.addLayer(L.polyline([a, tip], {color: "#0072B2", weight: 3, opacity: done ? 0.8 : 1,
                                                        dashArray: "6 6"}).bindTooltip(label, {sticky: true}));
        view.marchLayers.addLayer(L.circleMarker(tip, {radius: 4, color: "#0072B2", weight: 2, fillColor: "#ffffff",
                                                       fillOpacity: 1, opacity: done ? 0.8 : 1}).bindTooltip(label));
      });
      /* Chromium makes an SVG shape with focus listeners (Leaflet's tooltips) a tab stop: not these. */
      view.marchLayers.eachLayer(function (layer) { layer.getElement().setAttribute("tabindex", "-1"); });
      return drawn;
    }
  };
  window.JuliacaMap = JuliacaMap;
})();
