using HealthRecords.Domain.Examinations;
using HealthRecords.Domain.Maternal;
using HealthRecords.Web.Features.Demo;

namespace HealthRecords.Web.Features.Maternal;

/// <summary>
/// Demo pregnancies at about 8 live births per 1,000 residents a year, spread over the last 14 months: most registered
/// early and followed on schedule, some registered late, some rounds, postpartum visits and 42-day checks missed, so the
/// episodes look like a working year. One complete episode and one newborn visit are always in the demo village
/// doctor's villages. Deterministic (fixed seed).
/// </summary>
public static class DemoMaternal
{
    public static async Task AddAsync(HealthRecordsDbContext db, TimeProvider time, CancellationToken ct = default)
    {
        if (await db.Pregnancies.AnyAsync(ct))
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
        var (oldest, youngest) = (today.AddYears(-40), today.AddYears(-20));
        var women = await db.HealthRecords.AsNoTracking()
            .Where(r => r.Status == RecordStatus.Active && r.Sex == Sex.Female && r.BirthDate > oldest && r.BirthDate <= youngest)
            .OrderBy(r => r.Id).Select(r => new { r.Id, r.VillageCode }).ToListAsync(ct);
        var rng = new Random(17);
        // 8 per 1,000 a year over 14 months of last periods (some still pregnant, some delivered)
        var wanted = Math.Max(1, (int)Math.Round(residents * 8 / 1000.0 * 14 / 12));
        var chosen = women.Where(w => DemoAccounts.ClinicVillages.Contains(w.VillageCode)).Take(1)
            .Concat(women.OrderBy(_ => rng.Next()).Take(wanted)).DistinctBy(w => w.Id).Take(wanted).ToList();
        for (var i = 0; i < chosen.Count; i++)
        {
            // the first (in the clinic's villages) is complete: delivered 50 days ago, everything done
            var complete = i == 0;
            var lmp = complete ? today.AddDays(-330) : today.AddDays(-rng.Next(60, 480));
            var regDay = complete ? 70 : rng.NextDouble() < 0.85 ? rng.Next(42, 85) : rng.Next(91, 150);
            var registered = lmp.AddDays(regDay);
            if (registered > today)
            {
                continue;
            }
            var edd = PregnancyDating.ByFormRule(lmp)!.Value;
            var episode = doctor.Stamp(new PregnancyEpisode(), chosen[i].Id).With(Registration(registered, lmp, edd));
            db.Pregnancies.Add(episode);
            await db.SaveChangesAsync(ct);
            var dating = episode.Dating;
            var delivered = lmp.AddDays(complete ? 280 : rng.Next(266, 288));
            db.PrenatalVisits.Add(doctor.Stamp(new PrenatalVisitForm { PregnancyId = episode.Id }, episode.HealthRecordId)
                .With(FirstVisit(registered, lmp, edd, doctor.DisplayName, dating), PrenatalRules.Advise(FirstVisit(registered, lmp, edd, doctor.DisplayName, dating))));
            foreach (var window in PrenatalRounds.Windows.Where(w => w.Round > 1))
            {
                var on = dating.DayOf(window.From)!.Value.AddDays(rng.Next(0, 7));
                if (on <= registered || on > today || on >= delivered || (!complete && rng.NextDouble() < 0.12))
                {
                    continue;
                }
                var visit = PrenatalVisit(window.Round, on, doctor.DisplayName, dating);
                db.PrenatalVisits.Add(doctor.Stamp(new PrenatalVisitForm { PregnancyId = episode.Id }, episode.HealthRecordId).With(visit, PrenatalRules.Advise(visit)));
            }
            if (delivered <= today)
            {
                episode.With(Delivery(delivered, lmp));
                var home = delivered.AddDays(2);
                var visitOn = home.AddDays(rng.Next(3, 6));
                if (visitOn <= today && (complete || rng.NextDouble() < 0.85))
                {
                    db.PostpartumVisits.Add(doctor.Stamp(new PostpartumForm { PregnancyId = episode.Id }, episode.HealthRecordId).With(Postpartum(visitOn, delivered, doctor.DisplayName)));
                }
                var checkOn = delivered.AddDays(42 + rng.Next(0, 4));
                if (checkOn <= today && (complete || rng.NextDouble() < 0.8))
                {
                    var check = Check42(checkOn, doctor.DisplayName);
                    db.PostpartumVisits.Add(doctor.Stamp(new PostpartumForm { PregnancyId = episode.Id }, episode.HealthRecordId).With(check));
                    episode.With(PregnancyRules.EndingFrom(check)!);
                }
            }
            await db.SaveChangesAsync(ct);
        }
        // a newborn visit on the youngest child of the clinic's villages, five days after birth
        var baby = await db.HealthRecords.AsNoTracking().Where(r => DemoAccounts.ClinicVillages.Contains(r.VillageCode) && r.Status == RecordStatus.Active)
            .OrderByDescending(r => r.BirthDate).Select(r => new { r.Id, r.Sex, r.BirthDate, r.Name }).FirstOrDefaultAsync(ct);
        if (baby is not null && baby.BirthDate.AddDays(5) <= today)
        {
            db.NewbornVisits.Add(doctor.Stamp(new NewbornVisitForm(), baby.Id).With(Newborn(baby.Name, baby.BirthDate.AddDays(5), baby.BirthDate, baby.Sex, doctor.DisplayName)));
            await db.SaveChangesAsync(ct);
        }
    }

