/* Text into the page: every string goes in through textContent or an attribute, never as markup. */

/* A new element with a class and a text (both optional). */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

/* Fill "{name}" placeholders from `values` (the templates come from geo/text/i18n.py). */
export function fill(template, values) {
  return String(template).replace(/\{(\w+)\}/g, (all, name) =>
    (Object.hasOwn(values, name) ? String(values[name]) : all));
}

/* A style sheet of ours, added once to `root`: a document, or the shadow root a component lives in (the
   bundles carry their CSS as text). */
export function addStyle(root, id, css) {
  if (root.getElementById(id)) return;
  const style = document.createElement("style");
  style.id = id;
  style.textContent = css;
  (root.head || root).append(style);
}
