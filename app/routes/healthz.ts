/** A trivial route: for load balancers, and the baseline of the HTTP benchmark. */
export function loader() {
  return new Response("ok", {
    headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" },
  });
}
