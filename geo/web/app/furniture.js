/* What a map has around its events: the legend, the frame the offline view keeps to, and what a snapshot
 * adds (a north arrow, a locator inset, a legend of only what is in the picture).
 */
import { el } from "./text.js";
import { svg, symbol } from "./symbols.js";
import { alive } from "./fans.js";

/* The legend, open on a wide map unless `folded` (classroom mode: the map is the picture, issue 23). It never
   reaches beyond the map (fitLegend). */
export function addLegend(map, legend, {folded = false, picture = false} = {}) {
  const control = L.control({position: "bottomleft"});
  const box = el("details", "jm-legend"), body = el("div", "jm-legend-body");
  control.onAdd = () => {
    if (map.getSize().x >= 900 && !folded) box.open = true;
    box.append(el("summary", null, legend.title));
    const list = el("ul");
    for (const item of legend.items) {
      const li = el("li");
      li.append(symbol(item.style, 14, {isNew: true}), el("span", null, item.label));
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

const LEGEND_LAYOUTS = ["", "columns", "columns-3", "columns-4"];  // a picture's legend, wider until it fits the map's height

/* A control's height with its margins. */
function outer(node) {
  const style = getComputedStyle(node);
  return node.offsetHeight + parseFloat(style.marginTop) + parseFloat(style.marginBottom);
}

/* How tall the controls of one corner stand, `skip` left out (Leaflet floats them: the corner's own height is 0). */
function stacked(container, corner, skip) {
  const controls = container.querySelectorAll(`${corner} > .leaflet-control`);
  return [...controls].filter((node) => node !== skip && node.offsetParent).reduce((sum, node) => sum + outer(node), 0);
}

/* Keep the legend inside the map: on screen it scrolls within the room left above the controls under it and
   below those above it; in a picture (a snapshot, the handout) nothing may be hidden, so it spreads into
   columns until it fits (issue 23: the handout's legend was cut at the map's top). */
export function fitLegend(map, box, picture) {
  if (!alive(map) || !box.isConnected) return;
  const container = map.getContainer();
  box.style.maxHeight = "";
  // the container's own height (Leaflet's cached size lags when the page around the map changes its size),
  // less the controls above the legend in its corner (the scale bar) and those in the corner over it
  const room = container.clientHeight - stacked(container, ".leaflet-top.leaflet-left", box)
    - stacked(container, ".leaflet-bottom.leaflet-left", box) - outer(box) + box.offsetHeight - 10;
  if (!picture) {
    box.style.maxHeight = `${Math.max(60, room)}px`;
    return;
  }
  for (const layout of LEGEND_LAYOUTS) {
    box.dataset.layout = layout;
    if (box.offsetHeight <= room) break;
  }
}

/* The offline layers cover a frame: keep the whole view inside it at every zoom and size. */
export function keepInFrame(map, frame) {
  if (!frame) return;
  // a tenth of a degree inside: Leaflet rounds the view to whole pixels, which can show a sliver beyond
  const inset = 0.1, bounds = L.latLngBounds([[frame[0][0] + inset, frame[0][1] + inset], [frame[1][0] - inset, frame[1][1] - inset]]);
  const floor = map.getMinZoom();
  map.getContainer().classList.add("jm-offline");
  map.options.zoomSnap = 0.25;  // vector layers only: a fractional zoom fits the frame closely
  map.options.maxBoundsViscosity = 1;
  const fit = () => {
    map.setMinZoom(Math.max(floor, map.getBoundsZoom(bounds, true)));
    map.setMaxBounds(bounds);
  };
  fit();
  map.on("resize", fit);
}

/* A snapshot's furniture, as `config.snapshot` asks; `shown()`: the categories in the picture now. */
export function addFurniture(map, config, shown) {
  const snapshot = config.snapshot;
  if (!snapshot) return;
  if (snapshot.northArrow) northArrow(map);
  if (snapshot.inset && config.frame) locatorInset(map, config);
  if (snapshot.legendShown) legendOfWhatIsShown(map, config, shown);
}

function northArrow(map) {
  const control = L.control({position: "topright"});
  control.onAdd = () => {
    const box = L.DomUtil.create("div", "jm-north");
    box.setAttribute("aria-hidden", "true");
    const line = {stroke: "#1d1d1d", "stroke-width": "1.2", "stroke-linejoin": "round"};
    box.append(svg("0 0 24 36", "22", "33", [{d: "M12 2 20 30 12 24z", fill: "#1d1d1d", ...line},
                                             {d: "M12 2 4 30 12 24z", fill: "#ffffff", ...line}]));
    box.append(el("div", "jm-north-letter", "N"));
    return box;
  };
  control.addTo(map);
}

/* A small map of Peru and its neighbours (the land data's frame), Peru shaded, the view outlined. */
function locatorInset(map, config) {
  const land = config.context.find((layer) => layer.style === "land" && layer.data);
  if (!land) return;
  const control = L.control({position: "topright"});
  control.onAdd = () => {
    const box = L.DomUtil.create("div", "jm-inset");
    box.setAttribute("aria-hidden", "true");
    L.DomEvent.disableClickPropagation(box);
    L.DomEvent.disableScrollPropagation(box);
    return box;
  };
  control.addTo(map);
  const inset = L.map(control.getContainer(), {attributionControl: false, zoomControl: false, dragging: false,
                                               scrollWheelZoom: false, doubleClickZoom: false, boxZoom: false, keyboard: false,
                                               touchZoom: false, zoomSnap: 0, fadeAnimation: false, zoomAnimation: false});
  inset.fitBounds(L.latLngBounds(config.frame), {padding: [0, 0]});
  L.geoJSON(land.data, {interactive: false, style: (feature) => ({
    color: "#6e6e6e", weight: 0.6, fillOpacity: 1,
    fillColor: feature.properties && feature.properties.name === "Peru" ? "#d9d3c7" : "#f3f1ec"})}).addTo(inset);
  const frame = L.rectangle(map.getBounds(), {color: "#D55E00", weight: 2, fill: false, interactive: false}).addTo(inset);
  const dot = L.circleMarker(map.getCenter(), {radius: 3, color: "#D55E00", weight: 2, fillOpacity: 1, interactive: false}).addTo(inset);
  map.on("moveend", () => { frame.setBounds(map.getBounds()); dot.setLatLng(map.getCenter()); });
}

/* Keep in the legend only the categories drawn on the map now (after every step). */
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
    if (!pending) { pending = true; Promise.resolve().then(update); }
  });
}
