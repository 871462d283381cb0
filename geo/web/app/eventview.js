/* An event's text record (one row of the bundle's text: title, time, place, summary, status_label, by,
 * quote, section, quote_label, quote_ours, sources, people; geo/text/events.py) as DOM, the same for the map's
 * popup and the list's details. Text goes in with textContent only; a source's address becomes a link only if
 * it is http(s) (links.js). To show a new field, add it to the bundle's text and one line to PARTS (or a part
 * below it): both the popup and the list get it.
 */
import { el, fill } from "./text.js";
import { actionLink, sourceLink } from "./links.js";

/* Each short part of the details, in order: [class suffix, element, the text from the record and the words].
   The article's words come only with an event that quotes it. */
const PARTS = [
  ["title", "div", (t) => t.title],
  ["time", "div", (t) => t.time],
  ["place", "div", (t, words) => t.place || words.not_mapped],
  ["summary", "p", (t) => t.summary],
  ["status", "div", (t) => t.status_label],
  ["by", "div", (t, words) => (t.by ? `${words.reported_by}: ${t.by}` : null)],
  ["quote", "blockquote", (t) => (t.quote ? `\u201c${t.quote}\u201d` : null)],
  // the quote's language and section ("Wikipedia (English), section …"), then our translation, marked as ours
  ["section", "div", (t, words) => (t.quote && (t.quote_label || t.section) ? `${words.source}: ${t.quote_label || t.section}` : null)],
  ["ours", "p", (t) => (t.quote ? t.quote_ours : null)],
];

/* The event in full: what a popup and the list's details show. `words`: the words of geo/text/words.py
   (event_words); `options`: {heading (the level of "Sources differ", 3 by default), person(id) (go to a
   person in the list of the people killed; without it their names are text)}. */
export function eventDetails(record, words, className = "jm-popup", options = {}) {
  const box = el("div", className);
  for (const [part, tag, text] of PARTS) {
    const value = text(record, words);
    if (value) box.append(el(tag, `jm-popup-${part}`, value));
  }
  if (record.quote) box.querySelector(".jm-popup-quote").lang = "en";  // the article's own words, in English: read as English on a Spanish page
  if (record.people && record.people.length) box.append(peopleKilled(record.people, words, options.person));
  if (record.sources) box.append(...sourcesOf(record.sources, words, options.heading || 3));
  return box;
}

/* "The people killed in it: A, B": each a link to their entry in the list of the people killed, where the page
   has that list (`person`), else their names as text. */
function peopleKilled(people, words, person) {
  const line = el("div", "jm-popup-people");
  line.append(el("span", null, `${words.people_in_event}: `));
  people.forEach(({id, name}, k) => {
    if (k) line.append(", ");
    line.append(person ? actionLink(name, `person-${id}`, () => person(id), "jm-person-link") : name);
  });
  return line;
}

/* The count of independent sources, the disclosure listing each citation, and where the sources differ. */
function sourcesOf(sources, words, heading) {
  const parts = [el("div", "jm-popup-count", sources.countLabel)];
  const list = el("details", "jm-sources"), items = el("ul", "jm-source-list");
  list.append(el("summary", null, fill(words.sources_open, {n: sources.citations.length})), items);
  for (const citation of sources.citations) items.append(citationItem(citation, words));
  parts.push(list);
  if (sources.differ && sources.differ.length) parts.push(differ(sources.differ, words, heading));
  return parts;
}

/* One citation: the outlet and date as a link, what it does, whom it credits, its note, whether it came later. */
function citationItem(citation, words) {
  const item = el("li", citation.contradicts ? "jm-source jm-contradicts" : "jm-source");
  item.append(sourceLink(citation.url, citation.label, words.link_new_tab));
  const about = [citation.role, citation.saidBy, citation.later].filter(Boolean).join("; ");
  item.append(el("span", "jm-source-role", ` \u2014 ${about}`));
  if (citation.note) item.append(el("div", "jm-source-note", citation.note));
  return item;
}

/* "Sources differ", then per aspect each reading with its sources. */
function differ(aspects, words, heading) {
  const box = el("section", "jm-differ");
  box.append(el(`h${Math.min(Math.max(heading, 2), 6)}`, "jm-differ-title", words.sources_differ));
  for (const aspect of aspects) {
    box.append(el("div", "jm-aspect", aspect.aspect));
    const readings = el("ul", "jm-readings");
    for (const reading of aspect.readings) {
      const item = el("li", "jm-reading", reading.text);
      item.append(el("span", "jm-reading-by", ` (${reading.by})`));
      readings.append(item);
    }
    box.append(readings);
  }
  return box;
}

/* The event in short: a tooltip. */
export function eventTip(record) {
  const box = el("div", "jm-tip");
  box.append(el("strong", null, record.title), el("div", null, record.time));
  return box;
}

/* The name a marker gives assistive technology: "title, time, place", and "sources differ" where they do
   (`words.sources_differ_badge`: the badge says it on the map). */
export function eventName(record, words = {}) {
  const differs = record.sources && record.sources.differ && record.sources.differ.length && words.sources_differ_badge;
  return [record.title, record.time, record.place, differs ? words.sources_differ_badge : null].filter(Boolean).join(", ");
}
