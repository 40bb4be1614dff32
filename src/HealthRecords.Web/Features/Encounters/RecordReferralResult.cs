using HealthRecords.Domain.Encounters;

namespace HealthRecords.Web.Features.Encounters;

/// <summary>
/// Records what following up a referral found, with the transfer-back slip when one came: this closes the referral
/// and takes it off the work list (<see cref="ReferralRules.IsOpen"/>).
/// </summary>
public sealed class RecordReferralResult(FormWriter writer, TimeProvider time)
{
    public async Task<CommandResult<ReferralView>> HandleAsync(DataScope user, long id, ReferralResultInput input, CancellationToken ct)
    {
        if (input.Result is not { } result)
        {
            return CommandResult<ReferralView>.Invalid("result", "请填写转诊结果");
        }
        var save = new FormSave<Referral, NoFacts>
        {
            Action = "referral-result",
            Facts = NoFacts.None,
            Check = (_, existing, today) => FormWriter.Invalid<Referral>(EncounterRules.ValidateResult(result, input.Back, existing!.ReferredOn, today)),
            Apply = (row, _) => row.Apply(result, input.Back is null ? null : Residents.Masking.KeepStored(input.Back, row.Back)),
            Detail = r => $"Referral {r.Id}",
        };
        var saved = await writer.UpdateAsync(user, id, input.Version, save, ct);
        return saved.Succeeded ? CommandResult<ReferralView>.Ok(SaveReferral.ToView(saved.Value!, time.Today())) : saved.As<ReferralView>();
    }
}
