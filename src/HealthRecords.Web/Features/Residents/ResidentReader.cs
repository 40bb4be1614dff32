namespace HealthRecords.Web.Features.Residents;

/// <summary>
/// Reads one record within the user's scope: the detail, the overview in time order, the change log. Every view it
/// returns carries masked ID numbers and phones (<see cref="Masking"/>); <see cref="DetailAsync"/> (no scope, no audit)
/// is for the use cases themselves, and <see cref="ForEditAsync"/> gives an editor the full numbers, audited.
/// </summary>
public sealed class ResidentReader(HealthRecordsDbContext db, Audit audit, TimeProvider time, IConfiguration config)
{
    /// <summary>The record if the user may see it, else null (not found and out of scope look the same).</summary>
    public async Task<ResidentDetail?> GetAsync(DataScope user, long id, CancellationToken ct) =>
        await ReadAsync(user, id, "detail", ct);

    /// <summary>The record if the user may read it (in scope, or lent by an access request), with a read audited as <paramref name="what"/>.</summary>
    public async Task<ResidentDetail?> ReadAsync(DataScope user, long id, string what, CancellationToken ct) =>
        (await ReadWithAccessAsync(user, id, what, ct)).Detail;

    private async Task<(ResidentDetail? Detail, RecordAccess Access)> ReadWithAccessAsync(DataScope user, long id, string what, CancellationToken ct)
    {
        var access = await AccessAsync(user, id, ct);
        if (access == RecordAccess.None)
        {
            return (null, access);
        }
        await audit.ReadAsync(user, id, access == RecordAccess.Lent ? $"{what} (lent)" : what, ct);
        return ((await DetailAsync(id, ct))?.Masked(), access);
    }

    /// <summary>
    /// The record with its full numbers for the edit form: only for a user who may edit it (in scope, not lent) and may
    /// see full numbers; audited as a reveal (<c>reveal-edit</c>). Others get the masked view, which a save keeps as it is.
    /// </summary>
    public async Task<ResidentDetail?> ForEditAsync(DataScope user, long id, CancellationToken ct)
    {
        if (!user.CanEdit || !user.Can(Permission.SeeFullIdentity) || !await user.Apply(db.HealthRecords).AnyAsync(r => r.Id == id, ct))
        {
            return await ReadAsync(user, id, "edit", ct);
        }
        await audit.WriteAsync(user, "reveal-edit", id, "edit", ct);
        return await DetailAsync(id, ct);
    }

    /// <summary>The masked view of a record, for the answer of a save (the user's own change; no read is audited).</summary>
    public async Task<ResidentDetail?> MaskedDetailAsync(long id, CancellationToken ct) => (await DetailAsync(id, ct))?.Masked();

    /// <summary>True when the user may read the record: in scope, or lent by an approved, unexpired access request.</summary>
    public async Task<bool> MayReadAsync(DataScope user, long id, CancellationToken ct) =>
        await AccessAsync(user, id, ct) != RecordAccess.None;

    /// <summary>How the user may read the record: in their own scope, lent to them (read-only), or not at all.</summary>
    public async Task<RecordAccess> AccessAsync(DataScope user, long id, CancellationToken ct) =>
        await user.Apply(db.HealthRecords).AnyAsync(r => r.Id == id, ct) ? RecordAccess.InScope
        : await IsLentAsync(user, id, ct) ? RecordAccess.Lent
        : RecordAccess.None;

    private Task<bool> IsLentAsync(DataScope user, long id, CancellationToken ct) =>
        user.Lent(db.AccessRequests, time.UtcNow()).AnyAsync(r => r == id, ct);

