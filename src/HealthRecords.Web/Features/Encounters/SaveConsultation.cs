using HealthRecords.Domain.Encounters;
using HealthRecords.Web.Features.Auth;
using HealthRecords.Web.Features.Common;

namespace HealthRecords.Web.Features.Encounters;

/// <summary>Creates and updates a 会诊记录表 (004 附件6).</summary>
public sealed class SaveConsultation(FormWriter writer)
{
    public async Task<CommandResult<ConsultationView>> CreateAsync(DataScope user, long recordId, ConsultationInput input, CancellationToken ct)
    {
        if (input.Form is not { } form)
        {
            return CommandResult<ConsultationView>.Invalid("form", "请填写会诊记录");
        }
        var result = await writer.CreateAsync(user, recordId, Check(form), () => new Consultation { CreatedById = user.UserId }.With(form), "consultation-create", ct);
        return View(result);
    }

    public async Task<CommandResult<ConsultationView>> UpdateAsync(DataScope user, long id, ConsultationInput input, CancellationToken ct)
    {
        if (input.Form is not { } form)
        {
            return CommandResult<ConsultationView>.Invalid("form", "请填写会诊记录");
        }
        var result = await writer.UpdateAsync<Consultation>(user, id, input.Version, Check(form), c => c.With(form), "consultation-update", ct);
        return View(result);
    }

    private static FormWriter.Check Check(ConsultationForm form) =>
        (record, today) => FormWriter.Under("form", EncounterRules.Validate(form, record.BirthDate, today));

    internal static ConsultationView ToView(Consultation c) =>
        new(c.Id, c.HealthRecordId, c.Form, c.CreatedByName, c.UpdatedAtUtc, c.Version);

    private static CommandResult<ConsultationView> View(CommandResult<Consultation> result) =>
        result.Succeeded ? CommandResult<ConsultationView>.Ok(ToView(result.Value!)) : result.As<ConsultationView>();
}
