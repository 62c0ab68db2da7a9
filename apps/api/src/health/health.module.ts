import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { ReadinessProbe } from './readiness';

/** `GET /health/live` and `GET /health/ready`. */
@Module({
  controllers: [HealthController],
  providers: [ReadinessProbe],
})
export class HealthModule {}
