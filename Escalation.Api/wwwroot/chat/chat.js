// /chat?queueId=…&lang=…&key=…: a Web Messaging chat with the contact center and, beside it, Start video: the
// visitor's details, then the video call in the page (the room in an iframe) with its live status. The video leg is
// added to this chat's conversation (POST /create with a message id of the chat), so chat and video are one
// interaction. The embedding page hears window events: videoengager:videoStarted, :agentJoined, :ended, :error.
import { h } from '../lib/dom.js';
import { icon } from '../lib/icons.js';
import { loadStrings, setPageLanguage, t } from '../lib/i18n.js';
import { readBookPage, filled, safeUrl, newIdempotencyKey } from '../lib/booking-model.js';
import { createBookingApi } from '../lib/booking-api.js';
import { createVisitorForm } from '../lib/visitor-form.js';
import { mapServerErrors } from '../lib/validation.js';
import { messageCard, rateLimitedText, showNotice, emit, embedFor } from '../lib/booking-ui.js';
import { embedderOf, fromEmbedder, tellEmbedder } from '../lib/embedding.js';
import { createGuestSession } from '../lib/web-messaging.js';

const MAX_MESSAGE_LENGTH = 1000;
/** How long Start video waits for the chat to echo its request line before going on without a message id. */
const ECHO_WAIT_MS = 5000;
const VIDEO_TEXTS = Object.freeze({
  title: 'chatPage.videoTitle', intro: 'chatPage.videoIntro', submit: 'chatPage.startVideo', submitIcon: 'camera',
});
const STATUS_TEXT = Object.freeze({
  scheduled: 'chatPage.waiting',
  waiting: 'chatPage.waiting',
  'agent-joined': 'chatPage.agentJoined',
  ended: 'chatPage.videoEnded',
  failed: 'chatPage.videoFailed',
});

