using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.Features;

namespace HealthRecords.Web.Features.Security;

/// <summary>
/// Response headers every page and API call gets: a Content-Security-Policy that fits Blazor Server and MudBlazor
/// (scripts only from this site or carrying the request's nonce; MudBlazor sets inline styles; the circuit's
/// WebSocket is same-origin), no sniffing, no framing, a strict referrer and no powerful browser features.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "csp-nonce";

    /// <summary>The per-request nonce an inline script (the import map) must carry.</summary>
    public static string? Nonce(HttpContext? http) => http?.Items[NonceKey] as string;

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((http, next) =>
        {
            var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            http.Items[NonceKey] = nonce;
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments("/api-docs")
                // The API reference page (Scalar) configures itself with inline script and styles.
                ? "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'"
                : $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return next(http);
        });

    /// <summary>
    /// JSON APIs take at most <see cref="MaxApiBody"/> bytes: a declared larger body is refused with 413 before it is
    /// read, and the server's own limit is lowered for bodies of unknown length.
    /// </summary>
    public const long MaxApiBody = 1024 * 1024;

    public static IApplicationBuilder UseApiBodyLimit(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            if (http.Request.Path.StartsWithSegments("/api"))
            {
                if (http.Request.ContentLength > MaxApiBody)
                {
                    await TypedResults.Problem(title: "请求内容过大", statusCode: StatusCodes.Status413PayloadTooLarge).ExecuteAsync(http);
                    return;
                }
                if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                {
                    limit.MaxRequestBodySize = MaxApiBody;
                }
            }
            await next(http);
        });
}
