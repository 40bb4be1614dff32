using HealthRecords.Domain.Measures;

namespace HealthRecords.Domain.HealthEducation;

/// <summary>One figure of a 考核指标 for an institution and period, with the activity records behind it.</summary>
/// <param name="Code">Stable key ("printed-kinds").</param>
/// <param name="Name">Chinese name shown.</param>
/// <param name="MeasureCode">The <see cref="MeasureDefinition.Code"/> it belongs to; null for a figure the issue adds
/// (individual education, TCM share).</param>
/// <param name="Value">The count.</param>
/// <param name="RecordIds">The activities (or, for boards, the boards) the figure counts.</param>
public sealed record EducationFigure(string Code, string Name, string? MeasureCode, int Value, IReadOnlyList<long> RecordIds);

/// <summary>
/// The four 考核指标 of 004 健康教育 五. They are counts, not rates: each is a few figures per institution and period
/// (kinds, copies, times, minutes, participants), computed by <see cref="EducationCounting.Figures"/> from the
/// activity records, every figure with the records behind it.
/// </summary>
public static class HealthEducationMeasures
{
    private const string NoDenominator = "无（计数指标：按机构和期间统计，不计比率）";

    public static readonly MeasureDefinition PrintedMaterials = new(
        "health-education-printed", "发放健康教育印刷资料的种类和数量", "health-education",
        "期内发放的印刷资料种类（按资料名称计，同名为一种）和份数（折页、处方、手册及其他印刷资料）", NoDenominator,
        "004 健康教育服务规范 五(一)");

    public static readonly MeasureDefinition AudioVideo = new(
        "health-education-audio-video", "播放健康教育音像资料的种类、次数和时间", "health-education",
        "期内播放的音像资料种类（按名称计）、播放次数和播放时间（分钟，播放音像资料活动的时长）", NoDenominator,
        "004 健康教育服务规范 五(二)");

    public static readonly MeasureDefinition BulletinBoards = new(
        "health-education-bulletin-boards", "健康教育宣传栏设置和内容更新情况", "health-education",
        "期末面积不少于2平方米的宣传栏个数，期内宣传栏内容更换次数", NoDenominator,
        "004 健康教育服务规范 五(三)");

    public static readonly MeasureDefinition LecturesAndConsultations = new(
        "health-education-lectures-consultations", "举办健康教育讲座和健康教育咨询活动的次数和参加人数", "health-education",
        "期内健康知识讲座次数及参加人数，公众健康咨询活动次数及参加人数", NoDenominator,
        "004 健康教育服务规范 五(四)");

    public static readonly IReadOnlyList<MeasureDefinition> All = [PrintedMaterials, AudioVideo, BulletinBoards, LecturesAndConsultations];
}

/// <summary>Which activities count toward which figure, and the figures of a period.</summary>
public static class EducationCounting
{
    /// <summary>Hands out printed material: any printed line with a count (whatever the activity's form, since
    /// consultation events and lectures hand out material too).</summary>
    // 004 健康教育 二(二)1(1), 二(二)3: 开展健康咨询活动并发放宣传资料
    public static bool HandsOutPrinted(HealthEducationActivity a) => a.Materials.Any(m => m.IsPrinted && m.Quantity > 0);

    /// <summary>Plays audio-video material: an audio-video line in any activity.</summary>
    // 004 健康教育 二(二)1(2): 在 … 候诊区、观察室、健教室等场所或活动现场播放
    public static bool PlaysAudioVideo(HealthEducationActivity a) => a.Materials.Any(m => m.Kind == MaterialKind.AudioVideo && m.Quantity > 0);

    /// <summary>The distinct printed titles (种) among the activities.</summary>
    public static int PrintedKinds(IEnumerable<HealthEducationActivity> activities) =>
        activities.SelectMany(a => a.Materials).Where(m => m.IsPrinted && m.Quantity > 0).Select(m => m.TitleKey).Distinct().Count();

    /// <summary>The distinct audio-video titles (种) among the activities.</summary>
    public static int AudioVideoKinds(IEnumerable<HealthEducationActivity> activities) =>
        activities.SelectMany(a => a.Materials).Where(m => m.Kind == MaterialKind.AudioVideo && m.Quantity > 0).Select(m => m.TitleKey).Distinct().Count();

