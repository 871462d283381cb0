/* Links to the sources: only http and https addresses become links, opened in a new tab with
 * rel="noopener noreferrer" (the page opened gets no handle on ours); anything else stays text.
 */
import { el } from "./text.js";

/* The address if it is an absolute http(s) URL, else null. Pure: test/links.test.js. */
export function safeUrl(value) {
  if (typeof value !== "string" || !/^https?:\/\//i.test(value)) return null;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/* A link to `url` reading `text`, saying it opens in a new tab (`newTab`, words for screen readers); text
   alone if the address is not http(s). */
export function sourceLink(url, text, newTab) {
  const href = safeUrl(url);
  if (!href) return el("span", "jm-source-name", text);
  const link = el("a", "jm-source-link", text);
  Object.assign(link, {href, target: "_blank", rel: "noopener noreferrer"});
  if (newTab) link.append(el("span", "jm-sr-only", ` ${newTab}`));
  return link;
}

/* A link within the page (`#<id>`) that runs `act()` instead of following it. */
export function actionLink(text, fragment, act, className) {
  const link = el("a", className, text);
  link.href = `#${fragment}`;
  link.addEventListener("click", (event) => {
    event.preventDefault();
    act();
  });
  return link;
}
