using HealthRecords.Domain.Immunisation;

namespace HealthRecords.Web.Features.Immunisation;

/// <summary>A 预防接种卡 to save (its dose table is recorded dose by dose); <see cref="Version"/> is required when updating.</summary>
public sealed record CardInput(VaccinationCard? Card, int? Version = null);

/// <summary>
/// A dose to record or correct. <see cref="Transcribed"/>: a dose given elsewhere copied onto the card (补录), which
/// needs no pre-vaccination check of ours. Doctor and institution default to the signed-in user and their institution.
/// </summary>
public sealed record DoseInput(Vaccination? Dose, bool Transcribed = false, int? Version = null);

/// <summary>Voids a dose recorded in error (作废), with the reason.</summary>
public sealed record VoidDoseInput(string? Reason, int? Version);

/// <summary>The pre-vaccination check of the day (004 二(二)1).</summary>
public sealed record PreVaccinationInput(PreVaccinationCheck? Check);

/// <summary>A contraindication to record, or (with <see cref="Version"/>) to clear.</summary>
public sealed record ContraindicationInput(Contraindication? Contraindication, int? Version = null);

/// <summary>One dose on the card, with where it falls in its series.</summary>
public sealed record DoseView(
    long Id, Vaccination Dose, string VaccineName, string? SeriesCode, int? SeriesDose, bool OnTime, bool Transcribed,
    string CreatedByName, int Version);

/// <summary>The next dose of a routine series for the child, with its window (应种 / 逾期未种 …).</summary>
public sealed record DueDoseView(
    string Kind, string Title, string Series, int DoseNumber, IReadOnlyList<string> Vaccines, DoseStatus Status, string StatusLabel,
    DateOnly? Earliest, DateOnly? OnTimeEnd, DateOnly? WindowEnd);

/// <summary>One visit of a catch-up plan, or the next appointment.</summary>
public sealed record VisitView(DateOnly Date, IReadOnlyList<string> Doses, bool Late);

public sealed record ContraindicationView(long Id, Contraindication Contraindication, string Text, bool InForce, int Version);

public sealed record PreVaccinationView(long Id, PreVaccinationCheck Check, string CreatedByName);

/// <summary>
/// A child's vaccination card as the clinic reads it: the card's fields (null until a card is made), the doses given, the
/// next dose of each series with its status, the catch-up plan from today, the appointment, contraindications in force
/// and the day's pre-vaccination checks. <c>Id</c> is the child's record id.
/// </summary>
public sealed record ImmunisationCardView(
    long Id, string Name, Sex Sex, DateOnly BirthDate, string ScheduleCode, string ScheduleName,
    long? CardId, VaccinationCard? Card, int? CardVersion,
    IReadOnlyList<DoseView> Doses, IReadOnlyList<DueDoseView> Due, IReadOnlyList<VisitView> CatchUp, VisitView? Appointment,
    IReadOnlyList<ContraindicationView> Contraindications, IReadOnlyList<PreVaccinationView> ChecksToday);

/// <summary>A card as saved.</summary>
public sealed record CardSaved(long Id, long RecordId, VaccinationCard Card, int Version);

/// <summary>A dose as saved, with the rules it was given against (with the reason) and the next appointment.</summary>
public sealed record DoseSaved(DoseView Dose, IReadOnlyList<RuleViolation> Violations, VisitView? Appointment);