/** Starts the page; everything it touches can be passed in, so tests run it on a fake document. */
export async function startChatPage({
  doc = globalThis.document,
  win = globalThis.window,
  loc = globalThis.location,
  fetchImpl = (...args) => globalThis.fetch(...args),
  WebSocketImpl = globalThis.WebSocket,
  EventSourceImpl = globalThis.EventSource,
  storage = globalThis.sessionStorage,
  clock = globalThis,
} = {}) {
  const root = doc.documentElement;
  const page = readBookPage({ htmlLang: root.getAttribute('lang') ?? '', search: loc.search });
  const { lang, queueId } = page;
  setPageLanguage(root, lang);
  await loadStrings(lang, fetchImpl);

  const view = doc.getElementById('chat-view');
  doc.title = t('chatPage.pageTitle');
  doc.getElementById('page-heading').textContent = t('chatPage.title');
  const intro = doc.getElementById('page-intro');
  intro.textContent = t('chatPage.intro');
  view.removeAttribute('aria-busy');

  if (!queueId || !page.key) {
    intro.hidden = true;
    const { element } = messageCard({
      idPrefix: 'unavailable', title: t('chatPage.unavailableTitle'), lines: [t('book.unavailableBody')], iconName: 'warning',
    });
    view.replaceChildren(element);
    return;
  }

  const api = createBookingApi({ fetch: fetchImpl, widgetKey: page.key });

  // ---------- the chat ----------
  const empty = h('p', { class: 'chat-log__empty', text: t('chatPage.empty') });
  const lines = h('ol', { class: 'chat-log__list' });
  const log = h('div', { class: 'chat-log', role: 'log', 'aria-label': t('chatPage.log'), tabindex: '0' }, empty, lines);
  const input = h('input', {
    id: 'chat-message', class: 'input', type: 'text', autocomplete: 'off', maxlength: String(MAX_MESSAGE_LENGTH),
  });
  const sendButton = h('button', { type: 'submit', class: 'btn btn--primary' }, icon('send', { mirror: lang === 'ar' }),
    h('span', { text: t('chatPage.send') }));
  const form = h('form', { class: 'chat-form', novalidate: true },
    h('div', { class: 'field' }, h('label', { class: 'field__label', for: input.id, text: t('chatPage.message') }), input),
    sendButton);
  const state = h('p', { class: 'chat-state', role: 'status' });
  const chatPanel = h('section', { class: 'card chat-panel', 'aria-labelledby': 'chat-title' },
    h('h2', { id: 'chat-title', class: 'chat-panel__title', text: t('chatPage.chatTitle') }), log, form, state);

  // ---------- the video call ----------
  const videoNotice = h('div', { class: 'video-panel__notice' });
  const formSlot = h('div');
  const callStatus = h('p', { class: 'video-panel__status', role: 'status' });
  const frame = h('iframe', {
    class: 'video-panel__frame', title: t('chatPage.videoFrame'),
    allow: 'camera; microphone; display-capture; autoplay; fullscreen',
  });
  const callSlot = h('div', { class: 'video-panel__call', hidden: true },
    h('h2', { class: 'video-panel__title', text: t('chatPage.videoFrame') }), callStatus, frame);
  const videoPanel = h('section', { class: 'card video-panel', 'aria-label': t('chatPage.videoTitle') },
    videoNotice, formSlot, callSlot);
  view.replaceChildren(chatPanel, videoPanel);

  const addLine = (direction, text) => {
    empty.hidden = true;
    const mine = direction === 'inbound';
    lines.append(h('li', { class: `chat-line ${mine ? 'chat-line--mine' : ''}`.trim() },
      h('span', { class: 'chat-line__who', text: t(mine ? 'chatPage.you' : 'chatPage.agent') }),
      h('span', { text })));
    log.scrollTop = log.scrollHeight;
  };
  const addEvent = (text) => {
    empty.hidden = true;
    lines.append(h('li', { class: 'chat-line chat-line--event', text }));
  };

  // The queue and language travel with the chat, so routing and the agent see them.
  const chatAttributes = { queueId, lang };
  let attributesSent = false;
  const wmUrl = filled(root.dataset.webMessagingUrl ?? '');
  const deploymentId = filled(root.dataset.deploymentId ?? '');
  const session = wmUrl && deploymentId && WebSocketImpl
    ? createGuestSession({
      url: wmUrl, deploymentId, storage, WebSocketImpl, clock,
      onEvent: (event) => {
        if (event.type === 'state') {
          state.textContent = t(`chatPage.${event.state}`);
          sendButton.disabled = event.state === 'ended';
        } else if (event.type === 'message' && event.text) {
          addLine(event.direction, event.text);
        } else if (event.type === 'joined') {
          addEvent(t('chatPage.agentJoinedChat'));
        } else if (event.type === 'error') {
          state.textContent = t(event.code === 429 ? 'chatPage.tooFast' : 'chatPage.notSent');
        }
      },
    })
    : null;
  if (session) session.start();
  else {
    state.textContent = t('chatPage.unavailable');
    sendButton.disabled = true;
  }

  const sendText = (text) => {
    const sent = session?.send(text, attributesSent ? null : chatAttributes) ?? false;
    if (sent) attributesSent = true;
    return sent;
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) {
      input.focus();
      return;
    }
    if (text.length > MAX_MESSAGE_LENGTH) {
      state.textContent = t('chat.tooLong');
      return;
    }
    if (sendText(text)) input.value = '';
    else state.textContent = t('chatPage.notSent');
    input.focus();
  });

  // ---------- Start video ----------
  let events = null;
  let busy = false;

  /** A message id of this chat: the newest received, or the echo of a line asking for video. */
  const chatMessageId = async () => {
    if (!session || session.ended) return null;
    const known = session.lastMessageId();
    if (known) return known;
    const next = session.whenMessage();
    if (!sendText(t('chatPage.videoRequested'))) return null;
    return Promise.race([next, new Promise((resolve) => clock.setTimeout(() => resolve(null), ECHO_WAIT_MS))]);
  };

  const showCall = (booking) => {
    const room = safeUrl(booking.customerUrl, loc.origin);
    const stream = safeUrl(booking.eventsUrl, loc.origin);
    if (!room) {
      showNotice(videoNotice, t('chatPage.startFailed'), { kind: 'warning', role: 'alert' });
      return;
    }
    formSlot.hidden = true;
    callSlot.hidden = false;
    frame.src = room;
    setStatus(booking.interactionStatus || 'waiting');
    emit(win, 'videoStarted', { bookingId: booking.bookingId });
    if (stream && EventSourceImpl) {
      events?.close();
      events = new EventSourceImpl(stream);
      events.addEventListener('status', (event) => {
        try {
          setStatus(JSON.parse(event.data).status);
        } catch {
          // a malformed event changes nothing
        }
      });
    }
  };

  let shown = null;
  const setStatus = (status) => {
    if (!STATUS_TEXT[status] || status === shown) return;
    shown = status;
    callStatus.textContent = t(STATUS_TEXT[status]);
    if (status === 'agent-joined') emit(win, 'agentJoined', {});
    if (status === 'ended' || status === 'failed') {
      events?.close();
      events = null;
      emit(win, 'ended', { status });
      formSlot.hidden = false; // another video call may follow in the same chat
    }
  };

  const visitorForm = createVisitorForm(formSlot, {
    lang,
    idPrefix: 'video',
    texts: VIDEO_TEXTS,
    onSubmit: async (request) => {
      if (busy) return;
      busy = true;
      visitorForm.setBusy(true);
      videoNotice.replaceChildren();
      try {
        const messageId = await chatMessageId();
        const body = {
          visitor: request.visitor,
          queueId,
          desiredTime: 'now',
          attributes: { productLine: request.productLine },
          ...(messageId ? { messageId } : {}),
        };
        const res = await api.createBooking(body, newIdempotencyKey());
        if (res.ok && res.data) {
          shown = null;
          showCall(res.data);
        } else {
          refused(res);
        }
      } finally {
        busy = false;
        visitorForm.setBusy(false);
      }
    },
  });

  // In a tenant's site (widget.js): its collect() or startGenesysChat({ visitor }) fills the details.
  const embedder = embedderOf(loc.search, win);
  embedFor(embedder);
  fromEmbedder(win, embedder, (message) => {
    if (message.type !== 'collect') return;
    visitorForm.fill(message.detail?.visitor ?? {});
    // The host's custom attributes travel with the chat (strings only), as Messenger's customAttributes do.
    for (const [name, value] of Object.entries(message.detail?.customAttributes ?? {})) {
      if (typeof value === 'string' && name.length <= 100 && !attributesSent) chatAttributes[name] = value;
    }
  });
  tellEmbedder(win, embedder, 'ready');

  const refused = (res) => {
    emit(win, 'error', { code: String(res.status), message: res.data?.detail ?? '' });
    if (res.status === 400) {
      const { fields, other } = mapServerErrors(res.data);
      if (Object.keys(fields).length) visitorForm.showErrors(fields, { focus: true });
      if (other.length === 0) return;
    }
    const text = res.status === 429 ? rateLimitedText(res.retryAfter, { lang })
      : res.status === 409 || res.status === 404 ? t('chatPage.chatEnded')
        : t('chatPage.startFailed');
    showNotice(videoNotice, text, { kind: 'warning', role: 'alert' });
  };
}

if (globalThis.document?.getElementById('chat-view')) {
  startChatPage();
}