    public async Task<ResidentDetail?> DetailAsync(long id, CancellationToken ct)
    {
        var row = await (
            from r in db.HealthRecords.AsNoTracking()
            join v in db.Villages on r.VillageCode equals v.Code
            join t in db.Townships on r.TownshipCode equals t.Code
            join i in db.Institutions on r.ManagingInstitutionId equals i.Id
            join ci in db.Institutions on r.CreatedAtInstitutionId equals ci.Id into cis
            from ci in cis.DefaultIfEmpty()
            join cu in db.Users on r.CreatedById equals cu.Id into cus
            from cu in cus.DefaultIfEmpty()
            join du in db.Users on r.ResponsibleDoctorId equals du.Id into dus
            from du in dus.DefaultIfEmpty()
            where r.Id == id
            select new { Record = r, Village = v.Name, Township = t.Name, Institution = i.Name, CreatedAt = ci.Name, CreatedBy = cu.DisplayName, Doctor = du.DisplayName })
            .FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }
        var rec = row.Record;
        return new ResidentDetail(
            rec.Id, rec.RecordNumber, rec.RecordNumberLast8, rec.PersonalInfo, rec.Cover,
            config["County:Name"] ?? "大渡口区",
            rec.TownshipCode, row.Township, rec.VillageCode, row.Village,
            rec.HouseholdId, rec.RelationToHead, rec.ManagingInstitutionId, row.Institution,
            rec.ResponsibleDoctorId, row.Doctor,
            Age.AgeOn(rec.BirthDate, time.Today()), KeyPopulationRules.On(rec.KeyPopulations, rec.BirthDate, time.Today()), rec.Pregnant,
            rec.Status, rec.ClosureReason, rec.ClosedOn, rec.ClosureDestination, rec.ClosureHandOver, rec.ClosureNote, rec.MergedIntoId,
            rec.CreatedOn, row.CreatedBy ?? "", row.CreatedAt ?? "", rec.Version);
    }

    /// <summary>
    /// The record for printing its paper forms (audited by the caller as a print): full numbers for a role that may see
    /// them on a record in its own scope, else the masked view.
    /// </summary>
    public async Task<ResidentDetail?> ForPrintAsync(DataScope user, long id, CancellationToken ct)
    {
        var (view, access) = await ReadWithAccessAsync(user, id, "detail", ct);
        return access == RecordAccess.InScope && user.Can(Permission.SeeFullIdentity) ? await DetailAsync(id, ct) : view;
    }

    /// <summary>The whole record in time order. Later services add their forms' events here.</summary>
    public async Task<ResidentOverview?> OverviewAsync(DataScope user, long id, CancellationToken ct)
    {
        var (detail, access) = await ReadWithAccessAsync(user, id, "overview", ct);
        if (detail is null)
        {
            return null;
        }
        var today = time.Today();
        var members = await db.HealthRecords.AsNoTracking()
            .Where(m => m.HouseholdId == detail.HouseholdId && m.Status != RecordStatus.Merged)
            .OrderBy(m => m.RelationToHead).ThenBy(m => m.BirthDate)
            .Select(m => new { m.Id, m.Name, m.RelationToHead, m.Sex, m.BirthDate, m.Status })
            .ToListAsync(ct);
        var changes = await db.RecordChanges.AsNoTracking()
            .Where(c => c.HealthRecordId == id)
            .OrderByDescending(c => c.ChangedAtUtc).Take(200)
            .ToListAsync(ct);
        var transfers = await TransfersAsync(db.RecordTransfers.Where(t => t.HealthRecordId == id), ct);

        var timeline = new List<TimelineEvent>
        {
            new(detail.CreatedOn, "created", "建档", $"{detail.CreatedAtInstitutionName} {detail.CreatedByName}"),
        };
        timeline.AddRange(changes
            .GroupBy(c => (On: DateOnly.FromDateTime(c.ChangedAtUtc.AddHours(8)), c.ChangedByName, c.Reason))
            .Select(g => new TimelineEvent(g.Key.On, "changed", "修改档案", $"{g.Key.ChangedByName}：{string.Join("、", g.Select(c => ChangeLabels.Field(c.Field)).Distinct().Take(6))}{(g.Key.Reason is null ? "" : $"（{g.Key.Reason}）")}")));
        timeline.AddRange(transfers.Select(t => new TimelineEvent(t.TransferredOn, "transfer", "档案迁移", $"{t.FromInstitution} → {t.ToInstitution}：{t.HandOverNote}")));
        if (detail.ClosedOn is DateOnly closed)
        {
            timeline.Add(new TimelineEvent(closed, "closed", $"档案终止（{detail.ClosureReason?.Label()}）", detail.ClosureDestination));
        }
        return new ResidentOverview(
            detail,
            timeline.OrderByDescending(e => e.On).ToList(),
            members.Select(m => new HouseholdMember(m.Id, m.Name, m.RelationToHead, m.Sex, Age.AgeOn(m.BirthDate, today), m.Status)).ToList(),
            transfers,
            Lent: access == RecordAccess.Lent);
    }

    public async Task<IReadOnlyList<ChangeEntry>?> ChangesAsync(DataScope user, long id, CancellationToken ct)
    {
        if (!await MayReadAsync(user, id, ct))
        {
            return null;
        }
        await audit.ReadAsync(user, id, "changes", ct);
        var entries = await db.RecordChanges.AsNoTracking()
            .Where(c => c.HealthRecordId == id)
            .OrderByDescending(c => c.ChangedAtUtc).ThenByDescending(c => c.Id)
            .Select(c => new ChangeEntry(c.ChangedAtUtc, c.ChangedByName, c.Field, c.OldValue, c.NewValue, c.Reason, ""))
            .ToListAsync(ct);
        // 责任医生 was once logged by user id: show the doctor's name
        var ids = entries.Where(e => e.Field == "responsibleDoctorId").SelectMany(e => new[] { e.OldValue, e.NewValue }).OfType<string>().Distinct().ToList();
        var names = ids.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName ?? u.UserName ?? "", ct);
        return entries.Select(e => e with
        {
            Label = ChangeLabels.Field(e.Field),
            OldValue = e.OldValue is { } o && names.TryGetValue(o, out var on) ? on : Masking.ChangeValue(e.Field, e.OldValue),
            NewValue = e.NewValue is { } n && names.TryGetValue(n, out var nn) ? nn : Masking.ChangeValue(e.Field, e.NewValue),
        }).ToList();
    }

    public async Task<IReadOnlyList<TransferView>> TransfersAsync(IQueryable<RecordTransfer> query, CancellationToken ct)
    {
        var rows = await (
            from t in query.AsNoTracking()
            join r in db.HealthRecords on t.HealthRecordId equals r.Id
            join fi in db.Institutions on t.FromInstitutionId equals fi.Id
            join ti in db.Institutions on t.ToInstitutionId equals ti.Id
            join fv in db.Villages on t.FromVillageCode equals fv.Code
            join tv in db.Villages on t.ToVillageCode equals tv.Code
            orderby t.CreatedAtUtc descending
            select new { Transfer = t, r.RecordNumber, r.Name, r.IdNumber, r.Status, From = fi.Name, To = ti.Name, FromVillage = fv.Name, ToVillage = tv.Name })
            .ToListAsync(ct);
        return rows.Select(x => new TransferView(
            x.Transfer.Id, x.Transfer.HealthRecordId, x.RecordNumber, x.Name, x.From, x.To, x.FromVillage, x.ToVillage,
            x.Transfer.TransferredOn, x.Transfer.HandOverNote, x.Transfer.FromInstitutionId, x.Transfer.ToInstitutionId,
            x.IdNumber is null ? null : IdCardNumber.Mask(x.IdNumber), x.Status)).ToList();
    }
}

/// <summary>How a user may read a record (<see cref="ResidentReader.AccessAsync"/>).</summary>
public enum RecordAccess
{
    None,
    InScope,
    /// <summary>Outside the user's scope, readable through an approved, unexpired access request (档案借阅): read-only.</summary>
    Lent,
}
