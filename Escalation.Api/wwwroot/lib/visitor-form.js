// The visitor's details form: Name, E-mail, Country code + Phone, Product line, Preferred language and
// "Show available times". Checks like the API does (validation.js); each error sits under its field
// (aria-describedby + aria-invalid), a summary lists them in a live region, focus goes to the first one.
// No globals: give it a container and callbacks; several can live on one page (idPrefix).
import { h } from './dom.js';
import { icon } from './icons.js';
import { t } from './i18n.js';
import {
  validateVisitor, errorKey, FIELDS, PRODUCT_LINES, PREFERRED_LANGUAGES, COUNTRY_CODES, DEFAULT_COUNTRY_CODE,
} from './validation.js';

// Keeps '+971' reading left to right inside Arabic option text (Unicode isolates; options cannot hold <bdi>).
const ltr = (text) => `\u2066${text}\u2069`;

// The booking page's texts; the chat page's Start video form brings its own.
const BOOKING_TEXTS = Object.freeze({
  title: 'visitorForm.title', intro: 'visitorForm.intro', submit: 'visitorForm.submit', submitIcon: 'calendar',
});

/**
 * createVisitorForm(container, { lang, idPrefix, initial, onSubmit, texts })
 * texts: { title, intro, submit, submitIcon } — i18n keys and an icon name; the booking page's by default.
 * onSubmit(request, values): request = { visitor: { name, email, phone (E.164), preferredLang }, productLine }.
 * Returns { element, focus(), focusField(name), showErrors(errors, { focus }), clearErrors(), values(), setBusy(busy) }.
 * errors: { name|email|phone|productLine|preferredLang: 'required' | 'invalid' | 'tooLong' | 'server' }.
 */
