using HealthRecords.Domain.Immunisation;

namespace HealthRecords.Web.Features.Immunisation;

/// <summary>
/// Records, corrects and voids a dose through the kernel's write path. The dose is checked by Domain
/// <see cref="VaccinationValidator.CheckDose"/> against the schedule version in force on its date and the child's other
/// doses, pre-vaccination checks and contraindications (errors and unexplained rule violations: 400 keyed "dose.…");
/// every dose of the child is re-placed in its series (<see cref="DosePlacement"/>) and the card's next appointment set
/// (004 二(二)3), all in the dose's SaveChanges with its audit entry.
/// </summary>
public sealed class SaveDose(HealthRecordsDbContext db, FormWriter writer, ScheduleVersions versions, TimeProvider time)
{
    private const string Noun = "接种记录";
    private const string RoleCannot = "录入接种记录";

    public async Task<CommandResult<DoseSaved>> RecordAsync(DataScope user, long recordId, DoseInput input, CancellationToken ct)
    {
        if (input.Dose is not { } dose)
        {
            return CommandResult<DoseSaved>.Invalid("dose", "请填写接种记录");
        }
        var child = await ChildAsync(recordId, null, ct);
        dose = await CompleteAsync(user, dose, ct);
        var schedule = await versions.OnAsync(dose.Date == default ? time.Today() : dose.Date, ct);
        dose = dose with { ScheduleCode = schedule.Code };
        var outcome = new DoseOutcome();
        var result = await writer.CreateAsync(user, recordId, DoseSave("vaccination-create", dose, schedule, child, null, input.Transcribed, outcome), ct);
        return Saved(result, outcome.Check, outcome.Appointment, schedule);
    }

    /// <summary>Corrects a dose (its version required; a voided dose cannot be corrected).</summary>
    public async Task<CommandResult<DoseSaved>> CorrectAsync(DataScope user, long id, DoseInput input, CancellationToken ct)
    {
        if (input.Dose is not { } dose)
        {
            return CommandResult<DoseSaved>.Invalid("dose", "请填写接种记录");
        }
        var recordId = await db.Set<VaccinationDose>().Where(d => d.Id == id).Select(d => (long?)d.HealthRecordId).FirstOrDefaultAsync(ct);
        if (recordId is null)
        {
            return CommandResult<DoseSaved>.NotFound(RecordMessages.FormNotFound);
        }
        var child = await ChildAsync(recordId.Value, id, ct);
        dose = await CompleteAsync(user, dose, ct);
        var schedule = await versions.OnAsync(dose.Date == default ? time.Today() : dose.Date, ct);
        dose = dose with { ScheduleCode = schedule.Code };
        var outcome = new DoseOutcome();
        var result = await writer.UpdateAsync(user, id, input.Version, DoseSave("vaccination-update", dose, schedule, child, id, input.Transcribed, outcome), ct);
        return Saved(result, outcome.Check, outcome.Appointment, schedule);
    }

    /// <summary>Voids a dose recorded in error (作废): kept for the audit trail, left out of the card, the schedule and 接种率.</summary>
    public async Task<CommandResult<DoseSaved>> VoidAsync(DataScope user, long id, VoidDoseInput input, CancellationToken ct)
    {
        var recordId = await db.Set<VaccinationDose>().Where(d => d.Id == id).Select(d => (long?)d.HealthRecordId).FirstOrDefaultAsync(ct);
        if (recordId is null)
        {
            return CommandResult<DoseSaved>.NotFound(RecordMessages.FormNotFound);
        }
        var child = await ChildAsync(recordId.Value, null, ct);
        var schedule = await versions.CurrentAsync(ct);
        var reason = input.Reason?.Trim();
        var appointment = (VisitView?)null;
        var result = await writer.UpdateAsync(user, id, input.Version, new FormSave<VaccinationDose, NoFacts>
        {
            Action = "vaccination-void",
            Facts = NoFacts.None,
            Matches = d => d.VoidedOn == null,
            Check = (_, _, _) => string.IsNullOrEmpty(reason) ? CommandResult<VaccinationDose>.Invalid("reason", "请填写作废原因")
                : reason.Length > 200 ? CommandResult<VaccinationDose>.Invalid("reason", "作废原因不能超过200字") : null,
            Apply = (row, target) =>
            {
                row.VoidedOn = time.Today();
                row.VoidReason = reason;
                appointment = Place(schedule, target.BirthDate, child, null);
            },
            Detail = d => $"Vaccination {d.VaccineCode} #{d.DoseNumber} {d.GivenOn:yyyy-MM-dd} voided",
            Noun = Noun,
            RoleCannot = RoleCannot,
        }, ct);
        return Saved(result, null, appointment, schedule);
    }

