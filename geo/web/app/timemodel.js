/* The time model in the browser: what is shown at a time, and the toll.
 *
 * It mirrors geo/model/timeline.py on the bundle's arrays (geo/map/bundle.py): events sorted by reveal
 * time, so the events shown at t are a prefix found by binary search, and `running[c][k]` is the toll
 * of count column c over the first k events. Pure: test/timemodel.test.js, and tests/test_timemodel.py
 * against Python's state_at on the same data.
 */

/* How many of the sorted `values` are <= x. */
export function countUpTo(values, x) {
  let lo = 0, hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] <= x) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/* How many events are shown at t (epoch ms): those revealed at or before t. */
export function shownAt(core, t) {
  return countUpTo(core.reveal, t);
}

/* The toll at t, as {column: number}: the events revealed in [tollFrom, t] (tollFrom null: from the
   start), whatever the category filter (as geo.model.timeline.state_at). */
export function totalsAt(core, t, tollFrom) {
  const shown = shownAt(core, t);
  const base = tollFrom === null || tollFrom === undefined ? 0 : Math.min(countUpTo(core.reveal, tollFrom - 1), shown);
  const out = {};
  core.countColumns.forEach((name, c) => { out[name] = core.running[c][shown] - core.running[c][base]; });
  return out;
}

/* The enabled categories as an array of booleans by category code, or null for all. */
export function categoryMask(core, cats) {
  if (!cats) return null;
  return core.categories.map((c) => cats.includes(c));
}

/* The events `src` (a source id) reports, as an array of booleans by event, or null for every source
   (as state_at's `source`). A source the dataset does not hold reports nothing. */
export function sourceMask(core, src) {
  if (!src) return null;
  const k = (core.sourceIds || []).indexOf(src);
  return Array.from({length: core.n}, (_, i) => k >= 0 && (core.src || [])[i].includes(k));
}

/* Indices of the events visible at t, newest first: revealed at or before t, in the filter, reported by the
   source chosen (the toll does not change: totalsAt). */
export function visibleAt(core, t, cats, src) {
  const mask = categoryMask(core, cats), by = sourceMask(core, src), out = [];
  for (let i = shownAt(core, t) - 1; i >= 0; i--) if ((!mask || mask[core.cat[i]]) && (!by || by[i])) out.push(i);
  return out;
}

/* Where the time control reaches event `id` (by its id in `core`): "map" if a step of `steps` ({key, map: {t}})
   shows it, "days" if only the day scale does (the steps are hours: their keys, as in a link, have a "T"),
   null if the data does not hold it, no step reaches it, or the category filter `cats` or the source chosen
   `src` hides it (as visibleAt). */
export function whereEvent(core, steps, id, cats = null, src = null) {
  const i = core.ids.indexOf(id);
  if (i < 0 || !steps.length) return null;
  const mask = categoryMask(core, cats), by = sourceMask(core, src);
  if ((mask && !mask[core.cat[i]]) || (by && !by[i])) return null;
  if (core.reveal[i] <= steps[steps.length - 1].map.t) return "map";
  return String(steps[0].key).includes("T") ? "days" : null;
}
