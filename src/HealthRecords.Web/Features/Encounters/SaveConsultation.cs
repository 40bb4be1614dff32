using HealthRecords.Domain.Encounters;

namespace HealthRecords.Web.Features.Encounters;

/// <summary>Creates and updates a 会诊记录表 (004 附件6) through the kernel's write path.</summary>
public sealed class SaveConsultation(FormWriter writer)
{
    public async Task<CommandResult<ConsultationView>> CreateAsync(DataScope user, long recordId, ConsultationInput input, CancellationToken ct)
    {
        if (input.Form is not { } form)
        {
            return CommandResult<ConsultationView>.Invalid("form", "请填写会诊记录");
        }
        return View(await writer.CreateAsync(user, recordId, Save(form, "consultation-create"), ct));
    }

    public async Task<CommandResult<ConsultationView>> UpdateAsync(DataScope user, long id, ConsultationInput input, CancellationToken ct)
    {
        if (input.Form is not { } form)
        {
            return CommandResult<ConsultationView>.Invalid("form", "请填写会诊记录");
        }
        return View(await writer.UpdateAsync(user, id, input.Version, Save(form, "consultation-update"), ct));
    }

    private static FormSave<Consultation, NoFacts> Save(ConsultationForm form, string action) => new()
    {
        Action = action,
        Facts = NoFacts.None,
        Check = (record, _, today) => FormWriter.Invalid<Consultation>(FormWriter.Under("form", EncounterRules.Validate(form, record.BirthDate, today))),
        Apply = (row, _) => row.With(form),
        Detail = c => $"Consultation {c.ConsultationDate:yyyy-MM-dd}",
    };

    internal static ConsultationView ToView(Consultation c) =>
        new(c.Id, c.HealthRecordId, c.Form, c.CreatedByName, c.UpdatedAtUtc, c.Version);

    private static CommandResult<ConsultationView> View(CommandResult<Consultation> result) =>
        result.Succeeded ? CommandResult<ConsultationView>.Ok(ToView(result.Value!)) : result.As<ConsultationView>();
}
