using HealthRecords.Domain.Examinations;

namespace HealthRecords.Web.Features.Examinations;

/// <summary>Body of create and update: the whole form, and on update the version it was read at.</summary>
public sealed record ExaminationInput
{
    public HealthExamination Form { get; init; } = new();
    /// <summary>Required on update: the <see cref="ExaminationDetail.Version"/> that was read; an older one gets 409.</summary>
    public int? Version { get; init; }
}

/// <summary>Who is examined and what applies to them: sex, age, programmes, and each * item's requirement.</summary>
public sealed record ExaminationContext(
    long HealthRecordId,
    string RecordNumber,
    string Name,
    Sex Sex,
    DateOnly BirthDate,
    int Age,
    bool Elderly,
    KeyPopulation Programmes,
    bool ShowsGynaecology,
    bool Active,
    IReadOnlyList<StarItemRule> StarItems);

/// <summary>A saved examination with what it lacks for completeness.</summary>
public sealed record ExaminationDetail(
    long Id,
    ExaminationContext Context,
    HealthExamination Form,
    bool Complete,
    IReadOnlyList<MissingItem> Missing,
    int Version,
    string CreatedByName,
    DateTime UpdatedAtUtc);

/// <summary>One line of a resident's examination history.</summary>
public sealed record ExaminationSummary(
    long Id,
    DateOnly ExamDate,
    int? Systolic,
    int? Diastolic,
    double? Bmi,
    SelfCareLevel? SelfCareLevel,
    HealthEvaluation? Evaluation,
    bool Complete,
    string CreatedByName);

/// <summary>A new form, pre-filled from the resident's previous examination for the user to confirm.</summary>
public sealed record ExaminationDraft(
    ExaminationContext Context,
    HealthExamination Form,
    DateOnly? PrefilledFrom,
    IReadOnlyList<string> PrefilledSections);
