using HealthRecords.Domain.Examinations;

namespace HealthRecords.Domain.Tcm;

/// <summary>The questions one constitution sums, and those scored in reverse (1→5, 2→4, 3→3, 4→2, 5→1).</summary>
public sealed record ConstitutionItems(TcmConstitution Constitution, IReadOnlyList<int> Questions, IReadOnlyList<int> Reversed);

/// <summary>One constitution's score and result: 是, 倾向是 (平和质: 基本是) or null for 否.</summary>
public sealed record ConstitutionScore(TcmConstitution Constitution, int Score, TcmAnswer? Result)
{
    public bool Found => Result is not null;

    /// <summary>As the form prints it: 是 / 倾向是 / 基本是 / 否.</summary>
    public string ResultLabel => Result is TcmAnswer a ? TcmRules.AnswerLabel(Constitution, a) : "否";
}

/// <summary>
/// The nine constitutions judged from one questionnaire: every score in the form's order, the constitutions found (兼夹体质
/// allowed), the one guiding the advice, and the notes the form asks to act on.
/// </summary>
public sealed record ConstitutionResult(IReadOnlyList<ConstitutionScore> Scores, TcmConstitution? Main, IReadOnlyList<TcmResultNote> Notes)
{
    public IReadOnlyList<TcmConstitution> Found => [.. Scores.Where(s => s.Found).Select(s => s.Constitution)];

    public ConstitutionScore this[TcmConstitution c] => Scores.Single(s => s.Constitution == c);

    /// <summary>An empty or contradictory result: check the answers again, or repeat the questionnaire after 2 weeks.</summary>
    public bool NeedsRecheck => Notes.Contains(TcmResultNote.NoneFound) || Notes.Contains(TcmResultNote.Contradictory);

    /// <summary>The same result as the 健康体检表's 中医体质辨识* item records it (one visit, two forms).</summary>
    public TcmConstitutions ForExamination() => new()
    {
        Balanced = this[TcmConstitution.Balanced].Result,
        QiDeficiency = this[TcmConstitution.QiDeficiency].Result,
        YangDeficiency = this[TcmConstitution.YangDeficiency].Result,
        YinDeficiency = this[TcmConstitution.YinDeficiency].Result,
        PhlegmDampness = this[TcmConstitution.PhlegmDampness].Result,
        DampHeat = this[TcmConstitution.DampHeat].Result,
        BloodStasis = this[TcmConstitution.BloodStasis].Result,
        QiStagnation = this[TcmConstitution.QiStagnation].Result,
        Inherited = this[TcmConstitution.Inherited].Result,
    };
}

/// <summary>体质判定标准 (老年人中医药健康管理服务记录表 附件 2; third-edition.md §1), as one table and one function.</summary>
public static class ConstitutionScoring
{
    /// <summary>The table, in the order the form prints the constitutions (the eight biased ones, then 平和质).</summary>
    public static readonly IReadOnlyList<ConstitutionItems> Table =
    [
        new(TcmConstitution.QiDeficiency, [2, 3, 4, 14], []),
        new(TcmConstitution.YangDeficiency, [11, 12, 13, 29], []),
        new(TcmConstitution.YinDeficiency, [10, 21, 26, 31], []),
        new(TcmConstitution.PhlegmDampness, [9, 16, 28, 32], []),
        new(TcmConstitution.DampHeat, [23, 25, 27, 30], []),
        new(TcmConstitution.BloodStasis, [19, 22, 24, 33], []),
        new(TcmConstitution.QiStagnation, [5, 6, 7, 8], []),
        new(TcmConstitution.Inherited, [15, 17, 18, 20], []),
        new(TcmConstitution.Balanced, [1, 2, 4, 5, 13], [2, 4, 5, 13]),
    ];

    /// <summary>体质判定标准: a biased constitution 是 from this sum, 倾向是 from <see cref="BiasedLeaning"/>; else 否.</summary>
    public const int BiasedYes = 11;
    public const int BiasedLeaning = 9;
    /// <summary>体质判定标准: 平和质 needs this sum, with every other constitution ≤ 8 (是) or ≤ 10 (基本是).</summary>
    public const int BalancedMinimum = 17;
    public const int OthersForBalancedYes = 8;
    public const int OthersForBalancedBasically = 10;

