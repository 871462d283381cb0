/* An event's text record (one row of the bundle's text: title, time, place, summary, status_label, by,
 * quote, section, quote_label, quote_ours) as DOM, the same for the map's popup and the list's details. Text goes in with
 * textContent only. To show a new field, add it to the bundle's text (geo/text/events.py) and one line
 * to PARTS: both the popup and the list get it.
 */
import { el } from "./text.js";

/* Each part of the details, in order: [class suffix, element, the text from the record and the words]. */
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

/* The event in full: what a popup and the list's details show. `words`: {reported_by, source, not_mapped}. */
export function eventDetails(record, words, className = "jm-popup") {
  const box = el("div", className);
  for (const [part, tag, text] of PARTS) {
    const value = text(record, words);
    if (value) box.append(el(tag, `jm-popup-${part}`, value));
  }
  const quote = box.querySelector(".jm-popup-quote");
  if (quote) quote.lang = "en";  // the article's own words, in English: read as English on a Spanish page
  return box;
}

/* The event in short: a tooltip. */
export function eventTip(record) {
  const box = el("div", "jm-tip");
  box.append(el("strong", null, record.title), el("div", null, record.time));
  return box;
}

/* The name a marker gives assistive technology: "title, time, place". */
export function eventName(record) {
  return [record.title, record.time, record.place].filter(Boolean).join(", ");
}
