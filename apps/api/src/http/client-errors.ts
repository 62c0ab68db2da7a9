import { PROBLEM_CONTENT_TYPE, problemType } from '@ree/platform/http';
import { randomUUID } from 'node:crypto';
import { STATUS_CODES, type Server } from 'node:http';
import type { Socket } from 'node:net';

/** What Node's HTTP parser refuses before Express sees a request, by Node's error code. */
const CLIENT_ERRORS: Readonly<Record<string, { status: number; code: string; detail: string }>> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    code: 'request-header-fields-too-large',
    detail: 'The request line and headers together are larger than 16 KB',
  },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, code: 'request-timeout', detail: 'The request was not received in time' },
  HPE_CHUNK_EXTENSIONS_OVERFLOW: { status: 413, code: 'payload-too-large', detail: 'The chunk extensions of the request are too large' },
};
const MALFORMED = { status: 400, code: 'malformed-request', detail: 'The request is not well-formed HTTP' };

/**
 * Answers what Node's HTTP parser refuses (oversized headers or URL, malformed requests) with
 * problem+json instead of Node's bare status line: with a `clientError` listener Node leaves the
 * answer to us. The socket is closed after it, as Node does.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    const inProgress = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || inProgress?.headersSent) {
      socket.destroy();
      return;
    }
    const { status, code, detail } = CLIENT_ERRORS[error.code ?? ''] ?? MALFORMED;
    const correlationId = randomUUID();
    const title = STATUS_CODES[status] ?? 'Error';
    const body = JSON.stringify({ type: problemType(code), title, status, detail, code, correlationId });
    socket.end(
      [
        `HTTP/1.1 ${status} ${title}`,
        `Content-Type: ${PROBLEM_CONTENT_TYPE}`,
        `Content-Length: ${Buffer.byteLength(body)}`,
        `X-Correlation-Id: ${correlationId}`,
        'Connection: close',
        '',
        body,
      ].join('\r\n'),
    );
  });
}
