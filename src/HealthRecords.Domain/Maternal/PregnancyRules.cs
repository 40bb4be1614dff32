namespace HealthRecords.Domain.Maternal;

/// <summary>The decision rules about a pregnancy episode as a whole, each one function.</summary>
public static class PregnancyRules
{
    /// <summary>早孕建册: registered before this 孕周 (i.e. by 孕12周+6天).</summary>
    public static readonly GestationalAge EarlyRegistrationBefore = GestationalAge.AtWeek(13);

    /// <summary>The youngest age at which a pregnancy is accepted; younger is taken for a wrong record (a child picked by mistake).</summary>
    public const int MinimumAge = 10;

    /// <summary>Earliest 孕周 at which a pregnancy can have been confirmed, for registration and the first visit.</summary>
    public static readonly GestationalAge EarliestConfirmed = GestationalAge.AtWeek(4);

    /// <summary>Latest 孕周 a woman can still be pregnant (a registration or prenatal visit later than this is a dating error).</summary>
    public static readonly GestationalAge LatestPregnant = new(42, 6);

    /// <summary>A pregnancy ending before this 孕周 is a miscarriage (流产: 妊娠不足28周终止); from it on, a delivery.</summary>
    public static readonly GestationalAge DeliveryFrom = GestationalAge.AtWeek(28);

    // 004 孕产妇 五(一) 早孕建册率 and 二(一)1 (孕12周前建册), read as "before 13 weeks", i.e. up to 孕12周+6天
    // (the 3rd edition writes 孕13周前). A woman first known at delivery was not registered early.
    public static bool IsEarlyRegistration(Pregnancy episode) =>
        episode.Opening == EpisodeOpening.Registration
        && episode.Facts.Dating.On(episode.RegisteredOn) is GestationalAge age
        && age < EarlyRegistrationBefore;

    // 004 孕产妇 一: 服务对象 辖区内居住的孕产妇 — a woman, old enough to be pregnant. Returns the Chinese reason when not.
    public static string? WhyCannotBePregnant(Sex sex, DateOnly birthDate, DateOnly on)
    {
        if (sex != Sex.Female)
        {
            return $"该居民的性别为“{sex.Label()}”，只能为女性建立孕产妇保健手册，请核对是否选错了居民";
        }
        if (on < birthDate)
        {
            return "日期早于该居民的出生日期，请核对";
        }
        var age = Age.AgeOn(birthDate, on);
        return age < MinimumAge
            ? $"该居民{age}岁，不能建立孕产妇保健手册，请核对是否选错了居民"
            : null;
    }

    // issue #17: one open pregnancy at a time; earlier ones are kept.
    public static bool HasOpenEpisode(IEnumerable<EarlierPregnancy> episodes) => episodes.Any(e => e.EndedOn is null);

    /// <summary>Where the episode stands: pregnant until a delivery, postpartum until it ends.</summary>
    public static PregnancyStage Stage(DateOnly? deliveredOn, EpisodeEnding? ending) =>
        ending is not null ? PregnancyStage.Ended
        : deliveredOn is not null ? PregnancyStage.Postpartum
        : PregnancyStage.Pregnant;

    // 004 孕产妇 附件4 填表说明 6: 若产妇已恢复正常，则结案 — a 42-day check whose 处理 is 结案 ends the episode on its date.
    public static EpisodeEnding? EndingFrom(Postpartum42DayCheck check) =>
        check.Disposition == Check42Disposition.Close ? new EpisodeEnding(EpisodeEndReason.Closed, check.VisitDate) : null;

    // 流产: a pregnancy ending before 28 weeks (the Chinese definition, 妊娠不足28周终止); later it is a delivery.
    public static bool IsMiscarriageAge(GestationalAge age) => age < DeliveryFrom;
}
