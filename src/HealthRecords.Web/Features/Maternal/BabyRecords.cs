using HealthRecords.Domain.Maternal;
using HealthRecords.Web.Features.Residents;

namespace HealthRecords.Web.Features.Maternal;

/// <summary>A live-born baby of a delivery and the health record it was given (null with the reason when none could be).</summary>
public sealed record BabyRecordView(int BabyIndex, long? RecordId, string? RecordNumber, string Name, string? Note);

/// <summary>
/// A live birth creates the baby's health record (issue #17): in the mother's household and village, with her address,
/// the mother as contact (guardian), sex and birth date from the delivery information (<see cref="NewbornRules.RecordDraft"/>,
/// <see cref="NewbornRules.RelationToHead"/>), through the records area's own <see cref="CreateResident"/> (validation,
/// record number, audit). Each baby is linked to its delivery by a <see cref="BirthRecord"/> saved in the same
/// transaction as the record, whose unique index makes the creation happen once however often the delivery is saved.
/// </summary>
public sealed class BabyRecords(HealthRecordsDbContext db, CreateResident create, TimeProvider time)
{
    /// <summary>Creates the records of the episode's live-born babies that have none yet; the user must be able to save the delivery.</summary>
    public async Task CreateAsync(DataScope user, long pregnancyId, CancellationToken ct)
    {
        var episode = await db.Pregnancies.AsNoTracking().Where(p => p.Id == pregnancyId)
            .Select(p => new { p.HealthRecordId, p.Delivery }).FirstOrDefaultAsync(ct);
        if (episode?.Delivery is not { } delivery)
        {
            return;
        }
        var mother = await db.HealthRecords.AsNoTracking().FirstAsync(r => r.Id == episode.HealthRecordId, ct);
        var linked = await db.BirthRecords.Where(b => b.PregnancyId == pregnancyId).Select(b => b.BabyIndex).ToListAsync(ct);
        for (var i = 0; i < delivery.Babies.Count; i++)
        {
            var baby = delivery.Babies[i];
            if (!Births.IsLiveBirth(baby.Outcome) || linked.Contains(i) || NewbornRules.RelationToHead(mother.RelationToHead, baby.Sex) is not { } relation)
            {
                continue;
            }
            var input = new ResidentInput
            {
                Info = NewbornRules.RecordDraft(delivery, baby, mother.PersonalInfo),
                Cover = mother.Cover,
                VillageCode = mother.VillageCode,
                HouseholdId = mother.HouseholdId,
                RelationToHead = relation,
                ResponsibleDoctorId = mother.ResponsibleDoctorId,
                // same-sex twins share the default name (…之女) and birth date: they are two babies, not duplicates
                ConfirmNotDuplicate = true,
            };
            var index = i;
            try
            {
                await create.HandleAsync(user, input, ct, record => db.BirthRecords.Add(new BirthRecord
                {
                    PregnancyId = pregnancyId, BabyIndex = index, HealthRecordId = record.Id, CreatedAtUtc = time.UtcNow(),
                }));
            }
            catch (DbUpdateException)
            {
                // the same delivery saved at the same moment: the other save created this baby (the unique index refused ours)
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>The episode's live-born babies with their records, or why a baby has none.</summary>
    public async Task<IReadOnlyList<BabyRecordView>> OfAsync(PregnancyEpisode episode, CancellationToken ct)
    {
        if (episode.Delivery is not { } delivery)
        {
            return [];
        }
        var links = await db.BirthRecords.AsNoTracking().Where(b => b.PregnancyId == episode.Id)
            .Join(db.HealthRecords, b => b.HealthRecordId, r => r.Id, (b, r) => new { b.BabyIndex, r.Id, r.RecordNumber, r.Name })
            .ToListAsync(ct);
        var motherRelation = await db.HealthRecords.Where(r => r.Id == episode.HealthRecordId).Select(r => r.RelationToHead).FirstAsync(ct);
        var views = new List<BabyRecordView>();
        for (var i = 0; i < delivery.Babies.Count; i++)
        {
            var baby = delivery.Babies[i];
            if (!Births.IsLiveBirth(baby.Outcome))
            {
                continue;
            }
            views.Add(links.FirstOrDefault(l => l.BabyIndex == i) is { } link
                ? new BabyRecordView(i, link.Id, link.RecordNumber, link.Name, null)
                : new BabyRecordView(i, null, null, baby.Name ?? $"第{i + 1}个婴儿",
                    NewbornRules.RelationToHead(motherRelation, baby.Sex) is null ? "性别不详，无法确定与户主关系，请填写婴儿性别后重新保存分娩信息" : "尚未建档，请重新保存分娩信息"));
        }
        return views;
    }
}
