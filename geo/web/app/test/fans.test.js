import { test } from "node:test";
import assert from "node:assert/strict";
import { Fan, pushApart } from "../fans.js";

test("a fan's symbols never overlap, and a slot keeps its offset once placed", () => {
  const fan = new Fan(), half = () => 12;
  const offsets = [0, 1, 2, 3, 4, 5].map((slot) => ({...fan.offset(slot, half)}));
  for (let a = 0; a < offsets.length; a++) {
    for (let b = a + 1; b < offsets.length; b++) {
      const apart = Math.abs(offsets[a].x - offsets[b].x) >= 26 || Math.abs(offsets[a].y - offsets[b].y) >= 26;
      assert.ok(apart, `slots ${a} and ${b} overlap`);
    }
  }
  assert.deepEqual(fan.offset(2, half), offsets[2]);
});

test("places closer than a spot are pushed apart until their fans clear; far ones and national zooms stay", () => {
  const shifts = pushApart({a: {x: 0, y: 0}, b: {x: 10, y: 0}, c: {x: 500, y: 0}}, {a: 30, b: 10, c: 10}, 9);
  const gap = (10 + shifts.b[0]) - shifts.a[0];
  assert.ok(gap >= 39, `fans still overlap: ${gap}`);
  assert.ok(Math.abs(shifts.a[0]) < Math.abs(shifts.b[0]), "the bigger fan moves less");
  assert.deepEqual(shifts.c, [0, 0]);
  assert.deepEqual(pushApart({a: {x: 0, y: 0}, b: {x: 10, y: 0}}, {a: 30, b: 10}, 6), {a: [0, 0], b: [0, 0]});
});
