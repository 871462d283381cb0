/* The map on every screen (issue 23): a phone, a laptop, a projector, with or without internet.
 *
 *   watchTiles   the tiles cannot be reached (they fail before any arrives, or none comes in time): the
 *                host switches to the offline base by itself;
 *   fitPopups    a popup fits inside the map: narrower and shorter than the map, panned into view;
 *   giveWay      a hover label never stays under an open popup (on touch, none opens while one is open);
 *   foldCredit   the credit line folds into a button when it does not fit on one line beside the legend,
 *                as the compact attributions of other web maps do; the button opens it in place;
 *   quietLine    one line that says what the map did by itself, politely to screen readers too;
 *   focusInPlace a press on the map focuses it without scrolling the page (Leaflet's own focus() scrolled
 *                the page around a map partly below the fold, and the press then missed its symbol).
 * Every text goes in with textContent.
 */
import { el } from "./text.js";
import { alive } from "./fans.js";

export const TILE_WAIT_MS = 10000;  // no tile in this long: the tiles cannot be reached (a network that never answers)
const MARGIN = 12;                  // px kept between a popup and the map's edges
const POPUP_CHROME = {x: 48, y: 56}; // px a Leaflet popup adds around its content (margins, close button, tip)
let credits = 0;                    // each credit line's id, for its button's aria-controls

/* Call `unreachable()` once if the map's tile layers fail before a single tile has arrived, or if none has
   arrived after `waitMs`. A tile that fails after others have arrived is a gap, not a lost connection. */
export function watchTiles(map, unreachable, waitMs = TILE_WAIT_MS, timers = globalThis) {
  const layers = [];
  map.eachLayer((layer) => { if (layer instanceof L.TileLayer) layers.push(layer); });
  if (!layers.length) return;
  let arrived = 0, failed = 0, done = false;
  const give = () => {
    if (done || arrived) return;
    done = true;
    timers.clearTimeout(timer);
    unreachable();
  };
  for (const layer of layers) {
    layer.on("tileload", () => { arrived += 1; });
    layer.on("tileerror", () => { failed += 1; if (failed >= 2) give(); });
  }
  const timer = timers.setTimeout(give, waitMs);
}

/* The popup's largest size inside a map of `size` px whose controls take `bars` px at its top and bottom:
   its content's maxWidth and maxHeight (pure). */
export function popupRoom(size, bars = {top: 0, bottom: 0}, wanted = {maxWidth: 320, maxHeight: 380}) {
  return {maxWidth: Math.max(120, Math.min(wanted.maxWidth, size.x - 2 * MARGIN - POPUP_CHROME.x)),
          maxHeight: Math.max(80, Math.min(wanted.maxHeight || Infinity,
                                           size.y - bars.top - bars.bottom - 2 * MARGIN - POPUP_CHROME.y))};
}

/* How much of the map's top and bottom its controls take (zoom, the quiet line; the credit, the scale, the
   legend), each at most a third of the map: controls lie above popups, so a popup keeps clear of them. */
function controlBars(map) {
  const container = map.getContainer(), third = map.getSize().y / 3;
  const height = (corner) => {
    const node = container.querySelector(corner);
    return node ? Math.min(third, node.getBoundingClientRect().height) : 0;
  };
  return {top: Math.max(height(".leaflet-top.leaflet-left"), height(".leaflet-top.leaflet-right")),
          bottom: Math.max(height(".leaflet-bottom.leaflet-left"), height(".leaflet-bottom.leaflet-right"))};
}

/* Every popup of `map` sized to fit inside it when it opens (and when the map is resized), then panned into
   view clear of the controls: a phone's narrow map never cuts one off, and its close button stays free. */
export function fitPopups(map) {
  const wanted = new WeakMap();  // each popup's own maxWidth/maxHeight, before any fitting
  const fit = (popup) => {
    if (!wanted.has(popup)) wanted.set(popup, {maxWidth: popup.options.maxWidth, maxHeight: popup.options.maxHeight});
    const size = map.getSize(), bars = controlBars(map), room = popupRoom(size, bars, wanted.get(popup));
    Object.assign(popup.options, room, {minWidth: Math.min(popup.options.minWidth || 50, room.maxWidth), autoPan: true,
                                        autoPanPaddingTopLeft: [MARGIN, bars.top + MARGIN],
                                        autoPanPaddingBottomRight: [MARGIN, bars.bottom + MARGIN]});
    popup.update();
    /* what the popup adds around its content depends on the style (a touch screen's larger close button):
       measured, the rest comes off its content */
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
    map.eachLayer((layer) => { if (layer instanceof L.Popup && map.hasLayer(layer)) fit(layer); });
  });
}

