/* Juliaca map, cartography: keeps the offline map's view inside the land data, and places the labels
 * (places, countries, waters) so that no two ever overlap, in any view, at any zoom, in any language.
 *
 * Placement is greedy in priority order (geo/map/cartography.py sets it: the airport and Juliaca, then the
 * towns the marches came from, then context places, then the names of countries and waters). Each
 * label tries the four sides of its point, then the diagonals, then farther out with a thin leader
 * line; if every position collides with a label already placed, a place dot, or a map control, the
 * label is hidden until the user zooms in. Long names use their short form below `fullNamesFrom`,
 * with the full name as the tooltip. It runs again after every zoom, pan and resize (13 labels: well
 * under a millisecond).
 *
 * Safety: names reach the page through textContent and the title attribute only.
 */
(function () {
  "use strict";
  var NEAR = 5, LEADER_FROM = 14;
  var SIDES = [[1, 0], [-1, 0], [0, -1], [0, 1], [1, -1], [1, 1], [-1, -1], [-1, 1]];
  var RINGS = [NEAR, 20, 36, 54];
  var DOT = 3, EDGE = 2;  // px kept clear at the map's edges

  /* A map removed (the page rebuilds it for another language) may still hear a queued event: ignore it. */
  function alive(map) { return !!(map && map._mapPane && map._loaded); }

  function overlaps(a, b) {
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
  }

  function free(box, taken, size) {
    if (box.x < EDGE || box.y < EDGE || box.x + box.w > size.x - EDGE || box.y + box.h > size.y - EDGE) return false;
    for (var k = 0; k < taken.length; k++) if (overlaps(box, taken[k])) return false;
    return true;
  }

  /* The box of a label of size (w, h) beside point p on side s at distance d. */
  function besideBox(p, w, h, side, d) {
    var x = side[0] > 0 ? p.x + d : side[0] < 0 ? p.x - d - w : p.x - w / 2;
    var y = side[1] > 0 ? p.y + d : side[1] < 0 ? p.y - d - h : p.y - h / 2;
    return {x: Math.round(x), y: Math.round(y), w: w, h: h};
  }

  /* Boxes already taken on the map's container: its controls (legend, scale, credits, zoom). */
  function controlBoxes(map) {
    var origin = map.getContainer().getBoundingClientRect(), out = [];
    map.getContainer().querySelectorAll(".leaflet-control").forEach(function (node) {
      var r = node.getBoundingClientRect();
      if (r.width && r.height) out.push({x: r.left - origin.left - 2, y: r.top - origin.top - 2, w: r.width + 4, h: r.height + 4});
    });
    return out;
  }

  function Labels(map, config) {
    this.map = map;
    this.fullFrom = config.fullNamesFrom || 99;
    this.pane = map.createPane("jm-labels");
    this.pane.style.zIndex = "580";  // above the context layers and routes, under the event symbols
    this.items = [];
    var self = this;
    (config.places || []).forEach(function (p) {
      L.circleMarker([p.lat, p.lon], {radius: 2.5, color: "#333333", weight: 1, fillColor: "#ffffff",
                                      fillOpacity: 1, interactive: false}).addTo(map);
      self.items.push(self.make(p, "jm-place-label jm-role-" + p.role, [0, 99]));
    });
    (config.areas || []).forEach(function (a) {
      self.items.push(self.make({name: a.name, short: a.name, lat: a.lat, lon: a.lon}, "jm-area-label jm-" + a.kind, a.zoom, true));
    });
    map.on("zoomstart", function () { self.pane.style.visibility = "hidden"; });
    map.on("zoomend moveend resize viewreset", function () { self.place(); });
    if (window.ResizeObserver) {  // the legend opens, closes or changes: labels make room again
      var observer = new ResizeObserver(function () { self.place(); });
      map.getContainer().querySelectorAll(".leaflet-control-container > div").forEach(function (corner) {
        observer.observe(corner);
      });
    }
    this.place();
  }

  Labels.prototype.make = function (p, className, zoom, centred) {
    var node = L.DomUtil.create("div", "jm-label " + className, this.pane);
    var leader = L.DomUtil.create("div", "jm-leader", this.pane);
    return {p: p, node: node, leader: leader, zoom: zoom, centred: !!centred, latlng: L.latLng(p.lat, p.lon),
            text: null};
  };

  /* Set the text for this zoom, and show the label so that it can be measured. */
  Labels.prototype.setText = function (item, zoom) {
    var full = item.p.name, textValue = zoom >= this.fullFrom ? full : (item.p.short || full);
    if (item.text !== textValue) {
      item.text = textValue;
      item.node.textContent = textValue;
      if (textValue !== full) item.node.setAttribute("title", full); else item.node.removeAttribute("title");
    }
    item.node.style.display = "block";
  };

  Labels.prototype.place = function () {
    if (!alive(this.map)) return;
    var map = this.map, zoom = map.getZoom(), self = this;
    // the container's own size: Leaflet's cached one lags when the page's layout changes the map's size
    var size = {x: map.getContainer().clientWidth, y: map.getContainer().clientHeight};
    var taken = controlBoxes(map);
    var points = this.items.map(function (item) { return map.latLngToContainerPoint(item.latlng); });
    this.items.forEach(function (item, k) {  // every place dot is an obstacle for every label
      if (!item.centred) taken.push({x: points[k].x - DOT, y: points[k].y - DOT, w: 2 * DOT, h: 2 * DOT});
    });
    var inRange = this.items.map(function (item) { return zoom >= item.zoom[0] && zoom <= item.zoom[1]; });
    this.items.forEach(function (item, k) { if (inRange[k]) self.setText(item, zoom); });
    // measured every time (all writes, then all reads): the style sheet may arrive after the first placing
    var sizes = this.items.map(function (item, k) {
      if (!inRange[k]) return null;
      var rect = item.node.getBoundingClientRect();  // fractional pixels, rounded up
      return {w: Math.ceil(rect.width), h: Math.ceil(rect.height)};
    });
    this.items.forEach(function (item, k) {
      var box = inRange[k] ? self.choose(item, points[k], sizes[k], taken, size) : null;
      self.draw(item, points[k], box);
      if (box) taken.push({x: box.x - 1, y: box.y - 1, w: box.w + 2, h: box.h + 2});
    });
    this.pane.style.visibility = "";
  };

  Labels.prototype.choose = function (item, p, wh, taken, size) {
    if (item.centred) {  // names of areas: centred, or nudged a little
      var offsets = [[0, 0], [0, -1], [0, 1], [-1, 0], [1, 0]];
      for (var j = 0; j < offsets.length; j++) {
        var c = {x: Math.round(p.x - wh.w / 2 + offsets[j][0] * wh.w / 2), y: Math.round(p.y - wh.h / 2 + offsets[j][1] * wh.h),
                 w: wh.w, h: wh.h};
        if (free(c, taken, size)) return c;
      }
      return null;
    }
    for (var r = 0; r < RINGS.length; r++) {
      for (var s = 0; s < SIDES.length; s++) {
        var box = besideBox(p, wh.w, wh.h, SIDES[s], RINGS[r]);
        if (free(box, taken, size)) { box.far = RINGS[r] >= LEADER_FROM; return box; }
      }
    }
    return null;
  };

  /* Position the label (and its leader line) in the pane, or hide it. */
  Labels.prototype.draw = function (item, p, box) {
    var map = this.map;
    item.node.style.display = box ? "block" : "none";
    item.leader.style.display = box && box.far ? "block" : "none";
    item.node.classList.toggle("jm-label-hidden", !box);
    if (!box) return;
    L.DomUtil.setPosition(item.node, map.containerPointToLayerPoint([box.x, box.y]));
    if (!box.far) return;
    var tx = Math.max(box.x, Math.min(p.x, box.x + box.w)), ty = Math.max(box.y, Math.min(p.y, box.y + box.h));
    var dx = tx - p.x, dy = ty - p.y, length = Math.sqrt(dx * dx + dy * dy);
    item.leader.style.width = Math.max(0, length - DOT) + "px";
    item.leader.style.transform = "";
    L.DomUtil.setPosition(item.leader, map.containerPointToLayerPoint(p));
    item.leader.style.transform += " rotate(" + Math.atan2(dy, dx) + "rad) translateX(" + DOT + "px)";
  };

  /* The offline layers cover a frame: keep the whole view inside it at every zoom and size. */
  function keepInFrame(map, frame) {
    if (!frame) return;
    // a tenth of a degree inside: Leaflet rounds the view to whole pixels, which can show a sliver beyond
    var inset = 0.1, bounds = L.latLngBounds([[frame[0][0] + inset, frame[0][1] + inset],
                                             [frame[1][0] - inset, frame[1][1] - inset]]);
    var floor = map.getMinZoom();
    map.getContainer().classList.add("jm-offline");
    map.options.zoomSnap = 0.25;  // vector layers only: a fractional zoom fits the frame closely
    map.options.maxBoundsViscosity = 1;
    var fit = function () {
      map.setMinZoom(Math.max(floor, map.getBoundsZoom(bounds, true)));
      map.setMaxBounds(bounds);
    };
    fit();
    map.on("resize", fit);
  }

  /* ---- what a snapshot adds: north arrow, locator inset, a legend of what is on the map ---- */

  function northArrow(map) {
    var control = L.control({position: "topright"});
    control.onAdd = function () {
      var box = L.DomUtil.create("div", "jm-north");
      box.setAttribute("aria-hidden", "true");
      var svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
      svg.setAttribute("viewBox", "0 0 24 36");
      svg.setAttribute("width", "22");
      svg.setAttribute("height", "33");
      [["M12 2 20 30 12 24z", "#1d1d1d"], ["M12 2 4 30 12 24z", "#ffffff"]].forEach(function (part) {
        var path = document.createElementNS("http://www.w3.org/2000/svg", "path");
        path.setAttribute("d", part[0]);
        path.setAttribute("fill", part[1]);
        path.setAttribute("stroke", "#1d1d1d");
        path.setAttribute("stroke-width", "1.2");
        path.setAttribute("stroke-linejoin", "round");
        svg.appendChild(path);
      });
      box.appendChild(svg);
      var letter = L.DomUtil.create("div", "jm-north-letter", box);
      letter.textContent = "N";
      return box;
    };
    control.addTo(map);
  }

  /* A small map of Peru and its neighbours (the land data's frame), Peru shaded, the view outlined. */
  function locatorInset(map, config) {
    var countries = null;
    config.context.forEach(function (layer) { if (layer.style === "land" && layer.data) countries = layer.data; });
    if (!countries) return;
    var control = L.control({position: "topright"});
    control.onAdd = function () {
      var box = L.DomUtil.create("div", "jm-inset");
      box.setAttribute("aria-hidden", "true");
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    };
    control.addTo(map);
    var inset = L.map(control.getContainer(), {attributionControl: false, zoomControl: false, dragging: false,
                                               scrollWheelZoom: false, doubleClickZoom: false, boxZoom: false,
                                               keyboard: false, touchZoom: false, zoomSnap: 0, fadeAnimation: false,
                                               zoomAnimation: false});
    inset.fitBounds(L.latLngBounds(config.frame), {padding: [0, 0]});
    L.geoJSON(countries, {interactive: false, style: function (feature) {
      var peru = feature.properties && feature.properties.name === "Peru";
      return {color: "#6e6e6e", weight: 0.6, fillOpacity: 1, fillColor: peru ? "#d9d3c7" : "#f3f1ec"};
    }}).addTo(inset);
    var frame = L.rectangle(map.getBounds(), {color: "#D55E00", weight: 2, fill: false, interactive: false}).addTo(inset);
    var dot = L.circleMarker(map.getCenter(), {radius: 3, color: "#D55E00", weight: 2, fillOpacity: 1,
                                               interactive: false}).addTo(inset);
    map.on("moveend", function () { frame.setBounds(map.getBounds()); dot.setLatLng(map.getCenter()); });
  }

  /* Keep in the legend only the categories drawn on the map now (after every step). */
  function legendOfWhatIsShown(map, config) {
    var pending = false;
    var update = function () {
      pending = false;
      var shown = {}, data = window.JuliacaMap && JuliacaMap.dataset;
      if (!data || !alive(map)) return;
      var view = map.getBounds().pad(0.02);  // what is in the picture, not off its edges
      map.eachLayer(function (layer) {
        if (layer.jmIndex !== undefined && view.contains(layer.getLatLng())) {
          shown[data.core.categories[data.core.cat[layer.jmIndex]]] = true;
        }
      });
      if (JuliacaMap.lastStep && JuliacaMap.lastStep.marches) shown.march = true;
      var items = map.getContainer().querySelectorAll(".jm-legend > ul:not(.jm-legend-notes) > li");
      config.legend.items.forEach(function (item, k) {
        if (items[k]) items[k].style.display = shown[item.category] ? "" : "none";
      });
    };
    map.on("layeradd layerremove moveend", function () {
      if (!pending) { pending = true; Promise.resolve().then(update); }
    });
  }

  /* ---- pile-ups: places that fall together at this zoom get their fans of symbols pushed apart ---- */

  var TOGETHER = 40;  // px: closer than this, two places read as one spot
  var FROM_ZOOM = 7.5;  // regional scales; at national scale a push would carry symbols into other towns
  var shifts = {};

  /* How far a place's whole fan reaches from its point, in px (its offsets never depend on the zoom). */
  function fanRadius(events) {
    if (!JuliacaMap.fanOffset) return 16 * Math.sqrt(Math.max(events.length - 1, 0)) + 14;
    var core = JuliacaMap.dataset.core, reach = 0;
    events.forEach(function (i) {
      var o = JuliacaMap.fanOffset(i);
      reach = Math.max(reach, Math.sqrt(o.x * o.x + o.y * o.y) + Math.max(core.size[i], 24) / 2);
    });
    return reach;
  }

  /* Pixel shift of each place's fan at the current zoom: pairs closer than TOGETHER are pushed apart
     along the line between them until their fans no longer overlap (a few relaxation passes). */
  function computeShifts(map) {
    var data = window.JuliacaMap && JuliacaMap.dataset, out = {};
    if (!data || map.getZoom() < FROM_ZOOM) return out;
    var core = data.core, ids = Object.keys(data.byPlace), pts = {}, radius = {};
    ids.forEach(function (p) {
      var first = data.byPlace[p][0];
      pts[p] = map.project([core.lat[first], core.lon[first]]);
      radius[p] = fanRadius(data.byPlace[p]);
      out[p] = [0, 0];
    });
    for (var pass = 0; pass < 4; pass++) {
      for (var a = 0; a < ids.length; a++) {
        for (var b = a + 1; b < ids.length; b++) {
          var pa = ids[a], pb = ids[b], ox = pts[pb].x - pts[pa].x, oy = pts[pb].y - pts[pa].y;
          if (Math.sqrt(ox * ox + oy * oy) >= TOGETHER) continue;  // apart on the map: left where they are
          var vx = ox + out[pb][0] - out[pa][0], vy = oy + out[pb][1] - out[pa][1];
          var d = Math.sqrt(vx * vx + vy * vy), need = radius[pa] + radius[pb];
          if (d >= need) continue;
          if (d < 0.5) { vx = 1; vy = 0; d = 1; }
          // the smaller fan moves more: the place with most events stays closest to its point
          var gap = need - d, moveA = gap * radius[pb] / need, moveB = gap * radius[pa] / need;
          out[pa][0] -= vx / d * moveA; out[pa][1] -= vy / d * moveA;
          out[pb][0] += vx / d * moveB; out[pb][1] += vy / d * moveB;
        }
      }
    }
    ids.forEach(function (p) { out[p] = [Math.round(out[p][0]), Math.round(out[p][1])]; });
    return out;
  }

  var fanMap = null, leaders = null, shiftsAt = null, leadersDrawn = "";

  function currentShifts() {
    if (!alive(fanMap) || !window.JuliacaMap || !JuliacaMap.dataset) return {};
    if (shiftsAt !== fanMap.getZoom()) { shifts = computeShifts(fanMap); shiftsAt = fanMap.getZoom(); }
    return shifts;
  }

  /* A thin line from each displaced place that has symbols on the map to the centre of its fan. */
  function drawFanLeaders() {
    var view = JuliacaMap.layer && JuliacaMap.layer.jmView, data = JuliacaMap.dataset;
    if (!view || !data || !alive(fanMap)) return;
    var here = {};
    for (var i in view.markers) here[data.core.place[i]] = true;
    var wanted = Object.keys(here).filter(function (p) { var s = shifts[p]; return s && (s[0] || s[1]); });
    var signature = shiftsAt + ":" + wanted.join(",");
    if (signature === leadersDrawn) return;
    leadersDrawn = signature;
    leaders.clearLayers();
    wanted.forEach(function (p) {
      var s = shifts[p], first = data.byPlace[p][0], at = L.latLng(data.core.lat[first], data.core.lon[first]);
      var to = fanMap.unproject(fanMap.project(at).add(L.point(s[0], s[1])));
      leaders.addLayer(L.polyline([at, to], {color: "#444444", weight: 1, interactive: false}));
    });
  }

  function spreadPileUps(map) {
    fanMap = map;
    leaders = L.layerGroup().addTo(map);
    var pending = false;
    map.on("zoomend", function () {
      var before = JSON.stringify(shifts);
      currentShifts();
      if (JSON.stringify(shifts) !== before) {
        var view = JuliacaMap.layer && JuliacaMap.layer.jmView;
        if (view) for (var i in view.markers) JuliacaMap.restyle(view, Number(i), false);
      }
      drawFanLeaders();
    });
    map.on("layeradd layerremove", function () {  // a step added or removed symbols
      if (!pending) { pending = true; Promise.resolve().then(function () { pending = false; drawFanLeaders(); }); }
    });
  }

  window.JuliacaCarto = {
    /* The pixel shift of place p's fan of symbols at the current zoom. */
    fanShift: function (p) { return currentShifts()[p] || [0, 0]; },

    /* Called once by JuliacaMap.setup: the frame, a snapshot's furniture, then the labels (they avoid
       the controls). */
    setup: function (map, config) {
      keepInFrame(map, config.frame);
      var snapshot = config.snapshot;
      if (snapshot && snapshot.northArrow) northArrow(map);
      if (snapshot && snapshot.inset && config.frame) locatorInset(map, config);
      if (snapshot && snapshot.legendShown) legendOfWhatIsShown(map, config);
      JuliacaCarto.labels = new Labels(map, config);
      spreadPileUps(map);
    },
    /* The boxes of the labels shown, in the map container's pixels (for tests). */
    shownBoxes: function () {
      return JuliacaCarto.labels.items.filter(function (item) { return item.node.style.display === "block"; })
        .map(function (item) {
          var r = item.node.getBoundingClientRect();
          return {text: item.text, x: r.left, y: r.top, w: r.width, h: r.height};
        });
    }
  };
})();