    /// <summary>
    /// The figures of the four 考核指标 for activities dated from <paramref name="from"/> to <paramref name="to"/>, and
    /// the boards standing on <paramref name="to"/>; plus individual education (the institution's own sessions and
    /// those given during other services) and the share with TCM content.
    /// </summary>
    public static IReadOnlyList<EducationFigure> Figures(
        IReadOnlyCollection<ActivityRow> activities, IReadOnlyCollection<BulletinBoard> boards,
        IReadOnlyCollection<IndividualEducation> individual, DateOnly from, DateOnly to)
    {
        var rows = activities.Where(a => a.Activity.Date >= from && a.Activity.Date <= to).ToArray();
        long[] Ids(Func<HealthEducationActivity, bool> which) => rows.Where(r => which(r.Activity)).Select(r => r.Id).ToArray();
        int Sum(Func<HealthEducationActivity, bool> which, Func<HealthEducationActivity, int> value) => rows.Where(r => which(r.Activity)).Sum(r => value(r.Activity));
        var printed = Ids(HandsOutPrinted);
        var av = Ids(PlaysAudioVideo);
        var avForm = Ids(a => a.Form == ActivityForm.AudioVideo);
        var standing = boards.Where(b => BulletinBoards.Counts(b, to)).Select(b => b.Id).ToArray();
        var updates = BulletinBoards.Updates(rows).Where(u => standing.Contains(u.BoardId)).ToArray();
        var lectures = Ids(a => a.Form == ActivityForm.Lecture);
        var consultations = Ids(a => a.Form == ActivityForm.ConsultationEvent);
        var sessions = Ids(a => a.Form == ActivityForm.Individual);
        var tcm = Ids(a => a.TcmContent);
        var all = rows.Select(r => r.Activity).ToArray();
        var m1 = HealthEducationMeasures.PrintedMaterials.Code;
        var m2 = HealthEducationMeasures.AudioVideo.Code;
        var m3 = HealthEducationMeasures.BulletinBoards.Code;
        var m4 = HealthEducationMeasures.LecturesAndConsultations.Code;
        return
        [
            new("printed-kinds", "印刷资料种类", m1, PrintedKinds(all), printed),
            new("printed-copies", "印刷资料份数", m1, all.SelectMany(a => a.Materials).Where(m => m.IsPrinted).Sum(m => Math.Max(0, m.Quantity)), printed),
            new("audio-video-kinds", "音像资料种类", m2, AudioVideoKinds(all), av),
            new("audio-video-plays", "音像资料播放次数", m2, all.SelectMany(a => a.Materials).Where(m => m.Kind == MaterialKind.AudioVideo).Sum(m => Math.Max(0, m.Quantity)), av),
            new("audio-video-minutes", "音像资料播放时间（分钟）", m2, Sum(a => a.Form == ActivityForm.AudioVideo, a => a.DurationMinutes ?? 0), avForm),
            new("boards", "宣传栏个数（≥2平方米）", m3, standing.Length, standing),
            new("board-updates", "宣传栏内容更换次数", m3, updates.Length, updates.Select(u => u.ActivityId).Distinct().ToArray()),
            new("lectures", "健康知识讲座次数", m4, lectures.Length, lectures),
            new("lecture-participants", "健康知识讲座参加人数", m4, Sum(a => a.Form == ActivityForm.Lecture, a => a.AudienceCount ?? 0), lectures),
            new("consultations", "公众健康咨询活动次数", m4, consultations.Length, consultations),
            new("consultation-participants", "公众健康咨询活动参加人数", m4, Sum(a => a.Form == ActivityForm.ConsultationEvent, a => a.AudienceCount ?? 0), consultations),
            new("individual-education", "个体化健康教育人次", null,
                Sum(a => a.Form == ActivityForm.Individual, a => a.AudienceCount ?? 1) + individual.Count(i => i.Date >= from && i.Date <= to), sessions),
            new("tcm-activities", "含中医药内容的活动次数", null, tcm.Length, tcm),
        ];
    }
}
