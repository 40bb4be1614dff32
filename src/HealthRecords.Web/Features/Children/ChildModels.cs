using HealthRecords.Domain.Children;

namespace HealthRecords.Web.Features.Children;

/// <summary>
/// A check-up to save: the form (its <c>"form"</c> property names which of the three: <c>under-one</c>,
/// <c>one-to-two</c>, <c>three-to-six</c>); <see cref="Version"/> is required when updating.
/// </summary>
public sealed record ChildCheckupInput(ChildCheckup? Form, int? Version = null);

/// <summary>The result of a referral advised at a check-up (recorded within 2 weeks; closes the follow-up).</summary>
public sealed record ChildReferralResultInput(DateOnly? ResultOn, string? Result, int? Version);

/// <summary>One problem the system found and what the specification asks for it.</summary>
public sealed record ChildProblemView(ChildProblem Problem, string Label, ProblemAction Action, string ActionLabel, string Reason, bool Severe);

/// <summary>The system's reading of a check-up: z-scores, ratings, 体格发育评价, problems, guidance, next visit.</summary>
public sealed record ChildAssessmentView(
    int AgeInDays,
    double? WeightForAgeZ,
    double? HeightForAgeZ,
    double? WeightForStatureZ,
    string? WeightForStatureIndicator,
    GrowthRating? WeightRating,
    GrowthRating? HeightRating,
    IReadOnlyList<PhysicalDevelopment> Development,
    IReadOnlyList<ChildProblemView> Problems,
    IReadOnlyList<ChildGuidance> SuggestedGuidance,
    bool ReferralSuggested,
    DateOnly? SuggestedNextVisit);

/// <summary>A saved check-up with the system's assessment beside the doctor's form.</summary>
public sealed record ChildCheckupView(
    long Id,
    long RecordId,
    CheckupAge Age,
    string AgeLabel,
    DateOnly VisitDate,
    ChildCheckup Form,
    ChildAssessmentView Assessment,
    bool Referral,
    DateOnly? ReferralFollowUpDue,
    DateOnly? ReferralResultOn,
    string? ReferralResult,
    string CreatedByName,
    DateTime UpdatedAtUtc,
    int Version);

/// <summary>One line of a child's check-up list (the overview panel, the API's list).</summary>
public sealed record ChildCheckupSummary(
    long Id,
    CheckupAge Age,
    string AgeLabel,
    DateOnly VisitDate,
    decimal? WeightKg,
    decimal? HeightCm,
    GrowthRating? WeightRating,
    GrowthRating? HeightRating,
    string Development,
    string Problems,
    bool Referral,
    bool ReferralOpen,
    string CreatedByName);

/// <summary>One check-up of a child's schedule: its dates and whether (and when) it was done.</summary>
public sealed record ChildScheduleLine(CheckupAge Age, string AgeLabel, DateOnly Target, DateOnly OnTimeEnd, DateOnly AcceptFrom, DateOnly AcceptUntil,
    long? CheckupId, DateOnly? DoneOn, bool Overdue);

/// <summary>A child's check-ups, schedule and growth chart data: the overview panel's and the portal's source.</summary>
public sealed record ChildHealthView(
    long RecordId,
    DateOnly BirthDate,
    IReadOnlyList<ChildCheckupSummary> Checkups,
    IReadOnlyList<ChildScheduleLine> Schedule,
    IReadOnlyList<GrowthPoint> Points);

/// <summary>One measurement of the child on the growth chart.</summary>
public sealed record GrowthPoint(DateOnly On, int AgeInDays, decimal? WeightKg, decimal? HeightCm);

/// <summary>
/// A child's growth chart: weight-for-age and length/height-for-age reference curves (−2, 0, +2 SD of WHO, the child's
/// sex; x = age in days) from birth to the chart's end, and the child's own measurements.
/// </summary>
public sealed record ChildGrowthChartView(Sex Sex, IReadOnlyList<double> Lines, GrowthChart Weight, GrowthChart Height, IReadOnlyList<GrowthPoint> Points);
