/* The symbols: each category's shape and colour (never colour alone), drawn as SVG from the fixed table
 * below; colours are checked against a hex pattern, so nothing from the data becomes markup.
 */
const SVG_NS = "http://www.w3.org/2000/svg";
const SHAPES = {
  circle: "M12 4a8 8 0 1 1 0 16a8 8 0 1 1 0-16z",
  square: "M4.5 4.5h15v15h-15z",
  diamond: "M12 2.5 21.5 12 12 21.5 2.5 12z",
  triangle: "M12 3 21.5 20H2.5z",
  triangle_down: "M12 21 2.5 4h19z",
  cross: "M5 8.5 8.5 5 12 8.5 15.5 5 19 8.5 15.5 12 19 15.5 15.5 19 12 15.5 8.5 19 5 15.5 8.5 12z",
  hexagon: "M7 3.5h10l5 8.5-5 8.5H7L2 12z",
  pentagon: "M12 2.5 21.5 9.4 17.9 20.5H6.1L2.5 9.4z",
  star: "M12 2.5l2.8 6.2 6.7.6-5.1 4.5 1.5 6.6L12 17l-5.9 3.4 1.5-6.6-5.1-4.5 6.7-.6z",
};
const HEX = /^#[0-9a-fA-F]{6}$/;

/* An SVG element (`paths`: [d, fill, stroke] each) in a box of viewBox size, hidden from screen readers. */
export function svg(viewBox, width, height, paths) {
  const box = document.createElementNS(SVG_NS, "svg");
  box.setAttribute("viewBox", viewBox);
  box.setAttribute("width", width);
  box.setAttribute("height", height);
  box.setAttribute("aria-hidden", "true");
  for (const attributes of paths) {
    const path = document.createElementNS(SVG_NS, "path");
    for (const [name, value] of Object.entries(attributes)) path.setAttribute(name, value);
    box.append(path);
  }
  return box;
}

/* A category's symbol at `size` px: dashed when the time is approximate, heavier when new or selected. */
export function symbol(style, size, {approx = false, isNew = false, selected = false} = {}) {
  const path = {
    d: SHAPES[style.shape] || SHAPES.circle,
    fill: HEX.test(style.color) ? style.color : "#777777",
    stroke: selected ? "#000000" : "#1a1a1a",
    "stroke-width": selected ? "3" : isNew ? "1.6" : "1",
  };
  if (approx) path["stroke-dasharray"] = "2.5 1.8";
  return svg("0 0 24 24", size, size, [path]);
}
