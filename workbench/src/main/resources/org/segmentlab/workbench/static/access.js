// The access page: trades the code for a session cookie, then goes where the visitor was headed (same site only).
'use strict';

window.addEventListener('DOMContentLoaded', () => {
  const problems = document.getElementById('problems');
  document.getElementById('enter').addEventListener('click', async () => {
    const response = await fetch('/api/access', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-SegmentLab-Page': '1' },
      body: JSON.stringify({ code: document.getElementById('code').value }),
    });
    if (response.status === 204) {
      const next = new URLSearchParams(location.search).get('next') || '/';
      location.href = next.startsWith('/') && !next.startsWith('//') ? next : '/';
      return;
    }
    let message = 'the server answered ' + response.status;
    try { const data = await response.json(); message = data.problems ? data.problems[0].message : data.message; } catch (e) { /* keep */ }
    problems.textContent = message;
    problems.hidden = false;
  });
});
