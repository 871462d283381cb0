import { test } from "node:test";
import assert from "node:assert/strict";
import { countUpTo, shownAt, totalsAt, visibleAt, categoryMask, sourceMask, whereEvent } from "../timemodel.js";

const core = {reveal: [10, 20, 20, 30], cat: [0, 1, 0, 1], categories: ["march", "shooting"],
              countColumns: ["civilians_killed"], running: [[0, 1, 3, 3, 7]]};

test("countUpTo counts the sorted values at or below x, at the edges too", () => {
  assert.deepEqual([5, 10, 19, 20, 29, 30, 99].map((x) => countUpTo(core.reveal, x)), [0, 1, 1, 3, 3, 4, 4]);
  assert.equal(countUpTo([], 5), 0);
});

test("an event exactly on a step is shown at that step", () => {
  assert.equal(shownAt(core, 20), 3);
});

test("visible events are newest first and follow the filter", () => {
  assert.deepEqual(visibleAt(core, 25, null), [2, 1, 0]);
  assert.deepEqual(visibleAt(core, 25, ["shooting"]), [1]);
  assert.deepEqual(visibleAt(core, 25, []), []);
  assert.deepEqual(categoryMask(core, ["march"]), [true, false]);
});

test("the toll counts from tollFrom, whatever the filter", () => {
  assert.deepEqual(totalsAt(core, 30, null), {civilians_killed: 7});
  assert.deepEqual(totalsAt(core, 30, 20), {civilians_killed: 6});  // the events revealed in [20, 30]
  assert.deepEqual(totalsAt(core, 5, 20), {civilians_killed: 0});
});

const sourced = {...core, n: 4, sourceIds: ["seed", "outlet_a", "outlet_b"], src: [[0], [0, 1], [2], []]};

test("one source shows only the events it reports, with the category filter too", () => {
  assert.deepEqual(visibleAt(sourced, 30, null, "outlet_a"), [1]);
  assert.deepEqual(visibleAt(sourced, 30, null, "seed"), [1, 0]);
  assert.deepEqual(visibleAt(sourced, 30, ["march"], "seed"), [0]);
  assert.deepEqual(visibleAt(sourced, 30, null, null), [3, 2, 1, 0]);
  assert.deepEqual(sourceMask(sourced, "outlet_b"), [false, false, true, false]);
});

test("a source the dataset does not hold shows nothing, and a dataset without sources too", () => {
  assert.deepEqual(visibleAt(sourced, 30, null, "nowhere"), []);
  assert.deepEqual(visibleAt({...core, n: 4}, 30, null, "seed"), []);
  assert.equal(sourceMask(sourced, null), null);
});

test("the toll does not follow the source chosen", () => {
  assert.deepEqual(totalsAt(sourced, 30, null), totalsAt(core, 30, null));
});

test("an event the steps reach is on the map; a later one on the hourly scale is on the day scale's", () => {
  const ids = {...core, ids: ["a", "b", "c", "d"]};
  const hours = [{key: "2023-01-09T00:00", map: {t: 15}}, {key: "2023-01-09T01:00", map: {t: 25}}];
  const days = [{key: "2023-01-09", map: {t: 25}}];
  assert.deepEqual(["a", "c", "d", "nope"].map((id) => whereEvent(ids, hours, id)), ["map", "map", "days", null]);
  assert.deepEqual(["a", "d"].map((id) => whereEvent(ids, days, id)), ["map", null]);
  assert.equal(whereEvent(ids, [], "a"), null);
});

test("an event the category filter or the source chosen hides is not on the map shown", () => {
  const ids = {...sourced, ids: ["a", "b", "c", "d"]};
  const hours = [{key: "2023-01-09T00:00", map: {t: 15}}, {key: "2023-01-09T01:00", map: {t: 25}}];
  const shownBySeed = ids.ids.filter((_, i) => sourceMask(ids, "seed")[i]);
  const hiddenBySeed = ids.ids.filter((_, i) => !sourceMask(ids, "seed")[i]);
  assert.ok(shownBySeed.length && hiddenBySeed.length);
  assert.equal(whereEvent(ids, hours, hiddenBySeed[0], null, "seed"), null);
  assert.notEqual(whereEvent(ids, hours, shownBySeed[0], null, "seed"), null);
  assert.equal(whereEvent(ids, hours, "a", [], null), null);  // no category enabled
});