    /// <summary>The child's doses (tracked: their placement is rewritten), checks and contraindications, and card.</summary>
    private async Task<ChildDoses> ChildAsync(long recordId, long? editing, CancellationToken ct)
    {
        var doses = await db.Set<VaccinationDose>().Where(d => d.HealthRecordId == recordId).ToListAsync(ct);
        var checks = await db.Set<PreVaccinationCheckForm>().AsNoTracking().Where(c => c.HealthRecordId == recordId).Select(c => c.Check).ToListAsync(ct);
        var contraindications = await db.Set<VaccinationContraindication>().AsNoTracking().Where(c => c.HealthRecordId == recordId)
            .Select(c => c.Contraindication).ToListAsync(ct);
        var card = await db.Set<VaccinationCardForm>().FirstOrDefaultAsync(c => c.HealthRecordId == recordId, ct);
        return new ChildDoses(doses, checks, contraindications, card, editing);
    }

    /// <summary>Fills the vaccinating doctor and institution from the signed-in user when left empty (the busy clinic day).</summary>
    private async Task<Vaccination> CompleteAsync(DataScope user, Vaccination dose, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(dose.Doctor))
        {
            dose = dose with { Doctor = user.DisplayName };
        }
        if (string.IsNullOrWhiteSpace(dose.Institution) && user.InstitutionId is int institution)
        {
            dose = dose with { Institution = await db.Set<Institution>().Where(i => i.Id == institution).Select(i => i.Name).FirstOrDefaultAsync(ct) };
        }
        return dose;
    }

    /// <summary>What a dose's save found, read after the write path ran the checks and applied the row.</summary>
    private sealed class DoseOutcome
    {
        public DoseCheck? Check;
        public VisitView? Appointment;
    }

    /// <summary>The one save of a dose, recorded or corrected (<paramref name="editing"/>: the dose being corrected, not voided).</summary>
    private FormSave<VaccinationDose, NoFacts> DoseSave(string action, Vaccination dose, ImmunizationSchedule schedule, ChildDoses child,
        long? editing, bool transcribed, DoseOutcome outcome) => new()
    {
        Action = action,
        Facts = NoFacts.None,
        Matches = editing is null ? null : d => d.VoidedOn == null, // a voided dose cannot be corrected
        Check = (target, _, today) => Check(dose, schedule, target.BirthDate, today, child, editing, transcribed, out outcome.Check),
        Apply = (row, target) =>
        {
            row.With(dose, transcribed);
            outcome.Appointment = Place(schedule, target.BirthDate, child, row);
        },
        Detail = d => $"Vaccination {d.VaccineCode} #{d.DoseNumber} {d.GivenOn:yyyy-MM-dd}",
        Duplicate = d => CommandResult<VaccinationDose>.Invalid("dose.doseNumber", $"{schedule.Vaccine(d.VaccineCode)?.Name ?? d.VaccineCode}第{d.DoseNumber}剂次已有记录，不能重复录入"),
        Noun = Noun,
        RoleCannot = RoleCannot,
    };

    private static CommandResult<VaccinationDose>? Check(
        Vaccination dose, ImmunizationSchedule schedule, DateOnly birthDate, DateOnly today, ChildDoses child, long? editing, bool transcribed, out DoseCheck check)
    {
        var recorded = child.Doses.Where(d => d.VoidedOn is null && d.Id != editing).Select(d => d.Dose).ToList();
        check = VaccinationValidator.CheckDose(dose, schedule,
            new DoseContext(today, birthDate, recorded, transcribed ? null : child.Checks, child.Contraindications));
        return FormWriter.Invalid<VaccinationDose>(FormWriter.Under("dose", check.Errors));
    }

    /// <summary>Re-places every dose of the child (with the new one) and sets the card's next appointment, which it returns.</summary>
    private VisitView? Place(ImmunizationSchedule schedule, DateOnly birthDate, ChildDoses child, VaccinationDose? added)
    {
        var rows = child.Doses.Where(d => !ReferenceEquals(d, added)).Append(added).OfType<VaccinationDose>().ToList();
        DosePlacement.Place(schedule, birthDate, rows);
        var live = rows.Where(r => r.VoidedOn is null).Select(r => r.Dose).ToList();
        var appointment = ImmunisationReader.Appointment(schedule, birthDate, live, time.Today());
        if (child.Card is { } card)
        {
            card.AppointmentOn = appointment?.Date;
            card.AppointmentDoses = appointment is null ? null : Truncate(string.Join("、", appointment.Doses), 500);
            // the place: where the child was last vaccinated
            card.AppointmentPlace = appointment is null ? null : live.OrderBy(d => d.Date).LastOrDefault()?.Institution is { } place ? Truncate(place, 100) : null;
        }
        return appointment;
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];

    private CommandResult<DoseSaved> Saved(CommandResult<VaccinationDose> result, DoseCheck? check, VisitView? appointment, ImmunizationSchedule schedule) =>
        result.Succeeded ? CommandResult<DoseSaved>.Ok(new DoseSaved(ImmunisationReader.View(result.Value!, schedule), check?.Violations ?? [], appointment)) : result.As<DoseSaved>();

    private sealed record ChildDoses(
        List<VaccinationDose> Doses, List<PreVaccinationCheck> Checks, List<Contraindication> Contraindications, VaccinationCardForm? Card, long? Editing);
}
