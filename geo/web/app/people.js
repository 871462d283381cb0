/* The people killed, as the sources describe them (geo/text/sources.py, people_records): a disclosure next to
 * the list of events, in both hosts. Each person: the name, or a description where the sources may not name
 * them (under 18, or a name too few sources give), every spelling and age with its sources, where and when
 * they were shot and died, whether the sources say they were protesting, the event they belong to (a link
 * that selects it on the map) and every source as a link. No images. Text goes in with textContent only.
 * The list is fetched when first opened (`load()`: a Promise of the records).
 */
import { el, fill } from "./text.js";
import { actionLink, sourceLink } from "./links.js";

let lists = 0;  // each list's ids must be its own (a page may hold two hosts' lists in tests)

export class PeopleList {
  /* `host`: {load() (a Promise of the records), selectEvent(id) (show it on the map), whereEvent(id): "map" (the
     time control can reach it), "days" (only the day scale can), or null (not in the dataset shown)}. */
  constructor(root, host) {
    this.host = host;
    this.prefix = `jp${++lists}-`;
    this.box = el("details", "jp");
    this.summary = el("summary", "jp-summary");
    this.body = el("div", "jp-body");
    this.box.append(this.summary, this.body);
    root.append(this.box);
    this.records = null;
    this.box.addEventListener("toggle", () => { if (this.box.open) this.fill(); });
  }

  /* The words of this language (list_words) and how many people the list holds; another `key` (a language, a
     record) empties the list, refilled at once if it is open. */
  show(words, count, key) {
    const changed = this.key !== key;
    Object.assign(this, {words, count, key});
    this.summary.textContent = count ? `${words.people_heading} (${count})` : words.people_heading;
    if (changed) {
      this.records = null;
      this.body.textContent = "";
      if (this.box.open) this.fill();
    }
  }

  /* Fill the list once its records are here; a Promise that resolves when it is drawn. */
  fill() {
    if (this.records) return Promise.resolve();
    if (!this.pending) {
      this.pending = this.host.load().then((records) => {
        this.pending = null;
        this.records = records;
        this.draw();
      }, () => { this.pending = null; });
    }
    return this.pending || Promise.resolve();
  }

  draw() {
    const words = this.words, list = el("ol", "jp-people");
    this.body.textContent = "";
    this.body.append(el("p", "jp-intro", words.people_intro));
    if (words.hrw_aggregates) this.body.append(el("p", "jp-intro", words.hrw_aggregates));
    for (const person of this.records) list.append(this.person(person));
    this.body.append(list);
  }

  person(p) {
    const words = this.words, item = el("li", "jp-person");
    item.id = `${this.prefix}${p.id}`;
    const name = el("h4", "jp-name", p.name);
    name.tabIndex = -1;  // a link to the person moves the focus here
    item.append(name);
    if (p.nameNote) item.append(el("p", "jp-note", p.nameNote));
    const facts = el("dl", "jp-facts");
    const add = (label, ...values) => {
      const shown = values.filter((v) => v && (typeof v !== "string" || v.trim()));
      if (!shown.length) return;
      const value = el("dd");
      for (const v of shown) value.append(typeof v === "string" ? el("div", null, v) : v);
      facts.append(el("dt", null, label), value);
    };
    add(words.people_names, ...p.names.map((n) => `${n.value} (${n.by})`));
    add(words.people_age, ...p.ages.map((a) => `${a.value} (${a.by})`));
    add(words.people_about, p.about);
    add(words.people_shot, p.shot);
    add(words.people_died, p.died);
    add(words.people_protesting, p.protesting, p.protestingText);
    add(words.people_event, this.eventLink(p));
    const sources = el("ul", "jp-sources");
    for (const s of p.sources) {
      const li = el("li");
      li.append(sourceLink(s.url, s.label, words.link_new_tab));
      sources.append(li);
    }
    if (p.sources.length) add(words.people_sources, sources);
    item.append(facts);
    return item;
  }

  /* The event the person belongs to, as a link that selects it on the map; text where this map or scale lacks it. */
  eventLink(p) {
    if (!p.eventId || !p.eventTitle) return null;
    const where = this.host.whereEvent(p.eventId), words = this.words;
    if (where === "days") return `${p.eventTitle} (${fill(words.people_event_days, {scale: words.scale_day})})`;
    if (where !== "map") return `${p.eventTitle} (${words.people_event_absent})`;
    return actionLink(p.eventTitle, `event-${p.eventId}`, () => this.host.selectEvent(p.eventId), "jp-event-link");
  }

  /* Open the list at a person (a link from a popup or from an event's details): scrolled to, and focused. */
  go(id) {
    this.box.open = true;
    return this.fill().then(() => {
      const item = this.body.querySelector(`[id="${CSS.escape(this.prefix + id)}"]`);
      if (!item) return;
      item.scrollIntoView({block: "start"});
      item.querySelector(".jp-name").focus({preventScroll: true});
    });
  }
}
