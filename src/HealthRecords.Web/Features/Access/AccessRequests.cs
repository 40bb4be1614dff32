using HealthRecords.Web.Features.Residents;

namespace HealthRecords.Web.Features.Access;

/// <summary>A record found by exact lookup for an access request: enough to know it is the right person, no more.</summary>
public sealed record LookupResult(long RecordId, string RecordNumber, string MaskedName, string Institution, bool InScope);

public sealed record AccessRequestInput(long RecordId, string? Reason);

/// <summary>Approval: lasts <see cref="Days"/> days (default from Access:DefaultDays, 7) or, if given, <see cref="Minutes"/> minutes.</summary>
public sealed record ApproveInput(int? Days, int? Minutes, string? Note);

public sealed record RefuseInput(string? Reason);

public sealed record AccessRequestView(
    long Id, long RecordId, string RecordNumber, string MaskedName, string Institution,
    string RequesterName, string? RequesterInstitution, string Reason, DateTime RequestedAtUtc,
    AccessRequestStatus Status, string StatusLabel, string? DecidedByName, DateTime? DecidedAtUtc, string? DecisionNote, DateTime? ExpiresAtUtc);

/// <summary>
/// 档案借阅: staff outside a record's scope ask to read it with a reason; the managing institution's record keeper or
/// institution admin approves (until an expiry) or refuses. While approved and unexpired the requester may read the
/// record through <see cref="Residents.ResidentReader"/> (<see cref="DataScope.Lent"/>). Every step is audited.
/// </summary>
public sealed class AccessRequests(HealthRecordsDbContext db, SearchResidents search, Audit audit, TimeProvider time, IConfiguration config)
{
    private const int MaxDays = 90;

    /// <summary>Finds one record by its exact 17-digit record number or 18-character ID number; no browsing.</summary>
    public async Task<CommandResult<LookupResult>> LookupAsync(DataScope user, string? term, CancellationToken ct)
    {
        var q = term?.Trim().ToUpperInvariant() ?? "";
        var kind = q.Length == 17 && q.All(char.IsAsciiDigit) ? "record-number"
            : IdCardNumber.Check(q, time.Today()).IsValid ? "id-number" : null;
        if (kind is null)
        {
            return CommandResult<LookupResult>.Invalid("term", "请输入完整的17位档案编号或18位身份证号");
        }
        // The search's own exact lookup, unscoped: the point is to find a record outside the user's scope.
        var found = await (
            from r in search.Filter(db.HealthRecords.AsNoTracking(), new ResidentQuery { Q = q })
            join i in db.Institutions on r.ManagingInstitutionId equals i.Id
            where r.Status != RecordStatus.Merged
            select new { r.Id, r.RecordNumber, r.Name, Institution = i.Name })
            .FirstOrDefaultAsync(ct);
        await audit.WriteAsync(user, "access-lookup", found?.Id, kind, ct);
        if (found is null)
        {
            return CommandResult<LookupResult>.NotFound();
        }
        var inScope = await user.Apply(db.HealthRecords).AnyAsync(r => r.Id == found.Id, ct);
        return CommandResult<LookupResult>.Ok(new LookupResult(found.Id, found.RecordNumber, MaskName(found.Name), found.Institution, inScope));
    }

