/* Fans: events at the same place fan out on a spiral, and places that fall together at the zoom shown
 * (Juliaca and its airport in the region view) have their fans pushed apart, each with a thin line to its
 * place, so that every event keeps its own symbol. The geometry is pure (test/fans.test.js).
 */
const GOLDEN = 2.399963;
const FAN_SPACING = 14;  // px: the spiral grows by this radius per sqrt(slot)
const FAN_GAP = 2;       // px kept clear between two hit areas at one place
export const TARGET = 24;  // px: the smallest hit area of a symbol (WCAG 2.2, 2.5.8 target size)
const TOGETHER = 40;     // px: closer than this, two places read as one spot
const FROM_ZOOM = 7.5;   // regional scales; at national scale a push would carry symbols into other towns

/* A place's fan: the offset of each slot, computed once per slot in the order the events appear, so
   that an event never moves once drawn; each hit area (`halves[k]`: half its size) keeps FAN_GAP px clear. */
export class Fan {
  constructor() {
    this.placed = [];
    this.s = 0;
  }

  offset(slot, halfOf) {
    while (this.placed.length <= slot) {
      const half = halfOf(this.placed.length);
      for (;; this.s += 0.1) {
        const r = FAN_SPACING * Math.sqrt(this.s);
        const x = Math.round(r * Math.cos(this.s * GOLDEN)), y = Math.round(r * Math.sin(this.s * GOLDEN));
        if (this.clear(x, y, half)) { this.placed.push({x, y, half}); break; }
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
}

/* Pixel shifts {place: [dx, dy]} that push apart the fans of places closer than TOGETHER px, along the
   line between them, until their fans (of `radius[p]` px) no longer overlap (a few relaxation passes).
   `points[p]`: each place's position in pixels. The place with most reach moves least. */
export function pushApart(points, radius, zoom) {
  const ids = Object.keys(points), out = {};
  ids.forEach((p) => { out[p] = [0, 0]; });
  if (zoom < FROM_ZOOM) return out;
  for (let pass = 0; pass < 4; pass++) {
    for (let a = 0; a < ids.length; a++) {
      for (let b = a + 1; b < ids.length; b++) {
        const pa = ids[a], pb = ids[b], ox = points[pb].x - points[pa].x, oy = points[pb].y - points[pa].y;
        if (Math.hypot(ox, oy) >= TOGETHER) continue;  // apart on the map: left where they are
        let vx = ox + out[pb][0] - out[pa][0], vy = oy + out[pb][1] - out[pa][1];
        let d = Math.hypot(vx, vy);
        const need = radius[pa] + radius[pb];
        if (d >= need) continue;
        if (d < 0.5) { vx = 1; vy = 0; d = 1; }
        const gap = need - d, moveA = gap * radius[pb] / need, moveB = gap * radius[pa] / need;
        out[pa][0] -= vx / d * moveA; out[pa][1] -= vy / d * moveA;
        out[pb][0] += vx / d * moveB; out[pb][1] += vy / d * moveB;
      }
    }
  }
  ids.forEach((p) => { out[p] = [Math.round(out[p][0]), Math.round(out[p][1])]; });
  return out;
}

/* The fans of one dataset on one Leaflet map: offsets per event, shifts per place at the current zoom,
   and the leader lines from displaced places. `markers()`: the event indices drawn as symbols now;
   `restyle()`: redraw every symbol (their icons carry the offsets); `size(i)`: event i's symbol in px (the
   data's, or larger in classroom mode). */
export class Fans {
  constructor(map, dataset, {markers, restyle, size}) {
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
    map.on("layeradd layerremove", () => {  // a step added or removed symbols
      if (pending) return;
      pending = true;
      Promise.resolve().then(() => { pending = false; this.drawLeaders(); });
    });
  }

  /* Event i's offset from its place, in px, shift of its place's fan included. */
  offset(i) {
    const core = this.data.core, p = core.place[i], list = this.data.byPlace[p] || [i];
    const fan = this.fans[p] || (this.fans[p] = new Fan());
    const own = fan.offset(core.slot[i], (k) => Math.max(this.size(list[k]), TARGET) / 2);
    const shift = this.current()[p] || [0, 0];
    return {x: own.x + shift[0], y: own.y + shift[1]};
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
    const wanted = [...here].filter((p) => { const s = this.shifts[p]; return s && (s[0] || s[1]); });
    const signature = `${this.shiftsAt}:${wanted.join(",")}`;
    if (signature === this.leadersDrawn) return;
    this.leadersDrawn = signature;
    this.leaders.clearLayers();
    for (const p of wanted) {
      const s = this.shifts[p], first = this.data.byPlace[p][0], at = L.latLng(core.lat[first], core.lon[first]);
      const to = this.map.unproject(this.map.project(at).add(L.point(s[0], s[1])));
      this.leaders.addLayer(L.polyline([at, to], {color: "#444444", weight: 1, interactive: false}));
    }
  }
}

/* A map removed (the page rebuilds it for another language) may still hear a queued event: ignore it. */
export function alive(map) {
  return Boolean(map && map._mapPane && map._loaded);
}
