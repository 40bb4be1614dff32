using HealthRecords.Domain.Immunisation;

namespace HealthRecords.Web.Features.Immunisation;

/// <summary>
/// Demo data shaped like a clinic's year: most children under 7 have a card made in their first month; their doses
/// follow the schedule visit by visit (Domain <see cref="ImmunizationPlanner.CatchUp"/> from the last visit), most a
/// few days after the earliest day, some weeks late; about one child in seven missed the visits of the last weeks, so
/// their next doses are due or overdue; the first child of each village has a contraindication on the card. The vaccinator is the child's responsible doctor.
/// Repeatable (seeded); called once after the demo residents are loaded.
/// </summary>
public static class DemoImmunisation
{
    private static readonly string[] Manufacturers = ["北京生物制品研究所", "长春生物制品研究所", "武汉生物制品研究所", "成都生物制品研究所", "上海生物制品研究所"];

    public static async Task AddAsync(HealthRecordsDbContext db, TimeProvider time, CancellationToken ct = default)
    {
        if (await db.Set<VaccinationDose>().AnyAsync(ct) || await db.Set<VaccinationCardForm>().AnyAsync(ct))
        {
            return;
        }
        var today = time.Today();
        var bornAfter = today.AddYears(-ImmunisationDueItems.UnderYears);
        var children = await db.HealthRecords.AsNoTracking()
            .Where(r => r.BirthDate > bornAfter && r.BirthDate <= today)
            .Select(r => new { r.Id, r.Name, r.Sex, r.BirthDate, r.ManagingInstitutionId, r.CreatedById, r.ResponsibleDoctorId, r.TownshipCode, r.VillageCode })
            .OrderBy(r => r.Id)
            .ToListAsync(ct);
        if (children.Count == 0)
        {
            return;
        }
        var doctors = await db.Users.AsNoTracking().Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var institutions = await db.Set<Institution>().AsNoTracking().Select(i => new { i.Id, i.Name }).ToDictionaryAsync(i => i.Id, i => i.Name, ct);
        var townships = await db.Set<Township>().AsNoTracking().Select(t => new { t.Code, t.Name }).ToDictionaryAsync(t => t.Code, t => t.Name, ct);
        var schedule = ImmunizationSchedules.ApplicableOn(ImmunizationSchedules.BuiltIn, today);
        var rng = new Random(18);
        var now = time.UtcNow();
        var villages = new HashSet<string>();
        foreach (var c in children)
        {
            var doctorId = c.ResponsibleDoctorId ?? c.CreatedById;
            var doctor = doctors.GetValueOrDefault(doctorId) ?? "演示医生";
            var institution = institutions.GetValueOrDefault(c.ManagingInstitutionId) ?? "乡镇卫生院";
            T Stamp<T>(T form) where T : Kernel.ServiceForm
            {
                form.HealthRecordId = c.Id;
                form.InstitutionId = c.ManagingInstitutionId;
                form.CreatedById = doctorId;
                form.CreatedByName = doctor;
                form.CreatedAtUtc = now;
                form.UpdatedAtUtc = now;
                form.Version = 1;
                return form;
            }
            var card = (VaccinationCardForm?)null;
            if (rng.NextDouble() < 0.95)
            {
                var created = Min(c.BirthDate.AddDays(rng.Next(1, 30)), today);
                card = Stamp(new VaccinationCardForm()).With(new VaccinationCard
                {
                    Name = c.Name, CardNumber = $"{rng.Next(100, 999)}-{rng.Next(10000, 99999)}", Sex = c.Sex, BirthDate = c.BirthDate,
                    Guardian = new Guardian("监护人", GuardianRelation.Mother),
                    HomeAddress = new TownshipAddress("重庆市", "重庆市", "大渡口区", townships.GetValueOrDefault(c.TownshipCode) ?? "跳磴镇"), HukouKind = HukouAddressKind.SameAsHome,
                    CreatedOn = created, CreatedBy = doctor,
                });
                db.Add(card);
            }
            var rows = new List<VaccinationDose>();
            var given = new List<Vaccination>();
            var from = c.BirthDate;
            // about one child in seven has missed the visits of the last weeks (due or overdue now, as a clinic sees it;
            // at one in twelve the fresh demo county had no dose due at all)
            var missedSince = rng.NextDouble() < 0.15 ? today.AddDays(-rng.Next(10, 45)) : today;
            for (var visit = 0; visit < 40; visit++)
            {
                var plan = ImmunizationPlanner.CatchUp(schedule, c.BirthDate, given, from).Visits;
                if (plan.Count == 0)
                {
                    break;
                }
                var (planned, doses) = plan[0];
                // most come within days of the earliest day; some weeks late; 乙肝 第1剂次 at birth
                var delay = planned == c.BirthDate ? 0 : rng.NextDouble() < 0.85 ? rng.Next(0, 5) : rng.Next(10, 45);
                var date = planned.AddDays(delay);
                if (date >= today || planned >= missedSince)
                {
                    break;
                }
                var batch = $"{date:yyyyMM}{rng.Next(100, 999)}";
                foreach (var d in doses)
                {
                    var code = d.Vaccines[0];
                    var vaccine = schedule.Vaccine(code)!;
                    var dose = new Vaccination(code, given.Count(g => g.VaccineCode == code) + 1, date,
                        vaccine.Injected ? (rng.Next(2) == 0 ? InjectionSite.Left : InjectionSite.Right) : null,
                        batch, Manufacturers[rng.Next(Manufacturers.Length)], doctor, institution, date.AddMonths(18), ScheduleCode: schedule.Code);
                    given.Add(dose);
                    var row = Stamp(new VaccinationDose()).With(dose, transcribed: false);
                    rows.Add(row);
                    db.Add(row);
                }
                from = date.AddDays(1);
            }
            DosePlacement.Place(schedule, c.BirthDate, rows);
            if (card is not null && ImmunisationReader.Appointment(schedule, c.BirthDate, given, today) is { } next)
            {
                card.AppointmentOn = next.Date;
                card.AppointmentDoses = string.Join("、", next.Doses);
                card.AppointmentPlace = institution;
            }
            // the first child of each village has a temporary contraindication on the card, cleared two weeks later in every other village
            if (villages.Add(c.VillageCode))
            {
                var on = Min(c.BirthDate.AddDays(rng.Next(30, 400)), today);
                var cleared = villages.Count % 2 == 0 && on.AddDays(14) <= today;
                db.Add(Stamp(new VaccinationContraindication()).With(new Contraindication("DTP", ContraindicationKind.Temporary, "上次接种后高热39.5℃", on,
                    cleared ? on.AddDays(14) : null, cleared ? doctor : null, cleared ? "体温正常，无其他不适" : null)));
            }
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
