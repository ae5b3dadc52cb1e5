'use strict';
// Node's HTTP/2 server over TLS (ALPN h2 only), with the certificate the test made (--cert, --key:
// PEM files). Besides "ok" and 429 it can refuse a stream (RST_STREAM REFUSED_STREAM: RFC 9113
// §8.7, not processed), hold a stream until the next one arrives on the same connection, and
// answer that next stream with a GOAWAY whose last-stream-id excludes it (then the held streams
// are answered and the connection closes gracefully), or apply a request and then drop the whole
// connection before answering. Listens on 127.0.0.1, port 0, and logs it. See common.js.
const fs = require('fs');
const http2 = require('http2');
const {log, respond, nextAction, listenForCommands, args} = require('./common');

const opts = args();
let sessions = 0;
let requests = 0;
const {NGHTTP2_REFUSED_STREAM, NGHTTP2_NO_ERROR} = http2.constants;

const server = http2.createSecureServer({key: fs.readFileSync(opts.key), cert: fs.readFileSync(opts.cert)});

server.on('session', (session) => {
  session.connId = ++sessions;
  session.connSeq = 0;
  session.held = [];
  log({event: 'connection', conn: session.connId});
  session.on('close', () => log({event: 'close', conn: session.connId, by: session.closedBy || 'client',
    idleMs: null}));
  session.on('error', () => {
    // a reset from the client: logged as its close
  });
});

function answer(stream, r) {
  if (stream.destroyed || stream.closed) {
    return;
  }
  const headers = Object.assign({':status': r.answer.status}, r.answer.headers);
  stream.respond(headers);
  stream.end(r.answer.body);
}

server.on('stream', (stream, headers) => {
  const session = stream.session;
  const chunks = [];
  stream.on('data', (c) => chunks.push(c));
  stream.on('error', () => {
    // reset by either side: what matters is logged already
  });
  stream.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    const method = headers[':method'];
    const path = headers[':path'];
    const plain = {};
    for (const [name, value] of Object.entries(headers)) {
      if (!name.startsWith(':')) {
        plain[name] = value;
      }
    }
    const call = headers['x-test-call'];
    const action = nextAction(call);
    session.connSeq += 1;
    log({event: 'request', conn: session.connId, stream: stream.id, seq: ++requests, connSeq: session.connSeq,
      method: method, path: path, headers: plain, body: body, call: call, action: action, idleMs: null});
    if (action === 'refuse') {
      stream.close(NGHTTP2_REFUSED_STREAM);
      return;
    }
    if (action === 'drop') {
      log({event: 'processed', call: call, conn: session.connId});
      session.closedBy = 'server-drop';
      session.destroy();
      return;
    }
    if (action === 'hang') {
      log({event: 'processed', call: call, conn: session.connId});
      return;
    }
    if (action === 'goaway') {
      const held = session.held;
      session.held = [];
      // the highest held stream, else the stream before this one: never this one
      const last = held.reduce((max, h) => Math.max(max, h.stream.id), Math.max(0, stream.id - 2));
      session.closedBy = 'server-goaway';
      session.goaway(NGHTTP2_NO_ERROR, last);
      log({event: 'goaway', conn: session.connId, lastStreamId: last, excluded: stream.id, call: call});
      for (const h of held) {
        h.release();
      }
      session.close();
      return;
    }
    const r = respond(action, method, path, body);
    const release = () => {
      if (r.applied) {
        log({event: 'processed', call: call, conn: session.connId});
      }
      answer(stream, r);
    };
    if (action === 'hold') {
      session.held.push({stream: stream, release: release});
      log({event: 'held', conn: session.connId, stream: stream.id, call: call});
      return;
    }
    // a stream that arrives while others are held releases them (unless it is the GOAWAY's)
    const held = session.held;
    session.held = [];
    release();
    for (const h of held) {
      h.release();
    }
  });
});

listenForCommands();
server.listen(0, '127.0.0.1', () => log({event: 'listening', port: server.address().port}));