    /// <summary>One constitution's sum; a reversed question counts 6 − answer.</summary>
    public static int Score(ConstitutionItems items, IReadOnlyList<int> answers) =>
        items.Questions.Sum(q => items.Reversed.Contains(q) ? 6 - answers[q - 1] : answers[q - 1]);

    // 体质判定标准 (偏颇体质): 转化分 ≥ 11 是; 9–10 倾向是; ≤ 8 否.
    public static TcmAnswer? BiasedResult(int score) =>
        score >= BiasedYes ? TcmAnswer.Yes : score >= BiasedLeaning ? TcmAnswer.Leaning : null;

    // 体质判定标准 (平和质): ≥ 17 且其他8种体质得分都 ≤ 8 是; ≥ 17 且其他8种体质得分都 ≤ 10 基本是; 否则 否.
    public static TcmAnswer? BalancedResult(int score, int highestOther) =>
        score < BalancedMinimum ? null
        : highestOther <= OthersForBalancedYes ? TcmAnswer.Yes
        : highestOther <= OthersForBalancedBasically ? TcmAnswer.Leaning
        : null;

    /// <summary>
    /// Judges the nine constitutions from the 33 answers (each 1–5, in order; validate first with
    /// <see cref="TcmValidator"/>). Several may be found (兼夹体质); the main one is the found biased constitution with the
    /// highest score, or 平和质 when it alone is found; an empty result, both 阴虚质 and 阳虚质, or a tie for the main one
    /// add the note the form asks for.
    /// </summary>
    public static ConstitutionResult Judge(IReadOnlyList<int> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        if (answers.Count != TcmQuestions.Count || answers.Any(a => a is < 1 or > 5))
        {
            throw new ArgumentException("问卷须33题全部作答，每题1–5", nameof(answers));
        }
        var biased = Table.Where(t => t.Constitution != TcmConstitution.Balanced)
            .Select(t => Score(t, answers)).ToList();
        var scores = Table.Select((t, i) => t.Constitution == TcmConstitution.Balanced
                ? new ConstitutionScore(t.Constitution, Score(t, answers), BalancedResult(Score(t, answers), biased.Max()))
                : new ConstitutionScore(t.Constitution, biased[i], BiasedResult(biased[i])))
            .ToList();

        var notes = new List<TcmResultNote>();
        var found = scores.Where(s => s.Found).ToList();
        // third-edition.md §1 (the form's notes): no constitution at all → check the answers, or repeat after 2 weeks
        if (found.Count == 0)
        {
            notes.Add(TcmResultNote.NoneFound);
        }
        // third-edition.md §1 (the form's notes): contradictory results, e.g. both 阴虚 and 阳虚 → check, or repeat after 2 weeks
        if (found.Any(s => s.Constitution == TcmConstitution.YinDeficiency) && found.Any(s => s.Constitution == TcmConstitution.YangDeficiency))
        {
            notes.Add(TcmResultNote.Contradictory);
        }
        // third-edition.md §1 (the form's notes): the highest score guides the advice; a tie is left to the TCM doctor
        var foundBiased = found.Where(s => s.Constitution != TcmConstitution.Balanced).ToList();
        TcmConstitution? main = null;
        if (foundBiased.Count > 0)
        {
            var top = foundBiased.Max(s => s.Score);
            var leaders = foundBiased.Where(s => s.Score == top).ToList();
            if (leaders.Count == 1)
            {
                main = leaders[0].Constitution;
            }
            else
            {
                notes.Add(TcmResultNote.TiedForMain);
            }
        }
        else if (found.Count == 1)
        {
            main = TcmConstitution.Balanced;
        }
        return new ConstitutionResult(scores, main, notes);
    }

    /// <summary>The labels of the notes, for the page.</summary>
    public static IEnumerable<string> Messages(ConstitutionResult r) => r.Notes.Select(n => n.Label());
}
