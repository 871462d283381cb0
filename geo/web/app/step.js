/* A step as the map takes it: numbers, ids, category names and a source id only (geo/map/steps.py, step_message).
 * `checkedStep` lets through nothing else: a field of another type, or anything that is not a step, is
 * refused whole. Pure: test/step.test.js.
 */
const isTime = (x) => typeof x === "number" && Number.isFinite(x);
const isNames = (x) => Array.isArray(x) && x.every((v) => typeof v === "string");
const isNone = (x) => x === null || x === undefined;

/* The message for the map at `step` (one of the steps Python gave), with the filter, the selection and the
   source whose events alone are shown (null: every source). */
export function stepMessage(step, cats, selected, src) {
  return {...step.map, cats: cats || null, selected: selected || null, src: src || null};
}

/* A step message as the map draws it, or null if it is not one. */
export function checkedStep(step) {
  if (!step || typeof step !== "object" || !isTime(step.t) || !isTime(step.newFrom) || typeof step.iso !== "string") return null;
  if (!isNone(step.cats) && !isNames(step.cats)) return null;
  if (!isNone(step.selected) && typeof step.selected !== "string") return null;
  if (!isNone(step.src) && typeof step.src !== "string") return null;
  if (!isNone(step.highlight) && !isNames(step.highlight)) return null;
  if (!isNone(step.title) && typeof step.title !== "string") return null;
  const out = {t: step.t, iso: step.iso, newFrom: step.newFrom, cats: step.cats ? [...step.cats] : null,
               selected: step.selected || null, src: step.src || null,
               highlight: step.highlight ? [...step.highlight] : null,
               title: step.title ? step.title.slice(0, 200) : null};  // the frame's name: an attribute, never markup
  const view = step.view;
  if (view && Array.isArray(view.center) && view.center.length === 2 && view.center.every(isTime) && isTime(view.zoom)) {
    out.view = {center: [view.center[0], view.center[1]], zoom: view.zoom};
  }
  return out;
}
