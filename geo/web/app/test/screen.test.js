import { test } from "node:test";
import assert from "node:assert/strict";
import { popupRoom, watchTiles } from "../screen.js";

/* A tile layer and a map as Leaflet gives them to watchTiles: layers that fire "tileload" and "tileerror". */
class FakeTiles {
  constructor() { this.handlers = {}; }
  on(name, handler) { (this.handlers[name] = this.handlers[name] || []).push(handler); }
  fire(name) { for (const handler of this.handlers[name] || []) handler(); }
}

function watched(waitMs = 1000) {
  globalThis.L = {TileLayer: FakeTiles};
  const tiles = new FakeTiles(), timers = {pending: null, setTimeout(fn) { this.pending = fn; return 1; },
                                            clearTimeout() { this.pending = null; }};
  const map = {eachLayer: (visit) => visit(tiles)};
  let calls = 0;
  watchTiles(map, () => { calls += 1; }, waitMs, timers);
  return {tiles, timers, calls: () => calls};
}

test("tiles that fail before any arrives mean no connection: the offline base, once", () => {
  const {tiles, timers, calls} = watched();
  tiles.fire("tileerror");
  assert.equal(calls(), 0, "one failed tile is not yet a lost connection");
  tiles.fire("tileerror");
  tiles.fire("tileerror");
  assert.equal(calls(), 1);
  assert.equal(timers.pending, null, "the wait is cancelled once it has switched");
});

test("a network that never answers: no tile in time switches too", () => {
  const {timers, calls} = watched();
  timers.pending();
  assert.equal(calls(), 1);
});

test("tiles that arrive keep the tiles, even if some fail later (a gap, not a lost connection)", () => {
  const {tiles, timers, calls} = watched();
  tiles.fire("tileload");
  tiles.fire("tileerror");
  tiles.fire("tileerror");
  if (timers.pending) timers.pending();
  assert.equal(calls(), 0);
});

test("a popup's room keeps it inside the map, clear of the controls, and never grows past what it asked", () => {
  const phone = popupRoom({x: 366, y: 560}, {top: 90, bottom: 60});
  assert.ok(phone.maxWidth + 48 + 2 * 12 <= 366, `too wide for the map: ${phone.maxWidth}`);
  assert.ok(phone.maxHeight + 56 + 2 * 12 <= 560 - 90 - 60, `too tall for the map: ${phone.maxHeight}`);
  assert.deepEqual(popupRoom({x: 1400, y: 1000}), {maxWidth: 320, maxHeight: 380});
});
