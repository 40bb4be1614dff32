namespace HealthRecords.Domain.Examinations;

/// <summary>
/// What a new annual examination takes over from the resident's previous one, for the user to confirm
/// (issue: "last year's values — medications, history, lifestyle — pre-fill this year's form"). Everything measured
/// or examined on the day (vital signs except height, self-assessments, organ function, physical exam, tests,
/// evaluation and guidance) starts blank; what the resident reports about habits and long-term treatment carries over.
/// 住院史 and 非免疫规划预防接种史 cover "最近1年内" (填表说明 10, 12) and so start blank too.
/// </summary>
public static class ExaminationPrefill
{
    /// <summary>The sections carried over, as shown to the user ("已按上次体检预填，请核对").</summary>
    public static readonly IReadOnlyList<string> CarriedSections = ["身高", "生活方式", "现存主要健康问题", "主要用药情况", "家庭病床史"];

    public static HealthExamination From(HealthExamination? previous, DateOnly examDate, string? doctor)
    {
        var blank = new HealthExamination { ExamDate = examDate, Doctor = doctor };
        if (previous is null)
        {
            return blank;
        }
        return blank with
        {
            General = new GeneralCondition { Height = previous.General.Height },
            Lifestyle = previous.Lifestyle,
            Problems = previous.Problems,
            Medications = previous.Medications.Where(m => !string.IsNullOrWhiteSpace(m.Name)).ToList(),
            // a home bed still open (no 撤床 date) is still there
            HomeBeds = previous.HomeBeds.Where(b => b.From is not null && b.To is null).ToList(),
        };
    }
}
