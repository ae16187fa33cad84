// A scrolling story driving a Shared Picture embed through its host-page API (docs/embed.md). Each section
// holds the commands to send when it scrolls into view; the embed's events are shown under the story.
(() => {
  const frame = document.getElementById('embed');
  const status = document.getElementById('status');
  const log = document.getElementById('log');
  // Only messages from the embed's own origin, and only those of the API (they carry `sharedPicture`).
  const appOrigin = new URL(frame.dataset.src).origin;
  let ready = false;
  let pending = null;

  const send = (commands) => {
    for (const c of commands) frame.contentWindow.postMessage({ sharedPicture: 1, ...c }, appOrigin);
  };

  window.addEventListener('message', (e) => {
    if (e.origin !== appOrigin || e.source !== frame.contentWindow) return;
    const m = e.data;
    if (!m || m.sharedPicture !== 1) return;
    if (m.event === 'ready' && !ready) {
      ready = true;
      if (pending) send(pending);
    }
    if (m.event === 'time') {
      status.textContent = `T+${Math.floor(m.t_s / 60)}:${String(Math.floor(m.t_s % 60)).padStart(2, '0')}${m.playing ? ' (playing)' : ''}`;
      return;
    }
    // Set as text: an event's fields are data, never markup.
    const item = document.createElement('li');
    item.textContent = m.event === 'error' ? `error in ${m.field}: ${m.message}` : JSON.stringify(m);
    log.append(item);
  });

  // The frame loads only now that the page listens: the embed says `ready` once, and a page still fetching
  // this script when a quick embed started would never hear it.
  frame.src = frame.dataset.src;

  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        const commands = JSON.parse(entry.target.dataset.commands);
        if (ready) send(commands);
        else pending = commands;
      }
    },
    // A section drives the embed when it reaches the band just below the figure.
    { rootMargin: '-60% 0px -30% 0px' },
  );
  document.querySelectorAll('section[data-commands]').forEach((s) => observer.observe(s));
})();
