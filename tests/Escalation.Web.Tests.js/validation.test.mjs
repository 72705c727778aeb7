// The visitor form's rules (like the API's): name 1..200 characters, a simple e-mail check,
// phone 6..15 digits after the calling code sent as E.164, and the API's 400 mapped back to the fields.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { modulePath } from './paths.mjs';

const V = await import(modulePath('lib/validation.js'));

const good = {
  name: '  Fatima Al Mansoori ', email: ' fatima@example.ae ', countryCode: '+971', phone: '050 123 4567',
  productLine: 'Post-paid', preferredLang: 'ar',
};

test('name: required, at most 200 characters, no control characters', () => {
  assert.equal(V.checkName('Fatima'), null);
  assert.equal(V.checkName('فاطمة المنصوري'), null);
  assert.equal(V.checkName(''), 'required');
  assert.equal(V.checkName('   '), 'required');
  assert.equal(V.checkName(undefined), 'required');
  assert.equal(V.checkName('x'.repeat(200)), null);
  assert.equal(V.checkName(` ${'x'.repeat(200)} `), null, 'trimmed before counting');
  assert.equal(V.checkName('x'.repeat(201)), 'tooLong');
  assert.equal(V.checkName('Fatima\u0000'), 'invalid');
  assert.equal(V.checkName('Fa\ttima'), 'invalid');
});

test('e-mail: a simple RFC-ish check', () => {
  for (const ok of ['a@b.co', 'first.last+tag@mail.example.ae', 'x_y-z@sub.domain.com', 'user@münchen.de', ' a@b.co ']) {
    assert.equal(V.checkEmail(ok), null, ok);
  }
  assert.equal(V.checkEmail(''), 'required');
  for (const bad of ['plain', '@b.co', 'a@', 'a@b', 'a@@b.co', 'a@b..co', 'a@.b.co', 'a@b.co.', 'a b@c.co',
    '.a@b.co', 'a.@b.co', 'a..b@c.co', 'a@-b.co', 'a@b-.co', 'a@b.c o', `${'x'.repeat(250)}@b.co`, 'a<b@c.co']) {
    assert.equal(V.checkEmail(bad), 'invalid', bad);
  }
});

test('phone: E.164 from the calling code, spaces and the trunk zero dropped', () => {
  assert.deepEqual(V.normalizePhone('+971', '50 123 4567'), { phone: '+971501234567' });
  assert.deepEqual(V.normalizePhone('+971', '050-123-4567'), { phone: '+971501234567' });
  assert.deepEqual(V.normalizePhone('+971', '(050) 123.4567'), { phone: '+971501234567' });
  assert.deepEqual(V.normalizePhone('+44', '07911 123456'), { phone: '+447911123456' });
  assert.deepEqual(V.normalizePhone('+1', '212 555 0100'), { phone: '+12125550100' });
  // Typed with its own code: not added twice.
  assert.deepEqual(V.normalizePhone('+971', '+971 50 123 4567'), { phone: '+971501234567' });
  assert.deepEqual(V.normalizePhone('+971', '00971501234567'), { phone: '+971501234567' });
  // Another country's number typed in full wins over the select.
  assert.deepEqual(V.normalizePhone('+971', '+44 7911 123456'), { phone: '+447911123456' });
});

test('phone: 6 to 15 digits after the code, digits only', () => {
  assert.deepEqual(V.normalizePhone('+971', ''), { error: 'required' });
  assert.deepEqual(V.normalizePhone('+971', '   '), { error: 'required' });
  assert.deepEqual(V.normalizePhone('+971', '12345'), { error: 'invalid' });
  assert.deepEqual(V.normalizePhone('+971', '123456'), { phone: '+971123456' });
  assert.deepEqual(V.normalizePhone('+971', '1'.repeat(15)), { phone: `+971${'1'.repeat(15)}` });
  assert.deepEqual(V.normalizePhone('+971', '1'.repeat(16)), { error: 'invalid' });
  assert.deepEqual(V.normalizePhone('+971', '050 ABC 4567'), { error: 'invalid' });
  assert.deepEqual(V.normalizePhone('+971', '0000123'), { error: 'invalid' }, 'only the trunk zeros are dropped');
  assert.deepEqual(V.normalizePhone('+971', '+4'), { error: 'invalid' });
  assert.deepEqual(V.normalizePhone('', '501234567'), { error: 'invalid' });
});

