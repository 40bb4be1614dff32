using HealthRecords.Web.Features.Residents;
using System.Linq.Expressions;

namespace HealthRecords.Web.Features.AuditLog;

public sealed record AuditQuery
{
    /// <summary>From this day (China time), inclusive.</summary>
    public DateOnly? From { get; init; }
    /// <summary>To this day (China time), inclusive.</summary>
    public DateOnly? To { get; init; }
    /// <summary>Part of the user's display name.</summary>
    public string? User { get; init; }
    /// <summary>A 17-digit record number.</summary>
    public string? RecordNumber { get; init; }
    public string? Action { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

public sealed record AuditRow(long Id, DateTime AtUtc, string? UserName, string? UserRole, string? Institution, string Action, long? RecordId, string? RecordNumber, string? Detail, string? RemoteIp);

/// <summary>Who read a resident's record: shown to the resident and on the staff overview. No IPs, no staff-only detail.</summary>
/// <summary>One audit entry of a record, as <see cref="AuditQueries.EntriesOfRecordAsync"/> returns it.</summary>
public sealed record RecordEntry(DateTime AtUtc, string? UserName, string? UserRole, string? Institution, string Action, string? Detail);

public sealed record RecordRead(DateTime AtUtc, string UserName, string? Role, string? Institution, string Action);

/// <summary>Searches the audit log. A record keeper sees entries about their institution's records or by their institution's users.</summary>
public sealed class AuditQueries(HealthRecordsDbContext db)
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>Who may search the log (<see cref="Permission.ReadAuditLog"/>): the county for supervisors and system admins, else the own institution.</summary>
    public static bool MaySearch(DataScope user) =>
        user.Can(Permission.ReadAuditLog) && (user.WholeCounty || user.InstitutionId is not null);

    public async Task<PagedResult<AuditRow>?> SearchAsync(DataScope user, AuditQuery query, CancellationToken ct)
    {
        if (!MaySearch(user))
        {
            return null;
        }
        var pageSize = Math.Clamp(query.PageSize ?? 50, 1, 200);
        var page = Math.Max(1, query.Page ?? 1);
        var entries = db.AuditEntries.AsNoTracking();
        if (!user.WholeCounty)
        {
            var inst = user.InstitutionId;
            var records = db.HealthRecords.Where(r => r.ManagingInstitutionId == inst).Select(r => r.Id);
            entries = entries.Where(a => a.InstitutionId == inst || (a.HealthRecordId != null && records.Contains(a.HealthRecordId.Value)));
        }
        if (query.From is DateOnly from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - ChinaOffset;
            entries = entries.Where(a => a.AtUtc >= start);
        }
        if (query.To is DateOnly to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - ChinaOffset;
            entries = entries.Where(a => a.AtUtc < end);
        }
        if (!string.IsNullOrWhiteSpace(query.User))
        {
            var name = query.User.Trim();
            entries = entries.Where(a => a.UserName != null && a.UserName.Contains(name));
        }
        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            var action = query.Action.Trim();
            entries = entries.Where(a => a.Action == action);
        }
        if (!string.IsNullOrWhiteSpace(query.RecordNumber))
        {
            var number = query.RecordNumber.Trim();
            var ids = db.HealthRecords.Where(r => r.RecordNumber == number).Select(r => r.Id);
            entries = entries.Where(a => a.HealthRecordId != null && ids.Contains(a.HealthRecordId.Value));
        }
        var total = await entries.CountAsync(ct);
        var rows = await (
            from a in entries.OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id).Skip((page - 1) * pageSize).Take(pageSize)
            join r in db.HealthRecords on a.HealthRecordId equals r.Id into rs
            from r in rs.DefaultIfEmpty()
            join i in db.Institutions on a.InstitutionId equals i.Id into isx
            from i in isx.DefaultIfEmpty()
            orderby a.AtUtc descending, a.Id descending
            select new AuditRow(a.Id, a.AtUtc, a.UserName, a.UserRole, i.Name, a.Action, a.HealthRecordId, r.RecordNumber, a.Detail, a.RemoteIp))
            .ToListAsync(ct);
        return new PagedResult<AuditRow>(rows.Select(r => r with { UserRole = r.UserRole is null ? null : Roles.Label(r.UserRole) }).ToList(), total, page, pageSize);
    }

    /// <summary>
    /// Who read (opened, printed, revealed) a record, newest first: names, role, institution, time and action. For the
    /// resident portal and the staff overview; callers check the caller may see this record. No IPs.
    /// </summary>
    public async Task<IReadOnlyList<RecordRead>> ReadsOfRecordAsync(long recordId, CancellationToken ct, int take = 100)
    {
        string[] reads = ["read", "print-card", "print-cover", "reveal-id", "reveal-phone", "reveal-edit", "duplicate-check"];
        var rows = await EntriesOfRecordAsync(recordId, a => reads.Contains(a.Action), take, ct);
        return rows.Select(r => new RecordRead(r.AtUtc, r.UserName ?? "", r.UserRole is null ? null : Roles.Label(r.UserRole), r.Institution, ActionLabel(r.Action, r.Detail))).ToList();
    }

    /// <summary>
    /// The one query over a record's audit entries, newest first, with who (name, role and institution as they were
    /// at the time): <see cref="ReadsOfRecordAsync"/> for staff, the portal's "谁查看了我的档案" for the resident.
    /// </summary>
    public async Task<IReadOnlyList<RecordEntry>> EntriesOfRecordAsync(long recordId, Expression<Func<AuditEntry, bool>> which, int take, CancellationToken ct) =>
        await (
            from a in db.AuditEntries.AsNoTracking().Where(a => a.HealthRecordId == recordId).Where(which)
            join i in db.Institutions on a.InstitutionId equals i.Id into isx
            from i in isx.DefaultIfEmpty()
            orderby a.AtUtc descending, a.Id descending
            select new RecordEntry(a.AtUtc, a.UserName, a.UserRole, i.Name, a.Action, a.Detail))
            .Take(take)
            .ToListAsync(ct);

    public static string ActionLabel(string action, string? detail = null) => action switch
    {
        "read" when detail?.StartsWith("household", StringComparison.Ordinal) == true => "查看家庭",
        "read" when detail?.EndsWith("(lent)", StringComparison.Ordinal) == true => "借阅查看",
        "read" => "查看档案",
        "print-card" => "打印信息卡",
        "print-cover" => "打印封面",
        "reveal-id" => "查看完整身份证号",
        "reveal-phone" => "查看完整电话",
        _ => Actions.TryGetValue(action, out var label) ? label : action,
    };

    /// <summary>The actions written to the log, with their labels (the search page's choices).</summary>
    public static readonly IReadOnlyDictionary<string, string> Actions = new Dictionary<string, string>
    {
        ["read"] = "查看",
        ["search"] = "查找",
        ["create"] = "建档",
        ["update"] = "修改",
        ["close"] = "终止",
        ["reopen"] = "恢复",
        ["transfer"] = "迁移",
        ["merge"] = "合并",
        ["household-update"] = "修改家庭",
        ["household-move"] = "家庭成员变动",
        ["print-card"] = "打印信息卡",
        ["print-cover"] = "打印封面",
        ["reveal-id"] = "查看完整身份证号",
        ["reveal-phone"] = "查看完整电话",
        ["reveal-edit"] = "修改档案时查看完整号码",
        ["duplicate-check"] = "查重",
        ["access-lookup"] = "借阅查找",
        ["access-request"] = "申请借阅",
        ["access-approve"] = "批准借阅",
        ["access-refuse"] = "拒绝借阅",
        ["contact-attempt"] = "记录联系",
        ["export"] = "导出",
        ["export-full"] = "导出（完整号码）",
        ["chronic-enrol"] = "纳入慢病管理",
        ["chronic-withdraw"] = "退出慢病管理",
        ["chronic-restore"] = "恢复慢病管理",
        ["follow-up-create"] = "录入随访",
        ["follow-up-update"] = "修改随访",
        ["follow-up-combined"] = "合并随访",
        ["screening-bp"] = "高血压筛查测血压",
        ["print-follow-ups"] = "打印随访表",
        ["list"] = "查看名单",
        ["examination-create"] = "录入体检表",
        ["examination-update"] = "修改体检表",
        ["encounter-create"] = "录入接诊记录",
        ["encounter-update"] = "修改接诊记录",
        ["consultation-create"] = "录入会诊记录",
        ["consultation-update"] = "修改会诊记录",
        ["referral-create"] = "开具转诊单",
        ["referral-update"] = "修改转诊单",
        ["referral-result"] = "记录转诊结果",
        ["activation-code-issue"] = "发放居民激活码",
        ["print-activation-slip"] = "打印激活单",
        ["correction-confirm"] = "核实居民报告的更正",
        ["correction-reject"] = "驳回居民报告的更正",
    };
}
