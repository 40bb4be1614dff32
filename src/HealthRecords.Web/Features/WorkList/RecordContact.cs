namespace HealthRecords.Web.Features.WorkList;

/// <summary>A contact attempt about a work-list item (body of <c>POST /api/worklist/contacts</c>).</summary>
public sealed record ContactInput
{
    public long HealthRecordId { get; init; }
    public string? Service { get; init; }
    public string? Kind { get; init; }
    public long? SourceId { get; init; }
    public ContactOutcome? Outcome { get; init; }
    public DateOnly? ContactedOn { get; init; }
    public string? Note { get; init; }
}

/// <summary>
/// Records a visit, a phone contact or an unreachable attempt from the work list, audited. The item stays on the list
/// until its own service's form is saved; the attempt is shown beside it.
/// </summary>
public sealed class RecordContact(HealthRecordsDbContext db, Audit audit, TimeProvider time)
{
    public async Task<CommandResult<ContactView>> RunAsync(DataScope user, ContactInput input, CancellationToken ct)
    {
        if (!user.CanEdit)
        {
            return CommandResult<ContactView>.Forbidden("您没有记录联系情况的权限");
        }
        var today = time.Today();
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.Service) || input.Service.Length > 50)
        {
            errors["service"] = ["请选择待办项目"];
        }
        if (string.IsNullOrWhiteSpace(input.Kind) || input.Kind.Length > 50)
        {
            errors["kind"] = ["请选择待办项目"];
        }
        if (input.Outcome is not { } outcome || !Enum.IsDefined(outcome))
        {
            errors["outcome"] = ["请选择联系结果：1 上门/门诊见到本人，2 电话联系到本人，3 未联系上"];
        }
        if (input.ContactedOn is not { } on)
        {
            errors["contactedOn"] = ["请填写联系日期"];
        }
        else if (on > today)
        {
            errors["contactedOn"] = ["联系日期不能晚于今天"];
        }
        else if (on < today.AddYears(-1))
        {
            errors["contactedOn"] = ["联系日期不能早于一年前"];
        }
        if (input.Note is { Length: > 500 })
        {
            errors["note"] = ["备注不能超过500字"];
        }
        if (errors.Count > 0)
        {
            return CommandResult<ContactView>.Invalid(errors);
        }
        var inScope = await user.Apply(db.HealthRecords).AnyAsync(r => r.Id == input.HealthRecordId && r.Status == RecordStatus.Active, ct);
        if (!inScope)
        {
            return CommandResult<ContactView>.NotFound();
        }
        var attempt = new ContactAttempt
        {
            HealthRecordId = input.HealthRecordId,
            Service = input.Service!.Trim(),
            Kind = input.Kind!.Trim(),
            SourceId = input.SourceId,
            Outcome = input.Outcome!.Value,
            ContactedOn = input.ContactedOn!.Value,
            Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
            UserId = user.UserId,
            UserName = user.DisplayName,
            CreatedAtUtc = time.UtcNow(),
        };
        db.ContactAttempts.Add(attempt);
        audit.Add(user, "contact-attempt", input.HealthRecordId, $"{attempt.Service}/{attempt.Kind}: {attempt.Outcome.Label()}");
        await db.SaveChangesAsync(ct);
        var attempts = await db.ContactAttempts.CountAsync(
            c => c.HealthRecordId == attempt.HealthRecordId && c.Service == attempt.Service && c.Kind == attempt.Kind && c.SourceId == attempt.SourceId, ct);
        return CommandResult<ContactView>.Ok(new ContactView(attempt.Id, attempt.Outcome, attempt.Outcome.Label(), attempt.ContactedOn, attempt.UserName, attempt.Note, attempts));
    }
}
