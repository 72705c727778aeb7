// A hosted page shown in a tenant's site by widget.js: it tells the widget what happened (booked, videoStarted, …) by
// postMessage, addressed to the origin the widget named (?embed=). The browser delivers a message only when the parent
// really is that origin, and the page's Content-Security-Policy lets only the tenant's own sites frame it, so neither a
// stranger's frame nor a wrong ?embed= learns anything.

/** The embedding origin named in the address, when the page is in a frame; otherwise null. */
export function embedderOf(search, win = globalThis.window) {
  if (!win || win.parent === win) return null;
  const named = new URLSearchParams(search).get('embed') ?? '';
  try {
    const url = new URL(named);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === named.replace(/\/$/, '') ? url.origin : null;
  } catch {
    return null;
  }
}

/** Tells the embedding page: { source: 'videoengager', type, detail }. */
export function tellEmbedder(win, origin, type, detail = {}) {
  if (!origin || !win?.parent || win.parent === win) return;
  win.parent.postMessage({ source: 'videoengager', type, detail }, origin);
}

/** Messages from the embedding page only: its origin, its window, our envelope. Returns a function that stops listening. */
export function fromEmbedder(win, origin, handler) {
  if (!origin) return () => {};
  const listener = (event) => {
    if (event.origin !== origin || event.source !== win.parent) return;
    const data = event.data;
    if (data && typeof data === 'object' && data.source === 'videoengager' && typeof data.type === 'string') handler(data);
  };
  win.addEventListener('message', listener);
  return () => win.removeEventListener('message', listener);
}
