import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from '../config/app-config';

/** Chooses a request's correlation id; pino-http stores it as `req.id` and logs it on every line. */
export type GenerateRequestId = (request: IncomingMessage, response: ServerResponse) => string;

const CLIENT_CORRELATION_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** Keeps a well-formed `X-Correlation-Id` from the client, otherwise makes a new one. */
export const defaultGenerateRequestId: GenerateRequestId = (request) => {
  const header = request.headers['x-correlation-id'];
  return typeof header === 'string' && CLIENT_CORRELATION_ID.test(header) ? header : randomUUID();
};

/** Only these parts of a request reach the logs: never its body or its headers (bearer tokens, cookies). */
function requestSummary(request: IncomingMessage & { id?: unknown }): Record<string, unknown> {
  return { id: request.id, method: request.method, url: request.url };
}

function responseSummary(response: ServerResponse): Record<string, unknown> {
  return { statusCode: response.statusCode };
}

/** Probes and the metrics scraper call every few seconds: their requests would drown the log. */
const UNLOGGED = /^\/(health(\/|\?|$)|metrics(\?|$))/;

export interface LoggingOptions {
  readonly role: 'api' | 'worker';
  readonly config: AppConfig;
  readonly generateRequestId?: GenerateRequestId;
}

/**
 * JSON logs through pino, one object a line, at `LOG_LEVEL`. In the API every line written
 * while a request runs carries its correlation id; probes of `/health` and scrapes of `/metrics`
 * are not logged.
 */
@Module({})
export class LoggingModule {
  static forRoot(options: LoggingOptions): DynamicModule {
    const { config, role } = options;
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          // Express 5's path syntax: nestjs-pino's default `*` draws a deprecation warning.
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: {
            level: config.logLevel,
            base: { service: `ree-${role}` },
            genReqId: options.generateRequestId ?? defaultGenerateRequestId,
            customProps: (request: IncomingMessage & { id?: unknown }) => ({ correlationId: request.id }),
            serializers: { req: requestSummary, res: responseSummary },
            redact: { paths: ['req.headers', 'res.headers', 'req.body'], remove: true },
            autoLogging: { ignore: (request: IncomingMessage) => UNLOGGED.test(request.url ?? '') },
          },
        }),
      ],
    };
  }
}
