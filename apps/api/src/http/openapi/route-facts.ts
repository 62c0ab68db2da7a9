import type { INestApplication, PipeTransform, Type } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import { PUBLIC_KEY, Role, ROLES_KEY } from '@ree/platform/auth';
import { commandContextParameter, ParseIdPipe } from '@ree/platform/http';

/** What the guards and pipes of one controller method enforce, which its OpenAPI operation must say. */
export interface RouteFacts {
  /** No token needed (`@Public()`). */
  readonly isPublic: boolean;
  /** The roles of `@Roles(...)`; empty for a public route and for one open to no role. */
  readonly roles: readonly Role[];
  /** Path parameters checked by {@link ParseIdPipe}: UUIDs. */
  readonly uuidParams: ReadonlySet<string>;
  /** Takes the command context (`@Ctx()`), which reads `If-Match` and `Idempotency-Key`. */
  readonly readsCommandContext: boolean;
}

interface RouteArgument {
  readonly index: number;
  readonly data?: unknown;
  readonly pipes?: ReadonlyArray<Type<PipeTransform> | PipeTransform>;
  readonly factory?: unknown;
}

/**
 * The facts of every controller method of the application, by the operation id the OpenAPI
 * document gives it (`<Controller>_<method>`, @nestjs/swagger's default), read from the same
 * metadata the guards and pipes read, so that a route added anywhere is described as it behaves.
 */
export function routeFactsOf(app: INestApplication): Map<string, RouteFacts> {
  const facts = new Map<string, RouteFacts>();
  const scanner = new MetadataScanner();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller?.prototype) continue;
      for (const method of scanner.getAllMethodNames(controller.prototype)) {
        const handler = controller.prototype[method] as object;
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<string, RouteArgument>;
        facts.set(`${controller.name}_${method}`, {
          isPublic: Boolean(metadataOf<boolean>(PUBLIC_KEY, handler, controller)),
          roles: metadataOf<Role[]>(ROLES_KEY, handler, controller) ?? [],
          uuidParams: uuidParamsOf(args),
          readsCommandContext: Object.values(args).some((argument) => argument.factory === commandContextParameter),
        });
      }
    }
  }
  return facts;
}

/** The method's own metadata, else its controller's: the guards' `getAllAndOverride`. */
function metadataOf<T>(key: string, handler: object, controller: Type): T | undefined {
  return (Reflect.getMetadata(key, handler) as T | undefined) ?? (Reflect.getMetadata(key, controller) as T | undefined);
}

function uuidParamsOf(args: Record<string, RouteArgument>): Set<string> {
  const names = new Set<string>();
  for (const [key, argument] of Object.entries(args)) {
    const isPathParam = Number(key.split(':')[0]) === RouteParamtypes.PARAM;
    const checksId = (argument.pipes ?? []).some((pipe) => pipe === ParseIdPipe || pipe instanceof ParseIdPipe);
    if (isPathParam && checksId && typeof argument.data === 'string') names.add(argument.data);
  }
  return names;
}
