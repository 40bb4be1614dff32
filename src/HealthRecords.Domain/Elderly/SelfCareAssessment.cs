using HealthRecords.Domain.Examinations;

namespace HealthRecords.Domain.Elderly;

/// <summary>The five items of 老年人生活自理能力评估表 (004 老年人健康管理服务规范 附表), in its order.</summary>
public enum SelfCareItem
{
    [Label("进餐")] Eating = 1,
    [Label("梳洗")] Grooming = 2,
    [Label("穿衣")] Dressing = 3,
    [Label("如厕")] Toileting = 4,
    [Label("活动")] Activity = 5,
}

/// <summary>The five judged scores of 老年人生活自理能力评估表; null where not assessed.</summary>
public sealed record SelfCareScores(int? Eating = null, int? Grooming = null, int? Dressing = null, int? Toileting = null, int? Activity = null)
{
    public int? Score(SelfCareItem item) => item switch
    {
        SelfCareItem.Eating => Eating,
        SelfCareItem.Grooming => Grooming,
        SelfCareItem.Dressing => Dressing,
        SelfCareItem.Toileting => Toileting,
        _ => Activity,
    };

    public bool IsEmpty => Eating is null && Grooming is null && Dressing is null && Toileting is null && Activity is null;
}

/// <summary>
/// 老年人生活自理能力评估表 (004 老年人健康管理服务规范 六、附件 附表): each item allows only the scores of its columns
/// (可自理 / 轻度依赖 / 中度依赖 / 不能自理); the total gives the band 0~3 可自理, 4~8 轻度依赖, 9~18 中度依赖, ≥19 不能自理,
/// which is the answer to the examination form's 老年人生活自理能力自我评估* (004 附件4).
/// </summary>
public static class SelfCareAssessment
{
    /// <summary>The allowed scores of each item, from the table's columns (a "—" column scores 0).</summary>
    public static IReadOnlyList<int> AllowedScores(SelfCareItem item) => item switch
    {
        // (1) 进餐: 独立完成 0, —, 需要协助 3, 完全需要帮助 5
        SelfCareItem.Eating => [0, 3, 5],
        // (2) 梳洗: 独立完成 0, 洗澡需要协助 1, 能完成部分梳洗活动 3, 完全需要帮助 7
        SelfCareItem.Grooming => [0, 1, 3, 7],
        // (3) 穿衣: 独立完成 0, —, 需要协助 3, 完全需要帮助 5
        SelfCareItem.Dressing => [0, 3, 5],
        // (4) 如厕: 可自控 0, 偶尔失禁 1, 经常失禁 5, 完全失禁 10
        SelfCareItem.Toileting => [0, 1, 5, 10],
        // (5) 活动: 独立完成所有活动 0, 借助较小的外力 1, 借助较大的外力 5, 卧床不起 10
        SelfCareItem.Activity => [0, 1, 5, 10],
        _ => [],
    };

    public static bool IsAllowed(SelfCareItem item, int score) => AllowedScores(item).Contains(score);

    /// <summary>The total when all five items are scored with allowed scores; otherwise null.</summary>
    public static int? Total(SelfCareScores scores)
    {
        var total = 0;
        foreach (var item in Enum.GetValues<SelfCareItem>())
        {
            if (scores.Score(item) is not int s || !IsAllowed(item, s))
            {
                return null;
            }
            total += s;
        }
        return total;
    }

    /// <summary>The band of a total: 0~3 可自理, 4~8 轻度依赖, 9~18 中度依赖, ≥19 不能自理.</summary>
    public static SelfCareLevel Band(int total) => total switch
    {
        < 0 => throw new ArgumentOutOfRangeException(nameof(total), total, "a total is never negative"),
        <= 3 => SelfCareLevel.Independent,
        <= 8 => SelfCareLevel.MildlyDependent,
        <= 18 => SelfCareLevel.ModeratelyDependent,
        _ => SelfCareLevel.Dependent,
    };

    /// <summary>The band of complete scores, or null while the table is incomplete or holds a score the table does not allow.</summary>
    public static SelfCareLevel? Level(SelfCareScores scores) => Total(scores) is int t ? Band(t) : null;

    /// <summary>Field errors for scores the table does not allow, keyed by item name ("eating", …).</summary>
    public static IEnumerable<(string Key, string Message)> Check(SelfCareScores scores)
    {
        foreach (var item in Enum.GetValues<SelfCareItem>())
        {
            if (scores.Score(item) is int s && !IsAllowed(item, s))
            {
                yield return (KeyOf(item), $"{item.Label()}评分只能是 {string.Join("/", AllowedScores(item))}");
            }
        }
        if (!scores.IsEmpty && Enum.GetValues<SelfCareItem>().Any(i => scores.Score(i) is null))
        {
            foreach (var item in Enum.GetValues<SelfCareItem>().Where(i => scores.Score(i) is null))
            {
                yield return (KeyOf(item), $"请为{item.Label()}评分（五项都评分后才能得出总分）");
            }
        }
    }

    public static string KeyOf(SelfCareItem item) => item switch
    {
        SelfCareItem.Eating => "eating",
        SelfCareItem.Grooming => "grooming",
        SelfCareItem.Dressing => "dressing",
        SelfCareItem.Toileting => "toileting",
        _ => "activity",
    };
}
