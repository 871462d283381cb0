import { test } from "node:test";
import assert from "node:assert/strict";
import { checkedStep, stepMessage } from "../step.js";
import { queryOf, stepFor } from "../address.js";

const good = {t: 1673305200000, iso: "2023-01-09T18:00:00-05:00", newFrom: 1673301600000, title: "Map at 18:00"};

test("a step is let through as data, with the filter, selection and source added", () => {
  const message = stepMessage({map: good}, ["march"], "e1");
  assert.deepEqual(checkedStep(message), {...good, cats: ["march"], selected: "e1", src: null, highlight: null});
  assert.equal(checkedStep(stepMessage({map: good}, null, null, "larepublica_17_muertos")).src, "larepublica_17_muertos");
});

test("anything that is not a step is refused whole", () => {
  const bad = [{...good, t: "alert(1)"}, {...good, cats: "march"}, {...good, selected: ["x"]}, {...good, src: ["a"]},
               {...good, src: {toString: "x"}},
               {...good, title: {toString: "x"}}, {...good, highlight: [1]}, null, "juliaca:step", {...good, t: Infinity}];
  for (const value of bad) assert.equal(checkedStep(value), null, JSON.stringify(value));
});

test("a view comes through only as two numbers and a zoom", () => {
  assert.deepEqual(checkedStep({...good, view: {center: [-15.5, -70.1], zoom: 13}}).view, {center: [-15.5, -70.1], zoom: 13});
  assert.equal(checkedStep({...good, view: {center: ["x", 1], zoom: 13}}).view, undefined);
});

test("a link's time finds the first step that includes it, on either scale", () => {
  const hour = [0, 1, 2].map((h) => ({key: `2023-01-09T1${h}:00`, t: Date.UTC(2023, 0, 9, 15 + h)}));
  const day = [{key: "2023-01-09", t: Date.UTC(2023, 0, 10, 4)}, {key: "2023-01-10", t: Date.UTC(2023, 0, 11, 4)}];
  const scales = {hour, day};
  assert.deepEqual(stepFor("2023-01-09T11:00", scales), {scale: "hour", index: 1});
  assert.deepEqual(stepFor("2023-01-09T10:20", scales), {scale: "hour", index: 1});
  assert.deepEqual(stepFor("2023-01-10", scales), {scale: "day", index: 1});
  assert.equal(stepFor("2023-02-31", scales), null);
  assert.equal(stepFor("banana", scales), null);
  assert.equal(stepFor("x".repeat(17), scales), null);
});

test("a query is written as Python writes links: in order, with : and , as they are", () => {
  assert.equal(queryOf({t: "2023-01-09T17:00", lang: "es", cats: "march,clash", event: null}),
               "t=2023-01-09T17:00&lang=es&cats=march,clash");
  assert.equal(queryOf({t: "a b&c"}), "t=a%20b%26c");
});
