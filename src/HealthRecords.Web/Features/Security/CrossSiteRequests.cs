namespace HealthRecords.Web.Features.Security;

/// <summary>
/// Issue #14 item 4: a browser's state-changing request (any method but GET, HEAD, OPTIONS and TRACE, with or without a
/// body, to an API, a form endpoint or sign-out) is refused when it comes from another site. Browsers say where a request
/// comes from: <c>Sec-Fetch-Site</c> (anything but <c>same-origin</c> or <c>none</c> is refused) and <c>Origin</c> (it
/// must be this site's own scheme, host and port, or one listed in <c>Security:TrustedOrigins</c>; <c>null</c> from a
/// sandboxed page is refused). A request with neither header is not a browser's cross-site request (curl, scripts,
/// the tests' client) and passes; the cookie's SameSite=Lax and the antiforgery tokens of the forms stay as a second
/// layer. Refused: 403, problem+json for the API, the Chinese status page otherwise.
/// </summary>
public static class CrossSiteRequests
{
    public const string Refused = "跨站请求已拒绝：请在本系统的页面中操作";

    public static IApplicationBuilder UseCrossSiteRefusal(this IApplicationBuilder app)
    {
        var trusted = app.ApplicationServices.GetRequiredService<IConfiguration>().GetSection("Security:TrustedOrigins").Get<string[]>() ?? [];
        return app.Use(async (http, next) =>
        {
            if (IsUnsafe(http.Request.Method) && IsCrossSite(http.Request, trusted))
            {
                if (http.Request.Path.StartsWithSegments("/api"))
                {
                    await TypedResults.Problem(title: Refused, statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(http);
                }
                else
                {
                    http.Response.StatusCode = StatusCodes.Status403Forbidden;
                }
                return;
            }
            await next(http);
        });
    }

    private static bool IsUnsafe(string method) =>
        !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));

    public static bool IsCrossSite(HttpRequest request, IReadOnlyCollection<string> trusted)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && !site.Equals("same-origin", StringComparison.OrdinalIgnoreCase) && !site.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return false;
        }
        var own = $"{request.Scheme}://{request.Host.Value}";
        return !origin.Equals(own, StringComparison.OrdinalIgnoreCase) && !trusted.Contains(origin, StringComparer.OrdinalIgnoreCase);
    }
}
