import { test } from "node:test";
import assert from "node:assert/strict";
import { besideBox, choose, free, overlaps } from "../labels.js";

const size = {x: 400, y: 300};

test("a label goes to the right of its point when that is free", () => {
  const box = choose(false, {x: 100, y: 100}, {w: 40, h: 12}, [], size);
  assert.deepEqual(box, {x: 105, y: 94, w: 40, h: 12, far: false});
});

test("a label moves to another side, then farther out with a leader, and never overlaps what is taken", () => {
  const p = {x: 100, y: 100}, wh = {w: 40, h: 12};
  const taken = [besideBox(p, 40, 12, [1, 0], 5), besideBox(p, 40, 12, [-1, 0], 5)];
  const box = choose(false, p, wh, taken, size);
  assert.ok(box && !taken.some((t) => overlaps(box, t)));
  assert.equal(box.far, true, "both sides at 5 px are taken, and so is every other side that near: farther out");
  const crowded = [{x: 70, y: 70, w: 60, h: 60}];
  const far = choose(false, p, wh, crowded, size);
  assert.ok(far.far && !overlaps(far, crowded[0]));
});

test("a label that fits nowhere is hidden (null), and none leaves the map", () => {
  assert.equal(choose(false, {x: 100, y: 100}, {w: 40, h: 12}, [{x: 0, y: 0, w: 400, h: 300}], size), null);
  assert.equal(free({x: 390, y: 10, w: 40, h: 12}, [], size), false);
});

test("names of areas stay centred when they can", () => {
  assert.deepEqual(choose(true, {x: 200, y: 150}, {w: 60, h: 14}, [], size), {x: 170, y: 143, w: 60, h: 14});
});
