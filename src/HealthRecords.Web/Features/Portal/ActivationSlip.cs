using System.Net;
using HealthRecords.Web.Data;
using HealthRecords.Web.Features.Auth;
using HealthRecords.Web.Features.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HealthRecords.Web.Features.Portal;

/// <summary>
/// A small printed slip with a just-issued activation code, handed to the resident at the clinic. The code
/// arrives by form post from the page that issued it (never in a URL); the record must be in the user's scope.
/// </summary>
public static class ActivationSlip
{
    public static void MapActivationSlip(this IEndpointRouteBuilder app) =>
        app.MapPost("/portal/activation-slip", async ([FromForm] long recordId, [FromForm] string code, HttpContext http,
            HealthRecordsDbContext db, Audit audit, CancellationToken ct) =>
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
            var html = $$"""
                <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>居民自助查询激活凭条</title>
                <style>@page { size: 90mm 60mm; margin: 4mm } body { font-family: "Noto Sans CJK SC", sans-serif; font-size: 11pt; margin: 0 }
                .slip { width: 80mm; border: 1px dashed #888; padding: 3mm; } .code { font-size: 20pt; letter-spacing: 2px; font-family: monospace; }</style>
                </head><body onload="window.print()"><div class="slip" data-testid="activation-slip">
                <b>居民健康档案 · 自助查询激活凭条</b><br>
                {{name}}　档案编号后8位 {{record.RecordNumber[9..]}}<br>
                激活码：<span class="code">{{clean[..4]}}-{{clean[4..]}}</span><br>
                请在 30 天内打开“我的健康档案”网页 /portal/activate，输入身份证号（儿童填儿童的）、激活码并设置密码。激活码只能使用一次，请妥善保管，勿告诉他人。
                </div></body></html>
                """;
            return Results.Content(html, "text/html; charset=utf-8");
        }).RequireAuthorization(Policies.Edit).ExcludeFromDescription();
}