    // ---- forms as a doctor fills them in for a normal pregnancy (also the API tests' valid forms) ---------------------

    public static Pregnancy Registration(DateOnly on, DateOnly lmp, DateOnly edd) => new()
    {
        RegisteredOn = on,
        Facts = new PregnancyFacts { LastMenstrualPeriod = lmp, ExpectedDelivery = edd, Gravidity = 1, Parity = 0, VaginalDeliveries = 0, Caesareans = 0 },
    };

    /// <summary>A normal 第1次产前随访, 孕周 and BMI computed.</summary>
    public static FirstPrenatalVisit FirstVisit(DateOnly on, DateOnly lmp, DateOnly edd, string doctor, PregnancyDating dating) => PrenatalRules.WithComputed(new FirstPrenatalVisit
    {
        VisitDate = on,
        Pregnancy = new PregnancyFacts { LastMenstrualPeriod = lmp, ExpectedDelivery = edd, Gravidity = 1, Parity = 0, VaginalDeliveries = 0, Caesareans = 0 },
        PastIllnesses = [PastIllness.None],
        ObstetricHistory = new ObstetricHistory { Abortions = 0 },
        HeightCm = 160,
        WeightKg = 55,
        Systolic = 110,
        Diastolic = 70,
        Heart = new(CheckResult.Normal),
        Lungs = new(CheckResult.Normal),
        Labs = new FirstVisitLabs { Haemoglobin = 120, UrineProtein = "-" },
        Assessment = new(CheckResult.Normal),
        Guidance = [FirstVisitGuidance.Nutrition],
        Referral = new VisitReferral { Referred = Presence.None },
        NextVisitDate = dating.DayOf(GestationalAge.AtWeek(16)) is DateOnly next && next > on ? next : on.AddDays(28),
        Doctor = doctor,
    }, dating, new DateOnly(1995, 1, 1));

    /// <summary>A normal visit of round 2–5 on <paramref name="on"/>.</summary>
    public static PrenatalVisit PrenatalVisit(int round, DateOnly on, string doctor, PregnancyDating dating) => PrenatalRules.WithComputed(new PrenatalVisit
    {
        Round = round,
        VisitDate = on,
        Systolic = 112,
        Diastolic = 72,
        FetalHeartRate = 145,
        Haemoglobin = 118,
        UrineProtein = "-",
        Classification = new(CheckResult.Normal),
        Guidance = [1, 2],
        Referral = new VisitReferral { Referred = Presence.None },
        Doctor = doctor,
    }, dating);

