namespace HealthRecords.Web.Features.Regions;

/// <summary>
/// The system administrator manages the county's institutions: township hospitals and community health centres (each
/// village's area belongs to exactly one; villages are moved between them), and village clinics and community health
/// stations (under one of those, serving some of its villages). Every change is written to <see cref="ReferenceChange"/>,
/// shown as the history. Records keep their managing institution when a village moves; new records get the new one.
/// </summary>
public sealed class InstitutionAdmin(HealthRecordsDbContext db, TimeProvider time)
{
    private const string NotAllowed = "只有系统管理员可以管理机构";

    public async Task<IReadOnlyList<InstitutionDetail>> ListAsync(CancellationToken ct)
    {
        var institutions = await db.Institutions.AsNoTracking().OrderBy(i => i.Code).ToListAsync(ct);
        var areas = await db.Villages.AsNoTracking().Select(v => new { v.Code, v.InstitutionId }).ToListAsync(ct);
        var served = await db.Set<InstitutionVillage>().AsNoTracking().ToListAsync(ct);
        var users = await db.Users.AsNoTracking().Where(u => u.InstitutionId != null).GroupBy(u => u.InstitutionId!.Value)
            .Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.N, ct);
        var names = institutions.ToDictionary(i => i.Id, i => i.Name);
        return institutions.Select(i => new InstitutionDetail(i.Id, i.Code, i.Name, i.Kind, InstitutionKinds.Label(i.Kind), i.ParentId,
            i.ParentId is int p ? names.GetValueOrDefault(p) : null, i.Address, i.Phone,
            InstitutionKinds.HasArea(i.Kind)
                ? areas.Where(v => v.InstitutionId == i.Id).Select(v => v.Code).Order(StringComparer.Ordinal).ToList()
                : served.Where(s => s.InstitutionId == i.Id).Select(s => s.VillageCode).Order(StringComparer.Ordinal).ToList(),
            users.GetValueOrDefault(i.Id), i.Version)).ToList();
    }

    public async Task<CommandResult<InstitutionDetail>> CreateAsync(DataScope admin, InstitutionInput input, CancellationToken ct)
    {
        if (!admin.Can(Permission.ManageCounty))
        {
            return CommandResult<InstitutionDetail>.Forbidden(NotAllowed);
        }
        var errors = await ValidateAsync(null, input, ct);
        if (errors.Count > 0)
        {
            return CommandResult<InstitutionDetail>.Invalid(errors);
        }
        var institution = new Institution { Code = input.Code.Trim(), Name = input.Name.Trim(), Kind = input.Kind };
        db.Institutions.Add(institution);
        var changes = new List<ReferenceChange>();
        Apply(institution, input, changes, created: true);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await ApplyVillagesAsync(institution, input.Villages ?? [], changes, ct);
        Record(admin, institution.Id, changes);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return CommandResult<InstitutionDetail>.Ok((await ListAsync(ct)).First(i => i.Id == institution.Id));
    }

    public async Task<CommandResult<InstitutionDetail>> UpdateAsync(DataScope admin, int id, InstitutionInput input, CancellationToken ct)
    {
        if (!admin.Can(Permission.ManageCounty))
        {
            return CommandResult<InstitutionDetail>.Forbidden(NotAllowed);
        }
        if (await db.Institutions.FirstOrDefaultAsync(i => i.Id == id, ct) is not { } institution)
        {
            return CommandResult<InstitutionDetail>.NotFound("机构不存在");
        }
        if (institution.Version != input.Version)
        {
            return CommandResult<InstitutionDetail>.Conflict("该机构已被他人修改，请刷新后重试");
        }
        var errors = await ValidateAsync(institution, input, ct);
        if (errors.Count > 0)
        {
            return CommandResult<InstitutionDetail>.Invalid(errors);
        }
        var changes = new List<ReferenceChange>();
        Apply(institution, input, changes, created: false);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (institution.Kind != InstitutionKind.HealthAuthority)
        {
            await ApplyVillagesAsync(institution, input.Villages ?? [], changes, ct);
        }
        if (changes.Count == 0)
        {
            return CommandResult<InstitutionDetail>.Ok((await ListAsync(ct)).First(i => i.Id == id));
        }
        institution.Version++;
        Record(admin, institution.Id, changes);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult<InstitutionDetail>.Conflict("该机构已被他人修改，请刷新后重试");
        }
        await tx.CommitAsync(ct);
        return CommandResult<InstitutionDetail>.Ok((await ListAsync(ct)).First(i => i.Id == id));
    }

    private async Task<FieldErrors> ValidateAsync(Institution? existing, InstitutionInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var code = input.Code?.Trim() ?? "";
        if (code.Length is 0 or > 30 || code.Any(char.IsWhiteSpace))
        {
            errors.Add("code", "请填写机构编码（不超过30个字符，不含空格）");
        }
        else if (await db.Institutions.AnyAsync(i => i.Code == code && (existing == null || i.Id != existing.Id), ct))
        {
            errors.Add("code", "该机构编码已被使用");
        }
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > 100)
        {
            errors.Add("name", "请填写机构名称（不超过100个字）");
        }
        if (!Enum.IsDefined(input.Kind) || (input.Kind == InstitutionKind.HealthAuthority) != (existing?.Kind == InstitutionKind.HealthAuthority))
        {
            errors.Add("kind", "请选择机构类别（卫生健康行政部门随区县建立）");
        }
        else if (existing is not null && InstitutionKinds.HasArea(existing.Kind) != InstitutionKinds.HasArea(input.Kind))
        {
            errors.Add("kind", "卫生院、社区卫生服务中心与村卫生室、社区卫生服务站之间不能互改类别，请新建机构");
        }
        if (errors.ContainsKey("kind"))
        {
            return errors;
        }
        var villages = (input.Villages ?? []).Distinct().ToList();
        if (InstitutionKinds.IsOutpost(input.Kind))
        {
            var parent = input.ParentId is int p ? await db.Institutions.AsNoTracking().FirstOrDefaultAsync(i => i.Id == p, ct) : null;
            if (parent is null || !InstitutionKinds.HasArea(parent.Kind))
            {
                errors.Add("parentId", "请选择所属的乡镇卫生院或社区卫生服务中心");
            }
            else
            {
                if (villages.Count == 0)
                {
                    errors.Add("villages", "请选择该机构服务的村(居)委会");
                }
                var inArea = await db.Villages.CountAsync(v => villages.Contains(v.Code) && v.InstitutionId == parent.Id, ct);
                if (inArea != villages.Count)
                {
                    errors.Add("villages", "只能选择所属机构辖区内的村(居)委会");
                }
            }
        }
        else if (input.ParentId is not null)
        {
            errors.Add("parentId", "乡镇卫生院、社区卫生服务中心不隶属于其他机构");
        }
        if (InstitutionKinds.HasArea(input.Kind))
        {
            if (await db.Villages.CountAsync(v => villages.Contains(v.Code), ct) != villages.Count)
            {
                errors.Add("villages", "村(居)委会不存在");
            }
            else if (existing is not null)
            {
                var current = await db.Villages.Where(v => v.InstitutionId == existing.Id).Select(v => v.Code).ToListAsync(ct);
                if (current.Except(villages).Any())
                {
                    errors.Add("villages", "村(居)委会不能直接移出：请在接收它的机构中选择它（每个村(居)委会都须属于一个卫生院或社区卫生服务中心）");
                }
            }
        }
        return errors;
    }

    private static void Apply(Institution institution, InstitutionInput input, List<ReferenceChange> changes, bool created)
    {
        void Set(string field, string? old, string? now, Action apply)
        {
            if (created ? now is not null : !string.Equals(old ?? "", now ?? "", StringComparison.Ordinal))
            {
                apply();
                changes.Add(new ReferenceChange { Subject = "", Field = field, OldValue = created ? null : old, NewValue = now });
            }
        }
        if (created)
        {
            changes.Add(new ReferenceChange { Subject = "", Field = "新建", NewValue = $"{input.Code.Trim()} {input.Name.Trim()}（{InstitutionKinds.Label(input.Kind)}）" });
            institution.ParentId = InstitutionKinds.IsOutpost(input.Kind) ? input.ParentId : null;
            institution.Address = Blank(input.Address);
            institution.Phone = Blank(input.Phone);
            return;
        }
        Set("编码", institution.Code, input.Code.Trim(), () => institution.Code = input.Code.Trim());
        Set("名称", institution.Name, input.Name.Trim(), () => institution.Name = input.Name.Trim());
        Set("类别", InstitutionKinds.Label(institution.Kind), InstitutionKinds.Label(input.Kind), () => institution.Kind = input.Kind);
        var parent = InstitutionKinds.IsOutpost(input.Kind) ? input.ParentId : null;
        Set("所属机构", institution.ParentId?.ToString(System.Globalization.CultureInfo.InvariantCulture), parent?.ToString(System.Globalization.CultureInfo.InvariantCulture), () => institution.ParentId = parent);
        Set("地址", institution.Address, Blank(input.Address), () => institution.Address = Blank(input.Address));
        Set("电话", institution.Phone, Blank(input.Phone), () => institution.Phone = Blank(input.Phone));
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>Area institutions take the villages (moved from their former institution); outposts serve the given villages.</summary>
    private async Task ApplyVillagesAsync(Institution institution, IReadOnlyList<string> requested, List<ReferenceChange> changes, CancellationToken ct)
    {
        var wanted = requested.Distinct().ToHashSet();
        if (InstitutionKinds.HasArea(institution.Kind))
        {
            var moving = await db.Villages.Where(v => wanted.Contains(v.Code) && v.InstitutionId != institution.Id).ToListAsync(ct);
            var names = await db.Institutions.AsNoTracking().ToDictionaryAsync(i => i.Id, i => i.Name, ct);
            foreach (var v in moving)
            {
                changes.Add(new ReferenceChange { Subject = $"village:{v.Code}", Field = "管理机构", OldValue = names.GetValueOrDefault(v.InstitutionId), NewValue = institution.Name });
                changes.Add(new ReferenceChange { Subject = "", Field = "辖区", OldValue = null, NewValue = $"+{v.Name}" });
                v.InstitutionId = institution.Id;
            }
            // Clinics and stations of the former institution no longer serve a village that left its area.
            var codes = moving.Select(v => v.Code).ToList();
            var outposts = await db.Institutions.Where(i => i.ParentId != null && i.ParentId != institution.Id).Select(i => i.Id).ToListAsync(ct);
            db.Set<InstitutionVillage>().RemoveRange(await db.Set<InstitutionVillage>()
                .Where(s => codes.Contains(s.VillageCode) && outposts.Contains(s.InstitutionId)).ToListAsync(ct));
            return;
        }
        var current = await db.Set<InstitutionVillage>().Where(s => s.InstitutionId == institution.Id).ToListAsync(ct);
        var villageNames = await db.Villages.AsNoTracking().Where(v => wanted.Contains(v.Code) || current.Select(c => c.VillageCode).Contains(v.Code))
            .ToDictionaryAsync(v => v.Code, v => v.Name, ct);
        foreach (var gone in current.Where(c => !wanted.Contains(c.VillageCode)))
        {
            db.Set<InstitutionVillage>().Remove(gone);
            changes.Add(new ReferenceChange { Subject = "", Field = "服务的村", NewValue = $"-{villageNames.GetValueOrDefault(gone.VillageCode, gone.VillageCode)}" });
        }
        foreach (var code in wanted.Where(w => !current.Any(c => c.VillageCode == w)))
        {
            db.Set<InstitutionVillage>().Add(new InstitutionVillage { InstitutionId = institution.Id, VillageCode = code });
            changes.Add(new ReferenceChange { Subject = "", Field = "服务的村", NewValue = $"+{villageNames.GetValueOrDefault(code, code)}" });
        }
    }

    private void Record(DataScope admin, int institutionId, List<ReferenceChange> changes)
    {
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var c in changes)
        {
            c.Subject = c.Subject.Length == 0 ? $"institution:{institutionId}" : c.Subject;
            c.AtUtc = now;
            c.UserName = admin.DisplayName;
            db.Set<ReferenceChange>().Add(c);
        }
    }
}
