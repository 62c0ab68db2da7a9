import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@ree/platform/auth';
import type { Response } from 'express';
import { MetricsScraper } from './metrics-scraper';

/**
 * `GET /metrics` for Prometheus (text format 0.0.4), outside `/api/v1` and without a token like
 * the probes (docs/api.md, "Operations"); never rate-limited, logged or counted as a command. Left out
 * of the OpenAPI document with the probes: it is for the scraper, not for clients of the API.
 */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly scraper: MetricsScraper) {}

  @Get()
  async scrape(@Res() response: Response): Promise<void> {
    const { contentType, text } = await this.scraper.scrape();
    // A Buffer, so that Express sends the content type exactly as prom-client gives it.
    response.status(200).setHeader('Cache-Control', 'no-store').setHeader('Content-Type', contentType).send(Buffer.from(text, 'utf8'));
  }
}
