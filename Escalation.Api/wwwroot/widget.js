/*! VideoEngager widget: <script src="<edge origin>/widget.js" data-key="<widget key>" [data-api="<edge origin>"]>
 * window.VideoEngager = {
 *   scheduleWidget: { collect(visitor), openCalendar({ queueId, lang, container }) },
 *   startGenesysChat({ queueId, deploymentId, locale, visitor, customAttributes, container }),
 *   startVideoChatSession(conversationIdOrMessageId, { queueId, skills, priority, attributes, container }),
 *   on(event, handler), off(event, handler)   // booked, cancelled, videoStarted, agentJoined, ended, error
 * }
 * The hosted pages run in frames inside a Shadow DOM of their own, so nothing here touches the host page's styles and
 * the host's styles touch nothing here. Only this script's own origin is ever contacted.
 */
(function () {
  'use strict';
  if (window.VideoEngager) return;

  var script = document.currentScript;
  var key = (script && script.getAttribute('data-key')) || '';
  var api = ((script && script.getAttribute('data-api')) || (script ? new URL(script.src, location.href).origin : location.origin)).replace(/\/+$/, '');
  var handlers = {};
  var visitor = null;
  var frames = [];

  var STYLE = ':host{all:initial;display:block;font:16px/1.5 system-ui,sans-serif;color:#1b2530}'
    + '.ve-panel{position:relative;background:#fff;border:1px solid #c9d3dc;border-radius:12px;overflow:hidden}'
    + '.ve-dialog{position:fixed;inset:0;z-index:2147483000;display:flex;align-items:center;justify-content:center;background:rgb(15 26 32/.55);padding:12px}'
    + '.ve-dialog .ve-panel{width:min(960px,100%);height:min(92vh,900px);display:flex;flex-direction:column}'
    + '.ve-bar{display:flex;align-items:center;justify-content:space-between;gap:8px;padding:8px 12px;border-bottom:1px solid #c9d3dc}'
    + '.ve-status{margin:0;font-weight:600}'
    + '.ve-close{font:inherit;border:1px solid #7a8894;border-radius:999px;background:#fff;color:#1b2530;padding:4px 14px;cursor:pointer}'
    + '.ve-close:focus-visible{outline:3px solid #0b5563;outline-offset:2px}'
    + 'iframe{display:block;border:0;width:100%;height:720px;flex:1}';

  function emit(type, detail) {
    (handlers[type] || []).slice().forEach(function (handler) {
      try { handler(detail); } catch (err) { setTimeout(function () { throw err; }); }
    });
  }

  function fail(code, message) {
    emit('error', { code: code, message: message });
    return Promise.reject(Object.assign(new Error(message), { code: code }));
  }

  function containerOf(container) {
    if (!container) return null;
    if (typeof container === 'string') return document.querySelector(container);
    return container.nodeType === 1 ? container : null;
  }

  // A frame in a shadow root: inline in the host's container, or as a dialog over the page.
  function mount(options) {
    var target = containerOf(options.container);
    var host = document.createElement('videoengager-widget');
    var root = host.attachShadow({ mode: 'open' });
    var style = document.createElement('style');
    style.textContent = STYLE;
    var panel = document.createElement('div');
    panel.className = 've-panel';
    var bar = document.createElement('div');
    bar.className = 've-bar';
    var status = document.createElement('p');
    status.className = 've-status';
    status.setAttribute('role', 'status');
    bar.appendChild(status);
    var frame = document.createElement('iframe');
    frame.title = options.title;
    frame.src = options.src;
    frame.setAttribute('allow', 'camera; microphone; display-capture; autoplay; fullscreen');
    frame.referrerPolicy = 'no-referrer';
    var wrapper = panel;
    if (!target) {
      wrapper = document.createElement('div');
      wrapper.className = 've-dialog';
      wrapper.setAttribute('role', 'dialog');
      wrapper.setAttribute('aria-modal', 'true');
      wrapper.setAttribute('aria-label', options.title);
      wrapper.appendChild(panel);
      var close = document.createElement('button');
      close.type = 'button';
      close.className = 've-close';
      close.textContent = options.closeLabel || 'Close';
      close.addEventListener('click', function () { remove(); });
      bar.appendChild(close);
      wrapper.addEventListener('keydown', function (event) { if (event.key === 'Escape') remove(); });
    }
    panel.appendChild(bar);
    panel.appendChild(frame);
    root.appendChild(style);
    root.appendChild(wrapper);
    (target || document.body).appendChild(host);
    var entry = { frame: frame, status: status, onReady: options.onReady, remove: remove };
    frames.push(entry);
    function remove() {
      host.remove();
      frames = frames.filter(function (f) { return f !== entry; });
      if (options.onClose) options.onClose();
    }
    return entry;
  }

  // Events from our own frames only: this script's origin, a frame we made, our envelope.
  window.addEventListener('message', function (event) {
    if (event.origin !== api) return;
    var data = event.data;
    if (!data || typeof data !== 'object' || data.source !== 'videoengager' || typeof data.type !== 'string') return;
    var entry = frames.filter(function (f) { return f.frame.contentWindow === event.source; })[0];
    if (!entry) return;
    if (data.type === 'ready') {
      if (entry.onReady) entry.onReady(entry);
      return;
    }
    emit(data.type, data.detail || {});
  });

  function tell(entry, type, detail) {
    entry.frame.contentWindow.postMessage({ source: 'videoengager', type: type, detail: detail }, api);
  }

  function page(path, params) {
    var query = Object.keys(params).filter(function (name) { return params[name]; })
      .map(function (name) { return encodeURIComponent(name) + '=' + encodeURIComponent(params[name]); }).join('&');
    return api + path + '?' + query;
  }

  // The checks the API makes, so a host learns of a mistake before the visitor is shown anything.
  function collect(input) {
    var v = input || {};
    var errors = {};
    var name = String(v.name || '').trim();
    var email = String(v.email || '').trim();
    var phone = String(v.phone || '').replace(/[\s().-]/g, '');
    if (!name || name.length > 200) errors.name = 'Name must be 1 to 200 characters.';
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) errors.email = 'Email must be an e-mail address.';
    if (!/^\+[1-9]\d{6,14}$/.test(phone)) errors.phone = 'Phone must be a number with its country code, e.g. +971501234567.';
    if (v.preferredLang && ['en', 'ar'].indexOf(v.preferredLang) < 0) errors.preferredLang = 'Preferred language must be en or ar.';
    if (Object.keys(errors).length) {
      emit('error', { code: 'invalid-visitor', message: 'The visitor details are not valid.', errors: errors });
      return { ok: false, errors: errors };
    }
    visitor = { name: name, email: email, phone: phone, preferredLang: v.preferredLang || 'en', productLine: v.productLine || '' };
    return { ok: true, visitor: Object.assign({}, visitor) };
  }

  function openCalendar(options) {
    var o = options || {};
    if (!o.queueId) return fail('invalid-argument', 'queueId is required.');
    var lang = o.lang === 'ar' ? 'ar' : 'en';
    mount({
      title: lang === 'ar' ? 'احجز موعد مكالمة فيديو' : 'Book a video appointment',
      closeLabel: lang === 'ar' ? 'إغلاق' : 'Close',
      src: page('/book', { queueId: o.queueId, lang: lang, key: key, embed: location.origin }),
      container: o.container,
      onReady: function (entry) { if (visitor) tell(entry, 'collect', { visitor: visitor }); },
    });
    return Promise.resolve();
  }

  function startGenesysChat(options) {
    var o = options || {};
    if (o.visitor) collect(o.visitor);
    var lang = String(o.locale || o.lang || 'en').slice(0, 2) === 'ar' ? 'ar' : 'en';
    mount({
      title: lang === 'ar' ? 'تحدث معنا' : 'Chat with us',
      closeLabel: lang === 'ar' ? 'إغلاق' : 'Close',
      src: page('/chat', { queueId: o.queueId || (o.customAttributes && o.customAttributes.queueId) || '', lang: lang, key: key,
        deploymentId: o.deploymentId || '', embed: location.origin }),
      container: o.container,
      onReady: function (entry) {
        tell(entry, 'collect', { visitor: visitor || {}, customAttributes: o.customAttributes || {} });
      },
    });
    return Promise.resolve();
  }

  function create(body) {
    return fetch(api + '/create', {
      method: 'POST',
      mode: 'cors',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Tenant-Key': key },
      body: JSON.stringify(body),
    }).then(function (response) {
      return response.json().catch(function () { return null; }).then(function (data) { return { status: response.status, data: data }; });
    });
  }

  // Start Video: the video leg joins the chat (by a message id the guest's session received, or the conversation id).
  function startVideoChatSession(id, routing) {
    var r = routing || {};
    if (!visitor) return fail('invalid-visitor', 'Call scheduleWidget.collect(visitor) first.');
    if (!r.queueId) return fail('invalid-argument', 'queueId is required.');
    var body = { visitor: { name: visitor.name, email: visitor.email, phone: visitor.phone, preferredLang: visitor.preferredLang },
      queueId: r.queueId, desiredTime: 'now', skills: r.skills, priority: r.priority, attributes: r.attributes };
    var asMessage = Object.assign({}, body, id ? { messageId: String(id) } : {});
    return create(asMessage).then(function (answer) {
      // Not a message of any chat: it may be the conversation's own id.
      var errors = answer.data && answer.data.errors;
      if (id && answer.status === 404 && errors && errors.messageId) {
        return create(Object.assign({}, body, { conversationId: String(id) }));
      }
      return answer;
    }).then(function (answer) {
      if (answer.status === 401) return fail('origin-not-allowed', 'This site may not use this widget key.');
      if (answer.status !== 200 && answer.status !== 201) {
        return fail('start-video-failed', (answer.data && (answer.data.detail || answer.data.title)) || 'HTTP ' + answer.status);
      }
      return show(answer.data, r.container);
    }, function () {
      return fail('network', 'The video service could not be reached.');
    });
  }

  var TEXT = {
    waiting: 'Waiting for an agent', offered: 'Waiting for an agent', scheduled: 'Waiting for an agent',
    'agent-joined': 'An agent has joined', ended: 'The video call has ended', failed: 'No agent could be reached',
  };

  function show(booking, container) {
    var events = null;
    var entry = mount({
      title: 'Video call', closeLabel: 'Close', src: booking.customerUrl, container: container,
      onClose: function () { if (events) events.close(); },
    });
    var shown = null;
    function status(value) {
      if (!TEXT[value] || value === shown) return;
      shown = value;
      entry.status.textContent = TEXT[value];
      if (value === 'agent-joined') emit('agentJoined', { bookingId: booking.bookingId });
      if (value === 'ended' || value === 'failed') {
        if (events) events.close();
        emit('ended', { bookingId: booking.bookingId, status: value });
      }
    }
    status(booking.interactionStatus || 'waiting');
    if (booking.eventsUrl && window.EventSource) {
      events = new EventSource(booking.eventsUrl);
      events.addEventListener('status', function (event) {
        try { status(JSON.parse(event.data).status); } catch (err) { /* a malformed event changes nothing */ }
      });
    }
    var detail = { bookingId: booking.bookingId, customerUrl: booking.customerUrl, manageUrl: booking.manageUrl };
    emit('videoStarted', detail);
    return detail;
  }

  window.VideoEngager = Object.freeze({
    scheduleWidget: Object.freeze({ collect: collect, openCalendar: openCalendar }),
    startGenesysChat: startGenesysChat,
    startVideoChatSession: startVideoChatSession,
    on: function (type, handler) {
      if (typeof handler === 'function') (handlers[type] = handlers[type] || []).push(handler);
    },
    off: function (type, handler) {
      handlers[type] = (handlers[type] || []).filter(function (h) { return h !== handler; });
    },
  });
}());
