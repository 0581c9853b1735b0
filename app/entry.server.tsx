import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable } from "@react-router/node";
import type { RenderToPipeableStreamOptions } from "react-dom/server";
import { renderToPipeableStream } from "react-dom/server";
import {
  isRouteErrorResponse,
  ServerRouter,
  type EntryContext,
  type HandleErrorFunction,
  type RouterContextProvider,
} from "react-router";
import { errorForLog, isOriginRefusal } from "./lib/errorLog.server.ts";
import { servicesContext } from "./lib/services.server.ts";

// The process (server/app.ts) loads this build and must set the very same context objects that
// the routes read, so it takes them from here rather than importing a second copy.
export { clientAddressContext, servicesContext } from "./lib/services.server.ts";

export const streamTimeout = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  routerContext: EntryContext,
  _loadContext: RouterContextProvider,
) {
  if (request.method.toUpperCase() === "HEAD") {
    return new Response(null, { status: responseStatusCode, headers: responseHeaders });
  }
  return new Promise<Response>((resolve, reject) => {
    // Pages are small and must work without JavaScript: send them whole rather than streamed.
    const readyOption: keyof RenderToPipeableStreamOptions = "onAllReady";
    let timeoutId: ReturnType<typeof setTimeout> | undefined = setTimeout(
      () => abort(),
      streamTimeout + 1000,
    );
    const { pipe, abort } = renderToPipeableStream(
      <ServerRouter context={routerContext} url={request.url} />,
      {
        [readyOption]() {
          const body = new PassThrough({
            final(callback) {
              clearTimeout(timeoutId);
              timeoutId = undefined;
              callback();
            },
          });
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          pipe(body);
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
        },
        onShellError: reject,
        onError() {
          responseStatusCode = 500;
        },
      },
    );
  });
}

export const handleError: HandleErrorFunction = (error, { request, context }) => {
  if (request.signal.aborted) return;
  const path = new URL(request.url).pathname;
  const log = context.get(servicesContext).log;
  // The server refuses cross-origin posts before the router (server/app.ts); should one still
  // reach the router's own check, it is a refused request, not an error of ours.
  // A page that does not exist, or a refusal a loader threw on purpose (404, 403, 400): the
  // visitor got its answer, and the request line already logs the status.
  if (isRouteErrorResponse(error) && error.status < 500) return;
  if (isOriginRefusal(error)) {
    log.warn(
      { path, origin: request.headers.get("Origin")?.slice(0, 200) },
      "cross-origin post refused",
    );
    return;
  }
  log.error({ path, err: errorForLog(error) }, "unhandled error");
};
