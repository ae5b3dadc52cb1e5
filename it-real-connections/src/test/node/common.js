'use strict';
// What every test server shares: the answers of the five operations (bodies valid for the specs:
// ServerAnswersMatchTheSpecsIT checks them with an independent validator), the log, and the
// commands the test sends on stdin.
//
// The log is the server's own account of what it received, one JSON object per line on stdout:
//   {"event":"listening","port":P}                        once, when the server accepts connections
//   {"event":"connection","conn":C}                        a connection (HTTP/2: a session) was opened
//   {"event":"request","conn":C,"seq":N,"connSeq":K,...}   a request arrived (method, path, headers, body,
//                                                          call = its x-test-call header, action taken)
//   {"event":"processed","call":ID,"conn":C}               the server applied the request (an "ok" answer, or
//                                                          a "drop" after applying it); refusals are not
//   {"event":"close","conn":C,"by":WHO,"idleMs":T}         a connection closed; WHO is "client" when the client
//                                                          closed it first, else why the server did
//   {"event":"sync","n":N}                                 the answer to a sync command: every line before it
//                                                          was written before it
//
// Commands, one JSON object per line on stdin:
//   {"cmd":"sync","n":N}                         answer with a sync line
//   {"cmd":"plan","call":ID,"actions":[...]}     what to do with the next requests of call ID, in order
//                                                (afterwards: "ok"). Actions: "ok"; {"status":429,
//                                                "retryAfter":"0"} (a refusal); {"status":503} (an
//                                                upstream failure, counted as applied); "drop" (apply the request,
//                                                then close the connection without answering); Node http
//                                                and HTTP/2 only: "hang" (apply the request, never
//                                                answer); HTTP/2 only: "refuse" (RST_STREAM REFUSED_STREAM, not applied),
//                                                "hold" (answer only once the next request arrives on the
//                                                same connection), "goaway" (GOAWAY whose last-stream-id
//                                                is the highest held stream: this one is excluded, not
//                                                applied; then the held streams are answered)

const BREK = '/api/partner/v1/core-chat';
const SESSION_ID = 'sess_1771456953407_g7p6233d';

function log(obj) {
  process.stdout.write(JSON.stringify(obj) + '\n');
}

function brekHeaders() {
  return {
    'content-type': 'application/json; charset=utf-8',
    'x-request-id': 'req_' + Math.random().toString(16).slice(2, 10),
    'x-ratelimit-limit': '120',
    'x-ratelimit-remaining': '119',
    'x-partner-id': 'acme',
  };
}

const JSON_TYPE = {'content-type': 'application/json; charset=utf-8'};

/** The answer of a successful request: {status, headers, body}, or null for an unknown route. */
function answer(method, path, body) {
  const route = path.split('?')[0];
  if (method === 'POST' && route === BREK + '/sessions') {
    let actorId = 'partner_user_001';
    try {
      actorId = JSON.parse(body).actor.actorId || actorId;
    } catch (e) {
      // the validator reports a bad body; answer anyway
    }
    return {status: 200, headers: brekHeaders(), body: JSON.stringify({data: {
      sessionId: SESSION_ID,
      tenantId: 'demo-tenant',
      channel: {type: 'partner_api', workspaceId: 'partner-workspace'},
      conversation: {id: 'partner-chat:' + SESSION_ID, channelId: 'partner-chat', threadTs: SESSION_ID},
      actor: {actorId: actorId, timezoneOffsetMinutes: -480},
      createdAt: '2026-02-18T23:22:33.407Z',
      updatedAt: '2026-02-18T23:22:33.407Z',
      events: [],
    }})};
  }
  if (method === 'POST' && route === BREK + '/events') {
    return {status: 200, headers: brekHeaders(), body: JSON.stringify({data: {
      sessionId: SESSION_ID,
      event: {id: 'evt_1771456966998', kind: 'search_query'},
      result: {
        traceId: 'demo-tenant:partner_api:partner-chat:' + SESSION_ID + ':evt_1771456966998',
        status: 'shortlist',
        message: {text: 'I found options matching your request in Seattle.'},
        artifacts: {shortlist: [{
          optionId: '3d49d4cb-22b1-4963-9280-508fb1190f5c', name: 'Inn at the Market', pricePerNight: 276.66,
          totalPrice: 980.67, currency: 'USD', refundable: true, rating: 4.8,
        }]},
      },
    }})};
  }
  if (method === 'GET' && route.startsWith(BREK + '/sessions/')) {
    return {status: 200, headers: brekHeaders(), body: JSON.stringify({data: {
      sessionId: decodeURIComponent(route.substring((BREK + '/sessions/').length)),
      tenantId: 'demo-tenant',
      actor: {actorId: 'partner_user_001'},
      events: [{eventId: 'evt_1771456966998', kind: 'search_query', resultStatus: 'shortlist',
        recordedAt: '2026-02-18T23:22:46.998Z'}],
    }})};
  }
  if (method === 'GET' && route === '/api/events') {
    return {status: 200, headers: JSON_TYPE, body: JSON.stringify({status: 'ok'})};
  }
  if (method === 'POST' && route === '/api/events') {
    return {status: 200, headers: JSON_TYPE, body: JSON.stringify({status: 'ok', result: {responses: [
      {id: 'TX_b8eb307f-cf33-48fb-bc51-a0e7e6a7d817', type: 'text', options: ['Hi! I\'m the Productivity Coach.'],
        altText: 'Hi! I\'m the Productivity Coach.'},
      {id: 'TX_1bfda168-dd49-4dc0-b9fc-56ce9cb5d141', type: 'text', options: ['How can I help you today?'],
        altText: 'How can I help you today?'},
    ]}})};
  }
  return null;
}

