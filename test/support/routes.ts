import type { INestApplication } from '@nestjs/common';
import { METHODS } from 'node:http';

/** One endpoint of the running API: an HTTP method and an Express path (`/api/v1/mines/:mineId`). */
export interface Route {
  readonly method: string;
  readonly path: string;
}

interface RouterLayer {
  readonly route?: { readonly path: unknown; readonly methods: Readonly<Record<string, boolean>> };
}

/** `POST /api/v1/mines`: how the route tables of the reliability tests name a route. */
export const routeKey = (route: Route): string => `${route.method} ${route.path}`;

/** The route named by a {@link routeKey}. */
export function routeOf(key: string): Route {
  const [method, path] = key.split(' ');
  return { method, path };
}

/**
 * Every endpoint the running API serves, read from Express's router after `init()`: the controllers'
 * routes and whatever else was mounted (the OpenAPI pages), so that nothing can be served without
 * the tests knowing. A route layer that answers every HTTP method is middleware Nest bound with
 * `forRoutes`, not an endpoint, and is left out.
 */
export function discoverRoutes(app: INestApplication): Route[] {
  const express = app.getHttpAdapter().getInstance() as { router?: { stack: RouterLayer[] }; _router?: { stack: RouterLayer[] } };
  const stack = (express.router ?? express._router)?.stack ?? [];
  const routes = new Map<string, Route>();
  for (const layer of stack) {
    if (!layer.route || typeof layer.route.path !== 'string') continue;
    const methods = Object.keys(layer.route.methods).filter((method) => method !== '_all');
    if (methods.length >= METHODS.length) continue;
    for (const method of methods) {
      const route = { method: method.toUpperCase(), path: layer.route.path };
      routes.set(routeKey(route), route);
    }
  }
  return [...routes.values()];
}

/** The route's path with each `:param` replaced by what `valueOf` gives for its name, URL-encoded. */
export function pathWith(path: string, valueOf: (param: string) => string): string {
  return path.replace(/:(\w+)/g, (_, param: string) => encodeURIComponent(valueOf(param)));
}
