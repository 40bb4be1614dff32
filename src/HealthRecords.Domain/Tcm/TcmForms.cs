using HealthRecords.Domain.Examinations;

namespace HealthRecords.Domain.Tcm;

/// <summary>中医药保健指导 for one constitution found: the ticks, and 其他 in words.</summary>
public sealed record ConstitutionGuidance(TcmConstitution Constitution, IReadOnlyList<TcmGuidance> Items, string? Other = null);

/// <summary>
/// 老年人中医药健康管理服务记录表 (第三版 老年人中医药健康管理服务规范 附件; third-edition.md §1): the 33 answers, the
/// guidance per constitution found, the date and the doctor. Scores and results are computed, never typed
/// (<see cref="ConstitutionScoring.Judge"/>).
/// </summary>
public sealed record ElderlyTcmRecord
{
    /// <summary>填表日期.</summary>
    public DateOnly FilledOn { get; init; }
    /// <summary>The answers to questions (1)–(33), each 1–5; null for a question not answered.</summary>
    public IReadOnlyList<int?> Answers { get; init; } = [];
    /// <summary>中医药保健指导, one entry per constitution found.</summary>
    public IReadOnlyList<ConstitutionGuidance> Guidance { get; init; } = [];
    /// <summary>医生签名.</summary>
    public string? Doctor { get; init; }

    /// <summary>The result, or null while an answer is missing or out of range.</summary>
    public ConstitutionResult? Result =>
        Answers.Count == TcmQuestions.Count && Answers.All(a => a is >= 1 and <= 5)
            ? ConstitutionScoring.Judge([.. Answers.Select(a => a!.Value)])
            : null;
}

/// <summary>
/// 中医药健康管理服务 given at a 6–36-month check-up (third-edition.md §2), recorded as its own small form until the
/// child check-up forms (issue Step 7) carry it.
/// </summary>
public sealed record ChildTcmGuidance
{
    /// <summary>The day it was given.</summary>
    public DateOnly Date { get; init; }
    /// <summary>The check-up: 6, 12, 18, 24, 30 or 36 months.</summary>
    public int AgeMonths { get; init; }
    public IReadOnlyList<ChildTcmGuidanceItem> Items { get; init; } = [];
    public string? Other { get; init; }
    public string? Doctor { get; init; }
}
