namespace HealthRecords.Web.Features.Examinations;

/// <summary>Saves a new 健康体检表: checked by the domain, one per resident per date, audited with the save.</summary>
public sealed class CreateExamination(ExaminationChecks checks)
{
    public Task<CommandResult<ExaminationDetail>> HandleAsync(DataScope user, long recordId, ExaminationInput input, CancellationToken ct) =>
        checks.SaveAsync(user, recordId, null, input, ct);
}

/// <summary>Edits a 健康体检表 in place; refuses a save based on an older version (409).</summary>
public sealed class UpdateExamination(ExaminationChecks checks)
{
    public Task<CommandResult<ExaminationDetail>> HandleAsync(DataScope user, long id, ExaminationInput input, CancellationToken ct) =>
        checks.SaveAsync(user, null, id, input, ct);
}
