using HealthRecords.Domain.Chronic;
using HealthRecords.Domain.Diabetes;
using HealthRecords.Domain.Hypertension;
using HealthRecords.Web.Data;
using HealthRecords.Web.Data.Entities;
using HealthRecords.Web.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace HealthRecords.Web.Features.Chronic;

/// <summary>
/// Demo data for chronic disease management: some residents aged 45 and over are hypertension or diabetes patients
/// with up to a year of quarterly follow-ups (some uncontrolled, some overdue, some never followed up), so the
/// follow-up pages, the work list and the measures have something to show. Deterministic: picked by record id.
/// </summary>
public static class DemoChronicPatients
{
    public static async Task EnsureAsync(HealthRecordsDbContext db, TimeProvider time, CancellationToken ct = default)
    {
        if (await db.Set<ChronicEnrolment>().AnyAsync(ct))
        {
            return;
        }
        var today = time.Today();
        var doctor = await db.Users.AsNoTracking().Where(u => u.UserName == "cunyi").Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(ct);
        if (doctor is null)
        {
            return;
        }
        var candidates = await db.HealthRecords.AsNoTracking()
            .Where(r => r.Status == RecordStatus.Active && r.BirthDate <= today.AddYears(-45))
            .Select(r => r.Id).ToListAsync(ct);
        foreach (var id in candidates)
        {
            var ht = id % 5 == 0;
            var dm = id % 13 == 0;
            foreach (var disease in new[] { ht ? ChronicDisease.Hypertension : (ChronicDisease?)null, dm ? ChronicDisease.Diabetes : null })
            {
                if (disease is not ChronicDisease d)
                {
                    continue;
                }
                db.Add(new ChronicEnrolment
                {
                    HealthRecordId = id, Disease = d, EnrolledOn = today.AddYears(-2).AddDays(-(int)(id % 90)),
                    Source = EnrolmentSource.Examination, EnrolledById = doctor.Id, EnrolledByName = doctor.DisplayName ?? "",
                });
                // a few patients have not been followed up yet this year
                var visits = id % 7 == 0 ? 0 : (int)(id % 4) + 1;
                bool? previous = null;
                for (var k = visits; k >= 1; k--)
                {
                    var on = today.AddDays(-91 * k + (int)(id % 11));
                    var seed = (int)(id * 31 + k * 7);
                    var sbp = 118 + seed % 40;
                    var dbp = 70 + seed % 22;
                    var signs = new Signs { Systolic = sbp, Diastolic = dbp, HeartRate = 64 + seed % 24, WeightKg = new(55 + seed % 30, null) };
                    var row = new ChronicFollowUp
                    {
                        HealthRecordId = id, Disease = d, VisitDate = on, VisitMode = VisitMode.Clinic, FaceToFace = true,
                        Systolic = sbp, Diastolic = dbp, CreatedById = doctor.Id, CreatedByName = doctor.DisplayName ?? "",
                        CreatedAtUtc = on.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc), UpdatedAtUtc = on.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc),
                    };
                    FollowUpDecision decision;
                    var doctorName = doctor.DisplayName ?? "";
                    if (d == ChronicDisease.Hypertension)
                    {
                        var form = new HypertensionFollowUp
                        {
                            VisitDate = on, VisitMode = VisitMode.Clinic, Symptoms = [HypertensionSymptom.None], Signs = signs,
                            SaltIntake = new(SaltIntake.Moderate, SaltIntake.Light), Adherence = MedicationAdherence.Regular,
                            AdverseReaction = AdverseReaction.None, Medications = [new Medication("氨氯地平片", 1, 5m)], Doctor = doctorName,
                        };
                        decision = HypertensionRules.Decide(form, previous);
                        row.Controlled = HypertensionRules.IsControlled(sbp, dbp);
                        row.Hypertension = form with { Classification = decision.Classification, NextVisitDate = decision.NextVisitDate };
                    }
                    else
                    {
                        var fbg = 5.2m + seed % 30 / 10m;
                        var form = new DiabetesFollowUp
                        {
                            VisitDate = on, VisitMode = VisitMode.Clinic, Symptoms = [DiabetesSymptom.None], Signs = signs, FastingGlucose = fbg,
                            DorsalisPedisPulse = DorsalisPedisPulse.Palpable, Adherence = MedicationAdherence.Regular, AdverseReaction = AdverseReaction.None,
                            Hypoglycaemia = Hypoglycaemia.None, Medications = [new Medication("二甲双胍片", 3, 500m)], Doctor = doctorName,
                        };
                        decision = DiabetesRules.Decide(form, previous);
                        row.FastingGlucose = fbg;
                        row.Controlled = DiabetesRules.IsControlled(fbg);
                        row.Diabetes = form with { Classification = decision.Classification, NextVisitDate = decision.NextVisitDate };
                    }
                    if (decision.Referral)
                    {
                        // the demo keeps to routine care: a referral suggestion is recorded as overridden
                        row.OverrideReason = "患者拒绝转诊，加强随访";
                    }
                    previous = row.Controlled;
                    row.SuggestedClassification = row.Classification = decision.Classification;
                    row.SuggestedAction = decision.Action;
                    row.SuggestedNextVisitDate = row.NextVisitDate = decision.NextVisitDate;
                    row.DangerSigns = string.Join("；", decision.DangerSigns);
                    db.Add(row);
                }
            }
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