/** The answer of a rate-limited request: Brek's gateway body, or Helvia's error body. */
function rateLimited(path, retryAfter) {
  const headers = path.startsWith(BREK) ? brekHeaders() : Object.assign({}, JSON_TYPE);
  headers['x-ratelimit-remaining'] = '0';
  if (retryAfter !== undefined && retryAfter !== null) {
    headers['retry-after'] = String(retryAfter);
  }
  const body = path.startsWith(BREK)
    ? {success: false, error: 'Exceeded 120 requests per minute', code: 'rate_limited', details: {partnerId: 'acme'},
      requestId: '5ec2f626-a8df-477f-b6e3-0e5ed96af646'}
    : {status: 'error', error: 'Too many requests'};
  return {status: 429, headers: headers, body: JSON.stringify(body)};
}

function notFound() {
  return {status: 404, headers: JSON_TYPE, body: JSON.stringify({status: 'error', error: 'Not found'})};
}

const plans = new Map();

/** The action for the next request of call `id` ("ok" when nothing is planned). */
function nextAction(id) {
  const queue = id === undefined ? undefined : plans.get(id);
  if (!queue || queue.length === 0) {
    return 'ok';
  }
  return queue.shift();
}

/** A gateway error (Brek's shape; Helvia's ErrorResponse on its paths), as a failing upstream sends it. */
function serverError(path, status) {
  const body = path.startsWith(BREK)
    ? {success: false, error: 'Upstream unavailable', code: 'upstream_unavailable', details: null,
      requestId: 'b1d0c7a2-52b4-4f0e-9d8e-3f6a2c1e9b70'}
    : {status: 'error', error: 'Upstream unavailable'};
  return {status: status, headers: path.startsWith(BREK) ? brekHeaders() : JSON_TYPE, body: JSON.stringify(body)};
}

/**
 * The answer an action gives ("ok", {status: 429}, {status: 5xx}), and whether the server applied
 * the request: a 429 is a refusal; a 5xx is an upstream failure after the request was taken in, so
 * it counts as applied (the client cannot know better).
 */
function respond(action, method, path, body) {
  if (action && typeof action === 'object' && action.status === 429) {
    return {answer: rateLimited(path, action.retryAfter), applied: false};
  }
  if (action && typeof action === 'object' && action.status >= 500) {
    return {answer: serverError(path, action.status), applied: true};
  }
  const a = answer(method, path, body);
  return a === null ? {answer: notFound(), applied: false} : {answer: a, applied: true};
}

function listenForCommands() {
  let buffered = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk) => {
    buffered += chunk;
    let nl;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, nl).trim();
      buffered = buffered.slice(nl + 1);
      if (line) {
        command(JSON.parse(line));
      }
    }
  });
  // the test ended (or died): so does the server
  process.stdin.on('end', () => process.exit(0));
}

function command(c) {
  if (c.cmd === 'sync') {
    log({event: 'sync', n: c.n});
  } else if (c.cmd === 'plan') {
    plans.set(c.call, c.actions.slice());
    log({event: 'planned', call: c.call, n: c.n});
  } else {
    log({event: 'error', error: 'unknown command ' + JSON.stringify(c)});
  }
}

/** --name value pairs of the command line. */
function args() {
  const out = {};
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    if (argv[i].startsWith('--')) {
      out[argv[i].slice(2)] = argv[i + 1] !== undefined && !argv[i + 1].startsWith('--') ? argv[++i] : 'true';
    }
  }
  return out;
}

module.exports = {log, respond, nextAction, listenForCommands, args};
