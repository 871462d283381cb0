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
    core.countColumns.forEach(function (name, c) {
      var box = el("div", "counter");
      /* the counters as worded in Python ("over 100"); the time model's totals for data exported without them */
      box.appendChild(el("div", "counter-value", step.toll ? step.toll[state.lang][c] : totals[name]));
      box.appendChild(el("div", "counter-label", s[name]));
      counters.appendChild(box);
    });
    counters.appendChild(el("div", "counter-scope", s["toll_scope_" + (state.scale === "hour" ? "hour" : "day")]));
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
    JuliacaMap.drawStep(null, {t: step.t, iso: step.iso, newFrom: step.newFrom, cats: page.cats, selected: null,
                               highlight: page.highlight, title: step.mapTitle[state.lang]});
    renderText(step);
    $("summary-heading").textContent = strings().summary_heading;
    $("summary-text").textContent = page.summaries[state.scale][state.step][state.lang];
    if (!page.snapshot) {
      $("slider").value = String(state.step);
      $("slider").setAttribute("aria-valuetext", step.clock[state.lang]);  // the time in words, not a bare number
    }
    document.dispatchEvent(new CustomEvent("juliaca:shown", {detail: {key: step.key, scale: state.scale,
                                                                       lang: state.lang}}));
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

/* Links and embeds: a self-contained block, after the page above (it uses only window.JULIACA_PAGE,
 * window.JuliacaPage and the "juliaca:shown" event). Documented in docs/journalists.md, "Images, animations
 * and embeds". Every message is data: each field is checked against a pattern or a list, and
 * nothing from a message or the URL is ever evaluated or put in the page as markup.
 *
 *   The page opens at ?t=2023-01-09T17:00&lang=es&view=airport (or the same after #).
 *   To its parent window, when it is in an iframe:
 *     {type: "juliaca:ready"}                                   once, when it accepts messages
 *     {type: "juliaca:height", height: 812}                     the content's height in CSS pixels, on
 *                                                                 load and whenever it changes
 *     {type: "juliaca:step", t: "2023-01-09T18:00", scale: "hour", lang: "es"}   after each step shown
 *   From its parent window only:
 *     {type: "juliaca:goto", t: "2023-01-09T17:20", lang: "es", view: "airport"}   lang, view optional;
 *        t as in a link; a time between steps shows the first step that includes it (17:20 -> 18:00)
 *     {type: "juliaca:lang", lang: "es"}
 *     {type: "juliaca:view", view: "airport"}
 */
