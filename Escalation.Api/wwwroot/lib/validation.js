// The visitor's details, checked in the browser the way the API checks them, so most mistakes are
// caught before a request. Pure (no DOM, no network): unit-tested under Node.
// The API stays the judge: its 400 answer is mapped back onto the same fields (mapServerErrors).

export const NAME_MAX_LENGTH = 200;
export const EMAIL_MAX_LENGTH = 254;
export const PHONE_MIN_DIGITS = 6;
export const PHONE_MAX_DIGITS = 15;

/** Sent as the English text whatever the page language (the contact center routes on it). */
export const PRODUCT_LINES = Object.freeze([
  { value: 'Post-paid', key: 'visitorForm.products.postPaid' },
  { value: 'Pre-paid', key: 'visitorForm.products.prePaid' },
  { value: 'Home internet', key: 'visitorForm.products.homeInternet' },
  { value: 'Business', key: 'visitorForm.products.business' },
]);

/** Language names are written in their own language on every page (how people look for them). */
export const PREFERRED_LANGUAGES = Object.freeze([
  { value: 'en', label: 'English' },
  { value: 'ar', label: 'العربية' },
]);

/** A short list of common calling codes; region is the key of the country's name in the strings. */
export const COUNTRY_CODES = Object.freeze([
  { code: '+971', region: 'AE' },
  { code: '+966', region: 'SA' },
  { code: '+965', region: 'KW' },
  { code: '+974', region: 'QA' },
  { code: '+973', region: 'BH' },
  { code: '+968', region: 'OM' },
  { code: '+20', region: 'EG' },
  { code: '+962', region: 'JO' },
  { code: '+961', region: 'LB' },
  { code: '+44', region: 'GB' },
  { code: '+1', region: 'US' },
  { code: '+91', region: 'IN' },
  { code: '+92', region: 'PK' },
  { code: '+63', region: 'PH' },
]);
export const DEFAULT_COUNTRY_CODE = '+971';

/** Field order on the form: the first invalid one in this order gets focus. */
export const FIELDS = Object.freeze(['name', 'email', 'phone', 'productLine', 'preferredLang']);

// Unicode category Cc, what .NET's char.IsControl rejects.
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;

/** null when fine, else 'required' | 'tooLong' | 'invalid'. Counted in UTF-16 units, as the server does. */
export function checkName(value) {
  const name = String(value ?? '').trim();
  if (name.length === 0) return 'required';
  if (name.length > NAME_MAX_LENGTH) return 'tooLong';
  if (CONTROL.test(name)) return 'invalid';
  return null;
}

// local@domain.tld: no spaces, one @, no empty/leading/trailing/double dots, a dotted host whose labels
// do not start or end with a hyphen (letters of any script allowed, as in internationalised domains).
const LOCAL = /^[^\s@"(),:;<>[\]\\]+$/u;
const LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?$/u;

/** null when fine, else 'required' | 'invalid'. */
export function checkEmail(value) {
  const email = String(value ?? '').trim();
  if (email.length === 0) return 'required';
  if (email.length > EMAIL_MAX_LENGTH || CONTROL.test(email)) return 'invalid';
  const at = email.lastIndexOf('@');
  if (at <= 0 || email.indexOf('@') !== at) return 'invalid';
  const local = email.slice(0, at);
  const host = email.slice(at + 1);
  if (!LOCAL.test(local) || local.startsWith('.') || local.endsWith('.') || local.includes('..')) return 'invalid';
  const labels = host.split('.');
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) return 'invalid';
  return null;
}

// Separators people type inside phone numbers.
const PHONE_SEPARATORS = /[\s\u00A0\-().\/]/g;

/**
 * The number as E.164 ('+971501234567') from the chosen calling code and what was typed.
 * Spaces, dashes, dots and brackets are dropped; a leading trunk zero ('050…') is dropped; a number typed
 * with its own '+' or '00' prefix is taken as is (the calling code in it is not added twice).
 * Returns { phone } or { error: 'required' | 'invalid' }.
 */
