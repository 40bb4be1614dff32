using HealthRecords.Domain.HealthEducation;

namespace HealthRecords.Domain.Tests.HealthEducation;

/// <summary>Activities and boards for the tests.</summary>
internal static class Activities
{
    private static long next = 1000;

    public static ActivityRow Row(HealthEducationActivity a) => new(Interlocked.Increment(ref next), a);

    public static HealthEducationActivity Lecture(DateOnly on, int audience = 40) => new()
    {
        Date = on, DurationMinutes = 60, Place = "跳磴镇卫生院健康教育室", Form = ActivityForm.Lecture, Topic = "高血压的自我管理",
        Contents = [EducationContent.KeyDiseases], Organiser = "公卫科", AudienceCategories = [AudienceCategory.Elderly],
        AudienceCount = audience, Content = "高血压的危害、测量和用药", FilledBy = "刘护士", FilledOn = on,
        ArchivedMaterials = [ArchivedMaterial.Pictures, ArchivedMaterial.SignInSheet],
    };

    public static HealthEducationActivity Consultation(DateOnly on, int audience = 120) => Lecture(on, audience) with
    {
        Form = ActivityForm.ConsultationEvent, Topic = "全国高血压日义诊咨询", Place = "跳磴镇场镇",
        Materials = [new MaterialGiven(MaterialKind.Leaflet, "高血压防治折页", 200)],
    };

    public static HealthEducationActivity Printed(DateOnly on, params string[] titles) => Lecture(on) with
    {
        Form = ActivityForm.PrintedMaterial, Topic = "候诊区放置健康教育资料", AudienceCount = null, AudienceCategories = [],
        Materials = titles.Select(t => new MaterialGiven(MaterialKind.Leaflet, t, 100)).ToArray(),
    };

    public static HealthEducationActivity AudioVideo(DateOnly on, params string[] titles) => Lecture(on) with
    {
        Form = ActivityForm.AudioVideo, Topic = "候诊区播放健康教育视频", AudienceCount = null, AudienceCategories = [], DurationMinutes = 90,
        Materials = titles.Select(t => new MaterialGiven(MaterialKind.AudioVideo, t, 3)).ToArray(),
    };

    public static HealthEducationActivity BoardUpdate(DateOnly on, params long[] boards) => Lecture(on) with
    {
        Form = ActivityForm.BulletinBoard, Topic = "预防手足口病", AudienceCount = null, AudienceCategories = [], BoardIds = boards,
    };

    public static BulletinBoard Board(long id, decimal area = 2.4m, DateOnly? setUp = null) =>
        new(id, $"宣传栏{id}", "门诊大厅", area, 1.55m, setUp ?? new DateOnly(2020, 1, 1));
}