export function createVisitorForm(container, {
  lang = 'en', idPrefix = 'visitor', initial = {}, onSubmit = () => {}, texts = BOOKING_TEXTS,
} = {}) {
  const id = (name) => `${idPrefix}-${name}`;
  const fields = {};
  let shownErrors = {};

  const errorSlot = (name) => h('p', { id: id(`${name}-error`), class: 'field__error', hidden: true });

  const describe = (name) => {
    const field = fields[name];
    const ids = [...field.hints];
    if (shownErrors[name]) ids.push(field.error.id);
    if (ids.length) field.control.setAttribute('aria-describedby', ids.join(' '));
    else field.control.removeAttribute('aria-describedby');
  };

  const textInput = (name, props) => h('input', {
    id: id(name), name, class: 'input', required: true, ...props,
  });

  // Name
  const nameInput = textInput('name', {
    type: 'text', autocomplete: 'name', value: initial.name ?? '',
  });
  fields.name = { control: nameInput, error: errorSlot('name'), hints: [] };

  // E-mail (addresses read left to right in Arabic pages too)
  const emailInput = textInput('email', {
    type: 'email', autocomplete: 'email', inputmode: 'email', dir: 'ltr', spellcheck: 'false', autocapitalize: 'off',
    value: initial.email ?? '',
  });
  fields.email = { control: emailInput, error: errorSlot('email'), hints: [] };

  // Country code + Phone
  const countrySelect = h('select', { id: id('country-code'), name: 'countryCode', class: 'select', autocomplete: 'tel-country-code' },
    COUNTRY_CODES.map(({ code, region }) => h('option', {
      value: code,
      selected: code === (initial.countryCode ?? DEFAULT_COUNTRY_CODE),
      text: `${t(`countries.${region}`)} (${ltr(code)})`,
    })));
  const phoneHint = h('p', { id: id('phone-hint'), class: 'field__hint', text: t('visitorForm.phoneHint') });
  const phoneInput = textInput('phone', {
    type: 'tel', autocomplete: 'tel-national', inputmode: 'tel', dir: 'ltr', value: initial.phone ?? '',
  });
  fields.phone = { control: phoneInput, error: errorSlot('phone'), hints: [phoneHint.id] };

  // Product line (values are the English names the contact center routes on)
  const productSelect = h('select', { id: id('product-line'), name: 'productLine', class: 'select' },
    PRODUCT_LINES.map(({ value, key }) => h('option', { value, selected: value === initial.productLine, text: t(key) })));
  fields.productLine = { control: productSelect, error: errorSlot('productLine'), hints: [] };

  // Preferred language (default: the page's)
  const langSelect = h('select', { id: id('preferred-lang'), name: 'preferredLang', class: 'select' },
    PREFERRED_LANGUAGES.map(({ value, label }) => h('option', {
      value, lang: value, selected: value === (initial.preferredLang ?? lang), text: label,
    })));
  fields.preferredLang = { control: langSelect, error: errorSlot('preferredLang'), hints: [] };

  const label = (control, key) => h('label', { class: 'field__label', for: control.id, text: t(key) });
  const field = (name, key, extraClass = '') => h('div', { class: `field ${extraClass}`.trim() },
    label(fields[name].control, key), fields[name].control, fields[name].error);

  const summaryTitle = id('summary-title');
  const summary = h('div', { id: id('summary'), class: 'form-summary', 'aria-live': 'assertive', 'aria-atomic': 'true' });
  const submit = h('button', { type: 'submit', class: 'btn btn--primary visitor-form__submit' },
    icon(texts.submitIcon), h('span', { text: t(texts.submit) }));
  const heading = h('h2', { id: id('title'), class: 'visitor-form__title', tabindex: '-1', text: t(texts.title) });

  const form = h('form', { class: 'visitor-form', novalidate: true, 'aria-labelledby': heading.id },
    heading,
    h('p', { class: 'visitor-form__intro', text: t(texts.intro) }),
    summary,
    field('name', 'visitorForm.name'),
    field('email', 'visitorForm.email'),
    h('div', { class: 'field field--phone' },
      h('div', { class: 'phone' },
        h('div', { class: 'field' }, label(countrySelect, 'visitorForm.countryCode'), countrySelect),
        h('div', { class: 'field' }, label(phoneInput, 'visitorForm.phone'), phoneInput)),
      phoneHint,
      fields.phone.error),
    h('div', { class: 'visitor-form__row' },
      field('productLine', 'visitorForm.productLine'),
      field('preferredLang', 'visitorForm.preferredLang')),
    h('div', { class: 'visitor-form__actions' }, submit));
  for (const name of FIELDS) describe(name);

  const values = () => ({
    name: nameInput.value,
    email: emailInput.value,
    countryCode: countrySelect.value,
    phone: phoneInput.value,
    productLine: productSelect.value,
    preferredLang: langSelect.value,
  });

  const setFieldError = (name, reason) => {
    const { control, error } = fields[name];
    if (reason) {
      shownErrors[name] = reason;
      error.replaceChildren(icon('warning'), h('span', { text: t(errorKey(name, reason)) }));
      error.hidden = false;
      control.setAttribute('aria-invalid', 'true');
    } else {
      delete shownErrors[name];
      error.replaceChildren();
      error.hidden = true;
      control.removeAttribute('aria-invalid');
    }
    describe(name);
  };

  const focusField = (name) => fields[name]?.control.focus();

  const renderSummary = () => {
    const names = FIELDS.filter((name) => shownErrors[name]);
    if (names.length === 0) {
      summary.replaceChildren();
      return;
    }
    summary.replaceChildren(h('div', { class: 'notice notice--warning form-summary__box' },
      icon('warning'),
      h('div', { class: 'notice__body' },
        h('p', { id: summaryTitle, class: 'form-summary__title', text: t('visitorForm.errors.summary') }),
        h('ul', { class: 'form-summary__list', 'aria-labelledby': summaryTitle },
          names.map((name) => {
            const link = h('a', { href: `#${fields[name].control.id}`, text: t(errorKey(name, shownErrors[name])) });
            link.addEventListener('click', (event) => {
              event.preventDefault();
              focusField(name);
            });
            return h('li', {}, link);
          })))));
  };

  const showErrors = (errors, { focus = true } = {}) => {
    for (const name of FIELDS) setFieldError(name, errors[name] ?? null);
    renderSummary();
    const first = FIELDS.find((name) => errors[name]);
    if (focus && first) focusField(first);
  };

  const clearErrors = () => showErrors({}, { focus: false });

  // Once a field shows an error, fixing it clears the error as the visitor types (new errors wait for submit).
  for (const name of FIELDS) {
    const control = fields[name].control;
    const recheck = () => {
      if (!shownErrors[name]) return;
      const { errors } = validateVisitor(values());
      if (!errors[name]) {
        setFieldError(name, null);
        renderSummary();
      }
    };
    control.addEventListener('input', recheck);
    control.addEventListener('change', recheck);
  }
  // The calling code changes what a valid phone number is.
  countrySelect.addEventListener('change', () => {
    if (!shownErrors.phone) return;
    if (!validateVisitor(values()).errors.phone) {
      setFieldError('phone', null);
      renderSummary();
    }
  });

  let busy = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy) return;
    const result = validateVisitor(values());
    if (!result.ok) {
      showErrors(result.errors, { focus: true });
      return;
    }
    clearErrors();
    onSubmit(result.request, values());
  });

  container.append(form);

  return {
    element: form,
    focus: () => heading.focus(),
    focusField,
    showErrors,
    clearErrors,
    values,
    /** Fills in what another part of the page (or the widget's collect()) already knows; empty values are left. */
    fill(known = {}) {
      const set = (control, value) => {
        if (typeof value === 'string' && value.trim()) control.value = value.trim();
      };
      set(nameInput, known.name);
      set(emailInput, known.email);
      set(phoneInput, known.phone);
      if (PRODUCT_LINES.some((p) => p.value === known.productLine)) productSelect.value = known.productLine;
      if (PREFERRED_LANGUAGES.some((l) => l.value === known.preferredLang)) langSelect.value = known.preferredLang;
    },
    setBusy(next) {
      busy = Boolean(next);
      if (busy) submit.setAttribute('aria-disabled', 'true');
      else submit.removeAttribute('aria-disabled');
    },
  };
}