export function normalizePhone(countryCode, value) {
  const code = String(countryCode ?? '').trim();
  const codeDigits = code.replace(/^\+/, '');
  let typed = String(value ?? '').replace(PHONE_SEPARATORS, '');
  if (typed.length === 0) return { error: 'required' };

  let international = false;
  if (typed.startsWith('+')) {
    typed = typed.slice(1);
    international = true;
  } else if (typed.startsWith('00')) {
    typed = typed.slice(2);
    international = true;
  }
  if (!/^\d+$/.test(typed)) return { error: 'invalid' };

  if (international) {
    if (codeDigits && typed.startsWith(codeDigits)) {
      typed = typed.slice(codeDigits.length);
    } else {
      // Another country's number, typed in full: only the E.164 length can be checked here.
      if (typed.startsWith('0') || typed.length < PHONE_MIN_DIGITS + 1 || typed.length > PHONE_MAX_DIGITS) {
        return { error: 'invalid' };
      }
      return { phone: `+${typed}` };
    }
  }
  if (!/^\d{1,3}$/.test(codeDigits)) return { error: 'invalid' };
  const national = typed.replace(/^0+/, '');
  if (national.length < PHONE_MIN_DIGITS || national.length > PHONE_MAX_DIGITS) return { error: 'invalid' };
  return { phone: `+${codeDigits}${national}` };
}

/**
 * Checks the whole form. values: { name, email, countryCode, phone, productLine, preferredLang }.
 * Returns { ok, errors: { field: reason }, request } where request is what the API wants:
 * { visitor: { name, email, phone, preferredLang }, productLine } (trimmed, phone in E.164).
 */
export function validateVisitor(values = {}) {
  const errors = {};
  const nameError = checkName(values.name);
  if (nameError) errors.name = nameError;
  const emailError = checkEmail(values.email);
  if (emailError) errors.email = emailError;
  const phone = normalizePhone(values.countryCode, values.phone);
  if (phone.error) errors.phone = phone.error;
  if (!PRODUCT_LINES.some((p) => p.value === values.productLine)) errors.productLine = 'invalid';
  if (!PREFERRED_LANGUAGES.some((l) => l.value === values.preferredLang)) errors.preferredLang = 'invalid';
  const ok = Object.keys(errors).length === 0;
  return {
    ok,
    errors,
    request: ok
      ? {
        visitor: {
          name: String(values.name).trim(),
          email: String(values.email).trim(),
          phone: phone.phone,
          preferredLang: values.preferredLang,
        },
        productLine: values.productLine,
      }
      : null,
  };
}

/** The i18n key of the message for a field's reason ('required', 'invalid', 'tooLong', 'server'). */
export function errorKey(field, reason) {
  const known = {
    name: { required: 'nameRequired', tooLong: 'nameTooLong', invalid: 'nameInvalid', server: 'nameInvalid' },
    email: { required: 'emailRequired', invalid: 'emailInvalid', server: 'emailInvalid' },
    phone: { required: 'phoneRequired', invalid: 'phoneInvalid', server: 'phoneInvalid' },
    productLine: { invalid: 'productLineInvalid', server: 'productLineInvalid' },
    preferredLang: { invalid: 'preferredLangInvalid', server: 'preferredLangInvalid' },
  };
  const name = known[field]?.[reason] ?? known[field]?.invalid;
  return name ? `visitorForm.errors.${name}` : 'booking.checkDetails';
}

// The API's field names (camelCase JSON paths) -> the form's fields.
const SERVER_FIELDS = {
  'visitor.name': 'name',
  'visitor.email': 'email',
  'visitor.phone': 'phone',
  'visitor.preferredlang': 'preferredLang',
  'attributes.productline': 'productLine',
  visitor: 'name',
};

/**
 * A ValidationProblemDetails ({ errors: { 'visitor.email': ['…'], … } }) split into the form's fields
 * ({ email: 'server' }, in form order) and the rest ('scheduledTime', 'queueId', 'holdId', …), which are
 * about the chosen time or the page and cannot be fixed on the form.
 */
export function mapServerErrors(problem) {
  const fields = {};
  const other = [];
  const errors = problem && typeof problem === 'object' && problem.errors && typeof problem.errors === 'object'
    ? problem.errors : {};
  for (const key of Object.keys(errors)) {
    const normalized = key.replace(/^\$\./, '').toLowerCase();
    const field = SERVER_FIELDS[normalized];
    if (field) fields[field] = 'server';
    else other.push(key);
  }
  const ordered = {};
  for (const field of FIELDS) if (fields[field]) ordered[field] = fields[field];
  return { fields: ordered, other };
}
