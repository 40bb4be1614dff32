namespace HealthRecords.Web.Features.Residents;

/// <summary>The paper forms printed from a record: 封面 (004 附件2) and 信息卡 (004 附件8).</summary>
public enum PrintedForm
{
    Cover = 1,
    Card = 2,
}

/// <summary>A record ready to print, with the phone numbers the information card's back asks for.</summary>
public sealed record PrintView(ResidentDetail Record, string? InstitutionPhone, string? DoctorPhone);

/// <summary>
/// Opens a record for printing: within the user's scope (through <see cref="ResidentReader"/>, read audited); the print
/// itself is audited by the page (<see cref="Kernel.PrintPageBase{TView}"/>).
/// </summary>
public sealed class PrintRecord(ResidentReader reader, HealthRecordsDbContext db)
{
    /// <summary>The record if the user may see it, else null.</summary>
    public async Task<PrintView?> LoadAsync(DataScope user, long id, PrintedForm form, CancellationToken ct)
    {
        var record = await reader.ForPrintAsync(user, id, ct);
        if (record is null)
        {
            return null;
        }
        return form == PrintedForm.Card ? await WithCardPhonesAsync(record, ct) : new PrintView(record, null, null);
    }

    /// <summary>The card's back gives the phone of the record's institution and of the responsible doctor.</summary>
    private async Task<PrintView> WithCardPhonesAsync(ResidentDetail record, CancellationToken ct)
    {
        var institutionPhone = await db.Institutions.AsNoTracking()
            .Where(i => i.Id == record.ManagingInstitutionId)
            .Select(i => i.Phone)
            .FirstOrDefaultAsync(ct);
        var doctorPhone = record.ResponsibleDoctorId is null
            ? null
            : await db.Users.AsNoTracking()
                .Where(u => u.Id == record.ResponsibleDoctorId)
                .Select(u => u.PhoneNumber)
                .FirstOrDefaultAsync(ct);
        return new PrintView(record, institutionPhone, doctorPhone);
    }
}
