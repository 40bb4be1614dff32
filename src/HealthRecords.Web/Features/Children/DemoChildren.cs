using HealthRecords.Domain.Children;
using HealthRecords.Domain.Examinations;

namespace HealthRecords.Web.Features.Children;

/// <summary>
/// Demo check-ups shaped like a township's child health work: each check-up whose age a child under 7 has reached was
/// done with a probability of about 88% (004's 考核 targets are ≥ 85% for the management rates), most within the first
/// three weeks after the target age, some later in the window; the measurements are drawn around WHO's medians (z ~
/// N(0, 1)), so about 2–3% rate 上 or 下; haemoglobin, hearing and vision where the forms ask for them; a problem
/// needing referral is referred. Each form is checked by the domain's validator before it is stored (one that fails is
/// left out). Repeatable (seeded); called once after the demo residents are loaded.
/// </summary>
public static class DemoChildren
{
    public const double DoneRate = 0.88;

    /// <summary>Days after its target age a current check-up may still be waiting to be done.</summary>
    private const int PendingDays = 45;

    public static async Task AddAsync(HealthRecordsDbContext db, TimeProvider time, CancellationToken ct = default)
    {
        if (await db.Set<ChildCheckupVisit>().AnyAsync(ct))
        {
            return;
        }
        var today = time.Today();
        var bornAfter = today.AddYears(-ChildDueItems.UnderYears);
        var children = await db.HealthRecords.AsNoTracking()
            .Where(r => r.BirthDate > bornAfter && r.BirthDate <= today && (r.Sex == Sex.Male || r.Sex == Sex.Female))
            .Select(r => new { r.Id, r.Sex, r.BirthDate, r.ManagingInstitutionId, r.CreatedById, r.ResponsibleDoctorId })
            .OrderBy(r => r.Id)
            .ToListAsync(ct);
        if (children.Count == 0)
        {
            return;
        }
        var doctors = await db.Users.AsNoTracking().Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var rng = new Random(1806);
        var now = time.UtcNow();
        foreach (var c in children)
        {
            var doctorId = c.ResponsibleDoctorId ?? c.CreatedById;
            var doctor = doctors.GetValueOrDefault(doctorId) ?? "演示医生";
            // each child keeps roughly its own growth channel
            var (wz, hz) = (Normal(rng) * 0.9, Normal(rng) * 0.9);
            var hbAtSix = false;
            foreach (var age in CheckupItems.Ages)
            {
                var d = CheckupSchedule.Dates(c.BirthDate, age);
                var on = d.Target.AddDays(rng.NextDouble() < 0.8 ? rng.Next(0, 21) : rng.Next(0, Math.Max(1, d.AcceptUntil.DayNumber - d.Target.DayNumber)));
                // the check-up the child is in the window of now: still to do only in its first weeks (the work list's
                // items), as a clinic sees it; an earlier one was missed with the probability 1 − DoneRate
                var current = d.AcceptFrom <= today && today <= d.AcceptUntil;
                var missed = current ? today.DayNumber - d.Target.DayNumber < PendingDays && rng.NextDouble() > DoneRate - 0.3 : rng.NextDouble() > DoneRate;
                if (current && on > today && today.DayNumber - d.Target.DayNumber >= PendingDays)
                {
                    on = today.AddDays(-rng.Next(0, Math.Max(1, today.DayNumber - d.Target.DayNumber)));
                }
                if (on > today || missed)
                {
                    continue;
                }
                var form = Form(rng, c.Sex, c.BirthDate, age, on, wz + Normal(rng) * 0.3, hz + Normal(rng) * 0.3, doctor, hbAtSix);
                var assessment = CheckupAssessment.Of(form, c.BirthDate, c.Sex);
                if (assessment.ReferralSuggested)
                {
                    form = form with { Referral = new CheckupReferral(ReferralAdvice.Yes, string.Join("、", assessment.Problems.Select(p => p.Problem.Label())), "区妇幼保健院儿童保健科") };
                }
                if (ChildCheckupValidator.Validate(form, new CheckupContext(today, c.BirthDate, c.Sex, false, hbAtSix)).Count > 0)
                {
                    continue;
                }
                hbAtSix |= age == CheckupAge.Months6 && form.HaemoglobinGPerL is not null;
                var row = new ChildCheckupVisit
                {
                    HealthRecordId = c.Id, InstitutionId = c.ManagingInstitutionId, CreatedById = doctorId, CreatedByName = doctor,
                    CreatedAtUtc = now, UpdatedAtUtc = now, Version = 1,
                }.With(form, assessment);
                // a referral's result is recorded within 2 weeks, except for some of the last month's (open on the work list)
                if (row.Referral && (on < today.AddDays(-30) || rng.NextDouble() < 0.5) && on.AddDays(rng.Next(3, 14)) is var back && back <= today)
                {
                    (row.ReferralResultOn, row.ReferralResult) = (back, "已到上级医院儿童保健科就诊，按医嘱随访");
                }
                db.Add(row);
            }
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static ChildCheckup Form(Random rng, Sex sex, DateOnly birth, CheckupAge age, DateOnly on, double wz, double hz, string doctor, bool hbAtSix)
    {
        var days = WhoGrowth.AgeInDays(birth, on);
        var weight = WhoGrowth.ValueAt(GrowthIndicator.WeightForAge, sex, days, Math.Clamp(wz, -2.8, 2.8)) ?? 10;
        var height = WhoGrowth.ValueAt(GrowthIndicator.LengthHeightForAge, sex, days, Math.Clamp(hz, -2.8, 2.8)) ?? 80;
        bool S(CheckupItem item) => CheckupItems.Exists(item, age);
        int? hb = CheckupItems.HaemoglobinExpected(age, hbAtSix) ? rng.Next(100, 140) + (rng.NextDouble() < 0.05 ? -15 : 0) : null;
        var hearing = S(CheckupItem.Hearing) ? (rng.NextDouble() < 0.98 ? HearingScreen.Pass : HearingScreen.Fail) : (HearingScreen?)null;
        var normal = new Finding<ExamFinding>(ExamFinding.Normal);
        var months = (int)age;
        ChildCheckup form = CheckupItems.FormFor(age) switch
        {
            CheckupForm.UnderOne => new InfantCheckup
            {
                HeadCircumferenceCm = Math.Round(34m + Math.Min(months, 12) * 0.9m, 1),
                ComplexionEarly = S(CheckupItem.ComplexionEarly) ? new(ComplexionEarly.Rosy) : new(),
                Complexion = S(CheckupItem.Complexion) ? new(Complexion.Rosy) : new(),
                Skin = normal, Fontanelle = new(Fontanelle.Open, 1.5m, 1.5m), NeckMass = S(CheckupItem.NeckMass) ? NeckMass.Absent : null,
                Eyes = normal, Ears = normal, Hearing = hearing,
                Mouth = S(CheckupItem.Mouth) ? normal : new(),
                TeethErupted = S(CheckupItem.TeethErupted) ? Math.Max(0, months - 6 + rng.Next(0, 2)) : null,
                UmbilicusNewborn = S(CheckupItem.UmbilicusNewborn) ? new(UmbilicusNewborn.Detached) : new(),
                Umbilicus = S(CheckupItem.Umbilicus) ? normal : new(),
                Limbs = normal,
                RicketsSymptoms = S(CheckupItem.RicketsSymptoms) ? [RicketsSymptom.None] : [],
                RicketsSignsEarly = S(CheckupItem.RicketsSignsEarly) ? [RicketsSignEarly.None] : [],
                AnusGenitalia = normal, OutdoorHoursPerDay = months < 3 ? 0.5m : 1.5m,
                VitaminD = new("维生素D滴剂", 400), Development = DevelopmentAssessment.Pass, Illness = new(IllnessSinceLastVisit.None),
                InfantGuidance = [InfantGuidance.Feeding, InfantGuidance.Growth, InfantGuidance.DiseasePrevention],
            },
            CheckupForm.OneToTwo => new ToddlerCheckup
            {
                Complexion = new(Complexion.Rosy), Skin = normal,
                Fontanelle = S(CheckupItem.Fontanelle) ? (months >= 18 ? new(Fontanelle.Closed) : new(Fontanelle.Open, 0.5m, 0.5m)) : new(),
                Eyes = normal, Ears = normal, Hearing = hearing, TeethErupted = Math.Min(20, 6 + (months - 12)), Caries = rng.NextDouble() < 0.1 ? 1 : 0,
                Limbs = normal, Gait = S(CheckupItem.Gait) ? normal : new(), OutdoorHoursPerDay = 2m,
                VitaminD = S(CheckupItem.VitaminD) ? new("维生素D滴剂", 400) : new(),
                Development = S(CheckupItem.Development) ? DevelopmentAssessment.Pass : null, Illness = new(IllnessSinceLastVisit.None),
                InfantGuidance = S(CheckupItem.InfantGuidance) ? [InfantGuidance.Feeding, InfantGuidance.Growth] : [],
                ChildGuidance = S(CheckupItem.ChildGuidance) ? [ChildGuidance.Diet, ChildGuidance.Growth, ChildGuidance.OralHealth] : [],
            },
            _ => new PreschoolCheckup
            {
                Vision = S(CheckupItem.Vision) ? new(VisionChart.FivePoint, rng.NextDouble() < 0.95 ? 5.0m : 4.7m, 5.0m) : new(),
                Hearing = hearing, Teeth = 20, Caries = rng.NextDouble() < 0.25 ? rng.Next(1, 4) : 0,
                Illnesses = [new IllnessCount(PreschoolIllness.None)],
                ChildGuidance = [ChildGuidance.Diet, ChildGuidance.Growth, ChildGuidance.InjuryPrevention, ChildGuidance.OralHealth],
            },
        };
        return form with
        {
            Age = age, VisitDate = on, WeightKg = Math.Round((decimal)weight, 1), HeightCm = Math.Round((decimal)height, 1),
            HeartLungs = new(ExamFinding.Normal), Abdomen = new(ExamFinding.Normal), HaemoglobinGPerL = hb,
            Referral = new CheckupReferral(ReferralAdvice.No),
            NextVisitDate = CheckupSchedule.SuggestedNextVisit(birth, age), Doctor = doctor,
        };
    }

    private static double Normal(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
