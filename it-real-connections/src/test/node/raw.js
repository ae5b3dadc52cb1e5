'use strict';
// A bare socket server that speaks just enough HTTP/1.1 (requests with Content-Length, answers
// with Content-Length, never a Connection header) and closes connections its own way:
//   --close fin --idle-ms T     closes a connection idle for T ms: close(2), the peer gets a FIN
//   --close rst --idle-ms T     resets a connection idle for T ms (SO_LINGER 0): the peer gets a RST
//   --close after-response      closes every connection right after its first answer, without saying
//                               so (no "Connection: close"), as some proxies do
// Listens on 127.0.0.1, port 0, and logs it. See common.js for the log and the commands.
const net = require('net');
const {log, respond, nextAction, listenForCommands, args} = require('./common');

const opts = args();
const mode = opts.close || 'fin';
const idleMs = Number(opts['idle-ms'] || 1000);
if (!['fin', 'rst', 'after-response'].includes(mode)) {
  throw new Error('unknown --close ' + mode);
}
let connections = 0;
let requests = 0;

const REASONS = {200: 'OK', 404: 'Not Found', 429: 'Too Many Requests', 501: 'Not Implemented'};

function close(socket, by) {
  if (socket.destroyed) {
    return;
  }
  socket.closedBy = by;
  if (mode === 'rst' && by === 'server-idle') {
    socket.resetAndDestroy();
  } else {
    socket.destroy();
  }
}

function armIdleTimer(socket) {
  clearTimeout(socket.idleTimer);
  if (mode === 'fin' || mode === 'rst') {
    socket.idleTimer = setTimeout(() => close(socket, 'server-idle'), idleMs);
  }
}

function write(socket, a, then) {
  const body = Buffer.from(a.body, 'utf8');
  let head = 'HTTP/1.1 ' + a.status + ' ' + (REASONS[a.status] || 'Status') + '\r\n';
  for (const [name, value] of Object.entries(a.headers)) {
    head += name + ': ' + value + '\r\n';
  }
  head += 'content-length: ' + body.length + '\r\n\r\n';
  socket.write(Buffer.concat([Buffer.from(head, 'latin1'), body]), then);
}

function handle(socket, method, path, headers, body) {
  const call = headers['x-test-call'];
  const action = nextAction(call);
  socket.connSeq += 1;
  log({event: 'request', conn: socket.connId, seq: ++requests, connSeq: socket.connSeq, method: method, path: path,
    headers: headers, body: body, call: call, action: action,
    idleMs: socket.lastResponseAt ? Date.now() - socket.lastResponseAt : null});
  if (action === 'drop') {
    log({event: 'processed', call: call, conn: socket.connId});
    close(socket, 'server-drop');
    return;
  }
  const r = respond(action, method, path, body);
  if (r.applied) {
    log({event: 'processed', call: call, conn: socket.connId});
  }
  write(socket, r.answer, () => {
    socket.lastResponseAt = Date.now();
    if (mode === 'after-response') {
      close(socket, 'server-after-response');
    } else {
      armIdleTimer(socket);
    }
  });
}

/** Parses as many whole requests as the buffer holds. */
function parse(socket) {
  while (true) {
    const end = socket.buffer.indexOf('\r\n\r\n');
    if (end < 0) {
      return;
    }
    const lines = socket.buffer.slice(0, end).toString('latin1').split('\r\n');
    const [method, path] = lines[0].split(' ');
    const headers = {};
    for (const line of lines.slice(1)) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    if (headers['transfer-encoding']) {
      write(socket, {status: 501, headers: {'content-type': 'application/json'},
        body: JSON.stringify({status: 'error', error: 'chunked request bodies are not supported'})},
      () => close(socket, 'server-error'));
      return;
    }
    const length = Number(headers['content-length'] || 0);
    if (socket.buffer.length < end + 4 + length) {
      return;
    }
    const body = socket.buffer.slice(end + 4, end + 4 + length).toString('utf8');
    socket.buffer = socket.buffer.slice(end + 4 + length);
    handle(socket, method, path, headers, body);
  }
}

const server = net.createServer((socket) => {
  socket.connId = ++connections;
  socket.connSeq = 0;
  socket.buffer = Buffer.alloc(0);
  log({event: 'connection', conn: socket.connId});
  armIdleTimer(socket);
  socket.on('data', (chunk) => {
    clearTimeout(socket.idleTimer);
    socket.buffer = Buffer.concat([socket.buffer, chunk]);
    parse(socket);
  });
  socket.on('end', () => {
    socket.clientEnded = true;
  });
  socket.on('error', () => {
    // a reset from the client: logged as its close
  });
  socket.on('close', () => {
    clearTimeout(socket.idleTimer);
    log({event: 'close', conn: socket.connId, by: socket.closedBy || (socket.clientEnded ? 'client' : 'unknown'),
      idleMs: socket.lastResponseAt ? Date.now() - socket.lastResponseAt : null});
  });
});

listenForCommands();
server.listen(0, '127.0.0.1', () => log({event: 'listening', port: server.address().port, close: mode,
  idleCloseMs: mode === 'after-response' ? 0 : idleMs, node: process.version}));
