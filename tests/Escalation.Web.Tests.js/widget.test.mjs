// The embeddable script's promises that can be checked without a browser: its weight, and that it asks nothing of
// anyone but its own origin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { wwwroot } from './paths.mjs';

const source = await readFile(path.join(wwwroot, 'widget.js'), 'utf8');

test('widget.js weighs at most 30 720 bytes gzipped (level 6)', () => {
  const size = gzipSync(Buffer.from(source), { level: 6 }).length;
  assert.ok(size <= 30_720, `${size} bytes`);
});

test('widget.js names no other host: every address is built from its own origin', () => {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '');
  assert.doesNotMatch(code, /https?:\/\//);
  assert.doesNotMatch(code, /\.innerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/);
});

test('widget.js defines the facade the design names', () => {
  for (const name of ['scheduleWidget', 'collect', 'openCalendar', 'startGenesysChat', 'startVideoChatSession', "on: function", 'attachShadow']) {
    assert.ok(source.includes(name), name);
  }
});
