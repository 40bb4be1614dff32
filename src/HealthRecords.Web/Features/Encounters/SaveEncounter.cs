using HealthRecords.Domain.Encounters;
using HealthRecords.Web.Features.Auth;
using HealthRecords.Web.Features.Common;

namespace HealthRecords.Web.Features.Encounters;

/// <summary>Creates and updates a 接诊记录表 (004 附件5).</summary>
public sealed class SaveEncounter(FormWriter writer, EncounterQueries queries)
{
    public async Task<CommandResult<EncounterView>> CreateAsync(DataScope user, long recordId, EncounterInput input, CancellationToken ct)
    {
        if (input.Form is not { } form)
        {
            return CommandResult<EncounterView>.Invalid("form", "请填写接诊记录");
        }
        var result = await writer.CreateAsync(user, recordId, Check(form), () => new Encounter { CreatedById = user.UserId }.With(Clean(form)), "encounter-create", ct);
        return await ViewAsync(result, ct);
    }

    public async Task<CommandResult<EncounterView>> UpdateAsync(DataScope user, long id, EncounterInput input, CancellationToken ct)
    {
        if (input.Form is not { } form)
        {
            return CommandResult<EncounterView>.Invalid("form", "请填写接诊记录");
        }
        var result = await writer.UpdateAsync<Encounter>(user, id, input.Version, Check(form), e => e.With(Clean(form)), "encounter-update", ct);
        return await ViewAsync(result, ct);
    }

    private static FormWriter.Check Check(EncounterForm form) =>
        (record, today) => FormWriter.Under("form", EncounterRules.Validate(form, record.BirthDate, today));

    private static EncounterForm Clean(EncounterForm form) => form with { Diagnoses = EncounterRules.NormalizeDiagnoses(form.Diagnoses) };

    private async Task<CommandResult<EncounterView>> ViewAsync(CommandResult<Encounter> result, CancellationToken ct) =>
        result.Succeeded ? CommandResult<EncounterView>.Ok(await queries.EncounterViewAsync(result.Value!, ct)) : result.As<EncounterView>();
}

internal static class EncounterEntityExtensions
{
    public static Encounter With(this Encounter e, EncounterForm form)
    {
        e.Form = form;
        e.EncounterDate = form.EncounterDate!.Value;
        return e;
    }

    public static Consultation With(this Consultation c, ConsultationForm form)
    {
        c.Form = form;
        c.ConsultationDate = form.ConsultationDate!.Value;
        return c;
    }
}
