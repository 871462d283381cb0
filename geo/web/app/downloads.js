/* The events shown, as files made in the browser from the bundle's rows (geo/map/bundle.py writes each
 * event's CSV line and GeoJSON feature, so the format lives in Python only), and a file the host's server
 * makes (the PNG): a button that asks for it, says it is being made, and saves it when it comes.
 */
import { el } from "./text.js";

/* Offer `content` (text or bytes) as a file to save. */
export function save(content, name, type) {
  const url = URL.createObjectURL(new Blob([content], {type}));
  const link = el("a");
  Object.assign(link, {href: url, download: name});
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

/* The CSV file of these events (oldest first): a byte-order mark for spreadsheets, the header, the lines. */
export function eventsCsv(header, lines) {
  return `\ufeff${[header, ...lines].join("\n")}\n`;
}

/* The GeoJSON file of these features, laid out as Python's json.dumps(indent=1). */
export function eventsGeojson(features) {
  return JSON.stringify({type: "FeatureCollection", features}, null, 1);
}

/* A button for a file the host's server makes at the time shown: it asks (`ask()`), says it is being
   made, and saves the file when it comes (`made`). */
export class ServerFile {
  constructor(root, ask) {
    this.button = el("button", "jd-server");
    this.button.type = "button";
    this.status = el("span", "jd-status");
    this.status.setAttribute("role", "status");
    root.append(this.button, this.status);
    this.button.addEventListener("click", () => {
      this.status.textContent = this.making;
      ask();
    });
  }

  label(text, help, making) {
    this.button.textContent = text;
    this.button.title = help || "";
    this.making = making;
  }

  /* The server's file has come (bytes as base64), or could not be made (`error`: what to say). */
  made({name, type, base64, error}) {
    this.status.textContent = error || "";
    if (!error) save(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)), name, type);
  }
}

export class Downloads {
  /* `host.make(what)`: ask the server for a file. */
  constructor(root, host) {
    this.box = el("div", "jd");
    this.heading = el("strong", "jd-heading");
    this.csv = el("button", "jd-csv");
    this.geojson = el("button", "jd-geojson");
    for (const button of [this.csv, this.geojson]) button.type = "button";
    this.box.append(this.heading);
    this.png = new ServerFile(this.box, () => host.make("png"));
    this.box.append(this.csv, this.geojson);
    root.append(this.box);
    this.csv.addEventListener("click", () => this.file("csv"));
    this.geojson.addEventListener("click", () => this.file("geojson"));
  }

  /* What the files hold now: `indices` of the events shown (newest first), the step's `stamp`. */
  show({data, indices, stamp, words, png}) {
    Object.assign(this, {data, indices, stamp, words});
    this.heading.textContent = `${words.download_heading}:`;
    this.csv.textContent = words.download_csv;
    this.geojson.textContent = words.download_geojson;
    this.png.label(words.download_png, words.download_png_help, words.download_making);
    this.png.button.hidden = !png;
  }

  file(kind) {
    const oldest = [...this.indices].reverse();
    return this.data.fetchAll("rows", oldest).then((rows) => {
      if (kind === "csv") save(eventsCsv(this.data.core.csvHeader, rows.map((r) => r.csv)), `juliaca-events-${this.stamp}.csv`, "text/csv");
      else save(eventsGeojson(rows.map((r) => r.feature)), `juliaca-events-${this.stamp}.geojson`, "application/geo+json");
    });
  }

}
