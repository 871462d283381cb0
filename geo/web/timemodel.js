/* The time model in the browser, once for every place that needs it: the time control in the app's
 * page, the map in streamlit-folium's iframe (juliaca.js) and the exported page (page.js).
 *
 * It mirrors geo/model/timeline.py on the bundle's arrays (see geo/map/bundle.py): events sorted by reveal
 * time, so the events shown at t are a prefix found by binary search, and `running[c][k]` is the
 * toll of count column c over the first k events. tests/test_timemodel_browser.py checks it against
 * Python's state_at on the same data.
 *
 * A plain script (no import, no export): it sets window.JuliacaTime, and can be loaded by a
 * <script> tag, inlined, or imported for its effect by an ES module.
 */
(function (root) {
  "use strict";

  /* Binary search: how many of the sorted `values` are <= x. */
  function countUpTo(values, x) {
    var lo = 0, hi = values.length;
    while (lo < hi) {
      var mid = (lo + hi) >>> 1;
      if (values[mid] <= x) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  /* How many events are shown at t (epoch ms): those revealed at or before t. */
  function shownAt(core, t) { return countUpTo(core.reveal, t); }

  /* The toll at t, as {column: number}: the events revealed in [tollFrom, t] (tollFrom null: from the
     start), whatever the category filter (as geo.model.timeline.state_at). */
  function totalsAt(core, t, tollFrom) {
    var shown = shownAt(core, t);
    var base = tollFrom === null || tollFrom === undefined ? 0 : Math.min(countUpTo(core.reveal, tollFrom - 1), shown);
    var out = {};
    core.countColumns.forEach(function (name, c) { out[name] = core.running[c][shown] - core.running[c][base]; });
    return out;
  }

  /* The enabled categories as an array of booleans by category code, or null for all. */
  function categoryMask(core, cats) {
    if (!cats) return null;
    return core.categories.map(function (c) { return cats.indexOf(c) >= 0; });
  }

  /* Indices of the events visible at t, newest first: revealed at or before t, in the filter. */
  function visibleAt(core, t, cats) {
    var mask = categoryMask(core, cats), shown = shownAt(core, t), out = [];
    for (var i = shown - 1; i >= 0; i--) if (!mask || mask[core.cat[i]]) out.push(i);
    return out;
  }

  /* The index of the last step at or before t (0 if t is before every step). */
  function stepAt(steps, t) {
    var times = steps.map(function (s) { return s.t; });
    return Math.max(0, countUpTo(times, t) - 1);
  }

  /* Fill "{name}" placeholders from `values` (the strings come from geo/text/i18n.py). */
  function fill(template, values) {
    return String(template).replace(/\{(\w+)\}/g, function (all, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : all;
    });
  }

  root.JuliacaTime = {countUpTo: countUpTo, shownAt: shownAt, totalsAt: totalsAt, categoryMask: categoryMask,
                      visibleAt: visibleAt, stepAt: stepAt, fill: fill};
})(typeof window !== "undefined" ? window : globalThis);
