/* Juliaca map: draws the context layers once and one step of the timeline per call.
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

  function popupContent(ev, strings) {
    var box = el("div", "jm-popup");
    box.appendChild(el("div", "jm-popup-title", ev.title));
    box.appendChild(el("div", "jm-popup-time", ev.time));
    if (ev.place) box.appendChild(el("div", "jm-popup-place", ev.place));
    box.appendChild(el("p", "jm-popup-summary", ev.summary));
    box.appendChild(el("div", "jm-popup-status jm-status-" + ev.status, ev.status_label));
    if (ev.by) box.appendChild(el("div", "jm-popup-by", ev.by_label + ": " + ev.by));
    var quote = el("blockquote", "jm-popup-quote", "\u201c" + ev.quote + "\u201d");
    box.appendChild(quote);
    box.appendChild(el("div", "jm-popup-section", strings.source + ": " + ev.section));
    return box;
  }

  function tooltipContent(ev) {
    var box = el("div", "jm-tip");
    box.appendChild(el("strong", null, ev.title));
    box.appendChild(el("div", null, ev.time));
    return box;
  }

  function eventMarker(ev, offset, strings) {
    var size = ev.size;
    var wrap = el("div", "jm-symbol" + (ev.isNew ? " jm-new" : " jm-earlier") + (ev.selected ? " jm-selected" : ""));
    wrap.appendChild(symbol(ev.style, size, {approx: ev.approx, isNew: ev.isNew, selected: ev.selected}));
    if (ev.badge) wrap.appendChild(el("span", "jm-badge", ev.badge));
    var icon = L.divIcon({
      className: "jm-icon",
      html: wrap,
      iconSize: [size, size],
      iconAnchor: [size / 2 - offset[0], size / 2 - offset[1]],
      popupAnchor: [offset[0], offset[1] - size / 2],
      tooltipAnchor: [offset[0] + size / 2, offset[1]]
    });
    var marker = L.marker([ev.lat, ev.lon], {
      icon: icon, title: ev.title, alt: ev.title, keyboard: true, riseOnHover: true,
      zIndexOffset: ev.selected ? 2000 : ev.isNew ? 1000 : 0
    });
    marker.bindPopup(popupContent(ev, strings), {maxWidth: 320, autoPanPadding: [20, 20]});
    marker.bindTooltip(tooltipContent(ev), {direction: "right", opacity: 0.95});
    marker.jmId = ev.id;
    return marker;
  }

  /* Events at the same place fan out on a spiral, in list order, so none hides another. */
  function offsets(events) {
    var seen = {};
    return events.map(function (ev) {
      var key = ev.lat.toFixed(5) + "," + ev.lon.toFixed(5);
      var k = seen[key] = (seen[key] === undefined ? 0 : seen[key] + 1);
      if (k === 0) return [0, 0];
      var r = 16 * Math.sqrt(k);
      return [Math.round(r * Math.cos(k * GOLDEN)), Math.round(r * Math.sin(k * GOLDEN))];
    });
  }

  function marchLayer(m, strings) {
    var group = L.featureGroup();
    var line = L.polyline(m.coords, {
      color: "#0072B2", weight: 3, opacity: m.done ? 0.45 : 0.9, dashArray: "6 6", interactive: true
    });
    var tip = el("div", "jm-tip");
    tip.appendChild(el("strong", null, m.label));
    tip.appendChild(el("div", null, strings.schematic));
    line.bindTooltip(tip, {sticky: true});
    group.addLayer(line);
    var end = m.coords[m.coords.length - 1];
    group.addLayer(L.circleMarker(end, {
      radius: 4, color: "#0072B2", weight: 2, fillColor: "#ffffff", fillOpacity: 1, opacity: m.done ? 0.5 : 1
    }).bindTooltip(tip));
    return group;
  }

  var JuliacaMap = {
    lastStep: null,

    /* Once per base map: context layers, place labels, legend, a notice when tiles fail. */
    setup: function (map, config) {
      JuliacaMap.config = config;
      JuliacaMap.contextDrawn = 0;
      var strings = config.strings;
      map.attributionControl.setPrefix("Leaflet");
      map.attributionControl.addAttribution(config.credit);
      JuliacaMap.addContext(map, config);
      config.places.forEach(function (p) {
        var label = L.tooltip({permanent: true, direction: "right", className: "jm-place-label jm-role-" + p.role,
                               offset: [6, 0], interactive: false})
          .setLatLng([p.lat, p.lon]).setContent(el("span", null, p.name));
        label.addTo(map);
        L.circleMarker([p.lat, p.lon], {radius: 2.5, color: "#333333", weight: 1, fillColor: "#ffffff",
                                        fillOpacity: 1, interactive: false}).addTo(map);
      });
      JuliacaMap.addLegend(map, config.legend);
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
      window.JuliacaMap.ready = true;
    },

    addContext: function (map, config) {
      var styles = config.contextStyles;
      var panes = ["jm-land", "jm-lake", "jm-borders"];
      panes.forEach(function (name, i) {
        map.createPane(name).style.zIndex = String(201 + i);
        map.getPane(name).style.pointerEvents = "none";
      });
      config.context.forEach(function (layer) {
        var draw = function (geojson) {
          L.geoJSON(geojson, {style: styles[layer.style], pane: layer.pane, interactive: false}).addTo(map);
          JuliacaMap.contextDrawn = (JuliacaMap.contextDrawn || 0) + 1;
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

    /* One step: replaces whatever the group held with the events and marches of `step`. */
    drawStep: function (group, step) {
      var strings = JuliacaMap.config ? JuliacaMap.config.strings : step.strings;
      group.clearLayers();
      step.marches.forEach(function (m) { group.addLayer(marchLayer(m, strings)); });
      var spots = offsets(step.events);
      var selected = null;
      step.events.forEach(function (ev, i) {
        var marker = eventMarker(ev, spots[i], strings);
        group.addLayer(marker);
        if (ev.selected) selected = marker;
      });
      if (selected) {
        window.setTimeout(function () { selected.openPopup(); }, 0);
      }
      var drawn = {
        t: step.t, events: step.events.length, marches: step.marches.length,
        ids: step.events.map(function (e) { return e.id; }), paintedAt: null
      };
      JuliacaMap.lastStep = drawn;
      /* When the browser has painted this step (for the benchmark and the tests): a message posted
         from the frame callback is handled right after that frame is painted. */
      window.requestAnimationFrame(function () {
        var channel = new MessageChannel();
        channel.port1.onmessage = function () { drawn.paintedAt = performance.timeOrigin + performance.now(); };
        channel.port2.postMessage(null);
      });
    }
  };
  window.JuliacaMap = JuliacaMap;
})();
