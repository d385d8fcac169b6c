// A publisher's comment endpoint for the static schema (docs/static-schema.md, "Posting
// comments"), with switches to make it fail the ways real ones do.
let nextId = 1000;

export function commentEndpoint(path = '/api/comments') {
  const endpoint = {
    received: [],
    /** The Authorization header of each comment received (null when none). */
    authorizations: [],
    /** 'ok' | 'network' (connection dropped) | 'closed' | 'duplicate' | 'slow' */
    mode: 'ok',
    handler: (req, res) => {
      if (new URL(req.url, 'http://x').pathname !== path || req.method !== 'POST') return false;
      let body = '';
      req.on('data', (chunk) => { body += chunk; });
      req.on('end', () => {
        if (endpoint.mode === 'network') { req.socket.destroy(); return; }
        const sent = JSON.parse(body);
        endpoint.received.push(sent);
        endpoint.authorizations.push(req.headers.authorization ?? null);
        const reply = (status, json) => { res.writeHead(status, { 'content-type': 'application/json' }); res.end(JSON.stringify(json)); };
        if (endpoint.mode === 'closed') return reply(403, { error: 'closed', message: 'Closed.' });
        if (endpoint.mode === 'duplicate') return reply(409, { error: 'duplicate', message: 'Duplicate.' });
        const comment = {
          id: `posted-${nextId++}`,
          parent: sent.parent,
          author: { name: sent.author_name, url: sent.author_url || null, avatar: null },
          date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
          html: `<p>${sent.content.replace(/[<&]/g, (c) => (c === '<' ? '&lt;' : '&amp;'))}</p>`,
          status: sent.content.includes('[hold]') ? 'hold' : 'approved',
        };
        setTimeout(() => reply(201, { comment }), endpoint.mode === 'slow' ? 800 : 0);
      });
      return true;
    },
  };
  return endpoint;
}

/** A publisher's sign-in endpoint for the static schema (docs/static-schema.md, "Signing in"). */
export const READER = { login: 'ann', password: 'correct horse', token: 'tok.ann-42', account: { id: 42, name: 'Ann Reader', email: 'ann@example.com' } };

export function signInEndpoint(path = '/api/sign-in') {
  return (req, res) => {
    if (new URL(req.url, 'http://x').pathname !== path || req.method !== 'POST') return false;
    let body = '';
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => {
      const { login, password } = JSON.parse(body);
      const ok = login === READER.login && password === READER.password;
      res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
      res.end(JSON.stringify(ok ? { token: READER.token, account: READER.account } : { error: 'wrong_credentials' }));
    });
    return true;
  };
}
