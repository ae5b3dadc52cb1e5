'use strict';
// Node's own HTTP/1.1 server, as applications deploy it: keep-alive on, idle connections closed
// after server.keepAliveTimeout = --keep-alive-ms (Node's default is 5 s; gunicorn's is 2 s).
// Node closes an idle connection keepAliveTimeout + a buffer after its last answer (the buffer is
// 1 s, fixed in older releases, server.keepAliveTimeoutBuffer in newer ones, where it is set to 0
// here), so the listening line says when it really does: idleCloseMs. Listens on 127.0.0.1, port 0 (the kernel
// picks a free one), and logs it. See common.js for the log and the commands.
const fs = require('fs');
const http = require('http');
const https = require('https');
const {log, respond, nextAction, listenForCommands, args} = require('./common');

const opts = args();
// --cert and --key (PEM files): the same server over TLS (HTTP/1.1 only: no ALPN h2)
const keepAliveMs = Number(opts['keep-alive-ms'] || 5000);
// --latency-ms: every answer waits this long, like an agent that thinks (the concurrency tests)
const latencyMs = Number(opts['latency-ms'] || 0);
let connections = 0;
let requests = 0;
let inFlight = 0;

const handler = (req, res) => {
  const socket = req.socket;
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    const call = req.headers['x-test-call'];
    const action = nextAction(call);
    socket.connSeq = (socket.connSeq || 0) + 1;
    inFlight += 1;
    res.on('close', () => {
      inFlight -= 1;
    });
    log({event: 'request', conn: socket.connId, seq: ++requests, connSeq: socket.connSeq, method: req.method,
      path: req.url, headers: req.headers, body: body, call: call, action: action, inFlight: inFlight,
      idleMs: socket.lastResponseAt ? Date.now() - socket.lastResponseAt : null});
    if (action === 'drop') {
      // the request is applied, then the connection dies before any byte of an answer
      log({event: 'processed', call: call, conn: socket.connId});
      socket.closedBy = 'server-drop';
      socket.destroy();
      return;
    }
    if (action === 'hang') {
      log({event: 'processed', call: call, conn: socket.connId});
      return;
    }
    const r = respond(action, req.method, req.url, body);
    if (r.applied) {
      log({event: 'processed', call: call, conn: socket.connId});
    }
    const send = () => {
      res.writeHead(r.answer.status, r.answer.headers);
      res.end(r.answer.body, () => {
        socket.lastResponseAt = Date.now();
      });
    };
    if (latencyMs > 0) {
      setTimeout(send, latencyMs);
    } else {
      send();
    }
  });
};
const server = opts.cert
  ? https.createServer({key: fs.readFileSync(opts.key), cert: fs.readFileSync(opts.cert)}, handler)
  : http.createServer(handler);
server.keepAliveTimeout = keepAliveMs;
const configurableBuffer = 'keepAliveTimeoutBuffer' in server;
if (configurableBuffer) {
  server.keepAliveTimeoutBuffer = 0;
}
const idleCloseMs = keepAliveMs + (configurableBuffer ? 0 : 1000);

// over TLS, 'secureConnection' hands out the TLS socket that requests see as req.socket
server.on(opts.cert ? 'secureConnection' : 'connection', (socket) => {
  socket.connId = ++connections;
  log({event: 'connection', conn: socket.connId});
  socket.on('end', () => {
    socket.clientEnded = true;
  });
  socket.on('close', () => {
    log({event: 'close', conn: socket.connId,
      by: socket.closedBy || (socket.clientEnded ? 'client' : 'server-idle'),
      idleMs: socket.lastResponseAt ? Date.now() - socket.lastResponseAt : null});
  });
});

listenForCommands();
server.listen(0, '127.0.0.1', () => log({event: 'listening', port: server.address().port,
  keepAliveMs: keepAliveMs, idleCloseMs: idleCloseMs, node: process.version}));
