using HealthRecords.Domain.Encounters;
using HealthRecords.Web.Data;
using HealthRecords.Web.Features.Auth;
using HealthRecords.Web.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace HealthRecords.Web.Features.Encounters;

/// <summary>
/// Records what following up a referral found, with the transfer-back slip when one came: this closes the referral
/// and takes it off the work list (<see cref="ReferralRules.IsOpen"/>).
/// </summary>
public sealed class RecordReferralResult(FormWriter writer, HealthRecordsDbContext db, TimeProvider time)
{
    public async Task<CommandResult<ReferralView>> HandleAsync(DataScope user, long id, ReferralResultInput input, CancellationToken ct)
    {
        if (input.Result is not { } result)
        {
            return CommandResult<ReferralView>.Invalid("result", "请填写转诊结果");
        }
        var referredOn = await db.Referrals.AsNoTracking().Where(r => r.Id == id).Select(r => (DateOnly?)r.ReferredOn).FirstOrDefaultAsync(ct);
        if (referredOn is null)
        {
            return CommandResult<ReferralView>.NotFound("记录不存在或不在您的管理范围内");
        }
        var saved = await writer.UpdateAsync<Referral>(user, id, input.Version,
            (_, today) => EncounterRules.ValidateResult(result, input.Back, referredOn.Value, today),
            r => r.Apply(result, input.Back is null ? null : Residents.Masking.KeepStored(input.Back, r.Back)), "referral-result", ct);
        return saved.Succeeded ? CommandResult<ReferralView>.Ok(SaveReferral.ToView(saved.Value!, time.Today())) : saved.As<ReferralView>();
    }
}
