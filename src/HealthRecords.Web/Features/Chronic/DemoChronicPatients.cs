using HealthRecords.Domain.Chronic;
using HealthRecords.Domain.Diabetes;
using HealthRecords.Domain.Hypertension;

namespace HealthRecords.Web.Features.Chronic;

/// <summary>
/// Demo data for chronic disease management shaped like a working year: nine in ten residents whose 既往史 lists
/// hypertension or diabetes are under management, most enrolled a year or more ago and followed up since by the specification's
/// own schedule (the domain's next-visit decision: a quarter when controlled, two weeks after a first uncontrolled
/// visit), each visit a few days either side of the date it was due and now and then weeks late. About three in five
/// patients are mostly controlled. So the last visit's next date is spread around today: some due soon, some a few
/// days or weeks overdue. A few were enrolled in the last month and not yet followed up. Visits are recorded by the
/// resident's responsible doctor. Deterministic: seeded by record id.
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
        var fallback = await db.Users.AsNoTracking().Where(u => u.UserName == "cunyi").Select(u => u.Id).FirstOrDefaultAsync(ct);
        if (fallback is null)
        {
            return;
        }
        var names = await db.Users.AsNoTracking().Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName ?? "", ct);
        // The patients are the residents whose personal information form lists the disease (既往史, hence the key
        // population); nine in ten of them are under management, the rest not yet (as in a real township).
        var candidates = (await db.HealthRecords.AsNoTracking()
            .Where(r => r.Status == RecordStatus.Active)
            .Select(r => new { r.Id, r.ResponsibleDoctorId, r.KeyPopulations, r.BirthDate, r.PersonalInfo }).ToListAsync(ct))
            .Select(r => new { r.Id, r.ResponsibleDoctorId, KeyPopulations = KeyPopulationRules.On(r.KeyPopulations, r.BirthDate, today), r.PersonalInfo })
            .Where(r => (r.KeyPopulations & (KeyPopulation.Hypertension | KeyPopulation.Diabetes)) != 0);
        foreach (var c in candidates)
        {
            var id = c.Id;
            var doctorId = c.ResponsibleDoctorId ?? fallback;
            var doctorName = names.GetValueOrDefault(doctorId) ?? "";
            var ht = c.KeyPopulations.HasFlag(KeyPopulation.Hypertension) && id % 10 != 0;
            var dm = c.KeyPopulations.HasFlag(KeyPopulation.Diabetes) && id % 10 != 3;
            foreach (var disease in new[] { ht ? ChronicDisease.Hypertension : (ChronicDisease?)null, dm ? ChronicDisease.Diabetes : null })
            {
                if (disease is not ChronicDisease d)
                {
                    continue;
                }
                var rng = new Random((int)(id * 2 + (int)d));
                var recent = rng.NextDouble() < 0.05; // enrolled in the last month, not yet followed up
                var enrolledOn = recent ? today.AddDays(-rng.Next(3, 30)) : today.AddDays(-rng.Next(400, 1500));
                // never before the diagnosis month the 既往史 gives: a patient diagnosed lately was enrolled lately
                if (c.PersonalInfo.PastDiseases.FirstOrDefault(p => p.Code == d.PastDisease())?.DiagnosedOn is YearMonth diagnosed
                    && new DateOnly(diagnosed.Year, diagnosed.Month, 1) is var first && enrolledOn < first)
                {
                    enrolledOn = first.AddDays(rng.Next(0, 28));
                    enrolledOn = enrolledOn > today ? today : enrolledOn;
                    recent = enrolledOn > today.AddDays(-30);
                }
                db.Add(new ChronicEnrolment
                {
                    HealthRecordId = id, Disease = d, EnrolledOn = enrolledOn,
                    Source = rng.NextDouble() < 0.6 ? EnrolmentSource.Examination : EnrolmentSource.Direct, EnrolledById = doctorId, EnrolledByName = doctorName,
                });
                if (recent)
                {
                    continue;
                }
                var controlledMostly = rng.NextDouble() < 0.6;
                bool? previous = null;
                // a little over a year of visits, the first one a quarter before last year's same date at most
                var on = today.AddDays(-rng.Next(380, 470));
                on = on < enrolledOn ? enrolledOn : on; // the first visit at enrolment, never before it
                while (on <= today)
                {
                    var row = Visit(id, d, on, rng, controlledMostly, previous, doctorId, doctorName);
                    db.Add(row);
                    previous = row.Controlled;
                    // the patient comes a few days either side of the date they were given; now and then weeks late
                    var late = rng.NextDouble() < 0.1 ? rng.Next(20, 45) : rng.Next(-5, 13);
                    on = row.NextVisitDate.AddDays(late);
                    if (on <= row.VisitDate)
                    {
                        on = row.VisitDate.AddDays(7);
                    }
                }
            }
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static ChronicFollowUp Visit(long id, ChronicDisease d, DateOnly on, Random rng, bool controlledMostly, bool? previous, string doctorId, string doctorName)
    {
        var raised = rng.NextDouble() < (controlledMostly ? 0.1 : 0.75);
        var sbp = raised ? rng.Next(141, 168) : rng.Next(116, 139);
        var dbp = raised ? rng.Next(86, 100) : rng.Next(68, 89);
        var mode = rng.NextDouble() < 0.15 ? VisitMode.Home : VisitMode.Clinic;
        var signs = new Signs { Systolic = sbp, Diastolic = dbp, HeartRate = rng.Next(62, 90), WeightKg = new(rng.Next(52, 86), null) };
        var at = on.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);
        var row = new ChronicFollowUp
        {
            HealthRecordId = id, Disease = d, VisitDate = on, VisitMode = mode, FaceToFace = true,
            Systolic = sbp, Diastolic = dbp, CreatedById = doctorId, CreatedByName = doctorName, CreatedAtUtc = at, UpdatedAtUtc = at,
        };
        FollowUpDecision decision;
        if (d == ChronicDisease.Hypertension)
        {
            var form = new HypertensionFollowUp
            {
                VisitDate = on, VisitMode = mode, Symptoms = [HypertensionSymptom.None], Signs = signs,
                SaltIntake = new(SaltIntake.Moderate, SaltIntake.Light), Adherence = MedicationAdherence.Regular,
                AdverseReaction = AdverseReaction.None, Medications = [new Medication("氨氯地平片", 1, 5m)], Doctor = doctorName,
            };
            decision = HypertensionRules.Decide(form, previous);
            row.Controlled = HypertensionRules.IsControlled(sbp, dbp);
            row.Hypertension = form with { Classification = decision.Classification, NextVisitDate = decision.NextVisitDate };
        }
        else
        {
            var fbg = controlledMostly && rng.NextDouble() < 0.85 ? 5.4m + rng.Next(0, 15) / 10m : 7.0m + rng.Next(0, 36) / 10m;
            var form = new DiabetesFollowUp
            {
                VisitDate = on, VisitMode = mode, Symptoms = [DiabetesSymptom.None], Signs = signs, FastingGlucose = fbg,
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
        row.SuggestedClassification = decision.Classification;
        row.Classification = decision.Classification!.Value; // every demo visit is measured, so the rules always classify it
        row.SuggestedAction = decision.Action;
        row.SuggestedNextVisitDate = row.NextVisitDate = decision.NextVisitDate;
        row.DangerSigns = string.Join("；", decision.DangerSigns);
        return row;
    }
}
