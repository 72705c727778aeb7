// Agent-only "Customer" panel, filled from the server's welcome (never from the URL).
import { h } from '../lib/dom.js';
import { t, formatDate, formatTime } from '../lib/i18n.js';

const row = (term, value) => h('div', { class: 'facts__row' },
  h('dt', { class: 'facts__term', text: term }),
  h('dd', { class: 'facts__value' }, h('bdi', { text: value })));

/** booking: { customerName?, queueName, scheduledTime, attributes? } from welcome. */
export function renderCustomerPanel(container, booking, { lang }) {
  const headingId = 'customer-heading';
  const rows = [];
  if (booking.customerName) rows.push(row(t('agent.name'), booking.customerName));
  if (booking.queueName) rows.push(row(t('agent.queue'), booking.queueName));
  if (booking.scheduledTime) {
    const when = t('time.dateAndTime', {
      date: formatDate(booking.scheduledTime, { lang }), time: formatTime(booking.scheduledTime, { lang }),
    });
    rows.push(row(t('agent.scheduled'), when));
  }
  const attributes = Object.entries(booking.attributes ?? {});
  const details = attributes.length === 0 ? null : [
    h('h3', { class: 'facts__subtitle', text: t('agent.details') }),
    h('dl', { class: 'facts' }, attributes.map(([key, value]) => row(key, value))),
  ];
  container.replaceChildren(h('section', { class: 'customer card', 'aria-labelledby': headingId },
    h('h2', { id: headingId, text: t('agent.title') }),
    h('dl', { class: 'facts' }, rows),
    details));
  container.hidden = false;
}
