using HealthRecords.Domain.Encounters;
using HealthRecords.Web.Features.Demo;

namespace HealthRecords.Web.Features.Encounters;

/// <summary>
/// Demo encounters in the demo village doctor's villages: a few visits, one consultation, and referrals (open, overdue
/// and closed) so the open-referrals list and the work list have something to show.
/// </summary>
public static class DemoEncounters
{
    private static readonly (string Subjective, string Objective, string Code, string Plan)[] Visits =
    [
        ("咳嗽、咽痛3天", "咽部充血，双肺呼吸音清", "J06.9", "对症治疗，多饮水，3天后复诊"),
        ("头晕、头痛1周", "血压 168/98 mmHg", "I10", "调整降压药，2周后复诊"),
        ("口干、多饮1月", "空腹血糖 9.8 mmol/L", "E11.9", "饮食运动指导，转上级医院明确诊断"),
        ("胸闷、气短2天", "心率 102 次/分，律不齐", "I48", "心电图检查，建议转诊"),
        ("腰痛2周", "腰椎旁压痛", "M54.5", "理疗，避免负重"),
    ];

    public static async Task AddAsync(HealthRecordsDbContext db, TimeProvider time, CancellationToken ct = default)
    {
        if (await db.Encounters.AnyAsync(ct))
        {
            return;
        }
        var today = time.Today();
        var doctor = await DemoDoctor.FindAsync(db, time, ct);
        if (doctor is null)
        {
            return;
        }
        var villages = DemoAccounts.ClinicVillages;
        var residents = await db.HealthRecords.AsNoTracking().Where(r => villages.Contains(r.VillageCode) && r.BirthDate < today.AddYears(-40))
            .OrderBy(r => r.Id).Take(Visits.Length * 2).ToListAsync(ct);
        var institution = doctor.InstitutionId is int inst ? await db.Institutions.AsNoTracking().Where(i => i.Id == inst).Select(i => i.Name).FirstOrDefaultAsync(ct) : null;
        var now = time.UtcNow();
        for (var i = 0; i < residents.Count; i++)
        {
            var r = residents[i];
            var (subjective, objective, code, plan) = Visits[i % Visits.Length];
            var on = today.AddDays(-(i * 3 + 1));
            var encounter = new Encounter
            {
                HealthRecordId = r.Id, InstitutionId = doctor.InstitutionId, CreatedById = doctor.Id, CreatedByName = doctor.DisplayName,
                CreatedAtUtc = now, UpdatedAtUtc = now, Version = 1, EncounterDate = on,
                Form = new EncounterForm
                {
                    Subjective = subjective, Objective = objective, Diagnoses = [new Diagnosis(code, Icd10.Find(code)?.Name)],
                    Assessment = Icd10.Find(code)?.Name, Plan = plan, DoctorName = doctor.DisplayName, EncounterDate = on,
                },
            };
            db.Encounters.Add(encounter);
            if (code is "E11.9" or "I48")
            {
                await db.SaveChangesAsync(ct);
                var referral = new Referral
                {
                    HealthRecordId = r.Id, InstitutionId = doctor.InstitutionId, CreatedById = doctor.Id, CreatedByName = doctor.DisplayName,
                    CreatedAtUtc = now, UpdatedAtUtc = now, Version = 1, EncounterId = encounter.Id,
                };
                referral.Apply(ReferralRules.FromEncounter(encounter.Form, new ReferralOut
                {
                    PatientName = r.Name, Sex = r.Sex, Age = Age.AgeOn(r.BirthDate, on), RecordNumber = r.RecordNumber,
                    Address = r.Cover.CurrentAddress, FromInstitution = institution, ToInstitution = "大渡口区人民医院",
                    ToDepartment = code == "I48" ? "心内科" : "内分泌科",
                }));
                if (i == Visits.Length + 2) // one referral closed; the rest open, one of them past its 2-week follow-up
                {
                    referral.Apply(new ReferralResult { FollowedUpOn = on.AddDays(7), Outcome = ReferralOutcome.OutpatientReturned, FollowedUpBy = doctor.DisplayName, Note = "上级医院确诊，带药返回" }, null);
                }
                db.Referrals.Add(referral);
            }
        }
        if (residents.Count > 0)
        {
            db.Consultations.Add(new Consultation
            {
                HealthRecordId = residents[0].Id, InstitutionId = doctor.InstitutionId, CreatedById = doctor.Id, CreatedByName = doctor.DisplayName,
                CreatedAtUtc = now, UpdatedAtUtc = now, Version = 1, ConsultationDate = today.AddDays(-1),
                Form = new ConsultationForm
                {
                    Reason = "咳嗽迁延不愈", Opinion = "完善胸部影像检查，必要时转诊", ResponsibleDoctor = doctor.DisplayName, ConsultationDate = today.AddDays(-1),
                    Consultants = [new ConsultingDoctor(institution ?? "跳磴镇卫生院", "王医生")],
                },
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
