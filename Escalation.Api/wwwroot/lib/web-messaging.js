// A guest's session on Genesys Cloud Web Messaging (the guest WebSocket API: configureSession, onMessage, the
// platform's StructuredMessage frames). The session token is kept for the tab's life (sessionStorage), so a reload or
// a dropped socket resumes the same conversation. Everything it touches is injected, so it runs under Node in tests.

const RECONNECT_MIN_MS = 1000;
const RECONNECT_MAX_MS = 30_000;
const TOKEN_KEY = 'videoengager.webMessaging.token';

/** The guest session token kept for the tab: the same conversation after a reload, a new one in a new tab. */
export function sessionToken(storage, makeId = () => globalThis.crypto.randomUUID()) {
  let token = null;
  try {
    token = storage?.getItem(TOKEN_KEY) ?? null;
  } catch {
    token = null; // storage disabled: the session lasts as long as the page
  }
  if (!token) {
    token = makeId();
    try {
      storage?.setItem(TOKEN_KEY, token);
    } catch {
      // as above
    }
  }
  return token;
}

/**
 * What a server frame means for the page: { kind: 'session', readOnly } | { kind: 'message', id, direction, text, time }
 * | { kind: 'presence', presence } | { kind: 'typing' } | { kind: 'error', code, text, retryAfter } | null (ignored).
 */
export function readFrame(raw) {
  let frame;
  try {
    frame = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!frame || typeof frame !== 'object') return null;
  const body = frame.body;
  if (frame.class === 'SessionResponse') return { kind: 'session', readOnly: Boolean(body?.readOnly) };
  if (frame.class === 'TooManyRequestsErrorMessage') {
    return { kind: 'error', code: 429, text: body?.errorMessage ?? '', retryAfter: Number(body?.retryAfter) || 3 };
  }
  if (frame.class === 'string' && frame.code >= 400) return { kind: 'error', code: frame.code, text: String(body ?? '') };
  if (frame.class !== 'StructuredMessage' || !body || typeof body !== 'object') return null;
  const id = typeof body.id === 'string' ? body.id : body.channel?.messageId ?? null;
  if (body.type === 'Event') {
    const event = Array.isArray(body.events) ? body.events[0] : null;
    if (event?.eventType === 'Presence') return { kind: 'presence', id, presence: event.presence?.type ?? '' };
    if (event?.eventType === 'Typing') return { kind: 'typing', id };
    return null;
  }
  return {
    kind: 'message',
    id,
    direction: body.direction === 'Outbound' ? 'outbound' : 'inbound',
    text: typeof body.text === 'string' ? body.text : '',
    time: body.channel?.time ?? null,
  };
}

/**
 * createGuestSession({ url, deploymentId, storage, WebSocketImpl, clock, onEvent })
 * onEvent({ type: 'state', state: 'connecting' | 'connected' | 'reconnecting' | 'ended' })
 *        ({ type: 'message', id, direction: 'inbound' | 'outbound', text, time })
 *        ({ type: 'error', code, text, retryAfter })
 * Returns { start(), send(text, customAttributes) -> boolean, lastMessageId(), whenMessage(), close() }.
 */
export function createGuestSession({
  url, deploymentId, storage = globalThis.sessionStorage, WebSocketImpl = globalThis.WebSocket,
  clock = globalThis, makeId, onEvent = () => {},
} = {}) {
  const token = sessionToken(storage, makeId);
  let socket = null;
  let closed = false;
  let ended = false;
  let attempt = 0;
  let lastId = null;
  let waiting = [];

  const emit = (event) => onEvent(event);
  const frame = (body) => JSON.stringify({ ...body, token });

  const connect = () => {
    emit({ type: 'state', state: attempt === 0 ? 'connecting' : 'reconnecting' });
    const address = `${url}?deploymentId=${encodeURIComponent(deploymentId)}`;
    socket = new WebSocketImpl(address);
    socket.onopen = () => socket.send(frame({ action: 'configureSession', deploymentId, startNew: false }));
    socket.onmessage = (event) => handle(readFrame(event.data));
    socket.onclose = () => {
      socket = null;
      if (closed || ended) return;
      // Resume the same session after a pause that grows with each failed try.
      const delay = Math.min(RECONNECT_MAX_MS, RECONNECT_MIN_MS * 2 ** Math.min(attempt, 5));
      attempt += 1;
      emit({ type: 'state', state: 'reconnecting' });
      clock.setTimeout(() => { if (!closed) connect(); }, delay);
    };
  };

  const handle = (read) => {
    if (!read) return;
    if (read.id) lastId = read.id;
    switch (read.kind) {
      case 'session':
        attempt = 0;
        ended = read.readOnly;
        emit({ type: 'state', state: read.readOnly ? 'ended' : 'connected' });
        break;
      case 'message':
        emit({ type: 'message', id: read.id, direction: read.direction, text: read.text, time: read.time });
        if (read.id) {
          for (const resolve of waiting) resolve(read.id);
          waiting = [];
        }
        break;
      case 'presence':
        if (read.presence === 'Disconnect') {
          ended = true;
          emit({ type: 'state', state: 'ended' });
        } else if (read.presence === 'Join') {
          emit({ type: 'joined' });
        }
        break;
      case 'error':
        emit({ type: 'error', code: read.code, text: read.text, retryAfter: read.retryAfter ?? null });
        break;
      default:
        break;
    }
  };

  return {
    start() {
      if (!socket && !closed) connect();
    },
    /** Sends a text; false when the socket is not open (the page keeps the text for another try). */
    send(text, customAttributes = null) {
      if (!socket || socket.readyState !== 1 || ended) return false;
      const message = { type: 'Text', text };
      if (customAttributes) message.channel = { metadata: { customAttributes } };
      socket.send(frame({ action: 'onMessage', message }));
      return true;
    },
    /** The id of the newest message the session received: how a backend finds the conversation. */
    lastMessageId() {
      return lastId;
    },
    /** Resolves with the next message id the session receives. */
    whenMessage() {
      return new Promise((resolve) => waiting.push(resolve));
    },
    get ended() {
      return ended;
    },
    close() {
      closed = true;
      socket?.close();
    },
  };
}
