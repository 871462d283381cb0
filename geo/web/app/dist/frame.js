/* Built by geo/web/app/build.mjs from host-frame.js: do not edit; edit the modules. */
(() => {
  // map.css
  var map_default = `/* Sober styling: neutral greys, one accent per category, no animation. */
.jm-icon { background: none; border: none; }
.jm-symbol { position: relative; line-height: 0; width: 100%; height: 100%; display: flex; align-items: center;
  justify-content: center; }
/* The hit area is at least 24 px (the icon box); a focused symbol shows it (WCAG 2.4.7, 2.4.11). */
.jm-icon:focus-visible { outline: 3px solid #0072B2; outline-offset: 1px; border-radius: 4px; }
/* Earlier events are faded, but their outline keeps 4.4:1 or more over every light base map and the white halo
   keeps them visible over dark imagery (WCAG 1.4.11 asks 3:1 for graphics). */
.jm-earlier { opacity: 0.65; }
.jm-symbol svg { filter: drop-shadow(0 0 1.5px #ffffff); }
.jm-badge {
  position: absolute; top: -7px; right: -8px; min-width: 12px; height: 12px; padding: 0 2px;
  font: bold 10px/12px system-ui, sans-serif; color: #111; background: #fff; border: 1px solid #111;
  border-radius: 6px; text-align: center;
}
/* Sources differ: a square badge at the other corner, so that it and a claim's round badge both stay readable. */
.jm-differ-badge { position: absolute; bottom: -7px; left: -8px; width: 12px; height: 12px; line-height: 0; }
.jm-popup { font: 13px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d1d1d; }
.jm-popup-title { font-weight: 600; font-size: 14px; margin-bottom: 2px; }
.jm-popup-time, .jm-popup-place, .jm-popup-section, .jm-popup-by { color: #444; font-size: 12px; }
.jm-popup-summary { margin: 6px 0; }
.jm-popup-status { display: inline-block; font-size: 12px; padding: 1px 6px; border-radius: 3px; background: #eeeeee; }
.jm-status-official_claim { background: #fff3cd; }
.jm-status-disputed { background: #f8e0d8; }
.jm-popup-quote { margin: 6px 0; padding-left: 8px; border-left: 3px solid #999; font-style: italic; color: #333; }
/* our translation of the article's English, under its label, marked as ours (issue 23) */
.jm-popup-ours { margin: 4px 0 0; padding-left: 8px; border-left: 3px solid #d0d0d0; color: #333; }
.jm-tip { font: 12px/1.35 system-ui, sans-serif; max-width: 240px; white-space: normal; }
.jm-place-label {
  background: rgba(255, 255, 255, 0.8); border: none; box-shadow: none; padding: 0 3px;
  font: 11px/1.3 system-ui, sans-serif; color: #222;
}
.jm-label { position: absolute; left: 0; top: 0; white-space: nowrap; }
.jm-leader { position: absolute; left: 0; top: 0; height: 0; border-top: 1px solid #444; transform-origin: 0 0; }
.jm-area-label {
  font: 600 13px/1.2 system-ui, sans-serif; letter-spacing: 0.18em; color: #6b665d; pointer-events: none;
  text-shadow: 0 0 2px #f3f1ec, 0 0 2px #f3f1ec;
}
.jm-water { font: italic 12px/1.2 system-ui, sans-serif; letter-spacing: 0.06em; color: #3d6a87; text-shadow: none; }
.jm-role-site { font-weight: 600; }
.jm-legend {
  background: rgba(255, 255, 255, 0.94); padding: 6px 8px; border-radius: 4px; max-width: 230px;
  font: 12px/1.35 system-ui, sans-serif; color: #1d1d1d; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.3);
}
.jm-legend summary { cursor: pointer; font-weight: 600; }
.jm-legend ul { list-style: none; margin: 4px 0 0; padding: 0; }
.jm-legend li { display: flex; align-items: center; gap: 6px; margin: 2px 0; }
.jm-legend-notes li { display: block; color: #444; }
.leaflet-container { background: #f2efe9; }
.jm-offline.leaflet-container { background: #c6dbe8; }
/* Text over the map keeps 4.5:1 whatever lies beneath (WCAG 1.4.3): near-opaque backgrounds, darker links. */
.leaflet-container .leaflet-control-attribution { background: rgba(255, 255, 255, 0.94); color: #222; }
.leaflet-container .leaflet-control-attribution a { color: #00557a; }
.leaflet-container .leaflet-control-scale-line { background: rgba(255, 255, 255, 0.94); color: #222; border-color: #555; }
.leaflet-container a.leaflet-popup-close-button { color: #444; }
.leaflet-container:focus-visible, .leaflet-container :focus-visible { outline: 3px solid #0072B2; outline-offset: -3px; }
.jm-north {
  background: rgba(255, 255, 255, 0.9); border-radius: 4px; padding: 3px 6px 2px; text-align: center;
  box-shadow: 0 1px 3px rgba(0, 0, 0, 0.25); line-height: 0;
}
.jm-north-letter { font: 700 12px/14px system-ui, sans-serif; color: #1d1d1d; }
.jm-inset {
  width: 150px; height: 180px; border: 1px solid #6e6e6e; background: #c6dbe8;
  box-shadow: 0 1px 4px rgba(0, 0, 0, 0.3);
}
.jm-cluster-list { margin: 4px 0 0; padding-left: 16px; max-height: 260px; overflow-y: auto; }
/* An event's sources (eventview.js): the count, each citation in a disclosure, where the sources differ, and
   the people killed in it. Links keep 4.5:1 and are underlined. */
.jm-popup a { color: #00557a; text-decoration: underline; }
.jm-popup-count { font-size: 12px; margin-top: 6px; font-weight: 600; }
.jm-popup-people { font-size: 12px; margin-top: 6px; }
.jm-sources { margin-top: 4px; font-size: 12px; }
.jm-sources summary { cursor: pointer; min-height: 24px; line-height: 24px; }
.jm-source-list { margin: 2px 0 0; padding-left: 16px; }
.jm-source { margin-bottom: 4px; }
.jm-source-role { color: #444; }
.jm-source-note { color: #333; }
.jm-contradicts .jm-source-role { font-weight: 600; }
.jm-differ { margin-top: 6px; border-top: 1px solid #c8c8c8; padding-top: 4px; font-size: 12px; }
.jm-differ-title { font-size: 13px; margin: 0 0 2px; }
.jm-aspect { font-weight: 600; margin-top: 2px; }
.jm-readings { margin: 0; padding-left: 16px; }
.jm-reading-by { color: #444; }
.jm-sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
  clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0; }
/* Links to sources and people are at least 24 px high (WCAG 2.5.8). */
.jm-source-link, .jm-person-link { display: inline-block; min-height: 24px; line-height: 24px; }
`;

  // screen.css
  var screen_default = `/* The map on every screen (screen.js, issue 23): the quiet line, the folding credit, touch targets of 44 px
   where the pointer is coarse, and classroom mode's sizes for a room (\`.jm-room\`, readable from the back). */
.jm-quiet {
  background: rgba(255, 255, 255, 0.94); color: #222; font: 12px/1.35 system-ui, sans-serif; padding: 2px 6px;
  border-radius: 3px; box-shadow: 0 1px 2px rgba(0, 0, 0, 0.2); max-width: calc(100vw - 90px);
}  /* one sentence, whole: on a phone's narrow map it wraps rather than run under the zoom buttons */
.jm-credit { display: flex; align-items: flex-end; gap: 4px; max-width: calc(100vw - 20px); }
.jm-credit .leaflet-control-attribution { margin: 0; }
.jm-credit-button {
  display: none; font: 600 12px/1.2 system-ui, sans-serif; color: #222; background: rgba(255, 255, 255, 0.94);
  border: 1px solid #767676; border-radius: 4px; padding: 2px 8px; min-height: 24px; cursor: pointer; flex: none;
}
.jm-credit-button:focus-visible { outline: 3px solid #0072B2; outline-offset: 1px; }
.jm-credit-foldable .jm-credit-button { display: block; }
.jm-credit-folded .leaflet-control-attribution { display: none; }
/* measured on one line (screen.js, fitsOnOneLine) */
.jm-credit-measure .leaflet-control-attribution { display: block; white-space: nowrap; position: absolute; visibility: hidden; }
.jm-map .leaflet-popup-content { overflow-wrap: anywhere; }
/* The legend on screen scrolls within the map (furniture.js, fitLegend); in a picture it spreads into columns. */
.jm-legend { overflow-y: auto; }
.jm-legend[data-layout^="columns"] { max-width: none; }
.jm-legend[data-layout^="columns"] .jm-legend-body { display: flex; gap: 14px; align-items: flex-start; }
.jm-legend[data-layout^="columns"] .jm-legend-notes { width: 250px; margin-top: 4px; }
.jm-legend[data-layout^="columns-"] .jm-legend-notes { width: 430px; column-count: 2; column-gap: 14px; }
.jm-legend[data-layout^="columns-"] li { break-inside: avoid; }
.jm-legend[data-layout="columns-4"] .jm-legend-body > ul:not(.jm-legend-notes) { column-count: 2; column-gap: 14px; }
.jm-legend[data-layout="columns-4"] .jm-legend-body > ul:not(.jm-legend-notes) > li { margin: 0 0 4px; }

@media (pointer: coarse) {
  .jm-map.leaflet-container .leaflet-bar a { width: 44px; height: 44px; line-height: 44px; font-size: 24px; }
  .jm-map.leaflet-container a.leaflet-popup-close-button { width: 44px; height: 44px; font: 28px/44px system-ui, sans-serif; }
  .jm-map.leaflet-container .leaflet-popup-content { margin-right: 44px; }
  .jm-legend summary, .jm-popup summary { min-height: 44px; line-height: 44px; }
  .jm-credit-button { min-height: 44px; min-width: 44px; font-size: 14px; }
}

/* Classroom mode: type from 16 px (map labels from 18 px), scaled with the frame's height; symbols from 36 px
   (map.js); the legend folded. */
.leaflet-container.jm-room { font-size: max(16px, 1.6vh); }
.jm-room .jm-place-label, .jm-room .jm-area-label, .jm-room .jm-water { font-size: max(18px, 2vh); }
.jm-room .jm-tip, .jm-room .jm-legend, .jm-room .jm-quiet, .jm-room .jm-credit-button, .jm-room .jm-popup,
.jm-room .jm-popup *, .jm-room .leaflet-control-attribution, .jm-room .leaflet-control-scale-line,
.jm-room .jm-north-letter, .jm-room .jm-cluster-list { font-size: max(16px, 1.6vh); }
.jm-room .jm-popup .jm-popup-title { font-size: max(18px, 1.9vh); }
.jm-room .jm-tip { max-width: 360px; }
.jm-room .jm-legend { max-width: 360px; }
.jm-room .jm-badge { font: bold 16px/18px system-ui, sans-serif; min-width: 18px; height: 20px; top: -10px; right: -11px; border-radius: 9px; }
.jm-room .jm-differ-badge { width: 18px; height: 18px; bottom: -10px; left: -11px; }
.jm-room .jm-differ-badge svg { width: 18px; height: 18px; }
`;

  // frame.css
  var frame_default = "/* The map in streamlit-folium's iframe fills the iframe, whose height the page sets (ui/layout.py: from the\n   screen's height): nothing scrolls inside it, so the iframe's height never feeds back into itself. */\nhtml, body { height: 100%; margin: 0; overflow: hidden; }\n#root, #parent, #parent > .float-child:first-child, #map_div { height: 100% !important; }\n#map_div > .folium-map, #map_div > div { height: 100% !important; }\nbody > span { display: none; }\n";

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
  function sourceMask(core, src) {
    if (!src) return null;
    const k = (core.sourceIds || []).indexOf(src);
    return Array.from({ length: core.n }, (_, i) => k >= 0 && (core.src || [])[i].includes(k));
  }

  // symbols.js
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
  function svg(viewBox, width, height, paths) {
    const box = document.createElementNS(SVG_NS, "svg");
    box.setAttribute("viewBox", viewBox);
    box.setAttribute("width", width);
    box.setAttribute("height", height);
    box.setAttribute("aria-hidden", "true");
    for (const attributes of paths) {
      const path = document.createElementNS(SVG_NS, "path");
      for (const [name, value] of Object.entries(attributes)) path.setAttribute(name, value);
      box.append(path);
    }
    return box;
  }
  function symbol(style, size, { approx = false, isNew = false, selected = false } = {}) {
    const path = {
      d: SHAPES[style.shape] || SHAPES.circle,
      fill: HEX.test(style.color) ? style.color : "#777777",
      stroke: selected ? "#000000" : "#1a1a1a",
      "stroke-width": selected ? "3" : isNew ? "1.6" : "1"
    };
    if (approx) path["stroke-dasharray"] = "2.5 1.8";
    return svg("0 0 24 24", size, size, [path]);
  }

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
    const item = el("li", citation.contradicts ? "jm-source jm-contradicts" : "jm-source");
    item.append(sourceLink(citation.url, citation.label, words.link_new_tab));
    const about = [citation.role, citation.saidBy, citation.later].filter(Boolean).join("; ");
    item.append(el("span", "jm-source-role", ` — ${about}`));
    if (citation.note) item.append(el("div", "jm-source-note", citation.note));
    return item;
  }
  function differ(aspects, words, heading) {
    const box = el("section", "jm-differ");
    box.append(el(`h${Math.min(Math.max(heading, 2), 6)}`, "jm-differ-title", words.sources_differ));
    for (const aspect of aspects) {
      box.append(el("div", "jm-aspect", aspect.aspect));
      const readings = el("ul", "jm-readings");
      for (const reading of aspect.readings) {
        const item = el("li", "jm-reading", reading.text);
        item.append(el("span", "jm-reading-by", ` (${reading.by})`));
        readings.append(item);
      }
      box.append(readings);
    }
    return box;
  }
  function eventTip(record) {
    const box = el("div", "jm-tip");
    box.append(el("strong", null, record.title), el("div", null, record.time));
    return box;
  }
  function eventName(record, words = {}) {
    const differs = record.sources && record.sources.differ && record.sources.differ.length && words.sources_differ_badge;
    return [record.title, record.time, record.place, differs ? words.sources_differ_badge : null].filter(Boolean).join(", ");
  }

  // fans.js
  var GOLDEN = 2.399963;
  var FAN_SPACING = 14;
  var FAN_GAP = 2;
  var TARGET = 24;
  var TOGETHER = 40;
  var FROM_ZOOM = 7.5;
  var Fan = class {
    constructor() {
      this.placed = [];
      this.s = 0;
    }
    offset(slot, halfOf) {
      while (this.placed.length <= slot) {
        const half = halfOf(this.placed.length);
        for (; ; this.s += 0.1) {
          const r = FAN_SPACING * Math.sqrt(this.s);
          const x = Math.round(r * Math.cos(this.s * GOLDEN)), y = Math.round(r * Math.sin(this.s * GOLDEN));
          if (this.clear(x, y, half)) {
            this.placed.push({ x, y, half });
            break;
          }
        }
      }
      return this.placed[slot];
    }
    clear(x, y, half) {
      return this.placed.every((q) => {
        const apart = q.half + half + FAN_GAP;
        return Math.abs(q.x - x) >= apart || Math.abs(q.y - y) >= apart;
      });
    }
  };
  function pushApart(points, radius, zoom) {
    const ids = Object.keys(points), out = {};
    ids.forEach((p) => {
      out[p] = [0, 0];
    });
    if (zoom < FROM_ZOOM) return out;
    for (let pass = 0; pass < 4; pass++) {
      for (let a = 0; a < ids.length; a++) {
        for (let b = a + 1; b < ids.length; b++) {
          const pa = ids[a], pb = ids[b], ox = points[pb].x - points[pa].x, oy = points[pb].y - points[pa].y;
          if (Math.hypot(ox, oy) >= TOGETHER) continue;
          let vx = ox + out[pb][0] - out[pa][0], vy = oy + out[pb][1] - out[pa][1];
          let d = Math.hypot(vx, vy);
          const need = radius[pa] + radius[pb];
          if (d >= need) continue;
          if (d < 0.5) {
            vx = 1;
            vy = 0;
            d = 1;
          }
          const gap = need - d, moveA = gap * radius[pb] / need, moveB = gap * radius[pa] / need;
          out[pa][0] -= vx / d * moveA;
          out[pa][1] -= vy / d * moveA;
          out[pb][0] += vx / d * moveB;
          out[pb][1] += vy / d * moveB;
        }
      }
    }
    ids.forEach((p) => {
      out[p] = [Math.round(out[p][0]), Math.round(out[p][1])];
    });
    return out;
  }
  var Fans = class {
    constructor(map, dataset, { markers, restyle, size }) {
      this.map = map;
      this.data = dataset;
      this.markers = markers;
      this.size = size || ((i) => dataset.core.size[i]);
      this.fans = {};
      this.shifts = {};
      this.shiftsAt = null;
      this.leaders = L.layerGroup().addTo(map);
      this.leadersDrawn = "";
      let pending = false;
      map.on("zoomend", () => {
        const before = JSON.stringify(this.shifts);
        this.current();
        if (JSON.stringify(this.shifts) !== before) restyle();
        this.drawLeaders();
      });
      map.on("layeradd layerremove", () => {
        if (pending) return;
        pending = true;
        Promise.resolve().then(() => {
          pending = false;
          this.drawLeaders();
        });
      });
    }
    /* Event i's offset from its place, in px, shift of its place's fan included. */
    offset(i) {
      const core = this.data.core, p = core.place[i], list = this.data.byPlace[p] || [i];
      const fan = this.fans[p] || (this.fans[p] = new Fan());
      const own = fan.offset(core.slot[i], (k) => Math.max(this.size(list[k]), TARGET) / 2);
      const shift = this.current()[p] || [0, 0];
      return { x: own.x + shift[0], y: own.y + shift[1] };
    }
    /* How far a place's whole fan reaches from its point, in px (its offsets never depend on the zoom). */
    reach(p) {
      const core = this.data.core, fan = this.fans[p] || (this.fans[p] = new Fan());
      const list = this.data.byPlace[p];
      return list.reduce((reach, i) => {
        const o = fan.offset(core.slot[i], (k) => Math.max(this.size(list[k]), TARGET) / 2);
        return Math.max(reach, Math.hypot(o.x, o.y) + Math.max(this.size(i), TARGET) / 2);
      }, 0);
    }
    current() {
      if (!alive(this.map)) return {};
      const zoom = this.map.getZoom();
      if (this.shiftsAt !== zoom) {
        const core = this.data.core, points = {}, radius = {};
        for (const p of Object.keys(this.data.byPlace)) {
          const first = this.data.byPlace[p][0];
          points[p] = this.map.project([core.lat[first], core.lon[first]]);
          radius[p] = this.reach(p);
        }
        this.shifts = pushApart(points, radius, zoom);
        this.shiftsAt = zoom;
      }
      return this.shifts;
    }
    /* A thin line from each displaced place that has symbols on the map to the centre of its fan. */
    drawLeaders() {
      if (!alive(this.map)) return;
      const core = this.data.core, here = new Set(this.markers().map((i) => String(core.place[i])));
      const wanted = [...here].filter((p) => {
        const s = this.shifts[p];
        return s && (s[0] || s[1]);
      });
      const signature = `${this.shiftsAt}:${wanted.join(",")}`;
      if (signature === this.leadersDrawn) return;
      this.leadersDrawn = signature;
      this.leaders.clearLayers();
      for (const p of wanted) {
        const s = this.shifts[p], first = this.data.byPlace[p][0], at = L.latLng(core.lat[first], core.lon[first]);
        const to = this.map.unproject(this.map.project(at).add(L.point(s[0], s[1])));
        this.leaders.addLayer(L.polyline([at, to], { color: "#444444", weight: 1, interactive: false }));
      }
    }
  };
  function alive(map) {
    return Boolean(map && map._mapPane && map._loaded);
  }

  // labels.js
  var NEAR = 5;
  var LEADER_FROM = 14;
  var SIDES = [[1, 0], [-1, 0], [0, -1], [0, 1], [1, -1], [1, 1], [-1, -1], [-1, 1]];
  var RINGS = [NEAR, 20, 36, 54];
  var CENTRED = [[0, 0], [0, -1], [0, 1], [-1, 0], [1, 0]];
  var DOT = 3;
  var EDGE = 2;
  function overlaps(a, b) {
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
  }
  function free(box, taken, size) {
    if (box.x < EDGE || box.y < EDGE || box.x + box.w > size.x - EDGE || box.y + box.h > size.y - EDGE) return false;
    return !taken.some((other) => overlaps(box, other));
  }
  function besideBox(p, w, h, side, d) {
    const x = side[0] > 0 ? p.x + d : side[0] < 0 ? p.x - d - w : p.x - w / 2;
    const y = side[1] > 0 ? p.y + d : side[1] < 0 ? p.y - d - h : p.y - h / 2;
    return { x: Math.round(x), y: Math.round(y), w, h };
  }
  function choose(centred, p, wh, taken, size) {
    if (centred) {
      for (const [dx, dy] of CENTRED) {
        const box = { x: Math.round(p.x - wh.w / 2 + dx * wh.w / 2), y: Math.round(p.y - wh.h / 2 + dy * wh.h), w: wh.w, h: wh.h };
        if (free(box, taken, size)) return box;
      }
      return null;
    }
    for (const ring of RINGS) {
      for (const side of SIDES) {
        const box = besideBox(p, wh.w, wh.h, side, ring);
        if (free(box, taken, size)) return { ...box, far: ring >= LEADER_FROM };
      }
    }
    return null;
  }
  function controlBoxes(map) {
    const origin = map.getContainer().getBoundingClientRect(), out = [];
    map.getContainer().querySelectorAll(".leaflet-control").forEach((node) => {
      const r = node.getBoundingClientRect();
      if (r.width && r.height) out.push({ x: r.left - origin.left - 2, y: r.top - origin.top - 2, w: r.width + 4, h: r.height + 4 });
    });
    return out;
  }
  var Labels = class {
    constructor(map, config) {
      this.map = map;
      this.fullFrom = config.fullNamesFrom || 99;
      this.pane = map.createPane("jm-labels");
      this.pane.style.zIndex = "580";
      this.items = [];
      for (const p of config.places || []) {
        L.circleMarker([p.lat, p.lon], {
          radius: 2.5,
          color: "#333333",
          weight: 1,
          fillColor: "#ffffff",
          fillOpacity: 1,
          interactive: false
        }).addTo(map);
        this.items.push(this.make(p, `jm-place-label jm-role-${p.role}`, [0, 99], false));
      }
      this.addAreas(config.areas || [], false);
      map.on("zoomstart", () => {
        this.pane.style.visibility = "hidden";
      });
      map.on("zoomend moveend resize viewreset", () => this.place());
      if (window.ResizeObserver) {
        const observer = new ResizeObserver(() => this.place());
        map.getContainer().querySelectorAll(".leaflet-control-container > div").forEach((corner) => observer.observe(corner));
      }
      this.place();
    }
    /* Names of countries and waters, centred on their areas (the offline base's; `place`: placed at once). */
    addAreas(areas, place = true) {
      for (const a of areas) {
        this.items.push(this.make({ name: a.name, short: a.name, lat: a.lat, lon: a.lon }, `jm-area-label jm-${a.kind}`, a.zoom, true));
      }
      if (place) this.place();
    }
    make(p, className, zoom, centred) {
      const node = L.DomUtil.create("div", `jm-label ${className}`, this.pane);
      const leader = L.DomUtil.create("div", "jm-leader", this.pane);
      return { p, node, leader, zoom, centred, latlng: L.latLng(p.lat, p.lon), text: null };
    }
    /* Set the text for this zoom, and show the label so that it can be measured. */
    setText(item, zoom) {
      const full = item.p.name, text = zoom >= this.fullFrom ? full : item.p.short || full;
      if (item.text !== text) {
        item.text = text;
        item.node.textContent = text;
        if (text !== full) item.node.setAttribute("title", full);
        else item.node.removeAttribute("title");
      }
      item.node.style.display = "block";
    }
    place() {
      if (!alive(this.map)) return;
      const map = this.map, zoom = map.getZoom();
      const size = { x: map.getContainer().clientWidth, y: map.getContainer().clientHeight };
      const taken = controlBoxes(map);
      const points = this.items.map((item) => map.latLngToContainerPoint(item.latlng));
      this.items.forEach((item, k) => {
        if (!item.centred) taken.push({ x: points[k].x - DOT, y: points[k].y - DOT, w: 2 * DOT, h: 2 * DOT });
      });
      const inRange = this.items.map((item) => zoom >= item.zoom[0] && zoom <= item.zoom[1]);
      this.items.forEach((item, k) => {
        if (inRange[k]) this.setText(item, zoom);
      });
      const sizes = this.items.map((item, k) => {
        if (!inRange[k]) return null;
        const rect = item.node.getBoundingClientRect();
        return { w: Math.ceil(rect.width), h: Math.ceil(rect.height) };
      });
      this.items.forEach((item, k) => {
        const box = inRange[k] ? choose(item.centred, points[k], sizes[k], taken, size) : null;
        this.draw(item, points[k], box);
        if (box) taken.push({ x: box.x - 1, y: box.y - 1, w: box.w + 2, h: box.h + 2 });
      });
      this.pane.style.visibility = "";
    }
    /* Position the label (and its leader line) in the pane, or hide it. */
    draw(item, p, box) {
      const map = this.map;
      item.node.style.display = box ? "block" : "none";
      item.leader.style.display = box && box.far ? "block" : "none";
      item.node.classList.toggle("jm-label-hidden", !box);
      if (!box) return;
      L.DomUtil.setPosition(item.node, map.containerPointToLayerPoint([box.x, box.y]));
      if (!box.far) return;
      const tx = Math.max(box.x, Math.min(p.x, box.x + box.w)), ty = Math.max(box.y, Math.min(p.y, box.y + box.h));
      const dx = tx - p.x, dy = ty - p.y;
      item.leader.style.width = `${Math.max(0, Math.hypot(dx, dy) - DOT)}px`;
      item.leader.style.transform = "";
      L.DomUtil.setPosition(item.leader, map.containerPointToLayerPoint(p));
      item.leader.style.transform += ` rotate(${Math.atan2(dy, dx)}rad) translateX(${DOT}px)`;
    }
  };

  // screen.js
  var TILE_WAIT_MS = 1e4;
  var MARGIN = 12;
  var POPUP_CHROME = { x: 48, y: 56 };
  var credits = 0;
  function watchTiles(map, unreachable, waitMs = TILE_WAIT_MS, timers = globalThis) {
    const layers = [];
    map.eachLayer((layer) => {
      if (layer instanceof L.TileLayer) layers.push(layer);
    });
    if (!layers.length) return;
    let arrived = 0, failed = 0, done = false;
    const give = () => {
      if (done || arrived) return;
      done = true;
      timers.clearTimeout(timer);
      unreachable();
    };
    for (const layer of layers) {
      layer.on("tileload", () => {
        arrived += 1;
      });
      layer.on("tileerror", () => {
        failed += 1;
        if (failed >= 2) give();
      });
    }
    const timer = timers.setTimeout(give, waitMs);
  }
  function popupRoom(size, bars = { top: 0, bottom: 0 }, wanted = { maxWidth: 320, maxHeight: 380 }) {
    return {
      maxWidth: Math.max(120, Math.min(wanted.maxWidth, size.x - 2 * MARGIN - POPUP_CHROME.x)),
      maxHeight: Math.max(80, Math.min(
        wanted.maxHeight || Infinity,
        size.y - bars.top - bars.bottom - 2 * MARGIN - POPUP_CHROME.y
      ))
    };
  }
  function controlBars(map) {
    const container = map.getContainer(), third = map.getSize().y / 3;
    const height = (corner) => {
      const node = container.querySelector(corner);
      return node ? Math.min(third, node.getBoundingClientRect().height) : 0;
    };
    return {
      top: Math.max(height(".leaflet-top.leaflet-left"), height(".leaflet-top.leaflet-right")),
      bottom: Math.max(height(".leaflet-bottom.leaflet-left"), height(".leaflet-bottom.leaflet-right"))
    };
  }
  function fitPopups(map) {
    const wanted = /* @__PURE__ */ new WeakMap();
    const fit = (popup) => {
      if (!wanted.has(popup)) wanted.set(popup, { maxWidth: popup.options.maxWidth, maxHeight: popup.options.maxHeight });
      const size = map.getSize(), bars = controlBars(map), room = popupRoom(size, bars, wanted.get(popup));
      Object.assign(popup.options, room, {
        minWidth: Math.min(popup.options.minWidth || 50, room.maxWidth),
        autoPan: true,
        autoPanPaddingTopLeft: [MARGIN, bars.top + MARGIN],
        autoPanPaddingBottomRight: [MARGIN, bars.bottom + MARGIN]
      });
      popup.update();
      const box = popup.getElement();
      if (!box) return;
      const wide = box.offsetWidth - (size.x - 2 * MARGIN), tall = box.offsetHeight - (size.y - bars.top - bars.bottom - 2 * MARGIN);
      if (wide <= 0 && tall <= 0) return;
      if (wide > 0) popup.options.maxWidth = popup.options.minWidth = Math.max(120, popup.options.maxWidth - wide);
      if (tall > 0) popup.options.maxHeight = Math.max(80, popup.options.maxHeight - tall);
      popup.update();
    };
    map.on("popupopen", (event) => fit(event.popup));
    map.on("resize", () => {
      map.eachLayer((layer) => {
        if (layer instanceof L.Popup && map.hasLayer(layer)) fit(layer);
      });
    });
  }
  function boxOf(node) {
    return node ? node.getBoundingClientRect() : null;
  }
  function overlap(a, b) {
    return Boolean(a && b) && a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  }
  function giveWay(map, group) {
    let open = null, source = null;
    const coarse = () => Boolean(window.matchMedia && window.matchMedia("(pointer: coarse)").matches);
    group.on("popupopen", (event) => {
      source = event.layer;
    });
    map.on("popupopen", (event) => {
      open = event.popup;
      map.eachLayer((layer) => {
        if (layer.getTooltip && layer.getTooltip() && layer.isTooltipOpen()) layer.closeTooltip();
      });
    });
    map.on("popupclose", (event) => {
      if (event.popup === open) {
        open = null;
        source = null;
      }
    });
    const closeIfInTheWay = (tooltip, layer) => {
      if (!open || !map.hasLayer(open)) return;
      if (layer === source || coarse() || overlap(boxOf(tooltip.getElement()), boxOf(open.getElement()))) {
        Promise.resolve().then(() => {
          if (layer && layer.closeTooltip) layer.closeTooltip();
          else tooltip.close();
        });
      }
    };
    group.on("tooltipopen", (event) => closeIfInTheWay(event.tooltip, event.layer));
    map.on("tooltipopen", (event) => closeIfInTheWay(event.tooltip, null));
  }
  function foldCredit(map, label) {
    const credit = map.attributionControl;
    if (!credit || !label) return;
    const line = credit.getContainer(), id = `jm-credit-${++credits}`;
    line.id = id;
    const control = L.control({ position: "bottomright" });
    const button = el("button", "jm-credit-button", label);
    Object.assign(button, { type: "button" });
    button.setAttribute("aria-controls", id);
    control.onAdd = () => {
      const box2 = el("div", "jm-credit");
      box2.append(button, line);
      L.DomEvent.disableClickPropagation(box2);
      return box2;
    };
    control.addTo(map);
    const box = control.getContainer();
    let opened = false;
    const show = () => {
      const folded = !opened && !fitsOnOneLine(map, box, line);
      box.classList.toggle("jm-credit-folded", folded);
      box.classList.toggle("jm-credit-foldable", folded || opened);
      button.setAttribute("aria-expanded", String(!folded));
      map.getContainer().dataset.credit = folded ? "folded" : "open";
    };
    button.addEventListener("click", () => {
      opened = !opened;
      show();
    });
    map.on("resize", show);
    if (window.ResizeObserver) new ResizeObserver(() => {
      if (alive(map)) show();
    }).observe(map.getContainer());
    show();
  }
  function fitsOnOneLine(map, box, line) {
    const was = box.className;
    box.classList.add("jm-credit-measure");
    const width = line.scrollWidth;
    box.className = was;
    const left = map.getContainer().querySelector(".leaflet-bottom.leaflet-left");
    const taken = left ? left.getBoundingClientRect().width : 0;
    return width + taken + 2 * MARGIN <= map.getSize().x;
  }
  function focusInPlace(map) {
    const container = map.getContainer();
    container.addEventListener("mousedown", () => {
      if (container.ownerDocument.activeElement !== container) container.focus({ preventScroll: true });
    }, true);
  }
  function quietLine(map, words) {
    const control = L.control({ position: "topright" });
    control.onAdd = () => {
      const line = el("div", "jm-quiet");
      line.setAttribute("role", "status");
      requestAnimationFrame(() => {
        line.textContent = words;
      });
      return line;
    };
    control.addTo(map);
    return control;
  }

  // furniture.js
  function addLegend(map, legend, { folded = false, picture = false } = {}) {
    const control = L.control({ position: "bottomleft" });
    const box = el("details", "jm-legend"), body = el("div", "jm-legend-body");
    control.onAdd = () => {
      if (map.getSize().x >= 900 && !folded) box.open = true;
      box.append(el("summary", null, legend.title));
      const list = el("ul");
      for (const item of legend.items) {
        const li = el("li");
        li.append(symbol(item.style, 14, { isNew: true }), el("span", null, item.label));
        list.append(li);
      }
      const notes = el("ul", "jm-legend-notes");
      for (const note of legend.notes) notes.append(el("li", null, note));
      body.append(list, notes);
      box.append(body);
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    };
    control.addTo(map);
    const fit = () => fitLegend(map, box, picture);
    box.addEventListener("toggle", fit);
    map.on("resize", fit);
    fit();
    return fit;
  }
  var LEGEND_LAYOUTS = ["", "columns", "columns-3", "columns-4"];
  function outer(node) {
    const style = getComputedStyle(node);
    return node.offsetHeight + parseFloat(style.marginTop) + parseFloat(style.marginBottom);
  }
  function stacked(container, corner, skip) {
    const controls = container.querySelectorAll(`${corner} > .leaflet-control`);
    return [...controls].filter((node) => node !== skip && node.offsetParent).reduce((sum, node) => sum + outer(node), 0);
  }
  function fitLegend(map, box, picture) {
    if (!alive(map) || !box.isConnected) return;
    const container = map.getContainer();
    box.style.maxHeight = "";
    const room = container.clientHeight - stacked(container, ".leaflet-top.leaflet-left", box) - stacked(container, ".leaflet-bottom.leaflet-left", box) - outer(box) + box.offsetHeight - 10;
    if (!picture) {
      box.style.maxHeight = `${Math.max(60, room)}px`;
      return;
    }
    for (const layout of LEGEND_LAYOUTS) {
      box.dataset.layout = layout;
      if (box.offsetHeight <= room) break;
    }
  }
  function keepInFrame(map, frame) {
    if (!frame) return;
    const inset = 0.1, bounds = L.latLngBounds([[frame[0][0] + inset, frame[0][1] + inset], [frame[1][0] - inset, frame[1][1] - inset]]);
    const floor = map.getMinZoom();
    map.getContainer().classList.add("jm-offline");
    map.options.zoomSnap = 0.25;
    map.options.maxBoundsViscosity = 1;
    const fit = () => {
      map.setMinZoom(Math.max(floor, map.getBoundsZoom(bounds, true)));
      map.setMaxBounds(bounds);
    };
    fit();
    map.on("resize", fit);
  }
  function addFurniture(map, config, shown) {
    const snapshot = config.snapshot;
    if (!snapshot) return;
    if (snapshot.northArrow) northArrow(map);
    if (snapshot.inset && config.frame) locatorInset(map, config);
    if (snapshot.legendShown) legendOfWhatIsShown(map, config, shown);
  }
  function northArrow(map) {
    const control = L.control({ position: "topright" });
    control.onAdd = () => {
      const box = L.DomUtil.create("div", "jm-north");
      box.setAttribute("aria-hidden", "true");
      const line = { stroke: "#1d1d1d", "stroke-width": "1.2", "stroke-linejoin": "round" };
      box.append(svg("0 0 24 36", "22", "33", [
        { d: "M12 2 20 30 12 24z", fill: "#1d1d1d", ...line },
        { d: "M12 2 4 30 12 24z", fill: "#ffffff", ...line }
      ]));
      box.append(el("div", "jm-north-letter", "N"));
      return box;
    };
    control.addTo(map);
  }
  function locatorInset(map, config) {
    const land = config.context.find((layer) => layer.style === "land" && layer.data);
    if (!land) return;
    const control = L.control({ position: "topright" });
    control.onAdd = () => {
      const box = L.DomUtil.create("div", "jm-inset");
      box.setAttribute("aria-hidden", "true");
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    };
    control.addTo(map);
    const inset = L.map(control.getContainer(), {
      attributionControl: false,
      zoomControl: false,
      dragging: false,
      scrollWheelZoom: false,
      doubleClickZoom: false,
      boxZoom: false,
      keyboard: false,
      touchZoom: false,
      zoomSnap: 0,
      fadeAnimation: false,
      zoomAnimation: false
    });
    inset.fitBounds(L.latLngBounds(config.frame), { padding: [0, 0] });
    L.geoJSON(land.data, { interactive: false, style: (feature) => ({
      color: "#6e6e6e",
      weight: 0.6,
      fillOpacity: 1,
      fillColor: feature.properties && feature.properties.name === "Peru" ? "#d9d3c7" : "#f3f1ec"
    }) }).addTo(inset);
    const frame = L.rectangle(map.getBounds(), { color: "#D55E00", weight: 2, fill: false, interactive: false }).addTo(inset);
    const dot = L.circleMarker(map.getCenter(), { radius: 3, color: "#D55E00", weight: 2, fillOpacity: 1, interactive: false }).addTo(inset);
    map.on("moveend", () => {
      frame.setBounds(map.getBounds());
      dot.setLatLng(map.getCenter());
    });
  }
  function legendOfWhatIsShown(map, config, shown) {
    let pending = false;
    const update = () => {
      pending = false;
      const categories = alive(map) ? shown() : null;
      if (!categories) return;
      const items = map.getContainer().querySelectorAll(".jm-legend ul:not(.jm-legend-notes) > li");
      config.legend.items.forEach((item, k) => {
        if (items[k]) items[k].style.display = categories.has(item.category) ? "" : "none";
      });
      const legend = map.getContainer().querySelector(".jm-legend");
      if (legend) fitLegend(map, legend, true);
    };
    map.on("layeradd layerremove moveend", () => {
      if (!pending) {
        pending = true;
        Promise.resolve().then(update);
      }
    });
  }

  // map.js
  var SYMBOL_LIMIT = 3e3;
  var ROOM_SYMBOL = 36;
  function differBadge() {
    const box = el("span", "jm-differ-badge");
    box.append(svg("0 0 12 12", 12, 12, [
      { d: "M0.5 0.5h11v11h-11z", fill: "#ffffff", stroke: "#111111" },
      {
        d: "M3 4.6h6M3 7.4h6M7.6 2.4 4.4 9.6",
        fill: "none",
        stroke: "#111111",
        "stroke-width": "1.3"
      }
    ]));
    return box;
  }
  var MapView = class {
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
      addLegend(map, config.legend, { folded: Boolean(config.room), picture: Boolean(config.snapshot) });
      if (config.tiles) watchTiles(map, () => this.goOffline());
      keepInFrame(map, config.frame);
      addFurniture(map, config, () => this.categoriesInView());
      if (!config.snapshot) foldCredit(map, config.creditButton);
      this.labels = new Labels(map, config);
      this.canvas = L.canvas({ padding: 0.3 });
      this.group = L.featureGroup().addTo(map);
      fitPopups(map);
      giveWay(map, this.group);
      focusInPlace(map);
      this.marchLayers = L.layerGroup().addTo(this.group);
      this.reset();
      if (config.firstStep) {
        this.container.dataset.first = config.firstStep.iso;
        this.takeStep(config.firstStep);
      }
      dataset.then((data) => this.setData(data));
    }
    setData(data) {
      this.data = data;
      this.fans = new Fans(this.map, data, {
        markers: () => Object.keys(this.markers).map(Number),
        restyle: () => this.restyleSymbols(),
        size: (i) => this.sizeOf(i)
      });
      if (data.core.n <= data.core.chunk) data.loadText(0);
      if (this.pending) this.drawStep(this.pending);
    }
    reset() {
      this.shown = 0;
      this.newFrom = 0;
      this.cats = null;
      this.src = null;
      this.bySource = null;
      this.selected = -1;
      this.highlight = null;
      this.markers = {};
      this.places = {};
    }
    /* The map's language and name for assistive technology: the document's lang and a named landmark. */
    labelDocument() {
      document.documentElement.lang = this.config.lang;
      const viewport = document.querySelector('meta[name="viewport"]');
      if (viewport) viewport.setAttribute("content", "width=device-width, initial-scale=1");
      this.container.setAttribute("role", "region");
      this.container.setAttribute("aria-label", this.config.strings.map_name);
    }
    /* The tiles cannot be reached (screen.js, watchTiles): the offline base instead, by itself, said in one
       quiet line; nothing is asked of the visitor (issue 23). `config.offline` holds the offline base's layers. */
    goOffline() {
      const offline = this.config.offline, map = this.map;
      if (!offline || this.container.dataset.base === "offline" || !alive(map)) return;
      map.eachLayer((layer) => {
        if (layer instanceof L.TileLayer) map.removeLayer(layer);
      });
      for (const layer of this.contextLayers.splice(0)) map.removeLayer(layer);
      this.config = { ...this.config, tiles: false, context: offline.context, areas: offline.areas, frame: offline.frame };
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
          if (context !== this.config.context) return;
          this.contextLayers.push(L.geoJSON(geojson, { style: styles[layer.style], pane: layer.pane, interactive: false }).addTo(map));
          this.container.dataset.context = String(drawn += 1);
        };
        if (layer.data) draw(layer.data);
        else fetch(layer.url).then((r) => r.json()).then(draw).catch(() => {
        });
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
      this.map.setView(view.center, view.zoom, { animate: !still });
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
      if (!this.data) {
        this.pending = step;
        return;
      }
      this.pending = null;
      const core = this.data.core;
      const cats = step.cats ? core.categories.map((c) => step.cats.includes(c)) : null;
      if (JSON.stringify(cats) !== JSON.stringify(this.cats) || (step.src || null) !== this.src) {
        this.clear();
        this.cats = cats;
        this.src = step.src || null;
        this.bySource = sourceMask(core, this.src);
      }
      const shown = countUpTo(core.reveal, step.t), newFrom = countUpTo(core.reveal, step.newFrom);
      const selected = step.selected ? core.ids.indexOf(step.selected) : -1;
      let highlight = null;
      if (step.highlight) {
        highlight = {};
        for (const id of step.highlight) {
          const k = core.ids.indexOf(id);
          if (k >= 0) highlight[k] = true;
        }
      }
      const cluster = core.n > SYMBOL_LIMIT, touched = /* @__PURE__ */ new Set();
      for (let i = this.shown; i < shown; i++) this.add(i, cluster, touched);
      for (let i = this.shown - 1; i >= shown; i--) this.remove(i, cluster, touched);
      for (let i = Math.min(this.newFrom, newFrom); i < Math.max(this.shown, shown); i++) touched.add(i);
      for (const i of [this.selected, selected]) if (i >= 0) touched.add(i);
      for (const set of [this.highlight, highlight]) for (const k of Object.keys(set || {})) touched.add(Number(k));
      Object.assign(this, { shown, newFrom, selected, highlight });
      for (const i of touched) this.restyle(i, cluster);
      const marches = this.drawMarches(step.t, cluster);
      const marker = this.markers[selected];
      if (marker) setTimeout(() => {
        if (marker._map) marker.openPopup();
      }, 0);
      const events = cluster ? Object.values(this.places).reduce((sum, spot) => sum + spot.count, 0) : Object.keys(this.markers).length;
      this.report({ t: step.iso, ms: step.t, events, marches, markers: cluster ? Object.keys(this.places).length : events });
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
          this.container.dispatchEvent(new CustomEvent("jm-painted", { detail: drawn }));
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
        spot = this.places[p] = { count: 0, latest: -1, marker: this.placeMarker(p) };
        this.group.addLayer(spot.marker);
      }
      spot.count += 1;
      spot.latest = Math.max(spot.latest, i);
      touched.add(i);
    }
    remove(i, cluster, touched) {
      if (!this.enabled(i)) return;
      if (!cluster) {
        if (this.markers[i]) {
          this.group.removeLayer(this.markers[i]);
          delete this.markers[i];
        }
        return;
      }
      const p = this.data.core.place[i], spot = this.places[p];
      if (!spot) return;
      spot.count -= 1;
      if (spot.count <= 0) {
        this.group.removeLayer(spot.marker);
        delete this.places[p];
        return;
      }
      if (spot.latest === i) {
        const list = this.data.byPlace[p];
        let k = list.indexOf(i) - 1;
        while (k >= 0 && (list[k] >= this.shown || !this.enabled(list[k]))) k--;
        spot.latest = k >= 0 ? list[k] : -1;
      }
      touched.add(i);
    }
    clear() {
      this.group.eachLayer((layer) => {
        if (layer !== this.marchLayers) this.group.removeLayer(layer);
      });
      this.marchLayers.clearLayers();
      this.reset();
    }
    /* The symbol keeps its drawn size; its hit area (the icon box) is at least TARGET px (WCAG 2.5.8). */
    symbolIcon(i, isNew, selected) {
      const core = this.data.core, size = this.sizeOf(i), box = Math.max(size, TARGET);
      const { x: dx, y: dy } = this.fans.offset(i);
      const wrap = el("div", `jm-symbol ${isNew ? "jm-new" : "jm-earlier"}${selected ? " jm-selected" : ""}`);
      wrap.append(symbol(core.styles[core.cat[i]], size, { approx: Boolean(core.approx[i]), isNew, selected }));
      if (core.badge[i]) wrap.append(el("span", "jm-badge", core.badge[i]));
      if (core.differ && core.differ[i]) wrap.append(differBadge());
      return L.divIcon({
        className: "jm-icon",
        html: wrap,
        iconSize: [box, box],
        iconAnchor: [box / 2 - dx, box / 2 - dy],
        popupAnchor: [dx, dy - box / 2],
        tooltipAnchor: [dx + box / 2, dy]
      });
    }
    /* A marker is named "title, time, place" as soon as it exists (until its text arrives, by its category).
       It is a button that screen readers can press, but not a tab stop: the event list is the keyboard path. */
    nameMarker(marker, i) {
      const text = this.data.textOf(i), icon = marker.getElement();
      if (!icon) return;
      const label = text ? eventName(text, this.config.strings) : (this.config.legend.items[this.data.core.cat[i]] || {}).label || "";
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
        return el("div", "jm-tip", "…");
      };
    }
    symbolMarker(i) {
      const core = this.data.core, words = this.config.strings;
      const marker = L.marker([core.lat[i], core.lon[i]], {
        icon: this.symbolIcon(i, false, false),
        keyboard: false,
        riseOnHover: true
      });
      marker.on("add", () => this.nameMarker(marker, i));
      const actions = this.config.actions || {};
      marker.bindPopup(
        this.lazy(marker, i, (text) => eventDetails(text, words, "jm-popup", { person: actions.person }), "popup"),
        { maxWidth: 320, maxHeight: 380, autoPanPadding: [20, 20] }
      );
      marker.bindTooltip(this.lazy(marker, i, eventTip, "tooltip"), { direction: "right", opacity: 0.95 });
      marker.jmIndex = i;
      return marker;
    }
    placeMarker(p) {
      const data = this.data, core = data.core, first = data.byPlace[p][0], words = this.config.strings;
      const marker = L.circleMarker(
        [core.lat[first], core.lon[first]],
        { renderer: this.canvas, weight: 1, color: "#1a1a1a", fillOpacity: 0.5 }
      );
      marker.bindTooltip(() => {
        const spot = this.places[p], box = el("div", "jm-tip");
        if (!spot) return box;
        box.append(el("strong", null, `${spot.count} ${words.events_here}`));
        const text = data.textOf(spot.latest);
        if (text) box.append(el("div", null, `${text.title} — ${text.time}`));
        else data.loadText(spot.latest);
        return box;
      }, { sticky: true });
      marker.bindPopup(() => this.placePopup(p), { maxWidth: 340 });
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
        list.append(el("li", null, text ? `${text.time} — ${text.title}` : "…"));
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
        marker.setZIndexOffset(selected ? 2e3 : isNew ? 1e3 : 0);
        return;
      }
      const core = this.data.core, spot = this.places[core.place[i]];
      if (!spot || spot.latest < 0) return;
      const fresh = spot.latest >= this.newFrom;
      spot.marker.setStyle({
        radius: Math.min(3 + 2 * Math.sqrt(spot.count), 22),
        fillColor: core.styles[core.cat[spot.latest]].color,
        fillOpacity: fresh ? 0.9 : 0.35,
        weight: fresh ? 1.5 : 0.8
      });
    }
    drawMarches(t, cluster) {
      const core = this.data.core, words = this.config.strings;
      this.marchLayers.clearLayers();
      if (this.cats && !this.cats[core.categories.indexOf("march")]) return 0;
      let drawn = 0;
      for (const m of core.marches) {
        if (this.bySource && !this.bySource[m.i]) continue;
        const done = t >= m.arrive;
        if (t <= m.drawFrom || cluster && done) continue;
        drawn += 1;
        const f = Math.min(1, (t - m.drawFrom) / (m.arrive - m.drawFrom));
        const a = m.route[0], b = m.route[m.route.length - 1], tip = [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f];
        const label = el("div", "jm-tip");
        label.append(el("strong", null, `${words.march_from} ${m.name[this.config.lang]}`), el("div", null, words.schematic));
        this.marchLayers.addLayer(L.polyline([a, tip], { color: "#0072B2", weight: 3, opacity: done ? 0.8 : 1, dashArray: "6 6" }).bindTooltip(label, { sticky: true }));
        this.marchLayers.addLayer(L.circleMarker(tip, {
          radius: 4,
          color: "#0072B2",
          weight: 2,
          fillColor: "#ffffff",
          fillOpacity: 1,
          opacity: done ? 0.8 : 1
        }).bindTooltip(label));
      }
      this.marchLayers.eachLayer((layer) => layer.getElement().setAttribute("tabindex", "-1"));
      return drawn;
    }
    /* The categories drawn inside the picture now, and whether marches are (a snapshot's legend). */
    categoriesInView() {
      if (!this.data) return null;
      const shown = /* @__PURE__ */ new Set();
      const core = this.data.core, view = this.map.getBounds().pad(0.02);
      for (const [i, marker] of Object.entries(this.markers)) {
        if (view.contains(marker.getLatLng())) shown.add(core.categories[core.cat[i]]);
      }
      if (this.last && this.last.marches) shown.add("march");
      return shown;
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
    constructor(core, load) {
      this.core = core;
      this.load = load;
      this.chunks = { text: [], rows: [] };
      this.byPlace = {};
      for (let i = 0; i < core.n; i++) {
        const p = core.place[i];
        if (p >= 0) (this.byPlace[p] = this.byPlace[p] || []).push(i);
      }
    }
    /* A dataset whose chunks are all here already (the exported page). */
    static inlined(core, text, rows) {
      const data = new _Dataset(core, (kind, k) => Promise.resolve(kind === "text" ? text[k] : rows[k]));
      text.forEach((chunk, k) => {
        data.chunks.text[k] = chunk;
      });
      rows.forEach((chunk, k) => {
        data.chunks.rows[k] = chunk;
      });
      return data;
    }
    /* The dataset served under `url` (a bundle's folder), with its text in `lang`. */
    static served(core, url, lang) {
      return new _Dataset(core, (kind, k) => fetchJson(`${url}/${kind === "text" ? `text-${lang}` : "rows"}-${k}.json`));
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
  var isTime = (x) => typeof x === "number" && Number.isFinite(x);
  var isNames = (x) => Array.isArray(x) && x.every((v) => typeof v === "string");
  var isNone = (x) => x === null || x === void 0;
  function checkedStep(step) {
    if (!step || typeof step !== "object" || !isTime(step.t) || !isTime(step.newFrom) || typeof step.iso !== "string") return null;
    if (!isNone(step.cats) && !isNames(step.cats)) return null;
    if (!isNone(step.selected) && typeof step.selected !== "string") return null;
    if (!isNone(step.src) && typeof step.src !== "string") return null;
    if (!isNone(step.highlight) && !isNames(step.highlight)) return null;
    if (!isNone(step.title) && typeof step.title !== "string") return null;
    const out = {
      t: step.t,
      iso: step.iso,
      newFrom: step.newFrom,
      cats: step.cats ? [...step.cats] : null,
      selected: step.selected || null,
      src: step.src || null,
      highlight: step.highlight ? [...step.highlight] : null,
      title: step.title ? step.title.slice(0, 200) : null
    };
    const view = step.view;
    if (view && Array.isArray(view.center) && view.center.length === 2 && view.center.every(isTime) && isTime(view.zoom)) {
      out.view = { center: [view.center[0], view.center[1]], zoom: view.zoom };
    }
    return out;
  }

  // stepper.js
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

  // host-frame.js
  addStyle(document, "jm-style", map_default);
  addStyle(document, "jm-screen", screen_default);
  addStyle(document, "jm-frame", frame_default);
  document.addEventListener("juliaca:setup", (event) => start(event.detail.map, event.detail.config));
  function start(map, config) {
    const parent = window.parent === window ? null : window.parent;
    let provide = null;
    const dataset = new Promise((resolve) => {
      provide = resolve;
    });
    const first = config.firstStep && checkedStep(config.firstStep);
    const actions = parent && config.peopleLinks ? { person: (id) => tell(parent, "juliaca:person", { from: window, id: String(id) }) } : {};
    const view = new MapView(map, { ...config, firstStep: first, actions }, dataset);
    const source = config.dataset, url = `${source.url}/core.json`;
    const offer = { from: window, url, core: null };
    if (parent) {
      window.addEventListener("juliaca:step", (event) => {
        const step = checkedStep(event.detail);
        if (step) view.takeStep(step);
      });
      document.addEventListener("keydown", (event) => handKey(event, parent, map.getContainer()));
      map.getContainer().addEventListener("jm-painted", () => tell(parent, "juliaca:painted", { from: window }));
      tell(parent, "juliaca:map-ready", offer);
    }
    const core = offer.core ? Promise.resolve(offer.core).catch(() => fetchJson(url)) : fetchJson(url);
    core.then((loaded) => provide(Dataset.served(loaded, source.url, config.lang)));
  }
  function tell(parent, type, detail) {
    parent.dispatchEvent(new parent.CustomEvent(type, { detail }));
  }
  function handKey(event, parent, container) {
    const delta = keyStep(event, { ...keyTarget(event.target, null, container), inControl: true });
    if (!delta) return;
    event.preventDefault();
    tell(parent, "juliaca:key", { from: window, delta });
  }
})();
