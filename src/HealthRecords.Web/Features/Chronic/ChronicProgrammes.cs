using HealthRecords.Domain.Chronic;
using HealthRecords.Web.Features.Examinations;

namespace HealthRecords.Web.Features.Chronic;

/// <summary>The examination's * items for the hypertension and diabetes managements a resident is enrolled in now.</summary>
public sealed class ChronicProgrammes : IExaminationProgrammes
{
    public async Task<KeyPopulation> OfAsync(HealthRecordsDbContext db, long recordId, CancellationToken ct)
    {
        var enrolled = await Enrolments.ActiveDiseases(db, recordId).ToListAsync(ct);
        return (enrolled.Contains(ChronicDisease.Hypertension) ? KeyPopulation.Hypertension : KeyPopulation.None)
            | (enrolled.Contains(ChronicDisease.Diabetes) ? KeyPopulation.Diabetes : KeyPopulation.None);
    }
}
