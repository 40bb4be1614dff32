using System.Security.Cryptography;

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
            var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)); // hex: survives HTML attribute encoding unchanged
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
    /// read, and a body of unknown length (chunked) is cut off with 413 once it passes the limit; either way the answer
    /// is problem+json and the endpoint has changed nothing (it fails while binding, before it runs).
    /// </summary>
    public const long MaxApiBody = 1024 * 1024;

    public static IApplicationBuilder UseApiBodyLimit(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            if (!http.Request.Path.StartsWithSegments("/api"))
            {
                await next(http);
                return;
            }
            if (http.Request.ContentLength > MaxApiBody)
            {
                await TooLarge(http);
                return;
            }
            http.Request.Body = new LimitedStream(http.Request.Body, MaxApiBody);
            try
            {
                await next(http);
            }
            catch (BodyTooLargeException) when (!http.Response.HasStarted)
            {
                http.Response.Clear();
                await TooLarge(http);
            }
        });

    private static Task TooLarge(HttpContext http) =>
        TypedResults.Problem(title: "请求内容过大（上限 1 MB）", statusCode: StatusCodes.Status413PayloadTooLarge).ExecuteAsync(http);

    /// <summary>Thrown by the limited body; deliberately not an IOException, which endpoints take for a client that went away.</summary>
    private sealed class BodyTooLargeException() : Exception("Request body exceeds the API limit.");

    private sealed class LimitedStream(Stream inner, long limit) : Stream
    {
        private long read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Count(int n)
        {
            read += n;
            return read > limit ? throw new BodyTooLargeException() : n;
        }
    }

    /// <summary>
    /// Requests the endpoints cannot bind (malformed JSON, wrong types) are answered 400 problem+json in every
    /// environment, never with an exception page, and titled in Chinese (with field errors: <see cref="RequestBodies"/>).
    /// </summary>
    public static IServiceCollection AddBadRequestProblems(this IServiceCollection services)
    {
        services.Configure<ProblemDetailsOptions>(o =>
        {
            var prior = o.CustomizeProblemDetails;
            o.CustomizeProblemDetails = ctx =>
            {
                prior?.Invoke(ctx);
                if (ctx.ProblemDetails.Status == StatusCodes.Status400BadRequest && ctx.ProblemDetails is not HttpValidationProblemDetails
                    && ctx.ProblemDetails.Title is null or "Bad Request")
                {
                    ctx.ProblemDetails.Title = "请求格式错误：内容不是有效的 JSON 或字段类型不符";
                }
            };
        });
        return services;
    }
}
