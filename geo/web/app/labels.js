/* Place labels that never collide, in any view, at any zoom, in any language.
 *
 * Placement is greedy in priority order (geo/map/cartography.py sets it: the airport and Juliaca, then the
 * towns the marches came from, then context places, then the names of countries and waters). Each
 * label tries the four sides of its point, then the diagonals, then farther out with a thin leader
 * line; if every position collides with a label already placed, a place dot or a map control, the
 * label is hidden until the user zooms in. Long names use their short form below `fullNamesFrom`, with
 * the full name as the tooltip. It runs again after every zoom, pan and resize (13 labels: well under a
 * millisecond). The placement is pure (test/labels.test.js). Names go in through textContent and title.
 */
import { alive } from "./fans.js";

const NEAR = 5, LEADER_FROM = 14;
const SIDES = [[1, 0], [-1, 0], [0, -1], [0, 1], [1, -1], [1, 1], [-1, -1], [-1, 1]];
const RINGS = [NEAR, 20, 36, 54];
const CENTRED = [[0, 0], [0, -1], [0, 1], [-1, 0], [1, 0]];
export const DOT = 3;
const EDGE = 2;  // px kept clear at the map's edges

export function overlaps(a, b) {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/* Whether `box` lies inside a map of `size` and clear of every box `taken`. */
export function free(box, taken, size) {
  if (box.x < EDGE || box.y < EDGE || box.x + box.w > size.x - EDGE || box.y + box.h > size.y - EDGE) return false;
  return !taken.some((other) => overlaps(box, other));
}

/* The box of a label of size (w, h) beside point p on side s at distance d. */
export function besideBox(p, w, h, side, d) {
  const x = side[0] > 0 ? p.x + d : side[0] < 0 ? p.x - d - w : p.x - w / 2;
  const y = side[1] > 0 ? p.y + d : side[1] < 0 ? p.y - d - h : p.y - h / 2;
  return {x: Math.round(x), y: Math.round(y), w, h};
}

/* Where a label of size `wh` goes for its point p, or null: centred names of areas are nudged a little;
   names of places go beside their dot, farther out (`far`: with a leader line) if they must. */
export function choose(centred, p, wh, taken, size) {
  if (centred) {
    for (const [dx, dy] of CENTRED) {
      const box = {x: Math.round(p.x - wh.w / 2 + dx * wh.w / 2), y: Math.round(p.y - wh.h / 2 + dy * wh.h), w: wh.w, h: wh.h};
      if (free(box, taken, size)) return box;
    }
    return null;
  }
  for (const ring of RINGS) {
    for (const side of SIDES) {
      const box = besideBox(p, wh.w, wh.h, side, ring);
      if (free(box, taken, size)) return {...box, far: ring >= LEADER_FROM};
    }
  }
  return null;
}

/* Boxes already taken on the map's container: its controls (legend, scale, credits, zoom). */
function controlBoxes(map) {
  const origin = map.getContainer().getBoundingClientRect(), out = [];
  map.getContainer().querySelectorAll(".leaflet-control").forEach((node) => {
    const r = node.getBoundingClientRect();
    if (r.width && r.height) out.push({x: r.left - origin.left - 2, y: r.top - origin.top - 2, w: r.width + 4, h: r.height + 4});
  });
  return out;
}

export class Labels {
  constructor(map, config) {
    this.map = map;
    this.fullFrom = config.fullNamesFrom || 99;
    this.pane = map.createPane("jm-labels");
    this.pane.style.zIndex = "580";  // above the context layers and routes, under the event symbols
    this.items = [];
    for (const p of config.places || []) {
      L.circleMarker([p.lat, p.lon], {radius: 2.5, color: "#333333", weight: 1, fillColor: "#ffffff",
                                      fillOpacity: 1, interactive: false}).addTo(map);
      this.items.push(this.make(p, `jm-place-label jm-role-${p.role}`, [0, 99], false));
    }
    this.addAreas(config.areas || [], false);
    map.on("zoomstart", () => { this.pane.style.visibility = "hidden"; });
    map.on("zoomend moveend resize viewreset", () => this.place());
    if (window.ResizeObserver) {  // the legend opens, closes or changes: labels make room again
      const observer = new ResizeObserver(() => this.place());
      map.getContainer().querySelectorAll(".leaflet-control-container > div").forEach((corner) => observer.observe(corner));
    }
    this.place();
  }

  /* Names of countries and waters, centred on their areas (the offline base's; `place`: placed at once). */
  addAreas(areas, place = true) {
    for (const a of areas) {
      this.items.push(this.make({name: a.name, short: a.name, lat: a.lat, lon: a.lon}, `jm-area-label jm-${a.kind}`, a.zoom, true));
    }
    if (place) this.place();
  }

  make(p, className, zoom, centred) {
    const node = L.DomUtil.create("div", `jm-label ${className}`, this.pane);
    const leader = L.DomUtil.create("div", "jm-leader", this.pane);
    return {p, node, leader, zoom, centred, latlng: L.latLng(p.lat, p.lon), text: null};
  }

  /* Set the text for this zoom, and show the label so that it can be measured. */
  setText(item, zoom) {
    const full = item.p.name, text = zoom >= this.fullFrom ? full : (item.p.short || full);
    if (item.text !== text) {
      item.text = text;
      item.node.textContent = text;
      if (text !== full) item.node.setAttribute("title", full); else item.node.removeAttribute("title");
    }
    item.node.style.display = "block";
  }

  place() {
    if (!alive(this.map)) return;
    const map = this.map, zoom = map.getZoom();
    // the container's own size: Leaflet's cached one lags when the page's layout changes the map's size
    const size = {x: map.getContainer().clientWidth, y: map.getContainer().clientHeight};
    const taken = controlBoxes(map);
    const points = this.items.map((item) => map.latLngToContainerPoint(item.latlng));
    this.items.forEach((item, k) => {  // every place dot is an obstacle for every label
      if (!item.centred) taken.push({x: points[k].x - DOT, y: points[k].y - DOT, w: 2 * DOT, h: 2 * DOT});
    });
    const inRange = this.items.map((item) => zoom >= item.zoom[0] && zoom <= item.zoom[1]);
    this.items.forEach((item, k) => { if (inRange[k]) this.setText(item, zoom); });
    // measured every time (all writes, then all reads): the style sheet may arrive after the first placing
    const sizes = this.items.map((item, k) => {
      if (!inRange[k]) return null;
      const rect = item.node.getBoundingClientRect();  // fractional pixels, rounded up
      return {w: Math.ceil(rect.width), h: Math.ceil(rect.height)};
    });
    this.items.forEach((item, k) => {
      const box = inRange[k] ? choose(item.centred, points[k], sizes[k], taken, size) : null;
      this.draw(item, points[k], box);
      if (box) taken.push({x: box.x - 1, y: box.y - 1, w: box.w + 2, h: box.h + 2});
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
}
