// Entry point of /rooms/{bookingId}: reads what the server decided (attributes on <html>),
// loads the page's language and shows the matching view.
import { loadStrings, setPageLanguage, t } from '../lib/i18n.js';
import { readPage, readRoomLocation } from './states.js';
import { showInvalid, showCancelled, showClosed, showEarly, showLeft, showTakenOver } from './views.js';
import { showPrejoin } from './prejoin.js';
import { startSession } from './session.js';
import { LocalMedia } from './devices.js';

const root = document.documentElement;
const page = readPage({ lang: root.lang, ...root.dataset });
const where = readRoomLocation(location);
const shell = {
  heading: document.getElementById('page-heading'),
  view: document.getElementById('view'),
};

let phase = page.state; // open rooms move through 'prejoin' -> 'call' -> 'left' | 'taken-over' | 'refused'
let session = null;
let prefs = { micOn: true, camOn: true };

// Read-only hook for browser tests and support diagnostics. Deliberately tiny.
Object.defineProperty(window, 'videoRoom', {
  value: Object.freeze({
    get pc() {
      return session?.pc ?? null;
    },
    get state() {
      return Object.freeze({ phase, ...(session && phase === 'call' ? session.state : {}) });
    },
  }),
});

function openRoom() {
  phase = 'prejoin';
  const media = new LocalMedia(prefs);
  const ready = media.start();
  const cleanup = showPrejoin(shell, {
    media,
    ready,
    onJoin: () => {
      cleanup();
      join(media);
    },
  });
}

function join(media) {
  phase = 'call';
  session = startSession({
    shell, page, where, media,
    onLeft: () => {
      prefs = { micOn: media.micOn, camOn: media.camOn };
      phase = 'left';
      showLeft(shell, { onRejoin: rejoin });
    },
    onEnded: (outcome) => {
      phase = outcome;
      if (outcome === 'taken-over') showTakenOver(shell);
      else if (outcome === 'invalid') showInvalid(shell, { focus: true });
      else if (outcome === 'cancelled') showCancelled(shell, page, { focus: true });
      else showClosed(shell, { focus: true }); // 'closed', or 'refused' (4003: the token no longer opens this room)
    },
  });
}

async function rejoin() {
  // Straight back into the call with the same mute choices; devices were already approved.
  const media = new LocalMedia(prefs);
  await media.start();
  join(media);
}

async function main() {
  // Direction follows the language even if a proxy dropped the attribute.
  setPageLanguage(root, page.lang);
  await loadStrings(page.lang);
  document.title = t('page.title');

  const state = page.state === 'open' && !where.bookingId ? 'invalid' : page.state;
  switch (state) {
    case 'open':
      openRoom();
      break;
    case 'early':
      showEarly(shell, page);
      break;
    case 'cancelled':
      showCancelled(shell, page);
      break;
    case 'closed':
      showClosed(shell);
      break;
    default:
      showInvalid(shell);
  }
  document.body.dataset.ready = 'true';
}

main().catch((err) => {
  // Strings could not load (network). Keep the page calm; a reload is the only sensible remedy.
  console.error('room: could not start', err);
  document.body.dataset.ready = 'true';
});