test('validateVisitor: all fields, in form order, and the request the API wants', () => {
  const result = V.validateVisitor(good);
  assert.equal(result.ok, true);
  assert.deepEqual(result.errors, {});
  assert.deepEqual(result.request, {
    visitor: { name: 'Fatima Al Mansoori', email: 'fatima@example.ae', phone: '+971501234567', preferredLang: 'ar' },
    productLine: 'Post-paid',
  });

  const bad = V.validateVisitor({ ...good, name: '', email: 'x', phone: '12', productLine: 'Gold', preferredLang: 'fr' });
  assert.equal(bad.ok, false);
  assert.equal(bad.request, null);
  assert.deepEqual(bad.errors, { name: 'required', email: 'invalid', phone: 'invalid', productLine: 'invalid', preferredLang: 'invalid' });
  assert.deepEqual(Object.keys(bad.errors), V.FIELDS);
});

test('product lines are sent as their English text; two preferred languages', () => {
  assert.deepEqual(V.PRODUCT_LINES.map((p) => p.value), ['Post-paid', 'Pre-paid', 'Home internet', 'Business']);
  assert.deepEqual(V.PREFERRED_LANGUAGES.map((l) => [l.value, l.label]), [['en', 'English'], ['ar', 'العربية']]);
  assert.equal(V.DEFAULT_COUNTRY_CODE, '+971');
  assert.equal(V.COUNTRY_CODES[0].code, '+971');
  assert.ok(V.COUNTRY_CODES.every((c) => /^\+\d{1,3}$/.test(c.code) && /^[A-Z]{2}$/.test(c.region)));
});

test('the API\'s ValidationProblemDetails maps onto the form fields; the rest is about the time', () => {
  const problem = {
    title: 'One or more validation errors occurred.',
    status: 400,
    errors: {
      'visitor.phone': ['Phone must be a valid phone number…'],
      'visitor.email': ['Email must be an e-mail address…'],
      scheduledTime: ['…'],
      'Visitor.PreferredLang': ['…'],
      'attributes.productLine': ['…'],
      queueId: ['…'],
      holdId: ['…'],
    },
  };
  assert.deepEqual(V.mapServerErrors(problem), {
    fields: { email: 'server', phone: 'server', productLine: 'server', preferredLang: 'server' },
    other: ['scheduledTime', 'queueId', 'holdId'],
  });
  assert.deepEqual(V.mapServerErrors({ errors: { 'visitor.name': ['…'] } }).fields, { name: 'server' });
  assert.deepEqual(V.mapServerErrors({ errors: { '$.visitor.name': ['…'] } }).fields, { name: 'server' });
  assert.deepEqual(V.mapServerErrors(null), { fields: {}, other: [] });
  assert.deepEqual(V.mapServerErrors({ detail: 'x' }), { fields: {}, other: [] });
});

test('each field and reason has a message key', () => {
  assert.equal(V.errorKey('name', 'required'), 'visitorForm.errors.nameRequired');
  assert.equal(V.errorKey('name', 'tooLong'), 'visitorForm.errors.nameTooLong');
  assert.equal(V.errorKey('email', 'server'), 'visitorForm.errors.emailInvalid');
  assert.equal(V.errorKey('phone', 'invalid'), 'visitorForm.errors.phoneInvalid');
  assert.equal(V.errorKey('productLine', 'required'), 'visitorForm.errors.productLineInvalid');
  assert.equal(V.errorKey('nonsense', 'x'), 'booking.checkDetails');
});
