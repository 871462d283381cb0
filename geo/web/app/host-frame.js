/* Host: the map inside streamlit-folium's iframe in the app. folium's script hands this bundle the Leaflet
 * map and its configuration ("juliaca:setup", geo/map/layers.py); the time control in the page around it
 * (same origin) hands it each step as a "juliaca:step" event, drawn at once inside the control's key or
 * input handler. The map announces itself ("juliaca:map-ready", and takes the core arrays the page has
 * already fetched), hands the clicker's keys to the control ("juliaca:key"), a popup's link to a person
 * killed to the list of the people killed beside it ("juliaca:person", {id}), and says when a step is
 * painted ("juliaca:painted"). Every step goes through checkedStep: data only.
 */
import css from "./map.css";
import screenCss from "./screen.css";
import frameCss from "./frame.css";
import { addStyle } from "./text.js";
import { MapView } from "./map.js";
import { Dataset } from "./dataset.js";
import { fetchJson } from "./fetch.js";
import { checkedStep } from "./step.js";
import { keyStep, keyTarget } from "./stepper.js";

addStyle(document, "jm-style", css);
addStyle(document, "jm-screen", screenCss);
addStyle(document, "jm-frame", frameCss);  // the map fills the iframe, whose height the page sets
document.addEventListener("juliaca:setup", (event) => start(event.detail.map, event.detail.config));

function start(map, config) {
  const parent = window.parent === window ? null : window.parent;
  let provide = null;
  const dataset = new Promise((resolve) => { provide = resolve; });
  const first = config.firstStep && checkedStep(config.firstStep);
  const actions = parent && config.peopleLinks ? {person: (id) => tell(parent, "juliaca:person", {from: window, id: String(id)})} : {};
  const view = new MapView(map, {...config, firstStep: first, actions}, dataset);
  const source = config.dataset, url = `${source.url}/core.json`;
  const offer = {from: window, url, core: null};
  if (parent) {
    window.addEventListener("juliaca:step", (event) => {
      const step = checkedStep(event.detail);
      if (step) view.takeStep(step);
    });
    document.addEventListener("keydown", (event) => handKey(event, parent, map.getContainer()));
    map.getContainer().addEventListener("jm-painted", () => tell(parent, "juliaca:painted", {from: window}));
    tell(parent, "juliaca:map-ready", offer);  // the page answers at once: the step shown, its core if fetched
  }
  const core = offer.core ? Promise.resolve(offer.core).catch(() => fetchJson(url)) : fetchJson(url);
  core.then((loaded) => provide(Dataset.served(loaded, source.url, config.lang)));
}

function tell(parent, type, detail) {
  parent.dispatchEvent(new parent.CustomEvent(type, {detail}));
}

/* Page Up/Down (a clicker) and the arrows outside the map step the time, even while the map has focus. */
function handKey(event, parent, container) {
  // the frame holds the map only: a Page key anywhere in it is pressed in the map
  const delta = keyStep(event, {...keyTarget(event.target, null, container), inControl: true});
  if (!delta) return;
  event.preventDefault();
  tell(parent, "juliaca:key", {from: window, delta});
}
