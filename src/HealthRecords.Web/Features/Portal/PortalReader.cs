using HealthRecords.Domain.Codes;
using HealthRecords.Domain.Records;
using HealthRecords.Web.Data;
using HealthRecords.Web.Data.Entities;
using HealthRecords.Web.Features.AuditLog;
using HealthRecords.Web.Features.Common;
using HealthRecords.Web.Features.Residents;
using Microsoft.EntityFrameworkCore;

namespace HealthRecords.Web.Features.Portal;

/// <summary>What a resident reads about themselves: plain words, phone and ID number partly hidden, no staff notes.</summary>
public sealed record PortalRecord(
    long Id,
    string Name,
    string Sex,
    DateOnly BirthDate,
    int Age,
    string? IdNumberMasked,
    string? PhoneMasked,
    string? CurrentAddress,
    string RecordNumber,
    string Township,
    string Village,
    string Institution,
    string? ResponsibleDoctor,
    string Status,
    IReadOnlyList<PortalSectionView> Sections);

/// <summary>One line of "who read my record": who (name and institution), when, what.</summary>
public sealed record PortalAccessEntry(DateTime AtUtc, string Who, string? Institution, string What);

/// <summary>Reads the signed-in resident's own record. The record id comes from their account, never from the request.</summary>
public sealed class PortalReader(ResidentReader reader, Audit audit, AuditQueries auditLog, IEnumerable<IPortalSection> sections)
{
    public async Task<PortalRecord?> GetAsync(long recordId, string residentUserId, CancellationToken ct)
    {
        var d = await reader.DetailAsync(recordId, ct);
        if (d is null)
        {
            return null;
        }
        var views = new List<PortalSectionView>();
        // The last registration of a key wins, so a service's real section replaces its placeholder.
        foreach (var s in sections.GroupBy(s => s.Key).Select(g => g.Last()).OrderBy(s => s.Order))
        {
            views.Add(new PortalSectionView(s.Key, s.Title, await s.LoadAsync(recordId, ct)));
        }
        await audit.ReadAsync(PortalAccounts.ResidentScope(residentUserId), recordId, "portal", ct);
        return new PortalRecord(
            d.Id, d.Info.Name, d.Info.Sex?.Label() ?? "", d.Info.BirthDate, d.Age,
            d.Info.IdNumber is { } idn ? IdCardNumber.Mask(idn) : null,
            d.Info.Phone is { } p ? PhoneNumber.Mask(p) : null,
            d.Cover.CurrentAddress,
            d.RecordNumber, d.TownshipName, d.VillageName, d.ManagingInstitutionName, d.ResponsibleDoctorName,
            d.Status.Label(), views);
    }

    /// <summary>
    /// 谁查看了我的档案: what staff did with the record, newest first (the audit log's one query over a record,
    /// <see cref="AuditQueries.EntriesOfRecordAsync"/>); the resident's own visits are left out.
    /// </summary>
    public async Task<IReadOnlyList<PortalAccessEntry>> AccessLogAsync(long recordId, string residentUserId, CancellationToken ct)
    {
        var rows = await auditLog.EntriesOfRecordAsync(recordId, a => a.UserId != residentUserId && !a.Action.StartsWith("portal"), 100, ct);
        return rows.Select(r => new PortalAccessEntry(r.AtUtc, r.UserName ?? "系统", r.Institution, Describe(r.Action))).ToList();
    }

    private static string Describe(string action) => action switch
    {
        "read" => "查看了档案",
        "create" => "建立了档案",
        "update" => "修改了档案",
        "print-card" => "打印了健康档案信息卡",
        "print-cover" => "打印了档案封面",
        "close" => "终止了档案",
        "reopen" => "恢复了档案",
        "transfer" => "办理了档案迁移",
        "merge" => "合并了重复档案",
        "household-update" or "household-move" => "修改了家庭信息",
        "correction-confirm" => "核实并更正了您报告的信息",
        "correction-reject" => "核实了您报告的信息（未采纳）",
        "activation-code-issue" => "发放了激活码",
        _ => "其他操作",
    };
}