function boxOf(node) {
  return node ? node.getBoundingClientRect() : null;
}

function overlap(a, b) {
  return Boolean(a && b) && a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/* Hover labels give way to an open popup: its own marker's label closes when the popup opens, and a label
   that opens over or under it closes at once; on a touch screen (no hover to end it) none opens meanwhile.
   `group`: the layer group holding the markers (its events name the marker, `event.layer`). */
export function giveWay(map, group) {
  let open = null, source = null;
  const coarse = () => Boolean(window.matchMedia && window.matchMedia("(pointer: coarse)").matches);
  group.on("popupopen", (event) => { source = event.layer; });
  map.on("popupopen", (event) => {
    open = event.popup;
    map.eachLayer((layer) => { if (layer.getTooltip && layer.getTooltip() && layer.isTooltipOpen()) layer.closeTooltip(); });
  });
  map.on("popupclose", (event) => { if (event.popup === open) { open = null; source = null; } });
  const closeIfInTheWay = (tooltip, layer) => {
    if (!open || !map.hasLayer(open)) return;
    if (layer === source || coarse() || overlap(boxOf(tooltip.getElement()), boxOf(open.getElement()))) {
      Promise.resolve().then(() => { if (layer && layer.closeTooltip) layer.closeTooltip(); else tooltip.close(); });
    }
  };
  group.on("tooltipopen", (event) => closeIfInTheWay(event.tooltip, event.layer));
  map.on("tooltipopen", (event) => closeIfInTheWay(event.tooltip, null));
}

/* The credit line folds into a button ("© Credits") when, on one line, it would not fit beside the legend;
   pressing it shows the credit in place, pressing again folds it. Never in a snapshot: a picture keeps its
   credit whole. `label`: the button's words. */
export function foldCredit(map, label) {
  const credit = map.attributionControl;
  if (!credit || !label) return;
  const line = credit.getContainer(), id = `jm-credit-${++credits}`;
  line.id = id;
  const control = L.control({position: "bottomright"});
  const button = el("button", "jm-credit-button", label);
  Object.assign(button, {type: "button"});
  button.setAttribute("aria-controls", id);
  control.onAdd = () => {
    const box = el("div", "jm-credit");
    box.append(button, line);  // Leaflet keeps writing the credit into its own element, wherever it stands
    L.DomEvent.disableClickPropagation(box);
    return box;
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
  button.addEventListener("click", () => { opened = !opened; show(); });
  map.on("resize", show);
  if (window.ResizeObserver) new ResizeObserver(() => { if (alive(map)) show(); }).observe(map.getContainer());
  show();
}

/* Whether the credit, on one line, fits in the map's width beside what the bottom-left corner holds. */
function fitsOnOneLine(map, box, line) {
  const was = box.className;
  box.classList.add("jm-credit-measure");
  const width = line.scrollWidth;
  box.className = was;
  const left = map.getContainer().querySelector(".leaflet-bottom.leaflet-left");
  const taken = left ? left.getBoundingClientRect().width : 0;
  return width + taken + 2 * MARGIN <= map.getSize().x;
}

/* The map takes the focus on a press as Leaflet makes it do, but with the page left where it is: focused
   first here (capture), Leaflet finds it focused and does not call focus() itself. */
export function focusInPlace(map) {
  const container = map.getContainer();
  container.addEventListener("mousedown", () => {
    if (container.ownerDocument.activeElement !== container) container.focus({preventScroll: true});
  }, true);
}

/* One quiet line at the top of the map that says what it did by itself (a status: read once, politely). */
export function quietLine(map, words) {
  const control = L.control({position: "topright"});
  control.onAdd = () => {
    const line = el("div", "jm-quiet");
    line.setAttribute("role", "status");
    requestAnimationFrame(() => { line.textContent = words; });  // into a live region already there: it is read
    return line;
  };
  control.addTo(map);
  return control;
}
