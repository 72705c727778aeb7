// Pre-join: own preview, device pickers, microphone level meter, Microphone/Camera toggles, Join call.
// No socket is opened here; joining is the visitor's explicit choice.
import { h } from '../lib/dom.js';
import { icon } from '../lib/icons.js';
import { t } from '../lib/i18n.js';
import { listDevices, startLevelMeter } from './devices.js';
import { mediaToggles } from './controls.js';
import { localPreview } from './preview.js';

/**
 * Renders the pre-join view for `media` (a LocalMedia whose start() is `ready`).
 * onJoin() is called once when Join call is pressed (after media is ready).
 * Returns a cleanup function that stops the meter and detaches the preview.
 */
export function showPrejoin(shell, { media, ready, onJoin }) {
  const { heading, view } = shell;
  heading.textContent = t('prejoin.title');
  document.title = t('page.title');

  const preview = localPreview({ label: t('prejoin.preview') });
  const toggles = mediaToggles(media);
  const notice = h('div', { class: 'prejoin__notice' });

  const cameraSelect = h('select', { class: 'select', id: 'camera-device' });
  const micSelect = h('select', { class: 'select', id: 'microphone-device' });
  // <label for> names a native meter; aria-labelledby too, for tools that only look at ARIA.
  const meter = h('meter', {
    id: 'microphone-level', class: 'level', min: '0', max: '1', value: '0', 'aria-labelledby': 'microphone-level-label',
  });
  const cameraField = h('div', { class: 'field', hidden: true },
    h('label', { class: 'field__label', for: 'camera-device', text: t('prejoin.cameraDevice') }), cameraSelect);
  const micField = h('div', { class: 'field', hidden: true },
    h('label', { class: 'field__label', for: 'microphone-device', text: t('prejoin.microphoneDevice') }), micSelect);
  const meterField = h('div', { class: 'field', hidden: true },
    h('label', { class: 'field__label', id: 'microphone-level-label', for: 'microphone-level', text: t('prejoin.microphoneLevel') }),
    meter);

  const join = h('button', { type: 'button', class: 'btn btn--primary prejoin__join' },
    icon('camera'), h('span', { text: t('prejoin.join') }));

  view.replaceChildren(h('div', { class: 'prejoin' },
    h('header', { class: 'prejoin__header' }, heading, h('p', { class: 'prejoin__intro', text: t('prejoin.intro') })),
    notice,
    h('div', { class: 'prejoin__preview' },
      preview.element,
      h('div', { class: 'controls controls--prejoin', role: 'group', 'aria-label': t('prejoin.togglesLabel') },
        toggles.mic, toggles.camera)),
    h('div', { class: 'prejoin__settings card' }, cameraField, micField, meterField, join)));
  view.dataset.view = 'prejoin';

  let meterHandle = { stop() {} };
  const restartMeter = () => {
    meterHandle.stop();
    meterHandle = startLevelMeter(media.audio, (level) => { meter.value = level; });
  };

  const fillSelect = (select, field, devices, current, fallbackKey) => {
    select.replaceChildren(...devices.map((device, index) => h('option', {
      value: device.deviceId,
      text: device.label || t(fallbackKey, { n: String(index + 1) }),
    })));
    if (current) select.value = current;
    // No device of this kind (or no permission to use it): no picker.
    field.hidden = devices.length === 0;
  };

  const refreshDevices = async () => {
    const { cameras, microphones } = await listDevices();
    fillSelect(cameraSelect, cameraField, media.camera ? cameras : [],
      media.camera?.getSettings?.().deviceId, 'prejoin.cameraN');
    fillSelect(micSelect, micField, media.audio ? microphones : [],
      media.audio?.getSettings?.().deviceId, 'prejoin.microphoneN');
    meterField.hidden = !media.audio;
  };

  const onChange = async (kind, select) => {
    select.disabled = true;
    const ok = await media.useDevice(kind, select.value);
    select.disabled = false;
    if (!ok) await refreshDevices(); // put the picker back on the device actually in use
  };
  cameraSelect.addEventListener('change', () => onChange('video', cameraSelect));
  micSelect.addEventListener('change', () => onChange('audio', micSelect));

  const unsubscribe = media.subscribe((change) => {
    toggles.update();
    preview.show(media);
    if (change.audio) restartMeter();
  });
  const onDeviceChange = () => refreshDevices();
  navigator.mediaDevices?.addEventListener?.('devicechange', onDeviceChange);

  let starting = true;
  ready.then(() => {
    starting = false;
    toggles.update();
    preview.show(media);
    if (media.problem) {
      notice.replaceChildren(h('div', { class: 'notice notice--warning', role: 'alert' },
        icon('warning'), h('p', { text: t(media.problem) })));
    }
    restartMeter();
    refreshDevices();
  });

  let joining = false;
  join.addEventListener('click', async () => {
    if (joining) return;
    joining = true;
    join.disabled = true;
    if (starting) join.setAttribute('aria-busy', 'true');
    await ready;
    onJoin();
  });

  preview.showStarting(t('prejoin.starting'));

  return function cleanup() {
    meterHandle.stop();
    unsubscribe();
    navigator.mediaDevices?.removeEventListener?.('devicechange', onDeviceChange);
    preview.detach();
  };
}
