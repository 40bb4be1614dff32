using System.Net;
using Microsoft.AspNetCore.Diagnostics;

namespace HealthRecords.Web.Features.Common;

/// <summary>
/// What a browser shows for an address that is no page (404) or a page that failed (500): a short Chinese page with
/// a way back, instead of the API's problem+json. Requests for the API, or that do not ask for HTML, keep
/// problem+json as before.
/// </summary>
public static class StatusPages
{
    /// <summary>A browser asking for a page: not the API, and HTML accepted.</summary>
    public static bool IsPageRequest(HttpRequest request) =>
        !request.Path.StartsWithSegments("/api")
        && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && request.Headers.Accept.Any(a => a is not null && a.Contains("text/html", StringComparison.OrdinalIgnoreCase));

    /// <summary>Status code pages: a Chinese page for a browser, problem+json (as <c>UseStatusCodePages()</c>) for the rest.</summary>
    public static IApplicationBuilder UseStatusPages(this IApplicationBuilder app) =>
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            if (IsPageRequest(http.Request))
            {
                await WritePageAsync(http);
                return;
            }
            var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
            if (!await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = { Status = http.Response.StatusCode } }))
            {
                http.Response.ContentType = "text/plain; charset=utf-8";
                await http.Response.WriteAsync($"Status Code: {http.Response.StatusCode}");
            }
        });

    /// <summary>Writes the Chinese page for the response's status code.</summary>
    public static Task WritePageAsync(HttpContext http)
    {
        var status = http.Response.StatusCode;
        var (title, text) = status switch
        {
            StatusCodes.Status404NotFound => ("页面不存在", "您访问的地址没有对应的页面，可能是链接有误或页面已移动。"),
            >= 500 => ("系统出错了", "处理请求时出现错误，已保存的内容不受影响。请稍后重试；如果反复出现，请联系系统管理员。"),
            _ => ("无法处理该请求", "请求无法处理，请返回后重试。"),
        };
        var home = http.Request.Path.StartsWithSegments("/portal") ? "/portal" : "/";
        http.Response.ContentType = "text/html; charset=utf-8";
        return http.Response.WriteAsync($$"""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1.0" /><title>{{title}} - 居民健康档案管理系统</title>
            <style>
            body { margin: 0; min-height: 100vh; display: flex; align-items: center; justify-content: center; background: #eef4f2; font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; }
            main { background: #fff; padding: 32px 40px; border-radius: 8px; box-shadow: 0 2px 12px rgba(0,0,0,.08); max-width: 30rem; }
            h1 { font-size: 22px; margin: 0 0 12px; color: #1b6e5a; } p { color: #444; line-height: 1.6; } .code { color: #888; font-size: 13px; }
            a { display: inline-block; margin-top: 8px; padding: 8px 20px; background: #1b6e5a; color: #fff; border-radius: 4px; text-decoration: none; }
            </style></head>
            <body><main data-status="{{status}}">
            <h1>{{title}}</h1>
            <p>{{text}}</p>
            <p class="code">状态码 {{status}}</p>
            <a href="{{home}}">返回首页</a>
            </main></body></html>
            """);
    }
}

/// <summary>An unhandled error on a page request: the Chinese page of <see cref="StatusPages"/> (API errors stay problem+json).</summary>
public sealed class PageExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (!StatusPages.IsPageRequest(http.Request))
        {
            return false;
        }
        http.Response.StatusCode = (int)HttpStatusCode.InternalServerError;
        await StatusPages.WritePageAsync(http);
        return true;
    }
}
