using HealthRecords.Web.Features.AuditLog;
using HealthRecords.Web.Features.Residents;

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

/// <summary>One line of "who read my record": one staff visit — who (name and institution), when it began, what they did.</summary>
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
        // A service's real section replaces its placeholder, whichever module registered first.
        foreach (var s in sections.GroupBy(s => s.Key).Select(g => g.LastOrDefault(x => x is not EmptyPortalSection) ?? g.Last()).OrderBy(s => s.Order))
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

    /// <summary>Entries of one person this close together are one visit (opening a record reads its overview, change
    /// log, examinations … one entry each).</summary>
    public static readonly TimeSpan VisitGap = TimeSpan.FromMinutes(30);

    /// <summary>
    /// 谁查看了我的档案: one plain line per staff visit, newest first (the audit log's one query over a record,
    /// <see cref="AuditQueries.EntriesOfRecordAsync"/>); the resident's own visits are left out.
    /// </summary>
    public async Task<IReadOnlyList<PortalAccessEntry>> AccessLogAsync(long recordId, string residentUserId, CancellationToken ct)
    {
        var rows = await auditLog.EntriesOfRecordAsync(recordId, a => a.UserId != residentUserId && !a.Action.StartsWith("portal"), 300, ct);
        return Visits(rows).Take(50).ToList();
    }

    /// <summary>Entries (newest first) as visits: consecutive entries of one person no more than <see cref="VisitGap"/> apart.</summary>
    public static IEnumerable<PortalAccessEntry> Visits(IEnumerable<RecordEntry> newestFirst)
    {
        List<RecordEntry> visit = [];
        foreach (var entry in newestFirst)
        {
            if (visit.Count > 0 && (entry.UserName != visit[^1].UserName || entry.Institution != visit[^1].Institution || visit[^1].AtUtc - entry.AtUtc > VisitGap))
            {
                yield return Line(visit);
                visit = [];
            }
            visit.Add(entry);
        }
        if (visit.Count > 0)
        {
            yield return Line(visit);
        }
    }

    private static PortalAccessEntry Line(List<RecordEntry> visit) =>
        new(visit[^1].AtUtc, visit[0].UserName ?? "系统", visit[0].Institution,
            string.Join("、", visit.AsEnumerable().Reverse().Select(e => Describe(e.Action)).Distinct()));

    private static string Describe(string action) => action switch
    {
        "read" or "reveal-id" or "reveal-phone" => "查看了档案",
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
        "activation-code-issue" or "print-activation-slip" => "为您办理了自助查询激活码",
        "examination-create" or "examination-update" => "记录了健康体检",
        "follow-up-create" or "follow-up-update" or "follow-up-combined" => "记录了慢病随访",
        "chronic-enrol" or "chronic-withdraw" or "chronic-restore" => "办理了慢病管理",
        "screening-bp" => "记录了血压测量",
        "encounter-create" or "encounter-update" => "记录了门诊接诊",
        "consultation-create" or "consultation-update" => "记录了会诊",
        "referral-create" or "referral-update" or "referral-result" => "办理了转诊",
        "contact-attempt" => "记录了与您的联系",
        "print-follow-ups" or "print-encounter" or "print-consultation" or "print-referral" => "打印了服务记录",
        "access-request" or "access-approve" or "access-refuse" or "access-lookup" => "办理了档案借阅",
        _ => "查看或办理了档案",
    };
}