    public static DeliveryInfo Delivery(DateOnly on, DateOnly lmp) => new()
    {
        DeliveredOn = on,
        DischargedOn = on.AddDays(2),
        Place = DeliveryPlace.Hospital,
        Institution = "大渡口区妇幼保健院",
        Mode = BirthCircumstance.Spontaneous,
        GestationWeeks = (on.DayNumber - lmp.DayNumber) / 7,
        Babies = [new Baby { Outcome = BirthOutcome.LiveBirth, Sex = Sex.Female, BirthWeightKg = 3.2m, BirthLengthCm = 50, DischargedOn = on.AddDays(2) }],
    };

    private static readonly PuerperalExam Normal = new()
    {
        Breasts = new(CheckResult.Normal), Lochia = new(CheckResult.Normal), Uterus = new(CheckResult.Normal), Wound = new(CheckResult.Normal),
    };

    public static PostpartumVisit Postpartum(DateOnly on, DateOnly delivered, string doctor) => new()
    {
        VisitDate = on,
        TemperatureC = 36.8m,
        GeneralHealth = "良好",
        MentalState = "良好",
        Systolic = 118,
        Diastolic = 76,
        Exam = Normal,
        Classification = new(CheckResult.Normal),
        Guidance = [PostpartumGuidance.Breastfeeding, PostpartumGuidance.NewbornCare],
        Referral = new VisitReferral { Referred = Presence.None },
        NextVisitDate = PostpartumRules.SuggestNextVisit(delivered),
        Doctor = doctor,
    };

    public static Postpartum42DayCheck Check42(DateOnly on, string doctor) => new()
    {
        VisitDate = on,
        GeneralHealth = "良好",
        MentalState = "良好",
        Systolic = 112,
        Diastolic = 70,
        Exam = Normal,
        Classification = new(RecoveryClass.Recovered),
        Guidance = [Check42Guidance.Contraception],
        Disposition = Check42Disposition.Close,
        Doctor = doctor,
    };

    private static readonly NewbornExam NormalExam = new()
    {
        Eyes = new(CheckResult.Normal), Limbs = new(CheckResult.Normal), Ears = new(CheckResult.Normal), NeckMass = new(NoYes.No),
        Nose = new(CheckResult.Normal), Skin = new(NewbornSkin.Normal), Mouth = new(CheckResult.Normal), Anus = new(CheckResult.Normal),
        HeartAndLungs = new(CheckResult.Normal), Genitalia = new(CheckResult.Normal), Abdomen = new(CheckResult.Normal), Spine = new(CheckResult.Normal),
    };

    public static NewbornVisit Newborn(string name, DateOnly on, DateOnly born, Sex sex, string doctor) => new()
    {
        Name = name,
        Sex = sex is Sex.Male or Sex.Female ? sex : Sex.Female,
        BirthDate = born,
        GestationWeeks = 39,
        BirthCircumstances = [BirthCircumstance.Spontaneous],
        Asphyxia = Presence.None,
        Apgar1 = 9,
        Apgar5 = 10,
        Malformation = new(NoYes.No),
        HearingScreening = HearingScreening.Passed,
        MetabolicScreening = [MetabolicScreening.Hypothyroidism, MetabolicScreening.Phenylketonuria],
        BirthWeightKg = 3.2m,
        WeightKg = 3.1m,
        BirthLengthCm = 50,
        Feeding = FeedingMode.ExclusiveBreastfeeding,
        TemperatureC = 36.8m,
        Pulse = 140,
        Respiration = 42,
        Complexion = new(Complexion.Rosy),
        Fontanelle = new(Fontanelle.Normal),
        FontanelleWidthCm = 2,
        FontanelleLengthCm = 2,
        Exam = NormalExam,
        Umbilicus = new(Umbilicus.Attached),
        Referral = new VisitReferral { Referred = Presence.None },
        Guidance = [NewbornGuidance.Feeding, NewbornGuidance.DiseasePrevention],
        VisitDate = on,
        NextVisitPlace = "跳磴镇卫生院",
        NextVisitDate = born.AddDays(28),
        Doctor = doctor,
    };
}
