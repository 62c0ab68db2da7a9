import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@ree/platform/auth';
import type { Response } from 'express';
import { ReadinessProbe } from './readiness';

/**
 * Probes for orchestrators, outside `/api/v1` and without a token (docs/api.md, "Operations").
 * Liveness says only that the process runs; readiness that it can serve requests now.
 */
@ApiExcludeController()
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: ReadinessProbe) {}

  @Get('live')
  live(): { status: 'live' } {
    return { status: 'live' };
  }

  @Get('ready')
  async ready(@Res() response: Response): Promise<void> {
    const { ready, checks, projections } = await this.readiness.check();
    response.setHeader('Cache-Control', 'no-store');
    if (ready) {
      response.status(200).json({ status: 'ready', checks, projections });
      return;
    }
    const failing = Object.entries(checks)
      .filter(([, check]) => check.status === 'down')
      .map(([name]) => name);
    response
      .status(503)
      .type('application/problem+json')
      .send(
        JSON.stringify({
          type: 'about:blank',
          title: 'Service Unavailable',
          status: 503,
          detail: `Not ready: ${failing.join(', ')} did not answer`,
          code: 'not-ready',
          checks,
          projections,
        }),
      );
  }
}
