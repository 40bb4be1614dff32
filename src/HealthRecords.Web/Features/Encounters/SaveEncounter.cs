using HealthRecords.Domain.Encounters;

namespace HealthRecords.Web.Features.Encounters;

/// <summary>Creates and updates a 接诊记录表 (004 附件5) through the kernel's write path.</summary>
public sealed class SaveEncounter(FormWriter writer, EncounterQueries queries)
{
    public async Task<CommandResult<EncounterView>> CreateAsync(DataScope user, long recordId, EncounterInput input, CancellationToken ct)
    {
        if (input.Form is not { } form)
        {
            return CommandResult<EncounterView>.Invalid("form", "请填写接诊记录");
        }
        return await ViewAsync(await writer.CreateAsync(user, recordId, Save(form, "encounter-create"), ct), ct);
    }

    public async Task<CommandResult<EncounterView>> UpdateAsync(DataScope user, long id, EncounterInput input, CancellationToken ct)
    {
        if (input.Form is not { } form)
        {
            return CommandResult<EncounterView>.Invalid("form", "请填写接诊记录");
        }
        return await ViewAsync(await writer.UpdateAsync(user, id, input.Version, Save(form, "encounter-update"), ct), ct);
    }

    private static FormSave<Encounter, NoFacts> Save(EncounterForm form, string action)
    {
        var clean = form with { Diagnoses = EncounterRules.NormalizeDiagnoses(form.Diagnoses) };
        return new FormSave<Encounter, NoFacts>
        {
            Action = action,
            Facts = NoFacts.None,
            Check = (record, _, today) => FormWriter.Invalid<Encounter>(FormWriter.Under("form", EncounterRules.Validate(form, record.BirthDate, today))),
            Apply = (row, _) => row.With(clean),
            Detail = e => $"Encounter {e.EncounterDate:yyyy-MM-dd}",
        };
    }

    private async Task<CommandResult<EncounterView>> ViewAsync(CommandResult<Encounter> result, CancellationToken ct) =>
        result.Succeeded ? CommandResult<EncounterView>.Ok(await queries.EncounterViewAsync(result.Value!, ct)) : result.As<EncounterView>();
}
