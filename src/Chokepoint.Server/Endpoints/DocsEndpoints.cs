namespace Chokepoint.Server.Endpoints;

/// <summary>A simple reference page over the OpenAPI document.</summary>
public static class DocsEndpoints
{
    private const string Page = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Chokepoint API reference</title>
        <style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}code{background:#eee;padding:0 .2rem}
        h2{margin-top:2rem;border-bottom:1px solid #ccc}.op{margin:.6rem 0}.m{display:inline-block;width:4rem;font-weight:bold}</style></head>
        <body><h1>Chokepoint API reference</h1>
        <p>The machine-readable document is <a href="/openapi/v1.json">/openapi/v1.json</a>. Clients send
        <code>Authorization: Bearer &lt;key&gt;</code>; people sign in at <code>POST /auth/sign-in</code>. Errors are RFC 7807 problem details naming the field.</p>
        <div id="ops">Loading…</div>
        <script>
        fetch('/openapi/v1.json').then(r => r.json()).then(doc => {
          const byTag = {};
          for (const [path, item] of Object.entries(doc.paths)) for (const [method, op] of Object.entries(item)) {
            const tag = (op.tags && op.tags[0]) || 'Other';
            (byTag[tag] = byTag[tag] || []).push({ method: method.toUpperCase(), path, summary: op.summary || op.operationId || '' });
          }
          const root = document.getElementById('ops'); root.textContent = '';
          for (const tag of Object.keys(byTag).sort()) {
            const h = document.createElement('h2'); h.textContent = tag; root.appendChild(h);
            for (const op of byTag[tag]) {
              const d = document.createElement('div'); d.className = 'op';
              const m = document.createElement('span'); m.className = 'm'; m.textContent = op.method;
              const c = document.createElement('code'); c.textContent = op.path;
              d.append(m, c, document.createTextNode(' ' + op.summary)); root.appendChild(d);
            }
          }
        });
        </script></body></html>
        """;

    /// <summary>Maps <c>/docs</c>.</summary>
    public static IEndpointRouteBuilder MapDocsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/docs", GetPage).WithName("ApiReference").ExcludeFromDescription().AllowAnonymous();
        return app;
    }

    /// <summary>Answers the reference page.</summary>
    public static IResult GetPage() => TypedResults.Content(Page, "text/html; charset=utf-8");
}
