// Inline SVG icons built with createElementNS (no external requests, CSP-safe presentation attributes).
// Drawn on a 24×24 grid with round strokes; always decorative (aria-hidden), the button text names the action.

const SVG_NS = 'http://www.w3.org/2000/svg';

// Each shape: [element, attributes]. Kept simple so they render crisply at 20–24 px.
const SHAPES = {
  mic: [
    ['rect', { x: 9, y: 2.5, width: 6, height: 12, rx: 3 }],
    ['path', { d: 'M5 11a7 7 0 0 0 14 0' }],
    ['path', { d: 'M12 18v3.5' }],
  ],
  camera: [
    ['rect', { x: 2.5, y: 6, width: 13, height: 12, rx: 2 }],
    ['path', { d: 'M15.5 10.5 21.5 7v10l-6-3.5' }],
  ],
  screen: [
    ['rect', { x: 2.5, y: 4, width: 19, height: 13, rx: 2 }],
    ['path', { d: 'M8 21h8M12 17v4' }],
    ['path', { d: 'M12 13.5V8M9.5 10.5 12 8l2.5 2.5' }],
  ],
  leave: [
    ['path', { d: 'M14 4h4a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2h-4' }],
    ['path', { d: 'M9 16.5 4.5 12 9 7.5' }],
    ['path', { d: 'M4.5 12H15' }],
  ],
  send: [
    ['path', { d: 'M21 3 10.5 13.5' }],
    ['path', { d: 'M21 3 14.5 21l-4-7.5L3 9.5z' }],
  ],
  person: [
    ['circle', { cx: 12, cy: 8.5, r: 4 }],
    ['path', { d: 'M4 20.5c1.2-3.6 4.3-5.5 8-5.5s6.8 1.9 8 5.5' }],
  ],
  info: [
    ['circle', { cx: 12, cy: 12, r: 9.5 }],
    ['path', { d: 'M12 11v5.5M12 7.5v.5' }],
  ],
  warning: [
    ['path', { d: 'M12 3.5 22 20.5H2z' }],
    ['path', { d: 'M12 10v4.5M12 17.5v.5' }],
  ],
  calendar: [
    ['rect', { x: 3, y: 4.5, width: 18, height: 16, rx: 2 }],
    ['path', { d: 'M3 9.5h18M8 2.5v4M16 2.5v4' }],
  ],
  clock: [
    ['circle', { cx: 12, cy: 12, r: 9.5 }],
    ['path', { d: 'M12 7v5l3.5 2' }],
  ],
  sound: [
    ['path', { d: 'M4 9.5h3.5L12 5.5v13l-4.5-4H4z' }],
    ['path', { d: 'M15.5 9a4 4 0 0 1 0 6M18 6.5a7.5 7.5 0 0 1 0 11' }],
  ],
  // Booking calendar: slot states (shape, not colour, tells them apart) and paging arrows.
  check: [
    ['path', { d: 'M4.5 12.5 9.5 17.5 19.5 6.5' }],
  ],
  checkCircle: [
    ['circle', { cx: 12, cy: 12, r: 9.5 }],
    ['path', { d: 'M7.5 12.5 10.5 15.5 16.5 9' }],
  ],
  full: [
    ['circle', { cx: 12, cy: 12, r: 9.5 }],
    ['path', { d: 'M7.5 12h9' }],
  ],
  closed: [
    ['rect', { x: 5, y: 10.5, width: 14, height: 10, rx: 2 }],
    ['path', { d: 'M8 10.5V8a4 4 0 0 1 8 0v2.5' }],
  ],
  star: [
    ['path', { d: 'M12 3.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8L12 16.8l-5.2 2.8 1-5.8-4.3-4.1 5.9-.9z' }],
  ],
  chevronBack: [
    ['path', { d: 'M15 5.5 8.5 12l6.5 6.5' }],
  ],
  chevronForward: [
    ['path', { d: 'M9 5.5 15.5 12 9 18.5' }],
  ],
  link: [
    ['path', { d: 'M14 4h6v6M20 4l-9 9' }],
    ['path', { d: 'M18 14v4.5a1.5 1.5 0 0 1-1.5 1.5h-11A1.5 1.5 0 0 1 4 18.5v-11A1.5 1.5 0 0 1 5.5 6H10' }],
  ],
};

// "Off" variants: the same drawing crossed out, so state never relies on colour alone.
const SLASH = ['path', { d: 'M3.5 3.5 20.5 20.5' }];

// One element per icon and variant (per document), cloned for each use: a calendar shows thousands of them.
const builtByDocument = new WeakMap();

/**
 * icon('mic') / icon('mic', { off: true }) / icon('send', { mirror: true }).
 * mirror: flip in right-to-left pages for icons that point in the reading direction.
 */
export function icon(name, { off = false, mirror = false } = {}) {
  let built = builtByDocument.get(document);
  if (!built) builtByDocument.set(document, built = new Map());
  const key = `${name}|${off}|${mirror}`;
  let template = built.get(key);
  if (!template) {
    template = document.createElementNS(SVG_NS, 'svg');
    template.setAttribute('viewBox', '0 0 24 24');
    template.setAttribute('fill', 'none');
    template.setAttribute('stroke', 'currentColor');
    template.setAttribute('stroke-width', '2');
    template.setAttribute('stroke-linecap', 'round');
    template.setAttribute('stroke-linejoin', 'round');
    template.setAttribute('aria-hidden', 'true');
    template.setAttribute('focusable', 'false');
    template.setAttribute('class', mirror ? 'icon icon--mirror' : 'icon');
    const shapes = [...(SHAPES[name] ?? []), ...(off ? [SLASH] : [])];
    for (const [tag, attrs] of shapes) {
      const node = document.createElementNS(SVG_NS, tag);
      for (const [attr, value] of Object.entries(attrs)) node.setAttribute(attr, String(value));
      template.append(node);
    }
    built.set(key, template);
  }
  return template.cloneNode(true);
}
