/* The exported page: the map, an hour slider with play/pause, the event list, counters, both
 * languages, all from data inlined in the page (window.JULIACA_PAGE). No server, no network.
 * Every text goes in with textContent. Snapshot mode (JULIACA_PAGE.snapshot) draws one step, still.
 */
(function () {
  "use strict";
  var page = window.JULIACA_PAGE;
  var state = {lang: page.lang, scale: page.scale, step: page.step, playing: null, map: null};

  function $(id) { return document.getElementById(id); }
  function el(tag, className, textValue) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (textValue !== undefined && textValue !== null) node.textContent = String(textValue);
    return node;
  }
  function strings() { return page.strings[state.lang]; }
  function steps() { return page.scales[state.scale]; }

  function buildMap() {
    if (state.map) state.map.remove();
    var view = page.view;
    var map = L.map("map", {zoomControl: !page.snapshot, attributionControl: true, fadeAnimation: false,
                            zoomAnimation: !page.snapshot, minZoom: 4, maxZoom: page.maxZoom})
      .setView(view.center, view.zoom);
    L.control.scale().addTo(map);
    if (page.tiles) {
      L.tileLayer(page.tiles.url, {attribution: page.tiles.attribution, maxZoom: page.maxZoom}).addTo(map);
    } else {
      map.getContainer().classList.add("jm-offline");
    }
    var config = page.config[state.lang];
    config.context.forEach(function (layer) { layer.data = page.layers[layer.name]; });
    config.dataset = {core: page.core, text: page.text[state.lang]};
    JuliacaMap.setup(map, config);
    if (page.snapshot) {
      var legend = document.querySelector(".jm-legend");
      if (legend) legend.open = true;
    }
    state.map = map;
  }

  /* Events shown at step t, newest first (geo/web/timemodel.js, as the app's control and map). */
  function visible(step) {
    return {indices: JuliacaTime.visibleAt(page.core, step.t, page.cats)};
  }

  function renderText(step) {
    var s = strings(), core = page.core, seen = visible(step);
    $("title").textContent = s.title;
    $("clock").textContent = step.clock[state.lang];
    $("clock-note").textContent = s["precision_note_" + state.scale];
    var counters = $("counters");
    counters.textContent = "";
    /* the toll counts events revealed in [tollFrom, t]: on the hourly scale, 9 January only */
    var totals = JuliacaTime.totalsAt(core, step.t, page.tollFrom[state.scale]);
    core.countColumns.forEach(function (name) {
      var box = el("div", "counter");
      box.appendChild(el("div", "counter-value", totals[name]));
      box.appendChild(el("div", "counter-label", s[name]));
      counters.appendChild(box);
    });
    $("credit").textContent = page.credit[state.lang];
    if (page.snapshot) return;
    $("step-label").textContent = step.name[state.lang];
    $("play").textContent = state.playing ? s.pause : s.play;
    $("back").textContent = s.previous;
    $("forward").textContent = s.next;
    $("slider").setAttribute("aria-label", s.time);
    $("list-heading").textContent = JuliacaTime.fill(s.list_heading, {n: seen.indices.length});
    var list = $("events");
    list.textContent = "";
    seen.indices.slice(0, page.listLimit).forEach(function (i) {
      var t = JuliacaMap.dataset.textOf(i);
      var item = el("li");
      item.appendChild(el("div", "ev-time", t.time));
      item.appendChild(el("div", "ev-title", t.title));
      item.appendChild(el("div", "ev-place", t.place || s.not_mapped));
      item.appendChild(el("div", "ev-status", t.status_label));
      list.appendChild(item);
    });
    document.documentElement.lang = state.lang;
  }

  function show(index) {
    var all = steps();
    state.step = Math.max(0, Math.min(all.length - 1, index));
    var step = all[state.step];
    JuliacaMap.drawStep(null, {t: step.t, iso: step.iso, newFrom: step.newFrom, cats: page.cats, selected: null});
    renderText(step);
    if (!page.snapshot) $("slider").value = String(state.step);
  }

  function setLanguage(lang) {
    state.lang = lang;
    buildMap();
    show(state.step);
    document.querySelectorAll("[data-lang]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute("data-lang") === lang));
    });
  }

  function togglePlay() {
    if (state.playing) {
      window.clearInterval(state.playing);
      state.playing = null;
    } else {
      if (state.step >= steps().length - 1) show(0);
      state.playing = window.setInterval(function () {
        if (state.step >= steps().length - 1) { togglePlay(); return; }
        show(state.step + 1);
      }, 1000);
    }
    show(state.step);
  }

  function wireControls() {
    var slider = $("slider");
    slider.max = String(steps().length - 1);
    slider.addEventListener("input", function () { show(Number(slider.value)); });
    $("back").addEventListener("click", function () { show(state.step - 1); });
    $("forward").addEventListener("click", function () { show(state.step + 1); });
    $("play").addEventListener("click", togglePlay);
    document.querySelectorAll("[data-lang]").forEach(function (button) {
      button.addEventListener("click", function () { setLanguage(button.getAttribute("data-lang")); });
    });
    document.addEventListener("keydown", function (e) {
      if (e.target === slider) return;  // the range input steps itself
      if (e.key === "ArrowRight" || e.key === "PageDown") { show(state.step + 1); e.preventDefault(); }
      if (e.key === "ArrowLeft" || e.key === "PageUp") { show(state.step - 1); e.preventDefault(); }
    });
  }

  /* Exposed for tests and for the snapshot renderer. */
  window.JuliacaPage = {show: show, setLanguage: setLanguage, state: state};
  if (!page.snapshot) wireControls();
  setLanguage(state.lang);  // builds the map and draws the first step
})();
