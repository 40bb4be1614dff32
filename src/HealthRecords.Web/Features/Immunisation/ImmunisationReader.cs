using HealthRecords.Domain.Immunisation;

namespace HealthRecords.Web.Features.Immunisation;

/// <summary>
/// Reads a child's vaccination card through the kernel's reader (in scope or lent, audited): the card, the doses, and
/// what the domain planner says is due (<see cref="ImmunizationPlanner.NextDoses"/>), the catch-up plan from today
/// (<see cref="ImmunizationPlanner.CatchUp"/>) and the next appointment.
/// </summary>
public sealed class ImmunisationReader(HealthRecordsDbContext db, FormReader forms, ScheduleVersions versions, TimeProvider time)
{
    public async Task<ImmunisationCardView?> CardAsync(DataScope user, long recordId, CancellationToken ct, bool audited = true)
    {
        if (await forms.ReadAsync(user, recordId, "immunisation-card", ct, audited) == Residents.RecordAccess.None)
        {
            return null;
        }
        var record = await db.HealthRecords.AsNoTracking().Where(r => r.Id == recordId)
            .Select(r => new { r.Name, r.Sex, r.BirthDate }).FirstAsync(ct);
        var card = await db.Set<VaccinationCardForm>().AsNoTracking().FirstOrDefaultAsync(c => c.HealthRecordId == recordId, ct);
        var rows = await db.Set<VaccinationDose>().AsNoTracking().Where(d => d.HealthRecordId == recordId && d.VoidedOn == null)
            .OrderBy(d => d.GivenOn).ThenBy(d => d.Id).ToListAsync(ct);
        var contraindications = await db.Set<VaccinationContraindication>().AsNoTracking().Where(c => c.HealthRecordId == recordId)
            .OrderBy(c => c.RecordedOn).ToListAsync(ct);
        var today = time.Today();
        var checks = await db.Set<PreVaccinationCheckForm>().AsNoTracking().Where(c => c.HealthRecordId == recordId && c.CheckedOn == today)
            .OrderBy(c => c.Id).ToListAsync(ct);
        var schedule = await versions.CurrentAsync(ct);
        var doses = rows.Select(r => r.Dose).ToList();
        var due = Due(schedule, record.BirthDate, doses, today);
        var plan = ImmunizationPlanner.CatchUp(schedule, record.BirthDate, doses, today).Visits
            .Select(v => new VisitView(v.Date, v.Doses.Select(d => d.Title).ToArray(), v.Doses.Any(d => d.Late))).ToArray();
        return new ImmunisationCardView(recordId, record.Name, record.Sex, record.BirthDate, schedule.Code, schedule.Name,
            card?.Id, card?.Card, card?.Version,
            rows.Select(r => View(r, schedule)).ToArray(), due, plan,
            card?.AppointmentOn is DateOnly on ? new VisitView(on, (card.AppointmentDoses ?? "").Split('、', StringSplitOptions.RemoveEmptyEntries), false)
                : Appointment(schedule, record.BirthDate, doses, today),
            contraindications.Select(c => new ContraindicationView(c.Id, c.Contraindication, PreVaccinationRules.CardText(schedule, c.Contraindication),
                c.ClearedOn is null || c.ClearedOn > today, c.Version)).ToArray(),
            checks.Select(c => new PreVaccinationView(c.Id, c.Check, c.CreatedByName)).ToArray());
    }

    /// <summary>
    /// The day's batch of a vaccine (今日疫苗批号): batch, manufacturer and expiry of the last dose of it the user recorded
    /// today (not transcribed), offered for the next child so a dose is a few keystrokes. Null when none yet today.
    /// </summary>
    public async Task<Vaccination?> DayBatchAsync(DataScope user, string vaccineCode, CancellationToken ct)
    {
        var today = time.Today();
        return await db.Set<VaccinationDose>().AsNoTracking()
            .Where(d => d.CreatedById == user.UserId && d.GivenOn == today && d.VaccineCode == vaccineCode && !d.Transcribed && d.VoidedOn == null)
            .OrderByDescending(d => d.Id).Select(d => d.Dose).FirstOrDefaultAsync(ct);
    }

    /// <summary>The next dose of every routine series with its status and window.</summary>
    public static IReadOnlyList<DueDoseView> Due(ImmunizationSchedule schedule, DateOnly birthDate, IReadOnlyList<Vaccination> doses, DateOnly today) =>
        ImmunizationPlanner.NextDoses(schedule, birthDate, doses, today)
            .Select(n => new DueDoseView(n.Kind, n.Title, n.Series.Code, n.Rule.Number, n.Vaccines, n.Status, n.Status.Label(),
                n.Timing?.Earliest, n.Timing?.OnTimeEnd, n.Timing?.WindowEnd))
            .ToArray();

    /// <summary>
    /// The next appointment (004 二(二)3): the first visit of the catch-up plan after the last dose given, from today on
    /// (a dose given today books the next visit from tomorrow). Null when nothing remains.
    /// </summary>
    public static VisitView? Appointment(ImmunizationSchedule schedule, DateOnly birthDate, IReadOnlyCollection<Vaccination> doses, DateOnly today)
    {
        var last = doses.Count == 0 ? today.AddDays(-1) : doses.Max(d => d.Date);
        var next = ImmunizationPlanner.NextAppointment(schedule, birthDate, doses, last < today ? today.AddDays(-1) : last);
        return next is { } v ? new VisitView(v.Date, v.Doses.Select(d => d.Title).ToArray(), v.Doses.Any(d => d.Late)) : null;
    }

    public static DoseView View(VaccinationDose row, ImmunizationSchedule schedule) =>
        new(row.Id, row.Dose, schedule.Vaccine(row.VaccineCode) is { } v ? (v.Other ? row.Dose.OtherVaccineName ?? v.Name : v.Name) : row.VaccineCode,
            row.SeriesCode, row.SeriesDose, row.OnTime, row.Transcribed, row.CreatedByName, row.Version);
}
