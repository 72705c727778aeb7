// Static checks of the page template, scripts and styles against the product rules:
// strict CSP (no inline script/style), no HTML injection sinks, no third-party requests,
// logical CSS properties only, modules importable without a DOM.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { wwwroot, modulePath } from './paths.mjs';

async function files(dir, ext) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...await files(full, ext));
    else if (entry.name.endsWith(ext)) out.push(full);
  }
  return out;
}
const read = (file) => readFile(file, 'utf8');
const html = await read(path.join(wwwroot, 'rooms/room.html'));

test('room.html has the exact <html> tag the server fills in', () => {
  const tag = '<html lang="{{lang}}" dir="{{dir}}" data-state="{{state}}" data-party="{{party}}" data-opens-at="{{opensAt}}" data-scheduled-time="{{scheduledTime}}" data-queue-zone="{{queueZone}}" data-ics-url="{{icsUrl}}" data-manage-url="{{manageUrl}}">';
  assert.ok(html.includes(tag));
  assert.equal(html.match(/<html\b/g).length, 1);
  // Every placeholder appears exactly once (a plain string replace must not touch anything else).
  for (const name of ['lang', 'dir', 'state', 'party', 'opensAt', 'scheduledTime', 'queueZone', 'icsUrl', 'manageUrl']) {
    assert.equal(html.split(`{{${name}}}`).length - 1, 1, name);
  }
  assert.equal((html.match(/\{\{/g) ?? []).length, 9);
});

test('room.html has the required head and landmarks', () => {
  assert.match(html, /^<!doctype html>/i);
  assert.match(html, /<meta charset="utf-8">/i);
  assert.match(html, /<meta name="viewport" content="width=device-width, initial-scale=1[^"]*">/);
  assert.match(html, /<title>[^<]+<\/title>/);
  assert.match(html, /<main\b[^>]*>/);
  assert.match(html, /<h1\b[^>]*>/);
  assert.match(html, /<link rel="stylesheet" href="\/lib\/tokens.css">/);
  assert.match(html, /<link rel="stylesheet" href="\/rooms\/room.css">/);
  const scripts = html.match(/<script\b[^>]*>/g);
  assert.deepEqual(scripts, ['<script type="module" src="/rooms/room.js">']);
  assert.match(html, /<script type="module" src="\/rooms\/room.js"><\/script>/);
});

test('room.html has no inline script, style or handlers (strict CSP)', () => {
  assert.doesNotMatch(html, /<style\b/i);
  assert.doesNotMatch(html, /\sstyle=/i);
  assert.doesNotMatch(html, /\son[a-z]+=/i);
  assert.doesNotMatch(html, /javascript:/i);
  // Asset URLs are absolute from the site root.
  for (const m of html.matchAll(/\s(?:href|src)="([^"]+)"/g)) assert.match(m[1], /^\/[a-z]/, m[1]);
});

test('scripts never inject HTML, set inline styles or call other origins', async () => {
  for (const file of await files(wwwroot, '.js')) {
    const code = await read(file);
    const name = path.relative(wwwroot, file);
    assert.doesNotMatch(code, /\.innerHTML|\.outerHTML|insertAdjacentHTML|document\.write/, `${name}: HTML sink`);
    assert.doesNotMatch(code, /\.style\b|setAttribute\(\s*['"]style['"]|cssText/, `${name}: inline style`);
    assert.doesNotMatch(code, /\beval\(|new Function\(/, `${name}: eval`);
    const urls = [...code.matchAll(/https?:\/\/[^\s'"`)]+/g)].map((m) => m[0])
      .filter((u) => u !== 'http://www.w3.org/2000/svg');
    assert.deepEqual(urls, [], `${name}: external URL`);
  }
});

test('styles use logical properties only and load nothing external', async () => {
  const physical = /(?:^|[\s;{])(?:margin|padding|border)-(?:left|right|top|bottom)\s*:|(?:^|[\s;{])(?:left|right|top|bottom)\s*:|text-align\s*:\s*(?:left|right)|float\s*:\s*(?:left|right)|(?<![\w-])(?:width|height)\s*:/m;
  for (const file of await files(wwwroot, '.css')) {
    const css = (await read(file)).replace(/\/\*[\s\S]*?\*\//g, '');
    const name = path.relative(wwwroot, file);
    // min-width/max-width inside @media queries are fine; strip them before checking declarations.
    const declarations = css.replace(/@media[^{]*\{/g, '@media{');
    assert.doesNotMatch(declarations, physical, `${name}: physical property`);
    assert.doesNotMatch(css, /@import|url\(\s*['"]?https?:/i, `${name}: external resource`);
  }
});

test('design tokens live in tokens.css; room.css reuses them', async () => {
  const tokens = await read(path.join(wwwroot, 'lib/tokens.css'));
  for (const token of ['--font-sans', '--color-accent', '--color-text', '--space-4', '--radius-m']) {
    assert.match(tokens, new RegExp(`${token}:`), token);
  }
  assert.match(tokens, /:focus-visible/);
  const room = await read(path.join(wwwroot, 'rooms/room.css'));
  assert.doesNotMatch(room, /^\s*--[\w-]+:/m, 'room.css should not define new tokens');
});

test('every module except the entry point imports under Node (no DOM at import time)', async () => {
  // widget.js is a classic script for other sites' pages (window is its world), not a module.
  const modules = (await files(wwwroot, '.js'))
    .filter((f) => !f.endsWith(path.join('rooms', 'room.js')) && !f.endsWith(path.join(wwwroot, 'widget.js')));
  assert.ok(modules.length >= 10);
  for (const file of modules) {
    await import(modulePath(path.relative(wwwroot, file)));
  }
});

for (const [page, entry] of [
  ['rooms/room.html', 'rooms/room.js'], ['book/book.html', 'book/book.js'],
  ['manage/manage.html', 'manage/manage.js'], ['chat/chat.html', 'chat/chat.js'],
]) {
  test(`${page} preloads every module its page imports, so the graph loads in one round`, async () => {
    const pageHtml = await read(path.join(wwwroot, page));
    const seen = new Set();
    const visit = async (file) => {
      for (const [, spec] of (await read(file)).matchAll(/from '(\.{1,2}\/[^']+\.js)'/g)) {
        const target = path.join(path.dirname(file), spec);
        if (!seen.has(target)) {
          seen.add(target);
          await visit(target);
        }
      }
    };
    await visit(path.join(wwwroot, entry));
    assert.ok(seen.size >= 3);
    const preloaded = [...pageHtml.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]).sort();
    const imported = [...seen].map((file) => '/' + path.relative(wwwroot, file).split(path.sep).join('/')).sort();
    assert.deepEqual(preloaded, imported);
  });
}
