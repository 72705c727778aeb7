// The visitor's own video: a muted inline <video> plus an avatar placeholder when the camera is
// off or missing. Used large on the pre-join page and as the small picture-in-picture in the call.
import { h } from '../lib/dom.js';
import { icon } from '../lib/icons.js';
import { t } from '../lib/i18n.js';

export function localPreview({ label, className = 'preview' }) {
  const video = h('video', { class: 'preview__video', muted: true, playsinline: true, autoplay: true, 'aria-label': label });
  video.muted = true; // the attribute alone does not mute in every browser; own audio must never play back
  const placeholderText = h('p', { class: 'preview__placeholder-text' });
  const placeholder = h('div', { class: 'preview__placeholder', hidden: true },
    h('span', { class: 'preview__avatar' }, icon('person')), placeholderText);
  const element = h('div', { class: className }, video, placeholder);
  let shown = null;

  const setSource = (stream) => {
    if (video.srcObject !== stream) {
      video.srcObject = stream;
      if (stream) video.play().catch(() => {}); // muted autoplay is allowed; a failure only delays the picture
    }
  };

  return {
    element,
    /** Camera, or the shared screen, or the placeholder — whatever the other party sees of us. */
    show(media) {
      const sharing = Boolean(media.screen);
      if (sharing) {
        if (!shown || shown.getVideoTracks()[0] !== media.screen) shown = new MediaStream([media.screen]);
        setSource(shown);
      } else {
        shown = null;
        setSource(media.stream);
      }
      // Own camera is mirrored like a mirror; a shared screen must read normally.
      element.classList.toggle('is-mirrored', !sharing);
      const off = !sharing && media.state.cameraOff;
      placeholder.hidden = !off;
      placeholderText.textContent = off ? t(media.camera ? 'preview.cameraOff' : 'preview.noCamera') : '';
    },
    showStarting(text) {
      placeholder.hidden = false;
      placeholderText.textContent = text;
    },
    detach() {
      setSource(null);
    },
  };
}
