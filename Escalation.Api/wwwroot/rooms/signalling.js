// Signalling WebSocket: URL, message validation, close-code policy and reconnect with backoff.
// The validation and policy functions are pure (unit-tested); createSignalling only touches
// the WebSocket it is given.

/** wss://host/rooms/{bookingId}/signal?token=… (ws:// on plain http, e.g. local development). */
export function signalUrl({ protocol, host }, bookingId, token) {
  const scheme = protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${host}/rooms/${encodeURIComponent(bookingId)}/signal?token=${encodeURIComponent(token)}`;
}

/** Reconnect delay: 0.5 s doubling to 8 s, with jitter in the upper half so clients do not reconnect in lockstep. */
export function backoffDelay(attempt, random = Math.random) {
  const ceiling = Math.min(8000, 500 * 2 ** Math.max(0, Math.min(attempt, 10)));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/**
 * What to do when the socket closed.
 * 'stop' (we closed it), 'taken-over' (4001), 'refused' (4003 and other 4001..4099 codes),
 * 'reconnect' (anything unexpected, including 4008 rate limiting, which may retry after backoff).
 */
export function closeOutcome(code, { intentional = false } = {}) {
  if (intentional) return 'stop';
  if (code === 4001) return 'taken-over';
  if (code === 4008) return 'reconnect';
  if (code >= 4001 && code <= 4099) return 'refused';
  return 'reconnect';
}

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v) => (typeof v === 'string' ? v : undefined);

function iceServer(raw) {
  if (!isObject(raw)) return null;
  const urls = (Array.isArray(raw.urls) ? raw.urls : [raw.urls]).filter((u) => typeof u === 'string' && u !== '');
  if (urls.length === 0) return null;
  const server = { urls };
  if (typeof raw.username === 'string') server.username = raw.username;
  if (typeof raw.credential === 'string') server.credential = raw.credential;
  return server;
}

function booking(raw) {
  const b = isObject(raw) ? raw : {};
  const result = {
    queueId: str(b.queueId) ?? '',
    queueName: str(b.queueName) ?? '',
    scheduledTime: str(b.scheduledTime) ?? '',
  };
  if (typeof b.customerName === 'string') result.customerName = b.customerName;
  if (isObject(b.attributes)) {
    // Attributes are shown as text only; non-scalar values are skipped rather than stringified oddly.
    result.attributes = Object.fromEntries(Object.entries(b.attributes)
      .filter(([, v]) => ['string', 'number', 'boolean'].includes(typeof v))
      .map(([k, v]) => [k, String(v)]));
  }
  return result;
}

const DESCRIPTION_TYPES = ['offer', 'answer', 'pranswer', 'rollback'];

function description(raw) {
  if (!isObject(raw) || !DESCRIPTION_TYPES.includes(raw.type)) return null;
  if (raw.type !== 'rollback' && typeof raw.sdp !== 'string') return null;
  return { type: raw.type, sdp: str(raw.sdp) ?? '' };
}

function candidate(raw) {
  if (!isObject(raw) || typeof raw.candidate !== 'string') return null;
  const c = { candidate: raw.candidate };
  if (typeof raw.sdpMid === 'string' || raw.sdpMid === null) c.sdpMid = raw.sdpMid;
  if (Number.isInteger(raw.sdpMLineIndex) || raw.sdpMLineIndex === null) c.sdpMLineIndex = raw.sdpMLineIndex;
  if (typeof raw.usernameFragment === 'string' || raw.usernameFragment === null) c.usernameFragment = raw.usernameFragment;
  return c;
}

/**
 * Parses and validates one server frame. Returns a clean message object or null (ignored).
 * Never throws: a malformed frame must not break the call.
 */
export function parseServerMessage(data) {
  let msg;
  try {
    msg = typeof data === 'string' ? JSON.parse(data) : null;
  } catch {
    return null;
  }
  if (!isObject(msg) || typeof msg.type !== 'string') return null;
  switch (msg.type) {
    case 'welcome': {
      if (msg.party !== 'customer' && msg.party !== 'agent') return null;
      const iceServers = (Array.isArray(msg.iceServers) ? msg.iceServers : []).map(iceServer).filter(Boolean);
      return { type: 'welcome', party: msg.party, iceServers, polite: msg.polite === true, booking: booking(msg.booking) };
    }
    case 'peer-joined':
    case 'taken-over':
      return { type: msg.type };
    case 'peer-left':
      return { type: 'peer-left', reason: msg.reason === 'left' ? 'left' : 'disconnected' };
    case 'signal': {
      const d = description(msg.description);
      const c = candidate(msg.candidate);
      if (!d && !c) return null;
      return d ? { type: 'signal', description: d } : { type: 'signal', candidate: c };
    }
    case 'state':
      return { type: 'state', muted: msg.muted === true, cameraOff: msg.cameraOff === true, sharing: msg.sharing === true };
    case 'chat': {
      if (typeof msg.text !== 'string' || msg.text.trim() === '') return null;
      const at = typeof msg.at === 'string' && !Number.isNaN(Date.parse(msg.at)) ? msg.at : new Date().toISOString();
      return { type: 'chat', text: msg.text, at };
    }
    case 'error':
      return { type: 'error', reason: str(msg.reason) ?? 'unknown' };
    default:
      return null;
  }
}

const OPEN = 1; // WebSocket.OPEN, spelled out so fakes in tests need not define the constant.

/**
 * One logical signalling connection that survives drops.
 * Callbacks:
 * - onMessage(msg)          validated server messages
 * - onStatus(status)        'connecting' | 'open' | 'reconnecting'
 * - onEnd(outcome, code)    'taken-over' | 'refused' — no reconnect after these
 * - onHandshakeFailed()     the socket closed before it ever opened. The server refuses a room that is
 *                           not (or no longer) open with an HTTP status before the upgrade, which a browser
 *                           only reports as close code 1006; the owner can ask over HTTP why (see session.js).
 */
export function createSignalling({
  url, onMessage, onStatus = () => {}, onEnd = () => {}, onHandshakeFailed = () => {},
  WebSocketImpl = globalThis.WebSocket, random = Math.random,
  setTimer = (fn, ms) => setTimeout(fn, ms), clearTimer = (id) => clearTimeout(id),
}) {
  let socket = null;
  let attempt = 0;
  let stopped = true;
  let timer = null;

  function open() {
    timer = null;
    if (stopped) return;
    const ws = new WebSocketImpl(url);
    socket = ws;
    let opened = false;
    ws.onopen = () => {
      opened = true;
      if (socket === ws) onStatus('open');
    };
    ws.onmessage = (event) => {
      if (socket !== ws) return;
      const msg = parseServerMessage(event.data);
      if (!msg) {
        console.warn('signalling: ignored a malformed message');
        return;
      }
      // Only a welcome proves the server accepted us; until then keep backing off.
      if (msg.type === 'welcome') attempt = 0;
      if (msg.type === 'taken-over') stopped = true;
      onMessage(msg);
    };
    ws.onerror = () => {
      // A close event always follows; the decision is made there.
    };
    ws.onclose = (event) => {
      if (socket !== ws) return;
      socket = null;
      const outcome = closeOutcome(event.code, { intentional: stopped && event.code !== 4001 });
      if (outcome === 'reconnect') {
        onStatus('reconnecting');
        timer = setTimer(open, backoffDelay(attempt, random));
        attempt += 1;
        if (!opened) onHandshakeFailed();
      } else if (outcome !== 'stop') {
        stopped = true;
        onEnd(outcome, event.code);
      }
    };
  }

  return {
    connect() {
      if (!stopped) return;
      stopped = false;
      attempt = 0;
      onStatus('connecting');
      open();
    },
    /** Sends a message if the socket is open; returns whether it was sent. */
    send(message) {
      if (!socket || socket.readyState !== OPEN) return false;
      socket.send(JSON.stringify(message));
      return true;
    },
    /** Closes for good (leave, taken over, page teardown): no reconnect. */
    close(code = 1000) {
      stopped = true;
      if (timer !== null) clearTimer(timer);
      timer = null;
      const ws = socket;
      socket = null;
      if (ws) {
        try {
          ws.close(code);
        } catch {
          // Already closing.
        }
      }
    },
    get isOpen() {
      return Boolean(socket && socket.readyState === OPEN);
    },
  };
}
