// Building DOM from data without innerHTML: text always goes in through
// textContent, so nothing a request or an answer contains can become markup.

/**
 * `el('p', { class: 'x', id: 'y' }, 'text', child)` — an element with
 * attributes and children (strings become text nodes; null is skipped).
 */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined && value !== false) node.setAttribute(name, String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

/** Removes every child of `node`. */
export function clear(node) {
  node.replaceChildren();
}

/** Sets `node`'s text, and hides it when there is none. */
export function setText(node, text) {
  node.textContent = text ?? "";
  node.hidden = !text;
}
