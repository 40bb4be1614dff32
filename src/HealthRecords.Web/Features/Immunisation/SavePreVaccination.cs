using HealthRecords.Domain.Immunisation;

namespace HealthRecords.Web.Features.Immunisation;

/// <summary>
/// Records the pre-vaccination check of the day and contraindications (004 二(二)1), which block a dose until the check
/// says 可以接种 and the contraindication is cleared (Domain <see cref="PreVaccinationRules.Blocking"/>).
/// </summary>
public sealed class SavePreVaccination(FormWriter writer, ScheduleVersions versions)
{
    public async Task<CommandResult<PreVaccinationView>> CheckAsync(DataScope user, long recordId, PreVaccinationInput input, CancellationToken ct)
    {
        if (input.Check is not { } check)
        {
            return CommandResult<PreVaccinationView>.Invalid("check", "请填写接种前检查");
        }
        var schedule = await versions.CurrentAsync(ct);
        check = check with { Doctor = string.IsNullOrWhiteSpace(check.Doctor) ? user.DisplayName : check.Doctor };
        var result = await writer.CreateAsync(user, recordId, new FormSave<PreVaccinationCheckForm, NoFacts>
        {
            Action = "pre-vaccination-check",
            Facts = NoFacts.None,
            Check = (target, _, today) => FormWriter.Invalid<PreVaccinationCheckForm>(FormWriter.Under("check",
                PreVaccinationValidator.Validate(check, schedule, target.BirthDate, today))),
            Apply = (row, _) => row.With(check),
            Detail = c => $"PreVaccinationCheck {c.CheckedOn:yyyy-MM-dd}",
            Noun = "接种前检查",
            RoleCannot = "录入接种前检查",
        }, ct);
        return result.Succeeded ? CommandResult<PreVaccinationView>.Ok(new PreVaccinationView(result.Value!.Id, result.Value.Check, result.Value.CreatedByName))
            : result.As<PreVaccinationView>();
    }

    public async Task<CommandResult<ContraindicationView>> AddContraindicationAsync(DataScope user, long recordId, ContraindicationInput input, CancellationToken ct) =>
        input.Contraindication is not { } c ? CommandResult<ContraindicationView>.Invalid("contraindication", "请填写接种禁忌")
            : View(await writer.CreateAsync(user, recordId, Save(c, await versions.CurrentAsync(ct), "contraindication-create"), ct), await versions.CurrentAsync(ct));

    /// <summary>Changes a contraindication (typically clearing it: 解除日期, 解除医生, 原因); its version required.</summary>
    public async Task<CommandResult<ContraindicationView>> UpdateContraindicationAsync(DataScope user, long id, ContraindicationInput input, CancellationToken ct) =>
        input.Contraindication is not { } c ? CommandResult<ContraindicationView>.Invalid("contraindication", "请填写接种禁忌")
            : View(await writer.UpdateAsync(user, id, input.Version, Save(c, await versions.CurrentAsync(ct), "contraindication-update"), ct), await versions.CurrentAsync(ct));

    private static FormSave<VaccinationContraindication, NoFacts> Save(Contraindication c, ImmunizationSchedule schedule, string action) => new()
    {
        Action = action,
        Facts = NoFacts.None,
        Check = (target, _, today) => FormWriter.Invalid<VaccinationContraindication>(FormWriter.Under("contraindication",
            PreVaccinationValidator.Validate(c, schedule, target.BirthDate, today))),
        Apply = (row, _) => row.With(c),
        Detail = x => $"Contraindication {x.RecordedOn:yyyy-MM-dd}",
        Noun = "接种禁忌",
        RoleCannot = "录入接种禁忌",
    };

    private static CommandResult<ContraindicationView> View(CommandResult<VaccinationContraindication> result, ImmunizationSchedule schedule) =>
        result.Succeeded
            ? CommandResult<ContraindicationView>.Ok(new ContraindicationView(result.Value!.Id, result.Value.Contraindication,
                PreVaccinationRules.CardText(schedule, result.Value.Contraindication), result.Value.ClearedOn is null, result.Value.Version))
            : result.As<ContraindicationView>();
}
