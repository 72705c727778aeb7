// en.json and ar.json must stay in step, and every key the code asks for must exist.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { wwwroot } from './paths.mjs';

const load = async (lang) => JSON.parse(await readFile(path.join(wwwroot, `i18n/${lang}.json`), 'utf8'));
const en = await load('en');
const ar = await load('ar');

function flatten(node, prefix = '', out = {}) {
  for (const [key, value] of Object.entries(node)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') flatten(value, name, out);
    else out[name] = value;
  }
  return out;
}
const flatEn = flatten(en);
const flatAr = flatten(ar);
const placeholders = (s) => [...String(s).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

async function sources(dir) {
  const files = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...await sources(full));
    else if (entry.name.endsWith('.js')) files.push(full);
  }
  return files;
}

test('en.json and ar.json have exactly the same keys', () => {
  assert.deepEqual(Object.keys(flatAr).sort(), Object.keys(flatEn).sort());
});

test('every string is non-empty text', () => {
  for (const [lang, flat] of [['en', flatEn], ['ar', flatAr]]) {
    for (const [key, value] of Object.entries(flat)) {
      assert.equal(typeof value, 'string', `${lang}:${key} is not a string`);
      assert.notEqual(value.trim(), '', `${lang}:${key} is empty`);
    }
  }
});

test('both languages use the same placeholders per key (except fixed plural forms)', () => {
  for (const key of Object.keys(flatEn)) {
    // Arabic "one"/"two" day forms spell the number out, so {count} is legitimately absent there.
    if (key.startsWith('countdown.days.')) continue;
    assert.deepEqual(placeholders(flatAr[key]), placeholders(flatEn[key]), `placeholders differ for ${key}`);
  }
});

test('Arabic strings are Arabic (apart from placeholders and numbers)', () => {
  for (const [key, value] of Object.entries(flatAr)) {
    if (/^\{\w+\}[\s،,و{}\w]*$/.test(value)) continue; // pure-format strings like "{date}، {time}"
    assert.match(value, /[\u0621-\u064A]/, `ar:${key} has no Arabic letters`);
    assert.doesNotMatch(value.replace(/\{\w+\}/g, ''), /[A-Za-z]{3,}/, `ar:${key} still contains English words`);
  }
});

test('contract names are exactly as specified (English)', () => {
  const expected = {
    'controls.microphone': 'Microphone',
    'controls.camera': 'Camera',
    'controls.shareScreen': 'Share screen',
    'controls.leave': 'Leave call',
    'prejoin.join': 'Join call',
    'prejoin.preview': 'Your camera preview',
    'prejoin.microphoneLevel': 'Microphone level',
    'prejoin.cameraDevice': 'Camera device',
    'prejoin.microphoneDevice': 'Microphone device',
    'call.remoteVideo': 'Remote video',
    'chat.log': 'Chat messages',
    'chat.message': 'Message',
    'chat.send': 'Send',
    'chat.you': 'You',
    'chat.agent': 'Agent',
    'status.waitingAgent': 'Waiting for the agent',
    'status.waitingCustomer': 'Waiting for the customer',
    'status.connected': 'Connected',
    'status.agentMuted': 'The agent is muted',
    'status.customerMuted': 'The customer is muted',
    'status.agentCameraOff': 'The agent turned the camera off',
    'status.customerCameraOff': 'The customer turned the camera off',
    'status.reconnecting': 'Reconnecting…',
    'status.peerLeft': 'The other party left',
    'left.title': 'You left the call',
    'left.rejoin': 'Rejoin',
    'takenOver.title': 'This call was opened in another window',
    'invalid.title': 'This link is not valid',
    'cancelled.title': 'This video appointment was cancelled',
    'cancelled.manage': 'Manage booking',
    'closed.title': 'This video call has ended',
    'early.addToCalendar': 'Add to calendar',
    'agent.title': 'Customer',
  };
  for (const [key, value] of Object.entries(expected)) assert.equal(flatEn[key], value, key);
  assert.match(flatEn['early.title'], /^Your video call starts at /);
  assert.match(flatEn['early.opensAt'], /^This page opens the room by itself at /);
});

test('every literal key used by the code exists in the strings', async () => {
  const used = new Set();
  for (const file of await sources(wwwroot)) {
    const code = await readFile(file, 'utf8');
    for (const m of code.matchAll(/\b(?:t|template)\(\s*'([\w.]+)'/g)) used.add(m[1]);
    // Keys returned as values (status, problems, fallbacks) are quoted whole.
    for (const m of code.matchAll(/'((?:status|prejoin|preview|chat|countdown)\.[\w.]+)'/g)) used.add(m[1]);
  }
  assert.ok(used.size > 50, `suspiciously few keys found (${used.size})`);
  for (const key of used) assert.ok(key in flatEn, `missing string: ${key}`);
});

test('every Intl plural category for days has a string', () => {
  for (const lang of ['en', 'ar']) {
    const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    for (const category of categories) assert.ok(`countdown.days.${category}` in flatEn, `${lang} needs ${category}`);
  }
});
