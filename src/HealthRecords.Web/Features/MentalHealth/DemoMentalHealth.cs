using HealthRecords.Domain.Examinations;
using HealthRecords.Domain.MentalHealth;
using HealthRecords.Web.Features.Demo;
using MedicationAdherence = HealthRecords.Domain.Chronic.MedicationAdherence;

namespace HealthRecords.Web.Features.MentalHealth;

/// <summary>
/// Demo severe mental disorders patients at a realistic rate: about 4.5 registered per 1,000 residents (the national
/// detection target is 4.5‰), aged 15 and over, registered 4–36 months ago; about 7 % refused management (registered,
/// not managed); the managed ones followed every 3 months with some visits missed (so 规范管理率 is below 100 %), mostly
/// 稳定, some 基本稳定 (observed 2 weeks, then settled), a few 不稳定 (referred, 2 weeks), a few 未访到. Each class and
/// next date is the rules' own (<see cref="MentalHealthRules.Decide(MentalIllnessFollowUp, PreviousVisit?)"/>). One managed
/// patient is always in the demo village doctor's villages. Deterministic (fixed seed).
/// </summary>
public static class DemoMentalHealth
{
    public static async Task AddAsync(HealthRecordsDbContext db, TimeProvider time, CancellationToken ct = default)
    {
        if (await db.MentalHealthPatients.AnyAsync(ct))
        {
            return;
        }
        var today = time.Today();
        var doctor = await DemoDoctor.FindAsync(db, time, ct);
        if (doctor is null)
        {
            return;
        }
        var residents = await db.HealthRecords.CountAsync(ct);
        var adult = today.AddYears(-MentalHealthMeasures.PopulationMinimumAge);
        var candidates = await db.HealthRecords.AsNoTracking()
            .Where(r => r.Status == RecordStatus.Active && r.BirthDate <= adult)
            .OrderBy(r => r.Id).Select(r => new { r.Id, r.VillageCode }).ToListAsync(ct);
        var rng = new Random(19);
        var wanted = Math.Max(1, (int)Math.Round(residents * 4.5 / 1000));
        var chosen = candidates.Where(c => DemoAccounts.ClinicVillages.Contains(c.VillageCode)).Take(1)
            .Concat(candidates.OrderBy(_ => rng.Next()).Take(wanted)).DistinctBy(c => c.Id).Take(wanted).ToList();
        for (var i = 0; i < chosen.Count; i++)
        {
            var first = i == 0; // in the clinic's villages: managed, several visits
            var enrolled = today.AddDays(-(first ? 400 : rng.Next(120, 1100)));
            var consent = first || rng.NextDouble() >= 0.07 ? InformedConsent.Agreed : InformedConsent.Refused;
            var patient = doctor.Stamp(new MentalHealthPatient(), chosen[i].Id).With(Profile(enrolled, doctor.DisplayName, consent), rng.NextDouble() < 0.6);
            db.MentalHealthPatients.Add(patient);
            db.MentalHealthProfileVersions.Add(new MentalHealthProfileVersion
            {
                Patient = patient, HealthRecordId = patient.HealthRecordId, Number = 1, Cause = "登记", ChangedById = doctor.Id,
                ChangedByName = doctor.DisplayName, ChangedAtUtc = doctor.Now, Profile = patient.Profile,
            });
            await db.SaveChangesAsync(ct);
            if (consent != InformedConsent.Agreed)
            {
                continue;
            }
            PreviousVisit? previous = null;
            var due = enrolled.AddMonths(MentalHealthRules.RoutineIntervalMonths);
            while (due <= today)
            {
                // a visit a few days either side of the date set; now and then one is missed altogether
                var date = due.AddDays(rng.Next(-5, 6));
                if (date > today || date <= enrolled)
                {
                    break;
                }
                if (!first && rng.NextDouble() < 0.08)
                {
                    due = due.AddMonths(MentalHealthRules.RoutineIntervalMonths);
                    continue;
                }
                var roll = rng.NextDouble();
                var kind = MentalHealthRules.EndsObservation(previous) ? Condition.Stable
                    : roll < 0.03 ? Condition.NotVisited : roll < 0.07 ? Condition.Unstable : roll < 0.18 ? Condition.BasicallyStable : Condition.Stable;
                var form = FollowUp(date, kind, previous, doctor.DisplayName);
                var visit = doctor.Stamp(new MentalHealthFollowUpForm { PatientId = patient.Id }, patient.HealthRecordId)
                    .With(form, MentalHealthRules.Decide(form, previous));
                db.MentalHealthFollowUps.Add(visit);
                if (form.Reached)
                {
                    previous = new PreviousVisit(form.VisitDate, form.Condition!.Value, form.NextVisitDate);
                }
                due = form.NextVisitDate!.Value;
            }
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>A complete 个人信息补充表 filled on <paramref name="on"/>.</summary>
    public static MentalIllnessProfile Profile(DateOnly on, string doctor, InformedConsent consent = InformedConsent.Agreed) => new()
    {
        GuardianName = "张三", GuardianRelation = "父亲", GuardianAddress = "石林村3组", GuardianPhone = "13800000000",
        VillageContactName = "李主任", VillageContactPhone = "13900000000",
        Consent = consent, ConsentSignedBy = "张三", ConsentSignedOn = on,
        FirstOnset = new ApproximateDate(on.Year - 8), PastSymptoms = [MentalSymptom.Hallucination, MentalSymptom.Suspicion],
        Outpatient = OutpatientTreatment.Continuous, FirstAntipsychoticTreatment = new ApproximateDate(on.Year - 8, 6),
        PsychiatricAdmissions = 1, Diagnosis = "精神分裂症", DiagnosingHospital = "市精神卫生中心", DiagnosedOn = new DateOnly(on.Year - 7, 3, 1),
        LastTreatmentEffect = TreatmentEffect.Improved, SocialImpact = SocialImpactCounts.None, Confinement = Confinement.None,
        EconomicStatus = EconomicStatus.NotPoor, SpecialistOpinion = "无", FilledOn = on, Doctor = doctor,
    };

    /// <summary>
    /// A follow-up on <paramref name="date"/> whose facts make the rules suggest <paramref name="condition"/> (0 未访到: not
    /// reached, next visit in 2 weeks), with the rules' class, next date and referral taken — so it needs no override reason.
    /// </summary>
    public static MentalIllnessFollowUp FollowUp(DateOnly date, Condition condition, PreviousVisit? previous, string doctor)
    {
        if (condition == Condition.NotVisited)
        {
            return new MentalIllnessFollowUp { VisitDate = date, Condition = Condition.NotVisited, NextVisitDate = date.AddDays(14), Doctor = doctor };
        }
        var form = new MentalIllnessFollowUp
        {
            VisitDate = date,
            RiskLevel = condition switch { Condition.Unstable => RiskLevel.Level3, Condition.BasicallyStable => RiskLevel.Level1, _ => RiskLevel.Level0 },
            Insight = Insight.Complete,
            Sleep = GoodFairPoor.Good,
            Diet = GoodFairPoor.Good,
            SocialFunction = new SocialFunction
            {
                PersonalCare = GoodFairPoor.Good, Housework = GoodFairPoor.Fair, Work = WorkFunction.NotApplicable,
                Learning = GoodFairPoor.Fair, SocialInteraction = GoodFairPoor.Fair,
            },
            SocialImpact = condition == Condition.Unstable ? SocialImpactCounts.None with { MinorDisturbance = 1 } : SocialImpactCounts.None,
            Confinement = Confinement.None,
            Hospitalisation = Hospitalisation.Never,
            LabTests = NoYes.No,
            Adherence = MedicationAdherence.Regular,
            AdverseReaction = NoYes.No,
            Effect = condition == Condition.Stable ? TreatmentEffect.Improved : TreatmentEffect.Unchanged,
            Referral = ReferralChoice.No,
            Medications = [new PsychiatricMedication("利培酮", DosePeriod.Day, 2, 2m)],
            Rehabilitation = [RehabilitationMeasure.DailyLiving],
            Assessment = new ClinicalAssessment { SettledAfterObservation = MentalHealthRules.EndsObservation(previous) ? true : null },
            Doctor = doctor,
        };
        var d = MentalHealthRules.Decide(form, previous)!;
        return form with
        {
            Condition = d.Condition,
            NextVisitDate = d.NextVisitDate,
            Referral = d.Referral ? ReferralChoice.Yes : ReferralChoice.No,
            ReferralReason = d.Referral ? "病情不稳定，危险性3级" : null,
            ReferralTo = d.Referral ? "市精神卫生中心" : null,
            GuardianContacted = d.Condition == Condition.Unstable,
        };
    }
}
