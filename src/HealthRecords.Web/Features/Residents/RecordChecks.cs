using HealthRecords.Web.Features.Privacy;

namespace HealthRecords.Web.Features.Residents;

/// <summary>Checks shared by creating, editing and merging records.</summary>
public sealed class RecordChecks(HealthRecordsDbContext db, ResidentReader reader, Audit audit)
{
    /// <summary>
    /// Validates the personal information form (the Domain's rules) after normalising the ID number.
    /// An old 15-digit ID number is converted to its 18-digit form (GB 11643 appendix) when it is valid; a birth date or
    /// sex the client left out is taken from a valid resident ID number.
    /// </summary>
    public (PersonalInfo Info, FieldErrors Errors) Normalize(PersonalInfo info, DateOnly today)
    {
        var errors = new FieldErrors();
        var id = info.IdNumber?.Trim().ToUpperInvariant();
        if (info.IdDocumentType == IdDocumentType.ResidentIdCard && id is { Length: 15 })
        {
            var converted = IdCardNumber.ConvertFifteen(id, today);
            if (converted.IsValid)
            {
                id = converted.Normalized;
            }
            else
            {
                errors.Add("info.idNumber", converted.Error ?? "15位身份证号无效");
                return (info, errors);
            }
        }
        info = info with { Name = info.Name.Trim(), IdNumber = string.IsNullOrWhiteSpace(id) ? null : id, Phone = string.IsNullOrWhiteSpace(info.Phone) ? null : info.Phone.Trim() };
        info = PersonalInfoIdCard.Fill(info, today); // a birth date or sex left out is the ID number's
        errors.AddAll(PersonalInfoValidator.Validate(info, today), "info");
        return (info, errors);
    }

    /// <summary>
    /// The record that already holds this document number, if any (issue #14): within the user's scope, where it is
    /// (id, record number, link); outside it, only that it exists and which institution manages it — the user typed the
    /// number, so its existence is no secret (a second record must be refused anyway), but where the person lives and
    /// the record's number are. Every hit is audited (<c>duplicate-check</c>, detail <c>same-id</c>).
    /// </summary>
    public async Task<ExistingRecord?> FindByIdNumberAsync(Auth.DataScope user, PersonalInfo info, long? exceptId, CancellationToken ct)
    {
        if (info.IdNumber is null)
        {
            return null;
        }
        var hit = await db.HealthRecords.AsNoTracking().WithIdNumber(db.Protector(), info.IdNumber)
            .Where(r => r.IdDocumentType == info.IdDocumentType && r.Id != (exceptId ?? 0))
            .Select(r => new { r.Id, r.RecordNumber, Institution = db.Institutions.Where(i => i.Id == r.ManagingInstitutionId).Select(i => i.Name).FirstOrDefault() })
            .FirstOrDefaultAsync(ct);
        if (hit is null)
        {
            return null;
        }
        var inScope = await user.Apply(db.HealthRecords).AnyAsync(r => r.Id == hit.Id, ct);
        await audit.WriteAsync(user, "duplicate-check", hit.Id, inScope ? "same-id" : "same-id (out of scope)", ct);
        return inScope
            ? new ExistingRecord(hit.Id, hit.RecordNumber, $"/residents/{hit.Id}", hit.Institution ?? "", InScope: true)
            : new ExistingRecord(null, null, null, hit.Institution ?? "", InScope: false);
    }

    /// <summary>The conflict message of a second record for a known ID number (<see cref="FindByIdNumberAsync"/>).</summary>
    public static string ExistingMessage(ExistingRecord existing) =>
        existing.InScope
            ? "该证件号码已建档，不能重复建档"
            : $"该证件号码已在{(existing.ManagingInstitution.Length > 0 ? existing.ManagingInstitution : "其他机构")}建档，不能重复建档；如需为其服务，请联系该机构办理档案迁移或借阅";

    /// <summary>The answer of a save: the record as it now is, numbers masked like every view.</summary>
    public Task<ResidentDetail?> DetailAsync(long id, CancellationToken ct) => reader.MaskedDetailAsync(id, ct);
}
