/* The events up to the time shown, newest first, as text: the keyboard and screen-reader path to every
 * event, in both hosts. A radio group (one tab stop; the arrows move within it): choosing an event selects
 * it on the map (`host.select(id)`) and shows it in full below the list (eventview.js, as in a popup), its
 * sources and the people killed in it with them (`host.person(id)` opens the list of the people killed).
 */
import { el, fill } from "./text.js";
import { eventDetails } from "./eventview.js";

let groups = 0;  // each list's radios need a name of their own

export class EventList {
  /* `host`: {select(id or null), person(id)}; `words`: the list's words (see show). */
  constructor(root, host) {
    this.host = host;
    this.name = `jl-events-${++groups}`;
    this.box = el("section", "jl");
    this.at = el("p", "jl-at");
    this.heading = el("h3", "jl-heading");
    this.newest = el("p", "jl-newest");
    this.group = el("fieldset", "jl-events");
    this.legend = el("legend", "jl-help");
    this.items = el("div", "jl-items");
    this.details = el("div", "jl-details");
    this.group.append(this.legend, this.items);
    this.box.append(this.at, this.heading, this.newest, this.group, this.details);
    root.append(this.box);
    this.shown = [];
    this.items.addEventListener("change", (event) => {
      const id = event.target.value;
      this.showDetails(id);
      this.host.select(id);
    });
  }

  /* The list at a step: `indices` newest first (at most `limit`), `total` in all, `fresh` the indices
     new in this step, `selected` an event id or null; `clock` the time in words. */
  show({data, indices, total, fresh, selected, clock, words, limit}) {
    this.words = words;
    this.data = data;
    this.at.textContent = fill(words.list_at, {clock});
    this.heading.textContent = fill(words.list_heading, {n: total});
    this.newest.textContent = total > indices.length ? fill(words.list_newest, {n: indices.length}) : "";
    this.legend.textContent = words.list_help;
    const wanted = indices.slice(0, limit);
    return data.fetchAll("text", wanted).then((texts) => {
      const root = this.items.getRootNode(), had = root.activeElement && this.items.contains(root.activeElement);
      this.items.textContent = "";
      this.shown = wanted.map((i, k) => ({i, id: data.core.ids[i], text: texts[k]}));
      if (!this.shown.length) this.items.append(el("p", "jl-empty", words.list_empty));
      for (const {i, id, text} of this.shown) this.items.append(this.item(i, id, text, fresh.has(i), id === selected));
      this.showDetails(this.shown.some((e) => e.id === selected) ? selected : null);
      if (had && !this.focusChosen()) {  // redrawn under the keyboard: the focus stays in the list
        const first = this.items.querySelector("input");
        if (first) first.focus();
      }
    });
  }

  item(i, id, text, isNew, checked) {
    const core = this.data.core, words = this.words, label = el("label", "jl-item");
    const input = el("input");
    Object.assign(input, {type: "radio", name: this.name, value: id, checked});
    const where = text.place || words.not_mapped;
    const category = words.categories[core.categories[core.cat[i]]];
    const marks = [isNew ? words.new_badge : null, core.differ && core.differ[i] ? words.sources_differ_badge : null];
    const tail = marks.filter(Boolean).map((mark) => ` \u00b7 ${mark}`).join("");
    label.append(input, el("span", null, `${text.time} \u2014 ${text.title} (${category}; ${where})${tail}`));
    return label;
  }

  showDetails(id) {
    const chosen = this.shown.find((e) => e.id === id);
    this.details.textContent = "";
    if (chosen) {
      this.details.append(eventDetails(chosen.text, this.words, "jm-popup jl-event",
                                       {heading: 4, person: (person) => this.host.person(person)}));
    }
  }

  /* The radio of the event chosen, focused (after a link elsewhere chose it); false if it is not listed. */
  focusChosen() {
    const input = this.items.querySelector("input:checked");
    if (input) input.focus();
    return Boolean(input);
  }
}
