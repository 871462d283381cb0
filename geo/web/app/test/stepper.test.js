import { test, mock } from "node:test";
import assert from "node:assert/strict";
import { RELEASE_MS, Stepper, keyStep, keyTarget } from "../stepper.js";

function stepper(count = 24) {
  const log = {shown: [], released: [], playing: []};
  const s = new Stepper({show: (i, origin) => log.shown.push([i, origin]), release: (i) => log.released.push(i),
                         playing: (on) => log.playing.push(on)});
  s.count = count;
  return {s, log};
}

test("keys: Page Up/Down in the control, the map or a classroom, the arrows where nothing else takes them", () => {
  const none = {};
  assert.equal(keyStep({key: "PageDown"}, none), 0);  // elsewhere on the page, Page Down scrolls it
  assert.equal(keyStep({key: "PageDown"}, {inControl: true}), 1);
  assert.equal(keyStep({key: "PageDown"}, {classroom: true}), 1);  // a clicker, wherever the focus is
  assert.equal(keyStep({key: "PageUp"}, {inMap: true}), -1);  // a clicker over the map
  assert.equal(keyStep({key: "ArrowRight"}, none), 1);
  assert.equal(keyStep({key: "ArrowLeft", altKey: true}, none), 0);  // Alt+← is the browser's Back
  assert.equal(keyStep({key: "ArrowLeft"}, {inMap: true}), 0);  // the map pans
  assert.equal(keyStep({key: "ArrowLeft"}, {slider: true}), 0);  // the slider moves itself
  assert.equal(keyStep({key: "ArrowRight"}, {selfMoving: true}), 0);  // a radio group
  assert.equal(keyStep({key: "PageDown"}, {editable: true, classroom: true}), 0);
  assert.equal(keyStep({key: "constructor"}, none), 0);
  assert.equal(keyStep({key: "Home"}, none), 0);  // Home and End are the slider's and the page's
});

test("keyTarget tells the slider, a text field, a radio and the map apart", () => {
  const element = (tagName, role = "") => ({tagName, getAttribute: () => role, isContentEditable: false});
  const slider = element("INPUT"), map = {contains: (x) => x === inside};
  const inside = element("DIV");
  assert.deepEqual(keyTarget(slider, slider, null),
                   {slider: true, selfMoving: false, editable: false, inMap: false, inControl: false});
  const box = {contains: (x) => x === slider};
  assert.equal(keyTarget(slider, slider, null, box).inControl, true);
  assert.equal(keyTarget(inside, slider, map, box).inControl, false);
  assert.equal(keyTarget(element("INPUT"), slider, null).editable, true);
  assert.equal(keyTarget(element("DIV", "radio"), slider, null).selfMoving, true);
  assert.equal(keyTarget(inside, slider, map).inMap, true);
});

test("a burst of user steps is released once, after the last", (t) => {
  t.mock.timers.enable({apis: ["setTimeout", "setInterval"]});
  const {s, log} = stepper();
  s.step(1); s.step(1); s.step(1);
  t.mock.timers.tick(RELEASE_MS - 1);
  assert.deepEqual(log.released, []);
  t.mock.timers.tick(1);
  assert.deepEqual(log.released, [3]);
  assert.deepEqual(log.shown.map(([i]) => i), [1, 2, 3]);
});

test("a drag releases when it ends, not while it moves", (t) => {
  t.mock.timers.enable({apis: ["setTimeout", "setInterval"]});
  const {s, log} = stepper();
  s.startDrag();
  s.show(5, "user"); s.show(9, "user");
  t.mock.timers.tick(1000);
  assert.deepEqual(log.released, []);
  s.endDrag();
  t.mock.timers.tick(0);
  assert.deepEqual(log.released, [9]);
});

test("steps are clamped to the first and last", () => {
  const {s} = stepper(3);
  s.step(-1);
  assert.equal(s.index, 0);
  s.show(7, "user");
  assert.equal(s.index, 2);
});

test("Play steps at its speed, releases only when it stops at the end, and a user step stops it", (t) => {
  t.mock.timers.enable({apis: ["setTimeout", "setInterval"]});
  const {s, log} = stepper(4);
  s.show(1, "server");
  s.togglePlay(500);
  t.mock.timers.tick(500);
  assert.equal(s.index, 2);
  assert.deepEqual(log.released, []);
  t.mock.timers.tick(500);
  assert.equal(s.index, 3);
  assert.equal(s.playing, false);
  t.mock.timers.tick(0);
  assert.deepEqual(log.released, [3]);
  assert.deepEqual(log.playing, [true, false]);
  s.togglePlay(2000);  // at the end: from the start
  assert.equal(s.index, 0);
  s.step(1);
  assert.equal(s.playing, false);
});

test("fake timers really are in use", () => {
  assert.equal(typeof mock.timers.enable, "function");
});
