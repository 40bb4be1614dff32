using System.Net;
using QRCoder;
using Microsoft.AspNetCore.Mvc;

namespace HealthRecords.Web.Features.Portal;

/// <summary>
/// A small printed slip with a just-issued activation code, handed to the resident at the clinic. The code
/// arrives by form post from the page that issued it (never in a URL); the record must be in the user's scope.
/// The slip prints the activation page's full address and a QR code of it (never the code itself), so a resident
/// types nothing but the code: the address is <c>Portal:PublicUrl</c> when the county sets it (the address residents
/// reach the system at, e.g. behind a proxy), else the address the slip was requested at.
/// </summary>
public static class ActivationSlip
{
    /// <summary>The activation page's full address: <c>Portal:PublicUrl</c>, else <paramref name="requestBase"/> (the address in use).</summary>
    public static string ActivationUrl(string requestBase, IConfiguration configuration)
    {
        var configured = configuration["Portal:PublicUrl"];
        var root = string.IsNullOrWhiteSpace(configured) ? requestBase : configured.Trim();
        return root.TrimEnd('/') + "/portal/activate";
    }

    /// <summary>A QR code of <paramref name="text"/> as inline SVG (black modules on white; scanned by any phone camera).</summary>
    public static string QrSvg(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4);
    }

    public static void MapActivationSlip(this IEndpointRouteBuilder app) =>
        app.MapPost("/portal/activation-slip", async ([FromForm] long recordId, [FromForm] string code, HttpContext http,
            HealthRecordsDbContext db, Audit audit, IConfiguration configuration, CancellationToken ct) =>
        {
            var user = DataScope.From(http.User);
            var record = await user.Apply(db.HealthRecords).Where(r => r.Id == recordId)
                .Select(r => new { r.Name, r.RecordNumber }).FirstOrDefaultAsync(ct);
            var clean = ActivationCodes.Normalize(code);
            if (record is null || clean.Length != 8)
            {
                return Results.NotFound();
            }
            audit.Add(user, "print-activation-slip", recordId);
            await db.SaveChangesAsync(ct);
            var name = WebUtility.HtmlEncode(record.Name);
            var url = ActivationUrl($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}", configuration);
            var address = WebUtility.HtmlEncode(url);
            var html = $$"""
                <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>居民自助查询激活凭条</title>
                <style>@page { size: 90mm 80mm; margin: 4mm } body { font-family: "Noto Sans CJK SC", sans-serif; font-size: 11pt; margin: 0 }
                .slip { width: 80mm; border: 1px dashed #888; padding: 3mm; box-sizing: border-box; } .code { font-size: 20pt; letter-spacing: 2px; font-family: monospace; }
                .where { display: flex; gap: 3mm; align-items: center; margin: 2mm 0; } .qr svg { width: 26mm; height: 26mm; display: block; }
                .url { font-family: monospace; font-size: 10pt; word-break: break-all; }</style>
                </head><body onload="window.print()"><div class="slip" data-testid="activation-slip">
                <b>居民健康档案 · 自助查询激活凭条</b><br>
                {{name}}　档案编号后8位 {{record.RecordNumber[9..]}}<br>
                激活码：<span class="code">{{clean[..4]}}-{{clean[4..]}}</span>
                <div class="where"><div class="qr" data-testid="activation-qr">{{QrSvg(url)}}</div>
                <div>用手机扫描左边的二维码，或在浏览器地址栏输入：<br><span class="url" data-testid="activation-url">{{address}}</span></div></div>
                请在 30 天内打开上面的网页，输入身份证号（儿童填儿童的）、激活码并设置密码。激活码只能使用一次，请妥善保管，勿告诉他人。
                </div></body></html>
                """;
            return Results.Content(html, "text/html; charset=utf-8");
        }).RequireAuthorization(Policies.Edit).ExcludeFromDescription();
}
