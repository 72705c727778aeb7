// The room's single live status line (role="status", polite). Text only changes when the
// meaning changes, so screen readers are not interrupted by repeats.
import { t } from '../lib/i18n.js';
import { statusKey } from './states.js';

// A live region must already be in the page when its text changes or the change may go unannounced;
// the first text therefore lands a moment after the region is inserted.
const FIRST_TEXT_DELAY_MS = 150;

export function createStatus(element) {
  let shownKey = '';
  let wantedKey = '';
  let ready = false;

  const render = () => {
    if (!ready || wantedKey === shownKey) return;
    shownKey = wantedKey;
    element.textContent = shownKey ? t(shownKey) : '';
    element.dataset.status = shownKey.replace('status.', '');
  };
  setTimeout(() => {
    ready = true;
    render();
  }, FIRST_TEXT_DELAY_MS);

  return {
    /** facts: see statusKey() in states.js. Returns the key to show. */
    update(facts) {
      wantedKey = statusKey(facts);
      render();
      return wantedKey;
    },
    get key() {
      return wantedKey;
    },
  };
}
