/* Every source of the record (geo/text/sources.py, sources_panel): the outlet and date as a link, its title,
 * its kind, what cites it ("cited for 3 events"), and whether it was published months later. The Sources panel
 * at the foot of the app's page and of the exported page. Text goes in with textContent only; the records come
 * from `load()` (a Promise), fetched once.
 */
import { el, fill } from "./text.js";
import { sourceLink } from "./links.js";

export class SourceList {
  /* `load()`: a Promise of the records. */
  constructor(root, load) {
    this.load = load;
    this.box = el("section", "js-sources");
    this.heading = el("h3", "js-heading");
    this.count = el("p", "js-count");
    this.list = el("ul", "js-list");
    this.box.append(this.heading, this.count, this.list);
    root.append(this.box);
  }

  /* Draw the list in `words`' language (list_words); a Promise that resolves once it is drawn. */
  show(words) {
    this.heading.textContent = words.sources_list_heading;
    return this.load().then((sources) => {
      this.count.textContent = fill(words.sources_list_count, {n: sources.length});
      this.list.textContent = "";
      for (const source of sources) this.list.append(item(source, words));
    });
  }
}

function item(source, words) {
  const li = el("li", "js-source");
  li.id = `source-${source.id}`;
  li.append(sourceLink(source.url, source.label, words.link_new_tab));
  li.append(el("div", "js-title", source.title));
  const about = [source.kind, source.cited, source.later].filter(Boolean).join(" \u00b7 ");
  li.append(el("div", "js-about", about));
  return li;
}
