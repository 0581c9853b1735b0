// Placeholder: being built (issue 11).
export function loader() {
  return new Response("Not Found", { status: 404 });
}