    public async Task<CommandResult<AccessRequestView>> RequestAsync(DataScope user, AccessRequestInput input, CancellationToken ct)
    {
        var reason = input.Reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            return CommandResult<AccessRequestView>.Invalid("reason", "请填写借阅理由");
        }
        if (reason.Length > 500)
        {
            return CommandResult<AccessRequestView>.Invalid("reason", "借阅理由不超过500字");
        }
        var record = await db.HealthRecords.AsNoTracking()
            .Where(r => r.Id == input.RecordId && r.Status != RecordStatus.Merged)
            .Select(r => new { r.Id, r.ManagingInstitutionId })
            .FirstOrDefaultAsync(ct);
        if (record is null)
        {
            return CommandResult<AccessRequestView>.NotFound();
        }
        if (await user.Apply(db.HealthRecords).AnyAsync(r => r.Id == record.Id, ct))
        {
            return CommandResult<AccessRequestView>.Conflict("该档案在您的管理范围内，无需借阅");
        }
        var now = time.UtcNow();
        if (await db.AccessRequests.AnyAsync(a => a.RequesterId == user.UserId && a.HealthRecordId == record.Id
                && (a.Status == AccessRequestStatus.Pending || (a.Status == AccessRequestStatus.Approved && a.ExpiresAtUtc > now)), ct))
        {
            return CommandResult<AccessRequestView>.Conflict("您已有该档案待审批或有效的借阅申请");
        }
        var request = new AccessRequest
        {
            HealthRecordId = record.Id,
            ManagingInstitutionId = record.ManagingInstitutionId,
            RequesterId = user.UserId,
            RequesterName = user.DisplayName,
            RequesterInstitutionId = user.InstitutionId,
            Reason = reason,
            RequestedAtUtc = now,
            Status = AccessRequestStatus.Pending,
        };
        db.AccessRequests.Add(request);
        audit.Add(user, "access-request", record.Id);
        await db.SaveChangesAsync(ct);
        return CommandResult<AccessRequestView>.Ok((await ViewsAsync(db.AccessRequests.Where(a => a.Id == request.Id), ct)).Single());
    }

    /// <summary>The user's own requests, newest first.</summary>
    public Task<IReadOnlyList<AccessRequestView>> MineAsync(DataScope user, CancellationToken ct) =>
        ViewsAsync(db.AccessRequests.Where(a => a.RequesterId == user.UserId), ct);

    /// <summary>Requests this user decides: for records of their institution (all, for a system admin), pending first.</summary>
    public async Task<IReadOnlyList<AccessRequestView>> ToDecideAsync(DataScope user, CancellationToken ct)
    {
        if (!MayDecide(user, null))
        {
            return [];
        }
        var query = user.Role == Roles.SystemAdmin ? db.AccessRequests : db.AccessRequests.Where(a => a.ManagingInstitutionId == user.InstitutionId);
        return (await ViewsAsync(query, ct)).OrderBy(v => v.Status != AccessRequestStatus.Pending).ToList();
    }

    public async Task<CommandResult<AccessRequestView>> ApproveAsync(DataScope user, long id, ApproveInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (input.Days is < 1 or > MaxDays)
        {
            errors.Add("days", $"有效天数应为1至{MaxDays}天");
        }
        if (input.Minutes is < 1 or > MaxDays * 24 * 60)
        {
            errors.Add("minutes", "有效分钟数应为正数");
        }
        if (input.Note?.Length > 500)
        {
            errors.Add("note", "说明不超过500字");
        }
        if (errors.Count > 0)
        {
            return CommandResult<AccessRequestView>.Invalid(errors);
        }
        var lifetime = input.Minutes is int m ? TimeSpan.FromMinutes(m)
            : TimeSpan.FromDays(input.Days ?? config.GetValue("Access:DefaultDays", 7));
        return await DecideAsync(user, id, AccessRequestStatus.Approved, input.Note?.Trim(), time.UtcNow() + lifetime, ct);
    }

    public async Task<CommandResult<AccessRequestView>> RefuseAsync(DataScope user, long id, RefuseInput input, CancellationToken ct)
    {
        var reason = input.Reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            return CommandResult<AccessRequestView>.Invalid("reason", "请填写拒绝理由");
        }
        if (reason.Length > 500)
        {
            return CommandResult<AccessRequestView>.Invalid("reason", "拒绝理由不超过500字");
        }
        return await DecideAsync(user, id, AccessRequestStatus.Refused, reason, null, ct);
    }

    private async Task<CommandResult<AccessRequestView>> DecideAsync(DataScope user, long id, AccessRequestStatus decision, string? note, DateTime? expires, CancellationToken ct)
    {
        var request = await db.AccessRequests.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (request is null || !MayDecide(user, request.ManagingInstitutionId))
        {
            return CommandResult<AccessRequestView>.NotFound();
        }
        if (request.Status != AccessRequestStatus.Pending)
        {
            return CommandResult<AccessRequestView>.Conflict("该申请已处理");
        }
        request.Status = decision;
        request.DecidedById = user.UserId;
        request.DecidedByName = user.DisplayName;
        request.DecidedAtUtc = time.UtcNow();
        request.DecisionNote = string.IsNullOrEmpty(note) ? null : note;
        request.ExpiresAtUtc = expires;
        audit.Add(user, decision == AccessRequestStatus.Approved ? "access-approve" : "access-refuse", request.HealthRecordId,
            $"request {request.Id}{(expires is null ? "" : $" until {expires:yyyy-MM-ddTHH:mm}Z")}");
        await db.SaveChangesAsync(ct);
        return CommandResult<AccessRequestView>.Ok((await ViewsAsync(db.AccessRequests.Where(a => a.Id == id), ct)).Single());
    }

    /// <summary>Record keepers and institution admins decide for their institution's records; a system admin for any.</summary>
    public static bool MayDecide(DataScope user, int? institutionId) =>
        user.Can(Permission.ApproveAccessRequests)
        && (user.Role == Roles.SystemAdmin || (user.InstitutionId is int own && (institutionId is null || institutionId == own)));

    private async Task<IReadOnlyList<AccessRequestView>> ViewsAsync(IQueryable<AccessRequest> query, CancellationToken ct)
    {
        var rows = await (
            from a in query.AsNoTracking()
            join r in db.HealthRecords on a.HealthRecordId equals r.Id
            join i in db.Institutions on a.ManagingInstitutionId equals i.Id
            join ri in db.Institutions on a.RequesterInstitutionId equals ri.Id into ris
            from ri in ris.DefaultIfEmpty()
            orderby a.RequestedAtUtc descending, a.Id descending
            select new { Request = a, r.RecordNumber, r.Name, Institution = i.Name, RequesterInstitution = ri.Name })
            .Take(500)
            .ToListAsync(ct);
        var now = time.UtcNow();
        return rows.Select(x => new AccessRequestView(
            x.Request.Id, x.Request.HealthRecordId, x.RecordNumber, MaskName(x.Name), x.Institution,
            x.Request.RequesterName, x.RequesterInstitution, x.Request.Reason, x.Request.RequestedAtUtc,
            x.Request.Status, Label(x.Request, now), x.Request.DecidedByName, x.Request.DecidedAtUtc, x.Request.DecisionNote, x.Request.ExpiresAtUtc)).ToList();
    }

    private static string Label(AccessRequest a, DateTime now) => a.Status switch
    {
        AccessRequestStatus.Pending => "待审批",
        AccessRequestStatus.Refused => "已拒绝",
        _ when a.ExpiresAtUtc <= now => "已过期",
        _ => "已批准",
    };

    /// <summary>张三丰 → 张**: the surname only, for people who have not yet been lent the record.</summary>
    public static string MaskName(string name) => name.Length <= 1 ? name : name[..1] + new string('*', name.Length - 1);
}
