import { test } from "node:test";
import assert from "node:assert/strict";
import { countUpTo, shownAt, totalsAt, visibleAt, categoryMask } from "../timemodel.js";

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
