import { BadRequestException, CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { APP_CONFIG, AppConfig } from '@ree/platform/config';
import { READ_MODEL_POSITIONS, ReadModelPositionsPort } from '@ree/platform/http';
import type { Request, Response } from 'express';
import { from, Observable, switchMap } from 'rxjs';

const POSITION = /^\d{1,19}$/;

/**
 * `X-Min-Position` on reads (docs/http-conventions.md, "Reading your own writes: X-Min-Position"): waits (bounded by `readYourWritesTimeoutMs`) until the read
 * models have processed that global position, so that a client reads its own writes. On timeout
 * the read is answered anyway, marked `X-Stale: true`.
 */
@Injectable()
export class ReadYourWritesInterceptor implements NestInterceptor {
  private positions?: ReadModelPositionsPort | null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly moduleRef: ModuleRef,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    const header = request.headers['x-min-position'];
    if (request.method !== 'GET' || header === undefined) return next.handle();
    if (typeof header !== 'string' || !POSITION.test(header)) {
      throw new BadRequestException({ code: 'invalid-min-position', detail: 'X-Min-Position must be a global position: a decimal number' });
    }
    const response = context.switchToHttp().getResponse<Response>();
    return from(this.caughtUp(header)).pipe(
      switchMap((caughtUp) => {
        if (!caughtUp) response.setHeader('X-Stale', 'true');
        return next.handle();
      }),
    );
  }

  private async caughtUp(position: string): Promise<boolean> {
    const positions = this.readModelPositions();
    return positions ? positions.waitFor(position, this.config.readYourWritesTimeoutMs) : false;
  }

  /** Looked up wherever the application provides it, so that this module need not import the projection's. */
  private readModelPositions(): ReadModelPositionsPort | null {
    if (this.positions === undefined) {
      try {
        this.positions = this.moduleRef.get<ReadModelPositionsPort>(READ_MODEL_POSITIONS, { strict: false });
      } catch {
        this.positions = null;
      }
    }
    return this.positions;
  }
}
