/* The dataset as the browser holds it (geo/map/bundle.py): the core arrays at once, the text of each
 * event in one language and its rows for the downloads in chunks of `core.chunk` events, fetched when
 * first needed (or given whole, inlined in the exported page).
 */
import { fetchJson } from "./fetch.js";

export class Dataset {
  /* `load(kind, k)`: a Promise of chunk k of "text" or "rows". */
  constructor(core, load) {
    this.core = core;
    this.load = load;
    this.chunks = {text: [], rows: []};
    this.byPlace = {};  // place index -> its events, in reveal order
    for (let i = 0; i < core.n; i++) {
      const p = core.place[i];
      if (p >= 0) (this.byPlace[p] = this.byPlace[p] || []).push(i);
    }
  }

  /* A dataset whose chunks are all here already (the exported page). */
  static inlined(core, text, rows) {
    const data = new Dataset(core, (kind, k) => Promise.resolve(kind === "text" ? text[k] : rows[k]));
    text.forEach((chunk, k) => { data.chunks.text[k] = chunk; });
    rows.forEach((chunk, k) => { data.chunks.rows[k] = chunk; });
    return data;
  }

  /* The dataset served under `url` (a bundle's folder), with its text in `lang`. */
  static served(core, url, lang) {
    return new Dataset(core, (kind, k) => fetchJson(`${url}/${kind === "text" ? `text-${lang}` : "rows"}-${k}.json`));
  }

  /* Event i's fields from a chunk of `kind` ({title, time, …} or {csv, feature}), or null if not loaded yet. */
  field(kind, i) {
    const k = Math.floor(i / this.core.chunk), chunk = this.chunks[kind][k];
    if (!chunk || chunk.then) return null;
    const j = i - k * this.core.chunk, out = {};
    for (const name of Object.keys(chunk)) out[name] = chunk[name][j];
    return out;
  }

  textOf(i) {
    return this.field("text", i);
  }

  /* A Promise of event i's fields of `kind`, fetching its chunk once. */
  fetch(kind, i) {
    const k = Math.floor(i / this.core.chunk);
    if (!this.chunks[kind][k]) {
      this.chunks[kind][k] = this.load(kind, k).then((chunk) => { this.chunks[kind][k] = chunk; return chunk; });
    }
    return Promise.resolve(this.chunks[kind][k]).then(() => this.field(kind, i));
  }

  loadText(i) {
    return this.fetch("text", i);
  }

  /* A Promise of the fields of `kind` of each of `indices`, in that order. */
  fetchAll(kind, indices) {
    return Promise.all(indices.map((i) => this.fetch(kind, i)));
  }
}