(function () {
  "use strict";
  var page = window.JULIACA_PAGE, api = window.JuliacaPage;
  if (!page || !api || page.snapshot) return;
  var HOUR = 3600000, DAY = 24 * HOUR;
  var STEP_SIZE = {hour: HOUR, day: DAY};
  var STEP_PATTERN = /^(\d{4})-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2}))?)?$/;
  var framed = (function () { try { return window.self !== window.top; } catch (e) { return true; } })();

  /* Lima has been UTC-5 all year since 1994 (no daylight saving). */
  function limaMs(y, month, d, h, mi) { return Date.UTC(y, month - 1, d, h + 5, mi); }

  function firstStepFrom(scale, ms) {
    var all = page.scales[scale];
    if (!all.length || ms <= all[0].t - STEP_SIZE[scale] || ms > all[all.length - 1].t) return -1;
    for (var i = 0; i < all.length; i++) if (all[i].t >= ms) return i;
    return -1;
  }

  /* A step as in a link (2023-01-09T17:00, 2023-01-12, 2023-03), or any time between steps:
   * {scale, index} of the first step that includes it, or null. */
  function stepFor(value) {
    if (typeof value !== "string" || value.length > 16) return null;
    for (var scale in page.scales) {
      for (var i = 0; i < page.scales[scale].length; i++) {
        if (page.scales[scale][i].key === value) return {scale: scale, index: i};
      }
    }
    var m = STEP_PATTERN.exec(value);
    if (!m) return null;
    var y = Number(m[1]), month = Number(m[2]), d = m[3] ? Number(m[3]) : 0, ms;
    if (month < 1 || month > 12) return null;
    if (m[4] !== undefined) ms = limaMs(y, month, d, Number(m[4]), Number(m[5]));
    else if (m[3]) ms = limaMs(y, month, d, 23, 0);
    else ms = limaMs(y, month + 1, 0, 23, 0);  // day 0 of the next month: this month's last day
    var check = new Date(ms - 5 * HOUR);
    if (m[3] && (check.getUTCDate() !== d || check.getUTCMonth() !== month - 1)) return null;  // 31 February
    if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59)) return null;
    var index = m[4] !== undefined ? firstStepFrom("hour", ms) : -1;
    if (index >= 0) return {scale: "hour", index: index};
    index = firstStepFrom("day", ms);
    return index >= 0 ? {scale: "day", index: index} : null;
  }

  function goToStep(found) {
    if (api.state.scale !== found.scale) {
      api.state.scale = found.scale;
      var slider = document.getElementById("slider");
      if (slider) slider.max = String(page.scales[found.scale].length - 1);
    }
    api.show(found.index);
  }

  function setView(name) {
    if (!Object.prototype.hasOwnProperty.call(page.views, name)) return false;
    page.view = page.views[name];  // kept when a change of language rebuilds the map
    api.state.map.setView(page.view.center, page.view.zoom);
    return true;
  }

  function setLanguage(lang) {
    if (!Object.prototype.hasOwnProperty.call(page.strings, lang)) return false;
    if (lang !== api.state.lang) api.setLanguage(lang);
    return true;
  }

  /* {t, lang, view}: every field optional and checked; an unknown value is ignored, not guessed. */
  function apply(request) {
    if (typeof request.lang === "string") setLanguage(request.lang);
    if (typeof request.view === "string") setView(request.view);
    var found = typeof request.t === "string" ? stepFor(request.t) : null;
    if (found) goToStep(found);
    return found;
  }

  function fromAddress() {
    var query = window.location.search.slice(1) || window.location.hash.slice(1);
    if (!query) return;
    var params = new URLSearchParams(query);
    apply({t: params.get("t") || undefined, lang: params.get("lang") || undefined,
           view: params.get("view") || undefined});
  }

  function tell(message) {
    if (framed) window.parent.postMessage(message, "*");  // nothing private: heights and step names
  }

  var lastHeight = -1;
  function postHeight() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== lastHeight) { lastHeight = height; tell({type: "juliaca:height", height: height}); }
  }

  function onMessage(event) {
    if (!framed || event.source !== window.parent) return;  // only the page that embeds us
    var data = event.data;
    if (!data || typeof data !== "object" || typeof data.type !== "string") return;
    if (data.type === "juliaca:goto") apply({t: data.t, lang: data.lang, view: data.view});
    else if (data.type === "juliaca:lang") setLanguage(data.lang);
    else if (data.type === "juliaca:view" && typeof data.view === "string") setView(data.view);
  }

  window.JuliacaEmbed = {stepFor: stepFor, apply: apply};  // for tests
  fromAddress();
  if (!framed) return;
  document.documentElement.classList.add("embedded");
  document.addEventListener("juliaca:shown", function (event) {
    tell({type: "juliaca:step", t: event.detail.key, scale: event.detail.scale, lang: event.detail.lang});
  });
  window.addEventListener("message", onMessage);
  if (window.ResizeObserver) new ResizeObserver(postHeight).observe(document.body);
  window.addEventListener("resize", postHeight);
  window.addEventListener("load", postHeight);
  tell({type: "juliaca:ready"});
  var current = page.scales[api.state.scale][api.state.step];
  tell({type: "juliaca:step", t: current.key, scale: api.state.scale, lang: api.state.lang});
  postHeight();
})();
