// Room chat: a role="log" list of lines (who, time, text) and a labelled message box.
import { h } from '../lib/dom.js';
import { icon } from '../lib/icons.js';
import { t, formatClock } from '../lib/i18n.js';
import { validateChatText, CHAT_MAX_LENGTH } from './states.js';

let uid = 0;

/**
 * createChat({ lang, send }) -> { element, addLine }
 * send(text) returns true when the message went out (socket open).
 */
export function createChat({ lang, send }) {
  uid += 1;
  const ids = { heading: `chat-heading-${uid}`, input: `chat-input-${uid}`, error: `chat-error-${uid}` };

  const list = h('ol', { class: 'chat__list' });
  const empty = h('p', { class: 'chat__empty', text: t('chat.empty') });
  const log = h('div', {
    class: 'chat__log', role: 'log', 'aria-label': t('chat.log'), 'aria-live': 'polite', tabindex: '0',
  }, list);
  const error = h('p', { class: 'chat__error', id: ids.error, role: 'alert' });
  const input = h('input', {
    class: 'input chat__input', id: ids.input, type: 'text', name: 'message', autocomplete: 'off',
    maxlength: String(CHAT_MAX_LENGTH), dir: 'auto', enterkeyhint: 'send',
  });
  const sendButton = h('button', { type: 'submit', class: 'btn btn--primary chat__send' },
    icon('send', { mirror: true }),
    h('span', { text: t('chat.send') }));

  const showError = (key) => {
    error.textContent = key ? t(key) : '';
    if (key) input.setAttribute('aria-describedby', ids.error);
    else input.removeAttribute('aria-describedby');
  };

  const form = h('form', { class: 'chat__form', novalidate: true },
    h('label', { class: 'field__label chat__label', for: ids.input, text: t('chat.message') }),
    h('div', { class: 'chat__row' }, input, sendButton));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const checked = validateChatText(input.value);
    if (!checked.ok) {
      // An empty message is simply not sent; an over-long one explains why.
      showError(checked.reason === 'too-long' ? 'chat.tooLong' : null);
      input.focus();
      return;
    }
    if (!send(checked.text)) {
      showError('chat.notSent');
      return;
    }
    showError(null);
    addLine({ self: true, who: t('chat.you'), at: new Date().toISOString(), text: checked.text });
    input.value = '';
    input.focus();
  });
  input.addEventListener('input', () => {
    if (error.textContent) showError(null);
  });

  const element = h('section', { class: 'chat card', 'aria-labelledby': ids.heading },
    h('h2', { class: 'chat__title', id: ids.heading, text: t('chat.title') }),
    log, empty, form, error);

  /** One line: "who · time" then the text. Text is data: textContent + dir=auto, never markup. */
  function addLine({ self, who, at, text }) {
    empty.hidden = true;
    const item = h('li', { class: self ? 'chat__line chat__line--self' : 'chat__line' },
      h('p', { class: 'chat__meta' },
        h('bdi', { class: 'chat__who', text: who }),
        h('span', { class: 'chat__sep', 'aria-hidden': 'true', text: ' · ' }),
        h('time', { class: 'chat__time', datetime: at, text: formatClock(at, { lang }) })),
      h('p', { class: 'chat__text', dir: 'auto', text }));
    list.append(item);
    log.scrollTop = log.scrollHeight;
  }

  return { element, addLine };
}
