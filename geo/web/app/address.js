/* The view in the address: `t` (a step as in a link: 2023-01-09T17:00, 2023-01-12, 2023-03) and `event`.
 * Links are parsed here for the exported page; the app's page keeps its address bar up to date here
 * (Python reads it back at its next run: ui/explore.py). Pure parts: test/address.test.js.
 */
const HOUR = 3600000, DAY = 24 * HOUR;
const STEP_SIZE = {hour: HOUR, day: DAY};
const STEP_PATTERN = /^(\d{4})-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2}))?)?$/;

/* Lima has been UTC-5 all year since 1994 (no daylight saving). */
function limaMs(y, month, d, h, mi) {
  return Date.UTC(y, month - 1, d, h + 5, mi);
}

function firstStepFrom(steps, size, ms) {
  if (!steps.length || ms <= steps[0].t - size || ms > steps[steps.length - 1].t) return -1;
  return steps.findIndex((step) => step.t >= ms);
}

/* A step as in a link, or any time between steps: {scale, index} of the first step that includes it, or
   null. `scales`: {hour: [{key, t}], day: [...]}. */
export function stepFor(value, scales) {
  if (typeof value !== "string" || value.length > 16) return null;
  for (const [scale, steps] of Object.entries(scales)) {
    const index = steps.findIndex((step) => step.key === value);
    if (index >= 0) return {scale, index};
  }
  const m = STEP_PATTERN.exec(value);
  if (!m) return null;
  const y = Number(m[1]), month = Number(m[2]), d = m[3] ? Number(m[3]) : 0;
  if (month < 1 || month > 12) return null;
  let ms;
  if (m[4] !== undefined) ms = limaMs(y, month, d, Number(m[4]), Number(m[5]));
  else if (m[3]) ms = limaMs(y, month, d, 23, 0);
  else ms = limaMs(y, month + 1, 0, 23, 0);  // day 0 of the next month: this month's last day
  const check = new Date(ms - 5 * HOUR);
  if (m[3] && (check.getUTCDate() !== d || check.getUTCMonth() !== month - 1)) return null;  // 31 February
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59)) return null;
  let index = m[4] !== undefined && scales.hour ? firstStepFrom(scales.hour, STEP_SIZE.hour, ms) : -1;
  if (index >= 0) return {scale: "hour", index};
  index = scales.day ? firstStepFrom(scales.day, STEP_SIZE.day, ms) : -1;
  return index >= 0 ? {scale: "day", index} : null;
}

/* The parameters of an address's fragment (a link within the page) or, where there is none, of its query. */
export function addressParams(location) {
  return new URLSearchParams(location.hash.slice(1) || location.search.slice(1));
}

/* A query string of `values` in their order (null: left out), written as Python writes links
   (ui/share.py): ":" and "," stay as they are. */
export function queryOf(values) {
  const encode = (value) => encodeURIComponent(value).replaceAll("%3A", ":").replaceAll("%2C", ",");
  return Object.entries(values).filter(([, value]) => value !== null && value !== undefined)
    .map(([name, value]) => `${encode(name)}=${encode(value)}`).join("&");
}

/* Keep the address bar's parameters equal to `values` (no new history entry); with `whole`, `values` are
   all of them, else they replace those of the same names. */
export function writeAddress(values, whole = false) {
  const current = whole ? {} : Object.fromEntries(new URLSearchParams(window.location.search));
  const query = queryOf({...current, ...values});
  const next = `${window.location.pathname}${query ? `?${query}` : ""}${window.location.hash}`;
  if (next !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
    window.history.replaceState(window.history.state, "", next);
  }
}
