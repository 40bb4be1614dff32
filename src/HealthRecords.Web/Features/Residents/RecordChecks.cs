using HealthRecords.Domain.Records;
using HealthRecords.Web.Data;
using HealthRecords.Web.Data.Entities;
using HealthRecords.Web.Features.Common;
using HealthRecords.Web.Features.Privacy;
using Microsoft.EntityFrameworkCore;
using HealthRecords.Domain.Validation;

namespace HealthRecords.Web.Features.Residents;

/// <summary>Checks shared by creating, editing and merging records.</summary>
public sealed class RecordChecks(HealthRecordsDbContext db, ResidentReader reader)
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

    /// <summary>The record that already holds this document number, if any.</summary>
    public async Task<ExistingRecord?> FindByIdNumberAsync(PersonalInfo info, long? exceptId, CancellationToken ct)
    {
        if (info.IdNumber is null)
        {
            return null;
        }
        var hit = await db.HealthRecords.AsNoTracking().WithIdNumber(db.Protector(), info.IdNumber)
            .Where(r => r.IdDocumentType == info.IdDocumentType && r.Id != (exceptId ?? 0))
            .Select(r => new { r.Id, r.RecordNumber })
            .FirstOrDefaultAsync(ct);
        return hit is null ? null : new ExistingRecord(hit.Id, hit.RecordNumber, $"/residents/{hit.Id}");
    }

    /// <summary>The answer of a save: the record as it now is, numbers masked like every view.</summary>
    public Task<ResidentDetail?> DetailAsync(long id, CancellationToken ct) => reader.MaskedDetailAsync(id, ct);
}
